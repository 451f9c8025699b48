// Package wire is the binary form the cache keeps what publishing makes of
// a document in (its rows, search entries, summary and sentences' places):
// numbers as varints (encoding/binary's), a string or bytes after their
// length as a uvarint. Append* write it; a Reader reads it back, its
// strings either parts of the bytes read (borrowed: read at every run for
// every document, they are not copied) or copies.
package wire

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// AppendString appends s after its length.
func AppendString[T ~string | ~[]byte](b []byte, s T) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ErrShort: the bytes end before what was read does.
var ErrShort = errors.New("cut short")

// Reader reads what Append* and encoding/binary's AppendUvarint and
// AppendVarint wrote. The first read that does not fit in what is left
// fails the Reader: it and every read after it give zero values, and Err
// tells.
type Reader struct {
	b    []byte
	copy bool
	bad  bool
}

// Borrowing reads b; its strings and bytes are parts of b, which must not
// change afterwards.
func Borrowing(b []byte) Reader { return Reader{b: b} }

// Copying reads b; its strings are copies (its Bytes, parts of b).
func Copying(b []byte) Reader { return Reader{b: b, copy: true} }

// Err is ErrShort once a read did not fit, nil before.
func (r *Reader) Err() error {
	if r.bad {
		return ErrShort
	}
	return nil
}

// Rest are the bytes not read yet (nil once the Reader failed).
func (r *Reader) Rest() []byte {
	if r.bad {
		return nil
	}
	return r.b
}

func (r *Reader) fail() {
	r.bad, r.b = true, nil
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 { return varint(r, binary.Uvarint) }

// Varint reads a signed varint.
func (r *Reader) Varint() int64 { return varint(r, binary.Varint) }

func varint[T uint64 | int64](r *Reader, read func([]byte) (T, int)) T {
	v, k := read(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

// Len reads a length (a uvarint) of what follows, each of whose items
// takes a byte at least: it fails when it is more than the bytes left.
func (r *Reader) Len() int {
	n := r.Uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// Next reads the next n bytes, a part of the bytes read (its capacity its
// length: appending to it copies).
func (r *Reader) Next(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

// Bytes reads bytes after their length (AppendString), a part of the
// bytes read (its capacity its length).
func (r *Reader) Bytes() []byte { return r.Next(r.Len()) }

// Text reads a string after its length (AppendString): a copy, or a
// part of the bytes read when the Reader borrows.
func (r *Reader) Text() string {
	v := r.Bytes()
	if r.copy {
		return string(v)
	}
	return unsafe.String(unsafe.SliceData(v), len(v))
}
