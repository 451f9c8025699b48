package emit

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"budgetpub/pipeline/emit/sqlfile"
)

// dbWriter writes budgetpub.sqlite: every table's rows, in the order they
// come, and the search entries; cut starts a segment (see rowids); close
// finishes the file, abort drops it.
type dbWriter interface {
	insert(t *stream, cells [][]string, sum rowsSum) error
	index(entries []SearchEntry, terms []byte) error
	cut() error
	close() error
	abort()
	// keepPages keeps the pages of the segments (pageStore) in path, for
	// the code code, copying from the release in from those it kept
	// before, with reuse; it comes before the first cut
	keepPages(path, code, from string, reuse bool)
	// pagesKept ends the pages kept, of the file closed whose sha256 is
	// sum, and tells how many segments were copied and made
	pagesKept(sum string) (pagesKept, error)
}

// pagesKept counts the segments whose pages were copied and made, and
// whose terms' merge was copied and made.
type pagesKept struct{ copied, made, termsCopied, termsMerged int }

// rowidShift: the rows of a table in the documents of the segment s (the
// s-th cut, see startsSegment) take the rowids after s<<rowidShift (after
// the segment's before's, when those went past it), not the next after
// the rows before, so that a document that gains or loses a row shifts
// the rowids of its own segment's rows only: the leaves of the
// segments after it are the same bytes from one run to the next (the
// bundle, which held the database, copied their deflate; nothing uses
// that now). 65,536 rows a table a segment of
// about 16 documents; the rowids are 4 bytes instead of 3 at 10,000
// documents.
const rowidShift = 16

// rowids gives a table's rowids: in order, from one segment to the next
// as rowidShift says.
type rowids struct{ last int64 }

func (r *rowids) next() int64 {
	r.last++
	return r.last
}

// cut starts the segment s.
func (r *rowids) cut(s int64) { r.last = max(r.last, s<<rowidShift) }

// openDatabase starts budgetpub.sqlite at path with the tables.
var openDatabase = func(path string, tables []*stream) (dbWriter, error) { return newDatabase(path, tables) }

// database writes every table into one SQLite file with our own writer
// of its format (sqlfile), not SQLite: its rows as they come, its indexes
// (a primary key's, and on the join columns) and the full-text index
// (searchSchema) made whole at the end. The file is the rows' bytes in
// the rows' order, with primary keys, foreign keys to documents and
// indexes, as SQLite itself would hold them: a rebuild gives the bytes a
// full build gives.
type database struct {
	f       *sqlfile.File
	tables  map[*stream]*dbTable
	order   []*dbTable
	entries *sqlfile.Table // fts_entries
	fts     *sqlfile.FTS
	n       rowids // of fts_entries
	seg     int64  // segments cut
	rec     sqlfile.Record
	buf     []byte
	// the segment under way: what it adds, held until it ends, what
	// makes its pages (segKey) and its entries' first rowid; the pages
	// kept (keepPages), and the terms of its entries (MergeCuts) under
	// the same key
	ops                      []dbOp
	key                      []byte
	entry                    int64
	pages                    *pageStore
	terms                    *segStore
	cuts                     [][]byte
	cutRows                  []int
	termsCopied, termsMerged int
}

// dbOp is what a segment adds: a table's rows, or (t nil) search entries
// and their terms.
type dbOp struct {
	t       *dbTable
	cells   [][]string
	entries []SearchEntry
	terms   []byte
}

// dbTable is a table being written, and its indexes.
type dbTable struct {
	s       *stream
	t       *sqlfile.Table
	create  string
	types   []byte // each column's (columnType)
	rows    rowids
	indexes []*dbIndex // the primary key's first
}

// What a column holds, as its field's type says: a text, an integer or a
// real (see cell).
const (
	colText = iota
	colInteger
	colReal
)

// columnTypes are the fields' columns' types (colText …), told once, not
// at every cell.
func columnTypes(fields []Field) []byte {
	out := make([]byte, len(fields))
	for j, f := range fields {
		switch f.Type {
		case "integer":
			out[j] = colInteger
		case "number":
			out[j] = colReal
		}
	}
	return out
}

// dbIndex is an index of a table: its columns, its entries, and the
// statement that made it ("" for a primary key's, which SQLite makes).
type dbIndex struct {
	name, create string
	cols         []int
	x            *sqlfile.Index
}

// createTable is the statement of a table: its columns typed by the
// fields' types, its primary key, its foreign key to documents.
func createTable(s *stream) string {
	var cols []string
	for _, f := range s.fields {
		typ := "TEXT"
		switch f.Type {
		case "number":
			typ = "REAL"
		case "integer":
			typ = "INTEGER"
		}
		cols = append(cols, fmt.Sprintf("%q %s", f.Name, typ))
	}
	if len(s.spec.key) > 0 {
		cols = append(cols, fmt.Sprintf("PRIMARY KEY (%s)", quoteAll(s.spec.key)))
	}
	if s.spec.fk {
		cols = append(cols, `FOREIGN KEY ("document_id") REFERENCES "documents" ("id")`)
	}
	return fmt.Sprintf("CREATE TABLE %q (\n  %s\n)", s.spec.name, strings.Join(cols, ",\n  "))
}

