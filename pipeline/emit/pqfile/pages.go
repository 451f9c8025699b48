// Package pqfile writes Parquet files from column chunks made in parts:
// the pages of a part (a run of rows, every column) are made once
// (Part.Encode), keep nothing of where they will stand, and are copied
// into a file as they are (Writer.Add). A rebuild keeps a part whose rows
// did not change and copies it again instead of encoding its values.
//
// What it writes: data pages (version 1) of PLAIN values, the definition
// levels of an optional column before them (in runs, or bit-packed when
// that is shorter: the format's RLE/bit-packed hybrid), Snappy-compressed;
// each column chunk's statistics, its column index and offset index (the
// page index, by which a reader fetches only the pages that can hold what
// it looks for); the schema's logical types (strings, 64-bit integers,
// DECIMAL(18,2) held as INT64, doubles).
package pqfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"

	"github.com/klauspost/compress/snappy"
)

// Kind is what a column holds.
type Kind byte

const (
	String  Kind = iota // UTF-8 text
	Int64               // a signed 64-bit integer
	Decimal             // DECIMAL(18,2) as a signed 64-bit integer of hundredths
	Double              // a 64-bit float
)

// Column is a leaf of a flat schema.
type Column struct {
	Name     string
	Kind     Kind
	Optional bool // a value may be null
}

// PageSize bounds the PLAIN-encoded values of a page before compression.
const PageSize = 32 << 10

// Part is a run of rows being encoded into pages, column by column.
type Part struct {
	cols []Column
	col  []colPages
	rows int
}

// colPages are a column's pages of a part, and the page under way.
type colPages struct {
	done []byte // pages made, as Encode writes them
	n    int    // how many
	// the page under way
	vals       []byte
	rows, null int
	runVal     byte   // the definition levels' run under way, and the runs before it
	runN       int    //
	levels     []byte //
	bits       []byte // the definition levels bit-packed, a bit a row
	has        bool   // min and max hold a value
	minI, maxI int64
	minF, maxF float64
	minB, maxB []byte
}

// NewPart starts a part of the columns cols.
func NewPart(cols []Column) *Part {
	return &Part{cols: cols, col: make([]colPages, len(cols))}
}

// Rows is how many rows the part holds (Row).
func (p *Part) Rows() int { return p.rows }

// Row ends a row: every column was given a value (or a null) since the
// row before.
func (p *Part) Row() { p.rows++ }

func (c *colPages) level(v byte) {
	if c.runN > 0 && c.runVal != v {
		c.flushRun()
	}
	c.runVal = v
	c.runN++
	if c.rows%8 == 0 {
		c.bits = append(c.bits, 0)
	}
	c.bits[len(c.bits)-1] |= v << (c.rows % 8)
	c.rows++
}

func (c *colPages) flushRun() {
	if c.runN > 0 {
		c.levels = binary.AppendUvarint(c.levels, uint64(c.runN)<<1)
		c.levels = append(c.levels, c.runVal)
	}
	c.runN = 0
}

// Null gives column j no value in this row (an optional column's).
func (p *Part) Null(j int) {
	c := &p.col[j]
	c.level(0)
	c.null++
}

// Int64 gives column j (Int64 or Decimal) the value v in this row.
func (p *Part) Int64(j int, v int64) {
	c := &p.col[j]
	c.level(1)
	c.vals = binary.LittleEndian.AppendUint64(c.vals, uint64(v))
	widen(&c.has, &c.minI, &c.maxI, v)
	p.full(j)
}

// widen makes [lo, hi] hold v too (v alone when has is not set).
func widen[T int64 | float64](has *bool, lo, hi *T, v T) {
	if !*has || v < *lo {
		*lo = v
	}
	if !*has || v > *hi {
		*hi = v
	}
	*has = true
}

// Double gives column j (Double) the value v in this row.
func (p *Part) Double(j int, v float64) {
	c := &p.col[j]
	c.level(1)
	c.vals = binary.LittleEndian.AppendUint64(c.vals, math.Float64bits(v))
	if !math.IsNaN(v) { // NaN orders with nothing: no bound
		widen(&c.has, &c.minF, &c.maxF, v)
	}
	p.full(j)
}

// Bytes gives column j (String) the value v in this row.
func (p *Part) Bytes(j int, v []byte) {
	c := &p.col[j]
	c.level(1)
	c.vals = binary.LittleEndian.AppendUint32(c.vals, uint32(len(v)))
	c.vals = append(c.vals, v...)
	if !c.has || bytes.Compare(v, c.minB) < 0 {
		c.minB = append(c.minB[:0], v...)
	}
	if !c.has || bytes.Compare(v, c.maxB) > 0 {
		c.maxB = append(c.maxB[:0], v...)
	}
	c.has = true
	p.full(j)
}

// full ends column j's page once its values fill one.
func (p *Part) full(j int) {
	if len(p.col[j].vals) >= PageSize {
		p.page(j)
	}
}

