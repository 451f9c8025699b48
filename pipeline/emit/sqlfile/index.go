package sqlfile

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"

	"budgetpub/internal/runs"
)

// Index is an index's entries gathered in any order, each a record of
// the indexed columns' values, then the row's rowid; WriteIndex sorts and
// writes them. Past spillBytes of entries held, those held are sorted
// and written to a temporary file as a run, and WriteIndex merges the
// runs, as SQLite sorts what it indexes: memory does not grow with the
// rows.
type Index struct {
	keys   int  // indexed columns
	unique bool // no two entries may have the same key without a NULL in it
	arena  []byte
	ends   []int
	max    int // bytes held before a run is written (spillBytes)
	runs   runs.Runs
	bounds [][2][]byte // each run's first and last entry
}

// spillBytes is how many bytes of entries an Index holds at most.
const spillBytes = 8 << 20

// NewIndex starts an index of keys columns; unique, as a PRIMARY KEY's
// or a UNIQUE constraint's.
func NewIndex(keys int, unique bool) *Index {
	return &Index{keys: keys, unique: unique, max: spillBytes}
}

// Add adds an entry (Record.AppendTo).
func (x *Index) Add(rec []byte) {
	if len(x.arena)+len(rec) > cap(x.arena) {
		x.arena = growArena(x.arena, len(rec), x.max)
	}
	x.arena = append(x.arena, rec...)
	if len(x.ends) == cap(x.ends) { // twice, not a quarter more: see growArena
		x.ends = append(make([]int, 0, max(2*cap(x.ends), 512)), x.ends...)
	}
	x.ends = append(x.ends, len(x.arena))
	if len(x.arena) >= x.max {
		x.spill()
	}
}

// growArena gives arena room for n more bytes: twice its capacity, up to
// a quarter past most (where the index spills). Grown by append (a quarter
// at a time past a few hundred bytes), an arena of 8 MB was copied some
// 40 MB over, the index's every entry five times.
func growArena(arena []byte, n, most int) []byte {
	c := min(max(2*cap(arena), 4<<10), most+most/4)
	return append(make([]byte, 0, max(c, len(arena)+n)), arena...)
}

func (x *Index) entry(i int) []byte {
	start := 0
	if i > 0 {
		start = x.ends[i-1]
	}
	return x.arena[start:x.ends[i]]
}

// sorted is the order of the first n entries held, in SQLite's order
// (compareRecords): by their sort keys (sortKey), each made once, compared
// byte by byte; by compareRecords when one holds a real. A table's rows
// come in the order of their documents, so the entries of an index whose
// first column is the document's come in runs of one first value, the runs
// in order: each run is sorted on its own, and all of them together only
// when two runs are not in order (a few entries a sort, not all of them).
func (x *Index) sorted(n int) []int32 {
	keys := make([]byte, 0, len(x.arena)*3/2) // an integer of 1–3 bytes takes 9
	ends := make([]int32, n)                  // where each entry's key ends in keys
	firsts := make([]int32, n)                // and its first value's
	for i := range ends {
		var first int
		var ok bool
		if keys, first, ok = sortKey(keys, x.entry(i)); !ok {
			order := make([]int32, n)
			for i := range order {
				order[i] = int32(i)
			}
			slices.SortFunc(order, func(a, b int32) int { return compareRecords(x.entry(int(a)), x.entry(int(b)), -1) })
			return order
		}
		ends[i], firsts[i] = int32(len(keys)), int32(first)
	}
	type keyed struct {
		key   []byte // a part of keys
		first int32  // the length of its first value's part
		i     int32
	}
	all := make([]keyed, len(ends))
	start := int32(0)
	for i, end := range ends {
		all[i] = keyed{keys[start:end:end], firsts[i] - start, int32(i)}
		start = end
	}
	byKey := func(a, b keyed) int { return bytes.Compare(a.key, b.key) }
	for lo := 0; lo < len(all); {
		hi, first := lo+1, all[lo].key[:all[lo].first]
		for hi < len(all) && bytes.Equal(all[hi].key[:all[hi].first], first) {
			hi++
		}
		slices.SortFunc(all[lo:hi], byKey)
		if lo > 0 && bytes.Compare(all[lo-1].key, all[lo].key) > 0 {
			slices.SortFunc(all, byKey)
			break
		}
		lo = hi
	}
	order := make([]int32, len(all))
	for i, k := range all {
		order[i] = k.i
	}
	return order
}

