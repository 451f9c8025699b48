package sqlfile

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// ftsCreate is the statement of the table the tests index.
const ftsCreate = `CREATE VIRTUAL TABLE fts USING fts5(tokens, content = '', columnsize = 0, tokenize = 'ascii')`

// ftsRows are n texts to index: CJK bigrams and ASCII words of a small
// vocabulary (a few in nearly every row: doclists over many pages, with
// doclist indexes), capitals and punctuation the tokenizer folds and
// splits at, empty rows, and a row of one token thousands of times (a
// position list over pages).
func ftsRows(n int) []string {
	rnd := rand.New(rand.NewSource(1))
	vocab := []string{"公积", "积金", "住房", "房公", "预算", "budget", "Fund", "2024", "x", "zz-top", "a.b", "Ünï"}
	for i := range 300 {
		vocab = append(vocab, fmt.Sprintf("w%d", i*i))
	}
	rows := make([]string, n)
	for i := range rows {
		var b strings.Builder
		if i%7 != 3 {
			b.WriteString("预算 common ")
		}
		for range rnd.Intn(12) {
			b.WriteString(vocab[rnd.Intn(len(vocab))])
			b.WriteString(" ")
		}
		if i == n/2 {
			b.WriteString(strings.Repeat("long ", 3000))
		}
		rows[i] = b.String()
	}
	return rows
}

// TestFTSAsSQLiteMerges: the index of rows is, record for record, the
// segment SQLite's FTS5 writes when it merges the same rows into one
// ('optimize'), whether the postings were held or written in runs and
// merged; and SQLite's checks pass on it. The rows are cut (CutRows) and
// added (AddCut) a few at a time, of consecutive rowids, a rowid left out
// between them.
func TestFTSAsSQLiteMerges(t *testing.T) {
	for _, n := range []int{0, 1, 40, 20000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			rows := ftsRows(n)
			dir := t.TempDir()
			ours := filepath.Join(dir, "ours.sqlite")
			f, err := create(ours)
			if err != nil {
				t.Fatal(err)
			}
			x := NewFTS()
			if n >= 40 { // in runs of a few rows' postings, merged
				x.max = 4 * n
			}
			rowids := make([]int64, len(rows))
			for i := 0; i < len(rows); {
				group := rows[i:min(len(rows), i+1+i%4)]
				first := int64(i + 1 + i/2)
				for j := range group {
					rowids[i+j] = first + int64(j)
				}
				if err := x.AddCut(first, len(group), CutRows(group)); err != nil {
					t.Fatal(err)
				}
				i += len(group)
			}
			schema, err := x.Write(f, "fts", ftsCreate)
			if err != nil {
				t.Fatal(err)
			}
			db := closeAndOpen(t, f, ours, schema)
			if _, err := db.Exec(`INSERT INTO fts(fts) VALUES('integrity-check')`); err != nil {
				t.Fatalf("fts5 integrity-check: %v", err)
			}

			theirs, err := sql.Open("sqlite", filepath.Join(dir, "theirs.sqlite"))
			if err != nil {
				t.Fatal(err)
			}
			defer theirs.Close()
			mustExec(t, theirs, ftsCreate)
			// in three transactions, three segments, which optimize merges
			for k := range 3 {
				tx, err := theirs.Begin()
				if err != nil {
					t.Fatal(err)
				}
				for i := k; i < len(rows); i += 3 {
					if _, err := tx.Exec(`INSERT INTO fts (rowid, tokens) VALUES (?, ?)`, rowids[i], rows[i]); err != nil {
						t.Fatal(err)
					}
				}
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			mustExec(t, theirs, `INSERT INTO fts(fts) VALUES('optimize')`)

			want, got := ftsRecords(t, theirs), ftsRecords(t, db)
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range want {
					if !yield(k) {
						return
					}
				}
			}) {
				if got[k] != want[k] {
					t.Errorf("%s: %q, SQLite's %q", k, trim(got[k]), trim(want[k]))
				}
			}
			for k := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("%s: %q, not in SQLite's", k, trim(got[k]))
				}
			}
			for _, q := range []string{"公积", "预算", "budget", "fund", "FUND", "zz", "top", "a", "b", "ünï", "w4", "long", "common", "公积 AND 住房", "nothing"} {
				if a, b := matches(t, db, q), matches(t, theirs, q); !slices.Equal(a, b) {
					t.Errorf("MATCH %q: %d rows, SQLite's %d", q, len(a), len(b))
				}
			}
		})
	}
}

func trim(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

func mustExec(t *testing.T, db *sql.DB, q string) {
	t.Helper()
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// ftsRecords are the index's records, named so that the same record of
// another segment id has the same name: the averages, each leaf and
// doclist index page, each %_idx row (not the structure record, which
// holds the segment's id and what merged it).
func ftsRecords(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	rows, err := db.Query(`SELECT id, block FROM fts_data WHERE id != 10`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var b []byte
		if err := rows.Scan(&id, &b); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("data %d", id&(1<<37-1))] = string(b)
	}
	rows.Close()
	rows, err = db.Query(`SELECT term, pgno FROM fts_idx`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var term []byte
		var pgno int64
		if err := rows.Scan(&term, &pgno); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("idx %q", term)] = fmt.Sprint(pgno)
	}
	return out
}

