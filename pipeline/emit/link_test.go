package emit_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"budgetpub/pipeline/emit"
)

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestWritersLeaveLinkedFilesAlone: a release shares files with the
// releases before it by hard links, so a writer meeting such a link where
// it writes must replace it, not write through it. Every file of an
// earlier release is linked where the next one writes its own, and the
// earlier release reads the same afterwards.
func TestWritersLeaveLinkedFilesAlone(t *testing.T) {
	docs := corpus(t)
	old, next := t.TempDir(), t.TempDir()
	if _, err := emit.Write(old, docs, "old"); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, old)
	for rel := range before {
		if err := emit.LinkFile(filepath.Join(old, rel), filepath.Join(next, rel)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := emit.Write(next, docs[1:], "new"); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, old)
	for rel, data := range before {
		if !bytes.Equal(after[rel], data) {
			t.Errorf("%s of the earlier release changed", rel)
		}
	}
	if bytes.Equal(snapshot(t, next)["datapackage.json"], before["datapackage.json"]) {
		t.Error("the next release's datapackage.json is the earlier one's: nothing was written")
	}
}

// TestLinkFile: the link shares the file; a missing source leaves nothing.
func TestLinkFile(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "a", "x.json"), filepath.Join(dir, "b", "x.json")
	if err := emit.WriteNew(src, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := emit.LinkFile(src, dst); err != nil {
		t.Fatal(err)
	}
	a, _ := os.Stat(src)
	b, err := os.Stat(dst)
	if err != nil || !os.SameFile(a, b) {
		t.Errorf("%s is not %s: %v", dst, src, err)
	}
	missing := filepath.Join(dir, "b", "y.json")
	if err := emit.LinkFile(filepath.Join(dir, "a", "y.json"), missing); err == nil {
		t.Error("a missing source was linked")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a failed link left a file")
	}
}

// rawEntries reads the compressed bytes of every entry of a zip.
func rawEntries(t *testing.T, path string) map[string][]byte {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out := map[string][]byte{}
	for _, f := range r.File {
		rc, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(rc)
	}
	return out
}

