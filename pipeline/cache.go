package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"budgetpub/internal/wire"
	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
	"budgetpub/site"

	"github.com/klauspost/compress/s2"
	"golang.org/x/sys/unix"
)

// codeID identifies the code that extracts: a hash of this executable, so
// that any change to the extractor, the checks or the schema invalidates
// cached documents. (`go run` builds the same bytes from the same source.)
var codeID = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write([]byte(schema.Version))
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// cache keeps one validated document per input, keyed by the input's
// sha256, its id and metadata, and the code that extracted it.
type cache struct{ dir string }

func (c cache) key(sum, id string, m Metadata) string {
	h := sha256.New()
	json.NewEncoder(h).Encode([]any{sum, id, m, codeID()})
	return hex.EncodeToString(h.Sum(nil))
}

func (c cache) path(key string) string { return filepath.Join(c.dir, key[:2], key+".doc") }

// entry is one cached document with its source text, in one file: a file
// torn by a crash does not read and counts as a miss.
type entry struct {
	Doc   *schema.Document `json:"doc"`
	Lines []string         `json:"lines"`
	Parts [][]string       `json:"parts,omitempty"` // the lines of the other files of a disclosure of several
}

// files are the lines of each file of the entry's disclosure, in the order
// of /document/sources.
func (e *entry) files() [][]string { return append([][]string{e.Lines}, e.Parts...) }

// An entry's file is the CRC-32C of the rest (4 bytes, little-endian),
// the entry in schema's binary form (schema.AppendBinary: the document as
// its JSON would decode, at a third of JSON's time to read and write),
// then a trailer that states the length of what is before it,
// "\n#12345\n": the cache is written without fsync, and an entry a crash
// left torn, empty or filled with zeros is told from a whole one by its
// last bytes alone (intact), so that it is extracted again; the CRC tells
// one changed on disk.

// read reads the entry of key into v (an entry, or its first fields).
func (c cache) read(key string, v any) bool {
	if c.dir == "" {
		return false
	}
	data, err := emit.ReadInto(nil, c.path(key))
	if err != nil {
		return false
	}
	body, ok := cutTrailer(data)
	if !ok || len(body) < 4 || binary.LittleEndian.Uint32(body) != crc32.Checksum(body[4:], castagnoli) {
		return false
	}
	// the strings are copies: what is kept of a document (its id, its
	// name) must not keep its whole file
	r := wire.Copying(body[4:])
	return schema.ReadBinary(&r, v) == nil
}

func (c cache) load(key string) (*entry, bool) {
	var e entry
	if !c.read(key, &e) || e.Doc == nil {
		return nil, false
	}
	return &e, true
}

func trailer(n int) string { return "\n#" + strconv.Itoa(n) + "\n" }

// cutTrailer returns what is before an entry's trailer when the trailer
// matches its length.
func cutTrailer(data []byte) ([]byte, bool) {
	n := bodyLength(data, 0)
	if n < 0 {
		return nil, false
	}
	return data[:n], true
}

// bodyLength is the length of what is before an entry's trailer, from the
// end of the entry, tail, which starts at the offset at of the entry: -1
// when tail does not end in the trailer of that length.
func bodyLength(tail []byte, at int) int {
	i := bytes.LastIndex(tail, []byte("\n#"))
	if i < 0 || trailer(at+i) != string(tail[i:]) {
		return -1
	}
	return at + i
}

// loadDoc reads the document of an entry only, not its text (which
// follows it).
func (c cache) loadDoc(key string) (*schema.Document, bool) {
	var e struct {
		Doc *schema.Document `json:"doc"`
	}
	if !c.read(key, &e) || e.Doc == nil {
		return nil, false
	}
	return e.Doc, true
}

// put stores a document and its source text. The cache can always be
// rebuilt, so it is written without fsync, and in place (emit.WriteOver):
// an entry a crash left torn is told by its trailer (see read), a
// fragment by its CRC (loadFragment), and either is made again. (Written
// to a temporary file and renamed, each cost a rename more: a tenth of
// the cache's writes.)
func (c cache) put(key string, d *schema.Document, lines []string) error {
	return c.putEntry(key, &entry{Doc: d, Lines: lines})
}

func (c cache) putEntry(key string, e *entry) error {
	if c.dir == "" {
		return nil
	}
	data, err := schema.AppendBinary(make([]byte, 4, 32<<10), e)
	if err != nil {
		return err
	}
	binary.LittleEndian.PutUint32(data, crc32.Checksum(data[4:], castagnoli))
	return emit.WriteOver(c.path(key), append(data, trailer(len(data))...))
}

// releaseKeys are the page keys (see pageKeys) of the release published
// last: a document whose page key is the same in the next run has its
// files in that release already (see publish); a department whose key is
// the one Departments gives it has its page there
// (site.Renderer.DepartmentKeys).
type releaseKeys struct {
	Release     string            `json:"release"`
	Keys        map[string]string `json:"keys"`
	Departments map[string]string `json:"departments,omitempty"`
}

