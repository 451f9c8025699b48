package pqfile

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"math"
)

// Writer writes one Parquet file of parts (Add), in row groups (EndGroup).
type Writer struct {
	w       *bufio.Writer
	off     int64
	name    string
	cols    []Column
	created string
	rows    int64
	groups  []group
	// the row group under way: each column's pages
	cur     [][]page
	bufs    [][]byte // and their bytes, one array a column
	curRows int
}

// group is a row group written: each column's chunk.
type group struct {
	rows   int
	off    int64
	chunks []chunk
}

type chunk struct {
	off                  int64 // of its first page
	compressed, size     int64 // its bytes, and as many before compression
	values, nulls        int64
	pages                []page // bytes left out
	firstRow             []int64
	colIndex, offIndex   int64
	colIndexN, offIndexN int32
}

// NewWriter starts a file of the columns cols, of the schema named name,
// written by created (created_by) to w.
func NewWriter(w io.Writer, name string, cols []Column, created string) *Writer {
	pw := &Writer{w: bufio.NewWriterSize(w, 1<<16), name: name, cols: cols, created: created,
		cur: make([][]page, len(cols)), bufs: make([][]byte, len(cols))}
	pw.w.WriteString("PAR1")
	pw.off = 4
	return pw
}

// Add appends a part (Part.Encode) to the row group under way; nothing of
// part is kept.
func (w *Writer) Add(part []byte) error {
	rows, cols, err := readPart(part, len(w.cols))
	if err != nil {
		return err
	}
	for j, ps := range cols {
		for _, p := range ps {
			w.bufs[j] = append(w.bufs[j], p.bytes...)
			p.bytes, p.min, p.max = nil, bytes.Clone(p.min), bytes.Clone(p.max)
			w.cur[j] = append(w.cur[j], p)
		}
	}
	w.curRows += rows
	return nil
}

// GroupRows is how many rows the row group under way holds.
func (w *Writer) GroupRows() int { return w.curRows }

// EndGroup writes the row group under way, if it holds a row.
func (w *Writer) EndGroup() error {
	if w.curRows == 0 {
		return nil
	}
	g := group{rows: w.curRows, off: w.off}
	for j, ps := range w.cur {
		c := chunk{off: w.off, pages: ps}
		first := int64(0)
		for _, p := range ps {
			c.firstRow = append(c.firstRow, first)
			first += int64(p.rows)
			c.values += int64(p.rows)
			c.nulls += int64(p.null)
			c.size += int64(p.uncompressed)
		}
		c.compressed = int64(len(w.bufs[j]))
		if _, err := w.w.Write(w.bufs[j]); err != nil {
			return err
		}
		w.off += c.compressed
		g.chunks = append(g.chunks, c)
		w.cur[j], w.bufs[j] = nil, w.bufs[j][:0]
	}
	w.groups = append(w.groups, g)
	w.rows += int64(w.curRows)
	w.curRows = 0
	return nil
}

// Close ends the row group under way and writes the page index and the
// footer.
func (w *Writer) Close() error {
	if err := w.EndGroup(); err != nil {
		return err
	}
	var t thrift
	for gi := range w.groups {
		for ci := range w.groups[gi].chunks {
			c := &w.groups[gi].chunks[ci]
			t.b = t.b[:0]
			w.columnIndex(&t, ci, c)
			c.colIndex, c.colIndexN = w.off, int32(len(t.b))
			if err := w.write(t.b); err != nil {
				return err
			}
		}
	}
	for gi := range w.groups {
		for ci := range w.groups[gi].chunks {
			c := &w.groups[gi].chunks[ci]
			t.b = t.b[:0]
			offsetIndex(&t, c)
			c.offIndex, c.offIndexN = w.off, int32(len(t.b))
			if err := w.write(t.b); err != nil {
				return err
			}
		}
	}
	t.b = t.b[:0]
	w.footer(&t)
	t.b = binary.LittleEndian.AppendUint32(t.b, uint32(len(t.b)))
	t.b = append(t.b, "PAR1"...)
	if err := w.write(t.b); err != nil {
		return err
	}
	return w.w.Flush()
}

func (w *Writer) write(b []byte) error {
	_, err := w.w.Write(b)
	w.off += int64(len(b))
	return err
}

// less orders two statistics of a column of the kind k as the format's
// type-defined order does.
func less(k Kind, a, b []byte) bool {
	switch k {
	case String:
		return bytes.Compare(a, b) < 0
	case Double:
		return math.Float64frombits(binary.LittleEndian.Uint64(a)) < math.Float64frombits(binary.LittleEndian.Uint64(b))
	default:
		return int64(binary.LittleEndian.Uint64(a)) < int64(binary.LittleEndian.Uint64(b))
	}
}

// bounds are the least min and the greatest max of a chunk's pages.
func bounds(k Kind, ps []page) (lo, hi []byte, ok bool) {
	for _, p := range ps {
		if !p.has {
			continue
		}
		if !ok || less(k, p.min, lo) {
			lo = p.min
		}
		if !ok || less(k, hi, p.max) {
			hi = p.max
		}
		ok = true
	}
	return lo, hi, ok
}

// IndexBound is the size a text's bound is cut to in a column index
// (parquet-go's default: an index of long texts would be most of the
// file's bytes).
const IndexBound = 16

