package sqlfile

import (
	"bytes"
	"encoding/binary"
)

// pageSize is the size of every page; no page reserves bytes at its end,
// so all of it is usable.
const pageSize = 4096

// B-tree page kinds (the first byte of a page's header).
const (
	indexInterior = 0x02
	tableInterior = 0x05
	indexLeaf     = 0x0a
	tableLeaf     = 0x0d
)

// localSize is how many bytes of a payload of p bytes a cell holds on its
// page; the rest goes to overflow pages. index: the cell is an index's
// (leaf or interior), whose share of a page is smaller than a table
// leaf's.
func localSize(p int, index bool) int {
	max := pageSize - 35
	if index {
		max = (pageSize-12)*64/255 - 23
	}
	if p <= max {
		return p
	}
	min := (pageSize-12)*32/255 - 23
	if k := min + (p-min)%(pageSize-4); k <= max {
		return k
	}
	return min
}

// payloadCellSize is the size of a cell holding a payload of p bytes
// after head bytes (its child page, its size, its rowid): the payload's
// local part and, when it overflows, the first overflow page's number.
// SQLite counts a cell as at least four bytes.
func payloadCellSize(head, p int, index bool) int {
	n := head + localSize(p, index)
	if localSize(p, index) < p {
		n += 4
	}
	return max(n, 4)
}

// page is a B-tree page being filled: its cells, in key order, laid end
// to end.
type page struct {
	kind  byte
	spare int // bytes the page leaves free: 100 in sqlite_schema's pages, any of which may become page 1, after the file's header
	cells []byte
	ends  []int // the end of each cell in cells
}

func (p *page) headerSize() int {
	if p.kind == tableLeaf || p.kind == indexLeaf {
		return 8
	}
	return 12
}

// fits: a cell of n more bytes fits on the page, with its pointer.
func (p *page) fits(n int) bool {
	return p.spare+p.headerSize()+2*(len(p.ends)+1)+len(p.cells)+n <= pageSize
}

func (p *page) add(cell []byte) {
	p.cells = append(p.cells, cell...)
	if n := len(cell); n < 4 {
		p.cells = append(p.cells, make([]byte, 4-n)...)
	}
	p.ends = append(p.ends, len(p.cells))
}

func (p *page) reset(kind byte) {
	p.kind, p.cells, p.ends = kind, p.cells[:0], p.ends[:0]
}

// bytes lays the page out in buf (pageSize bytes): from off (100 on
// page 1, after the file's header, else 0) its header (right: the
// right-most child of an interior page), the cell pointers, free space,
// then the cells, which end at the page's end, with no free block or
// fragment between them.
func (p *page) bytes(buf []byte, off int, right uint32) []byte {
	clear(buf)
	h := buf[off:]
	start := pageSize - len(p.cells)
	h[0] = p.kind
	binary.BigEndian.PutUint16(h[3:], uint16(len(p.ends)))
	binary.BigEndian.PutUint16(h[5:], uint16(start))
	ptr := h[p.headerSize():]
	if p.headerSize() == 12 {
		binary.BigEndian.PutUint32(h[8:], right)
	}
	at := 0
	for i, end := range p.ends {
		binary.BigEndian.PutUint16(ptr[2*i:], uint16(start+at))
		at = end
	}
	copy(buf[start:], p.cells)
	return buf
}

// appendPayload appends the local part of payload to cell, its rest
// written to overflow pages (their chain's first page's number after
// it). index: as localSize.
func (f *File) appendPayload(cell, payload []byte, index bool) []byte {
	n := localSize(len(payload), index)
	cell = append(cell, payload[:n]...)
	if n == len(payload) {
		return cell
	}
	rest := payload[n:]
	first := f.pages + 1
	for len(rest) > 0 {
		k := min(len(rest), pageSize-4)
		next := f.pages + 2
		if k == len(rest) {
			next = 0
		}
		clear(f.buf)
		binary.BigEndian.PutUint32(f.buf, next)
		copy(f.buf[4:], rest[:k])
		f.put(f.buf)
		rest = rest[k:]
	}
	return binary.BigEndian.AppendUint32(cell, first)
}

