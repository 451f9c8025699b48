package schema

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"

	"budgetpub/internal/wire"
)

// AppendBinary appends v (a pointer to a struct) in a binary form
// ReadBinary reads back as what encoding/json would give of v's JSON: the
// fields JSON writes, in order; an omitempty field left out when empty,
// so that it reads back as its zero value (an empty slice as nil); a
// pointer, slice or map nil or not; a string as its JSON decodes (each
// byte of an invalid UTF-8 sequence U+FFFD); a map's entries in the order
// of their keys, so that two keys made alike by that replacement read
// back as one, the latter, as JSON's do; Money and Pct as their integers
// (their JSON is exact); a ClassItem without amount when Unstated. It is
// the cache's form of a document: what the publishing of a full build
// read back from JSON at some 0.35 ms a document. A type JSON would write
// in any other way (a type that marshals itself, embedded, `,string` or
// omitzero fields, interfaces, arrays, []byte) is refused, as a float
// JSON refuses (NaN, ±Inf) is.
func AppendBinary(b []byte, v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return b, fmt.Errorf("binary: %T is not a pointer to a value", v)
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return b, err
	}
	return c.enc(b, rv.Elem())
}

// ReadBinary reads into v (a pointer to a value of the type AppendBinary
// wrote, or to a struct of its first fields) from r; strings are read as
// r reads them (copies, or parts of its bytes).
func ReadBinary(r *wire.Reader, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("binary: %T is not a pointer to a value", v)
	}
	c, err := codecOf(rv.Type().Elem())
	if err != nil {
		return err
	}
	rv.Elem().SetZero()
	c.dec(r, rv.Elem())
	return r.Err()
}

// codec writes and reads the values of one type.
type codec struct {
	enc func(b []byte, v reflect.Value) ([]byte, error)
	dec func(r *wire.Reader, v reflect.Value) // v settable and zero
}

var codecs sync.Map // reflect.Type → *codec

var errUnsupported = errors.New("binary: a type JSON writes in its own way")

// codecOf is the codec of t, made once.
func codecOf(t reflect.Type) (*codec, error) {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	made := map[reflect.Type]*codec{}
	c, err := makeCodec(t, made)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", err, t)
	}
	for t, c := range made {
		codecs.LoadOrStore(t, c)
	}
	return c, nil
}

// makeCodec makes t's codec; made holds those under way, so that a type
// that holds itself (a ClassItem's Items) refers to its own.
func makeCodec(t reflect.Type, made map[reflect.Type]*codec) (*codec, error) {
	if c, ok := made[t]; ok {
		return c, nil
	}
	if c, ok := codecs.Load(t); ok {
		return c.(*codec), nil
	}
	c := &codec{}
	made[t] = c
	switch {
	case t == moneyType || t == pctType:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) { return binary.AppendVarint(b, v.Int()), nil }
		c.dec = func(r *wire.Reader, v reflect.Value) { v.SetInt(r.Varint()) }
		return c, nil
	case t == classItemType:
		return c, structCodec(c, t, made)
	case t.Kind() != reflect.Pointer && selfMarshals(t):
		return nil, errUnsupported
	}
	switch t.Kind() {
	case reflect.Pointer:
		switch t.Elem().Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			return nil, errUnsupported // a pointer to a nil one writes null
		}
		e, err := makeCodec(t.Elem(), made)
		if err != nil {
			return nil, err
		}
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			if v.IsNil() {
				return append(b, 0), nil
			}
			return e.enc(append(b, 1), v.Elem())
		}
		c.dec = func(r *wire.Reader, v reflect.Value) {
			if r.Byte() == 1 {
				p := reflect.New(t.Elem())
				e.dec(r, p.Elem())
				v.Set(p)
			}
		}
	case reflect.Struct:
		return c, structCodec(c, t, made)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, errUnsupported // base64
		}
		e, err := makeCodec(t.Elem(), made)
		if err != nil {
			return nil, err
		}
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			b, ok := appendLen(b, v)
			if !ok {
				return b, nil
			}
			var err error
			for i := range v.Len() {
				if b, err = e.enc(b, v.Index(i)); err != nil {
					return b, err
				}
			}
			return b, nil
		}
		c.dec = func(r *wire.Reader, v reflect.Value) {
			n, ok := readLen(r)
			if !ok {
				return
			}
			s := reflect.MakeSlice(t, n, n)
			for i := range n {
				e.dec(r, s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String || selfMarshals(t.Key()) {
			return nil, errUnsupported
		}
		e, err := makeCodec(t.Elem(), made)
		if err != nil {
			return nil, err
		}
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			b, ok := appendLen(b, v)
			if !ok {
				return b, nil
			}
			var err error
			for _, k := range sortedKeys(v) {
				b = wire.AppendString(b, validString(k.String()))
				if b, err = e.enc(b, v.MapIndex(k)); err != nil {
					return b, err
				}
			}
			return b, nil
		}
		c.dec = func(r *wire.Reader, v reflect.Value) {
			n, ok := readLen(r)
			if !ok {
				return
			}
			m := reflect.MakeMapWithSize(t, n)
			k, x := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for range n {
				k.SetString(r.Text())
				x.SetZero()
				e.dec(r, x)
				m.SetMapIndex(k, x)
			}
			v.Set(m)
		}
	case reflect.String:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			return wire.AppendString(b, validString(v.String())), nil
		}
		c.dec = func(r *wire.Reader, v reflect.Value) { v.SetString(r.Text()) }
	case reflect.Bool:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			if v.Bool() {
				return append(b, 1), nil
			}
			return append(b, 0), nil
		}
		c.dec = func(r *wire.Reader, v reflect.Value) { v.SetBool(r.Byte() == 1) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) { return binary.AppendVarint(b, v.Int()), nil }
		c.dec = func(r *wire.Reader, v reflect.Value) { v.SetInt(r.Varint()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) { return binary.AppendUvarint(b, v.Uint()), nil }
		c.dec = func(r *wire.Reader, v reflect.Value) { v.SetUint(r.Uvarint()) }
	case reflect.Float32, reflect.Float64:
		// the float's bits; NaN and ±Inf refused, as JSON refuses them
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			f := v.Float()
			if math.IsInf(f, 0) || math.IsNaN(f) {
				_, err := floatNumber(f, t.Bits())
				return b, err
			}
			return binary.AppendUvarint(b, math.Float64bits(f)), nil
		}
		c.dec = func(r *wire.Reader, v reflect.Value) { v.SetFloat(math.Float64frombits(r.Uvarint())) }
	default:
		return nil, errUnsupported
	}
	return c, nil
}

