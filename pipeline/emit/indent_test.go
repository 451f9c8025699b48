package emit

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// randomJSON is a value of every JSON kind, nested, with the strings a
// document holds and those that end in escapes.
func randomJSON(r *rand.Rand, depth int) any {
	words := []string{"", "收入", `a"b`, `a\`, `\\`, `"`, "x\ny", "<&>", "{[,:]}", "\u2028", "\x01", "\xff"}
	switch k := r.IntN(8); {
	case depth > 4 || k < 2:
		return words[r.IntN(len(words))] + words[r.IntN(len(words))]
	case k == 2:
		return []any{nil, true, false, 0, -1.5, 12345678.25}[r.IntN(6)]
	case k < 5:
		a := make([]any, r.IntN(4))
		for i := range a {
			a[i] = randomJSON(r, depth+1)
		}
		return a
	default:
		m := map[string]any{}
		for range r.IntN(4) {
			m[words[r.IntN(len(words))]+words[r.IntN(len(words))]] = randomJSON(r, depth+1)
		}
		return m
	}
}

// TestIndentAsEncoder: indent gives the bytes the encoder indents to, on
// 20,000 random values.
func TestIndentAsEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		v := randomJSON(r, 0)
		var compact, want bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		enc = json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if got := indent(compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("%s:\n got %s\nwant %s", compact.Bytes(), got, want.Bytes())
		}
	}
}
