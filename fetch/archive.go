package fetch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/gocarina/gocsv"

	"budgetpub/pipeline"
)

// The archive's layout.
const (
	ManifestFile = "manifest.csv" // every fetch, appended
	ReportFile   = "run.json"     // the last run's report
	objectsDir   = "objects"      // originals by sha256, no extension: the build does not read them
	filesDir     = "files"        // the current version of each disclosure and attachment, as the build reads them
	tmpDir       = "objects/tmp"
	lockFile     = ".lock"
)

// Record is one row of manifest.csv: one fetch of one URL.
type Record struct {
	Time         string `csv:"time" json:"time"` // RFC 3339, UTC
	URL          string `csv:"url" json:"url"`
	FinalURL     string `csv:"final_url" json:"final_url,omitempty"` // after redirects
	Status       int    `csv:"status" json:"status,omitempty"`       // the last HTTP status, 0 when none
	ETag         string `csv:"etag" json:"etag,omitempty"`
	LastModified string `csv:"last_modified" json:"last_modified,omitempty"`
	SHA256       string `csv:"sha256" json:"sha256,omitempty"` // of the version fetched (for a 304, the one archived before)
	Bytes        int64  `csv:"bytes" json:"bytes,omitempty"`
	ContentType  string `csv:"content_type" json:"content_type,omitempty"`
	Referrer     string `csv:"referrer" json:"referrer,omitempty"` // the page the link was found on
	Role         string `csv:"role" json:"role,omitempty"`         // listing, article or attachment
	Outcome      string `csv:"outcome" json:"outcome"`             // see the Outcome constants
	File         string `csv:"file" json:"file,omitempty"`         // its path in the archive's files/, "" for listings
	Published    string `csv:"published" json:"published,omitempty"`
	Department   string `csv:"department" json:"department,omitempty"`
	Publisher    string `csv:"publisher" json:"publisher,omitempty"`
	Year         string `csv:"year" json:"year,omitempty"`
	Kind         string `csv:"kind" json:"kind,omitempty"`
	Region       string `csv:"region" json:"region,omitempty"`
	Error        string `csv:"error" json:"error,omitempty"`
}

// archive is an archive folder, locked for the run.
type archive struct {
	dir    string
	unlock func()

	mu       sync.Mutex
	manifest *os.File
	latest   map[string]Record   // by URL, its last row with a version
	files    map[string]*version // by file in files/, its current version
}

// version is the current version of a file in files/.
type version struct {
	first, last Record // the first and last rows of the version
	prev        Record // the first row of the version before it
	n           int    // versions the file has had
}

// add takes a manifest row into the archive's state.
func (a *archive) add(r Record) {
	if r.SHA256 == "" {
		return
	}
	a.latest[r.URL] = r
	if r.File == "" {
		return
	}
	v := a.files[r.File]
	if v == nil {
		v = &version{}
		a.files[r.File] = v
	}
	if v.n == 0 || v.last.SHA256 != r.SHA256 {
		v.prev, v.first = v.first, r
		v.n++
	}
	v.last = r
}

// openArchive locks dir, creating it, and reads its manifest. A row cut
// short by a crash (no final newline) is dropped, so that the next rows
// start on a line of their own.
func openArchive(dir string) (*archive, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lf, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(lf.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lf.Close()
		return nil, fmt.Errorf("%s is being fetched into by another run (%s is locked)", dir, lockFile)
	}
	// downloads a crash left behind
	if err := os.RemoveAll(filepath.Join(dir, tmpDir)); err != nil {
		lf.Close()
		return nil, err
	}
	for _, d := range []string{objectsDir, filesDir, tmpDir} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			lf.Close()
			return nil, err
		}
	}
	a := &archive{dir: dir, unlock: func() { lf.Close() }, latest: map[string]Record{}, files: map[string]*version{}}
	if err := a.readManifest(); err != nil {
		a.close()
		return nil, err
	}
	return a, nil
}

func (a *archive) close() {
	if a.manifest != nil {
		a.manifest.Close()
	}
	a.unlock()
}