// structCodec makes c the codec of the struct type t: its fields as JSON
// writes them (structFields), each omitempty one after a byte telling
// whether it is written; a ClassItem starts with a byte telling whether
// its amount is stated, and is written without it when not.
func structCodec(c *codec, t reflect.Type, made map[reflect.Type]*codec) error {
	fs := structFields(t)
	if fs == nil {
		return errUnsupported
	}
	unstated := -1
	if t == classItemType {
		f, _ := t.FieldByName("Unstated")
		unstated = f.Index[0]
	}
	codecs := make([]*codec, len(fs))
	for i, f := range fs {
		var err error
		if codecs[i], err = makeCodec(t.Field(f.index).Type, made); err != nil {
			return err
		}
	}
	c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
		noAmount := false
		if unstated >= 0 {
			noAmount = v.Field(unstated).Bool()
			b = append(b, boolByte(noAmount))
		}
		var err error
		for i, f := range fs {
			fv := v.Field(f.index)
			if noAmount && f.name == "amount" {
				continue
			}
			if f.omitEmpty {
				empty := isEmpty(fv)
				if b = append(b, boolByte(!empty)); empty {
					continue
				}
			}
			if b, err = codecs[i].enc(b, fv); err != nil {
				return b, err
			}
		}
		return b, nil
	}
	c.dec = func(r *wire.Reader, v reflect.Value) {
		noAmount := false
		if unstated >= 0 {
			noAmount = r.Byte() == 1
			v.Field(unstated).SetBool(noAmount)
		}
		for i, f := range fs {
			if noAmount && f.name == "amount" || f.omitEmpty && r.Byte() != 1 {
				continue
			}
			codecs[i].dec(r, v.Field(f.index))
		}
	}
	return nil
}

// appendLen writes whether the slice or map v is nil (a byte) and, when
// not, its length; ok tells that its items are to follow.
func appendLen(b []byte, v reflect.Value) (_ []byte, ok bool) {
	if v.IsNil() {
		return append(b, 0), false
	}
	return binary.AppendUvarint(append(b, 1), uint64(v.Len())), true
}

// readLen reads what appendLen wrote: the length, and whether items follow.
func readLen(r *wire.Reader) (n int, ok bool) {
	if r.Byte() != 1 {
		return 0, false
	}
	return r.Len(), true
}

// sortedKeys are a map's keys in order.
func sortedKeys(v reflect.Value) []reflect.Value {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(x.String(), y.String()) })
	return keys
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}
