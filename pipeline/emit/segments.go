package emit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/flate"
)

// The bundle's text tables (CSV, Excel CSV, JSON, NDJSON) are deflated in
// segments: a segment is the bytes of a run of documents, compressed on
// its own and ended by a sync flush (an empty stored block, byte-aligned),
// so that segments concatenate into one deflate stream, which an empty
// final block ends. A segment's compressed bytes are a function of its
// bytes only, and are kept by a hash of what made them (segKey) in the
// store (segStore): a rebuild deflates only the segments whose documents
// changed and copies the others, and writes the same bytes as a fresh
// build, which does the same from an empty store.
//
// A document starts a segment when the hash of its id says so (about one
// in segmentEvery), so that where the segments end depends on the ids, not
// on their position: a document added or changed changes its own
// segment's bytes, never its neighbours'. Segments of 16 documents make
// the tables' deflated bytes about 12% larger than one stream would.
const segmentEvery = 16

// segmentBytes ends a file's segment at the end of a document once it
// holds this many bytes, so that the bytes held for segments stay few
// whatever the documents' sizes (where it cuts depends on the documents
// since the last segment a document id started, so a change still moves
// only the boundaries of its own run of documents).
const segmentBytes = 256 << 10

// startsSegment reports whether the document id starts a segment.
func startsSegment(id string) bool { return startsRun(id, segmentEvery) }

// startsRun reports whether the document id starts a run of about every
// documents (a multiple of segmentEvery: a run starts a segment).
func startsRun(id string, every uint32) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%every == 0
}

// finalBlock ends a deflate stream of sync-flushed segments: an empty
// stored block with the final bit.
var finalBlock = []byte{0x01, 0x00, 0x00, 0xff, 0xff}

// segKey is a segment's key in the store: the first bytes of the sha256
// of what made its bytes, in order (segEntry.key): bytes written as they
// are, and rows written by their sum (tableSum) and the way they were
// written (a role below). The same key is the same bytes: equal sums are
// the same rows, which a role writes as the same bytes. A document's rows
// kept from one run to the next keep their sums, so a rebuild hashes the
// bytes of the documents that changed only, not every segment's.
type segKey [16]byte

// The ways rows are written into a segment: a role, with the rows' sum,
// stands for their bytes in segEntry.key (0 stands before bytes written
// as they are).
const (
	rowsCSV    = 1 + iota // the CSV records
	rowsNDJSON            // the NDJSON lines
	rowsSheet             // a sheet's XML rows
)

type segLoc struct {
	off, n int64
	crc    uint32 // of the compressed bytes, checked when read back
	rawN   int64  // the segment's bytes: how many, and their CRC-32
	rawCRC uint32
}

// segEntry is one zip entry made of segments (a text table's in the
// bundle, a sheet's in the workbook): the keys of its segments in order,
// what makes the segment under way, and the CRC-32 and size of all of its
// bytes (the zip entry's header).
type segEntry struct {
	kind    int // segTable, segSheet: which count of the store's it adds to
	keys    []segKey
	pending []byte // a segment's bytes, made to be deflated
	key     []byte // what makes the segment under way: its segKey is their sha256's
	crc     uint32
	size    int64
	// a segment's bytes are made when it is cut, and only when the store
	// lacks it: later makes them, in order (write, writeLater), and
	// measure, of what those were given, bounds the segment (held)
	later   []func([]byte) ([]byte, error)
	measure int
}

// kinds of segment entries
const (
	segTable   = iota // a text table's entry in the bundle
	segSheet          // a sheet's in the workbook
	segTerms          // a segment's full-text terms, kept as they are (keep)
	segParquet        // a segment's rows of a table as Parquet pages, kept as they are
)

// write appends bytes written as they are.
func (e *segEntry) write(b []byte) {
	e.later = append(e.later, func(p []byte) ([]byte, error) { return append(p, b...), nil })
	e.measure += len(b)
	e.key = append(e.key, 0)
	e.key = binary.AppendUvarint(e.key, uint64(len(b)))
	e.key = append(e.key, b...)
}

// writeLater appends the rows whose sum is sum, written
// in the way role says, whose bytes make appends to a segment's when the
// segment is deflated; measure is added to the segment's.
func (e *segEntry) writeLater(make func([]byte) ([]byte, error), role byte, sum rowsSum, measure int) {
	e.later = append(e.later, make)
	e.measure += measure
	e.rowsWritten(role, sum)
}

// held is the measure of the segment under way: what write and
// writeLater were told of its bytes.
func (e *segEntry) held() int { return e.measure }

// rowsWritten adds to the key the rows just written.
func (e *segEntry) rowsWritten(role byte, sum rowsSum) {
	e.key = append(append(e.key, role), sum[:]...)
}

