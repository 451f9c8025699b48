package site

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

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
//	search/s/<n>/<k>.json  sentences k·C … k·C+C−1 of document n: [document
//	                       id, title, [[file, line, text], …]]
//
// and meta.json's "sentences" gives {"shards", "chunk": C, "documents",
// "common"}. Documents are numbered in the order of their ids, those with
// at least one sentence only; a document's sentences in the order of its
// files and lines (emit.Sentences). A query fetches one shard per token
// and then only the chunk files of the sentences it shows.
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
	sentenceChunk = 32      // sentences per search/s file
	sentenceShard = 8 << 10 // bytes of postings per search/st file, on average
	sentenceFew   = 16      // a token in this many documents or fewer is never common
	sentenceMany  = 1000    // a token in more documents is always common
)

// sentenceIndex gathers where the tokens of the sentences stand as the
// documents are rendered, in any order: documents get a provisional number
// as they come, replaced by their rank among the ids when the index is
// written.
type sentenceIndex struct {
	docs    []string // by provisional number: the document's id
	posts   map[string]*sentencePosts
	numbers map[string]int // by id: the final numbers, once written
}

type sentencePosts struct {
	docs int    // documents holding the token
	recs []byte // per document: provisional number, count, sentences as gaps (uvarints); nil once common
}

// sentenceTemp holds a document's chunk files until its number is known.
const sentenceTemp = ".sentences"

// writeSentences writes a document's sentences into their chunk files,
// under its id until the index is written; safe for concurrent use.
func writeSentences(dir, doc, title string, sentences []emit.SearchEntry) error {
	if len(sentences) == 0 {
		return nil
	}
	out := filepath.Join(dir, "search", sentenceTemp, doc)
	if err := mkdir(out); err != nil {
		return err
	}
	for k := 0; k*sentenceChunk < len(sentences); k++ {
		var chunk [][]any
		for _, s := range sentences[k*sentenceChunk : min(len(sentences), (k+1)*sentenceChunk)] {
			chunk = append(chunk, []any{s.File, s.Line, s.Text})
		}
		if err := writeJSON(filepath.Join(out, strconv.Itoa(k)+".json"), []any{doc, title, chunk}); err != nil {
			return err
		}
	}
	return nil
}

// mkdir makes the folder path, and those it is in when they are missing
// (without a stat before: a document's sentences have a folder of their
// own, in a folder made once).
func mkdir(path string) error {
	err := os.Mkdir(path, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(path, 0o755)
	}
	if errors.Is(err, fs.ErrExist) {
		if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
			return nil
		}
	}
	return err
}

