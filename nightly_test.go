package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
		ctx, stop := signalContext()
		err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
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
		if got, _ := os.Readlink(out); got != link {
			publishedWhole(t, out, after)
			break
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
	noStaging(t, out)
}

// TestKilledReuseRunLeavesReleaseIntact kills a build that links the
// unchanged disclosures' files (and originals) from the current release at
// several moments: the current release, whose files the new one shares,
// must serve unchanged each time, and the next run publishes.
func TestKilledReuseRunLeavesReleaseIntact(t *testing.T) {
	in, out := corpus(t, 300), filepath.Join(t.TempDir(), "pub")
	if _, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Originals: true, Keep: 5}); err != nil {
		t.Fatal(err)
	}
	want := readTree(t, out)
	link, _ := os.Readlink(out)
	seed, _ := os.ReadFile("data/000_70dee09d8603147c.txt")
	os.WriteFile(filepath.Join(in, "new.txt"), bytes.ReplaceAll(seed, []byte("2023"), []byte("2024")), 0o644)
	killed := 0
	for _, after := range []time.Duration{50 * time.Millisecond, 250 * time.Millisecond, 600 * time.Millisecond, 1200 * time.Millisecond, 1800 * time.Millisecond, 2400 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "build", "--in", in, "--out", out, "--originals")
		cmd.Env = append(os.Environ(), "BUDGETPUB_AS_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		if cmd.Wait() == nil {
			t.Logf("run finished before the kill at %v (%d killed)", after, killed)
			break
		}
		killed++
		if got, _ := os.Readlink(out); got != link {
			publishedWhole(t, out, after)
			break
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
	if killed < 2 {
		t.Errorf("only %d runs were killed before they finished", killed)
	}
	rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Originals: true, Keep: 5})
	if err != nil || rep.Release == "" || rep.Documents != 301 {
		t.Fatalf("recovery run: %+v %v", rep, err)
	}
	noStaging(t, out)
}

// publishedWhole checks the release a killed run had published — the kill
// came after the link swapped, while the run was still finishing (its
// report, the old releases' removal): every download its SHA256SUMS lists
// must be there with that sum, as a finished run leaves it.
func publishedWhole(t *testing.T, out string, after time.Duration) {
	t.Helper()
	tree := readTree(t, out)
	sums, ok := tree[emit.SumsFile]
	if !ok {
		t.Fatalf("killed at %v after the link moved: no %s in the release", after, emit.SumsFile)
	}
	n := 0
	for line := range strings.Lines(string(sums)) {
		sum, name, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "  ")
		data, ok := tree[filepath.FromSlash(name)]
		if h := sha256.Sum256(data); !ok || hex.EncodeToString(h[:]) != sum {
			t.Fatalf("killed at %v after the link moved: %s missing or changed", after, name)
		}
		n++
	}
	if n == 0 {
		t.Fatalf("killed at %v after the link moved: %s lists nothing", after, emit.SumsFile)
	}
	t.Logf("killed at %v after it published: its %d downloads whole", after, n)
}

// TestTerminatedRunStopsCleanly: SIGTERM (systemd stopping the service)
// ends a run as a failure — exit 1, not death by signal — with the
// published release untouched and no staging folder left.
func TestTerminatedRunStopsCleanly(t *testing.T) {
	small, out := corpus(t, 3), filepath.Join(t.TempDir(), "pub")
	build(t, small, out)
	link, _ := os.Readlink(out)
	cmd := exec.Command(os.Args[0], "build", "--in", corpus(t, 600), "--out", out, "--force", "--quiet")
	cmd.Env = append(os.Environ(), "BUDGETPUB_AS_MAIN=1")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// the run has started once it logs its first line (the warning that
	// no --base-url was given): its signal handler is in place by then —
	// a SIGTERM before it would find the process still starting
	r := bufio.NewReader(pipe)
	first, _ := r.ReadString('\n')
	var stderr bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&stderr, r); close(copied) }()
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	<-copied
	err = cmd.Wait()
	if err == nil {
		t.Fatal("the run finished before SIGTERM arrived: give it more documents")
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("exit code %d after SIGTERM (-1: killed by the signal), want 1; stderr: %s%s", code, first, stderr.String())
	}
	if got, _ := os.Readlink(out); got != link {
		t.Errorf("published link moved %s → %s", link, got)
	}
	noStaging(t, out)
}

