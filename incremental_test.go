package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/pipeline"
)

// legitimatelyNew are the files of a release that tell what changed since
// the release before it, so that an incremental build's differ from a
// fresh build's of the same inputs.
var legitimatelyNew = map[string]bool{"changes.json": true, "index.html": true, "feed.atom": true}

// TestIncrementalBuildLinksUnchangedFiles: a rebuild links from the
// current release the files (JSON, page, source page) of every document
// whose page is made of what it was made of there, renders the others —
// a document that changed, one whose pair (budget ↔ final accounts)
// changed or appeared, one whose department id changed with
// departments.csv — and publishes what a fresh build of the same inputs
// publishes, byte for byte, but for the files that tell what changed
// (legitimatelyNew). A department's page and panel rows are linked when
// its documents' summaries are what they were. The earlier release is not
// touched; a file it lacks is rendered; --force renders every file.
func TestIncrementalBuildLinksUnchangedFiles(t *testing.T) {
	in, tmp := corpus(t, 3), t.TempDir()
	budgetAndFinal(t, in)
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(in, name)
		data, _ := os.ReadFile(p)
		edited := bytes.ReplaceAll(data, []byte(old), []byte(new))
		if bytes.Equal(edited, data) {
			t.Fatalf("%s no longer says %s", name, old)
		}
		os.WriteFile(p, edited, 0o644)
	}
	table := func(rows string) {
		os.WriteFile(filepath.Join(in, "departments.csv"), []byte("department_id,name\n"+rows), 0o644)
	}
	out := filepath.Join(tmp, "pub")
	build(t, in, out)
	all := []string{"budget", "doc0000", "doc0001", "doc0002", "final"}
	for i, step := range []struct {
		what    string
		change  func()
		renders []string // the documents whose files are rendered, not linked
		force   bool
	}{
		{"one document edited, the final accounts' file lacks a page", func() {
			edit("doc0001.txt", "收入预算总额 305.63 万元", "收入预算总额 305.73 万元")
			cur, _ := filepath.EvalSymlinks(out)
			os.Remove(filepath.Join(cur, "source", "final.html"))
		}, []string{"doc0001", "final"}, false},
		{"the budget and the final accounts become one department's: a pair", func() {
			table("putuo,上海市普陀区人民政府万里街道办事处\nputuo,上海市普陀区财政局\n")
		}, []string{"budget", "final"}, false},
		{"the final accounts edited: its pair's execution section changes", func() {
			edit("final.txt", "预算数\n0.95\n", "预算数\n0.96\n") // 三公's stated budget
		}, []string{"budget", "final"}, false},
		{"the seed's department gets an id", func() {
			table("putuo,上海市普陀区人民政府万里街道办事处\nputuo,上海市普陀区财政局\nzengdu-letters,曾都区信访局\n")
		}, []string{"doc0000", "doc0001", "doc0002"}, false},
		{"a document added", func() {
			data, _ := os.ReadFile(filepath.Join(in, "doc0001.txt"))
			os.WriteFile(filepath.Join(in, "doc0000a.txt"), data, 0o644)
		}, nil, false},
		{"one document edited, with --force", func() {
			edit("doc0002.txt", "收入预算总额 305.63 万元", "收入预算总额 305.83 万元")
		}, all, true},
	} {
		step.change()
		before, _ := filepath.EvalSymlinks(out)
		earlier := readTree(t, before)
		rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Keep: 5, Force: step.force})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Release == "" {
			t.Fatalf("step %d (%s): nothing published", i, step.what)
		}
		after, _ := filepath.EvalSymlinks(out)
		for f, data := range readTree(t, before) {
			if !bytes.Equal(earlier[f], data) {
				t.Errorf("step %d (%s): the earlier release's %s changed", i, step.what, f)
			}
		}
		for _, id := range all {
			rendered := strings.Contains(" "+strings.Join(step.renders, " ")+" ", " "+id+" ")
			for _, f := range []string{"data/" + id + ".json", "doc/" + id + ".html", "source/" + id + ".html"} {
				a, errA := os.Stat(filepath.Join(before, f))
				b, err := os.Stat(filepath.Join(after, f))
				if err != nil {
					t.Errorf("step %d (%s): %v", i, step.what, err)
					continue
				}
				if linked := errA == nil && os.SameFile(a, b); linked == rendered {
					t.Errorf("step %d (%s): %s linked from the earlier release %v, want %v", i, step.what, f, linked, !rendered)
				}
			}
		}
		// every step leaves some department as it was (its documents'
		// summaries): its page and panel rows are linked (but with
		// --force), and a file linked is the one it would have written
		depts, _ := filepath.Glob(filepath.Join(after, "dept", "*"))
		linked := 0
		for _, f := range depts {
			rel, _ := filepath.Rel(after, f)
			a, errA := os.Stat(filepath.Join(before, rel))
			b, _ := os.Stat(f)
			if errA != nil || !os.SameFile(a, b) {
				continue
			}
			linked++
			if data, _ := os.ReadFile(f); !bytes.Equal(earlier[rel], data) {
				t.Errorf("step %d (%s): %s linked from the earlier release, but its bytes changed", i, step.what, rel)
			}
		}
		if step.force != (linked == 0) {
			t.Errorf("step %d (%s): %d of %d department files linked from the earlier release", i, step.what, linked, len(depts))
		}
		fresh := filepath.Join(tmp, "fresh", step.what)
		build(t, in, fresh)
		got, want := readTree(t, out), readTree(t, fresh)
		for f, data := range want {
			if !legitimatelyNew[f] && !bytes.Equal(got[f], data) {
				t.Errorf("step %d (%s): %s differs from a fresh build's", i, step.what, f)
			}
		}
		if len(got) != len(want) {
			t.Errorf("step %d (%s): %d files, a fresh build %d", i, step.what, len(got), len(want))
		}
	}
}

