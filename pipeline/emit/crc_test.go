package emit

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"
)

// TestCRC32Combine: the CRC-32 of two runs of bytes combined is the CRC-32
// of the bytes, for lengths from none to megabytes.
func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	data := make([]byte, 3<<20)
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	for _, n := range []int{0, 1, 2, 3, 7, 8, 100, 4096, 65537, 1 << 20, 3<<20 - 5} {
		for _, cut := range []int{0, 1, n / 3, n} {
			if cut > n {
				continue
			}
			a, b := data[:cut], data[cut:n]
			if got, want := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))), crc32.ChecksumIEEE(data[:n]); got != want {
				t.Errorf("%d bytes cut at %d: %08x, not %08x", n, cut, got, want)
			}
		}
	}
}
