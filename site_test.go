package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
)

// siteBuild is data/ built once per test binary, for the tests that only read it.
var siteBuild struct {
	once     sync.Once
	tmp, dir string
	err      string
}

// builtSite returns the folder of data/'s built site (removed by TestMain).
func builtSite(t *testing.T) string {
	t.Helper()
	siteBuild.once.Do(func() {
		tmp, err := os.MkdirTemp("", "budgetpub-site-")
		if err != nil {
			siteBuild.err = err.Error()
			return
		}
		siteBuild.tmp = tmp
		out := filepath.Join(tmp, "pub")
		if code, _, stderr := runCLI("build", "--in", "data", "--out", out, "--quiet"); code != 0 {
			siteBuild.err = fmt.Sprintf("build: %d %s", code, stderr)
			return
		}
		if siteBuild.dir, err = filepath.EvalSymlinks(out); err != nil {
			siteBuild.err = err.Error()
		}
	})
	if siteBuild.err != "" {
		t.Fatal(siteBuild.err)
	}
	return siteBuild.dir
}

func removeSite() {
	if siteBuild.tmp != "" {
		os.RemoveAll(siteBuild.tmp)
	}
}

// TestWholeSite parses every page, checks that every internal link and
// anchor resolves, that pages declare their language, that tables have
// captions and header cells, and that no element came from document text.
func TestWholeSite(t *testing.T) {
	dir := builtSite(t)
	ids := map[string]map[string]bool{} // page → its ids
	type link struct{ from, href string }
	var links []link
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		data, _ := os.ReadFile(p)
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		ids[rel] = map[string]bool{}
		lang, tables, captions, scripts := false, 0, 0, 0
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch {
					case a.Key == "id":
						ids[rel][a.Val] = true
					case a.Key == "lang" && n.Data == "html":
						lang = a.Val != ""
					case (a.Key == "href" || a.Key == "src") && n.Data != "link" || a.Key == "href" && n.Data == "link" && strings.HasSuffix(a.Val, ".css"):
						links = append(links, link{rel, a.Val})
					case strings.HasPrefix(a.Key, "on"):
						t.Errorf("%s: inline event handler %s", rel, a.Key)
					}
				}
				switch n.Data {
				case "table":
					tables++
				case "caption":
					captions++
				case "script":
					scripts++
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if !lang {
			t.Errorf("%s: no lang on <html>", rel)
		}
		if tables != captions {
			t.Errorf("%s: %d tables, %d captions", rel, tables, captions)
		}
		if scripts > 2 {
			t.Errorf("%s: %d scripts (document text may have become markup)", rel, scripts)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 40 {
		t.Fatalf("only %d pages", pages)
	}
	for _, l := range links {
		u, err := url.Parse(l.href)
		if err != nil {
			t.Errorf("%s: bad link %q", l.from, l.href)
			continue
		}
		if u.Scheme != "" || u.Host != "" {
			continue
		}
		if u.Path != "" && strings.HasPrefix(u.Path, "/") != (l.from == "404.html") {
			// the 404 page is served for any path: its links start from the root
			// (the default base URL's); every other page's are relative, for file://
			t.Errorf("%s: link %q", l.from, l.href)
			continue
		}
		target := l.from
		if u.Path != "" {
			target = path.Clean(path.Join(path.Dir(l.from), u.Path))
		}
		if strings.HasPrefix(target, "releases/") {
			continue // the link to the release folder beside this one
		}
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target)))
		if err != nil || st.IsDir() {
			t.Errorf("%s: link %q: %s does not exist", l.from, l.href, target)
			continue
		}
		if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
			t.Errorf("%s: link %q: no #%s in %s", l.from, l.href, u.Fragment, target)
		}
	}
	t.Logf("%d pages, %d links checked", pages, len(links))
}

func TestMachineReadable(t *testing.T) {
	dir := builtSite(t)
	var catalog map[string]any
	if data, err := os.ReadFile(filepath.Join(dir, "catalog.jsonld")); err != nil || json.Unmarshal(data, &catalog) != nil || catalog["@type"] != "dcat:Catalog" {
		t.Errorf("catalog.jsonld: %v", err)
	}
	var feed struct {
		Entries []struct {
			Title string `xml:"title"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	var pkg struct {
		Citation string `json:"citation"`
	}
	if data, err := os.ReadFile(filepath.Join(dir, "datapackage.json")); err != nil || json.Unmarshal(data, &pkg) != nil ||
		!regexp.MustCompile(`release (r-[0-9a-f]{12}) of \d{4}-\d{2}-\d{2}, https?://\S+/releases/(r-[0-9a-f]{12})/`).MatchString(pkg.Citation) {
		t.Errorf("datapackage.json's citation names no release, date and permalink: %q (%v)", pkg.Citation, err)
	}
	docs, _ := os.ReadFile(filepath.Join(dir, "documents.csv"))
	published := strings.Count(string(docs), "\n") - 1 // one entry per published disclosure
	data, _ := os.ReadFile(filepath.Join(dir, "feed.atom"))
	if err := xml.Unmarshal(data, &feed); err != nil || len(feed.Entries) != published || published < 20 {
		t.Errorf("feed.atom: %v, %d entries for %d documents", err, len(feed.Entries), published)
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	data, _ = os.ReadFile(filepath.Join(dir, "sitemap.xml"))
	if err := xml.Unmarshal(data, &sm); err != nil || len(sm.URLs) < 40 || !strings.HasPrefix(sm.URLs[0].Loc, "http") {
		t.Errorf("sitemap.xml: %v, %d urls", err, len(sm.URLs))
	}
	robots, _ := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if !bytes.Contains(robots, []byte("Sitemap: http")) {
		t.Errorf("robots.txt: %s", robots)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "dataset", "line_items.html"))
	i := bytes.Index(page, []byte(`<script type="application/ld+json">`))
	if i < 0 {
		t.Fatal("no JSON-LD in the dataset page")
	}
	ld := page[i+len(`<script type="application/ld+json">`):]
	ld = ld[:bytes.Index(ld, []byte("</script>"))]
	var ds map[string]any
	if err := json.Unmarshal(ld, &ds); err != nil || ds["@type"] != "Dataset" {
		t.Errorf("dataset JSON-LD: %v %s", err, ld)
	}
}
