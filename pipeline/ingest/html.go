package ingest

import (
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

func isHTML(path, s string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return true
	}
	// the opening only is lowered (a text's whole was, a build's every
	// input): lowering goes rune by rune, so its first bytes are the
	// first bytes' lowered
	head := strings.TrimSpace(s)
	if len(head) > 512 {
		head = head[:512]
	}
	head = strings.ToLower(head)
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// blocks are the elements that start a new line of text.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "footer": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "table": true, "tbody": true, "thead": true,
	"tfoot": true, "tr": true, "title": true, "ul": true, "caption": true,
}

// HTMLText reduces an HTML page to its text, one block per line. Scripts,
// styles and other non-text elements are dropped; table cells are separated
// by a tab so that a table row stays on one line.
func HTMLText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	newline := func() {
		str := b.String()
		if len(str) > 0 && !strings.HasSuffix(str, "\n") {
			b.WriteByte('\n')
		}
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String()) + "\n"
		case html.TextToken:
			if skip == 0 {
				text := strings.Join(strings.Fields(string(z.Text())), " ")
				b.WriteString(text)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == "script" || tag == "style" || tag == "noscript" || tag == "template":
				skip++
			case tag == "td" || tag == "th":
				b.WriteByte('\t')
			case blocks[tag]:
				newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == "script" || tag == "style" || tag == "noscript" || tag == "template":
				if skip > 0 {
					skip--
				}
			case blocks[tag]:
				newline()
			}
		}
	}
}