// sortKey appends to b a key of the record rec that orders as rec does
// (compareRecords) when keys are compared byte by byte: each value as a
// byte of its class (NULL 1, integer 2, text 3, blob 4), then an integer
// as runs.AppendKeyInt writes it, a text or a blob as runs.AppendKey
// does (its 0 bytes escaped, a 0 after it). It gives the length of b
// once the first value's part is appended too. False, and b unchanged
// but for its length, for a record holding a real, whose order against
// integers takes compareRecords.
func sortKey(b, rec []byte) ([]byte, int, bool) {
	f := newFields(rec)
	first := len(b)
	for n := 0; ; n++ {
		v, ok := f.next()
		if !ok {
			return b, first, true
		}
		switch c := v.class(); c {
		case 0:
			b = append(b, 1)
		case 1:
			i, _, real := v.number()
			if real {
				return b, first, false
			}
			b = runs.AppendKeyInt(append(b, 2), i)
		default:
			b = runs.AppendKey(append(b, byte(c)+1), v.data)
		}
		if n == 0 {
			first = len(b)
		}
	}
}

// spill writes the entries held, sorted, as a run (each entry after its
// length), and drops them — but for the last ones of the same first value
// as the last (a document's, whose next may come), unless they are all,
// which are kept for the next run: the runs of an index led by
// document_id then end before the next starts (see WriteIndex).
func (x *Index) spill() {
	n := len(x.ends) - 1
	for n > 0 && sameFirst(x.entry(n-1), x.entry(len(x.ends)-1)) {
		n--
	}
	if n == 0 {
		n = len(x.ends)
	}
	order := x.sorted(n)
	x.runs.Add("budgetpub-index-*", func(put func(...[]byte)) {
		for _, i := range order {
			e := x.entry(int(i))
			put(binary.AppendUvarint(nil, uint64(len(e))), e)
		}
	})
	x.bounds = append(x.bounds, [2][]byte{bytes.Clone(x.entry(int(order[0]))), bytes.Clone(x.entry(int(order[len(order)-1])))})
	kept := x.ends[n-1]
	x.arena = x.arena[:copy(x.arena, x.arena[kept:])]
	x.ends = x.ends[:copy(x.ends, x.ends[n:])]
	for i := range x.ends {
		x.ends[i] -= kept
	}
}

// sameFirst: two records' first values are the same, of the same serial
// type.
func sameFirst(a, b []byte) bool {
	fa, fb := newFields(a), newFields(b)
	x, _ := fa.next()
	y, _ := fb.next()
	return x.typ == y.typ && bytes.Equal(x.data, y.data)
}

// Drop removes the runs' file (WriteIndex does once it is done).
func (x *Index) Drop() { x.runs.Drop() }

// ErrDuplicate: two entries of a unique index have the same key.
var ErrDuplicate = errors.New("two rows have the same key")

// WriteIndex writes the index's B-tree, its entries in SQLite's order
// (compareRecords), and returns its root page's number.
func (f *File) WriteIndex(x *Index) (uint32, error) {
	defer x.Drop()
	if err := x.runs.Err(); err != nil {
		return 0, err
	}
	// the sources merged: each run, then the entries held, in a heap by
	// their next entry — or one after the other when each ends before the
	// next starts, as an index led by document_id's do
	held := x.sorted(len(x.ends))
	bounds := x.bounds
	if len(held) > 0 {
		bounds = append(bounds, [2][]byte{x.entry(int(held[0])), x.entry(int(held[len(held)-1]))})
	}
	inOrder := true
	for i := 1; i < len(bounds) && inOrder; i++ {
		inOrder = compareRecords(bounds[i-1][1], bounds[i][0], -1) < 0
	}
	var all []*source
	for _, r := range x.runs.Readers() {
		all = append(all, &source{r: r})
	}
	all = append(all, &source{x: x, at: held})
	for _, s := range all {
		if err := s.next(); err != nil {
			return 0, err
		}
	}
	t := &indexTree{f: f}
	var prev []byte
	add := func(s *source) error {
		if x.unique && prev != nil && compareRecords(prev, s.cur, x.keys) == 0 && !hasNull(prev, x.keys) {
			return ErrDuplicate
		}
		prev = append(prev[:0], s.cur...)
		t.add(s.cur)
		return s.next()
	}
	if inOrder {
		for _, s := range all {
			for s.cur != nil {
				if err := add(s); err != nil {
					return 0, err
				}
			}
		}
		return t.finish(), nil
	}
	sources := &runs.Heap[*source]{By: func(a, b *source) bool { return compareRecords(a.cur, b.cur, -1) < 0 }}
	for _, s := range all {
		if s.cur != nil {
			sources.Items = append(sources.Items, s)
		}
	}
	heap.Init(sources)
	for len(sources.Items) > 0 {
		s := sources.Items[0]
		if err := add(s); err != nil {
			return 0, err
		}
		if s.cur == nil {
			heap.Pop(sources)
		} else {
			heap.Fix(sources, 0)
		}
	}
	return t.finish(), nil
}

