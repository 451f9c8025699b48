package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/s2"
	"golang.org/x/sys/unix"

	"budgetpub/internal/wire"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"
	"budgetpub/site"
)

// A PDF and a text file of the same name are one disclosure: the PDF is
// read when pdftotext is there, the text otherwise; the metadata row of
// either name serves both. Workbooks are inputs whatever lies beside them,
// but an .xls beside its .xlsx (its conversion) is left out.
func TestInputsPreferThePDF(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "a.pdf", "b.txt", "c.pdf", "README.md", ".hidden.txt", "d.xls", "d.xlsx", "e.XLS", "c.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		pdf  bool
		want []string
	}{
		{true, []string{"a.pdf", "b.txt", "c.pdf", "c.xlsx", "d.xlsx", "e.XLS"}},
		{false, []string{"a.txt", "b.txt", "c.pdf", "c.xlsx", "d.xlsx", "e.XLS"}},
	} {
		files, _, err := Inputs(dir, c.pdf)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, filepath.Base(f))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("pdftotext %v: inputs %v, want %v", c.pdf, got, c.want)
		}
	}
	meta := map[string]Metadata{"more/a.txt": {Department: "某局"}}
	if m := metadataFor(meta, "more/a.pdf"); m.Department != "某局" {
		t.Errorf("the text's metadata row does not serve its PDF: %+v", m)
	}
	if m := metadataFor(meta, "more/b.pdf"); m.Department != "" {
		t.Errorf("another file's row was used: %+v", m)
	}
}

// buildWithin runs Build and fails the test if it has not returned after d:
// the inputs these tests give it used to hang a run forever.
func buildWithin(t *testing.T, d time.Duration, o Options) (*Report, error) {
	t.Helper()
	type result struct {
		rep *Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		rep, err := Build(context.Background(), o)
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.err
	case <-time.After(d):
		t.Fatalf("build still running after %v", d)
		return nil, nil
	}
}

// Only regular files inside --in are read: a FIFO, a link to a device and a
// link leaving the folder are reported, not opened; a link inside is read.
func TestInputsOnlyRegularFilesInside(t *testing.T) {
	in, outside := t.TempDir(), t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "secret.txt")
	for _, p := range []string{filepath.Join(in, "good.txt"), secret} {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(in, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(in, "sub"), 0o755)
	for link, target := range map[string]string{
		"zero.txt":     "/dev/zero",
		"leak.txt":     secret,
		"sub/up.txt":   "../../" + filepath.Base(outside) + "/secret.txt",
		"broken.txt":   "missing.txt",
		"sub/same.txt": "../good.txt",
	} {
		if err := os.Symlink(target, filepath.Join(in, link)); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "pub")
	rep, err := buildWithin(t, 30*time.Second, Options{In: in, Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, r := range rep.Rejected {
		rel, _ := filepath.Rel(in, r.Path)
		reasons[rel] = r.Error
	}
	for file, want := range map[string]string{
		"pipe.txt":   "not a regular file: a named pipe",
		"zero.txt":   "outside the input folder",
		"leak.txt":   "outside the input folder",
		"sub/up.txt": "outside the input folder",
		"broken.txt": "no such file",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("%s: reason %q, want %q", file, reasons[file], want)
		}
	}
	if rep.Documents != 2 || len(rep.Rejected) != 5 {
		t.Errorf("%d documents, rejected %v; want good.txt and sub/same.txt published, 5 rejected", rep.Documents, reasons)
	}
	var run Report
	if data, err := os.ReadFile(out + ".run.json"); err != nil || json.Unmarshal(data, &run) != nil || len(run.Rejected) != 5 {
		t.Errorf("OUT.run.json does not list the files left out: %v %s", err, data)
	}
	if _, err := os.Stat(filepath.Join(out, "data", "leak.json")); err == nil {
		t.Error("a file outside --in was published")
	}
}

// metadata.csv is read under the same rules: a link to a device stops the
// run with a message naming it, at once.
func TestMetadataOnlyRegularFile(t *testing.T) {
	in := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(in, MetadataFile)); err != nil {
		t.Fatal(err)
	}
	_, err := buildWithin(t, 30*time.Second, Options{In: in, Out: filepath.Join(t.TempDir(), "pub")})
	if err == nil || !strings.Contains(err.Error(), MetadataFile) || !strings.Contains(err.Error(), "outside the input folder") {
		t.Errorf("err = %v, want metadata.csv refused", err)
	}
}

