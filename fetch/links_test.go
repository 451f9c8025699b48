package fetch

import (
	"net/url"
	"strings"
	"testing"
)

func TestParsePage(t *testing.T) {
	base, _ := url.Parse("http://www.example.gov.cn/zwgk/list/index.html")
	p, err := parsePage([]byte(`<html><head><base href="/zwgk/"><script>var a = "<a href='/x'>";</script></head><body>
<p>发布日期： 2017 年 8 月 15 日</p>
<a href="art/1.html#top"> 2016年度 <b>部门决算</b> </a>
<a href="mailto:x@example.org">mail</a>
<iframe src="/files/a.pdf"></iframe>
<a href="download.jsp?id=9">附件：决算表.XLS</a>
</body></html>`), base, "text/html")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range p.links {
		got = append(got, l.url.String()+" "+l.text+" "+attachmentExt(l))
	}
	want := "http://www.example.gov.cn/zwgk/art/1.html 2016年度 部门决算 |" +
		"http://www.example.gov.cn/files/a.pdf  .pdf|" +
		"http://www.example.gov.cn/zwgk/download.jsp?id=9 附件：决算表.XLS .xls"
	if strings.Join(got, "|") != want {
		t.Errorf("links:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	if p.published != "2017-08-15" {
		t.Errorf("published %q", p.published)
	}
}

func TestFileName(t *testing.T) {
	for _, c := range []struct{ url, ext, want string }{
		{"http://www.pingtan.gov.cn/zwgk/201708/t20170815_7595.htm", ".html", "www.pingtan.gov.cn/t20170815_7595-"},
		{"https://Example.gov.cn:8443/a/%E9%83%A8%E9%97%A8%E5%86%B3%E7%AE%97.pdf", ".pdf", "example.gov.cn_8443/部门决算-"},
		{"http://h/dl.jsp?id=7", ".xls", "h/dl-"},
		{"http://h/", ".html", "h/index-"},
		{"http://h/..%2F..%2Fetc.pdf", ".pdf", "h/etc-"},
	} {
		u, _ := url.Parse(c.url)
		got := fileName(u, c.ext)
		if !strings.HasPrefix(got, c.want) || !strings.HasSuffix(got, c.ext) || len(got) != len(c.want)+10+len(c.ext) {
			t.Errorf("%s: %q, want %s<hash>%s", c.url, got, c.want, c.ext)
		}
	}
	a, _ := url.Parse("http://h/dl.jsp?id=7")
	b, _ := url.Parse("http://h/dl.jsp?id=8")
	if fileName(a, ".xls") == fileName(b, ".xls") {
		t.Error("two URLs, one name")
	}
}
