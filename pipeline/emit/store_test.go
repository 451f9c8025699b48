package emit

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestSegmentStoreAppends: a run that finds its segments in the store
// leaves them where they are and appends only the new ones (the file is
// the same file, longer by those); a run that fails leaves the store as
// it was for the next, which drops what the failed run appended; once
// the file holds more than twice what the last run used, a run starts a
// new file. Every run's segments inflate to their bytes.
func TestSegmentStoreAppends(t *testing.T) {
	// the same runs in two folders make the same store, byte for byte
	var paths []string
	for range 2 {
		paths = append(paths, filepath.Join(t.TempDir(), "segments"))
		segmentStoreRuns(t, paths[len(paths)-1])
	}
	for _, ext := range []string{"", ".idx"} {
		a, errA := os.ReadFile(paths[0] + ext)
		b, errB := os.ReadFile(paths[1] + ext)
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("segments%s of the same runs differ (%v, %v)", ext, errA, errB)
		}
	}
}

// segmentStoreRuns makes the store at path by runs that change one
// segment, fail, change them all and compact it, checking each.
func segmentStoreRuns(t *testing.T, path string) {
	seg := func(i int) []byte { // 20 KB that deflate little
		b := make([]byte, 20000)
		r := rand.New(rand.NewPCG(uint64(i), 1))
		for j := range b {
			b[j] = byte(r.Uint32())
		}
		return b
	}
	key := func(b []byte) segKey {
		s := sha256.Sum256(b)
		var k segKey
		copy(k[:], s[:])
		return k
	}
	// run stores the segments of ids (kept unless fail) and reports how
	// many it deflated; each inflates to its bytes
	run := func(ids []int, fail bool) int {
		t.Helper()
		st, err := openSegStore(path, "test", true)
		if err != nil {
			t.Fatal(err)
		}
		e := &segEntry{}
		for _, i := range ids {
			if err := st.put(key(seg(i)), seg(i), segTable); err != nil {
				t.Fatal(err)
			}
			e.keys = append(e.keys, key(seg(i)))
		}
		var z bytes.Buffer
		if err := st.writeTo(&z, e); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(flate.NewReader(&z))
		var want []byte
		for _, i := range ids {
			want = append(want, seg(i)...)
		}
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("the segments inflate to %d bytes (%v), not %d", len(got), err, len(want))
		}
		if fail {
			st.abort()
		} else if err := st.close(); err != nil {
			t.Fatal(err)
		}
		return st.deflated[segTable]
	}
	stat := func() os.FileInfo {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	if n := run([]int{0, 1, 2, 3, 4, 5, 6, 7}, false); n != 8 {
		t.Fatalf("first run: %d deflated", n)
	}
	first := stat()
	if n := run([]int{0, 1, 2, 30, 4, 5, 6, 7}, false); n != 1 {
		t.Fatalf("one segment changed: %d deflated", n)
	}
	second := stat()
	if !os.SameFile(first, second) || second.Size() <= first.Size() || second.Size()-first.Size() > first.Size()/4 {
		t.Fatalf("one segment changed: the store went from %d to %d bytes (the same file: %v)", first.Size(), second.Size(), os.SameFile(first, second))
	}
	if n := run([]int{0, 1, 2, 30, 4, 5, 6, 70}, true); n != 1 {
		t.Fatalf("a failed run: %d deflated", n)
	}
	if n := run([]int{0, 1, 2, 30, 4, 5, 6, 7}, false); n != 0 {
		t.Fatalf("after a failed run: %d deflated", n)
	}
	if third := stat(); third.Size() != second.Size() || !os.SameFile(third, second) {
		t.Fatalf("after a failed run: %d bytes, not %d", third.Size(), second.Size())
	}
	if n := run([]int{10, 11, 12, 13, 14, 15, 16, 17}, false); n != 8 {
		t.Fatalf("every segment changed: %d deflated", n)
	}
	if n := run([]int{10, 11, 12, 13, 14, 15, 16, 17}, false); n != 0 {
		t.Fatalf("none changed, after the store was compacted: %d deflated", n)
	}
	if last := stat(); os.SameFile(last, first) || last.Size() >= first.Size()*3/2 {
		t.Fatalf("the store holding 2.1 times what it used: %d bytes (the same file: %v)", last.Size(), os.SameFile(last, first))
	}
}

// TestLazySegmentsMadeOnlyWhenDeflated: an entry's segment is made
// (its rows' bytes written) only when the store lacks it; found there,
// its size and CRC-32 are the store's, and the entry's are those of its
// bytes either way.
func TestLazySegmentsMadeOnlyWhenDeflated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "segments")
	made := 0
	rows := func(i int) func([]byte) ([]byte, error) {
		return func(b []byte) ([]byte, error) {
			made++
			return append(b, bytes.Repeat([]byte{byte('a' + i)}, 1000+i)...), nil
		}
	}
	run := func(segs [][]int) (*segEntry, []byte) {
		t.Helper()
		st, err := openSegStore(path, "test", true)
		if err != nil {
			t.Fatal(err)
		}
		e := &segEntry{kind: segSheet}
		var want []byte
		e.write([]byte("<head>"))
		want = append(want, "<head>"...)
		for _, seg := range segs {
			for _, i := range seg {
				var sum rowsSum
				sum[0] = byte(i)
				e.writeLater(rows(i), rowsSheet, sum, 1)
				want, _ = rows(i)(want)
				made--
			}
			if err := e.cut(st); err != nil {
				t.Fatal(err)
			}
		}
		var z bytes.Buffer
		if err := st.writeTo(&z, e); err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(flate.NewReader(&z)); err != nil || !bytes.Equal(got, want) {
			t.Fatalf("the segments inflate to %d bytes (%v), not %d", len(got), err, len(want))
		}
		if err := st.close(); err != nil {
			t.Fatal(err)
		}
		return e, want
	}
	e, want := run([][]int{{0, 1}, {2}, {3, 4}})
	if made != 5 || e.size != int64(len(want)) || e.crc != crc32.ChecksumIEEE(want) {
		t.Fatalf("first run: %d rows made, size %d CRC %08x, not 5, %d, %08x", made, e.size, e.crc, len(want), crc32.ChecksumIEEE(want))
	}
	made = 0
	e, want = run([][]int{{0, 1}, {2, 5}, {3, 4}})
	if made != 2 || e.size != int64(len(want)) || e.crc != crc32.ChecksumIEEE(want) {
		t.Fatalf("one segment changed: %d rows made, size %d CRC %08x, not 2, %d, %08x", made, e.size, e.crc, len(want), crc32.ChecksumIEEE(want))
	}
}