// page ends column j's page under way, if it holds a row: its header,
// its compressed body and what the file's indexes need of it are added
// to the column's pages.
func (p *Part) page(j int) {
	c, col := &p.col[j], p.cols[j]
	if c.rows == 0 {
		return
	}
	var body []byte
	if col.Optional {
		c.flushRun()
		levels := c.levels
		// one bit-packed run of the groups of 8 levels, when shorter
		if packed := binary.AppendUvarint(nil, uint64(len(c.bits))<<1|1); len(packed)+len(c.bits) < len(levels) {
			levels = append(packed, c.bits...)
		}
		body = binary.LittleEndian.AppendUint32(make([]byte, 0, 4+len(levels)+len(c.vals)), uint32(len(levels)))
		body = append(append(body, levels...), c.vals...)
	} else {
		body = c.vals
	}
	data := snappy.Encode(nil, body)
	var h thrift
	h.i32(1, 0) // DATA_PAGE
	h.i32(2, int32(len(body)))
	h.i32(3, int32(len(data)))
	h.begin(5)
	h.i32(1, int32(c.rows))
	h.i32(2, 0) // PLAIN
	h.i32(3, 3) // RLE
	h.i32(4, 3)
	h.end()
	h.b = append(h.b, 0)
	var minV, maxV []byte
	if c.has {
		minV, maxV = c.stat(col.Kind)
	}
	b := c.done
	b = binary.AppendUvarint(b, uint64(c.rows))
	b = binary.AppendUvarint(b, uint64(c.null))
	b = binary.AppendUvarint(b, uint64(len(h.b)+len(body)))
	b = appendStat(b, c.has, minV)
	b = appendStat(b, c.has, maxV)
	b = binary.AppendUvarint(b, uint64(len(h.b)+len(data)))
	b = append(append(b, h.b...), data...)
	c.done, c.n = b, c.n+1
	c.vals, c.levels, c.bits, c.rows, c.null, c.runN, c.has = c.vals[:0], c.levels[:0], c.bits[:0], 0, 0, 0, false
}

// stat is the page's min and max as Parquet's statistics hold them.
func (c *colPages) stat(k Kind) (lo, hi []byte) {
	switch k {
	case String:
		return c.minB, c.maxB
	case Double:
		lo, hi := c.minF, c.maxF
		if lo == 0 { // as the format asks: a zero bound is -0 below, +0 above
			lo = math.Copysign(0, -1)
		}
		if hi == 0 {
			hi = 0
		}
		return binary.LittleEndian.AppendUint64(nil, math.Float64bits(lo)), binary.LittleEndian.AppendUint64(nil, math.Float64bits(hi))
	default:
		return binary.LittleEndian.AppendUint64(nil, uint64(c.minI)), binary.LittleEndian.AppendUint64(nil, uint64(c.maxI))
	}
}

func appendStat(b []byte, has bool, v []byte) []byte {
	if !has {
		return append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(v))+1)
	return append(b, v...)
}

// Encode ends the part: its rows' pages, column by column, as Writer.Add
// takes them. The part is then empty, for the next rows.
func (p *Part) Encode() []byte {
	b := binary.AppendUvarint(nil, uint64(p.rows))
	for j := range p.col {
		p.page(j)
		c := &p.col[j]
		b = binary.AppendUvarint(b, uint64(c.n))
		b = append(b, c.done...)
		c.done, c.n = c.done[:0], 0
	}
	p.rows = 0
	return b
}

// page is a page of a part read back (Writer.Add).
type page struct {
	rows, null   int
	uncompressed int  // header and body before compression
	has          bool // min and max bound the values: not every row is null (nor NaN)
	min, max     []byte
	bytes        []byte // header and compressed body (read back only)
	n            int    // their size
}

var errPart = errors.New("pqfile: not a part of these columns")

// readParts reads what Encode made for n columns: the rows and each
// column's pages, which keep b's bytes.
func readPart(b []byte, n int) (int, [][]page, error) {
	r := reader{b: b}
	rows := r.uvarint()
	cols := make([][]page, n)
	for j := range cols {
		np := r.uvarint()
		if r.err != nil || np > len(r.b) {
			return 0, nil, errPart
		}
		ps := make([]page, np)
		for i := range ps {
			ps[i] = page{rows: r.uvarint(), null: r.uvarint(), uncompressed: r.uvarint()}
			ps[i].has = r.b != nil && len(r.b) > 0 && r.b[0] != 0
			ps[i].min, ps[i].max = r.stat(), r.stat()
			ps[i].bytes = r.next(r.uvarint())
			ps[i].n = len(ps[i].bytes)
		}
		cols[j] = ps
	}
	if r.err != nil || len(r.b) != 0 {
		return 0, nil, errPart
	}
	for _, ps := range cols {
		sum := 0
		for _, pg := range ps {
			sum += pg.rows
		}
		if sum != rows {
			return 0, nil, errPart
		}
	}
	return rows, cols, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > math.MaxInt32 {
		r.err, r.b = errPart, nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) next(n int) []byte {
	if n > len(r.b) {
		r.err, r.b = errPart, nil
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

func (r *reader) stat() []byte {
	n := r.uvarint()
	if n == 0 {
		return nil
	}
	return r.next(n - 1)
}
