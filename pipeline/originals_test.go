package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"budgetpub/schema"
)

// TestOriginals: with Originals, a release holds each input file under
// originals/<sha256><ext>, byte for byte, and its disclosure's page links
// it; the next release shares the file with it (a hard link); without
// Originals there is neither.
func TestOriginals(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "Seed.TXT"), data, 0o644)
	sum := sha256.Sum256(data)
	rel := "originals/" + hex.EncodeToString(sum[:]) + ".txt"
	build := func(originals bool) string {
		t.Helper()
		if _, err := Build(context.Background(), Options{In: in, Out: out, Version: "test", Originals: originals, AllowShrink: true}); err != nil {
			t.Fatal(err)
		}
		cur, err := filepath.EvalSymlinks(out)
		if err != nil {
			t.Fatal(err)
		}
		return cur
	}
	page := func(dir string) string {
		pages, _ := filepath.Glob(filepath.Join(dir, "doc", "*eed.html"))
		if len(pages) != 1 {
			t.Fatalf("pages %v", pages)
		}
		p, _ := os.ReadFile(pages[0])
		return string(p)
	}
	first := build(false)
	if _, err := os.Stat(filepath.Join(first, "originals")); !os.IsNotExist(err) || strings.Contains(page(first), "originals/") {
		t.Fatalf("without Originals: %v, page links one: %v", err, strings.Contains(page(first), "originals/"))
	}
	second := build(true)
	got, err := os.ReadFile(filepath.Join(second, rel))
	if err != nil || string(got) != string(data) {
		t.Fatalf("%s: %v (%d bytes, want %d)", rel, err, len(got), len(data))
	}
	if !strings.Contains(page(second), `href="../`+rel+`"`) {
		t.Errorf("the disclosure's page does not link %s", rel)
	}
	// another input: a new release, which shares the seed's original
	os.WriteFile(filepath.Join(in, "other.txt"), []byte(strings.Replace(string(data), "2023", "2024", -1)), 0o644)
	third := build(true)
	a, err1 := os.Stat(filepath.Join(second, rel))
	b, err2 := os.Stat(filepath.Join(third, rel))
	if err1 != nil || err2 != nil || !os.SameFile(a, b) || first == second || second == third {
		t.Errorf("the next release does not share %s: %v %v (releases %s %s %s)", rel, err1, err2, first, second, third)
	}
}

