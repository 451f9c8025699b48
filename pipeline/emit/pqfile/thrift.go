package pqfile

import "encoding/binary"

// Thrift's compact protocol, as Parquet's metadata is written: only what
// the structures written here use.
const (
	tTrue   = 1
	tFalse  = 2
	tI32    = 5
	tI64    = 6
	tBinary = 8
	tList   = 9
	tStruct = 12
)

// thrift appends a compact-protocol encoding to b.
type thrift struct {
	b     []byte
	last  int16   // the last field id of the struct under way
	outer []int16 // the last field ids of the structs around it
}

func (t *thrift) uvarint(v uint64) { t.b = binary.AppendUvarint(t.b, v) }

func (t *thrift) varint(v int64) { t.b = binary.AppendVarint(t.b, v) } // zigzag

func (t *thrift) field(id int16, typ byte) {
	if d := id - t.last; d > 0 && d <= 15 {
		t.b = append(t.b, byte(d)<<4|typ)
	} else {
		t.b = append(t.b, typ)
		t.varint(int64(id))
	}
	t.last = id
}

func (t *thrift) i32(id int16, v int32) {
	t.field(id, tI32)
	t.varint(int64(v))
}

func (t *thrift) i64(id int16, v int64) {
	t.field(id, tI64)
	t.varint(v)
}

func (t *thrift) binary(id int16, v []byte) {
	t.field(id, tBinary)
	t.bytes(v)
}

func (t *thrift) bytes(v []byte) {
	t.uvarint(uint64(len(v)))
	t.b = append(t.b, v...)
}

func (t *thrift) bool(id int16, v bool) {
	if v {
		t.field(id, tTrue)
	} else {
		t.field(id, tFalse)
	}
}

// list starts a list of n elements of the type typ; its elements follow.
func (t *thrift) list(id int16, typ byte, n int) {
	t.field(id, tList)
	if n < 15 {
		t.b = append(t.b, byte(n)<<4|typ)
	} else {
		t.b = append(t.b, 0xf0|typ)
		t.uvarint(uint64(n))
	}
}

// begin starts a struct: a field's (id > 0) or a list's element (id 0).
func (t *thrift) begin(id int16) {
	if id > 0 {
		t.field(id, tStruct)
	}
	t.outer = append(t.outer, t.last)
	t.last = 0
}

// end ends the struct begun last.
func (t *thrift) end() {
	t.b = append(t.b, 0)
	t.last = t.outer[len(t.outer)-1]
	t.outer = t.outer[:len(t.outer)-1]
}
