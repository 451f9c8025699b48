package site

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"budgetpub/internal/wire"
)

// summaries keep every document's Summary from its page to Finish, in
// their binary form (Summary.AppendBinary) in a temporary file of the
// site's folder: a summary holds the document's measures, names and
// sections (some 5 KB in memory), and the documents' summaries were the
// largest part of what a build held at its end. What stays in memory is
// each one's id, department, title, checks and place in the file.
type summaries struct {
	f    *os.File // made with the first summary
	w    *bufio.Writer
	size int64
	refs []summaryRef
	buf  []byte
}

// summaryRef is a document's summary in the file, with what the feed and
// the grouping by department need of it.
type summaryRef struct {
	ID, DeptID, Title string
	Checks            int
	at, n             int64
}

// add keeps s; dir is the site's folder, where the file is made.
func (ss *summaries) add(dir string, s Summary) error {
	if ss.f == nil {
		f, err := os.CreateTemp(dir, ".summaries-*")
		if err != nil {
			return err
		}
		ss.f, ss.w = f, bufio.NewWriterSize(f, 1<<16)
	}
	ss.buf = s.AppendBinary(ss.buf[:0])
	if _, err := ss.w.Write(ss.buf); err != nil {
		return err
	}
	ss.refs = append(ss.refs, summaryRef{ID: s.ID, DeptID: s.DeptID, Title: s.Title, Checks: s.Checks, at: ss.size, n: int64(len(ss.buf))})
	ss.size += int64(len(ss.buf))
	return nil
}

// done is called once every summary is kept: they are sorted by id and
// can be read.
func (ss *summaries) done() error {
	sort.Slice(ss.refs, func(i, j int) bool { return ss.refs[i].ID < ss.refs[j].ID })
	if ss.w == nil {
		return nil
	}
	return ss.w.Flush()
}

// read is the summary of refs[i] (safe for concurrent use once done).
func (ss *summaries) read(i int) (Summary, error) {
	ref := ss.refs[i]
	b := make([]byte, ref.n)
	if _, err := ss.f.ReadAt(b, ref.at); err != nil {
		return Summary{}, err
	}
	s, _, err := ReadSummary(b)
	return s, err
}

// each calls f with every summary in the order of their ids, until it
// returns an error.
func (ss *summaries) each(f func(Summary) error) error {
	for i := range ss.refs {
		s, err := ss.read(i)
		if err != nil {
			return err
		}
		if err := f(s); err != nil {
			return err
		}
	}
	return nil
}

// remove removes the file.
func (ss *summaries) remove() error {
	if ss.f == nil {
		return nil
	}
	ss.f.Close()
	err := os.Remove(ss.f.Name())
	ss.f, ss.w = nil, nil
	return err
}

// sorter sorts records that need not fit in memory, each a key (compared
// byte by byte) and a payload: past max bytes held (sortBytes when 0),
// those held are sorted and written to a temporary file of dir as a run,
// and each merges the runs — as SQLite sorts what it indexes.
type sorter struct {
	dir    string
	max    int
	arena  []byte // the records held, each its key and its payload after their lengths
	starts []int  // where each record held starts in arena
	f      *os.File
	w      *bufio.Writer
	bounds []int64 // each run's end in f
	err    error   // the first error writing a run
}

// sortBytes is how many bytes of records a sorter holds at most.
const sortBytes = 8 << 20

func (s *sorter) add(key, payload []byte) {
	s.starts = append(s.starts, len(s.arena))
	s.arena = wire.AppendString(wire.AppendString(s.arena, key), payload)
	if len(s.arena) >= cmp.Or(s.max, sortBytes) {
		s.spill()
	}
}

// held are the records held, sorted, each as its bytes in arena.
func (s *sorter) held() [][]byte {
	recs := make([][]byte, len(s.starts))
	for i, at := range s.starts {
		end := len(s.arena)
		if i+1 < len(s.starts) {
			end = s.starts[i+1]
		}
		recs[i] = s.arena[at:end]
	}
	slices.SortFunc(recs, func(a, b []byte) int { return bytes.Compare(recordKey(a), recordKey(b)) })
	return recs
}

