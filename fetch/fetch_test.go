package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbk encodes s as the GBK pages many portals still serve.
func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const listingHTML = `<html><body><ul>
<li><a href="/art/1.html">平潭县公安局2024年部门预算公开</a></li>
<li><a href="/art/2.html">关于召开工作会议的通知</a></li>
<li><a href="/private/3.html">平潭县法院2024年部门预算</a></li>
<li><a href="http://elsewhere.example/4.html">外站2024年部门预算</a></li>
<li><a href="javascript:void(0)">预算</a> <a href="#top">回到顶部</a></li>
</ul></body></html>`

// testPortal serves a listing, an article (GBK, as many portals) with a
// PDF and an .xls attachment behind a download script, and a robots.txt.
func testPortal(t *testing.T) *portal {
	p := newPortal(t)
	p.set("/robots.txt", &resource{body: []byte("User-agent: *\nDisallow: /private/\n"), ctype: "text/plain"})
	p.set("/list.html", htmlPage(listingHTML))
	article := &resource{body: gbk(t, `<html><head><meta charset="gbk"><title>平潭县公安局2024年部门预算公开</title></head><body>
<h1>平潭县公安局2024年部门预算公开</h1><p>发布时间：2024-2-5 来源：平潭县公安局</p>
<p>详见附件。</p>
<p><a href="../files/a.pdf">附件1：2024年部门预算.pdf</a></p>
<p><a href="/dl.jsp?id=7">附件2：2024年部门预算表.xls</a></p>
</body></html>`), ctype: "text/html", etag: `"art1"`, mod: time.Date(2024, 2, 5, 8, 0, 0, 0, time.UTC)}
	p.set("/art/1.html", article)
	p.set("/art/2.html", htmlPage("<p>会议</p>"))
	p.set("/files/a.pdf", pdf("budget tables, version 1"))
	p.set("/dl.jsp", &resource{body: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 xls"), ctype: "application/octet-stream",
		mod: time.Date(2024, 2, 5, 8, 0, 0, 0, time.UTC)})
	return p
}

