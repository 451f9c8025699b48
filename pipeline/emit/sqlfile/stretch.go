package sqlfile

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// A Stretch is what a run of inserts into tables wrote, from the first
// row of each table's leaf to its last (every leaf ended: Table.Cut): the
// pages after Start, Pages of them, and each table's leaves among them
// and rows. Rows that fill the same leaves from an ended leaf write the
// same pages wherever they stand but for the numbers of their overflow
// pages, so a Stretch of a file written before and its pages are the
// rows of a later file that holds the same ones (Copy), copied, not made.
type Stretch struct {
	Start  uint32 // the last page before the stretch's
	Pages  uint32
	CRC    uint32         // the CRC-32 (IEEE) of its pages
	Tables []TableStretch // in the order of the tables Begin was given
}

// TableStretch is a table's part of a Stretch: its leaves (the page's
// number and its largest rowid), in rowid order, and their rows.
type TableStretch struct {
	Leaves []Leaf
	Rows   int64
}

// Leaf is a table's leaf page: its number and its largest rowid.
type Leaf struct {
	Page uint32
	Last int64
}

// StretchMark is where a Stretch begins (Begin).
type StretchMark struct {
	start  uint32
	tables []*Table
	kids   []int
	rows   []int64
}

// Begin starts a Stretch of the tables, whose leaves are ended.
func (f *File) Begin(tables []*Table) StretchMark {
	m := StretchMark{start: f.pages, tables: tables}
	f.crc = 0
	for _, t := range tables {
		if len(t.leaf.ends) > 0 {
			panic("sqlfile: a stretch begun in a leaf")
		}
		m.kids = append(m.kids, len(t.kids))
		m.rows = append(m.rows, t.n)
	}
	return m
}

// End ends the Stretch begun at m, every table's leaf ended (Cut).
func (f *File) End(m StretchMark) Stretch {
	s := Stretch{Start: m.start}
	for i, t := range m.tables {
		t.Cut()
		var ts TableStretch
		for _, k := range t.kids[m.kids[i]:] {
			ts.Leaves = append(ts.Leaves, Leaf{Page: k.pgno, Last: k.key})
		}
		ts.Rows = t.n - m.rows[i]
		s.Tables = append(s.Tables, ts)
	}
	s.Pages, s.CRC = f.pages-m.start, f.crc
	return s
}

// ErrStretch: a Stretch's pages are not what it says they are (a leaf
// that is no table's leaf, a cell or an overflow page outside it).
var ErrStretch = errors.New("sqlfile: pages not of the stretch")

// Copy writes pages, those of the Stretch s of a file written before,
// as the next pages of f, into the tables (the same tables in the same
// order as s's, each leaf ended, their rowids before s's), and returns
// the Stretch they are in f. The numbers of overflow pages are moved by
// where the pages now stand; pages is changed in place.
func (f *File) Copy(s Stretch, pages []byte, tables []*Table) (Stretch, error) {
	if len(pages) != int(s.Pages)*pageSize || len(tables) != len(s.Tables) {
		return Stretch{}, ErrStretch
	}
	delta := f.pages - s.Start
	page := func(n uint32) []byte { // the page numbered n in the file before
		if n <= s.Start || n > s.Start+s.Pages {
			return nil
		}
		i := int(n-s.Start-1) * pageSize
		return pages[i : i+pageSize]
	}
	firsts := make([]int64, len(tables))
	for i, ts := range s.Tables {
		for _, l := range ts.Leaves {
			if err := relocate(page(l.Page), page, delta, s.Pages); err != nil {
				return Stretch{}, err
			}
		}
		if len(ts.Leaves) > 0 {
			firsts[i] = firstRowid(page(ts.Leaves[0].Page))
			if t := tables[i]; len(t.leaf.ends) > 0 || t.n > 0 && firsts[i] <= t.last {
				panic("sqlfile: a stretch copied after rows it does not follow")
			}
		}
	}
	if _, err := f.w.Write(pages); err != nil && f.err == nil {
		f.err = err
	}
	out := Stretch{Start: f.pages, Pages: s.Pages, CRC: crc32.ChecksumIEEE(pages)}
	f.pages += s.Pages
	for i, ts := range s.Tables {
		t := tables[i]
		moved := TableStretch{Rows: ts.Rows}
		for _, l := range ts.Leaves {
			l.Page += delta
			moved.Leaves = append(moved.Leaves, l)
			t.kids = append(t.kids, child{pgno: l.Page, key: l.Last})
		}
		if len(ts.Leaves) > 0 {
			if t.n == 0 {
				t.first = firsts[i]
			}
			t.last = ts.Leaves[len(ts.Leaves)-1].Last
		}
		t.n += ts.Rows
		out.Tables = append(out.Tables, moved)
	}
	return out, nil
}