// TestShrinkingReleaseRefused: an emptied or mostly emptied input folder
// does not replace a good site unless --allow-shrink says so, and a first
// run with every input rejected fails.
func TestShrinkingReleaseRefused(t *testing.T) {
	in, out := corpus(t, 4), filepath.Join(t.TempDir(), "pub")
	if code, _, stderr := runCLI("build", "--in", in, "--out", out); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	link, _ := os.Readlink(out)
	want := readTree(t, out)
	unchanged := func(what string) {
		t.Helper()
		if got, _ := os.Readlink(out); got != link || len(readTree(t, out)) != len(want) {
			t.Errorf("%s: the published release changed (%s → %s)", what, link, got)
		}
	}
	empty := t.TempDir()
	if code, _, stderr := runCLI("build", "--in", empty, "--out", out); code != 1 || !strings.Contains(stderr, "no documents") {
		t.Errorf("empty --in: exit %d: %s", code, stderr)
	}
	unchanged("empty --in")
	for _, f := range []string{"doc0001.txt", "doc0002.txt", "doc0003.txt"} {
		os.WriteFile(filepath.Join(in, f), []byte{0, 1}, 0o644) // three of four now rejected
	}
	if code, _, stderr := runCLI("build", "--in", in, "--out", out); code != 1 || !strings.Contains(stderr, "drop 3 of the 4 documents") {
		t.Errorf("3 of 4 dropped: exit %d: %s", code, stderr)
	}
	unchanged("3 of 4 dropped")
	os.WriteFile(filepath.Join(in, "doc0003.txt"), mustRead(t, filepath.Join(in, "doc0000.txt")), 0o644)
	if code, _, stderr := runCLI("build", "--in", in, "--out", out); code != 3 {
		t.Errorf("2 of 4 dropped (half): exit %d, want 3 (published): %s", code, stderr)
	}
	if code, _, stderr := runCLI("build", "--in", empty, "--out", out, "--allow-shrink"); code != 0 {
		t.Errorf("empty --in with --allow-shrink: exit %d: %s", code, stderr)
	}
	if n, _ := filepath.Glob(filepath.Join(out, "data", "*.json")); len(n) != 0 {
		t.Errorf("--allow-shrink: %d documents published, want 0", len(n))
	}
	// a first run in which every input is rejected
	bad, first := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	os.WriteFile(filepath.Join(bad, "bad.txt"), []byte{0, 1}, 0o644)
	if code, _, stderr := runCLI("build", "--in", bad, "--out", first); code != 1 || !strings.Contains(stderr, "every input (1) was rejected") {
		t.Errorf("every input rejected: exit %d: %s", code, stderr)
	}
	if _, err := os.Lstat(first); !os.IsNotExist(err) {
		t.Error("a run with every input rejected published")
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// publishCopies makes in hold n copies of seed, publishes it to out keeping
// 2 releases and returns the release.
func publishCopies(t *testing.T, seed []byte, n int, in, out string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	for _, f := range files {
		os.Remove(f)
	}
	for i := 0; i < n; i++ {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("doc%04d.txt", i)), seed, 0o644)
	}
	rep, err := pipeline.Build(context.Background(), pipeline.Options{In: in, Out: out, Version: "test", Keep: 2})
	if err != nil || rep.Release == "" {
		t.Fatalf("%v, report %+v", err, rep)
	}
	return rep.Release
}

// TestKeepNewestByPublicationTime: --keep N keeps exactly the N releases
// published last, the current one and the one before it (a rollback's)
// first, whatever their names.
func TestKeepNewestByPublicationTime(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	seed := mustRead(t, "data/000_70dee09d8603147c.txt")
	var published []string
	publish := func(n int) {
		t.Helper()
		published = append(published, publishCopies(t, seed, n, in, out))
		var want []string // the last two published, newest first
		for i := len(published) - 1; i >= 0 && len(want) < 2; i-- {
			if !slices.Contains(want, published[i]) {
				want = append(want, published[i])
			}
		}
		var got []string
		entries, _ := os.ReadDir(out + ".releases")
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") {
				got = append(got, e.Name())
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("after publishing %d documents: releases %v, want %v (published in order: %v)", n, got, want, published)
		}
	}
	for _, n := range []int{1, 2, 3, 4, 3, 5, 6} { // 3 again: a rollback
		publish(n)
	}
}