// TestIncrementalBuildCopiesDatabasePages: after one document of a corpus
// of three segments changed, a rebuild copies budgetpub.sqlite's pages of
// the two segments it is not in from the current release, and publishes
// what a fresh build publishes, byte for byte.
func TestIncrementalBuildCopiesDatabasePages(t *testing.T) {
	in, tmp := corpus(t, 20), t.TempDir() // doc0007 and doc0014 start segments
	out := filepath.Join(tmp, "pub")
	build(t, in, out)
	p := filepath.Join(in, "doc0003.txt")
	data, _ := os.ReadFile(p)
	edited := bytes.Replace(data, []byte("收入预算总额 305.63 万元"), []byte("收入预算总额 305.73 万元"), 1)
	if bytes.Equal(edited, data) {
		t.Fatal("the seed no longer says 收入预算总额 305.63 万元")
	}
	os.WriteFile(p, edited, 0o644)
	var logs bytes.Buffer
	rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Keep: 5,
		Log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil || rep.Release == "" {
		t.Fatalf("rebuild: %v, release %q", err, rep.Release)
	}
	if !strings.Contains(logs.String(), "sqlite_segments_made=1 sqlite_segments_copied=2") {
		t.Errorf("the rebuild did not copy the pages of the two segments that did not change:\n%s", logs.String())
	}
	sameAsFresh(t, in, out, filepath.Join(tmp, "fresh"))
}

