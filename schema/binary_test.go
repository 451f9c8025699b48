package schema

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"budgetpub/internal/wire"
)

// A document read back from its binary form is the document its JSON
// decodes to, for random documents (every field filled or nil or empty,
// strings with invalid UTF-8, map keys made alike by its replacement,
// classes unstated with an amount), whether the reader copies its strings
// or borrows them; and a struct of its first fields reads those alone.
func TestBinaryAsJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		var d Document
		fill(r, reflect.ValueOf(&d).Elem(), 0)
		if i%7 == 0 && d.Provenance != nil {
			d.Provenance["\xff"], d.Provenance["\xfe"] = Source{Line: 1}, Source{Line: 2}
		}
		data, err := json.Marshal(&d)
		if err != nil {
			t.Fatal(err)
		}
		var want Document
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		b, err := AppendBinary([]byte("x"), &d)
		if err != nil {
			t.Fatal(err)
		}
		b = append(b, "rest"...)
		for _, rd := range []wire.Reader{wire.Copying(b[1:]), wire.Borrowing(b[1:])} {
			var got Document
			if err := ReadBinary(&rd, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&got, &want) {
				g, _ := json.Marshal(&got)
				t.Fatalf("document %d:\n got %s\nwant %s", i, g, data)
			}
			if string(rd.Rest()) != "rest" {
				t.Fatalf("document %d: %q left", i, rd.Rest())
			}
		}
		var first struct {
			SchemaVersion string `json:"schema_version"`
			ID            string `json:"id"`
		}
		rd := wire.Copying(b[1:])
		if err := ReadBinary(&rd, &first); err != nil || first.SchemaVersion != want.SchemaVersion || first.ID != want.ID {
			t.Fatalf("document %d: first fields %+v, %v", i, first, err)
		}
	}
}

// Bytes cut short at any length are refused, not read as a document.
func TestBinaryShort(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20 {
		var d Document
		fill(r, reflect.ValueOf(&d).Elem(), 0)
		b, err := AppendBinary(nil, &d)
		if err != nil {
			t.Fatal(err)
		}
		for n := range len(b) {
			rd := wire.Copying(b[:n])
			var got Document
			if err := ReadBinary(&rd, &got); !errors.Is(err, wire.ErrShort) {
				t.Fatalf("%d of %d bytes read: %v", n, len(b), err)
			}
		}
	}
}

// What JSON writes in its own way is refused, and so is a float JSON
// refuses.
func TestBinaryRefuses(t *testing.T) {
	type embeds struct{ Meta }
	for _, v := range []any{
		&embeds{},
		&struct{ B []byte }{},
		&struct{ I any }{},
		&struct{ A [2]int }{},
		&struct{ N json.Number }{},
		&struct {
			N int64 `json:"n,string"`
		}{},
		&struct{ P **int }{},
		&struct{ M map[int]string }{},
		&struct{ F float64 }{math.NaN()},
		&struct{ F float32 }{float32(math.Inf(1))},
	} {
		if _, err := AppendBinary(nil, v); err == nil {
			t.Errorf("%T written", v)
		}
	}
}
