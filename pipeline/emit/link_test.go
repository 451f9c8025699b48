package emit_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
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
