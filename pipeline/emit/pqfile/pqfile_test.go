package pqfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

var testCols = []Column{
	{Name: "text", Kind: String, Optional: true},
	{Name: "n", Kind: Int64},
	{Name: "money", Kind: Decimal, Optional: true},
	{Name: "x", Kind: Double, Optional: true},
}

// testRow is row i of part p: a text long enough that a part's texts fill
// several pages, nulls here and there, and the doubles of the last part
// all null (a page of nulls only), zeros of both signs among them.
func testRow(p, i int) (text *string, n int64, money *int64, x *float64) {
	if i%7 != 3 {
		s := fmt.Sprintf("第%d部分 行%05d %s", p, i, bytes.Repeat([]byte("预算"), i%40))
		text = &s
	}
	n = int64(p*100000 - i*37)
	if i%5 != 0 {
		m := int64(i*1234567 - 5e8)
		money = &m
	}
	if p < 2 && i%3 != 0 {
		f := float64(i-600) / 8
		if i%11 == 0 {
			f = math.Copysign(0, -1)
		}
		x = &f
	}
	return
}

func encodeTestPart(p, rows int) []byte {
	part := NewPart(testCols)
	for i := range rows {
		text, n, money, x := testRow(p, i)
		if text == nil {
			part.Null(0)
		} else {
			part.Bytes(0, []byte(*text))
		}
		part.Int64(1, n)
		if money == nil {
			part.Null(2)
		} else {
			part.Int64(2, *money)
		}
		if x == nil {
			part.Null(3)
		} else {
			part.Double(3, *x)
		}
		part.Row()
	}
	return part.Encode()
}