// TestBundleCopiesLinkedEntries: a document linked from an earlier release
// keeps its entry of that release's bundle, compressed bytes and all —
// the earlier bundle is deflated here at another level to tell them apart.
func TestBundleCopiesLinkedEntries(t *testing.T) {
	docs := corpus(t)
	old, next := t.TempDir(), t.TempDir()
	if _, err := emit.Write(old, docs, "v"); err != nil {
		t.Fatal(err)
	}
	before := rawEntries(t, filepath.Join(old, "budgetpub.zip"))
	// the earlier bundle again, at the best compression
	r, err := zip.OpenReader(filepath.Join(old, "budgetpub.zip"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, f := range r.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	r.Close()
	if err := emit.WriteNew(filepath.Join(old, "budgetpub.zip"), buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	earlier := rawEntries(t, filepath.Join(old, "budgetpub.zip"))
	w, err := emit.NewWriter(next, "v")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		r, err := emit.RowsOf(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if linked, err := w.Link(d.ID, old, r); err != nil || !linked {
			t.Fatalf("%s not linked: %v", d.ID, err)
		}
	}
	if _, err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got := rawEntries(t, filepath.Join(next, "budgetpub.zip"))
	differ := false
	for _, d := range docs {
		name := "budgetpub/data/" + d.ID + ".json"
		if !bytes.Equal(got[name], earlier[name]) {
			t.Errorf("%s: not the earlier bundle's entry", name)
		}
		differ = differ || !bytes.Equal(earlier[name], before[name])
	}
	if !differ {
		t.Fatal("the best compression gives the same bytes: the test tells nothing")
	}
	if !bytes.Equal(got["budgetpub/datapackage.json"], before["budgetpub/datapackage.json"]) {
		t.Error("datapackage.json was not deflated as a fresh bundle deflates it")
	}
}

// TestLinkTakesTheEarlierSums: a document linked from an earlier release
// is not read again to be hashed: its sha256 is the one that release's
// SHA256SUMS lists (here one made up, which only a file not read keeps),
// and a file it does not list is hashed.
func TestLinkTakesTheEarlierSums(t *testing.T) {
	docs := corpus(t)
	old, next := t.TempDir(), t.TempDir()
	if _, err := emit.Write(old, docs, "v"); err != nil {
		t.Fatal(err)
	}
	sums := func(dir string) map[string]string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, emit.SumsFile))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			sum, rel, _ := strings.Cut(line, "  ")
			out[rel] = sum
		}
		return out
	}
	before := sums(old)
	made, unlisted := "data/"+docs[0].ID+".json", "data/"+docs[1].ID+".json"
	fake := strings.Repeat("0", 64)
	var b strings.Builder
	for rel, sum := range before {
		switch rel {
		case made:
			sum = fake
		case unlisted:
			continue
		}
		b.WriteString(sum + "  " + rel + "\n")
	}
	if err := emit.WriteNew(filepath.Join(old, emit.SumsFile), []byte(b.String())); err != nil {
		t.Fatal(err)
	}
	w, err := emit.NewWriter(next, "v")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		r, err := emit.RowsOf(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if linked, err := w.Link(d.ID, old, r); err != nil || !linked {
			t.Fatalf("%s not linked: %v", d.ID, err)
		}
	}
	res, err := w.Close()
	if err != nil {
		t.Fatal(err)
	}
	after := sums(next)
	if after[made] != fake {
		t.Errorf("%s: sha256 %s, not the one the earlier release lists: the file was hashed again", made, after[made])
	}
	for _, d := range docs[1:] {
		rel := "data/" + d.ID + ".json"
		if after[rel] != before[rel] {
			t.Errorf("%s: sha256 %s, want %s", rel, after[rel], before[rel])
		}
	}
	for i, f := range res.Documents {
		if fi, err := os.Stat(filepath.Join(next, f.Path)); err != nil {
			t.Error(err)
		} else if fi.Size() != f.Bytes {
			t.Errorf("document %d: %d bytes listed, the file %d", i, f.Bytes, fi.Size())
		}
	}
}

// TestWriteNew: a file is written into folders made for it, and a file
// already at its path (a link to an earlier release's) is replaced, not
// written through.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b", "x.json")
	if err := emit.WriteNew(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	earlier := filepath.Join(dir, "earlier.json")
	if err := os.Link(path, earlier); err != nil {
		t.Fatal(err)
	}
	if err := emit.WriteNew(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "two" {
		t.Errorf("%s holds %q", path, got)
	}
	if got, _ := os.ReadFile(earlier); string(got) != "one" {
		t.Errorf("the file linked was written through: %q", got)
	}
}

// TestWriteOver: a file is written into folders made for it, a longer one
// at its path is cut to what is written, and a write that fails (a full
// disk) leaves no file.
func TestWriteOver(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b", "x")
	for _, data := range []string{"a longer one", "short", ""} {
		if err := emit.WriteOver(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(path); err != nil || string(got) != data {
			t.Errorf("%s holds %q, %v; want %q", path, got, err, data)
		}
	}
	full := filepath.Join(dir, "full")
	if err := os.Symlink("/dev/full", full); err != nil {
		t.Fatal(err)
	}
	if err := emit.WriteOver(full, []byte("x")); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("a write to a full disk: %v, want ENOSPC", err)
	}
	if _, err := os.Lstat(full); !os.IsNotExist(err) {
		t.Errorf("a file was left after a failed write: %v", err)
	}
}

// TestReadInto: a file is read whole into the buffer given, grown to hold
// it, and a missing one is fs.ErrNotExist.
func TestReadInto(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x")
	data := bytes.Repeat([]byte("0123456789"), 10_000)
	if err := emit.WriteOver(path, data); err != nil {
		t.Fatal(err)
	}
	for _, buf := range [][]byte{nil, make([]byte, 5, 10), make([]byte, 0, 1<<20)} {
		got, err := emit.ReadInto(buf, path)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("read %d bytes, %v; want %d", len(got), err, len(data))
		}
	}
	if _, err := emit.ReadInto(nil, filepath.Join(dir, "none")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}
