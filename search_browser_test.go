package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserSearchMobile checks, on one built site served as 'budgetpub
// serve' serves it (its Content-Security-Policy included), the search page,
// the layout at a phone's width, the sortable previews and the query page;
// no page may log an error or break the policy.
func TestBrowserSearchMobile(t *testing.T) {
	dir := builtSite(t)
	srv := httptest.NewServer(siteServer{dir})
	defer srv.Close()
	tab := newTab(t)
	problems := watchConsole(tab)
	t.Run("search", func(t *testing.T) { browserSearch(t, tab, srv.URL) })
	t.Run("sentences", func(t *testing.T) { browserSentences(t, tab, srv.URL, dir) })
	t.Run("mobile", func(t *testing.T) { browserWidths(t, tab, srv.URL, dir) })
	t.Run("sort", func(t *testing.T) { browserSort(t, tab, srv.URL) })
	t.Run("query", func(t *testing.T) { browserQuery(t, tab, srv.URL, dir) })
	if msgs := problems(); len(msgs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(msgs, "\n"))
	}
}

// browserSearch types two-character and longer words into the search
// page and follows the first figure found to its source line.
func browserSearch(t *testing.T, tab context.Context, base string) {
	// the catalog finds disclosures by department only, and hands the words
	// to the search of figures
	var first string
	step(t, tab, "search the catalog for 公积金, then the figures", chromedp.Navigate(base+"/index.html"), chromedp.WaitVisible(`#catalog`),
		chromedp.SendKeys(`#filters input[name=q]`, "公积金"), waitFor(`document.getElementById("count").textContent === "0"`),
		chromedp.Click(`#fulltext`), chromedp.WaitVisible(`#results li.result`), chromedp.Text(`#results li.result b`, &first))
	if first != "住房公积金" {
		t.Errorf("the catalog's link to the search of figures for 公积金 found %q first", first)
	}
	for _, c := range []struct{ q, first string }{
		{"公积", "住房公积金"},
		{"三公", "“三公”经费"},
		{"万里街道", "上海市普陀区人民政府万里街道办事处"},
	} {
		var first, status, href, loc, target string
		step(t, tab, "search "+c.q, chromedp.Navigate(base+"/search.html"), chromedp.WaitVisible(`#search input[name=q]`),
			chromedp.SendKeys(`#search input[name=q]`, c.q+"\n"), chromedp.WaitVisible(`#results li.result`),
			chromedp.Text(`#results li.result b`, &first), chromedp.Text(`#status`, &status),
			chromedp.AttributeValue(`#results li.result ul a`, "href", &href, nil))
		if first != c.first || !strings.HasPrefix(status, "找到") {
			t.Errorf("%s: first result %q (%s), want %q", c.q, first, status, c.first)
		}
		step(t, tab, "follow the first found of "+c.q, chromedp.Click(`#results li.result ul a`), chromedp.WaitVisible(`main h1`),
			chromedp.Location(&loc), chromedp.Evaluate(`(document.querySelector(':target') || {}).textContent || ''`, &target))
		if strings.Contains(href, "source/") && (!strings.Contains(loc, "#") || strings.TrimSpace(target) == "") {
			t.Errorf("%s: the figure's link %s led to %s, target %q", c.q, href, loc, target)
		}
	}
}

// browserSentences searches words that only the narratives' sentences
// hold, each sentence shown as budgetpub.sqlite has it (its text cut from
// its source page) under its document's title, and follows the first
// sentence found to the line it starts on; a query of words in most
// disclosures says that the sentence index leaves them out.
func browserSentences(t *testing.T, tab context.Context, base, dir string) {
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"来访接待", "决策部署"} {
		var text, href, status, target, title string
		var shown []string
		step(t, tab, "search the sentences for "+q, chromedp.Navigate(base+"/search.html?q="+url.QueryEscape(q)),
			chromedp.WaitVisible(`#sentences li.result`), chromedp.Text(`#sentences li.result p`, &text),
			chromedp.AttributeValue(`#sentences li.result a`, "href", &href, nil), chromedp.Text(`#sentence-status`, &status),
			chromedp.Text(`#sentences li.result a`, &title),
			chromedp.Evaluate(`Array.from(document.querySelectorAll("#sentences li.result p")).map(function (p) { return p.textContent; })`, &shown))
		if !strings.Contains(text, q) || !strings.HasPrefix(status, "找到") {
			t.Errorf("%s: first sentence %q (%s)", q, text, status)
		}
		if !strings.HasSuffix(title, "预算") && !strings.HasSuffix(title, "决算") {
			t.Errorf("%s: the first sentence's document is shown as %q, not its title", q, title)
		}
		for _, s := range shown {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM fts_entries WHERE kind = 'sentence' AND text = ?`, s).Scan(&n); err != nil || n == 0 {
				t.Errorf("%s: the sentence shown %q is none of budgetpub.sqlite's (%v)", q, s, err)
			}
		}
		step(t, tab, "follow the first sentence of "+q, chromedp.Click(`#sentences li.result a`), chromedp.WaitVisible(`main h1`),
			chromedp.Evaluate(`(document.querySelector(':target') || {}).textContent || ''`, &target))
		if !strings.Contains(href, "source/") || !strings.Contains(href, "#") || !startsOn(text, strings.TrimSpace(strings.TrimLeft(target, "0123456789"))) {
			t.Errorf("%s: %q links %s, whose line is %q", q, text, href, target)
		}
	}
	var status string
	step(t, tab, "search the sentences for common words", chromedp.Navigate(base+"/search.html?q="+url.QueryEscape("预算支出")),
		waitFor(`document.getElementById("sentence-status").textContent.indexOf("16") >= 0`), chromedp.Text(`#sentence-status`, &status))
	if !strings.Contains(status, "more than 16 disclosures") {
		t.Errorf("预算支出: %q", status)
	}
}

