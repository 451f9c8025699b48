package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"budgetpub/pipeline"
	"budgetpub/pipeline/emit"
)

// TestMain lets the test binary stand in for budgetpub, so that a test can
// run it as a real process and kill it.
func TestMain(m *testing.M) {
	if os.Getenv("BUDGETPUB_AS_MAIN") == "1" {
		err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
		os.Exit(exitCode(err, os.Stderr))
	}
	code := m.Run()
	closeBrowser()
	removeSite()
	os.Exit(code)
}

// corpus writes n copies of the seed, each with its own name.
func corpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile("data/000_70dee09d8603147c.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%04d.txt", i)), seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func build(t *testing.T, in, out string, extra ...string) *pipeline.Report {
	t.Helper()
	rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Keep: 5})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestNoChangeRebuildPublishesNothing(t *testing.T) {
	in, out := corpus(t, 8), filepath.Join(t.TempDir(), "pub")
	t0 := time.Now()
	first := build(t, in, out)
	d1 := time.Since(t0)
	target, _ := os.Readlink(out)
	before := readTree(t, out)
	t0 = time.Now()
	second := build(t, in, out)
	d2 := time.Since(t0)
	after, _ := os.Readlink(out)
	if first.Extracted != 8 || second.Extracted != 0 || second.Cached != 8 || second.Release != "" || after != target {
		t.Fatalf("first %+v\nsecond %+v (link %s → %s)", first, second, target, after)
	}
	for f, data := range readTree(t, out) {
		if !bytes.Equal(data, before[f]) {
			t.Errorf("%s rewritten", f)
		}
	}
	t.Logf("first run %v, no-change run %v", d1, d2)
	var rep pipeline.Report
	data, err := os.ReadFile(out + ".run.json")
	if err != nil || json.Unmarshal(data, &rep) != nil || rep.Cached != 8 {
		t.Errorf("run.json: %v %s", err, data)
	}
}

func TestChangelogListsEditedFigure(t *testing.T) {
	in, out := corpus(t, 2), filepath.Join(t.TempDir(), "pub")
	build(t, in, out)
	p := filepath.Join(in, "doc0001.txt")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte("收入预算总额 305.63 万元"), []byte("收入预算总额 305.73 万元"), 1), 0o644)
	rep := build(t, in, out)
	if rep.Release == "" || rep.Extracted != 1 || len(rep.Changed) != 1 || rep.Changed[0] != "doc0001" {
		t.Fatalf("report %+v", rep)
	}
	var ch emit.Changes
	data, _ = os.ReadFile(filepath.Join(out, emit.ChangesFile))
	if err := json.Unmarshal(data, &ch); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range ch.Changed {
		for _, f := range c.Figures {
			found = found || c.ID == "doc0001" && f.Pointer == "/revenue/total" && f.Old == "3056300" && f.New == "3057300"
		}
	}
	if !found || len(ch.Changed) != 1 {
		t.Errorf("changes.json: %s", data)
	}
}

func TestConcurrentRunsDoNotBothPublish(t *testing.T) {
	in, out := corpus(t, 1), filepath.Join(t.TempDir(), "pub")
	f, err := os.OpenFile(out+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	_, err = pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out})
	if !errors.Is(err, pipeline.ErrLocked) {
		t.Fatalf("second run: %v, want ErrLocked", err)
	}
	if _, err := os.Lstat(out); !os.IsNotExist(err) {
		t.Error("a locked-out run published")
	}
}

func TestStrictPublishesNothingWithRejected(t *testing.T) {
	in, out := corpus(t, 1), filepath.Join(t.TempDir(), "pub")
	os.WriteFile(filepath.Join(in, "bad.txt"), []byte{0, 1}, 0o644)
	code, _, stderr := runCLI("build", "--in", in, "--out", out, "--strict")
	if code != 1 || !strings.Contains(stderr, "bad.txt") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Lstat(out); !os.IsNotExist(err) {
		t.Error("a strict run with a rejected input published")
	}
}

// TestKilledRunLeavesReleaseIntact kills a real build process at several
// moments; the previous release must serve unchanged each time.
func TestKilledRunLeavesReleaseIntact(t *testing.T) {
	small, out := corpus(t, 3), filepath.Join(t.TempDir(), "pub")
	build(t, small, out)
	want := readTree(t, out)
	link, _ := os.Readlink(out)
	big := corpus(t, 400)
	for _, after := range []time.Duration{20 * time.Millisecond, 120 * time.Millisecond, 400 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "build", "--in", big, "--out", out, "--force")
		cmd.Env = append(os.Environ(), "BUDGETPUB_AS_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			t.Logf("run finished before the kill at %v", after)
			break
		}
		got, _ := os.Readlink(out)
		if got != link {
			t.Fatalf("killed at %v: link moved %s → %s", after, link, got)
		}
		tree := readTree(t, out)
		if len(tree) != len(want) {
			t.Fatalf("killed at %v: %d files, want %d", after, len(tree), len(want))
		}
		for f, data := range want {
			if !bytes.Equal(tree[f], data) {
				t.Fatalf("killed at %v: %s changed", after, f)
			}
		}
	}
	// the next run recovers: it publishes and removes what the killed runs left
	rep := build(t, big, out)
	if rep.Release == "" || rep.Documents != 400 {
		t.Fatalf("recovery run: %+v", rep)
	}
	entries, _ := os.ReadDir(out + ".releases")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".staging-") {
			t.Errorf("staging folder left behind: %s", e.Name())
		}
	}
}
