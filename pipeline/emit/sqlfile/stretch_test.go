package sqlfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStretchCopied: the pages two tables' rows fill from ended leaves,
// some rows with overflow pages (chains of one and of several), written
// as a Stretch of one file and copied (Copy) into another where more
// pages come before them, give the bytes of that file written row by row,
// which SQLite reads back whole; the Stretch, kept and read back
// (AppendBinary, ReadStretch), is the same. Pages damaged (a leaf's kind,
// an overflow page's number outside the stretch) are refused.
func TestStretchCopied(t *testing.T) {
	dir := t.TempDir()
	// write makes a file of tables a and b: a first stretch of before rows
	// each, then the stretch of the rows of middle, written (copy nil) or
	// copied from copy's pages, then one more row each
	type copied struct {
		s     Stretch
		pages []byte
	}
	write := func(name string, before int, from *copied) (Stretch, string) {
		path := filepath.Join(dir, name)
		f, err := create(path)
		if err != nil {
			t.Fatal(err)
		}
		a, b := f.NewTable(), f.NewTable()
		tables := []*Table{a, b}
		var r Record
		var rec []byte
		row := func(tab *Table, rowid int64, text string) {
			r.Reset()
			r.Int(rowid * 3)
			r.Text(text)
			rec = r.AppendTo(rec[:0])
			tab.Insert(rowid, rec)
		}
		for i := range before {
			row(a, int64(i+1), strings.Repeat("前", 1+50*i))
			row(b, int64(i+1), fmt.Sprint(i))
		}
		a.Cut()
		b.Cut()
		var s Stretch
		if from == nil {
			m := f.Begin(tables)
			for i := range 300 {
				text := fmt.Sprint("行", i)
				switch i % 50 {
				case 7:
					text = strings.Repeat("长", 2000) // one overflow page
				case 8:
					text = strings.Repeat("更长", 5000) // a chain of several
				}
				row(a, int64(1000+i), text)
				if i%3 == 0 {
					row(b, int64(1000+i), text)
				}
			}
			s = f.End(m)
		} else {
			if s, err = f.Copy(from.s, bytes.Clone(from.pages), tables); err != nil {
				t.Fatal(err)
			}
		}
		row(a, 5000, "后")
		row(b, 5000, "后")
		schema := []SchemaRow{
			{Type: "table", Name: "a", Table: "a", Root: a.Finish(), SQL: "CREATE TABLE a (x INTEGER, y TEXT)"},
			{Type: "table", Name: "b", Table: "b", Root: b.Finish(), SQL: "CREATE TABLE b (x INTEGER, y TEXT)"},
		}
		db := closeAndOpen(t, f, path, schema)
		var n int
		if err := db.QueryRow("SELECT count(*) FROM a WHERE length(y) = 10000").Scan(&n); err != nil || n != 6 {
			t.Fatalf("%s: %d rows of a chain read back (%v)", name, n, err)
		}
		return s, path
	}
	first, firstPath := write("first.sqlite", 3, nil)
	if first.Tables[0].Rows != 300 || first.Tables[1].Rows != 100 || len(first.Tables[0].Leaves) < 5 {
		t.Fatalf("the stretch: %+v", first)
	}
	data, err := os.ReadFile(firstPath)
	if err != nil {
		t.Fatal(err)
	}
	pages := data[first.Start*pageSize : (first.Start+first.Pages)*pageSize]
	kept, rest, err := ReadStretch(append(first.AppendBinary(nil), 'x'))
	if err != nil || string(rest) != "x" || fmt.Sprint(kept) != fmt.Sprint(first) {
		t.Fatalf("the stretch read back: %+v (%v, %q after), not %+v", kept, err, rest, first)
	}
	for _, before := range []int{3, 40} { // where it was, and 40 rows of long texts later
		name := fmt.Sprint("before", before)
		want, wantPath := write(name+"-written.sqlite", before, nil)
		got, gotPath := write(name+"-copied.sqlite", before, &copied{kept, pages})
		if before > 3 && got.Start == first.Start {
			t.Fatal("the stretch copied where it was")
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: copied, the stretch is %+v, written %+v", name, got, want)
		}
		a, _ := os.ReadFile(wantPath)
		b, _ := os.ReadFile(gotPath)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the file with the stretch copied is not the file written", name)
		}
	}
	// damaged: a leaf that is not one, an overflow page's number outside
	f, err := create(filepath.Join(dir, "damaged.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	tables := []*Table{f.NewTable(), f.NewTable()}
	leaf := bytes.Clone(pages)
	leaf[int(first.Tables[1].Leaves[0].Page-first.Start-1)*pageSize] = tableInterior
	if _, err := f.Copy(first, leaf, tables); err != ErrStretch {
		t.Errorf("a leaf not a leaf: %v", err)
	}
	overflow := bytes.Clone(pages)
	leaves := map[uint32]bool{}
	for _, ts := range first.Tables {
		for _, l := range ts.Leaves {
			leaves[l.Page] = true
		}
	}
	p := first.Start + 1
	for leaves[p] {
		p++
	}
	// the first overflow page's next, made a page past the stretch
	copy(overflow[(p-first.Start-1)*pageSize:], []byte{0xff, 0, 0, 0})
	if _, err := f.Copy(first, overflow, tables); err != ErrStretch {
		t.Errorf("an overflow page outside the stretch: %v", err)
	}
}
