package fetch

import (
	"fmt"
	"strings"
	"testing"
)

// TestListingPages: a listing's further pages are followed — a 下一页 link
// page after page, and the pages a script's pager names — up to MaxPages
// in all; a 下一页 link to another folder or host is not a page of it.
func TestListingPages(t *testing.T) {
	p := newPortal(t)
	article := func(n int) string {
		p.set(fmt.Sprintf("/gk/art%d.html", n), htmlPage(fmt.Sprintf("<h1>某局2024年部门预算</h1><p>%d</p>", n)))
		return fmt.Sprintf(`<a href="art%d.html">某局2024年部门预算 %d</a>`, n, n)
	}
	// linked pages: list.html → list2.html → list3.html → list4.html
	p.set("/gk/list.html", htmlPage(article(1)+`<a href="list2.html">下一页</a><a href="/other/list.html">下一页</a>`))
	p.set("/gk/list2.html", htmlPage(article(2)+`<a href="list3.html">下一页</a>`))
	p.set("/gk/list3.html", htmlPage(article(3)+`<a href="list4.html"> 下一页 </a>`))
	p.set("/gk/list4.html", htmlPage(article(4)))
	p.set("/other/list.html", htmlPage(article(9)))
	// a script's pager: index.html names index_1.html and index_2.html
	p.set("/gk/index.html", htmlPage(article(5)+`<script>createPageHTML(3, 0, "index", "html");</script>`))
	p.set("/gk/index_1.html", htmlPage(article(6)))
	p.set("/gk/index_2.html", htmlPage(article(7)))
	o := testOptions(t, "url,page\n"+p.URL+"/gk/list.html,listing\n"+p.URL+"/gk/index.html,listing\n")
	o.MaxPages = 3
	rep := fetchRun(t, o)
	got := map[string]bool{}
	for _, r := range rep.URLs {
		got[r.URL[len(p.URL):]] = true
	}
	for _, want := range []string{"/gk/list2.html", "/gk/list3.html", "/gk/art1.html", "/gk/art2.html", "/gk/art3.html",
		"/gk/index_1.html", "/gk/index_2.html", "/gk/art5.html", "/gk/art6.html", "/gk/art7.html"} {
		if !got[want] {
			t.Errorf("%s not fetched", want)
		}
	}
	for _, not := range []string{"/gk/list4.html", "/gk/art4.html", "/other/list.html", "/gk/art9.html"} {
		if got[not] {
			t.Errorf("%s fetched: past MaxPages or not a page of the listing", not)
		}
	}
	if t.Failed() {
		var urls []string
		for u := range got {
			urls = append(urls, u)
		}
		t.Logf("fetched %s", strings.Join(urls, " "))
	}
}