func recordKey(rec []byte) []byte {
	rd := wire.Borrowing(rec)
	return rd.Bytes()
}

// spill writes the records held as a run and drops them.
func (s *sorter) spill() {
	if s.f == nil && s.err == nil {
		s.f, s.err = os.CreateTemp(s.dir, ".sort-*")
		if s.err == nil {
			s.w = bufio.NewWriterSize(s.f, 1<<16)
		}
	}
	if s.err == nil {
		for _, rec := range s.held() {
			if _, s.err = s.w.Write(rec); s.err != nil {
				break
			}
		}
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if s.err == nil {
		end, _ := s.f.Seek(0, io.SeekCurrent)
		s.bounds = append(s.bounds, end)
	}
	s.arena, s.starts = s.arena[:0], s.starts[:0]
}

// each calls f with every record in the order of their keys (the bytes
// it is given are its own until f returns), until f returns an error;
// then the records are gone.
func (s *sorter) each(f func(key, payload []byte) error) error {
	defer s.remove()
	if s.f == nil && s.err == nil { // all held: no file
		for _, rec := range s.held() {
			rd := wire.Borrowing(rec)
			if err := f(rd.Bytes(), rd.Bytes()); err != nil {
				return err
			}
		}
		return nil
	}
	if s.spill(); s.err != nil {
		return s.err
	}
	runs := &runHeap{}
	start := int64(0)
	for _, end := range s.bounds {
		r := &run{r: bufio.NewReader(io.NewSectionReader(s.f, start, end-start))}
		start = end
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			runs.items = append(runs.items, r)
		}
	}
	heap.Init(runs)
	for runs.Len() > 0 {
		r := runs.items[0]
		if err := f(r.key, r.payload); err != nil {
			return err
		}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			heap.Fix(runs, 0)
		} else {
			heap.Pop(runs)
		}
	}
	return nil
}

// remove removes the runs' file, if any.
func (s *sorter) remove() error {
	s.arena, s.starts, s.bounds = nil, nil, nil
	if s.f == nil {
		return nil
	}
	s.f.Close()
	err := os.Remove(s.f.Name())
	s.f, s.w = nil, nil
	return err
}

// run reads a run's records in order: key and payload are its current
// one's.
type run struct {
	r            *bufio.Reader
	key, payload []byte
}

// next reads the next record; false at the run's end.
func (r *run) next() (bool, error) {
	read := func(b []byte) ([]byte, error) {
		n, err := binary.ReadUvarint(r.r)
		if err != nil {
			return nil, err
		}
		b = slices.Grow(b[:0], int(n))[:n]
		_, err = io.ReadFull(r.r, b)
		return b, err
	}
	var err error
	if r.key, err = read(r.key); err == io.EOF {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if r.payload, err = read(r.payload); err != nil {
		return false, fmt.Errorf("a sort run cut short: %w", err)
	}
	return true, nil
}

// runHeap is a container/heap of runs by their current keys.
type runHeap struct{ items []*run }

func (h *runHeap) Len() int           { return len(h.items) }
func (h *runHeap) Less(i, j int) bool { return bytes.Compare(h.items[i].key, h.items[j].key) < 0 }
func (h *runHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *runHeap) Push(x any)         { h.items = append(h.items, x.(*run)) }
func (h *runHeap) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}

// appendKey appends to b a key part that orders as s does when keys are
// compared byte by byte, whatever follows it: s, each 0 in it followed by
// 0xff, then a 0.
func appendKey(b []byte, s string) []byte {
	for {
		k := strings.IndexByte(s, 0)
		if k < 0 {
			return append(append(b, s...), 0)
		}
		b = append(append(b, s[:k+1]...), 0xff)
		s = s[k+1:]
	}
}

// appendKeyInt appends a key part that orders as v does.
func appendKeyInt(b []byte, v int64) []byte {
	return binary.BigEndian.AppendUint64(b, uint64(v)^1<<63)
}
