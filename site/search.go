package site

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/search"
)

// The site's full-text search is a static index, built with the site and
// cut into files so that the browser fetches only what a query needs:
//
//	search/meta.json        {"shards": S, "chunk": C, "texts": N}
//	search/t/<k>.json       token → ids of the texts that hold it, in
//	                        ascending order as gaps (the first id, then each
//	                        id less the one before), for the tokens whose
//	                        FNV-1a hash is k modulo S
//	search/x/<k>.json       texts k·C … k·C+C−1: [kind, text, English,
//	                        disclosures, occurrences, count of occurrences];
//	                        an occurrence is [document id, title, source
//	                        line, amount, file of the line (0: the first)],
//	                        the first by id, file and line
//	search/st, search/sd    the narrative's sentences (sentences.go)
//
// A text is a distinct (kind, text) pair across the documents — a figure's
// name, a department's name, a finding's message — so 住房公积金 is one
// text however many disclosures state it. Texts are numbered by kind
// (departments, figures, findings), then by how many documents hold them,
// then by text, so the lowest ids are the best results. The tokens are
// those of the SQLite fts table (package search).
const (
	searchChunk        = 100 // texts per search/x file
	searchTokensShard  = 300 // tokens per search/t file, on average
	searchOccurrences  = 10  // occurrences kept per text (the count is of all)
	searchEnglishLimit = 200 // bytes of English text kept
)

var searchKinds = map[string]int{"department": 0, "line_item": 1, "check": 2}

type searchText struct {
	kind, text, en string
	docs, figures  int // disclosures and occurrences holding it
	occ            []searchOcc
}

type searchOcc struct {
	doc, title string
	line       int
	amount     string
	file       int
}

func (o searchOcc) less(p searchOcc) bool {
	if o.doc != p.doc {
		return o.doc < p.doc
	}
	if o.file != p.file {
		return o.file < p.file
	}
	return o.line < p.line
}

// searchIndex gathers the texts of the documents as they are rendered.
type searchIndex struct {
	texts     map[[2]string]*searchText
	sentences sentenceIndex
}

// add records a document's texts; the caller holds the renderer's lock.
// What it keeps of an entry it copies: an entry read from the cache is a
// part of its document's whole fragment (emit.ReadRows), which the index
// must not keep.
func (s *searchIndex) add(doc, title string, entries []emit.SearchEntry) {
	if s.texts == nil {
		s.texts = map[[2]string]*searchText{}
	}
	seen := map[[2]string]bool{}
	for _, e := range entries {
		k := [2]string{e.Kind, e.Text}
		t := s.texts[k]
		if t == nil {
			k = [2]string{strings.Clone(e.Kind), strings.Clone(e.Text)}
			t = &searchText{kind: k[0], text: k[1]}
			s.texts[k] = t
		}
		// of the English labels a text is given, the least, whatever
		// order the documents come in
		en := e.TextEn
		if len(en) > searchEnglishLimit {
			cut := searchEnglishLimit
			for cut > 0 && !utf8.RuneStart(en[cut]) {
				cut--
			}
			en = en[:cut]
		}
		if en != "" && (t.en == "" || en < t.en) {
			t.en = strings.Clone(en)
		}
		if !seen[k] {
			seen[k] = true
			t.docs++
		}
		t.figures++
		o := searchOcc{doc, title, e.Line, e.Amount, e.File}
		// keep the first occurrences by document id and line, whatever
		// order the documents come in
		i := sort.Search(len(t.occ), func(i int) bool { return o.less(t.occ[i]) })
		if i < searchOccurrences {
			o.amount = strings.Clone(o.amount)
			t.occ = append(t.occ, searchOcc{})
			copy(t.occ[i+1:], t.occ[i:])
			t.occ[i] = o
			if len(t.occ) > searchOccurrences {
				t.occ = t.occ[:searchOccurrences]
			}
		}
	}
}

func tokenShard(tok string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(tok))
	return int(h.Sum32() % uint32(shards))
}