// tableIndexes are a table's indexes: its primary key's, then one on
// document_id and one on code, for those of its columns not first in
// its primary key.
func tableIndexes(s *stream) []*dbIndex {
	column := func(name string) int {
		for j, f := range s.fields {
			if f.Name == name {
				return j
			}
		}
		return -1
	}
	var out []*dbIndex
	if len(s.spec.key) > 0 {
		x := &dbIndex{name: "sqlite_autoindex_" + s.spec.name + "_1", x: sqlfile.NewIndex(len(s.spec.key), true)}
		for _, k := range s.spec.key {
			x.cols = append(x.cols, column(k))
		}
		out = append(out, x)
	}
	for _, c := range []string{"document_id", "code"} {
		if j := column(c); j >= 0 && !(len(s.spec.key) > 0 && s.spec.key[0] == c) {
			out = append(out, &dbIndex{name: s.spec.name + "_" + c, cols: []int{j}, x: sqlfile.NewIndex(1, false),
				create: fmt.Sprintf("CREATE INDEX %q ON %q (%q)", s.spec.name+"_"+c, s.spec.name, c)})
		}
	}
	return out
}

func newDatabase(path string, tables []*stream) (*database, error) {
	out, err := CreateNew(path)
	if err != nil {
		return nil, err
	}
	f := sqlfile.New(out)
	d := &database{f: f, tables: map[*stream]*dbTable{}, entries: f.NewTable(), fts: sqlfile.NewFTS(), pages: openPages("", "", "", false)}
	for _, s := range tables {
		t := &dbTable{s: s, t: f.NewTable(), create: createTable(s), types: columnTypes(s.fields), indexes: tableIndexes(s)}
		d.tables[s] = t
		d.order = append(d.order, t)
	}
	d.begin()
	return d, nil
}

func (d *database) keepPages(path, code, from string, reuse bool) {
	d.pages = openPages(path, code, from, reuse)
	if path != "" {
		// a store that cannot be opened: the terms are merged at every run
		d.terms, _ = openSegStore(path+"-terms", code, reuse)
	}
}

func (d *database) pagesKept(sum string) (pagesKept, error) {
	err := d.pages.close(sum)
	if d.terms != nil {
		if terr := d.terms.close(); err == nil {
			err = terr
		}
		d.terms = nil
	}
	return pagesKept{d.pages.copied, d.pages.made, d.termsCopied, d.termsMerged}, err
}

// begin starts a segment's key: where each table's rowids start.
func (d *database) begin() {
	d.key = d.key[:0]
	for _, t := range d.order {
		d.key = binary.AppendUvarint(d.key, uint64(t.rows.last))
	}
	d.key = binary.AppendUvarint(d.key, uint64(d.n.last))
	d.entry = d.n.last + 1
}

// sqlTables are the tables a segment fills, in the order of its Stretch.
func (d *database) sqlTables() []*sqlfile.Table {
	out := make([]*sqlfile.Table, 0, len(d.order)+1)
	for _, t := range d.order {
		out = append(out, t.t)
	}
	return append(out, d.entries)
}

// end ends the segment under way: its pages copied from the file before
// when the pages kept there are what its rows make, else made of its
// rows; every table's leaf ended.
func (d *database) end() error {
	sum := sha256.Sum256(d.key)
	var k segKey
	copy(k[:], sum[:])
	tables := d.sqlTables()
	defer func() {
		clear(d.ops) // what they hold
		d.ops = d.ops[:0]
	}()
	copied := false
	if was, pages, ok := d.pages.found(k); ok {
		if s, err := d.f.Copy(was, pages, tables); err == nil {
			d.pages.copied++
			d.pages.add(k, s)
			d.apply(false)
			copied = true
		}
	}
	if !copied {
		m := d.f.Begin(tables)
		d.apply(true)
		d.pages.made++
		d.pages.add(k, d.f.End(m))
	}
	return d.addTerms(k)
}