// cut ends the segment under way (if it holds any bytes). A segment found
// in the store is not made: its size and CRC-32 are the store's.
func (e *segEntry) cut(s *segStore) error {
	if len(e.later) == 0 {
		return nil
	}
	sum := sha256.Sum256(e.key)
	var k segKey
	copy(k[:], sum[:])
	l, ok, err := s.found(k, e.kind)
	if err != nil {
		return err
	}
	if ok {
		e.crc, e.size = crc32Combine(e.crc, l.rawCRC, l.rawN), e.size+l.rawN
	} else {
		b := e.pending[:0]
		for _, f := range e.later {
			if b, err = f(b); err != nil {
				return err
			}
		}
		e.pending = b
		e.crc, e.size = crc32.Update(e.crc, crc32.IEEETable, b), e.size+int64(len(b))
		if err := s.deflate(k, b, e.kind); err != nil {
			return err
		}
	}
	clear(e.later) // what they hold
	e.later, e.measure, e.key = e.later[:0], 0, e.key[:0]
	e.keys = append(e.keys, k)
	return nil
}

// segMagic starts a store file made by the code code: a store made by
// other code (whose deflate may differ) or in another layout is not read.
func segMagic(code string) string {
	return "budgetpub segments 3 " + strings.ReplaceAll(code, "\n", " ") + "\n"
}

// segStore holds deflated segments by key in a file they are appended to
// (path), and the keys of the segments a run used, where they are, in an
// index beside it (path.idx, written when the run ends): the store the
// next run reads. A segment found there stays where it is and is read
// from there (its bytes checked); only segments deflated anew are
// appended, so that a rebuild writes what changed, not the store. When
// the file holds more than twice the bytes the last run used, a run
// starts a new file instead and copies what it finds of the old one into
// it. A store that cannot be read is ignored.
type segStore struct {
	path   string            // where the store is kept for the next run; "" keeps none
	magic  string            // segMagic
	head   string            // the first bytes of the file: magic and a name of its own, which its index repeats
	fresh  bool              // f is a new file (renamed to path when the run ends)
	kept   map[segKey]segLoc // the index of the run before, in f
	old    *os.File          // a store compacted: segments are copied from it
	oldIdx map[segKey]segLoc
	f      *os.File // this run's
	w      *bufio.Writer
	off    int64
	idx    map[segKey]segLoc
	order  []segKey
	fw     *flate.Writer
	buf    bytes.Buffer
	copyb  []byte // a segment read back from a store: one buffer for all
	// segments deflated in this run, and found in the store before, by
	// the kind of their entry
	deflated, copied [4]int
}

// openSegStore starts a run's store of the code code: kept at path when
// the run ends, reading (and appending to) the one there before when
// reuse is set (and the same code made it). With path "", the store is a
// temporary file.
func openSegStore(path, code string, reuse bool) (*segStore, error) {
	s := &segStore{path: path, magic: segMagic(code), idx: map[segKey]segLoc{}}
	var err error
	if path == "" {
		s.f, err = os.CreateTemp("", "budgetpub-segments-*")
	} else {
		if err = os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if reuse {
			s.reopen()
		}
		if s.f == nil {
			s.f, err = os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".new-*")
		}
	}
	if err != nil {
		s.abort()
		return nil, err
	}
	s.w = bufio.NewWriterSize(s.f, 1<<16)
	if s.kept == nil {
		// the new file's name is made of the index beside it, if any: that
		// index, or one before it, is never taken for the new file's, and
		// the same runs make the same store
		h := sha256.New()
		h.Write([]byte(s.magic))
		if path != "" {
			if b, err := os.ReadFile(path + ".idx"); err == nil {
				h.Write(b)
			}
		}
		s.fresh, s.head = true, s.magic+hex.EncodeToString(h.Sum(nil)[:16])+"\n"
		s.w.WriteString(s.head)
		s.off = int64(len(s.head))
	}
	if s.fw, err = flate.NewWriter(&s.buf, flate.BestSpeed); err != nil {
		s.abort()
		return nil, err
	}
	return s, nil
}

// reopen opens the store at s.path to append to it (s.f, s.kept), or,
// when it holds more than twice the bytes its last run used, to copy
// from it (s.old, s.oldIdx). It does neither when the store cannot be
// read.
func (s *segStore) reopen() {
	f, err := os.OpenFile(s.path, os.O_RDWR, 0)
	if err != nil {
		return
	}
	head, idx, end, err := readSegIndex(s.path+".idx", s.magic)
	st, serr := f.Stat()
	b := make([]byte, len(head))
	if err != nil || serr != nil || end > st.Size() {
		f.Close()
		return
	}
	if _, err := f.ReadAt(b, 0); err != nil || string(b) != head {
		f.Close()
		return
	}
	live := int64(len(head))
	for _, l := range idx {
		live += l.n
	}
	if end > 2*live {
		s.old, s.oldIdx = f, idx
		return
	}
	// what a run that failed appended after end is dropped
	if err := f.Truncate(end); err != nil {
		f.Close()
		return
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		f.Close()
		return
	}
	s.f, s.kept, s.head, s.off = f, idx, head, end
}