// write writes the index into dir/search.
func (s *searchIndex) write(dir string) error {
	list := make([]*searchText, 0, len(s.texts))
	for _, t := range s.texts {
		list = append(list, t)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.kind != b.kind {
			return searchKinds[a.kind] < searchKinds[b.kind]
		}
		if a.docs != b.docs {
			return a.docs > b.docs
		}
		return a.text < b.text
	})
	// each token's ids, ascending, as they are written: the first id, then
	// each less the one before (3, 4, 9 → 3, 1, 5), as uvarints — a list of
	// ints took five times the memory, the most of a big build's peak
	at := map[string]int32{}
	var posts []posting
	for id, t := range list {
		for _, tok := range search.Unique(t.text + " " + t.en) {
			k, ok := at[tok]
			if !ok {
				k = int32(len(posts))
				at[strings.Clone(tok)] = k // not a part of the text cut, which it would keep
				posts = append(posts, posting{})
			}
			posts[k].add(id)
		}
	}
	shards := (len(at) + searchTokensShard - 1) / searchTokensShard
	if shards < 1 {
		shards = 1
	}
	out := filepath.Join(dir, "search")
	for _, sub := range []string{"t", "x"} {
		if err := os.MkdirAll(filepath.Join(out, sub), 0o755); err != nil {
			return err
		}
	}
	byShard := make([][]string, shards)
	for tok := range at {
		k := tokenShard(tok, shards)
		byShard[k] = append(byShard[k], tok)
	}
	var gaps []int
	for k, toks := range byShard {
		if err := writeShard(filepath.Join(out, "t", strconv.Itoa(k)+".json"), toks, func(tok string) []int {
			gaps = posts[at[tok]].gaps(gaps[:0])
			return gaps
		}); err != nil {
			return err
		}
	}
	var b []byte
	for k := 0; k*searchChunk < len(list) || k == 0; k++ {
		b = appendTexts(b[:0], list[k*searchChunk:min(len(list), (k+1)*searchChunk)])
		if err := emit.WriteNew(filepath.Join(out, "x", strconv.Itoa(k)+".json"), b); err != nil {
			return err
		}
	}
	sentences, err := s.sentences.write(dir)
	if err != nil {
		return err
	}
	return writeJSON(filepath.Join(out, "meta.json"), map[string]any{"shards": shards, "chunk": searchChunk, "texts": len(list), "sentences": sentences})
}

// posting is a token's ids in the text search, added in ascending order.
type posting struct {
	last int    // the id added last
	enc  []byte // the ids as gaps (the first id, then each less the one before), uvarints
}

func (p *posting) add(id int) {
	p.enc = binary.AppendUvarint(p.enc, uint64(id-p.last))
	p.last = id
}

// gaps appends the gaps to list.
func (p *posting) gaps(list []int) []int {
	for b := p.enc; len(b) > 0; {
		v, n := binary.Uvarint(b)
		list, b = append(list, int(v)), b[n:]
	}
	return list
}

// appendTexts appends a search/x file of texts as writeJSON writes their
// records ([kind, text, English, disclosures, occurrences, count]; none is
// null), without reflection.
func appendTexts(b []byte, texts []*searchText) []byte {
	if len(texts) == 0 {
		return append(b, "null\n"...)
	}
	b = append(b, '[')
	for i, t := range texts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = append(appendJSONString(b, t.kind), ',')
		b = append(appendJSONString(b, t.text), ',')
		b = append(appendJSONString(b, t.en), ',')
		b = append(strconv.AppendInt(b, int64(t.docs), 10), ",["...)
		for j, o := range t.occ {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(appendJSONString(append(b, '['), o.doc), ',')
			b = append(appendJSONString(b, o.title), ',')
			b = append(strconv.AppendInt(b, int64(o.line), 10), ',')
			b = append(appendJSONString(b, o.amount), ',')
			b = append(strconv.AppendInt(b, int64(o.file), 10), ']')
		}
		b = append(strconv.AppendInt(append(b, "],"...), int64(t.figures), 10), ']')
	}
	return append(b, "]\n"...)
}

// writeShard writes a shard of a token index as writeJSON writes the map
// of its tokens to their lists (list: nil for 0; it may return the slice
// it returned for the token before), without reflection:
// the tokens sorted, each list as numbers.
func writeShard(path string, toks []string, list func(tok string) []int) error {
	sort.Strings(toks)
	b := []byte{'{'}
	for i, tok := range toks {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, tok)
		b = append(b, ':')
		l := list(tok)
		if l == nil {
			b = append(b, '0')
			continue
		}
		b = append(b, '[')
		for j, v := range l {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(v), 10)
		}
		b = append(b, ']')
	}
	return emit.WriteNew(path, append(b, '}', '\n'))
}

// appendJSONString appends s as a JSON string, as writeJSON writes it:
// as it is when nothing of it is escaped (printable ASCII but for " and
// \, valid UTF-8 but for U+2028 and U+2029), by encoding/json otherwise.
func appendJSONString(b []byte, s string) []byte {
	if emit.PlainString(s) {
		return append(append(append(b, '"'), s...), '"')
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})...)
}

// writeJSON writes v compactly, without HTML escaping (the files are data,
// fetched, never inlined in a page).
func writeJSON(path string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return emit.WriteNew(path, b.Bytes())
}
