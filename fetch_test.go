package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// The bar of nightly acquisition: a local static portal (a listing page
// linking an article page with a PDF attachment) is fetched into an
// archive; a second fetch makes only conditional requests and adds
// nothing; build --in the archive publishes the disclosure with its source
// URL on its page.
func TestFetchThenBuild(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	pdf, err := os.ReadFile("data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.pdf")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"/zwgk/bmys/index.html": []byte(`<html><body><h1>部门预算</h1><ul>
<li><a href="2024/art_1.html">上海市普陀区万里街道2024年部门预算</a> 2024-02-05</li>
<li><a href="/zwgk/news/2.html">街道召开工作会议</a></li></ul></body></html>`),
		"/zwgk/bmys/2024/art_1.html": []byte(`<html><head><meta charset="utf-8"><title>上海市普陀区人民政府万里街道办事处2024年部门预算</title></head><body>
<h1>上海市普陀区人民政府万里街道办事处2024年部门预算</h1><p>发布时间：2024-02-05</p><p>详见附件。</p>
<p><a href="/files/2024/wanli-2024.pdf">附件：万里街道2024年部门预算.pdf</a></p></body></html>`),
		"/files/2024/wanli-2024.pdf": pdf,
	}
	var mu sync.Mutex
	var log []string // path, If-None-Match and status of each request
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status := http.StatusNotFound
		if body, ok := files[r.URL.Path]; ok {
			sum := sha256.Sum256(body)
			w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
			rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
			http.ServeContent(rec, r, r.URL.Path, time.Date(2024, 2, 5, 8, 0, 0, 0, time.UTC), bytes.NewReader(body))
			status = rec.status
		} else {
			http.NotFound(w, r)
		}
		mu.Lock()
		log = append(log, r.URL.Path+" "+r.Header.Get("If-None-Match")+" "+http.StatusText(status))
		mu.Unlock()
	}))
	defer portal.Close()
	tmp := t.TempDir()
	sources, archive, out := filepath.Join(tmp, "sources.csv"), filepath.Join(tmp, "archive"), filepath.Join(tmp, "public")
	if err := os.WriteFile(sources, []byte("url,publisher\n"+portal.URL+"/zwgk/bmys/index.html,上海市普陀区人民政府万里街道办事处\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fetchArgs := []string{"fetch", "--sources", sources, "--archive", archive, "--interval", "0", "--quiet"}
	code, stdout, stderr := runCLI(fetchArgs...)
	if code != 0 || !strings.HasPrefix(stdout, "3 URLs, 4 requests: 3 new, 0 changed, 0 not modified") {
		t.Fatalf("fetch: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI("build", "--in", archive, "--out", out, "--quiet")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	pdfURL := portal.URL + "/files/2024/wanli-2024.pdf"
	sum := sha256.Sum256(pdf)
	var page string
	docs, _ := filepath.Glob(filepath.Join(out, "doc", "*.html"))
	for _, d := range docs {
		if data, _ := os.ReadFile(d); bytes.Contains(data, []byte(`href="`+pdfURL+`"`)) {
			page = string(data)
		}
	}
	if page == "" {
		t.Fatalf("no page links %s among %v", pdfURL, docs)
	}
	for _, want := range []string{hex.EncodeToString(sum[:]), "files/127.0.0.1_", "上海市普陀区人民政府万里街道办事处"} {
		if !strings.Contains(page, want) {
			t.Errorf("the disclosure's page lacks %q", want)
		}
	}
	before := readTree(t, archive)

	mu.Lock()
	log = nil
	mu.Unlock()
	code, stdout, stderr = runCLI(fetchArgs...)
	if code != 0 || !strings.HasPrefix(stdout, "3 URLs, 4 requests: 0 new, 0 changed, 3 not modified") {
		t.Fatalf("second fetch: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, l := range log {
		if !strings.HasPrefix(l, "/robots.txt ") && !strings.HasSuffix(l, `" Not Modified`) {
			t.Errorf("second fetch: %s", l)
		}
	}
	after := readTree(t, archive)
	for f := range after {
		if f != "manifest.csv" && f != "run.json" && !bytes.Equal(before[f], after[f]) {
			t.Errorf("the second fetch added or changed %s", f)
		}
	}
	if code, stdout, _ = runCLI("build", "--in", archive, "--out", out, "--quiet"); code != 0 || !strings.Contains(stdout, "nothing changed") {
		t.Errorf("second build: exit %d, %s", code, stdout)
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func TestFetchExitCodes(t *testing.T) {
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
	}))
	defer portal.Close()
	tmp := t.TempDir()
	bad, failing := filepath.Join(tmp, "bad.csv"), filepath.Join(tmp, "failing.csv")
	os.WriteFile(bad, []byte("url\nnot a url\n"), 0o644)
	os.WriteFile(failing, []byte("url\n"+portal.URL+"/a.pdf\n"), 0o644)
	archive := filepath.Join(tmp, "archive")
	for _, c := range []struct {
		args   []string
		code   int
		output string
	}{
		{[]string{"fetch", "--archive", archive}, 2, "Usage: budgetpub fetch"},
		{[]string{"fetch", "--sources", bad, "--archive", archive}, 1, bad + `:2: url "not a url" is not an http(s) URL`},
		{[]string{"fetch", "--sources", failing, "--archive", archive, "--retries", "0", "--quiet"}, 3, "1 failed"},
	} {
		code, stdout, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.output) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", c.args, code, c.code, c.output, stdout, stderr)
		}
	}
}

// An article and its attachment publish as one disclosure, and a changed
// attachment shows on the page: fetch v1, change the PDF at its URL, fetch
// again, build — the page says 来源已更新 with the version and the previous
// version's sha256 and time, and the JSON says it in /document/sources.
func TestFetchThenBuildSourceChanged(t *testing.T) {
	if !ingest.CanReadPDF() {
		t.Fatal("pdftotext is not installed (poppler-utils); .ci/run installs it")
	}
	v1, err := os.ReadFile("data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.pdf")
	if err != nil {
		t.Fatal(err)
	}
	// the same PDF, republished: bytes after %%EOF change its hash, not its text
	v2 := append(append([]byte{}, v1...), "\n% republished\n"...)
	var mu sync.Mutex
	files := map[string][]byte{
		"/bmys/art_1.html": []byte(`<html><head><meta charset="utf-8"><title>上海市普陀区人民政府万里街道办事处2024年部门预算</title></head><body>
<h1>上海市普陀区人民政府万里街道办事处2024年部门预算</h1><p>发布时间：2024-02-05</p><p>详见附件。</p>
<p><a href="/files/wanli-2024.pdf">附件：万里街道2024年部门预算.pdf</a></p></body></html>`),
		"/files/wanli-2024.pdf": v1,
	}
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		body, ok := files[r.URL.Path]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		sum := sha256.Sum256(body)
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
		http.ServeContent(w, r, r.URL.Path, time.Time{}, bytes.NewReader(body))
	}))
	defer portal.Close()
	tmp := t.TempDir()
	sources, archive, out := filepath.Join(tmp, "sources.csv"), filepath.Join(tmp, "archive"), filepath.Join(tmp, "public")
	if err := os.WriteFile(sources, []byte("url,page\n"+portal.URL+"/bmys/art_1.html,article\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fetchArgs := []string{"fetch", "--sources", sources, "--archive", archive, "--interval", "0", "--quiet"}
	if code, stdout, stderr := runCLI(fetchArgs...); code != 0 {
		t.Fatalf("fetch: exit %d\n%s%s", code, stdout, stderr)
	}
	mu.Lock()
	files["/files/wanli-2024.pdf"] = v2
	mu.Unlock()
	if code, stdout, stderr := runCLI(fetchArgs...); code != 0 || !strings.Contains(stdout, "1 changed") {
		t.Fatalf("second fetch: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := runCLI("build", "--in", archive, "--out", out, "--quiet"); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	docs, _ := filepath.Glob(filepath.Join(out, "data", "*.json"))
	if len(docs) != 1 {
		t.Fatalf("%d documents, want the article and its PDF as one: %v", len(docs), docs)
	}
	var doc schema.Document
	data, _ := os.ReadFile(docs[0])
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	s1, s2 := sha256.Sum256(v1), sha256.Sum256(v2)
	var pdf *schema.SourceFile
	for i, s := range doc.Document.Sources {
		if s.Format == "pdf" {
			pdf = &doc.Document.Sources[i]
		}
	}
	if len(doc.Document.Sources) != 2 || pdf == nil || pdf.SHA256 != hex.EncodeToString(s2[:]) || pdf.Archive == nil ||
		pdf.Archive.Version != 2 || pdf.Archive.PreviousSHA256 != hex.EncodeToString(s1[:]) || pdf.SourceURL != portal.URL+"/files/wanli-2024.pdf" {
		t.Fatalf("sources %+v", doc.Document.Sources)
	}
	page, err := os.ReadFile(filepath.Join(out, "doc", doc.ID+".html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"来源已更新", "is version 2 of 2 fetched from its URL", "archived " + pdf.Archive.Archived,
		"sha256 <code>" + hex.EncodeToString(s1[:]) + "</code>, fetched " + pdf.Archive.PreviousArchived, "Published as 2 files"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if doc.Expenditure == nil || doc.Expenditure.Total == nil {
		t.Errorf("the merged disclosure lost the PDF's figures: %+v", doc.Expenditure)
	}
}
