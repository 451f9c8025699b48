package emit_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// writePaged writes docs into dir as writeKeptBy does, each with a
// sentence on the line lines gives (1 if none), copying the database's
// pages from the release in from.
func writePaged(t *testing.T, dir, store, code, from string, docs []*schema.Document, lines map[string]int) *emit.Result {
	t.Helper()
	w, err := emit.NewWriter(dir, "v")
	if err != nil {
		t.Fatal(err)
	}
	w.KeepSegments(store, code, true)
	w.PagesFrom(from)
	for _, d := range docs {
		r, err := emit.RowsOf(d, nil)
		if err == nil {
			_, err = w.Add(d, r)
		}
		if err == nil {
			s := []emit.SearchEntry{{Kind: "sentence", DocumentID: d.ID, Text: "本年度预算安排情况如下。", Line: max(1, lines[d.ID])}}
			err = w.AddSentences(s, emit.FTSTerms(s))
		}
		if err != nil {
			w.Abort()
			t.Fatal(err)
		}
	}
	res, err := w.Close()
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestDatabaseReusesPages: budgetpub.sqlite's tables fill their pages a
// segment at a time; after a document changed — its rows now with
// overflow pages, so that every segment after it stands further on in
// the file —, a rebuild copies the pages of the other segments from the
// release before, with their overflow pages' numbers moved (some rows of
// later segments have overflow pages too), and the merge of their
// full-text terms from the run's store, and writes the file a fresh build
// writes, byte for byte. Pages damaged on disk are made again; pages
// of other code, or of a file the index was not kept for, are not copied.
func TestDatabaseReusesPages(t *testing.T) {
	docs := manyDocs(t, 120)
	long := func(i int) {
		d := *docs[i]
		d.Department.Name += strings.Repeat("很长的名称", 400) // 6,000 bytes: the rows holding it overflow
		docs[i] = &d
	}
	long(70)
	long(101)
	tmp := t.TempDir()
	store := filepath.Join(tmp, "cache", "segments")
	dir := func(name string) string { return filepath.Join(tmp, name) }
	first := writePaged(t, dir("a"), store, "test", "", docs, nil)
	if first.PageSegmentsCopied != 0 || first.PageSegmentsMade < 5 || first.TermSegmentsCopied != 0 || first.TermSegmentsMerged != first.PageSegmentsMade {
		t.Fatalf("first run: %d segments' pages made, %d copied; %d segments' terms merged, %d copied", first.PageSegmentsMade, first.PageSegmentsCopied,
			first.TermSegmentsMerged, first.TermSegmentsCopied)
	}
	long(21)
	again := writePaged(t, dir("b"), store, "test", dir("a"), docs, nil)
	if again.PageSegmentsMade != 1 || again.PageSegmentsCopied != first.PageSegmentsMade-1 || again.TermSegmentsMerged != 1 || again.TermSegmentsCopied != first.PageSegmentsMade-1 {
		t.Errorf("after one document changed: %d segments' pages made, %d copied, %d terms merged, %d copied, of %d", again.PageSegmentsMade, again.PageSegmentsCopied,
			again.TermSegmentsMerged, again.TermSegmentsCopied, first.PageSegmentsMade)
	}
	fresh := writePaged(t, dir("c"), filepath.Join(tmp, "other", "segments"), "test", "", docs, nil)
	want := read(t, dir("c"), "budgetpub.sqlite")
	if fresh.PageSegmentsCopied != 0 || bytes.Equal(want, read(t, dir("a"), "budgetpub.sqlite")) {
		t.Fatalf("a fresh build copied %d segments' pages, or made the file before", fresh.PageSegmentsCopied)
	}
	if !bytes.Equal(read(t, dir("b"), "budgetpub.sqlite"), want) {
		t.Fatal("the rebuilt database is not the fresh build's")
	}
	if !bytes.Equal(read(t, dir("b"), emit.SumsFile), read(t, dir("c"), emit.SumsFile)) {
		t.Error("the rebuild's SHA256SUMS is not the fresh build's")
	}
	// a document whose search entries changed, and not its rows: its
	// segment's pages are made again
	lines := map[string]int{docs[90].ID: 7}
	moved := writePaged(t, dir("b2"), store, "test", dir("b"), docs, lines)
	want2 := read(t, dir("b2"), "budgetpub.sqlite")
	writePaged(t, dir("c2"), filepath.Join(tmp, "other2", "segments"), "test", "", docs, lines)
	if moved.PageSegmentsMade != 1 || !bytes.Equal(want2, read(t, dir("c2"), "budgetpub.sqlite")) {
		t.Errorf("a sentence moved: %d segments' pages made, the file %v the fresh build's", moved.PageSegmentsMade, bytes.Equal(want2, read(t, dir("c2"), "budgetpub.sqlite")))
	}
	// the index is of b2's file: a's pages are not copied
	if other := writePaged(t, dir("d"), store, "test", dir("a"), docs, nil); other.PageSegmentsCopied != 0 || !bytes.Equal(read(t, dir("d"), "budgetpub.sqlite"), want) {
		t.Errorf("%d segments' pages copied from a file the index was not kept for", other.PageSegmentsCopied)
	}
	// d's pages, damaged on disk (a release's files do not change, but a
	// disk may): the segment of that page is made again
	db := read(t, dir("d"), "budgetpub.sqlite")
	db[len(db)/4] ^= 0xff
	if err := os.WriteFile(filepath.Join(dir("d"), "budgetpub.sqlite"), db, 0o644); err != nil {
		t.Fatal(err)
	}
	damaged := writePaged(t, dir("e"), store, "test", dir("d"), docs, nil)
	if damaged.PageSegmentsMade < 1 || damaged.PageSegmentsCopied < 2 || !bytes.Equal(read(t, dir("e"), "budgetpub.sqlite"), want) {
		t.Errorf("from pages damaged: %d segments' pages made, %d copied, the file %v the fresh build's", damaged.PageSegmentsMade, damaged.PageSegmentsCopied,
			bytes.Equal(read(t, dir("e"), "budgetpub.sqlite"), want))
	}
	// pages kept by other code (another record format) are not copied
	if other := writePaged(t, dir("f"), store, "tent", dir("e"), docs, nil); other.PageSegmentsCopied != 0 || !bytes.Equal(read(t, dir("f"), "budgetpub.sqlite"), want) {
		t.Errorf("%d segments' pages copied from other code's", other.PageSegmentsCopied)
	}
}