// withoutDACOverride runs f on an OS thread that does not bypass file
// permissions even as root (the thread ends with f), so that a folder with
// mode 000 is unreadable to f whoever runs the tests.
func withoutDACOverride(t *testing.T, f func()) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread exits with the goroutine
		hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
		var caps [2]unix.CapUserData
		if err := unix.Capget(&hdr, &caps[0]); err != nil {
			done <- err
			return
		}
		caps[0].Effective &^= 1<<unix.CAP_DAC_OVERRIDE | 1<<unix.CAP_DAC_READ_SEARCH
		if err := unix.Capset(&hdr, &caps[0]); err != nil {
			done <- err
			return
		}
		f()
		done <- nil
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// One unreadable subfolder is reported; the rest publishes.
func TestUnreadableFolderDoesNotStopTheRun(t *testing.T) {
	in := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(in, "locked")
	for _, p := range []string{filepath.Join(in, "good.txt"), filepath.Join(locked, "hidden.txt")} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	out := filepath.Join(t.TempDir(), "pub")
	var rep *Report
	withoutDACOverride(t, func() {
		rep, err = Build(context.Background(), Options{In: in, Out: out, Version: "test"})
	})
	if err != nil {
		t.Fatalf("the run stopped: %v", err)
	}
	if rep.Documents != 1 || len(rep.Rejected) != 1 || rep.Rejected[0].Path != locked || !strings.Contains(rep.Rejected[0].Error, "folder not read: permission denied") {
		t.Errorf("%d documents, rejected %+v; want good.txt published, locked/ reported", rep.Documents, rep.Rejected)
	}
	if _, err := os.Stat(filepath.Join(out, "data", "good.json")); err != nil {
		t.Error("the readable input was not published")
	}
}

// A cache entry that cannot be written (here: the disk is full) leaves no
// file behind.
func TestCachePutRemovesFileOnWriteError(t *testing.T) {
	c := cache{dir: t.TempDir()}
	key := strings.Repeat("ab", 32)
	p := c.path(key)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.Symlink("/dev/full", p); err != nil { // writes fail with ENOSPC
		t.Fatal(err)
	}
	if err := c.put(key, &schema.Document{}, nil); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("put: %v, want ENOSPC", err)
	}
	if _, err := os.Lstat(p); !os.IsNotExist(err) {
		t.Errorf("file left after a failed write: %v", err)
	}
}

// loadDoc reads an entry's document as load does, and a torn entry not
// at all.
func TestCacheLoadDoc(t *testing.T) {
	c := cache{dir: t.TempDir()}
	key := strings.Repeat("cd", 32)
	d := &schema.Document{ID: "x", Department: schema.Department{Name: "某局"}}
	if err := c.putEntry(key, &entry{Doc: d, Lines: []string{"收入总计 1.00"}, Parts: [][]string{{"二"}}}); err != nil {
		t.Fatal(err)
	}
	e, ok := c.load(key)
	got, ok2 := c.loadDoc(key)
	if !ok || !ok2 || !reflect.DeepEqual(e.Doc, got) {
		t.Fatalf("loadDoc %+v, load %+v", got, e)
	}
	data, _ := os.ReadFile(c.path(key))
	os.WriteFile(c.path(key), data[:len(data)/4], 0o644)
	if _, ok := c.loadDoc(key); ok {
		t.Error("a torn entry was read")
	}
}