// child is a page of a level of a B-tree under construction, for the
// level above it: its number and, in a table, the largest rowid under
// it; in an index, the entry that follows everything under it (none for
// the last page).
type child struct {
	pgno uint32
	key  int64
	next []byte
}

// Table is a rowid table (or sqlite_schema) being written: its rows come
// in rowid order and fill leaf pages, each written when the next row
// does not fit; the interior pages are made at the end (finish).
type Table struct {
	f     *File
	leaf  page
	first int64 // the first rowid
	last  int64 // the last rowid
	n     int64 // rows
	kids  []child
	cell  []byte // scratch
	head  *Table // the rows InsertFirst adds
}

// Insert adds the row of the rowid, larger than any before, whose record
// is rec (Record.AppendTo).
func (t *Table) Insert(rowid int64, rec []byte) {
	if t.n > 0 && rowid <= t.last {
		panic("sqlfile: rowids out of order")
	}
	if t.n == 0 {
		t.first = rowid
	}
	c := appendVarint(t.cell[:0], uint64(len(rec)))
	c = appendVarint(c, uint64(rowid))
	if !t.leaf.fits(payloadCellSize(len(c), len(rec), false)) {
		t.flush()
	}
	t.cell = t.f.appendPayload(c, rec, false)
	t.leaf.add(t.cell)
	t.last = rowid
	t.n++
}

// InsertFirst adds a row made after the rows Inserted whose rowid is
// smaller than theirs: such rows are in leaves of their own, before the
// others'. They come in rowid order, before Finish.
func (t *Table) InsertFirst(rowid int64, rec []byte) {
	if t.head == nil {
		t.head = t.f.NewTable()
	}
	if t.n > 0 && rowid >= t.first {
		panic("sqlfile: a first row after the others")
	}
	t.head.Insert(rowid, rec)
}

// Cut ends the leaf being filled, if it holds a row: the rows after
// start a leaf of their own, so that a run of rows fills the same leaves
// whatever came before it.
func (t *Table) Cut() {
	if len(t.leaf.ends) > 0 {
		t.flush()
	}
}

// flush writes the leaf filled so far.
func (t *Table) flush() {
	t.kids = append(t.kids, child{pgno: t.f.put(t.leaf.bytes(t.f.buf, 0, 0)), key: t.last})
	t.leaf.reset(tableLeaf)
}

// Finish writes the last leaf and the interior pages above the leaves,
// and returns the root page's number.
func (t *Table) Finish() uint32 { return t.finish(false) }

// finish is Finish, the root at page 1 when atFirst (sqlite_schema).
func (t *Table) finish(atFirst bool) uint32 {
	if h := t.head; h != nil {
		if t.n == 0 {
			return h.finish(atFirst)
		}
		h.flush()
		t.Cut()
		t.kids = append(h.kids, t.kids...)
		return t.f.interior(t.kids, false, atFirst)
	}
	if len(t.kids) == 0 { // one leaf: the root
		if atFirst {
			t.f.first = append(t.f.first[:0], t.leaf.bytes(t.f.buf, 100, 0)...)
			return 1
		}
		return t.f.put(t.leaf.bytes(t.f.buf, 0, 0))
	}
	// the last leaf, unless a Cut wrote it; a Cut's one leaf is the root
	t.Cut()
	if len(t.kids) == 1 && !atFirst {
		return t.kids[0].pgno
	}
	return t.f.interior(t.kids, false, atFirst)
}

