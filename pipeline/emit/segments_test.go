package emit_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// manyDocs are n copies of the corpus's documents under ids of their own,
// in id order, so that the text tables hold many segments.
func manyDocs(t *testing.T, n int) []*schema.Document {
	t.Helper()
	base := corpus(t)
	out := make([]*schema.Document, n)
	for i := range out {
		d := *base[i%len(base)]
		d.ID = fmt.Sprintf("seg-%04d", i)
		out[i] = &d
	}
	return out
}

// writeKept writes docs into dir keeping the bundle's segments in store,
// as made by the code "test".
func writeKept(t *testing.T, dir, store string, docs []*schema.Document) *emit.Result {
	t.Helper()
	return writeKeptBy(t, dir, store, "test", docs)
}

func writeKeptBy(t *testing.T, dir, store, code string, docs []*schema.Document) *emit.Result {
	t.Helper()
	return writePaged(t, dir, store, code, "", docs, nil)
}

// TestBundleReusesSegments: the text tables' entries of the bundle, and
// the sheets of the workbook, are deflated in segments kept from one run
// to the next, and the tables' Parquet pages kept by segment; after a
// document changed, a rebuild deflates (encodes) only the segments that
// hold it, copies the others, and writes the bundle, the workbook and the
// Parquet files a fresh build writes, byte for byte (also from a store
// damaged on disk — a byte, or all through —, and not from a store of
// other code); each entry inflates to its file.
func TestBundleReusesSegments(t *testing.T) {
	docs := manyDocs(t, 40)
	tmp := t.TempDir()
	store := filepath.Join(tmp, "cache", "segments")
	first := writeKept(t, filepath.Join(tmp, "a"), store, docs)
	if first.SegmentsCopied != 0 || first.SegmentsDeflated < 2*10 {
		t.Fatalf("first run: %d segments deflated, %d copied", first.SegmentsDeflated, first.SegmentsCopied)
	}
	if first.SheetSegmentsCopied != 0 || first.SheetSegmentsDeflated < 3*5 {
		t.Fatalf("first run: %d sheet segments deflated, %d copied", first.SheetSegmentsDeflated, first.SheetSegmentsCopied)
	}
	if first.ParquetSegmentsCopied != 0 || first.ParquetSegmentsMade < 2*8 {
		t.Fatalf("first run: %d Parquet segments made, %d copied", first.ParquetSegmentsMade, first.ParquetSegmentsCopied)
	}
	changed := *docs[21]
	changed.Department.Name += "（更名）"
	docs[21] = &changed
	again := writeKept(t, filepath.Join(tmp, "b"), store, docs)
	if again.SegmentsCopied == 0 || again.SegmentsDeflated*4 > first.SegmentsDeflated {
		t.Errorf("after one document changed: %d segments deflated (%d the first time), %d copied", again.SegmentsDeflated, first.SegmentsDeflated, again.SegmentsCopied)
	}
	if again.SheetSegmentsCopied == 0 || again.SheetSegmentsDeflated*3 > first.SheetSegmentsDeflated {
		t.Errorf("after one document changed: %d sheet segments deflated (%d the first time), %d copied", again.SheetSegmentsDeflated, first.SheetSegmentsDeflated, again.SheetSegmentsCopied)
	}
	if again.ParquetSegmentsCopied == 0 || again.ParquetSegmentsMade*4 > first.ParquetSegmentsMade {
		t.Errorf("after one document changed: %d Parquet segments made (%d the first time), %d copied", again.ParquetSegmentsMade, first.ParquetSegmentsMade, again.ParquetSegmentsCopied)
	}
	t.Logf("segments deflated: %d, then %d (%d copied); the sheets': %d, then %d (%d copied)", first.SegmentsDeflated, again.SegmentsDeflated, again.SegmentsCopied,
		first.SheetSegmentsDeflated, again.SheetSegmentsDeflated, again.SheetSegmentsCopied)
	fresh := writeKept(t, filepath.Join(tmp, "c"), filepath.Join(tmp, "other", "segments"), docs)
	if fresh.SegmentsCopied != 0 || fresh.SheetSegmentsCopied != 0 {
		t.Fatalf("a fresh store copied %d segments, %d of sheets", fresh.SegmentsCopied, fresh.SheetSegmentsCopied)
	}
	rebuilt, err := os.ReadFile(filepath.Join(tmp, "b", "budgetpub.zip"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(tmp, "c", "budgetpub.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rebuilt, want) {
		t.Fatal("the rebuilt bundle is not the fresh build's")
	}
	wantBook := read(t, filepath.Join(tmp, "c"), "budgetpub.xlsx")
	if !bytes.Equal(read(t, filepath.Join(tmp, "b"), "budgetpub.xlsx"), wantBook) {
		t.Fatal("the rebuilt workbook is not the fresh build's")
	}
	var parquets []string
	for _, f := range fresh.Downloads {
		if f.Format == "parquet" {
			parquets = append(parquets, f.Path)
		}
	}
	if len(parquets) < 8 {
		t.Fatalf("%d Parquet files", len(parquets))
	}
	sameParquet := func(dir, what string) {
		t.Helper()
		for _, f := range parquets {
			if !bytes.Equal(read(t, filepath.Join(tmp, dir), f), read(t, filepath.Join(tmp, "c"), f)) {
				t.Errorf("%s: %s is not the fresh build's", what, f)
			}
		}
	}
	sameParquet("b", "rebuilt")
	// a kept segment damaged on disk is deflated again, not copied
	kept, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	// its last byte: of a segment (a table's or a sheet's) the run before
	// deflated, which the store's index lists (a byte in its middle may be
	// of a segment no run uses any more)
	kept[len(kept)-1] ^= 0xff
	if err := os.WriteFile(store, kept, 0o644); err != nil {
		t.Fatal(err)
	}
	damaged := writeKept(t, filepath.Join(tmp, "d"), store, docs)
	if got, _ := os.ReadFile(filepath.Join(tmp, "d", "budgetpub.zip")); !bytes.Equal(got, want) {
		t.Error("a damaged store made another bundle")
	}
	if !bytes.Equal(read(t, filepath.Join(tmp, "d"), "budgetpub.xlsx"), wantBook) {
		t.Error("a damaged store made another workbook")
	}
	sameParquet("d", "a damaged store")
	if damaged.SegmentsDeflated+damaged.SheetSegmentsDeflated == 0 || damaged.SegmentsCopied+damaged.SheetSegmentsCopied == 0 {
		t.Errorf("after the store was damaged: %d segments deflated again (%d of sheets), %d copied (%d of sheets)",
			damaged.SegmentsDeflated, damaged.SheetSegmentsDeflated, damaged.SegmentsCopied, damaged.SheetSegmentsCopied)
	}
	// segments kept by other code (another deflate) are not copied
	if other := writeKeptBy(t, filepath.Join(tmp, "e"), filepath.Join(tmp, "cache", "segments"), "tent", docs); other.SegmentsCopied != 0 || other.SheetSegmentsCopied != 0 {
		t.Errorf("%d segments (%d of sheets) copied from a store of other code", other.SegmentsCopied, other.SheetSegmentsCopied)
	}
	if !bytes.Equal(read(t, filepath.Join(tmp, "e"), "budgetpub.xlsx"), wantBook) {
		t.Error("a store of other code made another workbook")
	}
	sameParquet("e", "a store of other code")
	// the store damaged all through: every segment made again
	damageStore(t, store)
	all := writeKept(t, filepath.Join(tmp, "f"), store, docs)
	if all.SegmentsCopied+all.SheetSegmentsCopied+all.ParquetSegmentsCopied != 0 || all.ParquetSegmentsMade != first.ParquetSegmentsMade {
		t.Errorf("from a store damaged all through: %d segments copied (%d of sheets), %d Parquet segments made, %d copied",
			all.SegmentsCopied, all.SheetSegmentsCopied, all.ParquetSegmentsMade, all.ParquetSegmentsCopied)
	}
	if got, _ := os.ReadFile(filepath.Join(tmp, "f", "budgetpub.zip")); !bytes.Equal(got, want) {
		t.Error("a store damaged all through made another bundle")
	}
	sameParquet("f", "a store damaged all through")
	r, err := zip.NewReader(bytes.NewReader(rebuilt), int64(len(rebuilt)))
	if err != nil {
		t.Fatal(err)
	}
	tables := 0
	for _, f := range r.File {
		rel := strings.TrimPrefix(f.Name, "budgetpub/")
		if !strings.HasSuffix(rel, ".csv") && !strings.HasSuffix(rel, "json") || strings.HasPrefix(rel, "data/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC-32 at the end
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if !bytes.Equal(got, read(t, filepath.Join(tmp, "b"), rel)) {
			t.Errorf("%s: the entry is not the file", rel)
		}
		tables++
	}
	if tables < 2*10 {
		t.Errorf("%d text tables in the bundle", tables)
	}
}

// TestSegmentsKeptWhenTheFirstDocumentsGo: after the documents before one
// that starts a segment are removed, that document's rows are the first
// of every table and sheet, and the bundle and the workbook are still the
// fresh build's, though segments of the same rows were kept.
func TestSegmentsKeptWhenTheFirstDocumentsGo(t *testing.T) {
	docs := manyDocs(t, 40)
	k := 1
	for ; k < len(docs); k++ {
		h := fnv.New32a()
		h.Write([]byte(docs[k].ID))
		if h.Sum32()%16 == 0 { // startsSegment
			break
		}
	}
	if k == len(docs) {
		t.Fatal("no document starts a segment")
	}
	tmp := t.TempDir()
	store := filepath.Join(tmp, "cache", "segments")
	writeKept(t, filepath.Join(tmp, "a"), store, docs)
	again := writeKept(t, filepath.Join(tmp, "b"), store, docs[k:])
	if again.SegmentsCopied == 0 {
		t.Fatal("no segment copied")
	}
	writeKept(t, filepath.Join(tmp, "c"), filepath.Join(tmp, "other", "segments"), docs[k:])
	for _, f := range []string{"budgetpub.zip", "budgetpub.xlsx"} {
		if !bytes.Equal(read(t, filepath.Join(tmp, "b"), f), read(t, filepath.Join(tmp, "c"), f)) {
			t.Errorf("%s: the rebuild is not the fresh build", f)
		}
	}
}

// TestKeepSegmentsDropsTheDatabaseStore: the store of budgetpub.sqlite's
// deflated pages an earlier budgetpub kept beside the segments, when the
// bundle held the database, is removed, not left in the cache for ever.
func TestKeepSegmentsDropsTheDatabaseStore(t *testing.T) {
	store := filepath.Join(t.TempDir(), "segments")
	for _, p := range []string{store + "-sqlite", store + "-sqlite.idx"} {
		if err := os.WriteFile(p, []byte("pages"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeKept(t, filepath.Join(t.TempDir(), "a"), store, manyDocs(t, 2))
	for _, p := range []string{store + "-sqlite", store + "-sqlite.idx"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
	if _, err := os.Stat(store); err != nil {
		t.Errorf("no store of segments: %v", err)
	}
}

// writePaged writes docs into dir keeping the bundle's segments and the
// database's pages in store, as made by the code code, copying the pages
// from the release in from; with lines, each document has a sentence, on
// the line lines gives it (1 if none).
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
		if err == nil && lines != nil {
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
	first := writePaged(t, dir("a"), store, "test", "", docs, map[string]int{})
	if first.PageSegmentsCopied != 0 || first.PageSegmentsMade < 5 || first.TermSegmentsCopied != 0 || first.TermSegmentsMerged != first.PageSegmentsMade {
		t.Fatalf("first run: %d segments' pages made, %d copied; %d segments' terms merged, %d copied", first.PageSegmentsMade, first.PageSegmentsCopied,
			first.TermSegmentsMerged, first.TermSegmentsCopied)
	}
	long(21)
	again := writePaged(t, dir("b"), store, "test", dir("a"), docs, map[string]int{})
	if again.PageSegmentsMade != 1 || again.PageSegmentsCopied != first.PageSegmentsMade-1 || again.TermSegmentsMerged != 1 || again.TermSegmentsCopied != first.PageSegmentsMade-1 {
		t.Errorf("after one document changed: %d segments' pages made, %d copied, %d terms merged, %d copied, of %d", again.PageSegmentsMade, again.PageSegmentsCopied,
			again.TermSegmentsMerged, again.TermSegmentsCopied, first.PageSegmentsMade)
	}
	fresh := writePaged(t, dir("c"), filepath.Join(tmp, "other", "segments"), "test", "", docs, map[string]int{})
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
	if other := writePaged(t, dir("d"), store, "test", dir("a"), docs, map[string]int{}); other.PageSegmentsCopied != 0 || !bytes.Equal(read(t, dir("d"), "budgetpub.sqlite"), want) {
		t.Errorf("%d segments' pages copied from a file the index was not kept for", other.PageSegmentsCopied)
	}
	// d's pages, damaged on disk (a release's files do not change, but a
	// disk may): the segment of that page is made again
	db := read(t, dir("d"), "budgetpub.sqlite")
	db[len(db)/4] ^= 0xff
	if err := os.WriteFile(filepath.Join(dir("d"), "budgetpub.sqlite"), db, 0o644); err != nil {
		t.Fatal(err)
	}
	damaged := writePaged(t, dir("e"), store, "test", dir("d"), docs, map[string]int{})
	if damaged.PageSegmentsMade < 1 || damaged.PageSegmentsCopied < 2 || !bytes.Equal(read(t, dir("e"), "budgetpub.sqlite"), want) {
		t.Errorf("from pages damaged: %d segments' pages made, %d copied, the file %v the fresh build's", damaged.PageSegmentsMade, damaged.PageSegmentsCopied,
			bytes.Equal(read(t, dir("e"), "budgetpub.sqlite"), want))
	}
	// the kept terms damaged all through: the pages are copied, the terms
	// merged again
	damageStore(t, store+"-pages-terms")
	if got := writePaged(t, dir("g"), store, "test", dir("e"), docs, map[string]int{}); got.PageSegmentsCopied == 0 || got.TermSegmentsCopied != 0 ||
		!bytes.Equal(read(t, dir("g"), "budgetpub.sqlite"), want) {
		t.Errorf("from kept terms damaged: %d segments' pages copied, terms of %d read back, the file %v the fresh build's", got.PageSegmentsCopied,
			got.TermSegmentsCopied, bytes.Equal(read(t, dir("g"), "budgetpub.sqlite"), want))
	}
	// pages kept by other code (another record format) are not copied
	if other := writePaged(t, dir("f"), store, "tent", dir("e"), docs, map[string]int{}); other.PageSegmentsCopied != 0 || !bytes.Equal(read(t, dir("f"), "budgetpub.sqlite"), want) {
		t.Errorf("%d segments' pages copied from other code's", other.PageSegmentsCopied)
	}
}

// damageStore flips bytes all through the segment store at path, past
// its head: no segment it holds reads back.
func damageStore(t *testing.T, path string) {
	t.Helper()
	kept, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(kept) - 1; i > 200; i -= 61 {
		kept[i] ^= 0x5a
	}
	if err := os.WriteFile(path, kept, 0o644); err != nil {
		t.Fatal(err)
	}
}
