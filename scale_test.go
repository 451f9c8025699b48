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
	"sync"
	"syscall"
	"testing"
	"time"

	"budgetpub/gen"
	"budgetpub/schema"
)

// TestScale is the whole-run benchmark: for each size in BUDGETPUB_SCALE
// (e.g. "1000,10000,100000") it generates that many documents, times a full
// build, a no-change rebuild, a rebuild after 1% changed and then one after
// a new document was added as real processes (peak RSS from rusage), measures two floors — reading every
// input byte and writing as many bytes as the build wrote, and the schema
// validator alone on the documents the build published — and rewrites the
// scale section of BENCHMARKS.md. BUDGETPUB_SCALE_RUNS=R repeats each size R
// times and gives every figure as a range (the machine may be shared).
// Without BUDGETPUB_SCALE it does nothing: CI runs it at a small size
// through BUDGETPUB_SCALE=300.
func TestScale(t *testing.T) {
	spec := os.Getenv("BUDGETPUB_SCALE")
	if spec == "" {
		t.Skip("set BUDGETPUB_SCALE=1000,10000 to run the scale benchmark")
	}
	runs := 1
	if s := os.Getenv("BUDGETPUB_SCALE_RUNS"); s != "" {
		var err error
		if runs, err = strconv.Atoi(s); err != nil || runs < 1 {
			t.Fatalf("bad BUDGETPUB_SCALE_RUNS %q", s)
		}
	}
	var rows []string
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < len(gen.Families) {
			t.Fatalf("bad size %q", f)
		}
		var ms []scaleStat
		for range runs {
			m := scaleRun(t, n)
			t.Log(scaleRow([]scaleStat{m}))
			ms = append(ms, m)
		}
		rows = append(rows, scaleRow(ms))
	}
	if os.Getenv("BUDGETPUB_SCALE_WRITE") != "" {
		writeScaleSection(t, rows)
	}
}

type runStat struct {
	wall   time.Duration
	cpu    time.Duration // user and system: steadier than wall time on a shared machine
	maxRSS int64         // KiB
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
	return runStat{time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss}
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

// v5Floor is the time the schema's validator (santhosh-tekuri/jsonschema/v5,
// through schema.ValidateJSON: decoding and validating) alone takes on the
// documents the release published, each read from data/<id>.json, on every
// core as the build's extraction runs, and the CPU time it took (the
// test's own, as the builds' is theirs: the ratio of the two is what a
// shared machine's load leaves alone). The schema is compiled before the
// clock starts.
func v5Floor(t *testing.T, release string) (wall, cpu time.Duration) {
	docs, _ := filepath.Glob(filepath.Join(release, "data", "*.json"))
	if len(docs) == 0 {
		t.Fatalf("no documents in %s", release)
	}
	if err := schema.ValidateJSON([]byte("{}")); err == nil {
		t.Fatal("the schema takes an empty object")
	}
	start, cpu0 := time.Now(), selfCPU()
	next := make(chan string)
	errs := make(chan error, len(docs))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range next {
				data, err := os.ReadFile(p)
				if err == nil {
					err = schema.ValidateJSON(data)
				}
				if err != nil {
					errs <- fmt.Errorf("%s: %w", p, err)
				}
			}
		})
	}
	for _, p := range docs {
		next <- p
	}
	close(next)
	wg.Wait()
	wall, cpu = time.Since(start), selfCPU()-cpu0
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	return wall, cpu
}

// selfCPU is the user and system time this process has taken.
func selfCPU() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// scaleStat is one run of one size.
type scaleStat struct {
	docs                 int
	inBytes              int64
	load                 string // the load average when the run started
	full, same, one, add runStat
	outBytes             int64
	outFiles             int
	jsonBytes, pageBytes int64 // data/, and doc/ with source/
	floor, v5, v5CPU     time.Duration
}

func scaleRun(t *testing.T, n int) scaleStat {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "pub")
	fams := len(gen.Families)
	if err := gen.Generate(gen.Options{N: (n + fams - 1) / fams, Out: in, Seed: 42}); err != nil {
		t.Fatal(err)
	}
	var m scaleStat
	m.inBytes, _ = dirSize(in)
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		m.load = strings.Join(strings.Fields(string(data))[:3], " ")
	}
	m.full = runBuild(t, in, out)
	cur, _ := filepath.EvalSymlinks(out)
	m.outBytes, m.outFiles = dirSize(cur)
	m.jsonBytes, _ = dirSize(filepath.Join(cur, "data"))
	docPages, _ := dirSize(filepath.Join(cur, "doc"))
	srcPages, _ := dirSize(filepath.Join(cur, "source"))
	m.pageBytes = docPages + srcPages
	m.v5, m.v5CPU = v5Floor(t, cur)
	m.same = runBuild(t, in, out)
	// change 1% of the inputs: one more responsibility line
	txts, _ := filepath.Glob(filepath.Join(in, "*.txt"))
	sort.Strings(txts)
	for i := 0; i < len(txts); i += 100 {
		f, _ := os.OpenFile(txts[i], os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("\n（附）本文件已更新。\n")
		f.Close()
	}
	m.one = runBuild(t, in, out)
	before := publishedDocs(t, out)
	addDocument(t, in, (n+fams-1)/fams)
	m.add = runBuild(t, in, out)
	if after := publishedDocs(t, out); after != before+1 {
		t.Fatalf("%d documents published after one was added to %d", after, before)
	}
	m.floor = floor(t, in, m.outBytes)
	m.docs = len(txts)
	return m
}

