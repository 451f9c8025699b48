package site

import (
	"bufio"
	"os"
	"sort"
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
