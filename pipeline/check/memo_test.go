package check

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"budgetpub/schema"
)

// TestGetAsSplit: get, which walks a pointer's parts without cutting them
// out, resolves what it resolved walking strings.Split's parts, for
// pointers with empty parts, leading and trailing slashes, indexes out of
// range and names absent.
func TestGetAsSplit(t *testing.T) {
	tree := map[string]any{"a": []any{map[string]any{"b": "x", "": "e"}, "y"}, "c": map[string]any{"d": []any{"z"}}, "": "root"}
	split := func(ptr string) (any, bool) {
		cur := any(tree)
		for _, p := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
			var ok bool
			if p != "" {
				if cur, ok = child(cur, p); !ok {
					return nil, false
				}
			}
		}
		return cur, true
	}
	c := &ctx{tree: tree}
	parts := []string{"/", "a", "b", "c", "d", "0", "1", "2", "-1", "x", ""}
	rng := rand.New(rand.NewPCG(19, 25))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		ptr := b.String()
		got, gok := c.get(ptr)
		want, wok := split(ptr)
		if gok != wok || !reflect.DeepEqual(got, want) {
			t.Fatalf("get(%q) = %v %v, split: %v %v", ptr, got, gok, want, wok)
		}
	}
}

// TestFigOfKept: figOf answers a figure asked again as it answered it
// first, and as printedFig reads it afresh; a zero and a negative zero are
// different figures (their rfig keeps the amount's sign).
func TestFigOfKept(t *testing.T) {
	doc := &schema.Document{Provenance: map[string]schema.Source{
		"/revenue/total":     {Text: "收入总计 1,234.56 万元"},
		"/expenditure/total": {Text: "支出合计 0 元"},
	}}
	c := &ctx{doc: doc}
	for _, q := range []struct {
		ptr string
		v   float64
	}{{"/revenue/total", 12345600}, {"/revenue/total", 12345600}, {"/revenue/total", 1}, {"/expenditure/total", 0}, {"/expenditure/total", math.Copysign(0, -1)}, {"/absent", 500}, {"/absent", 500}} {
		got, fresh := c.figOf(q.ptr, q.v), c.printedFig(q.ptr, q.v)
		if got != fresh || math.Signbit(got.v) != math.Signbit(q.v) {
			t.Errorf("figOf(%s, %v) = %+v, read afresh %+v", q.ptr, q.v, got, fresh)
		}
	}
}
