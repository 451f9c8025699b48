package site

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// The escapers of a link are html/template's, for random values: one that
// starts a link, one in its path after text, one after its #, and text.
func TestEscapersAsTemplate(t *testing.T) {
	tm := template.Must(template.New("").Parse(`<a href="{{.}}">|<a href="x/{{.}}">|<a href="x#{{.}}">|<p title="{{.}}">{{.}}</p>`))
	pieces := []string{"", "a", "Z9", "收入", "<&>\"'+", "%41", "%4", "%zz", "%", "http:", "HTTPS://x", "javascript:", "JavaScript:x", "mailto:x@y", "data:", "a/b:c",
		"/x:y", " ", "\x00", "\x7f", "\xff", "~._-", "!#$&*+,/:;=?@[]", "()'", "\u2028", "é"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		var out strings.Builder
		if err := tm.Execute(&out, s); err != nil {
			t.Fatal(err)
		}
		want := out.String()
		got := `<a href="` + urlStart(s) + `">|<a href="x/` + urlPath(s) + `">|<a href="x#` + urlPart(s) + `">|<p title="` + htmlText(s) + `">` + htmlText(s) + `</p>`
		if got != want {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}
