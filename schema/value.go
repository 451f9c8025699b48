package schema

import (
	"bytes"
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Value is what encoding/json decodes (with UseNumber) from the JSON
// encoding/json writes of v: map[string]any for an object, []any, string,
// json.Number, bool or nil — the tree the validator walks and the checks
// resolve pointers in, made from the typed value without writing or
// parsing JSON. Money and Pct are the numbers they write, a ClassItem its
// object (without amount when Unstated); a value of any other type that
// marshals itself, or of a struct with embedded or `,string` or `omitzero`
// fields, is marshalled and decoded as before (none is in the model).
func Value(v any) (any, error) {
	return valueOf(reflect.ValueOf(v))
}

var (
	moneyType     = reflect.TypeFor[Money]()
	pctType       = reflect.TypeFor[Pct]()
	classItemType = reflect.TypeFor[ClassItem]()
	numberType    = reflect.TypeFor[json.Number]()
	marshalerType = reflect.TypeFor[json.Marshaler]()
	textType      = reflect.TypeFor[encoding.TextMarshaler]()
)

func valueOf(v reflect.Value) (any, error) {
	if !v.IsValid() {
		return nil, nil
	}
	t := v.Type()
	switch t {
	case moneyType, pctType:
		return json.Number(formatHundredths(v.Int())), nil
	case classItemType:
		return structValue(v, structFields(t), v.FieldByName("Unstated").Bool())
	}
	if k := t.Kind(); k == reflect.Pointer || k == reflect.Interface {
		// nil is null, a marshaler's pointer receiver or not
		if v.IsNil() {
			return nil, nil
		}
		return valueOf(v.Elem())
	}
	if selfMarshals(t) {
		return roundTrip(v)
	}
	switch t.Kind() {
	case reflect.Struct:
		fs := structFields(t)
		if fs == nil {
			return roundTrip(v)
		}
		return structValue(v, fs, false)
	case reflect.Map:
		if v.IsNil() {
			return nil, nil
		}
		if t.Key().Kind() != reflect.String {
			return roundTrip(v)
		}
		m := make(map[string]any, v.Len())
		for it := v.MapRange(); it.Next(); {
			k := it.Key().String()
			if !utf8.ValidString(k) {
				return roundTrip(v) // keys made alike by the replacement decode as one
			}
			x, err := valueOf(it.Value())
			if err != nil {
				return nil, err
			}
			m[k] = x
		}
		return m, nil
	case reflect.Slice:
		if v.IsNil() {
			return nil, nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return roundTrip(v) // base64
		}
		fallthrough
	case reflect.Array:
		a := make([]any, v.Len())
		for i := range a {
			x, err := valueOf(v.Index(i))
			if err != nil {
				return nil, err
			}
			a[i] = x
		}
		return a, nil
	case reflect.String:
		return validString(v.String()), nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return json.Number(strconv.FormatUint(v.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		return floatNumber(v.Float(), t.Bits())
	}
	return nil, &json.UnsupportedTypeError{Type: t}
}

var marshals sync.Map // reflect.Type → bool

// selfMarshals tells a type whose JSON its own method writes.
func selfMarshals(t reflect.Type) bool {
	if m, ok := marshals.Load(t); ok {
		return m.(bool)
	}
	m := t == numberType
	for _, it := range []reflect.Type{marshalerType, textType} {
		m = m || t.Implements(it) || reflect.PointerTo(t).Implements(it)
	}
	marshals.Store(t, m)
	return m
}

// roundTrip is Value the slow way: marshalled and decoded.
func roundTrip(v reflect.Value) (any, error) {
	if v.Kind() != reflect.Pointer && v.CanAddr() {
		v = v.Addr() // pointer receivers marshal as encoding/json finds them
	}
	data, err := json.Marshal(v.Interface())
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var x any
	err = dec.Decode(&x)
	return x, err
}

// validString is s as its JSON decodes: each byte of an invalid UTF-8
// sequence becomes U+FFFD, as encoding/json writes it.
func validString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// floatNumber is a float as encoding/json writes it.
func floatNumber(f float64, bits int) (any, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, &json.UnsupportedValueError{Str: strconv.FormatFloat(f, 'g', -1, bits)}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b := strconv.AppendFloat(nil, f, format, -1, bits)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return json.Number(b), nil
}

// field is one field a struct writes.
type field struct {
	index     int
	name      string
	omitEmpty bool
}

var fieldsOf sync.Map // reflect.Type → []field (nil: not handled here)

// structFields are the fields a struct of type t writes, in order; nil for
// a struct Value leaves to encoding/json (embedded fields, `,string`,
// omitzero, two fields of one name).
func structFields(t reflect.Type) []field {
	if fs, ok := fieldsOf.Load(t); ok {
		return fs.([]field)
	}
	fs := []field{}
	seen := map[string]bool{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			fs = nil
			break
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !validTag(name) {
			name = sf.Name
		}
		f := field{index: i, name: name}
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "string", "omitzero":
				fs = nil
			}
		}
		if fs == nil || seen[name] {
			fs = nil
			break
		}
		seen[name] = true
		fs = append(fs, f)
	}
	fieldsOf.Store(t, fs)
	return fs
}

// validTag is encoding/json's test of a tag's name.
func validTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func structValue(v reflect.Value, fs []field, noAmount bool) (any, error) {
	m := make(map[string]any, len(fs))
	for _, f := range fs {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) || noAmount && f.name == "amount" {
			continue
		}
		x, err := valueOf(fv)
		if err != nil {
			return nil, err
		}
		m[f.name] = x
	}
	return m, nil
}

// isEmpty is encoding/json's omitempty test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
