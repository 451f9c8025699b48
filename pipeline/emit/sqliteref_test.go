package emit

import (
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // database/sql driver
)

// sqliteDB writes budgetpub.sqlite with SQLite itself, as the build did
// before it had its own writer (database): the same statements, the
// same rows in one transaction, the indexes made after the rows. Tests
// compare the two files (WithSQLite).
type sqliteDB struct {
	db      *sql.DB
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	tables  []*stream
	rowids  map[*stream]*rowids
	entries rowids
	seg     int64
}

// WithSQLite makes the Writers write budgetpub.sqlite with SQLite itself
// (sqliteDB) until the function it returns is called.
func WithSQLite() (restore func()) {
	old := openDatabase
	openDatabase = func(path string, tables []*stream) (dbWriter, error) { return openSQLite(path, tables) }
	return func() { openDatabase = old }
}

func openSQLite(path string, tables []*stream) (*sqliteDB, error) {
	os.Remove(path)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	d := &sqliteDB{db: db, stmts: map[string]*sql.Stmt{}, tables: tables, rowids: map[*stream]*rowids{}}
	if d.tx, err = db.Begin(); err != nil {
		db.Close()
		return nil, err
	}
	prepare := func(name, q string) error {
		s, err := d.tx.Prepare(q)
		d.stmts[name] = s
		return err
	}
	for _, t := range tables {
		if _, err := d.tx.Exec(createTable(t)); err != nil {
			d.abort()
			return nil, err
		}
		d.rowids[t] = &rowids{}
		var names []string
		for _, f := range t.fields {
			names = append(names, f.Name)
		}
		marks := strings.Repeat(",?", len(t.fields))
		if err := prepare(t.spec.name, fmt.Sprintf("INSERT INTO %q (rowid, %s) VALUES (?%s)", t.spec.name, quoteAll(names), marks)); err != nil {
			d.abort()
			return nil, err
		}
	}
	for _, q := range []string{createEntries, createFTS, createSearch} {
		if _, err := d.tx.Exec(q); err != nil {
			d.abort()
			return nil, err
		}
	}
	if err := prepare("fts_entries", `INSERT INTO fts_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		d.abort()
		return nil, err
	}
	if err := prepare("fts", `INSERT INTO fts (rowid, tokens) VALUES (?, ?)`); err != nil {
		d.abort()
		return nil, err
	}
	return d, nil
}

func (d *sqliteDB) insert(t *stream, cells [][]string, _ rowsSum) error {
	args := make([]any, 1+len(t.fields))
	for _, row := range cells {
		args[0] = d.rowids[t].next()
		for j, c := range row {
			var v any
			switch {
			case c == "":
			case t.fields[j].Type == "integer":
				v, _ = strconv.ParseInt(c, 10, 64)
			case t.fields[j].Type == "number":
				v, _ = strconv.ParseFloat(c, 64)
			default:
				v = c
			}
			args[1+j] = v
		}
		if _, err := d.stmts[t.spec.name].Exec(args...); err != nil {
			return err
		}
	}
	return nil
}

func (d *sqliteDB) index(entries []SearchEntry, _ []byte) error {
	nullable := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	for _, e := range entries {
		rowid := d.entries.next()
		var line, amount any
		if e.Line > 0 {
			line = int64(e.Line)
		}
		if e.Amount != "" {
			amount, _ = strconv.ParseFloat(e.Amount, 64)
		}
		if _, err := d.stmts["fts_entries"].Exec(rowid, e.Kind, e.DocumentID, e.Text, nullable(e.TextEn), nullable(e.Pointer), line, int64(e.File), amount); err != nil {
			return err
		}
		if _, err := d.stmts["fts"].Exec(rowid, e.Tokens()); err != nil {
			return err
		}
	}
	return nil
}

// cut gives the rows after the rowids database gives them.
func (d *sqliteDB) cut() error {
	d.seg++
	for _, r := range d.rowids {
		r.cut(d.seg)
	}
	d.entries.cut(d.seg)
	return nil
}

// SQLite writes every page itself: none is kept.
func (d *sqliteDB) keepPages(_, _, _ string, _ bool)    {}
func (d *sqliteDB) pagesKept(string) (pagesKept, error) { return pagesKept{}, nil }

func (d *sqliteDB) close() error {
	for _, t := range d.tables {
		for _, x := range tableIndexes(t) {
			if x.create == "" {
				continue
			}
			if _, err := d.tx.Exec(x.create); err != nil {
				d.abort()
				return err
			}
		}
	}
	if err := d.tx.Commit(); err != nil {
		d.db.Close()
		return err
	}
	return d.db.Close()
}

func (d *sqliteDB) abort() {
	d.tx.Rollback()
	d.db.Close()
}
