package sqlfile

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // database/sql driver: SQLite reads what was written
)

// create starts a database at path.
func create(path string) (*File, error) {
	out, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return New(out), nil
}

// closeAndOpen closes f, at path, with its schema, and opens it with
// SQLite, whose own checks pass on it: integrity_check is ok,
// foreign_key_check finds nothing.
func closeAndOpen(t *testing.T, f *File, path string, schema []SchemaRow) *sql.DB {
	t.Helper()
	if err := f.Close(schema); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for rows.Next() {
		var m string
		rows.Scan(&m)
		msgs = append(msgs, m)
	}
	rows.Close()
	if len(msgs) != 1 || msgs[0] != "ok" {
		t.Fatalf("integrity_check: %s", strings.Join(msgs, "\n"))
	}
	rows, err = db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Fatal("foreign_key_check found a row")
	}
	return db
}

// TestTablesAndIndexes: tables of many rows, of rows with big payloads
// (overflow pages), empty, of leaves ended early (Cut), with indexes of several columns and NULLs, a
// WITHOUT ROWID table and a schema of more than a page read back by
// SQLite as written.
func TestTablesAndIndexes(t *testing.T) {
	for _, n := range []int{0, 1, 3, 500, 20000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t.sqlite")
			f, err := create(path)
			if err != nil {
				t.Fatal(err)
			}
			type row struct {
				a    string
				b    int64
				c    float64
				null bool
			}
			rows := make([]row, n)
			tab := f.NewTable()
			var r Record
			var rec []byte
			for i := range rows {
				x := row{a: fmt.Sprintf("k%07d", (i*7919)%n), b: int64(i*i) - 5000, c: float64(i/8) / 2, null: i%5 == 0}
				if i%997 == 3 {
					x.a += strings.Repeat("长", 1000+i%5000) // overflows, in the table and the index
				}
				rows[i] = x
				r.Reset()
				r.Text(x.a)
				r.Int(x.b)
				r.Real(x.c)
				if x.null {
					r.Null()
				} else {
					r.Text(x.a[:3])
				}
				rec = r.AppendTo(rec[:0])
				tab.Insert(int64(i+1), rec)
				if n <= 3 || i%61 == 60 { // leaves ended early: each of a few rows, the last one's too
					tab.Cut()
				}
			}
			root := tab.Finish()
			// the index on (d, a), d NULL first, and on (c, a): integers
			// and reals, the rows in its order of c, not of a
			da, cb := NewIndex(2, false), NewIndex(2, true)
			if n >= 500 { // sorted in runs of a few KB, merged
				da.max, cb.max = 4096, 1000
			}
			for i, x := range rows {
				r.Reset()
				if x.null {
					r.Null()
				} else {
					r.Text(x.a[:3])
				}
				r.Text(x.a)
				r.Int(int64(i + 1))
				da.Add(r.AppendTo(rec[:0]))
				r.Reset()
				r.Real(x.c)
				r.Text(x.a)
				r.Int(int64(i + 1))
				cb.Add(r.AppendTo(rec[:0]))
			}
			idx, err := f.WriteIndex(da)
			if err != nil {
				t.Fatal(err)
			}
			idx2, err := f.WriteIndex(cb)
			if err != nil {
				t.Fatal(err)
			}
			w := &indexTree{f: f}
			for i := range 3 {
				r.Reset()
				r.Text(string(rune('a' + i)))
				r.Int(int64(i))
				w.add(r.AppendTo(rec[:0]))
			}
			wr := w.finish()
			schema := []SchemaRow{
				{"table", "t", "t", root, `CREATE TABLE t (a TEXT, b INTEGER, c REAL, d TEXT)`},
				{"index", "t_d", "t", idx, `CREATE INDEX t_d ON t (d, a)`},
				{"index", "t_ca", "t", idx2, `CREATE UNIQUE INDEX t_ca ON t (c, a)`},
				{"table", "w", "w", wr, `CREATE TABLE w (k PRIMARY KEY, v) WITHOUT ROWID`},
			}
			for i := range 40 {
				schema = append(schema, SchemaRow{"view", fmt.Sprintf("v%d", i), fmt.Sprintf("v%d", i), 0,
					fmt.Sprintf("CREATE VIEW v%d AS SELECT a, b, c, d, %q AS pad FROM t", i, strings.Repeat("x", 100))})
			}
			db := closeAndOpen(t, f, path, schema)
			q, err := db.Query("SELECT rowid, a, b, c, d FROM t ORDER BY rowid")
			if err != nil {
				t.Fatal(err)
			}
			i := 0
			for q.Next() {
				var id, b int64
				var a string
				var c float64
				var d sql.NullString
				if err := q.Scan(&id, &a, &b, &c, &d); err != nil {
					t.Fatal(err)
				}
				x := rows[i]
				if id != int64(i+1) || a != x.a || b != x.b || c != x.c || d.Valid == x.null {
					t.Fatalf("row %d: %d %.20q %d %g %v", i, id, a, b, c, d)
				}
				i++
			}
			q.Close()
			if i != n {
				t.Fatalf("%d rows, want %d", i, n)
			}
			var got int
			if err := db.QueryRow("SELECT count(*) FROM t INDEXED BY t_d WHERE d IS NULL OR d >= ''").Scan(&got); err != nil || got != n {
				t.Fatalf("by the index: %d rows, %v", got, err)
			}
			if err := db.QueryRow("SELECT count(*) FROM t INDEXED BY t_ca WHERE c > -1").Scan(&got); err != nil || got != n {
				t.Fatalf("by the index of numbers: %d rows, %v", got, err)
			}
			var v int
			if err := db.QueryRow("SELECT v FROM w WHERE k = 'b'").Scan(&v); err != nil || v != 1 {
				t.Fatalf("without rowid: %d, %v", v, err)
			}
		})
	}
}

