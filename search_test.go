package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

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
				m := regexp.MustCompile(fmt.Sprintf(`<span id="%s">([^<]*)`, anchor)).FindSubmatch(page)
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
	text := regexp.MustCompile(`<[^>]+>`).ReplaceAll(pres[f][1], nil)
	lines := strings.Split(html.UnescapeString(string(text)), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

type sentenceHit struct {
	Doc, Title string
	File, Line int
	Text       string
}

// lookupSentences answers a query from the site's sentence index as
// search.js does: the postings of the tokens that are not common,
// intersected, then the sentences of the pairs found, read from their
// documents' source pages, until 20 sentences that hold every word are
// found or 20 pages were read. common says every token was left out as
// common; fetched are the files read and their bytes.
func lookupSentences(t *testing.T, dir, q string) (hits []sentenceHit, common bool, fetched map[string]int) {
	t.Helper()
	fetched = map[string]int{}
	read := func(rel string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		fetched[rel] = len(data)
		return data
	}
	get := func(rel string, v any) {
		if err := json.Unmarshal(read("search/"+rel), v); err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
	}
	var meta struct {
		Sentences struct{ Shards, IDs, Documents, Common int }
	}
	get("meta.json", &meta)
	m := meta.Sentences
	type pair struct{ doc, s int }
	var pairs []pair
	used := false
	for _, tok := range search.Unique(q) {
		h := fnv.New32a()
		h.Write([]byte(tok))
		var shard map[string]json.RawMessage
		get(fmt.Sprintf("st/%d.json", h.Sum32()%uint32(m.Shards)), &shard)
		if string(shard[tok]) == "0" {
			continue
		}
		var p []int
		json.Unmarshal(shard[tok], &p)
		var list []pair
		doc := 0
		for j := 0; j < len(p); j += 2 + p[j+1] {
			doc += p[j]
			s := 0
			for _, g := range p[j+2 : j+2+p[j+1]] {
				s += g
				list = append(list, pair{doc, s})
			}
		}
		if !used {
			pairs, used = list, true
			continue
		}
		in := map[pair]bool{}
		for _, x := range list {
			in[x] = true
		}
		var both []pair
		for _, x := range pairs {
			if in[x] {
				both = append(both, x)
			}
		}
		pairs = both
	}
	if !used {
		return nil, true, fetched
	}
	pages := 0
	for _, p := range pairs {
		if len(hits) == 20 {
			break
		}
		var ids []string
		get(fmt.Sprintf("sd/%d.json", p.doc/m.IDs), &ids)
		id := ids[p.doc%m.IDs]
		page := "source/" + id + ".html"
		if _, ok := fetched[page]; !ok {
			if pages == 20 {
				break
			}
			pages++
		}
		title, sentences := pageSentences(t, read(page))
		h := sentences[p.s]
		h.Doc, h.Title = id, title
		if strings.Contains(strings.ToLower(h.Text), strings.ToLower(q)) {
			hits = append(hits, h)
		}
	}
	return hits, false, fetched
}

// pageSentences are the sentences a source page places (data-sentences on
// each file's <pre>, see site/sentences.go), cut from its lines by UTF-16
// columns as search.js cuts them, and the title it shows them under.
func pageSentences(t *testing.T, page []byte) (string, []sentenceHit) {
	t.Helper()
	title := regexp.MustCompile(`<h1 data-title="([^"]*)"`).FindSubmatch(page)
	if title == nil {
		t.Fatal("a source page without data-title")
	}
	var out []sentenceHit
	pres := regexp.MustCompile(`(?s)<pre[^>]*?(?: data-sentences="([^"]*)")?>\n?(.*?)</pre>`).FindAllSubmatch(page, -1)
	for f, pre := range pres {
		if len(pre[1]) == 0 {
			continue
		}
		text := regexp.MustCompile(`<[^>]+>`).ReplaceAll(pre[2], nil)
		lines := strings.Split(html.UnescapeString(string(text)), "\n")
		line := 0
		for _, e := range strings.Split(string(pre[1]), " ") {
			var v []int
			for _, n := range strings.Split(e, ",") {
				k, err := strconv.Atoi(n)
				if err != nil {
					t.Fatalf("data-sentences %q: %v", pre[1], err)
				}
				v = append(v, k)
			}
			line += v[0]
			var b []uint16
			for j := 1; j+1 < len(v); j += 2 {
				u := utf16.Encode([]rune(lines[line-1+(j-1)/2]))
				b = append(b, u[v[j]:v[j]+v[j+1]]...)
			}
			out = append(out, sentenceHit{File: f, Line: line, Text: string(utf16.Decode(b))})
		}
	}
	return html.UnescapeString(string(title[1])), out
}

// TestSiteSentencesPlaced: each disclosure's source page places every
// sentence budgetpub.sqlite has of it, in the same order, on its line, with
// the same text: the search reads them there, the text published once.
func TestSiteSentencesPlaced(t *testing.T) {
	dir := builtSite(t)
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT document_id, file, line, text FROM fts_entries WHERE kind = 'sentence' ORDER BY document_id, rowid`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]sentenceHit{}
	for rows.Next() {
		var h sentenceHit
		rows.Scan(&h.Doc, &h.File, &h.Line, &h.Text)
		want[h.Doc] = append(want[h.Doc], sentenceHit{File: h.File, Line: h.Line, Text: h.Text})
	}
	rows.Close()
	pages, _ := filepath.Glob(filepath.Join(dir, "source", "*.html"))
	if len(want) == 0 || len(pages) < len(want) {
		t.Fatalf("%d documents with sentences, %d source pages", len(want), len(pages))
	}
	for _, p := range pages {
		id := strings.TrimSuffix(filepath.Base(p), ".html")
		page, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, got := pageSentences(t, page)
		if !reflect.DeepEqual(got, want[id]) && len(got)+len(want[id]) > 0 {
			t.Errorf("%s: its source page places %d sentences, budgetpub.sqlite has %d", id, len(got), len(want[id]))
			for i := range min(len(got), len(want[id])) {
				if got[i] != want[id][i] {
					t.Errorf("%s: sentence %d %+v, want %+v", id, i, got[i], want[id][i])
					break
				}
			}
		}
	}
}

// TestSiteSentenceSearch: the site's sentence index finds the sentences
// budgetpub.sqlite finds for words no figure is named by, each linked to
// the line of its source page it starts on, fetching one shard per token
// and the source pages of the sentences shown; words in most disclosures
// are left out of it, and the answer says so.
func TestSiteSentenceSearch(t *testing.T) {
	dir := builtSite(t)
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"决策部署", "来访接待"} {
		hits, common, fetched := lookupSentences(t, dir, q)
		if common {
			t.Fatalf("%s: every token left out as common", q)
		}
		got := map[string]bool{}
		for _, h := range hits {
			got[fmt.Sprint(h.Doc, h.File, h.Line, h.Text)] = true
			page, err := os.ReadFile(filepath.Join(dir, "source", h.Doc+".html"))
			if err != nil {
				t.Fatal(err)
			}
			if l := sourceLine(page, h.File, h.Line); !startsOn(h.Text, l) {
				t.Errorf("%s: %s line %d (file %d) %q: its source page has %q there", q, h.Doc, h.Line, h.File, h.Text, l)
			}
		}
		rows, err := db.Query(`SELECT document_id, file, line, text FROM search WHERE fts MATCH ? AND kind = 'sentence' AND instr(text, ?) > 0`, search.Match(q), q)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for rows.Next() {
			var id, text string
			var line, file int
			rows.Scan(&id, &file, &line, &text)
			want[fmt.Sprint(id, file, line, text)] = true
		}
		rows.Close()
		if len(want) == 0 || len(want) > 20 || len(got) != len(want) {
			t.Errorf("%s: %d sentences found, budgetpub.sqlite %d", q, len(got), len(want))
		}
		for k := range want {
			if !got[k] {
				t.Errorf("%s: not found %s", q, k)
			}
		}
		shards, pages, bytes := 0, 0, 0
		for f, n := range fetched {
			bytes += n
			if strings.HasPrefix(f, "search/st/") {
				shards++
			} else if strings.HasPrefix(f, "source/") {
				pages++
			}
		}
		if shards > len(search.Unique(q)) || pages > len(hits) {
			t.Errorf("%s: fetched %d shards for %d tokens, %d source pages for %d sentences", q, shards, len(search.Unique(q)), pages, len(hits))
		}
		t.Logf("%s: %d sentences, %d files, %d bytes fetched", q, len(hits), len(fetched), bytes)
	}
	// 预算 and 支出 are in almost every disclosure
	if hits, common, _ := lookupSentences(t, dir, "预算支出"); !common || len(hits) > 0 {
		t.Errorf("预算支出: %d sentences, common %v; want its tokens left out as common", len(hits), common)
	}
}
