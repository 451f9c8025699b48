package extract

import (
	"slices"
	"sync"
)

// lineMemo keeps what of, a function of a line's text alone, gave for the
// lines asked lately, and gives a copy of it when a line is asked again:
// the table readers split a table's lines into cells and segments each
// its own way, so a document's table line was split 4–15 times over. The
// lines are kept by text, in maps pooled per P (a document's readers run
// on one goroutine; any map answers alike), each emptied when it holds
// memoLines.
type lineMemo[T any] struct {
	of   func(string) []T
	maps sync.Pool // *map[string][]T
}

// memoLines bounds the lines a memo's map keeps: a document's tables
// span a few hundred.
const memoLines = 2048

// get is of(line), a copy the caller may change.
func (m *lineMemo[T]) get(line string) []T {
	p, _ := m.maps.Get().(*map[string][]T)
	if p == nil {
		p = &map[string][]T{}
	}
	v, ok := (*p)[line]
	if !ok {
		v = m.of(line)
		if len(*p) >= memoLines {
			clear(*p)
		}
		(*p)[line] = v
	}
	m.maps.Put(p)
	return slices.Clone(v)
}