// sameAsFresh: the release at out is what a fresh build of in (at fresh)
// publishes, byte for byte, but for the files that tell what changed.
func sameAsFresh(t *testing.T, in, out, fresh string) {
	t.Helper()
	build(t, in, fresh)
	got, want := readTree(t, out), readTree(t, fresh)
	for f, data := range want {
		if !legitimatelyNew[f] && !bytes.Equal(got[f], data) {
			t.Errorf("%s differs from a fresh build's", f)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d files, a fresh build %d", len(got), len(want))
	}
}

// TestIncrementalBuildDamagedFragments: the sentences and rows an
// unchanged document's fragment keeps in the cache are published only
// when whole. Fragments torn, with a figure changed (a byte of its rows,
// which parse as well as before), replaced by junk or gone are made again
// from the document, each damaged one with a warning, and the release
// equals a fresh build's byte for byte; the next run reads the fragments
// made again without a word. The cache keeps the fragments of the release
// published only: not those of a document's former versions, nor the
// temporary file of a run killed while it wrote one.
func TestIncrementalBuildDamagedFragments(t *testing.T) {
	in, tmp := corpus(t, 3), t.TempDir()
	budgetAndFinal(t, in)
	// one department's budget and final accounts: execution rows too
	os.WriteFile(filepath.Join(in, "departments.csv"), []byte("department_id,name\nputuo,上海市普陀区人民政府万里街道办事处\nputuo,上海市普陀区财政局\n"), 0o644)
	out := filepath.Join(tmp, "pub")
	build(t, in, out)
	var rel struct{ Keys map[string]string }
	data, err := os.ReadFile(out + ".cache/release.json")
	if err != nil || json.Unmarshal(data, &rel) != nil || len(rel.Keys) != 5 {
		t.Fatalf("release.json: %v %s", err, data)
	}
	fragment := func(id string) string {
		pk := rel.Keys[id]
		return filepath.Join(out+".cache", "fragments", pk[:2], pk)
	}
	damage := map[string]func([]byte) []byte{
		"budget": func(b []byte) []byte { return b[:len(b)/2] }, // torn
		"final": func(b []byte) []byte { // a figure of its rows changed
			i := bytes.LastIndexAny(b, "123456789")
			b[i] = '0' + (b[i]-'0')%9 + 1
			return b
		},
		"doc0000": func([]byte) []byte { return []byte("junk") },
		"doc0001": nil, // gone
	}
	for id, f := range damage {
		p := fragment(id)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if f == nil {
			os.Remove(p)
			continue
		}
		os.WriteFile(p, f(data), 0o644)
	}
	os.WriteFile(fragment("doc0000")+".tmp-999", []byte("torn"), 0o644)
	rebuild := func(old, new string) string {
		t.Helper()
		p := filepath.Join(in, "doc0002.txt")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
		var logs bytes.Buffer
		rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Keep: 5,
			Log: slog.New(slog.NewTextHandler(&logs, nil))})
		if err != nil || rep.Release == "" {
			t.Fatalf("rebuild: %v, release %q", err, rep.Release)
		}
		sameAsFresh(t, in, out, filepath.Join(tmp, "fresh-"+new))
		return logs.String()
	}
	logs := rebuild("收入预算总额 305.63 万元", "收入预算总额 305.73 万元")
	if n := strings.Count(logs, "cache fragment not used"); n != 3 {
		t.Errorf("%d warnings of a damaged fragment, want 3 (torn, changed, junk):\n%s", n, logs)
	}
	if logs = rebuild("收入预算总额 305.73 万元", "收入预算总额 305.83 万元"); strings.Contains(logs, "fragment") {
		t.Errorf("the fragments made again were not read:\n%s", logs)
	}
	data, _ = os.ReadFile(out + ".cache/release.json")
	if err := json.Unmarshal(data, &rel); err != nil {
		t.Fatal(err)
	}
	kept, _ := filepath.Glob(filepath.Join(out+".cache", "fragments", "*", "*"))
	want := map[string]bool{}
	for id := range rel.Keys {
		want[fragment(id)] = true
	}
	for _, f := range kept {
		if !want[f] {
			t.Errorf("%s kept in the cache, of no document published", f)
		}
	}
	if len(kept) != len(want) {
		t.Errorf("%d fragments kept, want %d", len(kept), len(want))
	}
}

// TestDamagedCacheEntries: the cache is written without fsync, so a crash
// can leave an entry torn, empty or junk. A damaged entry is extracted
// again — the run publishes what a fresh build publishes — and never
// stops the run or leaves its document out, also when nothing else of the
// cache can be reused.
func TestDamagedCacheEntries(t *testing.T) {
	in, tmp := corpus(t, 4), t.TempDir()
	out := filepath.Join(tmp, "pub")
	build(t, in, out)
	entries, _ := filepath.Glob(filepath.Join(out+".cache", "*", "*.doc"))
	if len(entries) < 4 {
		t.Fatalf("%d cache entries", len(entries))
	}
	damage := []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] }, // torn
		func([]byte) []byte { return nil },            // empty
		func([]byte) []byte { return []byte("junk") },
		func(b []byte) []byte { return b[:len(b)-1] }, // its last byte lost
	}
	for i, f := range damage {
		data, err := os.ReadFile(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(entries[i], f(data), 0o644)
	}
	// nothing else to reuse (as after a change of the code): every document
	// is made from its cache entry
	os.RemoveAll(filepath.Join(out+".cache", "fragments"))
	os.Remove(filepath.Join(out+".cache", "release.json"))
	// an input changed, so that the run publishes a new release
	p := filepath.Join(in, "doc0000.txt")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, append(data, []byte("\n补充说明。\n")...), 0o644)
	rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Keep: 5,
		Log: slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))})
	if err != nil || rep.Release == "" || len(rep.Rejected) != 0 {
		t.Fatalf("rebuild over damaged cache entries: %v, release %q, rejected %+v", err, rep.Release, rep.Rejected)
	}
	sameAsFresh(t, in, out, filepath.Join(tmp, "fresh"))
}

// budgetAndFinal adds a budget and a final accounts of data/ to the
// documents in in, as budget.txt and final.txt.
func budgetAndFinal(t *testing.T, in string) {
	t.Helper()
	for name, from := range map[string]string{
		"budget.txt": "data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.txt",
		"final.txt":  "data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt",
	} {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, name), data, 0o644)
	}
}
