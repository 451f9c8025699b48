package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"budgetpub/pipeline/search"
)

type searchHit struct {
	Kind, Text, En string
	Docs           int
	Occ            [][]any // document id, title, line, amount, file
	Figures        int
}

// lookup answers a query from the site's static index as search.js does,
// and says which files it fetched.
func lookup(t *testing.T, dir, q string) ([]searchHit, []string) {
	t.Helper()
	var fetched []string
	get := func(rel string, v any) {
		fetched = append(fetched, rel)
		data, err := os.ReadFile(filepath.Join(dir, "search", rel))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
	}
	var meta struct{ Shards, Chunk, Texts int }
	get("meta.json", &meta)
	var ids []int
	first := true
	for _, tok := range search.Unique(q) {
		h := fnv.New32a()
		h.Write([]byte(tok))
		var shard map[string][]int
		get(fmt.Sprintf("t/%d.json", h.Sum32()%uint32(meta.Shards)), &shard)
		post := shard[tok]
		for i := 1; i < len(post); i++ { // gaps to ids
			post[i] += post[i-1]
		}
		if first {
			ids, first = post, false
			continue
		}
		var both []int
		for _, id := range ids {
			if i := sort.SearchInts(post, id); i < len(post) && post[i] == id {
				both = append(both, id)
			}
		}
		ids = both
	}
	var hits []searchHit
	chunks := map[int][][]json.RawMessage{}
	for _, id := range ids {
		if len(hits) == 50 { // a page of results, as search.js shows
			break
		}
		k := id / meta.Chunk
		if chunks[k] == nil {
			var c [][]json.RawMessage
			get(fmt.Sprintf("x/%d.json", k), &c)
			chunks[k] = c
		}
		raw := chunks[k][id-k*meta.Chunk]
		var h searchHit
		for i, v := range []any{&h.Kind, &h.Text, &h.En, &h.Docs, &h.Occ, &h.Figures} {
			json.Unmarshal(raw[i], v)
		}
		if strings.Contains(strings.ToLower(h.Text+" "+h.En), strings.ToLower(q)) {
			hits = append(hits, h)
		}
	}
	return hits, fetched
}

// TestSiteSearch searches the built site's static index for what a reader
// of budgets types — 公积金, 三公, 机关运行, a department's short name — and
// follows each figure found to its source line.
func TestSiteSearch(t *testing.T) {
	dir := builtSite(t)
	var meta struct{ Shards, Texts int }
	data, _ := os.ReadFile(filepath.Join(dir, "search", "meta.json"))
	json.Unmarshal(data, &meta)
	for _, c := range []struct{ q, kind, first string }{
		{"公积金", "line_item", "住房公积金"},
		{"三公", "line_item", "“三公”经费"},
		{"机关运行", "line_item", "机关运行经费"},
		{"万里街道", "department", "上海市普陀区人民政府万里街道办事处"},
		{"检察院", "department", "江苏省人民检察院"},
		{"housing", "line_item", ""},
	} {
		hits, fetched := lookup(t, dir, c.q)
		if len(hits) == 0 {
			t.Errorf("%s: nothing found", c.q)
			continue
		}
		if hits[0].Kind != c.kind || c.first != "" && hits[0].Text != c.first {
			t.Errorf("%s: first result %s %q, want %s %q", c.q, hits[0].Kind, hits[0].Text, c.kind, c.first)
		}
		if h := hits[0]; h.Docs < 1 || h.Figures < h.Docs || len(h.Occ) != min(10, h.Figures) {
			t.Errorf("%s: %s in %d disclosures, %d figures, %d shown", c.q, h.Text, h.Docs, h.Figures, len(h.Occ))
		}
		shards := 0
		for _, f := range fetched {
			if strings.HasPrefix(f, "t/") {
				shards++
			}
		}
		if n := len(search.Unique(c.q)); shards > n || shards == meta.Shards {
			t.Errorf("%s: fetched %d of %d shards for %d tokens", c.q, shards, meta.Shards, n)
		}
		for _, h := range hits {
			if h.Kind != "line_item" {
				continue
			}
			for _, o := range h.Occ {
				id, line, file := o[0].(string), int(o[2].(float64)), int(o[4].(float64))
				if line == 0 {
					continue
				}
				anchor := fmt.Sprintf("L%d", line)
				if file > 0 {
					anchor = fmt.Sprintf("F%dL%d", file, line)
				}
				page, err := os.ReadFile(filepath.Join(dir, "source", id+".html"))
				if err != nil {
					t.Fatalf("%s: %s links %v", c.q, h.Text, err)
				}
				m := regexp.MustCompile(fmt.Sprintf(`id="%s"><a[^>]*>%d</a>([^<]*)`, anchor, line)).FindSubmatch(page)
				if m == nil || !regexp.MustCompile(`[0-9]`).Match(m[1]) { // the line of the amount
					t.Errorf("%s: %s of %s: line %d of its source page is %q", c.q, h.Text, id, line, m)
				}
			}
		}
	}
	if meta.Shards < 2 || meta.Texts < 100 {
		t.Errorf("index: %+v", meta)
	}
}

// TestSentenceSearch: the narrative's sentences are in budgetpub.sqlite's
// full-text index, so words no figure is named by are found, each
// sentence at the line of its source page it starts on.
func TestSentenceSearch(t *testing.T) {
	dir := builtSite(t)
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"决策部署", "来访接待"} {
		rows, err := db.Query(`SELECT document_id, line, file, text FROM search WHERE fts MATCH ? AND kind = 'sentence'`, search.Match(q))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id, text string
			var line, file int
			rows.Scan(&id, &line, &file, &text)
			n++
			if !strings.Contains(text, q) {
				t.Errorf("%s found %q", q, text)
			}
			page, err := os.ReadFile(filepath.Join(dir, "source", id+".html"))
			if err != nil {
				t.Fatal(err)
			}
			if l := sourceLine(page, file, line); !startsOn(text, l) {
				t.Errorf("%s: %s line %d (file %d) %q: its source page has %q there", q, id, line, file, text, l)
			}
		}
		rows.Close()
		if n == 0 {
			t.Errorf("%s: no sentence found", q)
		}
	}
}

// startsOn tells whether a sentence starts on a line: the line holds its
// first six characters, or ends with its first few (at least two).
func startsOn(sentence, line string) bool {
	r := []rune(sentence)
	if strings.Contains(line, string(r[:min(6, len(r))])) {
		return true
	}
	for k := min(6, len(r)) - 1; k >= 2; k-- {
		if strings.HasSuffix(line, string(r[:k])) {
			return true
		}
	}
	return false
}

// sourceLine is line n of file f as a source page prints it, trimmed.
func sourceLine(page []byte, f, n int) string {
	pres := regexp.MustCompile(`(?s)<pre[^>]*>\n?(.*?)</pre>`).FindAllSubmatch(page, -1)
	if f >= len(pres) {
		return ""
	}
	text := regexp.MustCompile(`<a class="ln"[^>]*>[0-9]+</a>|<[^>]+>`).ReplaceAll(pres[f][1], nil)
	lines := strings.Split(html.UnescapeString(string(text)), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}
