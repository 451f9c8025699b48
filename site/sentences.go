package site

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"budgetpub/internal/wire"
	"budgetpub/pipeline/emit"
)

// The narrative's sentences have an index of their own beside the texts'
// (search.go). A sentence is nearly always a text of its own, so instead of
// one posting per distinct text, a token's postings say where it stands:
//
//	search/st/<k>.json     token → for each document holding it (ascending
//	                       numbers), the number less the one before, how
//	                       many of its sentences hold it, and their numbers
//	                       as gaps (the first, then each less the one
//	                       before); 0 for a token left out as common (see
//	                       below); the tokens whose FNV-1a hash is k modulo
//	                       the shards
//	search/sd/<k>.json     the ids of documents k·I … k·I+I−1
//
// and meta.json's "sentences" gives {"shards", "ids": I, "documents",
// "common"}. Documents are numbered in the order of their ids, those with
// at least one sentence only; a document's sentences in the order of its
// files and lines (emit.Sentences). The sentences' text is not written
// again: a document's source page, which holds its text once, says where
// each sentence stands in it (sentenceSpans), so a query fetches one shard
// per token and then the source pages of the sentences it shows.
//
// A token in more than half the documents (and more than sentenceFew of
// them), or in more than sentenceMany, is left out: a word in most
// disclosures is worth no list of where it stands, and its list would make
// the index and a query's shards grow with every disclosure; bounded so, a
// token's list is at most some 12 KB however many disclosures there are.
// A query of such tokens only is answered by saying so (budgetpub.sqlite's
// fts has every sentence); a query with at least one other token is
// answered from the others, each sentence checked to hold the words.
const (
	sentenceIDs   = 1000    // document ids per search/sd file
	sentenceShard = 8 << 10 // bytes of postings per search/st file, on average
	sentenceFew   = 16      // a token in this many documents or fewer is never common
	sentenceMany  = 1000    // a token in more documents is always common
)

// sentenceIndex gathers where the tokens of the sentences stand as the
// documents are rendered, in any order: documents get a provisional number
// as they come, replaced by their rank among the ids when the index is
// written.
type sentenceIndex struct {
	docs  []string // by provisional number: the document's id
	posts map[string]*sentencePosts
}

type sentencePosts struct {
	docs int    // documents holding the token
	recs []byte // per document: provisional number, count, sentences as gaps (uvarints); nil once common
}

// sentenceSpans says where each of a document's sentences stands in the
// lines of its files, as the data-sentences attribute of each file's <pre>
// on the source page: by file, the file's sentences in order, separated by
// spaces, each "d,c,n[,c,n…]" — its first line less the one of the
// sentence before in the file (0 before the first), then for that line and
// each after it that the sentence runs on, the column it starts at and how
// long it is there, both in UTF-16 code units (as a browser's strings
// count). The parts, one after the other, are the sentence. A sentence not
// found where emit.Sentences says it starts is written "d" alone: shown by
// no query, never wrongly.
func sentenceSpans(files [][]string, sentences []emit.SearchEntry) []string {
	out := make([]string, len(files))
	bufs := make([][]byte, len(files))
	last := make([]int, len(files))
	for _, s := range sentences {
		if s.File < 0 || s.File >= len(files) {
			continue
		}
		b := bufs[s.File]
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(s.Line-last[s.File]), 10)
		last[s.File] = s.Line
		for _, p := range spanOf(files[s.File], s.Line, s.Text) {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(p), 10)
		}
		bufs[s.File] = b
	}
	for i, b := range bufs {
		out[i] = string(b)
	}
	return out
}

// spanOf is where text stands from line n (from 1) of lines on: for each
// line, the column of its part and the part's length (UTF-16 code units);
// nil when it is not there. A sentence is made of lines trimmed and joined
// (emit.Sentences), so its part of a line after the first starts at the
// line's first character that is not a space; on the first line it may
// start anywhere, and each place is tried.
func spanOf(lines []string, n int, text string) []int {
	if n < 1 || n > len(lines) || text == "" {
		return nil
	}
	first := strings.TrimRightFunc(lines[n-1], unicode.IsSpace)
	for o := range first {
		if span := spanFrom(lines, n, o, text); span != nil {
			return span
		}
	}
	return nil
}