var manifestHeader = func() string {
	data, _ := gocsv.MarshalBytes([]Record{})
	return strings.TrimSpace(string(data))
}()

// readManifest reads the manifest, row by row, into the archive's state.
func (a *archive) readManifest() error {
	name := filepath.Join(a.dir, ManifestFile)
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	a.manifest = f
	size, err := completeLines(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if size == 0 {
		_, err := f.WriteString(manifestHeader + "\n")
		return err
	}
	header, err := bufio.NewReader(io.NewSectionReader(f, 0, size)).ReadString('\n')
	if got := strings.TrimSpace(header); err != nil || got != manifestHeader {
		return fmt.Errorf("%s:1: the header is %q, not %q", name, got, manifestHeader)
	}
	err = gocsv.UnmarshalToCallback(io.NewSectionReader(f, 0, size), func(r Record) { a.add(r) })
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	_, err = f.Seek(0, io.SeekEnd)
	return err
}

// completeLines cuts f after its last newline (a row a crash cut short
// goes) and returns its size.
func completeLines(f *os.File) (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	end := fi.Size()
	buf := make([]byte, 4096)
	for end > 0 {
		n := min(int64(len(buf)), end)
		if _, err := f.ReadAt(buf[:n], end-n); err != nil {
			return 0, err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			end = end - n + int64(i) + 1
			break
		}
		end -= n
	}
	if end < fi.Size() {
		return end, f.Truncate(end)
	}
	return end, nil
}

// log appends r to the manifest, on disk at once: a crash loses no more
// than the fetches in flight.
func (a *archive) log(r Record) error {
	var b bytes.Buffer
	if err := gocsv.MarshalWithoutHeaders([]Record{r}, &b); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.add(r)
	if _, err := a.manifest.Write(b.Bytes()); err != nil {
		return err
	}
	return a.manifest.Sync()
}

// current is the version of u archived last, with the validators a
// conditional request sends; ok is false when there is none (or its
// original is missing).
func (a *archive) current(u string) (r Record, ok bool) {
	a.mu.Lock()
	r, ok = a.latest[u]
	a.mu.Unlock()
	if !ok {
		return Record{}, false
	}
	_, err := os.Stat(a.object(r.SHA256))
	return r, err == nil
}

func (a *archive) object(sum string) string {
	return filepath.Join(a.dir, objectsDir, sum[:2], sum)
}

// head reads the first bytes of an original, which tell what it is.
func (a *archive) head(sum string) ([]byte, error) {
	f, err := os.Open(a.object(sum))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// download is a response body being written to the archive's tmp folder.
type download struct {
	f *os.File
	h hash.Hash
	n int64
}

func (a *archive) newDownload() (*download, error) {
	f, err := os.CreateTemp(filepath.Join(a.dir, tmpDir), "dl-")
	if err != nil {
		return nil, err
	}
	return &download{f: f, h: sha256.New()}, nil
}

func (d *download) Write(p []byte) (int, error) {
	d.h.Write(p)
	d.n += int64(len(p))
	return d.f.Write(p)
}

func (d *download) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// discard removes a download that is not kept.
func (d *download) discard() {
	d.f.Close()
	os.Remove(d.f.Name())
}

// keep moves a finished download into objects/ under its sha256. An
// original already there is left as it is: originals are never
// overwritten (the link fails rather than replace a file).
func (a *archive) keep(d *download) (sum string, err error) {
	defer d.discard()
	sum = d.sum()
	if err := d.f.Sync(); err != nil {
		return "", err
	}
	if err := d.f.Chmod(0o444); err != nil {
		return "", err
	}
	dst := a.object(sum)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	if err := os.Link(d.f.Name(), dst); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", err
	}
	return sum, nil
}

// place makes files/<file> the original sum: a hard link to it (a copy
// where links are not supported), swapped in by rename so that a reader
// sees the old version or the new one. Nothing is done when it is already
// that version.
func (a *archive) place(file, sum string) error {
	dst := filepath.Join(a.dir, filesDir, filepath.FromSlash(file))
	src := a.object(sum)
	if same(dst, src, sum) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(filepath.Dir(dst), ".tmp-"+sum[:16])
	os.Remove(tmp)
	if err := os.Link(src, tmp); err != nil {
		if err := copyFile(src, tmp); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// same tells whether dst already holds the original src (sha256 sum).
func same(dst, src, sum string) bool {
	di, err := os.Stat(dst)
	if err != nil {
		return false
	}
	if si, err := os.Stat(src); err == nil && os.SameFile(di, si) {
		return true
	}
	f, err := os.Open(dst)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == sum
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o444)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	return out.Close()
}

// fileName is where the versions of u are placed in files/: host/stem-hash.ext,
// the hash (of the whole URL) keeping two URLs apart and the document id
// the build derives from the name the same from one version to the next.
func fileName(u *url.URL, ext string) string {
	host := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, strings.ToLower(u.Host))
	host = strings.TrimLeft(host, ".")
	stem := path.Base("/" + u.Path)
	if stem == "/" {
		stem = ""
	}
	stem = strings.TrimSuffix(stem, path.Ext(stem))
	stem = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|%`, r) || r == utf8.RuneError {
			return '_'
		}
		return r
	}, stem)
	stem = strings.TrimLeft(stem, ".")
	if stem == "" {
		stem = "index"
	}
	for len(stem) > 60 {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	sum := sha256.Sum256([]byte(u.String()))
	return host + "/" + stem + "-" + hex.EncodeToString(sum[:])[:10] + ext
}

// metadata is metadata.csv for the build: a row per file in files/, sorted,
// from the manifest — the URL, the department, year, kind and publisher
// hints (the build uses the year and kind when no title names them), which
// version of the URL the file is (and the one before it), a note (when it
// was first archived, the publication date, the other hints) and, for an
// article with attachments in files/ and those attachments, one
// disclosure: the article's name, so that the build publishes the page and
// its tables as one document. It changes only when a version or a hint
// does, so that the build's cache holds.
func (a *archive) metadata() []pipeline.Metadata {
	// the articles whose attachments are in files/, by URL
	articles := map[string]string{}
	for file, v := range a.files {
		if v.last.Role == roleArticle {
			articles[v.last.URL] = file
		}
	}
	disclosure := map[string]string{} // file → its disclosure
	for file, v := range a.files {
		if art, ok := articles[v.last.Referrer]; ok && v.last.Role == roleAttachment {
			name := strings.TrimSuffix(path.Base(art), path.Ext(art))
			disclosure[file], disclosure[art] = name, name
		}
	}
	var rows []pipeline.Metadata
	for file, v := range a.files {
		note := "archived " + v.first.Time
		if v.n > 1 {
			note += fmt.Sprintf("; source changed (version %d)", v.n)
		}
		if p := v.first.Published; p != "" {
			note += "; published " + p
		}
		if r := v.last.Region; r != "" {
			note += "; region " + r
		}
		m := pipeline.Metadata{
			File: filesDir + "/" + file, Department: v.last.Department, FiscalYear: v.last.Year, Kind: v.last.Kind, Publisher: v.last.Publisher,
			SourceURL: v.last.URL, Note: note, Disclosure: disclosure[file], Version: v.n, Archived: v.first.Time,
		}
		if v.n > 1 {
			m.PreviousSHA256, m.PreviousArchived = v.prev.SHA256, v.prev.Time
		}
		rows = append(rows, m)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].File < rows[j].File })
	return rows
}

// writeMetadata writes metadata.csv when it differs from what is there.
func (a *archive) writeMetadata() error {
	data, err := gocsv.MarshalBytes(a.metadata())
	if err != nil {
		return err
	}
	name := filepath.Join(a.dir, pipeline.MetadataFile)
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return writeAtomic(name, data)
}

// writeAtomic writes a file by renaming a synced temporary file over it.
func writeAtomic(name string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, name)
}
