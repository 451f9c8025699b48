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

	"budgetpub/internal/runs"
	"budgetpub/internal/wire"
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

// searchIndex gathers the texts of the documents as they are rendered:
// each occurrence of a text a record in a sorter by text, so that what
// it holds does not grow with the documents (the texts, mostly findings'
// messages, each a text of its own, were 3 KB a document).
type searchIndex struct {
	occs      sorter // by kind, text, document, file, line and order of coming
	seq       int64
	key, rec  []byte
	sentences sentenceIndex
}

// add records a document's texts; the caller holds the renderer's lock.
func (s *searchIndex) add(doc, title string, entries []emit.SearchEntry) {
	for _, e := range entries {
		// of the English labels a text is given, the least, whatever
		// order the documents come in (written), cut to searchEnglishLimit
		en := e.TextEn
		if len(en) > searchEnglishLimit {
			cut := searchEnglishLimit
			for cut > 0 && !utf8.RuneStart(en[cut]) {
				cut--
			}
			en = en[:cut]
		}
		// the first occurrences by document id, file and line, whatever
		// order the documents come in (a document's own in their order)
		s.seq++
		s.key = runs.AppendKey(runs.AppendKey(runs.AppendKey(s.key[:0], e.Kind), e.Text), doc)
		s.key = runs.AppendKeyInt(runs.AppendKeyInt(runs.AppendKeyInt(s.key, int64(e.File)), int64(e.Line)), s.seq)
		s.rec = wire.AppendString(wire.AppendString(s.rec[:0], e.Kind), e.Text)
		s.rec = wire.AppendString(wire.AppendString(wire.AppendString(s.rec, en), doc), title)
		s.rec = binary.AppendVarint(binary.AppendVarint(wire.AppendString(s.rec, e.Amount), int64(e.Line)), int64(e.File))
		s.occs.add(s.key, s.rec)
	}
}

// texts gives f every text with its disclosures, occurrences and first
// occurrences, in the order of the texts' ids: by kind (searchKinds),
// then by how many disclosures hold them (most first), then by text.
func (s *searchIndex) texts(f func(*searchText) error) error {
	byID := sorter{dir: s.occs.dir, max: s.occs.max} // where and how much as the occurrences' sorter
	defer byID.remove()
	var t *searchText
	lastDoc := ""
	put := func() {
		if t == nil {
			return
		}
		key := binary.BigEndian.AppendUint64([]byte{byte(searchKinds[t.kind])}, ^uint64(t.docs))
		key = runs.AppendKey(runs.AppendKey(key, t.text), t.kind)
		rec := wire.AppendString(wire.AppendString(wire.AppendString(nil, t.kind), t.text), t.en)
		rec = binary.AppendUvarint(binary.AppendUvarint(binary.AppendUvarint(rec, uint64(t.docs)), uint64(t.figures)), uint64(len(t.occ)))
		for _, o := range t.occ {
			rec = wire.AppendString(wire.AppendString(rec, o.doc), o.title)
			rec = binary.AppendVarint(wire.AppendString(binary.AppendVarint(rec, int64(o.line)), o.amount), int64(o.file))
		}
		byID.add(key, rec)
	}
	err := s.occs.each(func(_, rec []byte) error {
		rd := wire.Borrowing(rec)
		kind, text, en, doc := rd.Text(), rd.Text(), rd.Text(), rd.Text()
		o := searchOcc{doc: doc, title: rd.Text(), amount: rd.Text(), line: int(rd.Varint()), file: int(rd.Varint())}
		if t == nil || kind != t.kind || text != t.text {
			put()
			t, lastDoc = &searchText{kind: strings.Clone(kind), text: strings.Clone(text)}, ""
		}
		if en != "" && (t.en == "" || en < t.en) {
			t.en = strings.Clone(en)
		}
		if doc != lastDoc {
			t.docs, lastDoc = t.docs+1, strings.Clone(doc)
		}
		t.figures++
		if len(t.occ) < searchOccurrences {
			o.doc, o.title, o.amount = strings.Clone(o.doc), strings.Clone(o.title), strings.Clone(o.amount)
			t.occ = append(t.occ, o)
		}
		return rd.Err()
	})
	if err != nil {
		return err
	}
	put()
	return byID.each(func(_, rec []byte) error {
		rd := wire.Borrowing(rec)
		t := &searchText{kind: rd.Text(), text: rd.Text(), en: rd.Text(), docs: int(rd.Uvarint()), figures: int(rd.Uvarint())}
		t.occ = make([]searchOcc, rd.Uvarint())
		for i := range t.occ {
			t.occ[i] = searchOcc{doc: rd.Text(), title: rd.Text(), line: int(rd.Varint()), amount: rd.Text(), file: int(rd.Varint())}
		}
		if err := rd.Err(); err != nil {
			return err
		}
		return f(t)
	})
}

func tokenShard(tok string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(tok))
	return int(h.Sum32() % uint32(shards))
}

// write writes the index into dir/search.
func (s *searchIndex) write(dir string) error {
	out := filepath.Join(dir, "search")
	for _, sub := range []string{"t", "x"} {
		if err := os.MkdirAll(filepath.Join(out, sub), 0o755); err != nil {
			return err
		}
	}
	// the texts in the order of their ids, written a chunk a file, and
	// each token's ids, ascending, as they are written: the first id, then
	// each less the one before (3, 4, 9 → 3, 1, 5), as uvarints — a list
	// of ints took five times the memory
	tp := tokenPostings{at: map[string]int32{}}
	chunk := make([]*searchText, 0, searchChunk)
	var b []byte
	n, files := 0, 0
	flush := func() error {
		b = appendTexts(b[:0], chunk)
		chunk, files = chunk[:0], files+1
		return emit.WriteNew(filepath.Join(out, "x", strconv.Itoa(files-1)+".json"), b)
	}
	err := s.texts(func(t *searchText) error {
		tp.add(n, t)
		n++
		if chunk = append(chunk, t); len(chunk) == searchChunk {
			return flush()
		}
		return nil
	})
	if err == nil && (len(chunk) > 0 || files == 0) { // a last chunk not full, or none at all
		err = flush()
	}
	if err != nil {
		return err
	}
	at, posts := tp.at, tp.posts
	shards := (len(at) + searchTokensShard - 1) / searchTokensShard
	if shards < 1 {
		shards = 1
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
	sentences, err := s.sentences.write(dir)
	if err != nil {
		return err
	}
	return writeJSON(filepath.Join(out, "meta.json"), map[string]any{"shards": shards, "chunk": searchChunk, "texts": n, "sentences": sentences})
}

// tokenPostings gathers the ids of the texts that hold each token,
// ascending: posts, by the token's place in at.
type tokenPostings struct {
	at    map[string]int32
	posts []posting
	toks  []string
}

// add records the tokens of the text id, the next: those of its own words
// and of its English, the text once however often it holds a token.
func (p *tokenPostings) add(id int, t *searchText) {
	p.toks = search.AppendTokens(search.AppendTokens(p.toks[:0], t.text), t.en)
	for _, tok := range p.toks {
		k, ok := p.at[tok]
		if !ok {
			k = int32(len(p.posts))
			p.at[strings.Clone(tok)] = k // not a part of the text, which it would keep
			p.posts = append(p.posts, posting{})
		}
		if q := &p.posts[k]; len(q.enc) == 0 || q.last != id {
			q.add(id)
		}
	}
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
