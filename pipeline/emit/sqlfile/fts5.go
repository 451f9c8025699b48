package sqlfile

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"budgetpub/internal/runs"
	"budgetpub/internal/wire"
)

// FTS is the index of an FTS5 table of one column, contentless (its
// content option empty), with columnsize = 0 and the ascii tokenizer,
// being made: its rows come in rowid order, each
// cut into tokens as FTS5's ascii tokenizer cuts it, and the whole index
// is written at the end (Write) as one segment holding every term, as
// FTS5 itself writes a segment when it merges (fts5_index.c, whose
// comments describe the records): pages of terms and their doclists, a
// doclist index for a doclist spanning FTS5_MIN_DLIDX_SIZE or more pages
// without a term, the b-tree of the pages' first terms in %_idx, the
// structure and averages records, and %_config's version.
type FTS struct {
	terms  map[string]int32 // a term's place in posts
	posts  []posting
	rows   int64 // rows added
	tokens int64 // tokens in them
	last   int64 // the last rowid
	// the postings held, in bytes; past max, they are written to a
	// temporary file as a run, the terms in order, each with its doclist
	// of the rows since the run before (the first rowid whole), and Write
	// merges the runs
	held, max int
	runs      runs.Runs
}

// ftsSpillBytes is how many bytes of postings an FTS holds at most.
const ftsSpillBytes = 32 << 20

// posting is a term's doclist so far: for each row, in rowid order, the
// rowid (after the first, as the difference from the one before), the
// size of its position list times 2, and the position list: each
// position of the term in the row (there is one column) as the
// difference from the one before plus 2.
type posting struct {
	term string
	prev int64 // the last rowid in list
	list []byte
}

// hit is a token of a row: its term (its place in posts) and position.
type hit struct{ term, pos int32 }

// NewFTS starts an empty index.
func NewFTS() *FTS { return &FTS{terms: map[string]int32{}, max: ftsSpillBytes} }