// TestUniqueIndex: a unique index refuses two entries of the same key,
// unless a value of the key is NULL, in the same run or in two.
func TestUniqueIndex(t *testing.T) {
	f, err := create(filepath.Join(t.TempDir(), "t.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	var r Record
	entry := func(x *Index, a string, null bool, rowid int64) {
		r.Reset()
		r.Text(a)
		if null {
			r.Null()
		} else {
			r.Text("b")
		}
		r.Int(rowid)
		x.Add(r.AppendTo(nil))
	}
	for _, max := range []int{spillBytes, 1} {
		ok, dup := NewIndex(2, true), NewIndex(2, true)
		for i, x := range []*Index{ok, dup} {
			x.max = max
			entry(x, "a", false, 1)
			entry(x, "a", true, 2)
			entry(x, "a", true, 3)
			entry(x, "a", i == 0, 4)
		}
		if _, err := f.WriteIndex(ok); err != nil {
			t.Errorf("NULLs in keys: %v", err)
		}
		if _, err := f.WriteIndex(dup); err != ErrDuplicate {
			t.Errorf("a duplicate key: %v", err)
		}
		if dup.runs.Any() {
			t.Error("the runs' file is left")
		}
		// runs in order, written one after the other: a key again in the
		// run after
		inOrder := NewIndex(2, true)
		inOrder.max = max
		entry(inOrder, "a", false, 1)
		entry(inOrder, "b", false, 2)
		entry(inOrder, "b", false, 3)
		if _, err := f.WriteIndex(inOrder); err != ErrDuplicate {
			t.Errorf("a duplicate key in runs in order: %v", err)
		}
	}
}

// TestIndexRunsInOrder: an index's entries held, or written in runs that
// each end before the next starts (a document's entries after the
// document before's), or in runs that do not (the documents backwards),
// make the same pages.
func TestIndexRunsInOrder(t *testing.T) {
	var files [][]byte
	for _, c := range []struct {
		max       int
		backwards bool
	}{{spillBytes, false}, {1000, false}, {1000, true}} {
		path := filepath.Join(t.TempDir(), "t.sqlite")
		f, err := create(path)
		if err != nil {
			t.Fatal(err)
		}
		x := NewIndex(2, true)
		x.max = c.max
		var r Record
		for d := range 300 {
			if c.backwards {
				d = 299 - d
			}
			for k := range 7 {
				r.Reset()
				r.Text(fmt.Sprintf("doc%04d", d))
				r.Text(fmt.Sprintf("/items/%d", (k*5)%7)) // a document's entries out of order
				r.Int(int64(d*7 + k + 1))
				x.Add(r.AppendTo(nil))
			}
		}
		if c.max < spillBytes && !x.runs.Any() {
			t.Fatal("no runs")
		}
		root, err := f.WriteIndex(x)
		if err != nil {
			t.Fatal(err)
		}
		tab := f.NewTable().Finish()
		if err := f.Close([]SchemaRow{{"table", "t", "t", tab, "CREATE TABLE t (d, p)"}, {"index", "t_dp", "t", root, "CREATE UNIQUE INDEX t_dp ON t (d, p)"}}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	for i := 1; i < len(files); i++ {
		if !bytes.Equal(files[0], files[i]) {
			t.Errorf("case %d: pages differ from those of the entries held", i)
		}
	}
}
