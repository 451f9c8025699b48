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

	"budgetpub/internal/runs"
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
// those held are sorted and written as a run to a temporary file of dir,
// and each merges the runs — as SQLite sorts what it indexes.
type sorter struct {
	dir    string
	max    int
	arena  []byte // the records held, each its key and its payload after their lengths
	starts []int  // where each record held starts in arena
	runs   runs.Runs
}

// sortBytes is how many bytes of records a sorter holds at most.
const sortBytes = 8 << 20

func (s *sorter) add(key, payload []byte) {
	most := cmp.Or(s.max, sortBytes)
	if s.arena == nil {
		// the arena is made at its size once: grown by append from
		// nothing, an arena of 8 MB was copied some 40 times (a run's
		// bytes five times over), a sixth of a disclosure's pages' samples
		s.arena = make([]byte, 0, most+arenaSlack)
	}
	s.starts = append(s.starts, len(s.arena))
	s.arena = wire.AppendString(wire.AppendString(s.arena, key), payload)
	if len(s.arena) >= most {
		s.spill()
	}
}

// arenaSlack is the room an arena has past its sorter's most, for the
// record that fills it.
const arenaSlack = 64 << 10

// held are the records held, sorted, each as its bytes in arena.
func (s *sorter) held() [][]byte {
	type keyed struct{ key, rec []byte } // a record and its key, read once
	all := make([]keyed, len(s.starts))
	for i, at := range s.starts {
		end := len(s.arena)
		if i+1 < len(s.starts) {
			end = s.starts[i+1]
		}
		rd := wire.Borrowing(s.arena[at:end])
		all[i] = keyed{rd.Bytes(), s.arena[at:end]}
	}
	slices.SortFunc(all, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	recs := make([][]byte, len(all))
	for i, k := range all {
		recs[i] = k.rec
	}
	return recs
}

// spill writes the records held as a run and drops them.
func (s *sorter) spill() {
	s.runs.Dir = s.dir
	s.runs.Add(".sort-*", func(put func(...[]byte)) {
		for _, rec := range s.held() {
			put(rec)
		}
	})
	s.arena, s.starts = s.arena[:0], s.starts[:0]
}

// each calls f with every record in the order of their keys (the bytes
// it is given are its own until f returns), until f returns an error;
// then the records are gone.
func (s *sorter) each(f func(key, payload []byte) error) error {
	defer s.remove()
	if !s.runs.Any() { // all held: no file
		for _, rec := range s.held() {
			rd := wire.Borrowing(rec)
			if err := f(rd.Bytes(), rd.Bytes()); err != nil {
				return err
			}
		}
		return nil
	}
	if s.spill(); s.runs.Err() != nil {
		return s.runs.Err()
	}
	merge := &runs.Heap[*run]{By: func(a, b *run) bool { return bytes.Compare(a.key, b.key) < 0 }}
	for _, r := range s.runs.Readers() {
		r := &run{r: r}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			merge.Items = append(merge.Items, r)
		}
	}
	heap.Init(merge)
	for merge.Len() > 0 {
		r := merge.Items[0]
		if err := f(r.key, r.payload); err != nil {
			return err
		}
		if ok, err := r.next(); err != nil {
			return err
		} else if ok {
			heap.Fix(merge, 0)
		} else {
			heap.Pop(merge)
		}
	}
	return nil
}

// remove removes the runs' file, if any.
func (s *sorter) remove() error {
	s.arena, s.starts = nil, nil
	return s.runs.Drop()
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