func (c cache) releasePath() string { return filepath.Join(c.dir, "release.json") }

// keysOf returns what the cache knows of the release name: the page key
// of every document and the keys of its department pages; nil when it does not know that release.
func (c cache) keysOf(name string) *releaseKeys {
	if c.dir == "" || name == "" {
		return nil
	}
	data, err := os.ReadFile(c.releasePath())
	var r releaseKeys
	if err != nil || json.Unmarshal(data, &r) != nil || r.Release != name {
		return nil
	}
	return &r
}

// saveRelease records the page keys of the release name, just published,
// and the keys of its department pages (nil: not known).
func (c cache) saveRelease(name string, keys map[string]string, depts map[string]string) error {
	if c.dir == "" {
		return nil
	}
	data, err := json.Marshal(releaseKeys{name, keys, depts})
	if err != nil {
		return err
	}
	return writeAtomic(c.releasePath(), data)
}

// writeAtomic writes a file through a temporary file in the same folder,
// synced and renamed, so a reader never sees half a file.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// has tells whether a document is cached whole under key, from the
// trailer of its entry (without reading the rest).
func (c cache) has(key string) bool {
	if c.dir == "" {
		return false
	}
	fd, err := emit.OpenRead(c.path(key))
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil {
		return false
	}
	tail := make([]byte, min(st.Size, 24))
	if n, err := unix.Pread(fd, tail, st.Size-int64(len(tail))); err != nil || n != len(tail) {
		return false
	}
	return bodyLength(tail, int(st.Size)-len(tail)) >= 0
}

// statEntry remembers an input's sha256 with the size and modification
// time it had, so that an unchanged file need not be read again (as git's
// index does).
type statEntry struct {
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime_ns"`
	SHA256  string `json:"sha256"`
}

type statCache map[string]statEntry

func (c cache) statsPath() string { return filepath.Join(c.dir, "inputs.json") }

func (c cache) loadStats() statCache {
	s := statCache{}
	if data, err := os.ReadFile(c.statsPath()); err == nil {
		json.Unmarshal(data, &s)
	}
	return s
}

func (c cache) saveStats(s statCache) error {
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return writeAtomic(c.statsPath(), data)
}

