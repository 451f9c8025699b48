package emit_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"budgetpub/gen"
	"budgetpub/pipeline"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// TestDatabaseAsSQLiteWrites: budgetpub.sqlite as our writer makes it
// holds what SQLite itself makes of the same documents (emit.WithSQLite):
// the same sqlite_schema, every table's rows with their types, the same
// full-text index (every term, in how many rows, how often) and the same
// rows found by MATCH; and SQLite's checks pass on it: integrity_check,
// foreign_key_check, FTS5's integrity-check.
func TestDatabaseAsSQLiteWrites(t *testing.T) {
	docs, texts := databaseCorpus(t)
	exec := emit.ExecutionRows(docs[1], docs[2]) // the corpus's budget and final accounts
	build := func() string {
		dir := t.TempDir()
		w, err := emit.NewWriter(dir, "test")
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range docs {
			var x []emit.ExecutionRow
			if i == 2 {
				x = exec
			}
			r, err := emit.RowsOf(d, x)
			if err == nil {
				_, err = w.Add(d, r)
			}
			if err == nil {
				sentences := emit.Sentences(d, [][]string{strings.Split(texts[i], "\n")})
				err = w.AddSentences(sentences, emit.FTSTerms(sentences))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, "budgetpub.sqlite")
	}
	restore := emit.WithSQLite()
	want := build()
	restore()
	got := build()

	db := openDB(t, got)
	ref := openDB(t, want)
	for _, q := range []string{"PRAGMA integrity_check", "PRAGMA foreign_key_check"} {
		rows := queryAll(t, db, q)
		if q == "PRAGMA integrity_check" && (len(rows) != 1 || rows[0] != "ok") || q != "PRAGMA integrity_check" && len(rows) != 0 {
			t.Errorf("%s: %q", q, rows)
		}
	}
	if _, err := db.Exec(`INSERT INTO fts(fts) VALUES('integrity-check')`); err != nil {
		t.Errorf("fts5 integrity-check: %v", err)
	}

	// the documents start segments (see rowidShift): rowids past 1<<16
	if segs := queryAll(t, db, `SELECT count(DISTINCT rowid >> 16) FROM line_items`); len(segs) != 1 || segs[0] == "1" {
		t.Errorf("the rows of %q segments: the test tests no cut", segs)
	}
	schemaQ := `SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid`
	compare(t, db, ref, schemaQ)
	tables := queryAll(t, ref, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'fts%' OR name = 'fts_entries' ORDER BY rowid`)
	if len(tables) < 11 {
		t.Fatalf("tables %q", tables)
	}
	for _, name := range tables {
		n := len(queryAll(t, ref, fmt.Sprintf("SELECT 1 FROM %q", name)))
		if n == 0 && name != "indicators" {
			t.Errorf("%s: no rows, the test tests nothing there", name)
		}
		cols := queryAll(t, ref, fmt.Sprintf("SELECT name FROM pragma_table_info(%q)", name))
		for i, c := range cols {
			cols[i] = fmt.Sprintf("quote(%q)", c)
		}
		compare(t, db, ref, fmt.Sprintf("SELECT rowid, %s FROM %q ORDER BY rowid", strings.Join(cols, ", "), name))
	}

	for _, d := range []*sql.DB{db, ref} {
		if _, err := d.Exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, row)`); err != nil {
			t.Fatal(err)
		}
	}
	compare(t, db, ref, `SELECT term, doc, cnt FROM temp.vocab`)
	terms := queryAll(t, ref, `SELECT term FROM temp.vocab`)
	if len(terms) < 1000 {
		t.Fatalf("%d terms", len(terms))
	}
	asked := []string{"公积", "预算", "支出", "budget", "expenditure", "公积 AND 金", `"部门 门预 预算"`, `NEAR(公积 金, 5)`}
	for i := 0; i < len(terms); i += len(terms) / 200 {
		asked = append(asked, `"`+terms[i]+`"`)
	}
	for _, q := range asked {
		compare(t, db, ref, fmt.Sprintf(`SELECT rowid, kind, document_id, text FROM search WHERE fts MATCH '%s' ORDER BY rowid`, strings.ReplaceAll(q, "'", "''")))
	}
}

// databaseCorpus are the real texts of data/ and generated ones of every
// family, extracted, with their texts; the corpus's seed, budget and
// final accounts first (corpus).
func databaseCorpus(t *testing.T) ([]*schema.Document, []string) {
	t.Helper()
	out := t.TempDir()
	if err := gen.Generate(gen.Options{N: 2, Out: out, Seed: 7, Inject: 0.3}); err != nil {
		t.Fatal(err)
	}
	first := []string{
		"../../data/000_70dee09d8603147c.txt",
		"../../data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.txt",
		"../../data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt",
	}
	more, _ := filepath.Glob("../../data/corpus/*.txt")
	generated, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	sort.Strings(generated)
	var docs []*schema.Document
	var texts []string
	seen := map[string]bool{}
	for _, f := range slices.Concat(first, more, generated) {
		if seen[filepath.Base(f)] {
			continue
		}
		seen[filepath.Base(f)] = true
		d, err := pipeline.ExtractFile(context.Background(), f, "")
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		texts = append(texts, string(text))
	}
	return docs, texts
}

func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// queryAll is every row of q, its columns joined by tabs.
func queryAll(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		s := make([]string, len(cols))
		for i, v := range vals {
			s[i] = v.String
			if !v.Valid {
				s[i] = "NULL"
			}
		}
		out = append(out, strings.Join(s, "\t"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// compare: q gives the same rows in got's database as in SQLite's.
func compare(t *testing.T, got, want *sql.DB, q string) {
	t.Helper()
	g, w := queryAll(t, got, q), queryAll(t, want, q)
	if slices.Equal(g, w) {
		return
	}
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			t.Errorf("%s: row %d is\n%q, SQLite's\n%q", q, i, g[i], w[i])
			return
		}
	}
	t.Errorf("%s: %d rows, SQLite's %d", q, len(g), len(w))
}