// addTerms adds the terms of the segment's entries to the full-text
// index, all at once: their cuts merged (MergeCuts), or the merge kept
// under the segment's key k.
func (d *database) addTerms(k segKey) error {
	rows := int(d.n.last - d.entry + 1)
	if d.terms != nil {
		b, ok, err := d.terms.get(k, segTerms)
		if err != nil {
			return err
		}
		if ok {
			d.termsCopied++
			return d.fts.AddCut(d.entry, rows, b)
		}
	}
	d.cuts, d.cutRows = d.cuts[:0], d.cutRows[:0]
	for _, op := range d.ops {
		if op.t == nil {
			d.cuts, d.cutRows = append(d.cuts, op.terms), append(d.cutRows, len(op.entries))
		}
	}
	b, err := sqlfile.MergeCuts(d.cuts, d.cutRows)
	clear(d.cuts)
	d.termsMerged++
	if err != nil {
		return err
	}
	if d.terms != nil {
		if err := d.terms.keep(k, b, segTerms); err != nil {
			return err
		}
	}
	return d.fts.AddCut(d.entry, rows, b)
}

// apply adds the segment's ops: the tables' rows (with records, when
// rows; else only their rowids and index entries, the pages being
// copied) and the search entries (likewise).
func (d *database) apply(rows bool) {
	for _, op := range d.ops {
		if op.t == nil {
			d.addEntries(op.entries, rows)
		} else {
			d.addRows(op.t, op.cells, rows)
		}
	}
}

// cell appends a cell to the record as its column (of the type typ)
// holds it: "" as NULL, an integer's or a number's text as its value (0
// when it is none), a text as it is.
func (d *database) cell(typ byte, c string) {
	switch {
	case c == "":
		d.rec.Null()
	case typ == colInteger:
		v, _ := strconv.ParseInt(c, 10, 64)
		d.rec.Int(v)
	case typ == colReal:
		v, _ := strconv.ParseFloat(c, 64)
		d.rec.Real(v)
	default:
		d.rec.Text(c)
	}
}

// insert adds a table's rows, whose sum is sum (tableSum), to the
// segment under way.
func (d *database) insert(s *stream, cells [][]string, sum rowsSum) error {
	t := d.tables[s]
	d.ops = append(d.ops, dbOp{t: t, cells: cells})
	d.key = append(d.key, 'r')
	d.key = binary.AppendUvarint(d.key, uint64(slices.Index(d.order, t)))
	d.key = append(d.key, sum[:]...)
	return nil
}

// addRows adds a table's rows: each row's index entries, and its record
// when rows is set.
func (d *database) addRows(t *dbTable, cells [][]string, rows bool) {
	for _, row := range cells {
		rowid := t.rows.next()
		if rows {
			d.rec.Reset()
			for j, c := range row {
				d.cell(t.types[j], c)
			}
			d.buf = d.rec.AppendTo(d.buf[:0])
			t.t.Insert(rowid, d.buf)
		}
		for _, x := range t.indexes {
			d.rec.Reset()
			for _, j := range x.cols {
				d.cell(t.types[j], row[j])
			}
			d.rec.Int(rowid)
			d.buf = d.rec.AppendTo(d.buf[:0])
			x.x.Add(d.buf)
		}
	}
}

// cut ends the segment under way (every table's leaf is ended) and
// starts the next.
func (d *database) cut() error {
	if err := d.end(); err != nil {
		return err
	}
	d.seg++
	for _, t := range d.order {
		t.rows.cut(d.seg)
	}
	d.n.cut(d.seg)
	d.begin()
	return nil
}

func (d *database) close() error {
	// the last segment's leaves end before the interior pages, indexes
	// and full-text index
	if err := d.end(); err != nil {
		d.abort()
		return err
	}
	var schema []sqlfile.SchemaRow
	var indexes []sqlfile.SchemaRow
	for _, t := range d.order {
		name := t.s.spec.name
		schema = append(schema, sqlfile.SchemaRow{Type: "table", Name: name, Table: name, Root: t.t.Finish(), SQL: t.create})
		for _, x := range t.indexes {
			root, err := d.f.WriteIndex(x.x)
			if errors.Is(err, sqlfile.ErrDuplicate) {
				err = fmt.Errorf("UNIQUE constraint failed: %s.%s", name, strings.Join(t.s.spec.key, ", "+name+"."))
			}
			if err != nil {
				d.abort()
				return err
			}
			row := sqlfile.SchemaRow{Type: "index", Name: x.name, Table: name, Root: root, SQL: x.create}
			if x.create == "" { // a primary key's, SQLite's, with its table
				schema = append(schema, row)
			} else { // made after the rows, in the order of the tables
				indexes = append(indexes, row)
			}
		}
	}
	search, err := d.searchSchema()
	if err != nil {
		d.abort()
		return err
	}
	schema = append(schema, search...)
	return d.f.Close(append(schema, indexes...))
}

// abort drops the file and the runs its indexes wrote.
func (d *database) abort() {
	for _, t := range d.order {
		for _, x := range t.indexes {
			x.x.Drop()
		}
	}
	d.fts.Drop()
	d.pages.abort()
	if d.terms != nil {
		d.terms.abort()
	}
	d.f.Abort()
}
