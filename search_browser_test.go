package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSearch types two-character and longer words into the search
// page and follows the first figure found to its source line.
func TestBrowserSearch(t *testing.T) {
	ctx, cancel := newTab(t)
	defer cancel()
	srv := httptest.NewServer(http.FileServer(http.Dir(builtSite(t))))
	defer srv.Close()
	for _, c := range []struct{ q, first string }{
		{"公积", "住房公积金"},
		{"三公", "“三公”经费"},
		{"万里街道", "上海市普陀区人民政府万里街道办事处"},
	} {
		var first, status, href, loc, target string
		err := chromedp.Run(ctx,
			chromedp.Navigate(srv.URL+"/search.html"),
			chromedp.WaitVisible(`#search input[name=q]`),
			chromedp.SendKeys(`#search input[name=q]`, c.q+"\n"),
			chromedp.WaitVisible(`#results li.result`),
			chromedp.Text(`#results li.result b`, &first),
			chromedp.Text(`#status`, &status),
			chromedp.AttributeValue(`#results li.result ul a`, "href", &href, nil),
			chromedp.Click(`#results li.result ul a`),
			chromedp.WaitVisible(`main h1`),
			chromedp.Location(&loc),
			chromedp.Evaluate(`(document.querySelector(':target') || {}).textContent || ''`, &target),
		)
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if first != c.first || !strings.HasPrefix(status, "找到") {
			t.Errorf("%s: first result %q (%s), want %q", c.q, first, status, c.first)
		}
		if strings.Contains(href, "source/") && (!strings.Contains(loc, "#L") || strings.TrimSpace(target) == "") {
			t.Errorf("%s: the figure's link %s led to %s, target %q", c.q, href, loc, target)
		}
	}
}
