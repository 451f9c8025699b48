package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/search"
)

// TestSearchIndexOrder: the index does not depend on the order the
// documents come in (they are rendered in parallel), even where one text
// is given different English labels or more occurrences than are kept,
// and the sentences' documents and postings are numbered by id.
func TestSearchIndexOrder(t *testing.T) {
	docs := map[string][]emit.SearchEntry{}
	for i, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"} {
		docs[id] = []emit.SearchEntry{
			{Kind: "line_item", Text: "其他收入", TextEn: []string{"Other revenue", "Other income"}[i%2], Line: 10 + i, Amount: "5"},
			{Kind: "line_item", Text: "其他收入", Line: 3},
			{Kind: "department", Text: "某某局"},
		}
	}
	sentences := func(i int) []emit.SearchEntry {
		out := []emit.SearchEntry{{Kind: "sentence", Text: "本部门贯彻落实决策部署。", Line: 2}}
		for j := range i % 5 * 20 { // documents of 1 to 81 sentences
			out = append(out, emit.SearchEntry{Kind: "sentence", Text: fmt.Sprintf("第%d项工作来访接待%d次。", j, i), Line: 3 + j, File: i % 2})
		}
		return out
	}
	write := func(order []string, max int) map[string]string {
		dir := t.TempDir()
		s := searchIndex{occs: sorter{dir: dir, max: max}}
		for _, id := range order {
			s.add(id, id+" 2024 预算", docs[id])
			if err := s.sentences.add(id, SentencePlaces(sentences(int(id[0]-'a')))); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.write(dir); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				files[rel] = string(data)
			}
			return err
		})
		return files
	}
	a := write([]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}, 0)
	if len(a) < 5 {
		t.Fatalf("%d files", len(a))
	}
	if ids := a[filepath.Join("search", "sd", "0.json")]; ids != `["a","b","c","d","e","f","g","h","i","j","k","l"]`+"\n" {
		t.Errorf("the sentences' documents by number: %s", ids)
	}
	// the other order, and the records sorted in runs of a few each, in
	// files the index removes once written
	for _, max := range []int{0, 1, 200} {
		b := write([]string{"l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a"}, max)
		if len(a) != len(b) {
			t.Errorf("%d and %d files (runs of %d bytes)", len(a), len(b), max)
		}
		for f, data := range a {
			if b[f] != data {
				t.Errorf("%s differs with the order of the documents (runs of %d bytes):\n%s\n%s", f, max, data, b[f])
			}
		}
	}
}

// TestSentenceCommon: a token in more than 1,000 documents is left out of
// the sentence index, however many documents there are (here 3,000, so
// half of them would be 1,500); one in 1,000 keeps its list.
func TestSentenceCommon(t *testing.T) {
	var s sentenceIndex
	dir := t.TempDir()
	for i := range 3000 {
		id := fmt.Sprintf("d%04d", i)
		text := "某某部门的工作。"
		switch {
		case i < 1000:
			text = "丙丁和甲乙的工作。"
		case i == 1000:
			text = "甲乙的工作。"
		}
		if err := s.add(id, SentencePlaces([]emit.SearchEntry{{Kind: "sentence", Text: text, Line: 1}})); err != nil {
			t.Fatal(err)
		}
	}
	meta, err := s.write(dir)
	if err != nil {
		t.Fatal(err)
	}
	if meta["common"] != 1000 || meta["documents"] != 3000 {
		t.Fatalf("meta %v", meta)
	}
	postings := func(tok string) string {
		data, err := os.ReadFile(filepath.Join(dir, "search", "st", fmt.Sprintf("%d.json", tokenShard(tok, meta["shards"]))))
		if err != nil {
			t.Fatal(err)
		}
		var shard map[string]json.RawMessage
		json.Unmarshal(data, &shard)
		return string(shard[tok])
	}
	if p := postings("甲乙"); p != "0" {
		t.Errorf("甲乙, in 1,001 documents: %.40s…", p)
	}
	if p := postings("丙丁"); !strings.HasPrefix(p, "[0,1,0,1,1,0,1,1,0,") {
		t.Errorf("丙丁, in 1,000 documents: %.40s…", p)
	}
	// the ids by number, a thousand a file
	var ids []string
	data, _ := os.ReadFile(filepath.Join(dir, "search", "sd", "2.json"))
	if err := json.Unmarshal(data, &ids); err != nil || len(ids) != 1000 || ids[0] != "d2000" || ids[999] != "d2999" {
		t.Errorf("search/sd/2.json: %d ids, %v", len(ids), err)
	}
}

