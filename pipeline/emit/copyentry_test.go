package emit

import (
	"archive/zip"
	"bytes"
	"encoding/hex"
	"math/rand/v2"
	"runtime"
	"testing"
)

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