const segIndexEntry = 16 + 8 + 8 + 4 + 8 + 4

// readSegIndex reads the index at path of a store of magic: the head of
// the store's file, its segments, and the end of what they are in.
func readSegIndex(path, magic string) (string, map[segKey]segLoc, int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", nil, 0, err
	}
	n := len(magic) + 2*16 + 1
	if len(b) < n+16 || string(b[:len(magic)]) != magic || b[n-1] != '\n' {
		return "", nil, 0, errors.New("not a store of this build")
	}
	head, b := string(b[:n]), b[n:]
	tail := b[len(b)-16:]
	end, count := int64(binary.LittleEndian.Uint64(tail[:8])), int64(binary.LittleEndian.Uint64(tail[8:]))
	b = b[:len(b)-16]
	if end < int64(n) || count < 0 || int64(len(b)) != count*segIndexEntry {
		return "", nil, 0, errors.New("bad index")
	}
	idx := make(map[segKey]segLoc, count)
	for ; len(b) > 0; b = b[segIndexEntry:] {
		var k segKey
		copy(k[:], b)
		l := segLoc{off: int64(binary.LittleEndian.Uint64(b[16:])), n: int64(binary.LittleEndian.Uint64(b[24:])), crc: binary.LittleEndian.Uint32(b[32:]),
			rawN: int64(binary.LittleEndian.Uint64(b[36:])), rawCRC: binary.LittleEndian.Uint32(b[44:])}
		if l.off < int64(n) || l.n < 0 || l.off+l.n > end || l.rawN < 0 {
			return "", nil, 0, errors.New("bad index")
		}
		idx[k] = l
	}
	return head, idx, end, nil
}

// put keeps the segment raw under its key k (of an entry of the kind
// kind), deflating it unless this run or the one before already did.
func (s *segStore) put(k segKey, raw []byte, kind int) error {
	if _, ok, err := s.found(k, kind); ok || err != nil {
		return err
	}
	return s.deflate(k, raw, kind)
}

// found is where the segment of key k is when this run or the one before
// kept it (its bytes checked), taken into this run's store; false when
// neither did.
func (s *segStore) found(k segKey, kind int) (segLoc, bool, error) {
	if l, ok := s.idx[k]; ok {
		return l, true, nil
	}
	if l, ok := s.kept[k]; ok && s.check(s.f, l) {
		s.copied[kind]++
		s.idx[k] = l
		s.order = append(s.order, k)
		return l, true, nil
	}
	if l, ok := s.oldIdx[k]; ok && s.check(s.old, l) {
		s.copied[kind]++
		err := s.add(k, s.copyb[:l.n], l.rawN, l.rawCRC)
		return s.idx[k], err == nil, err
	}
	return segLoc{}, false, nil
}

// keep keeps raw, of the kind kind, under its key k as it is, not deflated.
func (s *segStore) keep(k segKey, raw []byte, kind int) error {
	s.deflated[kind]++
	return s.add(k, raw, int64(len(raw)), crc32.ChecksumIEEE(raw))
}

// get is what keep kept under k, this run or the one before (its bytes
// checked); false when neither did. The bytes are the store's, until the
// next call.
func (s *segStore) get(k segKey, kind int) ([]byte, bool, error) {
	if l, ok := s.idx[k]; ok { // kept by this run: read back
		if err := s.w.Flush(); err != nil {
			return nil, false, err
		}
		b := s.buffer(l.n)
		_, err := s.f.ReadAt(b, l.off)
		return b, err == nil, err
	}
	l, ok, err := s.found(k, kind) // read into the buffer, and checked
	if !ok || err != nil {
		return nil, false, err
	}
	return s.copyb[:l.n], true, nil
}

// deflate deflates the segment raw and keeps it under its key k.
func (s *segStore) deflate(k segKey, raw []byte, kind int) error {
	b, err := s.compress(raw, kind)
	if err != nil {
		return err
	}
	return s.add(k, b, int64(len(raw)), crc32.ChecksumIEEE(raw))
}

// compress deflates a segment of an entry of the kind kind: its bytes,
// until the next.
func (s *segStore) compress(raw []byte, kind int) ([]byte, error) {
	s.deflated[kind]++
	s.buf.Reset()
	s.fw.Reset(&s.buf)
	if _, err := s.fw.Write(raw); err != nil {
		return nil, err
	}
	if err := s.fw.Flush(); err != nil {
		return nil, err
	}
	return s.buf.Bytes(), nil
}