// TestSentenceSpans: where a sentence stands is found whatever the lines
// it runs on hold around it — sentences before it on its first line, the
// spaces a line starts and ends with, a blank line within it, characters
// outside the BMP (two UTF-16 units) — and the parts, cut from the lines
// by the columns and lengths given, are the sentence; a sentence not where
// it is said to start has no parts.
func TestSentenceSpans(t *testing.T) {
	files := [][]string{{
		"  一、概况  ",
		"本部门贯彻落实。𠀀主要职能是",
		"",
		"   负责来访接待工作。  其他",
		"事项。",
	}, {"第二个文件。"}}
	sentences := []emit.SearchEntry{
		{Text: "一、概况", Line: 1},
		{Text: "本部门贯彻落实。", Line: 2},
		{Text: "𠀀主要职能是负责来访接待工作。", Line: 2},
		{Text: "其他事项。", Line: 4},
		{Text: "不在这里。", Line: 5},
		{Text: "第二个文件。", Line: 1, File: 1},
	}
	got := sentenceSpans(files, sentences)
	if want := []string{"1,2,4 1,0,8 0,8,7,0,0,3,9 2,14,2,0,3 1", "1,0,6"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	// the parts cut as search.js cuts them: UTF-16 columns
	for i, s := range sentences[:4] {
		v := spanOf(files[0], s.Line, s.Text)
		var b []uint16
		for j := 0; j+1 < len(v); j += 2 {
			line := utf16.Encode([]rune(files[0][s.Line-1+j/2]))
			b = append(b, line[v[j]:v[j]+v[j+1]]...)
		}
		if string(utf16.Decode(b)) != s.Text {
			t.Errorf("sentence %d: %q", i, string(utf16.Decode(b)))
		}
	}
}

// TestSentenceTokens: each token of a document's sentences with the
// numbers of the sentences holding it, ascending, once each however often
// a sentence holds it, in the order the tokens first come.
func TestSentenceTokens(t *testing.T) {
	got := sentenceTokens([]emit.SearchEntry{{Cut: "ab bc ab"}, {Cut: ""}, {Cut: "bc cd  bc"}, {Cut: "ab"}})
	want := []tokenPlaces{{"ab", []int{0, 3}}, {"bc", []int{0, 2}}, {"cd", []int{2}}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestSearchIndexKeepsCopies: entries read from the cache are parts of
// their document's whole fragment (emit.ReadEntries); what the index keeps
// of them is copied, so it neither keeps every fragment alive nor changes
// with the bytes it was read from.
func TestSearchIndexKeepsCopies(t *testing.T) {
	b := emit.AppendEntries(nil, []emit.SearchEntry{{Kind: "line_item", DocumentID: "a", Text: "其他收入", TextEn: "Other revenue", Line: 3, Amount: "5"}})
	entries, _, err := emit.ReadEntries(b)
	if err != nil {
		t.Fatal(err)
	}
	var s searchIndex
	s.add("a", "a 2024 预算", entries)
	for i := range b {
		b[i] = 'x'
	}
	if entries[0].Text == "其他收入" {
		t.Fatal("the entries read are copies: the test tells nothing")
	}
	var texts []*searchText
	if err := s.texts(func(t *searchText) error { texts = append(texts, t); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 1 {
		t.Fatalf("%d texts", len(texts))
	}
	if v := texts[0]; v.kind != "line_item" || v.text != "其他收入" || v.en != "Other revenue" || len(v.occ) != 1 || v.occ[0].amount != "5" || v.occ[0].doc != "a" {
		t.Errorf("the index keeps %q %q %q %+v", v.kind, v.text, v.en, v.occ)
	}
}

// TestSentencePlaces: where a document's sentences' tokens stand is kept
// (SentencePlaces) as the records the sentence index keeps, which it
// copies: the places overwritten after they were added change nothing of
// it; places cut short, or a record that is not a count and as many
// numbers, are refused (a cut between two tokens' places leaves whole
// places of fewer tokens).
func TestSentencePlaces(t *testing.T) {
	sentences := []emit.SearchEntry{{Cut: "ab bc ab"}, {Cut: ""}, {Cut: "bc cd  bc"}, {Cut: "ab"}}
	places := SentencePlaces(sentences)
	write := func(places []byte) string {
		var s sentenceIndex
		if err := s.add("a", places); err != nil {
			t.Fatal(err)
		}
		b := bytes.Clone(places)
		for i := range places {
			places[i] = 'x'
		}
		var out []string
		for tok, p := range s.posts {
			out = append(out, fmt.Sprint(tok, s.postings(p, []int{0})))
		}
		copy(places, b)
		sort.Strings(out)
		return strings.Join(out, " ")
	}
	if got, want := write(places), "ab[0 2 0 3] bc[0 2 0 2] cd[0 1 2]"; got != want {
		t.Errorf("the index of the places: %s, want %s", got, want)
	}
	var whole []int // cuts taken: only between two tokens' places
	for n := 1; n < len(places); n++ {
		var s sentenceIndex
		if s.add("a", places[:n]) == nil {
			whole = append(whole, n)
		}
	}
	if fmt.Sprint(whole) != "[7 14]" {
		t.Errorf("places of 3 tokens, %d bytes, taken cut at %v", len(places), whole)
	}
	var s sentenceIndex
	if err := s.add("a", []byte("\x02ab\x02\x02\x01")); err == nil { // a count of 2, one number
		t.Error("a record of fewer numbers than its count taken")
	}
}

// TestShardAsJSON: a token shard is written as writeJSON writes the map of
// its tokens to their lists (0 for none): the same bytes, for tokens as
// search cuts them and for any string, escaped or not.
func TestShardAsJSON(t *testing.T) {
	dir := t.TempDir()
	lists := map[string][]int{"公积": {3, 1, 5}, "budget": {7}, "2010101": {0, 2}, "a\"b": {1}, `c\d`: {2}, "e\nf": {3}, "\x01": {4},
		"bad\xff": {5}, "\u2028x": {6}, "<&>": {7}, "": {8}, "é": {9}, "common": nil}
	var toks []string
	m := map[string]any{}
	for tok, l := range lists {
		toks = append(toks, tok)
		if l == nil {
			m[tok] = 0
		} else {
			m[tok] = l
		}
	}
	for _, c := range []struct {
		name string
		toks []string
		m    map[string]any
	}{{"all", toks, m}, {"none", nil, map[string]any{}}} {
		got, want := filepath.Join(dir, c.name+"-shard.json"), filepath.Join(dir, c.name+"-json.json")
		if err := writeShard(got, c.toks, func(tok string) []int { return lists[tok] }); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(want, c.m); err != nil {
			t.Fatal(err)
		}
		a, _ := os.ReadFile(got)
		b, _ := os.ReadFile(want)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: %s, writeJSON %s", c.name, a, b)
		}
	}
}

// A search/x file is the bytes writeJSON writes of its texts' records
// (escaped strings, none, occurrences or none).
func TestTextsAsJSON(t *testing.T) {
	texts := []*searchText{
		{kind: "line_item", text: "住房公积金", en: "Housing provident fund", docs: 3, figures: 4,
			occ: []searchOcc{{"d1", "某局2024年部门预算", 12, "1234.50", 0}, {"d\"2", "a\\b\n<&>", 7, "", 2}}},
		{kind: "check", text: "bad\xff\u2028\x01", docs: 1, figures: 1},
		{kind: "department", text: "", en: "é", occ: []searchOcc{}},
	}
	for _, c := range [][]*searchText{texts, texts[1:2], nil} {
		var chunk [][]any
		for _, t := range c {
			occ := make([][]any, len(t.occ))
			for i, o := range t.occ {
				occ[i] = []any{o.doc, o.title, o.line, o.amount, o.file}
			}
			chunk = append(chunk, []any{t.kind, t.text, t.en, t.docs, occ, t.figures})
		}
		want := filepath.Join(t.TempDir(), "x.json")
		if err := writeJSON(want, chunk); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(want)
		if got := appendTexts(nil, c); !bytes.Equal(got, b) {
			t.Errorf("%s, writeJSON %s", got, b)
		}
	}
}

// TestTextPostingsAsUnique: a token's texts (tokenPostings) are those whose text and
// English, joined by a space, hold it among their Unique tokens — each
// once, in order — for texts that repeat tokens, mix scripts, end a word
// or a run of Han characters where the English starts, or have none.
func TestTextPostingsAsUnique(t *testing.T) {
	texts := []*searchText{
		{text: "经费经费经费", en: "funds FUNDS funds"},
		{text: "住房公积金", en: ""},
		{text: "", en: "Housing provident fund"},
		{text: "ＡＢＣ部门abc", en: "abc 部门"},
		{text: "机关运行经费2024", en: "2024 operating costs"},
		{text: "一", en: "一"},
		{text: "—", en: "…"},
		{text: "三公经费三公", en: "three public 三公"},
	}
	want := map[string][]int{}
	for id, tx := range texts {
		for _, tok := range search.Unique(tx.text + " " + tx.en) {
			want[tok] = append(want[tok], id)
		}
	}
	tp := tokenPostings{at: map[string]int32{}}
	for id, tx := range texts {
		tp.add(id, tx)
	}
	got := map[string][]int{}
	for tok, k := range tp.at {
		id := 0
		for _, gap := range tp.posts[k].gaps(nil) {
			id += gap
			got[tok] = append(got[tok], id)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
