package emit

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestDeflatedRunsAsBundleWrites: a file deflated by runs before the
// bundle (deflateRuns) is its entry in the bundle, written as CreateHeader
// writes a deflated file's (header, extended timestamp, data descriptor),
// whose bytes inflate to the file's, and its File is the file's sha256
// and size. Deflated again with the first store, a file whose runs are
// the same but one copies all the others but the first and the last, not
// kept (the last longer than runPiece, in pieces), and deflates that one,
// and the bundle is the bytes a fresh store gives.
func TestDeflatedRunsAsBundleWrites(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"CREATE TABLE ", "公积金", "\x00\x01", "预算", "line_items", "\x7f"}
	var data []byte
	for len(data) < 3*runPiece {
		data = append(data, words[rng.IntN(len(words))]...)
	}
	data = data[:3*runPiece+100]
	starts := []int64{4096, 5000, 5000, 70000, 2*runPiece + 1}
	names := []string{"a.csv", "budgetpub.sqlite"}
	if err := os.WriteFile(filepath.Join(dir, "a.csv"), []byte("a,b\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	storePath := filepath.Join(t.TempDir(), "segments-sqlite")
	zipped := func(name string, data []byte, reuse bool) ([]byte, [3]int) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "budgetpub.sqlite"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		dst, err := openSegStore(storePath, "test", reuse)
		if err != nil {
			t.Fatal(err)
		}
		f, d, err := deflateRuns(dir, "budgetpub.sqlite", starts, dst)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if f.Path != "budgetpub.sqlite" || f.Bytes != int64(len(data)) || f.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("File %+v", f)
		}
		st, err := openSegStore("", "test", false)
		if err != nil {
			t.Fatal(err)
		}
		defer st.abort()
		fl := newFlusher()
		defer fl.close()
		if _, err := bundle(fl, dir, name, names, []byte("readme"), nil, st, nil, map[string]*deflated{"budgetpub.sqlite": d}); err != nil {
			t.Fatal(err)
		}
		if err := dst.close(); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.File {
			if e.Name != "budgetpub/budgetpub.sqlite" {
				continue
			}
			if e.Flags&0x8 == 0 || e.Method != zip.Deflate || len(e.Extra) != 9 {
				t.Errorf("the entry's header: flags %#x, method %d, extra %x", e.Flags, e.Method, e.Extra)
			}
			rc, err := e.Open()
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(rc) // the CRC-32 checked at its end
			rc.Close()
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("the entry inflates to %d bytes (%v), not the file's %d", len(got), err, len(data))
			}
		}
		return b, dst.deflated
	}
	_, first := zipped("first.zip", data, false)
	if first[segDatabase] != 7 { // 0–4096, 4096–5000, 5000–70000, then two runs of two pieces
		t.Errorf("%d segments deflated, not 7", first[segDatabase])
	}
	changed := bytes.Clone(data)
	changed[6000] ^= 1
	changed[len(changed)-10] ^= 1 // the last run, as budgetpub.sqlite's changes at every run
	before, err := os.Stat(storePath)
	if err != nil {
		t.Fatal(err)
	}
	again, second := zipped("again.zip", changed, true)
	if second[segDatabase] != 4 { // the first run, the one changed, the last's two pieces
		t.Errorf("one run changed: %d segments deflated again, not 4", second[segDatabase])
	}
	// the first run and the last are not kept; the changed one is added
	if after, err := os.Stat(storePath); err != nil || after.Size()-before.Size() > 50000 { // the changed run, 65 KB, deflated; not the last, 1 MB
		t.Errorf("the store went from %d to %d bytes (%v)", before.Size(), after.Size(), err)
	}
	os.Remove(storePath)
	fresh, _ := zipped("fresh.zip", changed, false)
	if !bytes.Equal(again, fresh) {
		t.Error("a bundle with runs copied from the store is not the bundle of a fresh store")
	}
}

// TestCopyEntryAsZipCopy: an earlier bundle's entry copied by copyEntry
// is what zip.Writer.Copy writes, byte for byte, and copying many takes
// one buffer, not one an entry.
func TestCopyEntryAsZipCopy(t *testing.T) {
	var src bytes.Buffer
	zw := zip.NewWriter(&src)
	r := rand.New(rand.NewPCG(7, 7))
	const entries = 64
	for i := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "budgetpub/data/" + string(rune('a'+i%26)) + hex.EncodeToString([]byte{byte(i)}) + ".json", Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, 5000+r.IntN(40000))
		for j := range b {
			b[j] = "{}\"0123456789abc \n"[r.IntN(18)]
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src.Bytes()), int64(src.Len()))
	if err != nil {
		t.Fatal(err)
	}
	write := func(copy func(*zip.Writer, *zip.File) error) ([]byte, uint64) {
		var out bytes.Buffer
		out.Grow(2 * src.Len())
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			if err := copy(zw, f); err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return out.Bytes(), after.TotalAlloc - before.TotalAlloc
	}
	want, _ := write((*zip.Writer).Copy)
	buf := make([]byte, 32<<10)
	got, allocated := write(func(zw *zip.Writer, f *zip.File) error { return copyEntry(zw, f, buf) })
	if !bytes.Equal(got, want) {
		t.Fatalf("copyEntry wrote %d bytes, not zip.Writer.Copy's %d", len(got), len(want))
	}
	if allocated > entries*32<<10/4 {
		t.Errorf("copying %d entries allocated %d bytes", entries, allocated)
	}
}
