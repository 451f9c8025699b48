package emit

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"

	"budgetpub/pipeline/emit/sqlfile"
)

// The pages budgetpub.sqlite's tables fill with a segment's rows (see
// rowidShift: each table's leaf ends where a segment starts) are a
// function of those rows and of where the segment's rowids start, but for
// the numbers of their overflow pages (sqlfile.Stretch). pageStore keeps,
// for each segment of the database a run wrote, its key (segKey: of what
// made its pages) and its Stretch, in an index beside the bundle's
// segments (pages.idx); the next run copies the pages of a segment whose
// key it finds from that run's budgetpub.sqlite, with their overflow
// pages' numbers moved, instead of serializing its rows again (the
// indexes and the full-text index are still made of its rows). A fresh
// build writes the same pages: the file is the same bytes either way.
type pageStore struct {
	path   string // where this run's index is kept; "" keeps none
	magic  string
	old    *os.File                   // the budgetpub.sqlite of the run before
	kept   map[segKey]sqlfile.Stretch // its segments
	out    []byte                     // this run's index, its segments so far
	buf    []byte                     // a segment's pages read back
	copied int                        // segments copied, and made
	made   int
}

// pagesMagic starts an index of the code code: another's pages may
// differ.
func pagesMagic(code string) string {
	return "budgetpub pages 1 " + strings.ReplaceAll(code, "\n", " ") + "\n"
}

// openPages starts a run's pageStore: its index kept at path (none with
// ""), made by the code code, and, with reuse, the index there before
// read with the budgetpub.sqlite of the release in from, when that is the
// file the index was kept for (its sha256, as from's SumsFile lists it).
// An index or a file that cannot be read is not used.
func openPages(path, code, from string, reuse bool) *pageStore {
	p := &pageStore{path: path, magic: pagesMagic(code)}
	p.out = append(p.out, p.magic...)
	if !reuse || path == "" || from == "" {
		return p
	}
	kept, sum, err := readPages(path, p.magic)
	if err != nil || sum != listedSum(from, "budgetpub.sqlite") {
		return p
	}
	if p.old, err = os.Open(filepath.Join(from, "budgetpub.sqlite")); err == nil {
		p.kept = kept
	}
	return p
}

// listedSum is the sha256 (hex) SumsFile of the release in dir lists for
// the file rel; "" when it lists none.
func listedSum(dir, rel string) string {
	data, err := os.ReadFile(filepath.Join(dir, SumsFile))
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(data)) {
		if sum, name, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "  "); ok && name == rel && len(sum) == 2*sha256.Size {
			return sum
		}
	}
	return ""
}

// readPages reads the index at path of magic: its segments, and the
// sha256 of the file they are in. The index ends with the CRC-32 of what
// comes before.
func readPages(path, magic string) (map[segKey]sqlfile.Stretch, string, error) {
	b, err := os.ReadFile(path)
	bad := errors.New("not an index of pages of this build")
	if err != nil {
		return nil, "", err
	}
	n := len(magic) + 2*sha256.Size + 1
	if len(b) < n+4 || string(b[:len(magic)]) != magic || b[n-1] != '\n' ||
		crc32.ChecksumIEEE(b[:len(b)-4]) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, "", bad
	}
	sum := string(b[len(magic) : n-1])
	kept := map[segKey]sqlfile.Stretch{}
	for b = b[n : len(b)-4]; len(b) > 0; {
		var k segKey
		if len(b) < len(k) {
			return nil, "", bad
		}
		copy(k[:], b)
		s, rest, err := sqlfile.ReadStretch(b[len(k):])
		if err != nil {
			return nil, "", bad
		}
		kept[k], b = s, rest
	}
	return kept, sum, nil
}

// found is the Stretch of the segment of key k in the file before and its
// pages, read back and checked; false when there is none.
func (p *pageStore) found(k segKey) (sqlfile.Stretch, []byte, bool) {
	s, ok := p.kept[k]
	if !ok {
		return s, nil, false
	}
	n := int(s.Pages) * 4096
	if cap(p.buf) < n {
		p.buf = make([]byte, n)
	}
	b := p.buf[:n]
	if _, err := p.old.ReadAt(b, int64(s.Start)*4096); err != nil || crc32.ChecksumIEEE(b) != s.CRC {
		return s, nil, false
	}
	return s, b, true
}

// add keeps the segment of key k, at s in this run's file.
func (p *pageStore) add(k segKey, s sqlfile.Stretch) {
	p.out = s.AppendBinary(append(p.out, k[:]...))
}

// close keeps this run's index, of the file whose sha256 is sum (hex),
// in place of the one before.
func (p *pageStore) close(sum string) error {
	if p.old != nil {
		p.old.Close()
		p.old = nil
	}
	if p.path == "" {
		return nil
	}
	if len(sum) != 2*sha256.Size {
		return fmt.Errorf("pages: a sha256 of %d digits", len(sum))
	}
	b := append(p.out[:len(p.magic):len(p.magic)], sum+"\n"...)
	b = append(b, p.out[len(p.magic):]...)
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	err := os.MkdirAll(filepath.Dir(p.path), 0o755)
	if err == nil {
		err = writeRenamed(p.path, b)
	}
	if err != nil {
		return fmt.Errorf("pages: %w", err)
	}
	return nil
}

// abort ends the run's pageStore, leaving the index before.
func (p *pageStore) abort() {
	if p.old != nil {
		p.old.Close()
	}
}

// writeRenamed writes data to a temporary file beside path (whose folder
// is there) and renames it to path.
func writeRenamed(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