// sum returns the sha256 of an input, from the stat cache when its size and
// modification time are unchanged: then a stat tells, and the file is not
// opened (every input is looked at each run). An input read is checked on
// its open descriptor (see ingest.Open) before anything is read, and its
// bytes are returned too, so that its extraction need not read it again
// (nil when the stat cache told).
func (s statCache) sum(rel, path string) (statEntry, []byte, error) {
	if fi, err := os.Stat(path); err == nil && ingest.Check(fi) == nil {
		if old, ok := s[rel]; ok && old.Size == fi.Size() && old.ModTime == fi.ModTime().UnixNano() {
			return old, nil, nil
		}
	}
	f, fi, err := ingest.Open(path)
	if err != nil {
		return statEntry{}, nil, err
	}
	defer f.Close()
	e := statEntry{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	if old, ok := s[rel]; ok && old.Size == e.Size && old.ModTime == e.ModTime {
		return old, nil, nil
	}
	data, err := ingest.ReadOpened(f, fi)
	if err != nil {
		return statEntry{}, nil, err
	}
	h := sha256.Sum256(data)
	e.SHA256 = hex.EncodeToString(h[:])
	return e, data, nil
}

// fragment is what publishing makes of a document beyond its files: its
// sentences for both searches (emit.Sentences) and their terms in
// budgetpub.sqlite's (emit.FTSTerms), its rows in the datasets
// and its search entries (emit.Rows), and what the site's pages across
// documents need of it (site.Summary). All are made of what its page key
// (see pageKeys) is made of, and are kept in the cache under that key, so
// that a document whose files are linked from the current release is
// published without being read at all.
type fragment struct {
	Sentences []emit.SearchEntry
	Terms     []byte // the sentences' terms (emit.FTSTerms)
	Places    []byte // where the sentences' tokens stand (site.SentencePlaces)
	Rows      *emit.Rows
	Summary   site.Summary
}

// fragmentMagic starts a fragment's file, before the CRC-32C of the rest
// (in hex, a line), which is compressed (S2: a fourth of the bytes to
// read, decompressed at memory speed). The CRC tells a file torn or
// changed on disk (every change within 32 bits in a row, any other but for
// about one in 2³²; a crash, not an adversary, is what it guards against)
// at a fraction of a sha256's time: every fragment is checked at every
// run.
const fragmentMagic = "budgetpub fragment 9\n"

// castagnoli is CRC-32C's table (the CPU computes it).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// segmentsPath is where the bundle's deflated segments are kept from one
// run to the next (emit.Writer.KeepSegments); "" without a cache.
func (c cache) segmentsPath() string {
	if c.dir == "" {
		return ""
	}
	return filepath.Join(c.dir, "segments")
}

func (c cache) fragmentPath(pk string) string {
	return filepath.Join(c.dir, "fragments", pk[:2], pk)
}

// putFragment keeps a document's fragment under its page key, in place
// (see put), its bytes' CRC-32C in its first line, so that a file torn by
// a crash is known for one (loadFragment).
func (c cache) putFragment(pk string, f *fragment) error {
	if c.dir == "" {
		return nil
	}
	raw, file := fragmentBufs.Get().(*[]byte), fragmentBufs.Get().(*[]byte)
	defer fragmentBufs.Put(raw)
	defer fragmentBufs.Put(file)
	body := f.Summary.AppendBinary((*raw)[:0])
	body = emit.AppendEntries(body, f.Sentences)
	body = wire.AppendString(body, f.Terms)
	body = wire.AppendString(body, f.Places)
	body = f.Rows.AppendBinary(body)
	*raw = body
	// the file: the header, then the body compressed, which the header's
	// CRC-32C is of
	n, most := len(fragmentMagic)+9, s2.MaxEncodedLen(len(body))
	if most < 0 {
		return fmt.Errorf("cache fragment of %s: %d bytes, too large", pk, len(body))
	}
	out := slices.Grow((*file)[:0], n+most)[:n+most]
	out = out[:n+len(s2.Encode(out[n:], body))]
	*file = out
	copy(out, fmt.Sprintf("%s%08x\n", fragmentMagic, crc32.Checksum(out[n:], castagnoli)))
	return emit.WriteOver(c.fragmentPath(pk), out)
}

// fragmentBufs are the buffers a fragment is made in, kept for the next
// one: a fragment is some 100–300 KB before it is compressed, and buffers
// grown to that for every document were an eighth of what a build
// allocated.
var fragmentBufs = sync.Pool{New: func() any { return new([]byte) }}

// errNoFragment: the cache holds no fragment under the page key.
var errNoFragment = errors.New("no fragment")

// loadFragment reads the fragment kept under a page key: errNoFragment when
// there is none, another error when its file is torn or corrupt (its
// CRC-32C disagrees, it does not parse).
func (c cache) loadFragment(pk string) (*fragment, error) {
	if c.dir == "" {
		return nil, errNoFragment
	}
	// the file is read into a buffer of fragmentBufs: nothing of the
	// fragment is made of its bytes but those s2 decodes into a new one
	file := fragmentBufs.Get().(*[]byte)
	defer fragmentBufs.Put(file)
	data, err := emit.ReadInto(*file, c.fragmentPath(pk))
	*file = data
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoFragment
	}
	if err != nil {
		return nil, err
	}
	bad := func(why string) (*fragment, error) {
		return nil, fmt.Errorf("cache fragment %s: %s", c.fragmentPath(pk), why)
	}
	rest, ok := bytes.CutPrefix(data, []byte(fragmentMagic))
	if !ok || len(rest) < 9 || rest[8] != '\n' {
		return bad("no header")
	}
	if fmt.Sprintf("%08x", crc32.Checksum(rest[9:], castagnoli)) != string(rest[:8]) {
		return bad("its CRC-32C disagrees (torn or corrupt)")
	}
	body, err := s2.Decode(nil, rest[9:])
	if err != nil {
		return bad(err.Error())
	}
	var f fragment
	if f.Summary, body, err = site.ReadSummary(body); err != nil {
		return bad(err.Error())
	}
	if f.Sentences, body, err = emit.ReadEntries(body); err != nil {
		return bad(err.Error())
	}
	rd := wire.Borrowing(body)
	if f.Terms, f.Places = rd.Bytes(), rd.Bytes(); rd.Err() != nil {
		return bad("its sentences' terms or places cut short")
	}
	body = rd.Rest()
	if f.Rows, body, err = emit.ReadRows(body); err != nil {
		return bad(err.Error())
	}
	if len(body) != 0 {
		return bad("bytes after its rows")
	}
	return &f, nil
}

// pruneFragments removes the fragments kept under page keys that are not
// in keep (the release just published: a document that changed leaves its
// former fragment behind), and the temporary files of a run killed while
// it wrote one, so that the cache does not grow night after night.
func (c cache) pruneFragments(keep map[string]string) error {
	if c.dir == "" {
		return nil
	}
	live := make(map[string]bool, len(keep))
	for _, pk := range keep {
		live[pk] = true
	}
	root := filepath.Join(c.dir, "fragments")
	dirs, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, d := range dirs {
		files, err := os.ReadDir(filepath.Join(root, d.Name()))
		if err != nil {
			return err
		}
		for _, f := range files {
			if !live[f.Name()] {
				if err := os.Remove(filepath.Join(root, d.Name(), f.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
		}
	}
	return nil
}
