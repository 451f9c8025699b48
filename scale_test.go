package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"budgetpub/gen"
)

// TestScale is the whole-run benchmark: for each size in BUDGETPUB_SCALE
// (e.g. "1000,10000,100000") it generates that many documents, times a full
// build, a no-change rebuild and a rebuild after 1% changed as real
// processes (peak RSS from rusage), measures the floor (reading every input
// byte and writing as many bytes as the build wrote), and rewrites the
// scale section of BENCHMARKS.md. Without the variable it does nothing:
// CI runs it at a small size through BUDGETPUB_SCALE=300.
func TestScale(t *testing.T) {
	spec := os.Getenv("BUDGETPUB_SCALE")
	if spec == "" {
		t.Skip("set BUDGETPUB_SCALE=1000,10000 to run the scale benchmark")
	}
	var rows []string
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 3 {
			t.Fatalf("bad size %q", f)
		}
		rows = append(rows, scaleRun(t, n))
	}
	if os.Getenv("BUDGETPUB_SCALE_WRITE") != "" {
		writeScaleSection(t, rows)
	}
}

type runStat struct {
	wall   time.Duration
	maxRSS int64 // KiB
}

func runBuild(t *testing.T, in, out string, extra ...string) runStat {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"build", "--in", in, "--out", out, "--quiet"}, extra...)...)
	cmd.Env = append(os.Environ(), "BUDGETPUB_AS_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	return runStat{time.Since(start), cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss}
}

func dirSize(dir string) (n int64, files int) {
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
			files++
		}
		return nil
	})
	return n, files
}

// floor reads every input byte and writes as many bytes as the build wrote.
func floor(t *testing.T, in string, outBytes int64) time.Duration {
	start := time.Now()
	filepath.Walk(in, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() && strings.HasSuffix(p, ".txt") {
			f, _ := os.Open(p)
			io.Copy(io.Discard, f)
			f.Close()
		}
		return nil
	})
	f, err := os.CreateTemp(t.TempDir(), "floor")
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1<<20)
	for left := outBytes; left > 0; left -= int64(len(buf)) {
		f.Write(buf[:min(int64(len(buf)), left)])
	}
	f.Sync()
	f.Close()
	return time.Since(start)
}

func scaleRun(t *testing.T, n int) string {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "pub")
	if err := gen.Generate(gen.Options{N: (n + 2) / 3, Out: in, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	inBytes, _ := dirSize(in)
	full := runBuild(t, in, out)
	cur, _ := filepath.EvalSymlinks(out)
	outBytes, outFiles := dirSize(cur)
	same := runBuild(t, in, out)
	// change 1% of the inputs: one more responsibility line
	txts, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	sort.Strings(txts)
	for i := 0; i < len(txts); i += 100 {
		f, _ := os.OpenFile(txts[i], os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("\n（附）本文件已更新。\n")
		f.Close()
	}
	one := runBuild(t, in, out)
	fl := floor(t, in, outBytes)
	docs := len(txts)
	mb := float64(inBytes) / 1e6
	rate := func(d time.Duration) string {
		return fmt.Sprintf("%.1f s, %.0f docs/s, %.1f MB/s", d.Seconds(), float64(docs)/d.Seconds(), mb/d.Seconds())
	}
	row := fmt.Sprintf("| %d | %.0f MB | %s | %s | %s | %d MB | %.0f MB, %d files | %.2f s | %.0f× |",
		docs, mb, rate(full.wall), rate(same.wall), rate(one.wall), max(full.maxRSS, one.maxRSS)/1024,
		float64(outBytes)/1e6, outFiles, fl.Seconds(), full.wall.Seconds()/fl.Seconds())
	t.Log(row)
	return row
}

func writeScaleSection(t *testing.T, rows []string) {
	const begin, end = "<!-- scale:begin -->", "<!-- scale:end -->"
	data, err := os.ReadFile("BENCHMARKS.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("BENCHMARKS.md has no scale markers")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nMachine: %d cores, %s/%s, %s. Command: `BUDGETPUB_SCALE=%s BUDGETPUB_SCALE_WRITE=1 go test -run TestScale -timeout 3h .` (`task bench`).\n\n",
		begin, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), os.Getenv("BUDGETPUB_SCALE"))
	b.WriteString("| documents | input | full build | no-change rebuild | rebuild after 1% changed | peak RSS | output | floor | full ÷ floor |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	s = s[:i] + b.String() + s[j:]
	if err := os.WriteFile("BENCHMARKS.md", []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
