package fetch

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// link is a link found on a page: its absolute URL (without fragment) and
// its text.
type link struct {
	url  *url.URL
	text string
}

// attachmentExts are the files fetched as attachments.
var attachmentExts = map[string]bool{
	".pdf": true, ".xls": true, ".xlsx": true, ".doc": true, ".docx": true, ".et": true, ".wps": true,
}

// page is what a fetched HTML page holds for the crawl.
type page struct {
	links     []link
	published string // YYYY-MM-DD of a 发布时间 line, "" when none
	// more are a listing's further pages that its script writes the
	// links of (createPageHTML), in order
	more []*url.URL
}

// nextPageRe is the text of a link to a listing's next page.
var nextPageRe = regexp.MustCompile(`^(?:下一页|下页|后页|下一頁|[Nn]ext(?: [Pp]age)?|›|»|>|>>)$`)

// pagerRe is the pager many portals' publishing systems write with a
// script: createPageHTML(pages, current, "index", "html") — pages
// index.html, index_1.html … index_<pages-1>.html beside the listing.
var pagerRe = regexp.MustCompile(`createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']`)

// publishedRe finds the publication date portals print above an article.
var publishedRe = regexp.MustCompile(`(?:发布时间|发布日期|发文日期|成文日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)

// maxPagerPages bounds the pages a script's pager may name.
const maxPagerPages = 1000

// parsePage reads a page's links (a, iframe and embed elements; a <base>
// is honoured) and publication date. contentType gives the charset when
// the page's own <meta> does not.
func parsePage(data []byte, base *url.URL, contentType string) (*page, error) {
	r, err := charset.NewReader(bytes.NewReader(data), contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	p := &page{}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			text.WriteString(n.Data)
			text.WriteByte(' ')
		case n.Type == html.ElementNode && n.Data == "base":
			if u, err := base.Parse(attr(n, "href")); err == nil && attr(n, "href") != "" {
				base = u
			}
		case n.Type == html.ElementNode && n.Data == "script":
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if m := pagerRe.FindStringSubmatch(c.Data); c.Type == html.TextNode && m != nil && len(p.more) == 0 {
					pages, _ := strconv.Atoi(m[1])
					for i := 1; i < min(pages, maxPagerPages); i++ {
						if u := resolve(base, m[3]+"_"+strconv.Itoa(i)+"."+m[4]); u != nil {
							p.more = append(p.more, u)
						}
					}
				}
			}
			return
		case n.Type == html.ElementNode && n.Data == "style":
			return
		case n.Type == html.ElementNode && (n.Data == "a" || n.Data == "iframe" || n.Data == "embed"):
			href := attr(n, "href")
			if n.Data != "a" {
				href = attr(n, "src")
			}
			if u := resolve(base, href); u != nil {
				p.links = append(p.links, link{url: u, text: strings.Join(strings.Fields(textOf(n)), " ")})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m := publishedRe.FindStringSubmatch(text.String()); m != nil {
		month, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if month >= 1 && month <= 12 && day >= 1 && day <= 31 {
			p.published = fmt.Sprintf("%s-%02d-%02d", m[1], month, day)
		}
	}
	return p, nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// resolve makes href absolute; it returns nil for links that lead nowhere
// to fetch (javascript:, mailto:, the page's own fragments).
func resolve(base *url.URL, href string) *url.URL {
	if href == "" || strings.HasPrefix(href, "#") {
		return nil
	}
	u, err := base.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	u.Fragment, u.RawFragment = "", ""
	return u
}

// attachmentExt is the extension of an attachment link, from its URL's
// path or, for download scripts (download.jsp?id=…), its text; "" when the
// link is not to an attachment.
func attachmentExt(l link) string {
	if ext := strings.ToLower(path.Ext(l.url.Path)); attachmentExts[ext] {
		return ext
	}
	if ext := strings.ToLower(path.Ext(l.text)); attachmentExts[ext] {
		return ext
	}
	return ""
}
