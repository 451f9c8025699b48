// Package sqlfile writes a database in the SQLite 3 file format
// (https://www.sqlite.org/fileformat2.html) without SQLite: rowid tables
// whose rows come in rowid order, indexes and WITHOUT ROWID tables whose
// entries come whole at the end, and a contentless FTS5 table's index
// (fts5.go). The file is a function of the schema and the rows in their
// order alone: the same rows give the same bytes, however and whenever
// they were made.
package sqlfile

import (
	"encoding/binary"
	"math"
)

// appendVarint appends v as SQLite writes a varint: big-endian groups of
// seven bits, each but the last with its high bit set, and a ninth byte
// of eight bits when it takes nine.
func appendVarint(b []byte, v uint64) []byte {
	if v <= 0x7f {
		return append(b, byte(v))
	}
	if v>>56 != 0 { // nine bytes: eight groups of seven, then eight bits
		var buf [9]byte
		buf[8] = byte(v)
		v >>= 8
		for i := 7; i >= 0; i-- {
			buf[i] = byte(v&0x7f) | 0x80
			v >>= 7
		}
		return append(b, buf[:]...)
	}
	var buf [8]byte
	n := 0
	for ; v != 0; v >>= 7 {
		buf[7-n] = byte(v&0x7f) | 0x80
		n++
	}
	buf[7] &= 0x7f
	return append(b, buf[8-n:]...)
}

// varintLen is the number of bytes appendVarint writes for v.
func varintLen(v uint64) int {
	n := 1
	for v > 0x7f && n < 9 {
		v >>= 7
		n++
	}
	return n
}

// readVarint reads a varint at the start of b: its value and length (0
// when b ends first).
func readVarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < 9 && i < len(b); i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// Record is one row as the file stores it: a header of the values'
// serial types, then their bytes. Values are appended in column order.
type Record struct {
	types, body []byte
}

// Reset empties r for the next row.
func (r *Record) Reset() {
	r.types, r.body = r.types[:0], r.body[:0]
}

// Null appends NULL.
func (r *Record) Null() { r.types = append(r.types, 0) }

// Int appends an integer, in the fewest bytes that hold it (0 and 1 in
// none, as schema format 4 allows).
func (r *Record) Int(v int64) {
	switch {
	case v == 0:
		r.types = append(r.types, 8)
	case v == 1:
		r.types = append(r.types, 9)
	case v >= math.MinInt8 && v <= math.MaxInt8:
		r.types = append(r.types, 1)
		r.body = append(r.body, byte(v))
	case v >= math.MinInt16 && v <= math.MaxInt16:
		r.types = append(r.types, 2)
		r.body = binary.BigEndian.AppendUint16(r.body, uint16(v))
	case v >= -1<<23 && v < 1<<23:
		r.types = append(r.types, 3)
		r.body = append(r.body, byte(v>>16), byte(v>>8), byte(v))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		r.types = append(r.types, 4)
		r.body = binary.BigEndian.AppendUint32(r.body, uint32(v))
	case v >= -1<<47 && v < 1<<47:
		r.types = append(r.types, 5)
		r.body = append(r.body, byte(v>>40), byte(v>>32), byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
	default:
		r.types = append(r.types, 6)
		r.body = binary.BigEndian.AppendUint64(r.body, uint64(v))
	}
}

// Real appends a value of a column of REAL affinity as SQLite stores
// one: a whole number within 48 bits as an integer (read back as a real),
// NaN as NULL, any other as an 8-byte float.
func (r *Record) Real(v float64) {
	switch {
	case math.IsNaN(v):
		r.Null()
	case v >= -1<<47 && v < 1<<47 && v == math.Trunc(v):
		r.Int(int64(v))
	default:
		r.types = append(r.types, 7)
		r.body = binary.BigEndian.AppendUint64(r.body, math.Float64bits(v))
	}
}

// Text appends a text (UTF-8).
func (r *Record) Text(s string) {
	r.types = appendVarint(r.types, uint64(len(s))*2+13)
	r.body = append(r.body, s...)
}

// Blob appends a blob.
func (r *Record) Blob(b []byte) {
	r.types = appendVarint(r.types, uint64(len(b))*2+12)
	r.body = append(r.body, b...)
}

// AppendTo appends the record's bytes to b: the header's size (itself
// included), the serial types, the values.
func (r *Record) AppendTo(b []byte) []byte {
	n := len(r.types) + 1
	for varintLen(uint64(n))+len(r.types) != n {
		n = varintLen(uint64(n)) + len(r.types)
	}
	b = appendVarint(b, uint64(n))
	b = append(b, r.types...)
	return append(b, r.body...)
}