// An entry with a byte changed anywhere before its trailer is refused
// (its CRC), not read as another document.
func TestCacheEntryChanged(t *testing.T) {
	c := cache{dir: t.TempDir()}
	key := strings.Repeat("ce", 32)
	d := &schema.Document{ID: "x", Department: schema.Department{Name: "某局"}, Checks: []schema.Check{{Rule: "r", Severity: "warning", Stated: 1.5}}}
	if err := c.putEntry(key, &entry{Doc: d, Lines: []string{"收入总计 1.00"}}); err != nil {
		t.Fatal(err)
	}
	if e, ok := c.load(key); !ok || !reflect.DeepEqual(e.Doc, d) {
		t.Fatalf("load %+v", e)
	}
	data, _ := os.ReadFile(c.path(key))
	body, _ := cutTrailer(data)
	for i := range body {
		changed := bytes.Clone(data)
		changed[i] ^= 0x20
		os.WriteFile(c.path(key), changed, 0o644)
		if _, ok := c.load(key); ok {
			t.Fatalf("an entry with byte %d changed was read", i)
		}
		if _, ok := c.loadDoc(key); ok {
			t.Fatalf("the document of an entry with byte %d changed was read", i)
		}
	}
}

// An input whose name is not UTF-8 (a GBK name) is left out with its name:
// the name goes into JSON, pages and URLs, and a lossy one would name no
// file (its original could not be published).
func TestNonUTF8NameLeftOut(t *testing.T) {
	in := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "\xb2\xbf\xc3\xc5.txt"), data, 0o644)
	os.WriteFile(filepath.Join(in, "ok.txt"), data, 0o644)
	rep, err := buildWithin(t, 60*time.Second, Options{In: in, Out: filepath.Join(t.TempDir(), "pub"), Originals: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 1 || len(rep.Rejected) != 1 || !strings.Contains(rep.Rejected[0].Error, `the name "\xb2\xbf\xc3\xc5.txt" is not UTF-8`) {
		t.Errorf("documents %d, rejected %+v", rep.Documents, rep.Rejected)
	}
}

// A fragment comes back as it was kept; one torn at any length, or with a
// byte changed anywhere, is refused (not taken for no fragment, which is
// said nothing of), and a torn temporary file is no fragment.
func TestCacheFragmentTornOrCorrupt(t *testing.T) {
	c := cache{dir: t.TempDir()}
	pk := strings.Repeat("ef", 32)
	if _, err := c.loadFragment(pk); !errors.Is(err, errNoFragment) {
		t.Fatalf("no fragment: %v", err)
	}
	d := &schema.Document{ID: "x", Department: schema.Department{Name: "某局"}, Checks: []schema.Check{{Rule: "r", Severity: "warning", Message: "某某"}}}
	rows, err := emit.RowsOf(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	sentences := []emit.SearchEntry{{Kind: "sentence", DocumentID: "x", Text: "本部门贯彻落实决策部署。", Pointer: "/a", Line: 3, File: 1}}
	f := &fragment{
		Sentences: sentences,
		Terms:     emit.FTSTerms(sentences),
		Places:    site.SentencePlaces(sentences),
		Rows:      rows,
		Summary:   site.Summarize(d),
	}
	if err := c.putFragment(pk, f); err != nil {
		t.Fatal(err)
	}
	got, err := c.loadFragment(pk)
	if err != nil || !reflect.DeepEqual(got.Sentences, f.Sentences) || !reflect.DeepEqual(got.Summary, f.Summary) ||
		!bytes.Equal(got.Terms, f.Terms) || !bytes.Equal(got.Places, f.Places) || len(got.Terms) < 8 ||
		!bytes.Equal(got.Rows.AppendBinary(nil), f.Rows.AppendBinary(nil)) || len(got.Rows.Entries()) != 2 {
		t.Fatalf("got %+v, %v; want %+v", got, err, f)
	}
	data, _ := os.ReadFile(c.fragmentPath(pk))
	for n := 0; n < len(data); n++ {
		os.WriteFile(c.fragmentPath(pk), data[:n], 0o644)
		if _, err := c.loadFragment(pk); err == nil || errors.Is(err, errNoFragment) {
			t.Fatalf("torn at %d of %d bytes: %v", n, len(data), err)
		}
	}
	for i := range data {
		bad := bytes.Clone(data)
		bad[i] ^= 0x04
		os.WriteFile(c.fragmentPath(pk), bad, 0o644)
		if _, err := c.loadFragment(pk); err == nil || errors.Is(err, errNoFragment) {
			t.Fatalf("byte %d of %d changed: %v", i, len(data), err)
		}
	}
	os.Remove(c.fragmentPath(pk))
	os.WriteFile(c.fragmentPath(pk)+".tmp-1", data[:len(data)/2], 0o644)
	if _, err := c.loadFragment(pk); !errors.Is(err, errNoFragment) {
		t.Fatalf("a torn temporary file: %v", err)
	}
}

// TestFragmentReadIntoKeptBuffer: a fragment is read into a buffer kept
// for the next (fragmentBufs): loading one allocates what s2 decodes it
// into and what is parsed of it, not its file again.
func TestFragmentReadIntoKeptBuffer(t *testing.T) {
	c, pk := cache{dir: t.TempDir()}, strings.Repeat("cd", 32)
	d, rows := rowsOfOne(t)
	// one long sentence of characters drawn at random: little to compress,
	// little to parse
	r := rand.New(rand.NewPCG(1, 2))
	var text strings.Builder
	for range 60000 {
		text.WriteRune(rune(0x4E00 + r.IntN(3000)))
	}
	sentences := []emit.SearchEntry{{Kind: "sentence", DocumentID: "x", Text: text.String(), Pointer: "/a", Line: 1, File: 1}}
	f := &fragment{Sentences: sentences, Terms: emit.FTSTerms(sentences), Places: site.SentencePlaces(sentences), Rows: rows, Summary: site.Summarize(d)}
	if err := c.putFragment(pk, f); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(c.fragmentPath(pk))
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := s2.DecodedLen(data[len(fragmentMagic)+9:])
	if err != nil {
		t.Fatal(err)
	}
	least := leastAllocated(func() {
		if _, err := c.loadFragment(pk); err != nil {
			t.Fatal(err)
		}
	})
	if least-decoded > len(data)/2 {
		t.Errorf("a fragment of %d bytes, %d decoded, allocates %d bytes each time it is loaded", len(data), decoded, least)
	}
}

// TestFragmentBuffersKept: a fragment's file is its header and its body
// compressed, made in buffers that held a larger fragment or a smaller
// one; kept, they are not grown again: a fragment made again allocates
// less than its own size.
func TestFragmentBuffersKept(t *testing.T) {
	c, pk := cache{dir: t.TempDir()}, strings.Repeat("ab", 32)
	d, rows := rowsOfOne(t)
	made := func(n int) *fragment {
		var sentences []emit.SearchEntry
		for i := range n {
			sentences = append(sentences, emit.SearchEntry{Kind: "sentence", DocumentID: "x", Text: fmt.Sprintf("本部门第%d项工作贯彻落实决策部署。", i), Pointer: "/a", Line: i + 1, File: 1})
		}
		return &fragment{Sentences: sentences, Terms: emit.FTSTerms(sentences), Places: site.SentencePlaces(sentences), Rows: rows, Summary: site.Summarize(d)}
	}
	plain := func(f *fragment) []byte {
		body := f.Summary.AppendBinary(nil)
		body = emit.AppendEntries(body, f.Sentences)
		body = wire.AppendString(body, f.Terms)
		body = wire.AppendString(body, f.Places)
		body = s2.Encode(nil, f.Rows.AppendBinary(body))
		return append([]byte(fmt.Sprintf("%s%08x\n", fragmentMagic, crc32.Checksum(body, castagnoli))), body...)
	}
	big, small := made(3000), made(3)
	for _, f := range []*fragment{big, small, big, small} {
		if err := c.putFragment(pk, f); err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(c.fragmentPath(pk)); !bytes.Equal(data, plain(f)) {
			t.Fatalf("a fragment of %d sentences written as %d bytes, not its %d", len(f.Sentences), len(data), len(plain(f)))
		}
	}
	size := len(plain(big))
	if least := leastAllocated(func() { c.putFragment(pk, big) }); least > size {
		t.Errorf("a fragment of %d bytes allocates %d bytes each time it is made", size, least)
	}
}

// rowsOfOne is a document with nothing but its department, and its rows.
func rowsOfOne(t *testing.T) (*schema.Document, *emit.Rows) {
	t.Helper()
	d := &schema.Document{ID: "x", Department: schema.Department{Name: "某局"}}
	rows, err := emit.RowsOf(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d, rows
}

// leastAllocated is what f allocates a call, the least of five rounds of
// ten calls, with no collection while measured: one empties the pools, as
// it may between any two documents of a build; and the least, as a
// goroutine moved to another core finds the pools' buffers of the one it
// left only when they are shared.
func leastAllocated(f func()) int {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	least := -1
	for range 5 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		const runs = 10
		for range runs {
			f()
		}
		runtime.ReadMemStats(&after)
		if per := int(after.TotalAlloc-before.TotalAlloc) / runs; least < 0 || per < least {
			least = per
		}
	}
	return least
}

// TestPipelined: chunk k+1 is prepared while chunk k is written (a write
// that waits for the next chunk's preparation would wait forever
// otherwise), each chunk is written after it is prepared and in order,
// chunk k+2 is prepared only once chunk k is written (two buffers serve),
// and the first error, of either, stops it with nothing left running.
func TestPipelined(t *testing.T) {
	const n = 5
	var mu sync.Mutex
	var log []string
	record := func(s string) {
		mu.Lock()
		log = append(log, s)
		mu.Unlock()
	}
	prepared := make([]chan struct{}, n)
	for k := range prepared {
		prepared[k] = make(chan struct{})
	}
	err := pipelined(n, func(k int) error {
		record("p" + strconv.Itoa(k))
		close(prepared[k])
		return nil
	}, func(k int) error {
		if k+1 < n {
			select {
			case <-prepared[k+1]:
			case <-time.After(10 * time.Second):
				return fmt.Errorf("chunk %d was not prepared while chunk %d was written", k+1, k)
			}
		}
		record("w" + strconv.Itoa(k))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]int{}
	for i, s := range log {
		at[s] = i
	}
	if len(log) != 2*n {
		t.Fatalf("steps %v", log)
	}
	for k := range n {
		p, w := "p"+strconv.Itoa(k), "w"+strconv.Itoa(k)
		if at[p] > at[w] {
			t.Errorf("%s before %s: %v", w, p, log)
		}
		if k > 0 && at["w"+strconv.Itoa(k-1)] > at[w] {
			t.Errorf("chunk %d written before chunk %d: %v", k, k-1, log)
		}
		if k >= 2 && at["w"+strconv.Itoa(k-2)] > at[p] {
			t.Errorf("chunk %d prepared before chunk %d was written: %v", k, k-2, log)
		}
	}

	for _, c := range []struct {
		what         string
		failPrepare  int
		failWrite    int
		want         string
		neverPrepare int
	}{
		{"a write fails", -1, 1, "w1", 3},
		{"a preparation fails", 2, -1, "p2", 3},
	} {
		var ran []string
		var mu sync.Mutex
		step := func(name string, fail int) func(k int) error {
			return func(k int) error {
				mu.Lock()
				ran = append(ran, name+strconv.Itoa(k))
				mu.Unlock()
				if k == fail {
					return errors.New(name + strconv.Itoa(k))
				}
				return nil
			}
		}
		err := pipelined(n, step("p", c.failPrepare), step("w", c.failWrite))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %s", c.what, err, c.want)
		}
		mu.Lock() // nothing runs once pipelined has returned
		for _, s := range ran {
			if s == "p"+strconv.Itoa(c.neverPrepare) || s == "w"+strconv.Itoa(c.failPrepare) {
				t.Errorf("%s: %s ran: %v", c.what, s, ran)
			}
		}
		mu.Unlock()
	}
}

// TestFirstErrorOfAnyKind: a chunk's documents fail side by side with
// errors of different kinds — a cache entry gone (a plain error), a page
// not written (*fs.PathError) — and the preparation returns the first one
// as an error, instead of panicking as an atomic.Value does on a second
// error of another type.
func TestFirstErrorOfAnyKind(t *testing.T) {
	var got firstError
	first := errors.New("cache: the entry of a vanished during the run")
	got.set(first)
	parallel(8, func(i int) {
		if i%2 == 0 {
			got.set(&fs.PathError{Op: "open", Path: "doc/b.html", Err: syscall.ENOSPC})
		} else {
			got.set(fmt.Errorf("rows of c: %w", io.ErrUnexpectedEOF))
		}
	})
	if err := got.get(); err != first {
		t.Errorf("got %v, want the first error, %v", err, first)
	}
}