// relocate adds delta to the overflow pages' numbers of the table leaf
// p: each cell's first overflow page, and each overflow page's next, of
// the pages page finds by their number before, of which a chain follows
// at most most.
func relocate(p []byte, page func(uint32) []byte, delta, most uint32) error {
	if p == nil || p[0] != tableLeaf {
		return ErrStretch
	}
	cells := int(binary.BigEndian.Uint16(p[3:]))
	if 8+2*cells > pageSize {
		return ErrStretch
	}
	for k := range cells {
		at := int(binary.BigEndian.Uint16(p[8+2*k:]))
		if at < 8+2*cells || at >= pageSize {
			return ErrStretch
		}
		size, n := readVarint(p[at:])
		if n == 0 {
			return ErrStretch
		}
		_, m := readVarint(p[at+n:])
		if m == 0 || size > pageSize*uint64(most+1) {
			return ErrStretch
		}
		local := localSize(int(size), false)
		if local == int(size) {
			continue
		}
		ptr := at + n + m + local
		if ptr+4 > pageSize {
			return ErrStretch
		}
		for next, hops := p[ptr:ptr+4], uint32(0); ; hops++ {
			num := binary.BigEndian.Uint32(next)
			if num == 0 {
				break
			}
			ov := page(num)
			if ov == nil || hops == most {
				return ErrStretch
			}
			binary.BigEndian.PutUint32(next, num+delta)
			next = ov[:4]
		}
	}
	return nil
}

// firstRowid is the rowid of the first cell of the table leaf p
// (relocate read it).
func firstRowid(p []byte) int64 {
	at := int(binary.BigEndian.Uint16(p[8:]))
	_, n := readVarint(p[at:])
	v, _ := readVarint(p[at+n:])
	return int64(v)
}

// AppendBinary appends s to b in the form ReadStretch reads.
func (s Stretch) AppendBinary(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(s.Start))
	b = binary.AppendUvarint(b, uint64(s.Pages))
	b = binary.LittleEndian.AppendUint32(b, s.CRC)
	b = binary.AppendUvarint(b, uint64(len(s.Tables)))
	for _, t := range s.Tables {
		b = binary.AppendUvarint(b, uint64(t.Rows))
		b = binary.AppendUvarint(b, uint64(len(t.Leaves)))
		for _, l := range t.Leaves {
			b = binary.AppendUvarint(b, uint64(l.Page-s.Start))
			b = binary.AppendUvarint(b, uint64(l.Last))
		}
	}
	return b
}

// ReadStretch reads a Stretch AppendBinary wrote at the start of b, and
// the bytes after it.
func ReadStretch(b []byte) (Stretch, []byte, error) {
	var s Stretch
	next := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			b = nil
			return 0
		}
		b = b[n:]
		return v
	}
	s.Start, s.Pages = uint32(next()), uint32(next())
	if len(b) < 4 {
		return Stretch{}, nil, ErrStretch
	}
	s.CRC, b = binary.LittleEndian.Uint32(b), b[4:]
	n := next()
	for i := uint64(0); i < n && b != nil; i++ {
		t := TableStretch{Rows: int64(next())}
		leaves := next()
		for j := uint64(0); j < leaves && b != nil; j++ {
			rel, last := next(), next()
			if rel == 0 || rel > uint64(s.Pages) {
				return Stretch{}, nil, ErrStretch
			}
			t.Leaves = append(t.Leaves, Leaf{Page: s.Start + uint32(rel), Last: int64(last)})
		}
		s.Tables = append(s.Tables, t)
	}
	if b == nil {
		return Stretch{}, nil, ErrStretch
	}
	return s, b, nil
}
