package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"budgetpub/schema"
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

func (c cache) path(key string) string { return filepath.Join(c.dir, key[:2], key+".json") }

func (c cache) get(key string) (*schema.Document, bool) {
	if c.dir == "" {
		return nil, false
	}
	if _, err := os.Stat(c.textPath(key)); err != nil {
		return nil, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var d schema.Document
	if json.Unmarshal(data, &d) != nil {
		return nil, false
	}
	return &d, true
}

// put stores a document and its source text; the text first, so that a
// document in the cache always has its text.
func (c cache) put(key string, d *schema.Document, lines []string) error {
	if c.dir == "" {
		return nil
	}
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if err := writeAtomic(c.textPath(key), []byte(strings.Join(lines, "\n"))); err != nil {
		return err
	}
	return writeAtomic(c.path(key), data)
}

func (c cache) textPath(key string) string { return filepath.Join(c.dir, key[:2], key+".txt") }

// text returns the source lines stored with a document.
func (c cache) text(key string) ([]string, error) {
	data, err := os.ReadFile(c.textPath(key))
	if err != nil {
		return nil, err
	}
	return strings.Split(string(data), "\n"), nil
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

// has tells whether a document and its text are cached under key.
func (c cache) has(key string) bool {
	if c.dir == "" {
		return false
	}
	_, err1 := os.Stat(c.path(key))
	_, err2 := os.Stat(c.textPath(key))
	return err1 == nil && err2 == nil
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
// modification time are unchanged.
func (s statCache) sum(rel, path string) (statEntry, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return statEntry{}, err
	}
	e := statEntry{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	if old, ok := s[rel]; ok && old.Size == e.Size && old.ModTime == e.ModTime {
		return old, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return statEntry{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return statEntry{}, err
	}
	e.SHA256 = hex.EncodeToString(h.Sum(nil))
	return e, nil
}