// source is a sorted run of an index's entries being merged: one read
// from the runs' file (r), or the entries held (at, in order).
type source struct {
	r   *bufio.Reader
	x   *Index
	at  []int32
	cur []byte // the next entry; nil at the end
	buf []byte
}

func (s *source) next() error {
	if s.r == nil {
		s.cur = nil
		if len(s.at) > 0 {
			s.cur, s.at = s.x.entry(int(s.at[0])), s.at[1:]
		}
		return nil
	}
	n, err := binary.ReadUvarint(s.r)
	if err == io.EOF {
		s.cur = nil
		return nil
	}
	if err != nil {
		return err
	}
	s.buf = slices.Grow(s.buf[:0], int(n))[:n]
	s.cur = s.buf
	_, err = io.ReadFull(s.r, s.cur)
	return err
}

// value is a value of a record: its serial type and bytes.
type value struct {
	typ  uint64
	data []byte
}

// fields walks a record's values: its serial types left to read, and
// the bytes of the values after the one read last.
type fields struct{ types, body []byte }

func newFields(rec []byte) fields {
	hdr, k := readVarint(rec)
	return fields{rec[k:hdr], rec[hdr:]}
}

// next reads the next value; false when there is none.
func (f *fields) next() (value, bool) {
	if len(f.types) == 0 {
		return value{}, false
	}
	t, k := readVarint(f.types)
	f.types = f.types[k:]
	size := serialSize(t)
	v := value{t, f.body[:size]}
	f.body = f.body[size:]
	return v, true
}

func serialSize(t uint64) int {
	switch {
	case t >= 12:
		return int(t-12) / 2
	case t == 7:
		return 8
	case t == 5:
		return 6
	case t == 6:
		return 8
	case t >= 1 && t <= 4:
		return int(t)
	}
	return 0
}

// class orders values of different kinds: NULL, numbers, texts, blobs.
func (v value) class() int {
	switch {
	case v.typ == 0:
		return 0
	case v.typ < 12:
		return 1
	case v.typ%2 == 1:
		return 2
	}
	return 3
}

func (v value) number() (int64, float64, bool) {
	switch v.typ {
	case 7:
		return 0, math.Float64frombits(binary.BigEndian.Uint64(v.data)), true
	case 8:
		return 0, 0, false
	case 9:
		return 1, 0, false
	}
	var i int64
	for j, c := range v.data {
		if j == 0 {
			i = int64(int8(c))
		} else {
			i = i<<8 | int64(c)
		}
	}
	return i, 0, false
}

// compareRecords orders two records as SQLite orders index entries with
// the BINARY collation: value by value, NULL first, then numbers by
// value, texts and blobs byte by byte, a record that ends first first;
// the first n values (all when n < 0).
func compareRecords(a, b []byte, n int) int {
	fa, fb := newFields(a), newFields(b)
	for ; n != 0; n-- {
		x, okx := fa.next()
		y, oky := fb.next()
		if !okx || !oky {
			return cmp.Compare(btoi(okx), btoi(oky))
		}
		if c := compareValues(x, y); c != 0 {
			return c
		}
	}
	return 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func compareValues(x, y value) int {
	if c := cmp.Compare(x.class(), y.class()); c != 0 {
		return c
	}
	switch x.class() {
	case 1:
		xi, xf, xr := x.number()
		yi, yf, yr := y.number()
		if !xr && !yr {
			return cmp.Compare(xi, yi)
		}
		if !xr {
			xf = float64(xi)
		}
		if !yr {
			yf = float64(yi)
		}
		return cmp.Compare(xf, yf)
	case 2, 3:
		return bytes.Compare(x.data, y.data)
	}
	return 0
}

// hasNull: one of the first n values of rec is NULL.
func hasNull(rec []byte, n int) bool {
	f := newFields(rec)
	for ; n > 0; n-- {
		if v, ok := f.next(); !ok || v.typ == 0 {
			return ok
		}
	}
	return false
}
