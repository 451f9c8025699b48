package wire_test

import (
	"encoding/binary"
	"errors"
	"testing"
	"unsafe"

	"budgetpub/internal/wire"
)

func sample() []byte {
	b := wire.AppendString(nil, "甲乙")
	b = wire.AppendString(b, []byte("bytes"))
	b = binary.AppendUvarint(b, 300)
	b = binary.AppendVarint(b, -7)
	b = append(b, 1)
	return wire.AppendString(b, "")
}

// TestReadsWhatItWrote: each read gives what was appended, in order, and
// the rest after it.
func TestReadsWhatItWrote(t *testing.T) {
	for _, copying := range []bool{false, true} {
		b := append(sample(), "tail"...)
		rd := wire.Borrowing(b)
		if copying {
			rd = wire.Copying(b)
		}
		s, bs, u, v, c, empty := rd.Text(), rd.Bytes(), rd.Uvarint(), rd.Varint(), rd.Byte(), rd.Text()
		if s != "甲乙" || string(bs) != "bytes" || u != 300 || v != -7 || c != 1 || empty != "" || rd.Err() != nil {
			t.Fatalf("copying %v: read %q %q %d %d %d %q, %v", copying, s, bs, u, v, c, empty, rd.Err())
		}
		if string(rd.Rest()) != "tail" {
			t.Fatalf("copying %v: rest %q", copying, rd.Rest())
		}
		if cap(bs) != len(bs) {
			t.Errorf("copying %v: bytes read have room after them (cap %d): an append would write over the next field", copying, cap(bs))
		}
		// borrowed: the string is a part of b; copied: it is not
		within := unsafe.StringData(s) == &b[1]
		if within == copying {
			t.Errorf("copying %v: the string read is a part of the bytes read: %v", copying, within)
		}
	}
}

// TestShortFails: every cut of the bytes fails the reader (a length past
// the end included), and once failed it reads zero values.
func TestShortFails(t *testing.T) {
	b := sample()
	for n := range len(b) {
		rd := wire.Borrowing(b[:n])
		rd.Text()
		rd.Bytes()
		rd.Uvarint()
		rd.Varint()
		rd.Byte()
		rd.Text()
		if !errors.Is(rd.Err(), wire.ErrShort) || rd.Rest() != nil {
			t.Errorf("%d of %d bytes: err %v, rest %q", n, len(b), rd.Err(), rd.Rest())
		}
	}
	rd := wire.Borrowing(binary.AppendUvarint(nil, 5))
	if rd.Len(); rd.Err() == nil {
		t.Error("a length of 5 with nothing after it read")
	}
	if rd.Text() != "" || rd.Uvarint() != 0 || rd.Err() == nil {
		t.Error("a failed reader read on")
	}
}