// asciiToken: b is part of a token for FTS5's ascii tokenizer, which
// splits a text at ASCII characters that are not letters or digits and
// keeps every other byte.
func asciiToken(b byte) bool {
	return b >= 0x80 || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// eachToken calls yield with each token of text as FTS5's ascii tokenizer
// cuts it, its ASCII letters in lower case (in fold, which it reuses).
func eachToken(text string, fold *[]byte, yield func(tok []byte)) {
	for i := 0; i < len(text); {
		if !asciiToken(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && asciiToken(text[j]) {
			j++
		}
		tok := append((*fold)[:0], text[i:j]...)
		for k, c := range tok { // ASCII letters to lower case, nothing else
			if c >= 'A' && c <= 'Z' {
				tok[k] = c + 'a' - 'A'
			}
		}
		*fold = tok
		yield(tok)
		i = j + 1
	}
}

// CutRows cuts consecutive rows, each a text of the column, into their
// terms, as FTS5's ascii tokenizer cuts them, in the form AddCut adds:
// the number of rows and of their tokens (uvarints), then each term, in
// the order it first comes, after its length, the first row holding it
// (its place among the rows, a uvarint) and, after its length, its
// doclist from there as the index holds it but for its first rowid: the
// size of the row's position list times 2 and the list, then for each
// later row holding it the difference from the row before, the size
// times 2 and the list (SQLite varints); a position list is each position
// of the term in the row as the difference from the one before plus 2. A
// document's rows are cut once, with it, and added so at every run: a map
// lookup and one append a term, not a token or a row.
func CutRows(texts []string) []byte {
	sc := cutScratches.Get().(*cutScratch)
	defer sc.release()
	tokens := 0
	for row, text := range texts {
		sc.hits = sc.hits[:0]
		var pos int32
		eachToken(text, &sc.fold, func(tok []byte) {
			t, ok := sc.idx[string(tok)]
			if !ok {
				t = int32(len(sc.terms))
				if int(t) < cap(sc.terms) { // a term of an earlier call's: its room reused
					sc.terms = sc.terms[:t+1]
					sc.terms[t] = termRows{name: string(tok), buf: sc.terms[t].buf[:0]}
				} else {
					sc.terms = append(sc.terms, termRows{name: string(tok)})
				}
				sc.idx[sc.terms[t].name] = t
			}
			sc.hits = append(sc.hits, hit{t, pos})
			pos++
		})
		tokens += int(pos)
		hits := sc.hits
		slices.SortFunc(hits, func(a, b hit) int {
			if a.term != b.term {
				return int(a.term - b.term)
			}
			return int(a.pos - b.pos)
		})
		for i := 0; i < len(hits); {
			tr := &sc.terms[hits[i].term]
			list := sc.list[:0]
			for prev := int32(0); i < len(hits) && &sc.terms[hits[i].term] == tr; i++ {
				list = appendVarint(list, uint64(hits[i].pos-prev+2))
				prev = hits[i].pos
			}
			sc.list = list
			if tr.n == 0 {
				tr.first = row
			} else {
				tr.buf = appendVarint(tr.buf, uint64(row-tr.last))
			}
			tr.buf = appendVarint(tr.buf, uint64(len(list)*2))
			tr.buf = append(tr.buf, list...)
			tr.last = row
			tr.n++
		}
	}
	size := 2 * binary.MaxVarintLen64
	for _, tr := range sc.terms {
		size += 2*binary.MaxVarintLen64 + len(tr.name) + len(tr.buf)
	}
	out := binary.AppendUvarint(make([]byte, 0, size), uint64(len(texts)))
	out = binary.AppendUvarint(out, uint64(tokens))
	for _, tr := range sc.terms {
		out = wire.AppendString(out, tr.name)
		out = binary.AppendUvarint(out, uint64(tr.first))
		out = wire.AppendString(out, tr.buf)
	}
	return out
}

// termRows is a term of the rows CutRows cuts: its rows so far.
type termRows struct {
	name           string
	n, first, last int
	buf            []byte // its doclist from its first row
}

// cutScratch is what CutRows works in, kept for the next call (a pool):
// a document's terms grew their lists, and the index its map, from
// nothing each time, a twentieth of what a build allocated.
type cutScratch struct {
	idx        map[string]int32
	terms      []termRows
	hits       []hit
	fold, list []byte
}

var cutScratches = sync.Pool{New: func() any { return &cutScratch{idx: map[string]int32{}} }}

// release empties the scratch and gives it back to the pool.
func (sc *cutScratch) release() {
	clear(sc.idx)
	sc.terms = sc.terms[:0]
	cutScratches.Put(sc)
}

// errCut: rows cut that are not CutRows's, or not as many as said.
var errCut = errors.New("sqlfile: FTS rows cut wrongly")

// AddCut indexes rows cut by CutRows, rows of them, the first with the
// rowid first, larger than any before. Rows cut wrongly are an error,
// after which the index is not to be written.
func (x *FTS) AddCut(first int64, rows int, cut []byte) error {
	rd := wire.Borrowing(cut)
	if n := rd.Uvarint(); rd.Err() != nil || n != uint64(rows) {
		return errCut
	}
	tokens := rd.Uvarint()
	if rows == 0 {
		return nil
	}
	if x.rows > 0 && first <= x.last {
		panic("sqlfile: FTS rowids out of order")
	}
	for len(rd.Rest()) > 0 {
		term, row, list := rd.Bytes(), rd.Uvarint(), rd.Bytes()
		if rd.Err() != nil || len(term) == 0 || row >= uint64(rows) {
			return errCut
		}
		last, ok := doclistLast(list, row, uint64(rows))
		if !ok {
			return errCut
		}
		t, ok := x.terms[string(term)]
		if !ok {
			t = int32(len(x.posts))
			x.posts = append(x.posts, posting{term: string(term)})
			x.terms[x.posts[t].term] = t
		}
		p := &x.posts[t]
		rowid := first + int64(row)
		if len(p.list) > 0 && rowid <= p.prev {
			return errCut
		}
		n := len(p.list)
		p.list = appendVarint(p.list, uint64(rowid-p.prev))
		p.list = append(p.list, list...)
		p.prev = first + int64(last)
		x.held += len(p.list) - n
	}
	if rd.Err() != nil {
		return errCut
	}
	x.rows += int64(rows)
	x.last = first + int64(rows) - 1
	x.tokens += int64(tokens)
	if x.held >= x.max {
		x.spill()
	}
	return nil
}

// doclistLast reads a term's doclist as CutRows writes it, from its
// first row, row, of rows: its last row, or false when it is not a
// doclist of those rows (a row past them or the same row twice, a
// position list empty or cut short).
func doclistLast(l []byte, row, rows uint64) (uint64, bool) {
	for first := true; ; first = false {
		if !first {
			d, k := readVarint(l)
			if k == 0 || d == 0 || d >= rows-row {
				return 0, false
			}
			row += d
			l = l[k:]
		}
		size, k := readVarint(l)
		if k == 0 || size == 0 || size%2 != 0 || size > 2*uint64(len(l)-k) {
			return 0, false
		}
		l = l[k+int(size/2):]
		if len(l) == 0 {
			return row, true
		}
	}
}

// sorted is the order of the terms held.
func (x *FTS) sorted() []int32 {
	order := make([]int32, len(x.posts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(x.posts[a].term, x.posts[b].term) })
	return order
}

// spill writes the terms held, in order, each after its length and with
// its doclist after the doclist's length, as a run, and drops them.
func (x *FTS) spill() {
	x.runs.Add("budgetpub-fts-*", func(put func(...[]byte)) {
		for _, t := range x.sorted() {
			p := &x.posts[t]
			put(binary.AppendUvarint(nil, uint64(len(p.term))), []byte(p.term), binary.AppendUvarint(nil, uint64(len(p.list))), p.list)
		}
	})
	clear(x.posts) // their doclists, which the array would keep
	x.terms, x.posts, x.held = map[string]int32{}, x.posts[:0], 0
}

// Drop removes the runs' file (Write does once it is done).
func (x *FTS) Drop() { x.runs.Drop() }

// termRun is a sorted run of terms and doclists being merged: one read
// from the runs' file (r), or the terms held (at, in order).
type termRun struct {
	r          *bufio.Reader
	x          *FTS
	at         []int32
	term, list []byte // the next term and its doclist; term nil at the end
	n          int    // the run's place: a term's doclists are merged in run order
}

func (s *termRun) next() error {
	if s.r == nil {
		s.term = nil
		if len(s.at) > 0 {
			p := &s.x.posts[s.at[0]]
			s.term, s.list, s.at = append(s.term[:0:0], p.term...), p.list, s.at[1:]
		}
		return nil
	}
	n, err := binary.ReadUvarint(s.r)
	if err == io.EOF {
		s.term = nil
		return nil
	}
	if err == nil {
		s.term = slices.Grow(s.term[:0], int(n))[:n]
		if _, err = io.ReadFull(s.r, s.term); err == nil {
			if n, err = binary.ReadUvarint(s.r); err == nil {
				s.list = slices.Grow(s.list[:0], int(n))[:n]
				_, err = io.ReadFull(s.r, s.list)
			}
		}
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// FTS5's constants (fts5Int.h, fts5_index.c).
const (
	ftsPageSize   = 4050 // pgsz, the size a leaf is filled to
	ftsMinDlidx   = 4    // FTS5_MIN_DLIDX_SIZE: term-less pages that make a doclist index
	ftsAverages   = 1    // the averages record's rowid
	ftsStructure  = 10   // the structure record's rowid
	ftsVersion    = 4    // FTS5_CURRENT_VERSION, %_config's version
	ftsSegment    = 1    // the one segment's id
	ftsMainPrefix = '0'  // before every term of the main index
)

// ftsRowid is the rowid in %_data of a leaf page (dlidx false, height 0)
// or of a doclist index's page of a height.
func ftsRowid(dlidx bool, height, pgno int) int64 {
	r := int64(ftsSegment)<<37 + int64(height)<<31 + int64(pgno)
	if dlidx {
		r += 1 << 36
	}
	return r
}

// block is a row of %_data.
type block struct {
	id   int64
	data []byte
}

// btEntry is a row of %_idx: the least term a leaf page starts after
// (the first's is empty), and the page's number times 2, plus 1 when the
// doclist going on from it has a doclist index.
type btEntry struct {
	term []byte
	pgno int64
}

// dlidxWriter is a level of a doclist index being written.
type dlidxWriter struct {
	pgno      int
	prevValid bool
	prev      int64
	buf       []byte
}

// segWriter writes the segment: fts5_index.c's Fts5SegWriter, as a
// merge writes its output.
type segWriter struct {
	buf, pgidx          []byte // the leaf being filled, its footer
	prevPgidx           int
	pgno                int
	term                []byte // the last term written
	prevRowid           int64
	firstRowidInDoclist bool
	firstRowidInPage    bool
	firstTermInPage     bool
	nEmpty              int // term-less leaves in a row
	dlidx               []dlidxWriter
	btterm              []byte
	btPage              int
	leaf                func(pgno int, page []byte) // writes a leaf
	dlidxPages          []block
	idx                 []btEntry
}

func newSegWriter(leaf func(pgno int, page []byte)) *segWriter {
	return &segWriter{buf: make([]byte, 4, ftsPageSize+64), pgno: 1, firstTermInPage: true, btPage: 1, dlidx: make([]dlidxWriter, 1), leaf: leaf}
}

func (w *segWriter) flushLeaf() {
	binary.BigEndian.PutUint16(w.buf[2:], uint16(len(w.buf)))
	if w.firstTermInPage {
		w.btreeNoTerm()
	} else {
		w.buf = append(w.buf, w.pgidx...)
	}
	w.leaf(w.pgno, w.buf)
	w.buf = append(w.buf[:0], 0, 0, 0, 0)
	w.pgidx = w.pgidx[:0]
	w.prevPgidx = 0
	w.pgno++
	w.firstTermInPage = true
	w.firstRowidInPage = true
}

func (w *segWriter) btreeNoTerm() {
	if w.firstRowidInPage && len(w.dlidx[0].buf) > 0 {
		w.dlidx[0].buf = appendVarint(w.dlidx[0].buf, 0)
	}
	w.nEmpty++
}

// flushDlidx writes the doclist index made for the doclist that ended,
// if it spans enough pages, and reports whether it did.
func (w *segWriter) flushDlidx() bool {
	flush := len(w.dlidx[0].buf) > 0 && w.nEmpty >= ftsMinDlidx
	for i := range w.dlidx {
		d := &w.dlidx[i]
		if len(d.buf) == 0 {
			break
		}
		if flush {
			w.dlidxPages = append(w.dlidxPages, block{ftsRowid(true, i, d.pgno), bytes.Clone(d.buf)})
		}
		d.buf = d.buf[:0]
		d.prevValid = false
	}
	w.nEmpty = 0
	return flush
}

func (w *segWriter) flushBtree() {
	if w.btPage == 0 {
		return
	}
	pgno := int64(w.btPage) << 1
	if w.flushDlidx() {
		pgno++
	}
	w.idx = append(w.idx, btEntry{bytes.Clone(w.btterm), pgno})
	w.btPage = 0
}

// dlidxAppend adds rowid, the first on the leaf being filled, to the
// doclist index.
func (w *segWriter) dlidxAppend(rowid int64) {
	for i, done := 0, false; !done; i++ {
		d := &w.dlidx[i]
		if len(d.buf) >= ftsPageSize {
			// the page is full: written, its first rowid copied up to a
			// new root when it was the root
			d.buf[0] = 1
			w.dlidxPages = append(w.dlidxPages, block{ftsRowid(true, i, d.pgno), bytes.Clone(d.buf)})
			if len(w.dlidx) < i+2 {
				w.dlidx = append(w.dlidx, dlidxWriter{})
			}
			d = &w.dlidx[i]
			if up := &w.dlidx[i+1]; len(up.buf) == 0 {
				_, k := readVarint(d.buf[1:])
				first, _ := readVarint(d.buf[1+k:])
				up.pgno = d.pgno
				up.buf = appendVarint(appendVarint(appendVarint(up.buf, 0), uint64(d.pgno)), first)
				up.prevValid, up.prev = true, int64(first)
			}
			d.buf = d.buf[:0]
			d.prevValid = false
			d.pgno++
		} else {
			done = true
		}
		v := rowid - d.prev
		if !d.prevValid {
			pg := w.pgno
			if i > 0 {
				pg = w.dlidx[i-1].pgno
			}
			flag := uint64(1)
			if done {
				flag = 0
			}
			d.buf = appendVarint(appendVarint(d.buf, flag), uint64(pg))
			v = rowid
		}
		d.buf = appendVarint(d.buf, uint64(v))
		d.prevValid, d.prev = true, rowid
	}
}

func (w *segWriter) appendTerm(term []byte) {
	if len(w.buf)+len(w.pgidx)+len(term)+2 >= ftsPageSize && len(w.buf) > 4 {
		w.flushLeaf()
	}
	w.pgidx = appendVarint(w.pgidx, uint64(len(w.buf)-w.prevPgidx))
	w.prevPgidx = len(w.buf)
	common := 0
	for common < min(len(w.term), len(term)) && w.term[common] == term[common] {
		common++
	}
	prefix := 0
	if !w.firstTermInPage {
		prefix = common
		w.buf = appendVarint(w.buf, uint64(prefix))
	} else if w.pgno != 1 {
		// %_idx gets the shortest prefix of the term greater than the
		// term before, the leaf's key
		n := len(term)
		if len(w.term) > 0 {
			n = common + 1
		}
		w.flushBtree()
		w.btterm = append(w.btterm[:0], term[:n]...)
		w.btPage = w.pgno
	}
	w.buf = appendVarint(w.buf, uint64(len(term)-prefix))
	w.buf = append(w.buf, term[prefix:]...)
	w.term = append(w.term[:0], term...)
	w.firstTermInPage = false
	w.firstRowidInPage = false
	w.firstRowidInDoclist = true
	w.dlidx[0].pgno = w.pgno
}

func (w *segWriter) appendRowid(rowid int64) {
	if len(w.buf)+len(w.pgidx) >= ftsPageSize {
		w.flushLeaf()
	}
	if w.firstRowidInPage {
		binary.BigEndian.PutUint16(w.buf, uint16(len(w.buf)))
		w.dlidxAppend(rowid)
	}
	if w.firstRowidInDoclist || w.firstRowidInPage {
		w.buf = appendVarint(w.buf, uint64(rowid))
	} else {
		w.buf = appendVarint(w.buf, uint64(rowid-w.prevRowid))
	}
	w.prevRowid = rowid
	w.firstRowidInDoclist = false
	w.firstRowidInPage = false
}

// appendPoslist appends a position list's bytes, cut between positions
// where the leaf is full.
func (w *segWriter) appendPoslist(a []byte) {
	for len(w.buf)+len(w.pgidx)+len(a) >= ftsPageSize {
		need := ftsPageSize - len(w.buf) - len(w.pgidx)
		n := 0
		for n < need {
			_, k := readVarint(a[n:])
			n += k
		}
		w.buf = append(w.buf, a[:n]...)
		a = a[n:]
		w.flushLeaf()
	}
	w.buf = append(w.buf, a...)
}

func (w *segWriter) finish() {
	if len(w.buf) > 4 {
		w.flushLeaf()
	}
	if w.pgno > 1 {
		w.flushBtree()
	}
}

// Write writes the index into f as the shadow tables of the FTS5 table
// name (%_data, %_idx, %_config), and returns their sqlite_schema rows,
// the virtual table's (made by the statement sql) first.
func (x *FTS) Write(f *File, name, sql string) ([]SchemaRow, error) {
	defer x.Drop()
	if err := x.runs.Err(); err != nil {
		return nil, err
	}
	data := f.NewTable()
	var r Record
	var rec []byte
	put := func(first bool, id int64, b []byte) {
		r.Reset()
		r.Null() // id, the rowid
		r.Blob(b)
		rec = r.AppendTo(rec[:0])
		if first {
			data.InsertFirst(id, rec)
		} else {
			data.Insert(id, rec)
		}
	}
	w := newSegWriter(func(pgno int, page []byte) { put(false, ftsRowid(false, 0, pgno), page) })
	// every run's terms, in order; a term's doclists one after the
	// other, each's first rowid whole
	merge := &runs.Heap[*termRun]{By: func(a, b *termRun) bool {
		if c := bytes.Compare(a.term, b.term); c != 0 {
			return c < 0
		}
		return a.n < b.n
	}}
	var all []*termRun
	for _, r := range x.runs.Readers() {
		all = append(all, &termRun{r: r, n: len(all)})
	}
	all = append(all, &termRun{x: x, at: x.sorted(), n: len(all)})
	for _, s := range all {
		if err := s.next(); err != nil {
			return nil, err
		}
		if s.term != nil {
			merge.Items = append(merge.Items, s)
		}
	}
	heap.Init(merge)
	term := []byte{ftsMainPrefix}
	for len(merge.Items) > 0 {
		s := merge.Items[0]
		if len(term) == 1 || !bytes.Equal(term[1:], s.term) {
			term = append(term[:1], s.term...)
			w.appendTerm(term)
		}
		rowid := int64(0) // the run's doclist starts with a whole rowid
		for l := s.list; len(l) > 0; {
			d, k := readVarint(l)
			rowid += int64(d)
			size, k2 := readVarint(l[k:])
			l = l[k+k2:]
			w.appendRowid(rowid)
			w.buf = appendVarint(w.buf, size)
			w.appendPoslist(l[:size/2])
			l = l[size/2:]
		}
		if err := s.next(); err != nil {
			return nil, err
		}
		if s.term == nil {
			heap.Pop(merge)
		} else {
			heap.Fix(merge, 0)
		}
	}
	w.finish()
	slices.SortFunc(w.dlidxPages, func(a, b block) int { return cmp.Compare(a.id, b.id) })
	for _, b := range w.dlidxPages {
		put(false, b.id, b.data)
	}

	// the averages and the structure record, before the segment's pages
	var avg []byte
	if x.rows > 0 {
		avg = appendVarint(appendVarint(nil, uint64(x.rows)), uint64(x.tokens))
	}
	structure := []byte{0, 0, 0, 0} // the configuration cookie
	if n := uint64(w.pgno - 1); n > 0 {
		// one level, one segment, the leaves written; the level merging
		// none, its segment: id, first leaf, last leaf
		for _, v := range []uint64{1, 1, n, 0, 1, ftsSegment, 1, n} {
			structure = appendVarint(structure, v)
		}
	} else {
		structure = append(structure, 0, 0, 0)
	}
	put(true, ftsAverages, avg)
	put(true, ftsStructure, structure)
	dataRoot := data.Finish()
	idx := &indexTree{f: f}
	for _, e := range w.idx {
		r.Reset()
		r.Int(ftsSegment)
		r.Blob(e.term)
		r.Int(e.pgno)
		rec = r.AppendTo(rec[:0])
		idx.add(rec)
	}
	idxRoot := idx.finish()
	config := &indexTree{f: f}
	r.Reset()
	r.Text("version")
	r.Int(ftsVersion)
	config.add(r.AppendTo(rec[:0]))
	configRoot := config.finish()
	return []SchemaRow{
		{"table", name, name, 0, sql},
		{"table", name + "_data", name + "_data", dataRoot, "CREATE TABLE '" + name + "_data'(id INTEGER PRIMARY KEY, block BLOB)"},
		{"table", name + "_idx", name + "_idx", idxRoot, "CREATE TABLE '" + name + "_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID"},
		{"table", name + "_config", name + "_config", configRoot, "CREATE TABLE '" + name + "_config'(k PRIMARY KEY, v) WITHOUT ROWID"},
	}, nil
}

// MergeCuts merges cuts (CutRows) of runs of rows that follow each other,
// rows[i] rows in cuts[i], into the cut of all of their rows: AddCut adds
// it as it adds the cuts one after the other, a map lookup and an append a
// term of all of them, not of each. Cuts cut wrongly are an error.
func MergeCuts(cuts [][]byte, rows []int) ([]byte, error) {
	type merged struct {
		name        []byte
		first, last uint64
		list        []byte
	}
	var terms []merged
	at := map[string]int{}
	var off, tokens uint64
	for i, cut := range cuts {
		rd := wire.Borrowing(cut)
		n, toks := rd.Uvarint(), rd.Uvarint()
		if rd.Err() != nil || n != uint64(rows[i]) {
			return nil, errCut
		}
		for len(rd.Rest()) > 0 {
			term, row, list := rd.Bytes(), rd.Uvarint(), rd.Bytes()
			if rd.Err() != nil || len(term) == 0 || row >= n {
				return nil, errCut
			}
			last, ok := doclistLast(list, row, n)
			if !ok {
				return nil, errCut
			}
			j, ok := at[string(term)]
			if !ok {
				j = len(terms)
				at[string(term)] = j
				terms = append(terms, merged{name: term, first: off + row})
			} else {
				terms[j].list = appendVarint(terms[j].list, off+row-terms[j].last)
			}
			terms[j].list = append(terms[j].list, list...)
			terms[j].last = off + last
		}
		if rd.Err() != nil {
			return nil, errCut
		}
		off += n
		tokens += toks
	}
	size := 2 * binary.MaxVarintLen64
	for _, t := range terms {
		size += 3*binary.MaxVarintLen64 + len(t.name) + len(t.list)
	}
	out := binary.AppendUvarint(make([]byte, 0, size), off)
	out = binary.AppendUvarint(out, tokens)
	for _, t := range terms {
		out = wire.AppendString(out, t.name)
		out = binary.AppendUvarint(out, t.first)
		out = wire.AppendString(out, t.list)
	}
	return out, nil
}
