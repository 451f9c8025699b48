package sqlfile

import (
	"bufio"
	"io"
	"os"
)

// runs are sorted runs written to a temporary file, one after the other,
// to be merged at the end: what an Index or an FTS holds past its bound.
type runs struct {
	f      *os.File
	w      *bufio.Writer
	bounds []int64 // each run's end in f
	err    error   // the first error
}

// add writes a run: each gives put the bytes of each record in order,
// in parts written one after the other. The file is created (pattern:
// os.CreateTemp's) with the first run.
func (r *runs) add(pattern string, each func(put func(parts ...[]byte))) {
	if r.f == nil && r.err == nil {
		r.f, r.err = os.CreateTemp("", pattern)
		if r.err == nil {
			r.w = bufio.NewWriter(r.f)
		}
	}
	if r.err != nil {
		return
	}
	end := int64(0)
	if len(r.bounds) > 0 {
		end = r.bounds[len(r.bounds)-1]
	}
	each(func(parts ...[]byte) {
		for _, p := range parts {
			r.w.Write(p)
			end += int64(len(p))
		}
	})
	r.err = r.w.Flush()
	r.bounds = append(r.bounds, end)
}

// readers read each run.
func (r *runs) readers() []*bufio.Reader {
	var out []*bufio.Reader
	start := int64(0)
	for _, end := range r.bounds {
		out = append(out, bufio.NewReader(io.NewSectionReader(r.f, start, end-start)))
		start = end
	}
	return out
}

// drop removes the file.
func (r *runs) drop() {
	if r.f != nil {
		r.f.Close()
		os.Remove(r.f.Name())
		r.f = nil
	}
}

// byLess is a container/heap of items ordered by less.
type byLess[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (h *byLess[T]) Len() int           { return len(h.items) }
func (h *byLess[T]) Less(i, j int) bool { return h.less(h.items[i], h.items[j]) }
func (h *byLess[T]) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *byLess[T]) Push(x any)         { h.items = append(h.items, x.(T)) }
func (h *byLess[T]) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}