// TestWriterReadsBack: a file of three parts in two row groups, written
// here, reads back in parquet-go row for row, and every column chunk's
// statistics, column index and offset index are those of its pages as
// parquet-go reads them: each page's rows, nulls, bounds, place and first
// row. A part read back whole (Add) is the same pages wherever it stands.
func TestWriterReadsBack(t *testing.T) {
	sizes := []int{1500, 900, 700}
	var buf bytes.Buffer
	w := NewWriter(&buf, "t", testCols, "test")
	for p, n := range sizes {
		if err := w.Add(encodeTestPart(p, n)); err != nil {
			t.Fatal(err)
		}
		if p == 1 {
			if w.GroupRows() != sizes[0]+sizes[1] {
				t.Fatalf("%d rows in the group", w.GroupRows())
			}
			if err := w.EndGroup(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != int64(sizes[0]+sizes[1]+sizes[2]) || len(f.RowGroups()) != 2 {
		t.Fatalf("%d rows in %d groups", f.NumRows(), len(f.RowGroups()))
	}
	rows := make([]parquet.Row, f.NumRows())
	r := parquet.NewReader(f)
	if n, err := r.ReadRows(rows); n != len(rows) {
		t.Fatalf("read %d rows: %v", n, err)
	}
	k := 0
	for p, n := range sizes {
		for i := range n {
			text, num, money, x := testRow(p, i)
			row := rows[k]
			k++
			if got := row[0]; text == nil && !got.IsNull() || text != nil && got.String() != *text {
				t.Fatalf("part %d row %d: text %v", p, i, got)
			}
			if row[1].Int64() != num {
				t.Fatalf("part %d row %d: n %v, want %d", p, i, row[1], num)
			}
			if got := row[2]; money == nil && !got.IsNull() || money != nil && got.Int64() != *money {
				t.Fatalf("part %d row %d: money %v", p, i, got)
			}
			if got := row[3]; x == nil && !got.IsNull() || x != nil && math.Float64bits(got.Double()) != math.Float64bits(*x) {
				t.Fatalf("part %d row %d: x %v", p, i, got)
			}
		}
	}
	schema := f.Schema().Fields()
	for j, c := range testCols {
		if schema[j].Name() != c.Name || schema[j].Optional() != c.Optional {
			t.Errorf("column %d: %s, optional %v", j, schema[j].Name(), schema[j].Optional())
		}
	}
	if d, ok := schema[2].Type().LogicalType().Value.(*format.DecimalType); !ok || d.Scale != 2 || d.Precision != 18 {
		t.Errorf("money: %v", schema[2].Type())
	}
	if n, ok := schema[1].Type().LogicalType().Value.(*format.IntType); !ok || n.BitWidth != 64 || !n.IsSigned {
		t.Errorf("n: %v", schema[1].Type())
	}
	if _, ok := schema[0].Type().LogicalType().Value.(*format.StringType); !ok {
		t.Errorf("text: %v", schema[0].Type())
	}
	nullPages := 0
	for g, rg := range f.RowGroups() {
		meta := f.Metadata().RowGroups[g]
		for j, cc := range rg.ColumnChunks() {
			ci, err := cc.ColumnIndex()
			if err != nil {
				t.Fatalf("group %d column %d: %v", g, j, err)
			}
			oi, err := cc.OffsetIndex()
			if err != nil {
				t.Fatalf("group %d column %d: %v", g, j, err)
			}
			cm := meta.Columns[j].MetaData
			if oi.NumPages() != ci.NumPages() || oi.NumPages() < 2 && j == 0 {
				t.Fatalf("group %d column %d: %d pages in the offset index, %d in the column index", g, j, oi.NumPages(), ci.NumPages())
			}
			if oi.Offset(0) != cm.DataPageOffset {
				t.Errorf("group %d column %d: first page at %d, the chunk at %d", g, j, oi.Offset(0), cm.DataPageOffset)
			}
			pages := cc.Pages()
			var first, nulls int64
			var lo, hi parquet.Value
			for i := range oi.NumPages() {
				pg, err := pages.ReadPage()
				if err != nil {
					t.Fatalf("group %d column %d page %d: %v", g, j, i, err)
				}
				if oi.FirstRowIndex(i) != first || i > 0 && oi.Offset(i) != oi.Offset(i-1)+oi.CompressedPageSize(i-1) {
					t.Errorf("group %d column %d page %d: first row %d (want %d), at %d", g, j, i, oi.FirstRowIndex(i), first, oi.Offset(i))
				}
				first += pg.NumRows()
				if ci.NullCount(i) != pg.NumNulls() {
					t.Errorf("group %d column %d page %d: %d nulls, the page %d", g, j, i, ci.NullCount(i), pg.NumNulls())
				}
				nulls += pg.NumNulls()
				min, max, ok := pg.Bounds()
				if ci.NullPage(i) != !ok {
					t.Errorf("group %d column %d page %d: null page %v, bounds %v", g, j, i, ci.NullPage(i), ok)
				}
				if !ok {
					nullPages++
					continue
				}
				typ := cc.Type()
				if testCols[j].Kind == String { // cut to IndexBound bytes, and still bounds
					lo, hi := ci.MinValue(i).ByteArray(), ci.MaxValue(i).ByteArray()
					if !bytes.Equal(lo, indexBound(String, min.ByteArray(), false)) || !bytes.Equal(hi, indexBound(String, max.ByteArray(), true)) ||
						len(lo) > IndexBound || bytes.Compare(lo, min.ByteArray()) > 0 || bytes.Compare(hi, max.ByteArray()) < 0 {
						t.Errorf("group %d column %d page %d: index [%q, %q], the page's [%v, %v]", g, j, i, lo, hi, min, max)
					}
				} else if typ.Compare(ci.MinValue(i), min) != 0 || typ.Compare(ci.MaxValue(i), max) != 0 {
					t.Errorf("group %d column %d page %d: index [%v, %v], the page's [%v, %v]", g, j, i, ci.MinValue(i), ci.MaxValue(i), min, max)
				}
				if lo.IsNull() || typ.Compare(min, lo) < 0 {
					lo = min
				}
				if hi.IsNull() || typ.Compare(max, hi) > 0 {
					hi = max
				}
			}
			pages.Close()
			if first != rg.NumRows() || cm.NumValues != first || cm.Statistics.NullCount != nulls {
				t.Errorf("group %d column %d: %d rows in pages, %d in the group, %d values, %d nulls (pages %d)", g, j, first, rg.NumRows(), cm.NumValues, cm.Statistics.NullCount, nulls)
			}
			if !bytes.Equal(cm.Statistics.MinValue, lo.Bytes()) || !bytes.Equal(cm.Statistics.MaxValue, hi.Bytes()) {
				t.Errorf("group %d column %d: statistics [%x, %x], the pages' [%v, %v]", g, j, cm.Statistics.MinValue, cm.Statistics.MaxValue, lo, hi)
			}
		}
	}
	if nullPages == 0 {
		t.Error("no page of nulls only")
	}
}

// TestDoubleZeroBounds: a zero bound of a double is -0 below and +0
// above, as the format asks, whichever zero the values hold; NaN bounds
// nothing.
func TestDoubleZeroBounds(t *testing.T) {
	cols := []Column{{Name: "x", Kind: Double}}
	for _, c := range []struct {
		values []float64
		lo, hi float64
	}{
		{[]float64{0, 1}, math.Copysign(0, -1), 1},
		{[]float64{-1, math.Copysign(0, -1)}, -1, 0},
		{[]float64{math.NaN(), 2, math.NaN(), -3}, -3, 2},
	} {
		p := NewPart(cols)
		for _, v := range c.values {
			p.Double(0, v)
			p.Row()
		}
		var buf bytes.Buffer
		w := NewWriter(&buf, "t", cols, "test")
		if err := w.Add(p.Encode()); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		st := f.Metadata().RowGroups[0].Columns[0].MetaData.Statistics
		lo, hi := binary.LittleEndian.Uint64(st.MinValue), binary.LittleEndian.Uint64(st.MaxValue)
		if lo != math.Float64bits(c.lo) || hi != math.Float64bits(c.hi) {
			t.Errorf("%v: bounds %v, %v", c.values, math.Float64frombits(lo), math.Float64frombits(hi))
		}
	}
}

// TestIndexBound: a text's upper bound cut is raised past every text it
// cut (kept whole when it cannot be); a bound of IndexBound bytes or fewer, or of a number, is itself.
func TestIndexBound(t *testing.T) {
	long := bytes.Repeat([]byte("预"), 10)
	for _, c := range []struct {
		v, lo, hi []byte
	}{
		{[]byte("short"), []byte("short"), []byte("short")},
		{long, long[:16], append(bytes.Clone(long[:15]), long[15]+1)},
		{append(bytes.Repeat([]byte{'a'}, 15), 0xff, 'z'), append(bytes.Repeat([]byte{'a'}, 15), 0xff), append(bytes.Repeat([]byte{'a'}, 14), 'b', 0)},
		{bytes.Repeat([]byte{0xff}, 20), bytes.Repeat([]byte{0xff}, 16), bytes.Repeat([]byte{0xff}, 20)},
	} {
		if lo, hi := indexBound(String, c.v, false), indexBound(String, c.v, true); !bytes.Equal(lo, c.lo) || !bytes.Equal(hi, c.hi) {
			t.Errorf("%q: [%q, %q], want [%q, %q]", c.v, lo, hi, c.lo, c.hi)
		}
	}
	n := bytes.Repeat([]byte{1}, 20)
	if got := indexBound(Int64, n, true); !bytes.Equal(got, n) {
		t.Errorf("a number's bound cut: %x", got)
	}
}

// TestAddRefuses: what is not a part of the file's columns is refused,
// and the file takes nothing of it.
func TestAddRefuses(t *testing.T) {
	part := encodeTestPart(0, 50)
	for _, bad := range [][]byte{nil, part[:len(part)-1], append(append([]byte{}, part...), 0), encodePart(t)} {
		w := NewWriter(&bytes.Buffer{}, "t", testCols, "test")
		if w.Add(bad) == nil || w.GroupRows() != 0 {
			t.Errorf("%d bytes taken", len(bad))
		}
	}
}

// encodePart is a part of other columns.
func encodePart(t *testing.T) []byte {
	t.Helper()
	p := NewPart(testCols[:2])
	p.Null(0)
	p.Int64(1, 1)
	p.Row()
	return p.Encode()
}

// TestAddKeepsNothing: a part's bytes may be overwritten once Add took
// them (a store's buffer, reused for the next part read): the file is
// the same.
func TestAddKeepsNothing(t *testing.T) {
	var want, got bytes.Buffer
	for _, out := range []*bytes.Buffer{&want, &got} {
		w := NewWriter(out, "t", testCols, "test")
		for p := range 3 {
			part := encodeTestPart(p, 400)
			if err := w.Add(part); err != nil {
				t.Fatal(err)
			}
			if out == &got {
				for i := range part {
					part[i] = 0xee
				}
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the file holds bytes of a part overwritten after Add")
	}
}