// TestOriginalChangedAfterReading: a file whose bytes are no longer those
// read is not published as the disclosure's original.
func TestOriginalChangedAfterReading(t *testing.T) {
	in, staging := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("changed"), 0o644)
	src := schema.SourceFile{Path: "a.txt", SHA256: strings.Repeat("0", 64)}
	err := publishOriginal(in, staging, "", src)
	if err == nil || !strings.Contains(err.Error(), "changed after it was read") {
		t.Errorf("error %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(staging, "originals", "*"))
	if len(left) != 0 {
		t.Errorf("left %v", left)
	}
}

// An input changed or removed while the run reads the others does not stop
// it: the release publishes its disclosure, read as it was, without the
// original (its page offers none), and the report names the file; the
// original of another disclosure is published and offered.
func TestOriginalChangedOrRemovedDuringTheRun(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"a.txt": string(data),
		"b.txt": strings.ReplaceAll(string(data), "2023", "2024"),
		"c.txt": strings.ReplaceAll(string(data), "2023", "2022"),
	}
	for name, s := range texts {
		os.WriteFile(filepath.Join(in, name), []byte(s), 0o644)
	}
	rep, err := Build(context.Background(), Options{In: in, Out: out, Version: "test", Originals: true,
		Progress: func(done, total int) {
			if done == total { // every input read: one changes, one goes
				os.WriteFile(filepath.Join(in, "a.txt"), []byte("changed"), 0o644)
				os.Remove(filepath.Join(in, "b.txt"))
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 3 || len(rep.Originals) != 2 ||
		!strings.Contains(rep.Originals[0].Path+rep.Originals[0].Error, "a.txt changed after it was read") ||
		!strings.HasSuffix(rep.Originals[1].Path, "b.txt") {
		t.Fatalf("documents %d, originals not published %+v", rep.Documents, rep.Originals)
	}
	cur, _ := filepath.EvalSymlinks(out)
	links := 0
	for name, s := range texts {
		sum := sha256.Sum256([]byte(s))
		rel := "originals/" + hex.EncodeToString(sum[:]) + ".txt"
		_, err := os.Stat(filepath.Join(cur, rel))
		pages, _ := filepath.Glob(filepath.Join(cur, "doc", "*.html"))
		for _, p := range pages {
			if b, _ := os.ReadFile(p); strings.Contains(string(b), rel) {
				links++
				if err != nil {
					t.Errorf("%s links %s, which the release lacks", p, rel)
				}
			}
		}
		if (err == nil) != (name == "c.txt") {
			t.Errorf("%s: original %s: %v", name, rel, err)
		}
	}
	if links == 0 {
		t.Error("no page links c.txt's original")
	}
}

// A current release made read-only (chmod -R a-w, as a careful host may)
// does not stop the next: its originals and pages are linked from it, and
// the new release is published.
func TestOriginalsFromReadOnlyRelease(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "a.TXT"), data, 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), data, 0o644) // the same file twice
	if _, err := Build(context.Background(), Options{In: in, Out: out, Version: "test", Originals: true, AllowShrink: true}); err != nil {
		t.Fatal(err)
	}
	first, _ := filepath.EvalSymlinks(out)
	filepath.WalkDir(first, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o555)
		}
		return err
	})
	t.Cleanup(func() {
		filepath.WalkDir(first, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return err
		})
	})
	os.WriteFile(filepath.Join(in, "c.txt"), []byte(strings.ReplaceAll(string(data), "2023", "2024")), 0o644)
	var rep *Report
	withoutDACOverride(t, func() {
		rep, err = Build(context.Background(), Options{In: in, Out: out, Version: "test", Originals: true, AllowShrink: true})
	})
	if err != nil || rep.Documents != 3 || len(rep.Originals) != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	second, _ := filepath.EvalSymlinks(out)
	sum := sha256.Sum256(data)
	rel := "originals/" + hex.EncodeToString(sum[:]) + ".txt"
	a, err1 := os.Stat(filepath.Join(first, rel))
	b, err2 := os.Stat(filepath.Join(second, rel))
	if first == second || err1 != nil || err2 != nil || !os.SameFile(a, b) {
		t.Errorf("releases %s %s: %s %v %v", first, second, rel, err1, err2)
	}
}

// Two disclosures of the same bytes, one file removed during the run: the
// release holds the original (the other's copy) and both pages offer it,
// whichever of the two is published first (here the one removed, GOMAXPROCS
// 1 making the order that of the ids).
func TestSharedOriginalWhateverTheOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "a.txt"), data, 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), data, 0o644)
	rep, err := Build(context.Background(), Options{In: in, Out: out, Version: "test", Originals: true,
		Progress: func(done, total int) {
			if done == total {
				os.Remove(filepath.Join(in, "a.txt"))
			}
		}})
	if err != nil || rep.Documents != 2 || len(rep.Originals) != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
	sum := sha256.Sum256(data)
	rel := "originals/" + hex.EncodeToString(sum[:]) + ".txt"
	cur, _ := filepath.EvalSymlinks(out)
	pages, _ := filepath.Glob(filepath.Join(cur, "doc", "*.html"))
	links := 0
	for _, p := range pages {
		if b, _ := os.ReadFile(p); strings.Contains(string(b), `href="../`+rel+`"`) {
			links++
		}
	}
	if links != 2 {
		t.Errorf("%d pages of %v offer %s", links, pages, rel)
	}
}
