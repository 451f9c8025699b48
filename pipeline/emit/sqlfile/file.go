package sqlfile

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"os"
)

// File is a database being written, page after page, to the end of the
// file; page 1 (the file's header and sqlite_schema's root) is written
// last, over the place kept for it.
type File struct {
	f     *os.File
	w     *bufio.Writer
	pages uint32 // pages written or kept so far
	first []byte // page 1, once made
	buf   []byte // a page's scratch
	err   error  // the first write's error
	crc   uint32 // the CRC-32 of the pages put since a Stretch began
}

// New starts a new database in out, a new empty file.
func New(out *os.File) *File {
	f := &File{f: out, w: bufio.NewWriterSize(out, 1<<16), buf: make([]byte, pageSize)}
	f.put(f.buf) // page 1's place
	return f
}

// put writes page p (pageSize bytes) after the pages before and returns
// its number.
func (f *File) put(p []byte) uint32 {
	if _, err := f.w.Write(p); err != nil && f.err == nil {
		f.err = err
	}
	f.crc = crc32.Update(f.crc, crc32.IEEETable, p)
	f.pages++
	return f.pages
}

// NewTable starts a rowid table.
func (f *File) NewTable() *Table {
	t := &Table{f: f}
	t.leaf.reset(tableLeaf)
	return t
}

// SchemaRow is a row of sqlite_schema: what the database holds.
type SchemaRow struct {
	Type  string // table, index or view
	Name  string
	Table string // the table an index is of; its own name for a table
	Root  uint32 // the root page; 0 for a view and a virtual table
	SQL   string // the statement that made it; "" for NULL (an index SQLite makes itself)
}

// Close writes sqlite_schema, its rows in the order given, and the
// file's header, and closes the file.
func (f *File) Close(schema []SchemaRow) error {
	t := f.NewTable()
	t.leaf.spare = 100
	var r Record
	var rec []byte
	for i, s := range schema {
		r.Reset()
		for _, v := range []string{s.Type, s.Name, s.Table} {
			r.Text(v)
		}
		r.Int(int64(s.Root))
		if s.SQL == "" {
			r.Null()
		} else {
			r.Text(s.SQL)
		}
		rec = r.AppendTo(rec[:0])
		t.Insert(int64(i+1), rec)
	}
	t.finish(true)
	h := f.first[:100]
	copy(h, "SQLite format 3\x00")
	binary.BigEndian.PutUint16(h[16:], pageSize)
	h[18], h[19] = 1, 1                   // the legacy (rollback journal) format, to write and to read
	h[20] = 0                             // no bytes reserved at a page's end
	h[21], h[22], h[23] = 64, 32, 32      // the payload fractions, which must be these
	binary.BigEndian.PutUint32(h[24:], 1) // the change counter
	binary.BigEndian.PutUint32(h[28:], f.pages)
	binary.BigEndian.PutUint32(h[40:], 1) // the schema cookie
	binary.BigEndian.PutUint32(h[44:], 4) // the schema format
	binary.BigEndian.PutUint32(h[56:], 1) // UTF-8
	binary.BigEndian.PutUint32(h[92:], 1) // the change counter the page count is valid for
	binary.BigEndian.PutUint32(h[96:], sqliteVersion)
	if err := f.w.Flush(); err != nil && f.err == nil {
		f.err = err
	}
	if _, err := f.f.WriteAt(f.first, 0); err != nil && f.err == nil {
		f.err = err
	}
	if err := f.f.Close(); err != nil && f.err == nil {
		f.err = err
	}
	return f.err
}

// sqliteVersion is the header's "version of SQLite that last wrote the
// file": the release whose format this package writes.
const sqliteVersion = 3046000

// Abort closes the file unfinished and removes it.
func (f *File) Abort() {
	f.f.Close()
	os.Remove(f.f.Name())
}
