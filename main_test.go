package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/schema"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	code = exitCode(err, &errb)
	return code, out.String(), errb.String()
}

// readTree returns every file under dir by relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	dir, err := filepath.EvalSymlinks(dir) // OUT links to its latest release
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() { // releases/ links the releases kept
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[rel], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildEndToEnd: two builds of data/ (with its departments.csv and
// metadata.csv) with --originals publish byte-identical trees.
func TestBuildEndToEnd(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	for _, out := range []string{a, b} {
		if code, _, stderr := runCLI("build", "--in", "data", "--out", out, "--originals"); code != 0 {
			t.Fatalf("build exit %d: %s", code, stderr)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	originals := 0
	for f := range ta {
		if strings.HasPrefix(f, "originals"+string(filepath.Separator)) {
			originals++
		}
	}
	if originals < 20 {
		t.Errorf("%d originals published from data/", originals)
	}
	for _, f := range []string{"index.html", "documents.csv", "line_items.csv", "checks.csv", "datapackage.json", "data/000_70dee09d8603147c.json"} {
		if len(ta[f]) == 0 {
			t.Errorf("%s missing or empty", f)
		}
	}
	if len(ta) != len(tb) {
		t.Errorf("rebuild wrote %d files, first build %d", len(tb), len(ta))
	}
	for f, data := range ta {
		if !bytes.Equal(data, tb[f]) {
			t.Errorf("%s differs between two builds of the same input", f)
		}
	}
	inputs := 0
	for f, data := range ta {
		if strings.HasPrefix(f, "data"+string(filepath.Separator)) {
			inputs++
			if err := schema.ValidateJSON(data); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
	if inputs < 20 {
		t.Errorf("only %d documents published from data/", inputs)
	}
	var pkg struct {
		Resources []struct {
			Path     string `json:"path"`
			Bytes    int    `json:"bytes"`
			RowCount int    `json:"rowCount"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(ta["datapackage.json"], &pkg); err != nil || len(pkg.Resources) < 7 {
		t.Fatalf("datapackage.json: %v %+v", err, pkg)
	}
	for _, r := range pkg.Resources {
		if r.Bytes != len(ta[r.Path]) {
			t.Errorf("%s: datapackage says %d bytes, file has %d", r.Path, r.Bytes, len(ta[r.Path]))
		}
	}
	if !bytes.Contains(ta["index.html"], []byte("曾都区信访局")) || !bytes.Contains(ta["index.html"], []byte(`href="data/000_70dee09d8603147c.json"`)) {
		t.Error("index.html does not list the seed")
	}
}

func TestBuildEscapesAndIsolatesBadInput(t *testing.T) {
	in := t.TempDir()
	seed, _ := os.ReadFile("data/000_70dee09d8603147c.txt")
	evil := strings.Replace(string(seed), "曾都区信访局 2023", "<script>alert(1)</script>局 2023", 1)
	os.WriteFile(filepath.Join(in, "evil.txt"), []byte(evil), 0o644)
	os.WriteFile(filepath.Join(in, "broken.txt"), []byte{0, 1, 2, 3}, 0o644)
	out := filepath.Join(t.TempDir(), "pub")
	code, stdout, stderr := runCLI("build", "--in", in, "--out", out)
	if code != 3 || !strings.Contains(stdout, "1 rejected") || !strings.Contains(stderr, "broken.txt") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	html, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if bytes.Contains(html, []byte("<script>alert")) || !bytes.Contains(html, []byte("&lt;script&gt;")) {
		t.Error("department name not escaped in index.html")
	}
}

func TestExtract(t *testing.T) {
	code, stdout, stderr := runCLI("extract", "data/000_70dee09d8603147c.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := schema.ValidateJSON([]byte(stdout)); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	if code, stdout, stderr := runCLI("extract", missing); code != 1 || stdout != "" || !strings.Contains(stderr, missing) {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr)
	}
	binary := filepath.Join(t.TempDir(), "x.txt")
	os.WriteFile(binary, []byte{0, 159, 146, 150}, 0o644)
	if code, _, stderr := runCLI("extract", binary); code != 1 || !strings.Contains(stderr, "x.txt") || !strings.Contains(stderr, "binary") {
		t.Errorf("binary file: exit %d, stderr %q", code, stderr)
	}
	notDisclosure := filepath.Join(t.TempDir(), "note.txt")
	os.WriteFile(notDisclosure, []byte("hello\n"), 0o644)
	if code, _, stderr := runCLI("extract", notDisclosure); code != 1 || !strings.Contains(stderr, "no disclosure title") {
		t.Errorf("not a disclosure: exit %d, stderr %q", code, stderr)
	}
	// a page of a disclosure that names no department nor year: its JSON, exit 3
	nameless := filepath.Join(t.TempDir(), "page.txt")
	os.WriteFile(nameless, []byte("一、“三公”经费支出情况说明\n本单位“三公”经费支出2.05万元，其中：因公出国(境)支出0万元，公务接待费支出2.05万元。机关运行经费支出3万元。\n"), 0o644)
	if code, stdout, stderr := runCLI("extract", nameless); code != 3 || !strings.Contains(stdout, `"unknown"`) || !strings.Contains(stderr, "identity incomplete") || !strings.Contains(stderr, "metadata.csv") {
		t.Errorf("identity incomplete: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runCLI("extract"); code != 2 {
		t.Errorf("no argument: exit %d, want 2", code)
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	_, good, _ := runCLI("extract", "data/000_70dee09d8603147c.txt")
	goodPath := filepath.Join(dir, "good.json")
	os.WriteFile(goodPath, []byte(good), 0o644)
	bad := strings.Replace(good, `"kind": "budget"`, `"kind": "forecast"`, 1)
	badPath := filepath.Join(dir, "bad.json")
	os.WriteFile(badPath, []byte(bad), 0o644)
	if code, _, stderr := runCLI("validate", goodPath); code != 0 {
		t.Errorf("valid document rejected: %s", stderr)
	}
	code, stdout, _ := runCLI("validate", goodPath, badPath)
	if code != 1 || !strings.Contains(stdout, badPath+": /document/kind: ") || strings.Contains(stdout, goodPath) {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	notJSON := filepath.Join(dir, "x.json")
	os.WriteFile(notJSON, []byte("{"), 0o644)
	if code, stdout, _ := runCLI("validate", notJSON); code != 1 || !strings.Contains(stdout, notJSON+": not JSON") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, cmd := range []string{"build", "fetch", "extract", "validate", "serve"} {
		if code, _, stderr := runCLI(cmd, "--help"); code != 0 || !strings.Contains(stderr, "Usage: budgetpub "+cmd) {
			t.Errorf("%s --help: exit %d, %q", cmd, code, stderr)
		}
	}
	if code, stdout, _ := runCLI("version"); code != 0 || !strings.HasPrefix(stdout, "budgetpub ") {
		t.Errorf("version: %d %q", code, stdout)
	}
	if code, _, _ := runCLI("frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!DOCTYPE html><title>x</title>"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--dir", dir, "--addr", "127.0.0.1:0"}, pw, io.Discard) }()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	url := strings.TrimSpace(line[strings.Index(line, "http://"):])
	resp, err := http.Get(url + "index.html")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %sindex.html: %v %v", url, err, resp)
	}
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after its context ended", err)
	}
	if code, _, _ := runCLI("serve", "--dir", filepath.Join(dir, "missing")); code != 1 {
		t.Errorf("serving a missing folder: exit %d, want 1", code)
	}
}

// TestNoFormulaCellsFromInput: a department name and a file name that a
// spreadsheet would read as formulas reach documents.csv neutralized (a '
// before them), and the JSON keeps them as they are.
func TestNoFormulaCellsFromInput(t *testing.T) {
	in := t.TempDir()
	seed, _ := os.ReadFile("data/000_70dee09d8603147c.txt")
	evil := strings.Replace(string(seed), "曾都区信访局 2023", "=1+2局 2023", 1)
	os.WriteFile(filepath.Join(in, "=cmd.txt"), []byte(evil), 0o644)
	out := filepath.Join(t.TempDir(), "pub")
	if code, _, stderr := runCLI("build", "--in", in, "--out", out, "--quiet"); code != 0 {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	files := readTree(t, out)
	recs, err := csv.NewReader(bytes.NewReader(files["documents.csv"])).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("documents.csv: %v %q", err, recs)
	}
	row := map[string]string{}
	for j, c := range recs[1] {
		row[recs[0][j]] = c
		if strings.HasPrefix(c, "=") {
			t.Errorf("documents.csv: %s cell %q starts with =", recs[0][j], c)
		}
	}
	if row["department"] != "'=1+2局" || row["source_file"] != "'=cmd.txt" {
		t.Errorf("documents.csv: department %q, source_file %q", row["department"], row["source_file"])
	}
	if !bytes.Contains(files[filepath.Join("json", "documents.ndjson")], []byte(`"department":"=1+2局"`)) {
		t.Error("json/documents.ndjson does not keep the department name as it is")
	}
}

// TestDefaultBaseURLSaidOnce: without --base-url the build says, once and
// even with --quiet, that the feed, sitemap and catalog carry the local
// preview's address; with it, it says nothing and they carry the one given.
func TestDefaultBaseURLSaidOnce(t *testing.T) {
	in := t.TempDir()
	seed, _ := os.ReadFile("data/000_70dee09d8603147c.txt")
	os.WriteFile(filepath.Join(in, "seed.txt"), seed, 0o644)
	out := filepath.Join(t.TempDir(), "pub")
	code, _, stderr := runCLI("build", "--in", in, "--out", out, "--quiet")
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	if n := strings.Count(stderr, "http://127.0.0.1:8080/"); n != 1 || !strings.Contains(stderr, "--base-url") || !strings.Contains(stderr, "sitemap") {
		t.Errorf("without --base-url the build said %d times: %q", n, stderr)
	}
	sitemap, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if !bytes.Contains(sitemap, []byte("<loc>http://127.0.0.1:8080/index.html</loc>")) {
		t.Errorf("sitemap.xml: %.300s", sitemap)
	}
	out = filepath.Join(t.TempDir(), "pub")
	code, _, stderr = runCLI("build", "--in", in, "--out", out, "--quiet", "--base-url", "https://budgets.example.org/")
	if code != 0 || strings.Contains(stderr, "--base-url") {
		t.Errorf("with --base-url: exit %d, %q", code, stderr)
	}
	for _, f := range []string{"sitemap.xml", "feed.atom", "catalog.jsonld", "robots.txt"} {
		data, _ := os.ReadFile(filepath.Join(out, f))
		if !bytes.Contains(data, []byte("https://budgets.example.org/")) || bytes.Contains(data, []byte("127.0.0.1")) {
			t.Errorf("%s does not carry the base URL given: %.300s", f, data)
		}
	}
}