// interior writes the levels of interior pages above the pages kids, in
// key order, up to the root, whose number it returns: page 1 when
// atFirst (sqlite_schema's, whose pages leave room for the file's
// header). A page holds a cell
// for each child but the last, its right-most pointer; in a table the
// cell's key is the child's largest rowid, in an index the entry after
// the child (which then is in no leaf).
func (f *File) interior(kids []child, index, atFirst bool) uint32 {
	kind := byte(tableInterior)
	if index {
		kind = indexInterior
	}
	var p page
	if atFirst {
		p.spare = 100
	}
	cell := func(k child) []byte {
		c := binary.BigEndian.AppendUint32(nil, k.pgno)
		if !index {
			return appendVarint(c, uint64(k.key))
		}
		return f.appendPayload(appendVarint(c, uint64(len(k.next))), k.next, true)
	}
	size := func(k child) int {
		if !index {
			return 4 + varintLen(uint64(k.key))
		}
		return payloadCellSize(4+varintLen(uint64(len(k.next))), len(k.next), true)
	}
	for {
		// the root, when every child fits on one page
		p.reset(kind)
		used := 0
		for _, k := range kids[:len(kids)-1] {
			used += size(k) + 2
		}
		if p.spare+12+used <= pageSize {
			for _, k := range kids[:len(kids)-1] {
				p.add(cell(k))
			}
			last := kids[len(kids)-1]
			if atFirst {
				f.first = append(f.first[:0], p.bytes(f.buf, 100, last.pgno)...)
				return 1
			}
			return f.put(p.bytes(f.buf, 0, last.pgno))
		}
		var up []child
		for i := 0; i < len(kids); {
			// cells for kids[i:j], kids[j] the right-most child
			j, used := i, 0
			for j < len(kids)-1 && p.spare+12+used+size(kids[j])+2 <= pageSize {
				used += size(kids[j]) + 2
				j++
			}
			if j == len(kids)-2 { // the next page would have no cell
				j--
			}
			p.reset(kind)
			for _, k := range kids[i:j] {
				p.add(cell(k))
			}
			up = append(up, child{pgno: f.put(p.bytes(f.buf, 0, kids[j].pgno)), key: kids[j].key, next: kids[j].next})
			i = j + 1
		}
		kids = up
	}
}

// indexTree is an index B-tree (an index, or a WITHOUT ROWID table)
// being written: its entries, records in key order, fill leaves; the
// entry that does not fit in a leaf goes to the level above, unless it
// is the last (finish).
type indexTree struct {
	f    *File
	cur  [][]byte // the entries of the leaf being filled
	used int      // their cells' and pointers' bytes
	full [][]byte // a full leaf, written when an entry follows div
	div  []byte   // the entry after it
	kids []child
	p    page
}

func indexCellSize(e []byte) int {
	return payloadCellSize(varintLen(uint64(len(e))), len(e), true) + 2
}

// add adds the entry after those before.
func (t *indexTree) add(e []byte) {
	if t.div != nil {
		t.kids = append(t.kids, child{pgno: t.leaf(t.full), next: t.div})
		t.full, t.div = nil, nil
	}
	if n := indexCellSize(e); 8+t.used+n > pageSize {
		t.full, t.div = t.cur, bytes.Clone(e)
		t.cur, t.used = nil, 0
	} else {
		t.cur = append(t.cur, bytes.Clone(e))
		t.used += n
	}
}

// leaf writes a leaf of entries and returns its number.
func (t *indexTree) leaf(entries [][]byte) uint32 {
	t.p.reset(indexLeaf)
	for _, e := range entries {
		t.p.add(t.f.appendPayload(appendVarint(nil, uint64(len(e))), e, true))
	}
	return t.f.put(t.p.bytes(t.f.buf, 0, 0))
}

// finish writes the last leaf and the levels above, and returns the
// root page's number.
func (t *indexTree) finish() uint32 {
	if t.div != nil { // the last entry: the full leaf's last goes up instead
		n := len(t.full) - 1
		t.kids = append(t.kids, child{pgno: t.leaf(t.full[:n]), next: t.full[n]})
		t.cur = [][]byte{t.div}
	}
	pg := t.leaf(t.cur)
	if len(t.kids) == 0 {
		return pg
	}
	return t.f.interior(append(t.kids, child{pgno: pg}), true, false)
}