// browserQuery runs a query from the URL and one from the filters on the
// query page: each shows the number of rows SQLite gives, sortable, with a
// CSV to download.
func browserQuery(t *testing.T, tab context.Context, base, dir string) {
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(q string) int {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM (" + q + ")").Scan(&n); err != nil || n == 0 {
			t.Fatalf("sqlite %s: %d rows, %v", q, n, err)
		}
		return n
	}
	q := `SELECT document_id, name, amount FROM line_items WHERE name LIKE '%公积金%'`
	var caption, download, generated string
	step(t, tab, "run a query from the URL", chromedp.Navigate(base+"/query.html?sql="+url.QueryEscape(q)),
		chromedp.WaitVisible(`#result-table button.sort`), chromedp.Text(`#result-table caption`, &caption),
		chromedp.Evaluate(`document.getElementById('download').href`, &download))
	if want := fmt.Sprintf("%d 行 rows", count(q)); caption != want || !strings.HasPrefix(download, "blob:") {
		t.Errorf("%s: %q, download %q; want %q and a CSV", q, caption, download, want)
	}
	step(t, tab, "filter by department and class", chromedp.Navigate(base+"/query.html"), chromedp.WaitVisible(`#filters`),
		chromedp.SendKeys(`#filters input[name=department]`, "检察院"),
		chromedp.SetValue(`#filters select[name=scheme]`, "functional"),
		chromedp.Click(`#filters button`), chromedp.WaitVisible(`#result-table`),
		chromedp.Value(`#sql`, &generated), chromedp.Text(`#result-table caption`, &caption))
	if want := fmt.Sprintf("%d 行 rows", count(generated)); !strings.Contains(generated, "检察院") || caption != want {
		t.Errorf("filters gave %q: %q, want %q", generated, caption, want)
	}
}

// browserWidths opens a page of every kind at 390 and at 1280 px: none
// may be wider than the viewport (a wide table scrolls inside its own box).
func browserWidths(t *testing.T, tab context.Context, base, dir string) {
	pages := []string{"index.html", "checks.html", "coverage.html", "search.html?q=公积金", "query.html?sql=SELECT%20*%20FROM%20documents", "404.html", "dataset/line_items.html", "dataset/documents.html"}
	for _, sub := range []string{"doc", "source", "dept"} {
		ents, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".html") && (strings.HasPrefix(e.Name(), "01_") || sub == "dept") {
				pages = append(pages, sub+"/"+e.Name())
				break
			}
		}
	}
	for _, width := range []int64{390, 1280} {
		for _, p := range pages {
			var sw, iw int
			var wide string
			ready := `main` // and a search's or a query's results, drawn later
			if strings.Contains(p, "?") {
				ready = `#results li, #result-table`
			}
			step(t, tab, fmt.Sprintf("open %s at %d px", p, width), chromedp.EmulateViewport(width, 844),
				chromedp.Navigate(base+"/"+p), chromedp.WaitVisible(ready),
				chromedp.Evaluate(`document.documentElement.scrollWidth`, &sw),
				chromedp.Evaluate(`window.innerWidth`, &iw),
				// the outermost element that sticks out, to name in the message
				chromedp.Evaluate(`(Array.from(document.querySelectorAll('body *')).find(e => e.getBoundingClientRect().right > window.innerWidth + 1) || {outerHTML: ''}).outerHTML.slice(0, 120)`, &wide))
			if sw > iw {
				t.Errorf("%s at %d px: the page is %d px wide: %s", p, width, sw, wide)
			}
		}
	}
}

// browserSort sorts a dataset's preview by a number column, both ways.
func browserSort(t *testing.T, tab context.Context, base string) {
	col := `Array.from(document.querySelectorAll('#preview-table th')).findIndex(th => th.textContent.trim().startsWith('amount'))`
	values := `Array.from(document.querySelectorAll('#preview-table tbody tr')).map(r => r.cells[` + col + `].textContent.trim()).filter(s => s !== '').map(Number)`
	click := `document.querySelectorAll('#preview-table th')[` + col + `].querySelector('button').click()`
	var up, down []float64
	step(t, tab, "sort the preview by amount", chromedp.Navigate(base+"/dataset/line_items.html"),
		chromedp.WaitVisible(`#preview-table button.sort`),
		chromedp.Evaluate(click, nil), chromedp.Evaluate(values, &up),
		chromedp.Evaluate(click, nil), chromedp.Evaluate(values, &down))
	if len(up) < 5 || len(down) != len(up) {
		t.Fatalf("amounts %v / %v", up, down)
	}
	for i := 1; i < len(up); i++ {
		if up[i] < up[i-1] || down[i] > down[i-1] {
			t.Fatalf("not sorted: %v then %v", up, down)
		}
	}
}