// linkSentences makes a document's chunk files (see writeSentences) links
// to its count sentences' files in the release in from, where it was
// document m: the same files when its sentences and title are the same. It
// reports false, having left nothing, when it cannot link them all.
func linkSentences(dir, from string, m int, doc string, count int) bool {
	if count == 0 {
		return true
	}
	out := filepath.Join(dir, "search", sentenceTemp, doc)
	if mkdir(out) != nil {
		return false
	}
	src := filepath.Join(from, "search", "s", strconv.Itoa(m))
	for k := 0; k*sentenceChunk < count; k++ {
		name := strconv.Itoa(k) + ".json"
		if emit.LinkFile(filepath.Join(src, name), filepath.Join(out, name)) != nil {
			os.RemoveAll(out)
			return false
		}
	}
	return true
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
// array: a document has hundreds of tokens, most in one sentence.
func sentenceTokens(sentences []emit.SearchEntry) []tokenPlaces {
	idx := map[string]int{}
	var out []tokenPlaces
	var last []int     // by token: the last sentence holding it
	var pairs [][2]int // token, sentence: once a sentence
	for i, s := range sentences {
		for toks := s.Tokens(); toks != ""; {
			var tok string
			tok, toks, _ = strings.Cut(toks, " ")
			if tok == "" {
				continue
			}
			k, ok := idx[tok]
			if !ok {
				k = len(out)
				idx[tok] = k
				out = append(out, tokenPlaces{tok: tok})
				last = append(last, i)
			} else if last[k] == i {
				continue
			}
			last[k] = i
			pairs = append(pairs, [2]int{k, i})
		}
	}
	count := make([]int, len(out))
	for _, p := range pairs {
		count[p[0]]++
	}
	all := make([]int, len(pairs))
	for k, n := range count {
		out[k].at, all = all[:0:n], all[n:]
	}
	for _, p := range pairs {
		out[p[0]].at = append(out[p[0]].at, p[1])
	}
	return out
}

// add records a document's tokens; the caller holds the renderer's lock.
func (s *sentenceIndex) add(doc string, at []tokenPlaces) {
	if len(at) == 0 {
		return
	}
	if s.posts == nil {
		s.posts = map[string]*sentencePosts{}
	}
	n := uint64(len(s.docs))
	s.docs = append(s.docs, doc)
	for _, tp := range at {
		tok, list := tp.tok, tp.at
		p := s.posts[tok]
		if p == nil {
			p = &sentencePosts{}
			// a token is a part of its sentence's tokens (SearchEntry.Cut),
			// which the index must not keep whole
			s.posts[strings.Clone(tok)] = p
		}
		if p.docs++; p.docs > sentenceMany { // common whatever comes: its list is not kept
			p.recs = nil
			continue
		}
		p.recs = binary.AppendUvarint(p.recs, n)
		p.recs = binary.AppendUvarint(p.recs, uint64(len(list)))
		prev := 0
		for _, i := range list {
			p.recs = binary.AppendUvarint(p.recs, uint64(i-prev))
			prev = i
		}
	}
}

// postings are a token's postings as written: documents by their final
// number, ascending.
func (s *sentenceIndex) postings(p *sentencePosts, rank []int) []int {
	type group struct {
		doc  int
		gaps []int
	}
	var groups []group
	for b := p.recs; len(b) > 0; {
		read := func() int {
			v, n := binary.Uvarint(b)
			b = b[n:]
			return int(v)
		}
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

// write numbers the documents, moves their chunk files to search/s/<n>,
// and writes the token shards; it returns what meta.json says of them.
func (s *sentenceIndex) write(dir string) (map[string]int, error) {
	out := filepath.Join(dir, "search")
	order := make([]int, len(s.docs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return s.docs[order[i]] < s.docs[order[j]] })
	rank := make([]int, len(s.docs))
	s.numbers = make(map[string]int, len(s.docs))
	for n, i := range order {
		rank[i], s.numbers[s.docs[i]] = n, n
		if n == 0 {
			if err := os.MkdirAll(filepath.Join(out, "s"), 0o755); err != nil {
				return nil, err
			}
		}
		if err := os.Rename(filepath.Join(out, sentenceTemp, s.docs[i]), filepath.Join(out, "s", strconv.Itoa(n))); err != nil {
			return nil, err
		}
	}
	if err := os.RemoveAll(filepath.Join(out, sentenceTemp)); err != nil {
		return nil, err
	}
	common := min(max(len(s.docs)/2, sentenceFew), sentenceMany)
	toks := make([]string, 0, len(s.posts))
	size := 0
	for tok, p := range s.posts {
		toks = append(toks, tok)
		if p.docs <= common {
			size += len(tok) + 4 + jsonLen(s.postings(p, rank))
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
	for k, list := range byShard {
		m := map[string]any{}
		for _, tok := range list {
			if p := s.posts[tok]; p.docs > common {
				m[tok] = 0
			} else {
				m[tok] = s.postings(p, rank)
			}
		}
		if err := writeJSON(filepath.Join(out, "st", strconv.Itoa(k)+".json"), m); err != nil {
			return nil, err
		}
	}
	return map[string]int{"shards": shards, "chunk": sentenceChunk, "documents": len(s.docs), "common": common}, nil
}