// TestCleanupWhenNothingIsPublished: a staging folder left by a killed run
// goes at the next run, even one that publishes nothing.
func TestCleanupWhenNothingIsPublished(t *testing.T) {
	in, out := corpus(t, 1), filepath.Join(t.TempDir(), "pub")
	build(t, in, out)
	staging := filepath.Join(out+".releases", ".staging-999999")
	os.MkdirAll(filepath.Join(staging, "data"), 0o755)
	if rep := build(t, in, out); rep.Release != "" {
		t.Fatalf("second run published %s", rep.Release)
	}
	if _, err := os.Stat(staging); !os.IsNotExist(err) {
		t.Errorf("staging folder left behind: %v", err)
	}
}

// TestFailedRunWritesItsReport: OUT.run.json tells of the last run, also
// when it failed.
func TestFailedRunWritesItsReport(t *testing.T) {
	in, out := corpus(t, 1), filepath.Join(t.TempDir(), "pub")
	build(t, in, out)
	os.WriteFile(filepath.Join(in, "bad.txt"), []byte{0, 1}, 0o644)
	if code, _, _ := runCLI("build", "--in", in, "--out", out, "--strict"); code != 1 {
		t.Fatalf("strict run: exit %d", code)
	}
	var rep pipeline.Report
	data := mustRead(t, out+".run.json")
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Release != "" || !strings.Contains(rep.Error, "inputs were rejected") || len(rep.Rejected) != 1 {
		t.Errorf("OUT.run.json is not the failed run's: %s", data)
	}
}

// walkFollowing walks dir following every link, as cp -rL or an uploader
// does, and counts the files it reaches; a link back to a folder it is
// in, or that leads nowhere, is an error.
func walkFollowing(dir string, ancestors []os.FileInfo, files *int) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			return fmt.Errorf("%s: a link back up to a folder it is in", dir)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		st, err := os.Stat(p)
		switch {
		case err != nil:
			return fmt.Errorf("%s: %v", p, err)
		case st.IsDir():
			if err := walkFollowing(p, append(ancestors, fi), files); err != nil {
				return err
			}
		default:
			*files++
		}
	}
	return nil
}

// TestPublishedTreeHasNoLoop: the published folder can be copied by any
// tool that follows links: no link leads up, the releases kept are there
// once each, and every permalink works — also for a release published by
// a budgetpub that linked releases → .. in it.
func TestPublishedTreeHasNoLoop(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	seed := mustRead(t, "data/000_70dee09d8603147c.txt")
	var names []string
	for n := 1; n <= 3; n++ {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("doc%04d.txt", n)), seed, 0o644)
		rep := build(t, in, out)
		names = append(names, rep.Release)
		if n == 1 { // as an older budgetpub left it
			first := filepath.Join(out+".releases", rep.Release)
			os.RemoveAll(filepath.Join(first, "releases"))
			if err := os.Symlink("..", filepath.Join(first, "releases")); err != nil {
				t.Fatal(err)
			}
		}
	}
	files := 0
	if err := walkFollowing(out, nil, &files); err != nil {
		t.Fatal(err)
	}
	latest := len(readTree(t, out))
	if files > 4*latest+len(names) {
		t.Errorf("%d files reached following links; the latest release has %d, and 3 are kept", files, latest)
	}
	for _, name := range names {
		permalink := filepath.Join(out, "releases", name)
		if _, err := os.Stat(filepath.Join(permalink, "index.html")); err != nil {
			t.Errorf("permalink of %s: %v", name, err)
		}
		// a page of the permalink links releases/<name>/ from its root
		if page, err := os.ReadFile(filepath.Join(permalink, "releases", name, "index.html")); err != nil || !strings.Contains(string(page), `url=../../`) {
			t.Errorf("%s's link to itself, within its permalink: %v %s", name, err, page)
		}
	}
	if home := mustRead(t, filepath.Join(out, "index.html")); !strings.Contains(string(home), `href="releases/`+names[2]+`/"`) {
		t.Errorf("the home page does not link its permalink releases/%s/", names[2])
	}
	for _, tool := range [][]string{{"find", "-L", out}, {"cp", "-rL", out, filepath.Join(t.TempDir(), "copy")}} {
		if _, err := exec.LookPath(tool[0]); err != nil {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		msg, err := exec.CommandContext(ctx, tool[0], tool[1:]...).CombinedOutput()
		cancel()
		if err != nil {
			t.Errorf("%s: %v: %.500s", strings.Join(tool[:2], " "), err, msg)
		}
	}
}