// check reads the segment at l of f into the store's buffer: whether its
// bytes are those kept.
func (s *segStore) check(f *os.File, l segLoc) bool {
	b := s.buffer(l.n)
	_, err := f.ReadAt(b, l.off)
	return err == nil && crc32.ChecksumIEEE(b) == l.crc
}

// buffer is the store's buffer for a segment of n bytes.
func (s *segStore) buffer(n int64) []byte {
	if int64(cap(s.copyb)) < n {
		s.copyb = make([]byte, n)
	}
	return s.copyb[:n]
}

// add appends the deflated segment b, of rawN bytes whose CRC-32 is rawCRC,
// under its key k.
func (s *segStore) add(k segKey, b []byte, rawN int64, rawCRC uint32) error {
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	s.idx[k] = segLoc{off: s.off, n: int64(len(b)), crc: crc32.ChecksumIEEE(b), rawN: rawN, rawCRC: rawCRC}
	s.order = append(s.order, k)
	s.off += int64(len(b))
	return nil
}

// compressedSize is the size of the deflate stream of e's segments.
func (s *segStore) compressedSize(e *segEntry) int64 {
	n := int64(len(finalBlock))
	for _, k := range e.keys {
		n += s.idx[k].n
	}
	return n
}

// writeTo writes the deflate stream of e's segments to w.
func (s *segStore) writeTo(w io.Writer, e *segEntry) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	for _, k := range e.keys {
		l := s.idx[k]
		b := s.buffer(l.n)
		if _, err := s.f.ReadAt(b, l.off); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	_, err := w.Write(finalBlock)
	return err
}

// close ends the run's store: its index beside it (at path), in place of
// the one before, or the file removed when it is a temporary file.
func (s *segStore) close() error {
	if s.path == "" {
		s.abort()
		return nil
	}
	if s.old != nil {
		s.old.Close()
		s.old = nil
	}
	err := s.w.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err == nil && s.fresh {
		err = os.Rename(s.f.Name(), s.path)
	}
	if err == nil {
		err = s.writeIndex()
	}
	if err != nil {
		if s.fresh {
			os.Remove(s.f.Name())
		}
		return fmt.Errorf("segments: %w", err)
	}
	return nil
}

// writeIndex writes the index of the segments this run used (path.idx):
// the store's head, each segment's key and place, the end of the file.
func (s *segStore) writeIndex() error {
	b := make([]byte, 0, len(s.head)+len(s.order)*segIndexEntry+16)
	b = append(b, s.head...)
	for _, k := range s.order {
		l := s.idx[k]
		b = append(b, k[:]...)
		b = binary.LittleEndian.AppendUint64(b, uint64(l.off))
		b = binary.LittleEndian.AppendUint64(b, uint64(l.n))
		b = binary.LittleEndian.AppendUint32(b, l.crc)
		b = binary.LittleEndian.AppendUint64(b, uint64(l.rawN))
		b = binary.LittleEndian.AppendUint32(b, l.rawCRC)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(s.off))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s.order)))
	return writeRenamed(s.path+".idx", b)
}

// abort ends the run's store, leaving the one before: a new file is
// removed; what was appended to the one before is past the end its index
// says, and dropped by the next run.
func (s *segStore) abort() {
	if s.old != nil {
		s.old.Close()
	}
	if s.f != nil {
		s.f.Close()
		if s.fresh {
			os.Remove(s.f.Name())
		}
	}
}

// crc32Combine is the CRC-32 (IEEE) of a's bytes then b's, from a's CRC,
// b's and b's length, as zlib's crc32_combine computes it: a's CRC
// multiplied by x^(8·n) modulo the polynomial, then b's added.
func crc32Combine(a, b uint32, n int64) uint32 {
	return multModP(x8nModP(n), a) ^ b
}

// multModP is a·b modulo the CRC-32 polynomial, both reflected.
func multModP(a, b uint32) uint32 {
	m, p := uint32(1)<<31, uint32(0)
	for {
		if a&m != 0 {
			p ^= b
			if a&(m-1) == 0 {
				return p
			}
		}
		m >>= 1
		if b&1 != 0 {
			b = b>>1 ^ crc32.IEEE
		} else {
			b >>= 1
		}
	}
}

// x2n holds x^(2^k) modulo the polynomial, for k < 32.
var x2n = func() (t [32]uint32) {
	p := uint32(1) << 30 // x
	for k := range t {
		t[k] = p
		p = multModP(p, p)
	}
	return t
}()

// x8nModP is x^(8·n) modulo the polynomial.
func x8nModP(n int64) uint32 {
	p, k := uint32(1)<<31, 3 // 1, and 8 = 2^3
	for ; n != 0; n >>= 1 {
		if n&1 != 0 {
			p = multModP(x2n[k&31], p)
		}
		k++
	}
	return p
}