// spanFrom is spanOf with the sentence starting at byte o of line n.
func spanFrom(lines []string, n, o int, text string) []int {
	var span []int
	rest := text
	for i := n - 1; i < len(lines) && rest != ""; i++ {
		raw := lines[i]
		t := strings.TrimRightFunc(raw, unicode.IsSpace)
		start := o
		if i > n-1 {
			start = len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			if start > len(t) {
				start = len(t)
			}
		}
		part := t[start:]
		switch {
		case strings.HasPrefix(part, rest):
			part = rest
		case !strings.HasPrefix(rest, part) || (part == "" && i == n-1):
			return nil
		}
		rest = rest[len(part):]
		span = append(span, utf16Len(raw[:start]), utf16Len(part))
	}
	if rest != "" {
		return nil
	}
	return span
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// tokenPlaces are the numbers of the sentences of a document holding a
// token, ascending.
type tokenPlaces struct {
	tok string
	at  []int
}

// sentenceTokens are where each token of a document's sentences stands,
// in the order the tokens first come. The tokens are cut from the
// sentences' Tokens without a slice of them, and the lists share one
// array: a document has hundreds of tokens, most in one sentence. What it
// gathers on the way is sized once from the count of the tokens.
func sentenceTokens(sentences []emit.SearchEntry) []tokenPlaces {
	cuts := make([]string, len(sentences))
	n := 0 // the tokens with their repeats: the most (token, sentence) pairs
	for i, s := range sentences {
		cuts[i] = s.Tokens()
		n += strings.Count(cuts[i], " ") + 1
	}
	idx := make(map[string]int32, n/4)
	toks := make([]string, 0, n/4)
	last := make([]int32, 0, n/4)       // by token: the last sentence holding it
	seq := make([]int32, 0, n)          // each sentence's tokens, once each
	ends := make([]int, len(sentences)) // where each sentence's tokens end in seq
	for i, toks2 := range cuts {
		for toks2 != "" {
			var tok string
			tok, toks2, _ = strings.Cut(toks2, " ")
			if tok == "" {
				continue
			}
			k, ok := idx[tok]
			if !ok {
				k = int32(len(toks))
				idx[tok] = k
				toks = append(toks, tok)
				last = append(last, int32(i))
			} else if last[k] == int32(i) {
				continue
			}
			last[k] = int32(i)
			seq = append(seq, k)
		}
		ends[i] = len(seq)
	}
	count := make([]int, len(toks))
	for _, k := range seq {
		count[k]++
	}
	out := make([]tokenPlaces, len(toks))
	all := make([]int, len(seq))
	for k, c := range count {
		out[k].tok, out[k].at, all = toks[k], all[:0:c], all[c:]
	}
	from := 0
	for i, end := range ends {
		for _, k := range seq[from:end] {
			out[k].at = append(out[k].at, i)
		}
		from = end
	}
	return out
}

// SentencePlaces are where the tokens of a document's sentences stand
// (sentenceTokens), in the form the sentence index keeps them: for each
// token, its length and bytes, then its record's length and the record —
// the number of its sentences and their numbers as gaps (3, 4, 9 → 3, 1,
// 5), each a uvarint. They are made with the document's other fragments
// and kept with them, so a document that did not change is indexed
// without cutting its sentences' tokens again.
func SentencePlaces(sentences []emit.SearchEntry) []byte {
	var b, rec []byte
	for _, tp := range sentenceTokens(sentences) {
		rec = binary.AppendUvarint(rec[:0], uint64(len(tp.at)))
		prev := 0
		for _, i := range tp.at {
			rec = binary.AppendUvarint(rec, uint64(i-prev))
			prev = i
		}
		b = wire.AppendString(b, tp.tok)
		b = wire.AppendString(b, rec)
	}
	return b
}

// placesRecord tells whether rec is a record of SentencePlaces: a count,
// then as many numbers, each a uvarint, and nothing after them.
func placesRecord(rec []byte) bool {
	rd := wire.Borrowing(rec)
	n := rd.Len()
	for i := 0; i < n; i++ {
		rd.Uvarint()
	}
	return n > 0 && rd.Err() == nil && len(rd.Rest()) == 0
}

// errPlaces: places that are not SentencePlaces.
var errPlaces = errors.New("sentence places cut short")

// add records a document's tokens (SentencePlaces); the caller holds the
// renderer's lock. What it keeps it copies (places are a part of the
// document's fragment, which the index must not keep whole).
func (s *sentenceIndex) add(doc string, places []byte) error {
	if len(places) == 0 {
		return nil
	}
	if s.posts == nil {
		s.posts = map[string]*sentencePosts{}
	}
	n := uint64(len(s.docs))
	s.docs = append(s.docs, doc)
	rd := wire.Borrowing(places)
	for len(rd.Rest()) > 0 {
		tok, rec := rd.Bytes(), rd.Bytes()
		if rd.Err() != nil || !placesRecord(rec) {
			return errPlaces
		}
		p := s.posts[string(tok)]
		if p == nil {
			p = &sentencePosts{}
			s.posts[string(tok)] = p
		}
		if p.docs++; p.docs > sentenceMany { // common whatever comes: its list is not kept
			p.recs = nil
			continue
		}
		p.recs = binary.AppendUvarint(p.recs, n)
		p.recs = append(p.recs, rec...)
	}
	return nil
}

// postings are a token's postings as written: documents by their final
// number, ascending.
func (s *sentenceIndex) postings(p *sentencePosts, rank []int) []int {
	type group struct {
		doc  int
		gaps []int
	}
	var groups []group
	for rd := wire.Borrowing(p.recs); len(rd.Rest()) > 0; {
		read := func() int { return int(rd.Uvarint()) }
		g := group{doc: rank[read()]}
		g.gaps = make([]int, read())
		for i := range g.gaps {
			g.gaps[i] = read()
		}
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].doc < groups[j].doc })
	var out []int
	prev := 0
	for _, g := range groups {
		out = append(out, g.doc-prev, len(g.gaps))
		out = append(out, g.gaps...)
		prev = g.doc
	}
	return out
}