// noStaging fails the test when a run left a staging folder in
// OUT.releases.
func noStaging(t *testing.T, out string) {
	t.Helper()
	entries, _ := os.ReadDir(out + ".releases")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".staging-") {
			t.Errorf("staging folder left behind: %s", e.Name())
		}
	}
}

// TestReleaseSharesItsViewsFolders: a release's files are its view's, moved
// there whole, and the release's folder links each of them; a release of an
// older budgetpub (its files in its own folder) published again gets a view
// of hard links; a release dropped takes its view with it, but the view
// served until then stays to the next run.
func TestReleaseSharesItsViewsFolders(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	rel := out + ".releases"
	seed := mustRead(t, "data/000_70dee09d8603147c.txt")
	publish := func(n int) string {
		t.Helper()
		return publishCopies(t, seed, n, in, out)
	}
	exists := func(p string) bool { _, err := os.Lstat(p); return err == nil }
	r1 := publish(1)
	first := readTree(t, out)
	view := filepath.Join(rel, ".view-"+r1)
	if served, _ := filepath.EvalSymlinks(out); served != view {
		t.Fatalf("OUT shows %s, want %s", served, view)
	}
	if target, err := os.Readlink(filepath.Join(rel, r1, "data")); err != nil || target != filepath.Join("..", ".view-"+r1, "data") {
		t.Errorf("the release's data/ is not a link to its view's: %q %v", target, err)
	}
	if fi, err := os.Lstat(filepath.Join(view, "data")); err != nil || !fi.IsDir() {
		t.Errorf("the view's data/ is not a folder: %v", err)
	}
	if page := mustRead(t, filepath.Join(rel, r1, "releases", r1, "index.html")); !strings.Contains(string(page), "url=../../") {
		t.Errorf("the release's link to itself: %s", page)
	}
	// r1 as an older budgetpub left it: its files in its own folder
	r2 := publish(2)
	os.RemoveAll(filepath.Join(rel, r1))
	for f, data := range first {
		p := filepath.Join(rel, r1, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, data, 0o644)
	}
	os.RemoveAll(view)
	if again := publish(1); again != r1 {
		t.Fatalf("published %s again, want %s", again, r1)
	}
	if fi, err := os.Lstat(filepath.Join(view, "data")); err != nil || !fi.IsDir() {
		t.Fatalf("the older release's view: %v", err)
	}
	if got := readTree(t, out); len(got) != len(first) {
		t.Errorf("the older release published again: %d files, want %d", len(got), len(first))
	} else {
		for f, data := range first {
			if !bytes.Equal(got[f], data) {
				t.Errorf("the older release published again: %s differs", f)
			}
		}
	}
	// r2, neither current nor the one before, goes with its view; r1's
	// view, served until now, stays to the next run
	r3 := publish(3)
	if exists(filepath.Join(rel, r2)) || exists(filepath.Join(rel, ".view-"+r2)) {
		t.Errorf("the release dropped (%s) or its view is left", r2)
	}
	if !exists(filepath.Join(rel, r3)) || !exists(view) {
		t.Errorf("release %s or the view served before it (%s) gone", r3, view)
	}
	publish(4) // r1 dropped: its view, not served since, goes
	if exists(filepath.Join(rel, r1)) || exists(view) {
		t.Errorf("the release dropped (%s) or its view is left", r1)
	}
	if !exists(filepath.Join(rel, ".view-"+r3)) {
		t.Errorf("the view of %s, kept, is gone", r3)
	}
	files := 0
	if err := walkFollowing(out, nil, &files); err != nil {
		t.Fatal(err)
	}
}