// The bar: listing → article → attachments into the archive, then a second
// run over the unchanged portal makes only conditional requests, is
// answered 304 and adds nothing.
func TestListingArticleAttachments(t *testing.T) {
	p := testPortal(t)
	o := testOptions(t, "url,department,year,kind,region\n"+p.URL+"/list.html,平潭县公安局,2024,部门预算,福建平潭\n")
	rep := fetchRun(t, o)
	want := `/art/1.html new
/dl.jsp?id=7 new
/files/a.pdf new
/list.html new
/private/3.html robots`
	if got := outcomes(rep); got != want {
		t.Fatalf("first run:\n%s\nwant\n%s", got, want)
	}
	for _, s := range p.requests() {
		if s.path == "/art/2.html" || s.path == "/private/3.html" {
			t.Errorf("%s was requested", s.path)
		}
		if s.userAgent != o.UserAgent {
			t.Errorf("%s: User-Agent %q", s.path, s.userAgent)
		}
	}
	art, att, xls := byURL(t, rep, "/art/1.html"), byURL(t, rep, "/files/a.pdf"), byURL(t, rep, "/dl.jsp?id=7")
	if art.Role != roleArticle || art.Published != "2024-02-05" || art.ETag != `"art1"` || art.Status != 200 ||
		art.Referrer != p.URL+"/list.html" || !strings.HasSuffix(art.File, ".html") {
		t.Errorf("article row %+v", art)
	}
	if att.Role != roleAttachment || att.Referrer != p.URL+"/art/1.html" || att.Published != "2024-02-05" ||
		att.ContentType != "application/pdf" || att.SHA256 != sha("%PDF-1.4\nbudget tables, version 1") ||
		att.Bytes != int64(len("%PDF-1.4\nbudget tables, version 1")) || !strings.HasSuffix(att.File, ".pdf") {
		t.Errorf("attachment row %+v", att)
	}
	if !strings.HasSuffix(xls.File, ".xls") || xls.LastModified != "Mon, 05 Feb 2024 08:00:00 GMT" || xls.ETag != "" {
		t.Errorf("download script row %+v", xls)
	}
	// the original, content-addressed and read-only, and its current version in files/
	obj := filepath.Join(o.Archive, "objects", att.SHA256[:2], att.SHA256)
	if fi, err := os.Stat(obj); err != nil || fi.Mode().Perm()&0o222 != 0 {
		t.Fatalf("object %s: %v %v", obj, fi, err)
	}
	if data, err := os.ReadFile(filepath.Join(o.Archive, "files", att.File)); err != nil || sha(string(data)) != att.SHA256 {
		t.Fatalf("files/%s: %v", att.File, err)
	}
	meta := readMetadataCSV(t, o.Archive)
	if len(meta) != 3 {
		t.Fatalf("metadata.csv: %+v", meta)
	}
	// the article and its attachments are one disclosure, named as the article
	name := strings.TrimSuffix(filepath.Base(art.File), ".html")
	for _, m := range meta {
		if m.File == "files/"+art.File && (m.SourceURL != art.URL || m.Department != "平潭县公安局" || m.FiscalYear != "2024" || m.Kind != "部门预算" ||
			m.Note != "archived "+art.Time+"; published 2024-02-05; region 福建平潭") {
			t.Errorf("metadata row %+v", m)
		}
		if m.Disclosure != name || m.Version != 1 || m.PreviousSHA256 != "" {
			t.Errorf("metadata row %+v: want disclosure %s, version 1", m, name)
		}
		if m.File == "files/"+att.File && m.Archived != att.Time {
			t.Errorf("metadata row %+v: archived %s", m, att.Time)
		}
	}

	before := tree(t, o.Archive)
	rep2 := fetchRun(t, o)
	want = strings.NewReplacer(" new", " not-modified").Replace(want)
	if got := outcomes(rep2); got != want {
		t.Fatalf("second run:\n%s\nwant\n%s", got, want)
	}
	for _, s := range p.requests() {
		if s.path == "/robots.txt" {
			continue
		}
		if s.ifNoneMatch == "" && s.ifModifiedSince == "" || s.status != http.StatusNotModified {
			t.Errorf("second run: %s without validators or answered %d", s.path, s.status)
		}
	}
	after := tree(t, o.Archive)
	for f, data := range before {
		if f != ManifestFile && f != ReportFile && after[f] != data {
			t.Errorf("%s changed", f)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d files, then %d", len(before), len(after))
	}
	if n := len(readManifest(t, o.Archive)); n != 10 {
		t.Errorf("manifest has %d rows, want 5 a run", n)
	}
}

// A changed attachment is a new version: archived beside the old one,
// which is kept, and placed in files/ under the same name.
func TestChangedAttachment(t *testing.T) {
	p := testPortal(t)
	o := testOptions(t, "url\n"+p.URL+"/art/1.html\n")
	first := byURL(t, fetchRun(t, o), "/files/a.pdf")
	p.set("/files/a.pdf", pdf("budget tables, version 2"))
	rep := fetchRun(t, o)
	second := byURL(t, rep, "/files/a.pdf")
	if second.Outcome != OutcomeChanged || second.SHA256 == first.SHA256 || second.File != first.File {
		t.Fatalf("first %+v\nsecond %+v", first, second)
	}
	if byURL(t, rep, "/art/1.html").Outcome != OutcomeNotModified {
		t.Errorf("article: %+v", byURL(t, rep, "/art/1.html"))
	}
	for _, sum := range []string{first.SHA256, second.SHA256} {
		if _, err := os.Stat(filepath.Join(o.Archive, "objects", sum[:2], sum)); err != nil {
			t.Error(err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(o.Archive, "files", second.File))
	if string(data) != "%PDF-1.4\nbudget tables, version 2" {
		t.Errorf("files/ holds %q", data)
	}
	found := false
	for _, m := range readMetadataCSV(t, o.Archive) {
		if m.File != "files/"+second.File {
			continue
		}
		found = true
		if !strings.Contains(m.Note, "source changed (version 2)") || m.Version != 2 || m.Archived != second.Time ||
			m.PreviousSHA256 != first.SHA256 || m.PreviousArchived != first.Time {
			t.Errorf("metadata: %+v\nwant version 2 archived %s, previous %s archived %s", m, second.Time, first.SHA256, first.Time)
		}
	}
	if !found {
		t.Errorf("metadata.csv has no row for files/%s", second.File)
	}
}

// A server that ignores validators sends the same bytes again: nothing is
// added.
func TestServerWithoutValidators(t *testing.T) {
	p := newPortal(t)
	p.set("/a.pdf", &resource{body: []byte("%PDF-1.4 x"), ctype: "application/pdf"})
	o := testOptions(t, "url\n"+p.URL+"/a.pdf\n")
	fetchRun(t, o)
	before := tree(t, o.Archive)
	rep := fetchRun(t, o)
	if r := byURL(t, rep, "/a.pdf"); r.Outcome != OutcomeUnchanged || r.Role != roleAttachment {
		t.Fatalf("%+v", r)
	}
	after := tree(t, o.Archive)
	if len(after) != len(before) || after[pipelineMetadata] != before[pipelineMetadata] {
		t.Errorf("the archive changed:\n%v\n%v", before, after)
	}
}

const pipelineMetadata = "metadata.csv"

// One failing URL never stops the others, and each failure says what it
// was: 500s (retried), a dropped connection (retried), a slow response
// (timed out), a redirect loop, an oversize file, a page where an
// attachment was linked, a host that is down.
func TestFailuresAreIsolated(t *testing.T) {
	p := newPortal(t)
	down := newPortal(t)
	down.Close()
	var flaky, reset atomic.Int32
	p.handle("/always500.pdf", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	p.handle("/flaky.pdf", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) <= 2 {
			http.Error(w, "busy", 503)
			return
		}
		w.Write([]byte("%PDF-1.4 flaky"))
	})
	p.handle("/reset.pdf", func(w http.ResponseWriter, r *http.Request) {
		if reset.Add(1) <= 2 {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		w.Write([]byte("%PDF-1.4 reset"))
	})
	p.handle("/slow.pdf", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	p.handle("/loop1.pdf", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2.pdf", http.StatusFound) })
	p.handle("/loop2.pdf", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop1.pdf", http.StatusMovedPermanently)
	})
	p.handle("/moved.pdf", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok.pdf", http.StatusFound) })
	p.set("/big.pdf", &resource{body: []byte("%PDF-1.4 " + strings.Repeat("x", 4096)), ctype: "application/pdf"})
	p.handle("/stream.pdf", func(w http.ResponseWriter, r *http.Request) {
		for range 64 { // chunked: no Content-Length
			w.Write([]byte(strings.Repeat("x", 100)))
			w.(http.Flusher).Flush()
		}
	})
	p.set("/soft404.pdf", htmlPage("<p>页面不存在</p>"))
	p.set("/ok.pdf", &resource{body: []byte("%PDF-1.4 ok"), ctype: "application/pdf"})
	var links strings.Builder
	for _, f := range []string{"always500", "flaky", "reset", "slow", "loop1", "moved", "big", "stream", "soft404", "ok", "missing"} {
		fmt.Fprintf(&links, `<a href="/%s.pdf">%s</a>`, f, f)
	}
	fmt.Fprintf(&links, `<a href="%s/down.pdf">down</a>`, down.URL)
	p.set("/art.html", htmlPage(links.String()))
	o := testOptions(t, "url,page\n"+p.URL+"/art.html,article\n")
	// a timeout long enough for every other request on a loaded machine,
	// and far below the slow one's 5 s
	o.Retries, o.Timeout, o.MaxBytes = 2, time.Second, 1024
	t0 := time.Now()
	rep := fetchRun(t, o)
	if d := time.Since(t0); d > 12*time.Second { // three attempts of 5 s would be 15
		t.Errorf("the run took %v: the slow server was waited for", d)
	}
	for suffix, want := range map[string]string{
		"/always500.pdf": "failed HTTP 500 Internal Server Error",
		"/flaky.pdf":     "new ",
		"/reset.pdf":     "new ",
		"/slow.pdf":      "failed timed out after 1s",
		"/loop1.pdf":     "failed too many redirects (more than 5; the last to /loop",
		"/moved.pdf":     "new ",
		"/big.pdf":       "failed larger than the size cap: 4105 bytes announced, the cap is 1024",
		"/stream.pdf":    "failed larger than the size cap: more than 1024 bytes",
		"/soft404.pdf":   "failed not an attachment but a page (text/html; charset=utf-8)",
		"/ok.pdf":        "new ",
		"/missing.pdf":   "failed HTTP 404 Not Found",
		"/down.pdf":      "failed robots.txt unreadable (Get \"" + down.URL + "/robots.txt\": dial tcp",
		"/art.html":      "new ",
	} {
		r := byURL(t, rep, suffix)
		if got := r.Outcome + " " + r.Error; !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q", suffix, got, want)
		}
	}
	if n := countRequests(p.requests(), "/always500.pdf"); n != 3 {
		t.Errorf("a 500 was tried %d times, want 1 + 2 retries", n)
	}
	if r := byURL(t, rep, "/moved.pdf"); r.FinalURL != p.URL+"/ok.pdf" || r.SHA256 != sha("%PDF-1.4 ok") {
		t.Errorf("redirect: %+v", r)
	}
	// nothing of the oversize files is kept: the objects are the article,
	// the four PDFs (ok.pdf and moved.pdf are the same bytes) and the page
	// served for one
	objects := 0
	for f := range tree(t, filepath.Join(o.Archive, "objects")) {
		if !strings.HasPrefix(f, "tmp/") {
			objects++
		}
	}
	if objects != 5 {
		t.Errorf("%d objects", objects)
	}
	if entries, _ := os.ReadDir(filepath.Join(o.Archive, tmpDir)); len(entries) != 0 {
		t.Errorf("downloads left in tmp: %v", entries)
	}
	if rep.Failed() != 8 {
		t.Errorf("%d failed", rep.Failed())
	}
}

func countRequests(log []served, path string) int {
	n := 0
	for _, s := range log {
		if s.path == path {
			n++
		}
	}
	return n
}

// A robots.txt the host cannot serve (5xx) disallows the whole host, and
// every URL of it is reported failed with the reason.
func TestRobotsUnreadable(t *testing.T) {
	p := newPortal(t)
	p.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 503) })
	p.set("/a.pdf", &resource{body: []byte("%PDF-1.4 x"), ctype: "application/pdf"})
	o := testOptions(t, "url\n"+p.URL+"/a.pdf\n")
	o.Retries = 0
	rep := fetchRun(t, o)
	if r := byURL(t, rep, "/a.pdf"); r.Outcome != OutcomeFailed || r.Error != "robots.txt unreadable (HTTP 503 Service Unavailable): the host is not fetched" {
		t.Fatalf("%+v", r)
	}
	if n := countRequests(p.requests(), "/a.pdf"); n != 0 {
		t.Errorf("a.pdf requested %d times", n)
	}
}

// Requests to one host keep to its slots and its interval.
func TestPerHostLimits(t *testing.T) {
	p := newPortal(t)
	var links strings.Builder
	for i := range 6 {
		name := fmt.Sprintf("/%d.pdf", i)
		p.handle(name, func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(20 * time.Millisecond)
			w.Write([]byte("%PDF-1.4 " + name))
		})
		fmt.Fprintf(&links, `<a href="%s">x</a>`, name)
	}
	p.set("/art.html", htmlPage(links.String()))
	o := testOptions(t, "url,page\n"+p.URL+"/art.html,article\n")
	o.PerHost = 2
	fetchRun(t, o)
	if p.maxIn > 2 {
		t.Errorf("%d requests in flight at once, the limit is 2", p.maxIn)
	}
	const interval = 100 * time.Millisecond
	o.PerHost, o.Interval = 1, interval
	o.Archive += "2"
	fetchRun(t, o)
	log := p.requests()
	log = log[len(log)-8:] // robots.txt, the article and the six PDFs of the second run
	// request k starts k intervals after the first at the earliest; it
	// arrives later by what the network and the scheduler add, which may
	// shorten the gap after a late one but never the time since the first
	// (give or take the first's own lateness: half an interval)
	for k := 1; k < len(log); k++ {
		if since := log[k].at.Sub(log[0].at); since < time.Duration(k)*interval-interval/2 {
			t.Errorf("%s %v after %s, request %d of a host allowed one each %v", log[k].path, since, log[0].path, k, interval)
		}
	}
}