// indexBound is a page's bound v, of the kind k, as its column index
// holds it: a text's cut to IndexBound bytes, and a cut upper bound
// raised so that it still bounds the page (its last byte incremented,
// carried into the bytes before, as parquet-java and parquet-go do; left
// whole when every byte is 0xff).
func indexBound(k Kind, v []byte, upper bool) []byte {
	if k != String || len(v) <= IndexBound {
		return v
	}
	if !upper {
		return v[:IndexBound]
	}
	cut := bytes.Clone(v[:IndexBound])
	for i := len(cut) - 1; i >= 0; i-- {
		if cut[i]++; cut[i] != 0 {
			return cut
		}
	}
	return v
}

// columnIndex writes a chunk's ColumnIndex (of column ci): each page's
// bounds.
func (w *Writer) columnIndex(t *thrift, ci int, c *chunk) {
	t.last = 0
	t.list(1, tTrue, len(c.pages)) // null_pages
	for _, p := range c.pages {
		if p.has {
			t.b = append(t.b, tFalse)
		} else {
			t.b = append(t.b, tTrue)
		}
	}
	k := w.cols[ci].Kind
	t.list(2, tBinary, len(c.pages))
	for _, p := range c.pages {
		t.bytes(indexBound(k, p.min, false))
	}
	t.list(3, tBinary, len(c.pages))
	for _, p := range c.pages {
		t.bytes(indexBound(k, p.max, true))
	}
	t.i32(4, 0) // UNORDERED
	t.list(5, tI64, len(c.pages))
	for _, p := range c.pages {
		t.varint(int64(p.null))
	}
	t.b = append(t.b, 0)
}

// offsetIndex writes a chunk's OffsetIndex: where each page is, and its
// first row.
func offsetIndex(t *thrift, c *chunk) {
	t.last = 0
	t.list(1, tStruct, len(c.pages))
	off := c.off
	for i, p := range c.pages {
		t.begin(0)
		t.i64(1, off)
		n := int64(p.n)
		t.i32(2, int32(n))
		t.i64(3, c.firstRow[i])
		t.end()
		off += n
	}
	t.b = append(t.b, 0)
}

// footer writes the FileMetaData: the schema, the row groups' chunks and
// the columns' order.
func (w *Writer) footer(t *thrift) {
	t.last = 0
	t.i32(1, 1) // version
	t.list(2, tStruct, len(w.cols)+1)
	t.begin(0)
	t.binary(4, []byte(w.name))
	t.i32(5, int32(len(w.cols)))
	t.end()
	for _, c := range w.cols {
		t.begin(0)
		switch c.Kind {
		case String:
			t.i32(1, 6) // BYTE_ARRAY
		case Double:
			t.i32(1, 5) // DOUBLE
		default:
			t.i32(1, 2) // INT64
		}
		if c.Optional {
			t.i32(3, 1)
		} else {
			t.i32(3, 0)
		}
		t.binary(4, []byte(c.Name))
		switch c.Kind {
		case String:
			t.i32(6, 0) // UTF8
			t.begin(10)
			t.begin(1) // STRING
			t.end()
			t.end()
		case Int64:
			t.i32(6, 18) // INT_64
			t.begin(10)
			t.begin(10) // INTEGER
			t.field(1, 3)
			t.b = append(t.b, 64)
			t.bool(2, true)
			t.end()
			t.end()
		case Decimal:
			t.i32(6, 5) // DECIMAL
			t.i32(7, 2)
			t.i32(8, 18)
			t.begin(10)
			t.begin(5) // DECIMAL
			t.i32(1, 2)
			t.i32(2, 18)
			t.end()
			t.end()
		}
		t.end()
	}
	t.i64(3, w.rows)
	t.list(4, tStruct, len(w.groups))
	for gi, g := range w.groups {
		t.begin(0)
		t.list(1, tStruct, len(g.chunks))
		var size, compressed int64
		for ci, c := range g.chunks {
			size += c.size
			compressed += c.compressed
			w.columnChunk(t, ci, &c)
		}
		t.i64(2, size)
		t.i64(3, int64(g.rows))
		t.i64(5, g.off)
		t.i64(6, compressed)
		t.field(7, 4) // ordinal, an i16
		t.varint(int64(gi))
		t.end()
	}
	t.binary(6, []byte(w.created))
	t.list(7, tStruct, len(w.cols))
	for range w.cols {
		t.begin(0)
		t.begin(1) // TYPE_ORDER
		t.end()
		t.end()
	}
	t.b = append(t.b, 0)
}

// columnChunk writes the ColumnChunk of column ci, c.
func (w *Writer) columnChunk(t *thrift, ci int, c *chunk) {
	col := w.cols[ci]
	t.begin(0)
	t.i64(2, c.off)
	t.begin(3)
	switch col.Kind {
	case String:
		t.i32(1, 6)
	case Double:
		t.i32(1, 5)
	default:
		t.i32(1, 2)
	}
	if col.Optional {
		t.list(2, tI32, 2)
		t.varint(0) // PLAIN
		t.varint(3) // RLE
	} else {
		t.list(2, tI32, 1)
		t.varint(0)
	}
	t.list(3, tBinary, 1)
	t.bytes([]byte(col.Name))
	t.i32(4, 1) // SNAPPY
	t.i64(5, c.values)
	t.i64(6, c.size)
	t.i64(7, c.compressed)
	t.i64(9, c.off)
	t.begin(12)
	t.i64(3, c.nulls)
	if lo, hi, ok := bounds(col.Kind, c.pages); ok {
		t.binary(5, hi)
		t.binary(6, lo)
	}
	t.end()
	t.end()
	t.i64(4, c.offIndex)
	t.i32(5, c.offIndexN)
	t.i64(6, c.colIndex)
	t.i32(7, c.colIndexN)
	t.end()
}
