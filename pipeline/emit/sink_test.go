package emit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Files written through sinks at once, by writes of every size (empty,
// smaller and larger than a buffer, a buffer exactly), hold their bytes
// in order, and each's File is its own size and sha256 — the hash made as
// the flusher wrote, not by reading the file.
func TestSinksHashWhatTheyWrite(t *testing.T) {
	dir := t.TempDir()
	fl := newFlusher()
	defer fl.close()
	r := rand.New(rand.NewPCG(1, 2))
	const files = 5
	sinks := make([]*sink, files)
	want := make([][]byte, files)
	for i := range sinks {
		s, err := fl.createSink(dir, "d/f"+strconv.Itoa(i))
		if err != nil {
			t.Fatal(err)
		}
		sinks[i] = s
	}
	sizes := []int{0, 1, 7, sinkBuffer - 1, sinkBuffer, sinkBuffer + 1, 3*sinkBuffer + 5}
	for range 400 {
		i := r.IntN(files)
		n := sizes[r.IntN(len(sizes))]
		if r.IntN(2) == 0 {
			n = r.IntN(5000)
		}
		b := make([]byte, n)
		for j := range b {
			b[j] = byte(r.Uint32())
		}
		if k, err := sinks[i].Write(b); k != n || err != nil {
			t.Fatalf("Write: %d, %v", k, err)
		}
		want[i] = append(want[i], b...)
		clear(b) // the caller's bytes are its own again
	}
	for i, s := range sinks {
		f, err := s.close()
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "d", "f"+strconv.Itoa(i)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want[i]) {
			t.Errorf("file %d: %d bytes, not the %d written", i, len(got), len(want[i]))
		}
		sum := sha256.Sum256(got)
		if f.Path != "d/f"+strconv.Itoa(i) || f.Bytes != int64(len(got)) || f.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("file %d: File %+v, not its own", i, f)
		}
		if _, err := s.Write([]byte("x")); err == nil {
			t.Errorf("file %d: a write after its close", i)
		}
	}
}

// A file's write that fails (a full disk) fails its close: the release is
// not published with a short file.
func TestSinkReportsAFailedWrite(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fl := newFlusher()
	defer fl.close()
	s := &sink{fl: fl, rel: "full", buf: fl.buffer(), f: full, h: sha256.New()}
	s.Write(make([]byte, 2*sinkBuffer+1))
	if _, err := s.close(); err == nil {
		t.Error("closed without the write's error")
	}
}

// TestFileSHA256AsFileSums: the database's read-back gives the File
// fileSums gives, for a file of a few of its reads and one byte over
// (3 MiB + 1), one shorter than a read, and an empty one; a missing file
// is an error.
func TestFileSHA256AsFileSums(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{3<<20 + 1, 1000, 0} {
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		rel := fmt.Sprintf("f%d.bin", size)
		if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
		want, _, err := fileSums(dir, rel)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fileSHA256(dir, rel)
		if err != nil || got != want {
			t.Errorf("%d bytes: fileSHA256 %+v, %v; fileSums %+v", size, got, err, want)
		}
	}
	if _, err := fileSHA256(dir, "missing"); err == nil {
		t.Error("a missing file hashed")
	}
}