func matches(t *testing.T, db *sql.DB, q string) []int64 {
	t.Helper()
	rows, err := db.Query(`SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid`, q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

// TestAddCutRefuses: rows cut that are not as many as said, or whose
// terms name a row past them or the same row twice, or whose position
// lists are empty or cut short, are refused.
func TestAddCutRefuses(t *testing.T) {
	cut := CutRows([]string{"ab cd", "cd"})
	if err := NewFTS().AddCut(1, 2, cut); err != nil {
		t.Fatal(err)
	}
	if err := NewFTS().AddCut(1, 3, cut); err == nil {
		t.Error("2 rows cut added as 3")
	}
	// the term cd of 2 rows: its first row, then its doclist (each later
	// row after the difference from the one before, each position list
	// after its size times 2)
	for _, c := range []struct {
		what  string
		first uint64
		list  []byte
	}{
		{"row 0, then row 0 again", 0, []byte{2, 2, 0, 2, 2}},
		{"row 0, then row 2", 0, []byte{2, 2, 2, 2, 2}},
		{"row 2", 2, []byte{2, 2}},
		{"an empty position list", 0, []byte{0}},
		{"a position list cut short", 0, []byte{4, 2}},
		{"a size that is not twice a length", 0, []byte{3, 2}},
		{"no position list", 0, nil},
	} {
		b := binary.AppendUvarint(nil, 2)
		b = binary.AppendUvarint(b, 2)
		b = binary.AppendUvarint(append(binary.AppendUvarint(b, 2), "cd"...), c.first)
		b = append(binary.AppendUvarint(b, uint64(len(c.list))), c.list...)
		if err := NewFTS().AddCut(1, 2, b); err == nil {
			t.Errorf("%s added", c.what)
		}
	}
	if err := NewFTS().AddCut(1, 2, cut[:len(cut)-1]); err == nil {
		t.Error("rows cut short added")
	}
}

// cutRowsPlainly is CutRows as its comment reads, term by term and row by
// row over the rows' tokens.
func cutRowsPlainly(texts []string) []byte {
	var fold []byte
	toks := make([][]string, len(texts))
	var order []string
	seen := map[string]bool{}
	tokens := 0
	for r, text := range texts {
		eachToken(text, &fold, func(tok []byte) {
			toks[r] = append(toks[r], string(tok))
			if !seen[string(tok)] {
				seen[string(tok)] = true
				order = append(order, string(tok))
			}
		})
		tokens += len(toks[r])
	}
	out := binary.AppendUvarint(binary.AppendUvarint(nil, uint64(len(texts))), uint64(tokens))
	for _, term := range order {
		var doclist []byte
		first, last := -1, 0
		for r := range texts {
			var list []byte
			prev := 0
			for pos, tok := range toks[r] {
				if tok == term {
					list = appendVarint(list, uint64(pos-prev+2))
					prev = pos
				}
			}
			if list == nil {
				continue
			}
			if first < 0 {
				first = r
			} else {
				doclist = appendVarint(doclist, uint64(r-last))
			}
			doclist = append(appendVarint(doclist, uint64(len(list)*2)), list...)
			last = r
		}
		out = append(binary.AppendUvarint(out, uint64(len(term))), term...)
		out = binary.AppendUvarint(out, uint64(first))
		out = append(binary.AppendUvarint(out, uint64(len(doclist))), doclist...)
	}
	return out
}

// TestCutRowsPlainly: CutRows gives the bytes its comment describes, for
// rows of random words (repeated, in any case, some rows empty, some
// positions past 126 so that their varints take two bytes), call after
// call (what one call leaves for the next is not read), and allocates no
// more than what it returns and its terms' names once it has cut rows as
// large.
func TestCutRowsPlainly(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	words := []string{"ab", "AB", "cd", "一般", "公共", "x1", "2024", "e", "预算"}
	for range 2000 {
		texts := make([]string, r.Intn(6))
		for i := range texts {
			var b strings.Builder
			n := r.Intn(12)
			if r.Intn(10) == 0 {
				n = 300
			}
			for range n {
				b.WriteString(words[r.Intn(len(words))])
				b.WriteString([]string{" ", ", ", "-", "  "}[r.Intn(4)])
			}
			texts[i] = b.String()
		}
		if got, want := CutRows(texts), cutRowsPlainly(texts); !bytes.Equal(got, want) {
			t.Fatalf("CutRows(%q) = %x, want %x", texts, got, want)
		}
	}
	var texts []string
	for i := range 200 {
		texts = append(texts, fmt.Sprintf("t%d u%d v%d w%d", i, i%7, i%13, i%29))
	}
	CutRows(texts)
	// the result, and a name per term (the 200 rows hold 249 terms), with
	// room for a collection that empties the pool
	if n := testing.AllocsPerRun(20, func() { CutRows(texts) }); n > 400 {
		t.Errorf("CutRows allocates %v times for rows it has cut before", n)
	}
}

// TestMergeCuts: the cuts of runs of rows that follow each other, merged,
// are the cut of all of their rows (some runs empty, some of one row, a
// term in runs apart); cuts cut wrongly or of other counts are refused.
func TestMergeCuts(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	words := []string{"ab", "cd", "一般", "公共", "x1", "2024", "预算"}
	for range 500 {
		var all []string
		var cuts [][]byte
		var rows []int
		for range r.Intn(5) {
			texts := make([]string, r.Intn(4))
			for i := range texts {
				var b strings.Builder
				for range r.Intn(200) {
					b.WriteString(words[r.Intn(len(words))] + " ")
				}
				texts[i] = b.String()
			}
			all = append(all, texts...)
			cuts, rows = append(cuts, CutRows(texts)), append(rows, len(texts))
		}
		got, err := MergeCuts(cuts, rows)
		if want := CutRows(all); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%q merged: %x (%v), want %x", all, got, err, want)
		}
	}
	a, b := CutRows([]string{"ab cd", "cd"}), CutRows([]string{"cd"})
	if _, err := MergeCuts([][]byte{a, b}, []int{2, 2}); err == nil {
		t.Error("1 row merged as 2")
	}
	if _, err := MergeCuts([][]byte{a, b[:len(b)-1]}, []int{2, 1}); err == nil {
		t.Error("a cut cut short merged")
	}
}