// A second run while one holds the archive fails at once.
func TestArchiveLocked(t *testing.T) {
	dir := t.TempDir()
	a, err := openArchive(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	if _, err := openArchive(dir); err == nil || !strings.Contains(err.Error(), "another run") {
		t.Fatalf("second open: %v", err)
	}
}

// A manifest row cut short by a crash is dropped; the next row starts on
// its own line.
func TestManifestCutShort(t *testing.T) {
	dir := t.TempDir()
	full := manifestHeader + "\n2024-01-01T00:00:00Z,http://a/x.pdf,,200,,,ab12,3,,,attachment,new,x.pdf,,,,,,,\n"
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), []byte(full+"2024-01-02T00:00:00Z,http://a/y"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := openArchive(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := a.latest["http://a/x.pdf"]; len(a.latest) != 1 || !ok || r.SHA256 != "ab12" {
		t.Fatalf("%+v", a.latest)
	}
	if err := a.log(Record{Time: "2024-01-03T00:00:00Z", URL: "http://a/z", Outcome: OutcomeFailed, Error: "x, \"y\""}); err != nil {
		t.Fatal(err)
	}
	a.close()
	rows := readManifest(t, dir)
	if len(rows) != 2 || rows[1].URL != "http://a/z" || rows[1].Error != "x, \"y\"" {
		t.Fatalf("%+v", rows)
	}
}

func TestManifestOfAnotherFormat(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), []byte("url,sha256\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openArchive(dir); err == nil || !strings.Contains(err.Error(), "manifest.csv:1: the header is") {
		t.Fatalf("%v", err)
	}
}

func TestSourcesErrors(t *testing.T) {
	for _, c := range []struct{ csv, want string }{
		{"url\n", "no sources"},
		{"url\nhttp://a/\n\n", ""},
		{"\ufeffurl\nhttp://a/\n", ""},
		{"url,page\nhttp://a/\n", "wrong number of fields"},
		{"url\nftp://a/x\n", "sources.csv:2: url \"ftp://a/x\" is not an http(s) URL"},
		{"url,page\nhttp://a/,listing\nhttp://b/,index\n", "sources.csv:3: page \"index\" must be listing, article or empty"},
		{"url,links\nhttp://a/,(预算\n", "sources.csv:2: links: error parsing regexp"},
		{"link\nhttp://a/\n", "sources.csv:2: column url is empty"},
	} {
		o := testOptions(t, c.csv)
		_, err := ReadSources(o.Sources)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%q: %v, want %q", c.csv, err, c.want)
		}
	}
}

// sources.csv as Excel saves it on Chinese Windows (GB18030) reads the same.
func TestSourcesGBK(t *testing.T) {
	o := testOptions(t, "")
	if err := os.WriteFile(o.Sources, gbk(t, "url,department\nhttp://a/,平潭县公安局\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := ReadSources(o.Sources)
	if err != nil || src[0].Department != "平潭县公安局" {
		t.Fatalf("%v %+v", err, src)
	}
}

// An interrupted run returns the context's error.
func TestCancelled(t *testing.T) {
	p := testPortal(t)
	o := testOptions(t, "url\n"+p.URL+"/list.html\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, o); !errors.Is(err, context.Canceled) {
		t.Fatalf("%v", err)
	}
}

func TestManifestBadRow(t *testing.T) {
	dir := t.TempDir()
	data := manifestHeader + "\n2024-01-01T00:00:00Z,http://a/x.pdf,,abc,,,ab12,3,,,attachment,new,x.pdf,,,,,,,\n"
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := openArchive(dir); err == nil || !strings.Contains(err.Error(), "manifest.csv") || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("%v", err)
	}
}
