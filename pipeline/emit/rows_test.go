package emit_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// Rows kept (AppendBinary) and read back (ReadRows) write every dataset
// byte for byte as the rows made from the documents do: the text files
// are the documents' bytes concatenated, the others are made of the same
// cells and search entries; and they keep their sums, so the bundle's
// segments the rows made kept the first time are copied, every one, the
// second. Rows cut short, or made for other tables, are refused.
func TestRowsReadBackWriteTheSameFiles(t *testing.T) {
	docs := corpus(t) // the seed, a budget (01) and final accounts (07)
	if docs[2].Document.Kind != schema.KindFinalAccounts {
		t.Fatal("07 is not final accounts")
	}
	exec := emit.ExecutionRows(docs[1], docs[2])
	// a text that a spreadsheet would read as a formula
	docs[0].Department.Name = "=HYPERLINK(\"x\")" + docs[0].Department.Name
	store := filepath.Join(t.TempDir(), "segments")
	write := func(readBack bool) string {
		dir := t.TempDir()
		w, err := emit.NewWriter(dir, "test")
		if err != nil {
			t.Fatal(err)
		}
		w.KeepSegments(store, "test", true)
		for _, d := range docs {
			r, err := emit.RowsOf(d, exec)
			if err != nil {
				t.Fatal(err)
			}
			if readBack {
				kept := r.AppendBinary([]byte("before"))[len("before"):]
				var rest []byte
				if r, rest, err = emit.ReadRows(append(kept, "after"...)); err != nil || string(rest) != "after" {
					t.Fatalf("%s: %v, %q after the rows", d.ID, err, rest)
				}
				for n := 0; n < len(kept); n += 1 + n/7 {
					if _, _, err := emit.ReadRows(kept[:n]); err == nil {
						t.Fatalf("%s: rows cut at %d of %d bytes read", d.ID, n, len(kept))
					}
				}
			}
			if _, err := w.Add(d, r); err != nil {
				t.Fatal(err)
			}
		}
		res, err := w.Close()
		if err != nil {
			t.Fatal(err)
		}
		if readBack && (res.SegmentsDeflated != 0 || res.SheetSegmentsDeflated != 0 || res.SegmentsCopied == 0) {
			t.Errorf("rows read back: %d segments deflated again (%d of sheets), %d copied", res.SegmentsDeflated, res.SheetSegmentsDeflated, res.SegmentsCopied)
		}
		return dir
	}
	fresh, kept := write(false), write(true)
	n := 0
	filepath.WalkDir(fresh, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fresh, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(kept, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs (%v)", rel, err)
		}
		n++
		return nil
	})
	if n < 3*10 { // the tables' CSV, NDJSON and Parquet files at least
		t.Fatalf("%d files compared", n)
	}
	csv, _ := os.ReadFile(filepath.Join(fresh, "documents.csv"))
	if !strings.Contains(string(csv), "'=HYPERLINK") {
		t.Error("the formula was not neutralized")
	}
	if nd, _ := os.ReadFile(filepath.Join(fresh, "json", "execution.ndjson")); len(nd) == 0 {
		t.Error("no execution rows: the test tells nothing of them")
	}
	// rows of a writer with a table less are not these tables' rows
	r, _ := emit.RowsOf(docs[0], nil)
	b := r.AppendBinary(nil)
	b[0]--
	if _, _, err := emit.ReadRows(b); err == nil {
		t.Error("rows of a table less were read")
	}
}

// TestReadRowsSharesItsBytes: rows read back are parts of the bytes read,
// not copies (every document's fragment is read at each run): a read
// allocates less than half the bytes it reads (copies allocated more than
// twice as many), and a byte of a cell changed is changed in the rows.
func TestReadRowsSharesItsBytes(t *testing.T) {
	for _, d := range corpus(t) {
		r, err := emit.RowsOf(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		b := r.AppendBinary(nil)
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		for range 10 {
			if _, _, err := emit.ReadRows(b); err != nil {
				t.Fatal(err)
			}
		}
		runtime.ReadMemStats(&m1)
		if per := (m1.TotalAlloc - m0.TotalAlloc) / 10; per > uint64(len(b))/2 {
			t.Errorf("%s: %d bytes allocated to read %d", d.ID, per, len(b))
		}
		got, _, _ := emit.ReadRows(b)
		at := bytes.LastIndex(b, []byte(d.ID)) // in the last entry
		b[at] ^= 0x20                          // a letter's case, or a digit's bit
		if e := got.Entries(); len(e) == 0 || e[len(e)-1].DocumentID == d.ID {
			t.Errorf("%s: the entries are copies", d.ID)
		}
	}
}