// jsonLen is the length of a list of numbers written as JSON.
func jsonLen(list []int) int {
	n := 1 + len(list)
	for _, v := range list {
		n += len(strconv.Itoa(v))
	}
	return n
}

// write numbers the documents, writes their ids and the token shards; it
// returns what meta.json says of them.
func (s *sentenceIndex) write(dir string) (map[string]int, error) {
	out := filepath.Join(dir, "search")
	order := make([]int, len(s.docs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return s.docs[order[i]] < s.docs[order[j]] })
	rank := make([]int, len(s.docs))
	ids := make([]string, len(s.docs))
	for n, i := range order {
		rank[i], ids[n] = n, s.docs[i]
	}
	if len(ids) > 0 {
		if err := os.MkdirAll(filepath.Join(out, "sd"), 0o755); err != nil {
			return nil, err
		}
	}
	for k := 0; k*sentenceIDs < len(ids); k++ {
		if err := writeJSON(filepath.Join(out, "sd", strconv.Itoa(k)+".json"), ids[k*sentenceIDs:min(len(ids), (k+1)*sentenceIDs)]); err != nil {
			return nil, err
		}
	}
	common := min(max(len(s.docs)/2, sentenceFew), sentenceMany)
	toks := make([]string, 0, len(s.posts))
	lists := map[string][]int{} // the postings of the tokens not common
	size := 0
	for tok, p := range s.posts {
		toks = append(toks, tok)
		if p.docs <= common {
			lists[tok] = s.postings(p, rank)
			size += len(tok) + 4 + jsonLen(lists[tok])
		}
	}
	sort.Strings(toks)
	shards := max(1, (size+sentenceShard-1)/sentenceShard)
	byShard := make([][]string, shards)
	for _, tok := range toks {
		k := tokenShard(tok, shards)
		byShard[k] = append(byShard[k], tok)
	}
	if err := os.MkdirAll(filepath.Join(out, "st"), 0o755); err != nil {
		return nil, err
	}
	for k, toks := range byShard {
		if err := writeShard(filepath.Join(out, "st", strconv.Itoa(k)+".json"), toks, func(tok string) []int { return lists[tok] }); err != nil {
			return nil, err
		}
	}
	return map[string]int{"shards": shards, "ids": sentenceIDs, "documents": len(s.docs), "common": common}, nil
}
