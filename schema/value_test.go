package schema

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// decoded is what Value must give: v's JSON decoded with UseNumber.
func decoded(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatal(err)
	}
	return x
}

// fill sets v (settable) to a random value: pointers, slices and maps
// nil, empty or filled, strings with full-width digits, <, & and invalid
// UTF-8, floats of every magnitude encoding/json writes.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.Pointer:
		if depth > 6 || r.IntN(3) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), depth+1)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(r, v.Field(i), depth+1)
			}
		}
	case reflect.Slice:
		switch n := r.IntN(4); {
		case depth > 6 || n == 0:
		case n == 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(r, v.Index(i), depth+1)
			}
		}
	case reflect.Map:
		switch n := r.IntN(4); {
		case depth > 6 || n == 0:
		case n == 1:
			v.Set(reflect.MakeMap(v.Type()))
		default:
			v.Set(reflect.MakeMap(v.Type()))
			for range n {
				k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
				fill(r, k, depth+1)
				fill(r, e, depth+1)
				v.SetMapIndex(k, e)
			}
		}
	case reflect.String:
		words := []string{"", "收入", "/revenue/total", "１２３．４", "a<b&c>d", "\xff\xfe", "合\x80计", "\u2028", `"\`}
		v.SetString(words[r.IntN(len(words))] + words[r.IntN(len(words))])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt([]int64{0, 1, -5, 12345, 305630025, math.MaxInt32}[r.IntN(6)])
	case reflect.Float32, reflect.Float64:
		v.SetFloat([]float64{0, math.Copysign(0, -1), 0.1, 1.005, 123.45, -9.87e-7, 1e-6, 1e21, 12345678901234567890, 3.14159e25, 2.5e-300}[r.IntN(11)])
	}
}

func TestValueAsDecoded(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		var d Document
		fill(r, reflect.ValueOf(&d).Elem(), 0)
		got, err := Value(&d)
		if err != nil {
			t.Fatal(err)
		}
		if want := decoded(t, &d); !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Fatalf("document %d:\n got %s\nwant %s", i, g, w)
		}
	}
}

// embedded has what Value leaves to encoding/json.
type embedded struct {
	Meta
	N  int64     `json:"n,string"`
	Z  time.Time `json:"z,omitzero"`
	T  time.Time `json:"t"`
	B  []byte    `json:"b"`
	J  json.Number
	M  map[int]string
	I  any `json:"i,omitempty"`
	x  int
	Ok bool `json:"-"`
	D  bool `json:"-,"`
}

func TestValueOtherTypes(t *testing.T) {
	for _, v := range []any{
		nil, 1.5, float32(1e-7), "x\xffy", []int{}, map[string]*Money{"a": nil, "b": new(Money)},
		ClassItem{Name: "a", Unstated: true, Items: []ClassItem{{Name: "b", Amount: 5}}},
		[]*ClassItem{nil, {Name: "c", Amount: 7, Unstated: false}},
		embedded{Meta: Meta{Title: "t"}, N: 4, T: time.Unix(5, 0).UTC(), B: []byte("ab"), J: "12.50",
			M: map[int]string{3: "c"}, I: Pct(1234), x: 1, Ok: true, D: true},
		&embedded{I: []any{Money(5), nil}},
		[2]Pct{1, 2},
		map[string]any{"\xff": 1, "\xfe": 2}, // one key once decoded
	} {
		got, err := Value(v)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		if want := decoded(t, v); !reflect.DeepEqual(got, want) {
			t.Errorf("%#v:\n got %#v\nwant %#v", v, got, want)
		}
	}
	for _, v := range []any{math.NaN(), []float64{math.Inf(1)}, make(chan int)} {
		if _, err := Value(v); err == nil {
			t.Errorf("%v: no error", v)
		} else if _, jerr := json.Marshal(v); jerr == nil || !strings.Contains(err.Error(), "unsupported") {
			t.Errorf("%v: %v, encoding/json says %v", v, err, jerr)
		}
	}
}