// publishedDocs counts the documents of the release out points to.
func publishedDocs(t *testing.T, out string) int {
	t.Helper()
	docs, err := filepath.Glob(filepath.Join(out, "data", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return len(docs)
}

// addDocument adds a new generated document to in, which holds per
// documents of each family of seed 42: the next narrative one, drawn as
// Generate with one more a family draws it.
func addDocument(t *testing.T, in string, per int) {
	t.Helper()
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{N: per + 1, Out: dir, Seed: 42, Only: []string{gen.Families[0]}}); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("gen-%s-%06d.txt", gen.Families[0], per)
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(in, name)); err == nil {
		t.Fatalf("%s is in %s already", name, in)
	}
	if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// span formats the smallest and largest of a figure over the runs: "3.1"
// or "3.1–3.4".
func span(ms []scaleStat, f func(scaleStat) float64, format string) string {
	lo, hi := f(ms[0]), f(ms[0])
	for _, m := range ms[1:] {
		lo, hi = min(lo, f(m)), max(hi, f(m))
	}
	a, b := fmt.Sprintf(format, lo), fmt.Sprintf(format, hi)
	if a == b {
		return a
	}
	return a + "–" + b
}

// scaleRow is the table row of the runs of one size.
func scaleRow(ms []scaleStat) string {
	m := ms[0]
	docs := float64(m.docs)
	rate := func(r func(scaleStat) runStat) string {
		return span(ms, func(m scaleStat) float64 { return r(m).wall.Seconds() }, "%.1f") + " s, " +
			span(ms, func(m scaleStat) float64 { return docs / r(m).wall.Seconds() }, "%.0f") + " docs/s"
	}
	var loads []string
	for _, m := range ms {
		loads = append(loads, m.load)
	}
	share := func(r func(runStat) time.Duration) string {
		return span(ms, func(m scaleStat) float64 { return 100 * r(m.one).Seconds() / r(m.full).Seconds() }, "%.0f") + "%"
	}
	return fmt.Sprintf("| %d | %.0f MB | %s | %s | %s | %s | %s of the full build, CPU %s (%s s of %s s) | %s MB | %.0f MB, %d files | %.1f KB, %.2f files (JSON %.1f KB, pages %.1f KB) | %s s | %s× | %s s, CPU %s s | %s×, CPU %s× | %s |",
		m.docs, float64(m.inBytes)/1e6,
		rate(func(m scaleStat) runStat { return m.full }),
		rate(func(m scaleStat) runStat { return m.same }),
		rate(func(m scaleStat) runStat { return m.one }),
		rate(func(m scaleStat) runStat { return m.add }),
		share(func(r runStat) time.Duration { return r.wall }), share(func(r runStat) time.Duration { return r.cpu }),
		span(ms, func(m scaleStat) float64 { return m.one.cpu.Seconds() }, "%.1f"),
		span(ms, func(m scaleStat) float64 { return m.full.cpu.Seconds() }, "%.1f"),
		span(ms, func(m scaleStat) float64 { return float64(max(m.full.maxRSS, m.one.maxRSS, m.add.maxRSS) / 1024) }, "%.0f"),
		float64(m.outBytes)/1e6, m.outFiles,
		float64(m.outBytes)/docs/1e3, float64(m.outFiles)/docs, float64(m.jsonBytes)/docs/1e3, float64(m.pageBytes)/docs/1e3,
		span(ms, func(m scaleStat) float64 { return m.floor.Seconds() }, "%.2f"),
		span(ms, func(m scaleStat) float64 { return m.full.wall.Seconds() / m.floor.Seconds() }, "%.0f"),
		span(ms, func(m scaleStat) float64 { return m.v5.Seconds() }, "%.2f"),
		span(ms, func(m scaleStat) float64 { return m.v5CPU.Seconds() }, "%.2f"),
		span(ms, func(m scaleStat) float64 { return m.full.wall.Seconds() / m.v5.Seconds() }, "%.1f"),
		span(ms, func(m scaleStat) float64 { return m.full.cpu.Seconds() / m.v5CPU.Seconds() }, "%.1f"),
		strings.Join(loads, "; "))
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
	runs := os.Getenv("BUDGETPUB_SCALE_RUNS")
	if runs == "" {
		runs = "1"
	}
	fmt.Fprintf(&b, "%s\nMachine: %d cores, %s/%s, %s. Command: `BUDGETPUB_SCALE=%s BUDGETPUB_SCALE_RUNS=%s BUDGETPUB_SCALE_WRITE=1 go test -run TestScale -timeout 3h .` (`task bench`); a range is the smallest and largest of the runs.\n\n",
		begin, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), os.Getenv("BUDGETPUB_SCALE"), runs)
	b.WriteString("| documents | input | full build | no-change rebuild | rebuild after 1% changed | then 1 document added | 1% changed ÷ full | peak RSS | output | per document | bytes floor | full ÷ bytes floor | v5 floor (wall, CPU) | full ÷ v5 floor (wall, CPU) | load average at start |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	s = s[:i] + b.String() + s[j:]
	if err := os.WriteFile("BENCHMARKS.md", []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestScaleRowCPU: the row gives the v5 floor's CPU beside its wall time,
// and the full build's CPU over it beside the walls' ratio.
func TestScaleRowCPU(t *testing.T) {
	m := scaleStat{docs: 1000, full: runStat{wall: 7 * time.Second, cpu: 12 * time.Second}, v5: time.Second, v5CPU: 2 * time.Second,
		same: runStat{wall: time.Second, cpu: time.Second}, one: runStat{wall: time.Second, cpu: time.Second}, add: runStat{wall: time.Second, cpu: time.Second}, floor: time.Second}
	if row := scaleRow([]scaleStat{m}); !strings.Contains(row, "| 1.00 s, CPU 2.00 s | 7.0×, CPU 6.0× |") {
		t.Errorf("the v5 floor's cells: %s", row)
	}
}
