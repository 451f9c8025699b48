package fetch

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocarina/gocsv"

	"budgetpub/pipeline"
)

// resource is a file the test portal serves.
type resource struct {
	body  []byte
	ctype string
	etag  string    // "" sends none
	mod   time.Time // zero sends no Last-Modified
}

// served is a request the portal received.
type served struct {
	path, ifNoneMatch, ifModifiedSince, userAgent string
	status                                        int
	at                                            time.Time // when it arrived
}

// portal is a local government portal: static files with validators (as
// http.ServeContent answers conditional requests), and handlers for the
// misbehaving paths.
type portal struct {
	*httptest.Server
	mu       sync.Mutex
	files    map[string]*resource
	handlers map[string]http.HandlerFunc
	log      []served
	inFlight int
	maxIn    int
}

func newPortal(t *testing.T) *portal {
	p := &portal{files: map[string]*resource{}, handlers: map[string]http.HandlerFunc{}}
	p.Server = httptest.NewServer(p)
	t.Cleanup(p.Close)
	return p
}

func (p *portal) set(path string, r *resource) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.files[path] = r
}

func (p *portal) handle(path string, h http.HandlerFunc) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.handlers[path] = h
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Flush() { s.ResponseWriter.(http.Flusher).Flush() }

// Hijack lets a handler drop the connection.
func (s *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return s.ResponseWriter.(http.Hijacker).Hijack()
}

func (p *portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	arrived := time.Now()
	p.mu.Lock()
	p.inFlight++
	p.maxIn = max(p.maxIn, p.inFlight)
	f, h := p.files[r.URL.Path], p.handlers[r.URL.Path]
	p.mu.Unlock()
	rec := &statusRecorder{ResponseWriter: w, status: 200}
	switch {
	case h != nil:
		h(rec, r)
	case f != nil:
		if f.etag != "" {
			w.Header().Set("ETag", f.etag)
		}
		w.Header().Set("Content-Type", f.ctype)
		http.ServeContent(rec, r, "", f.mod, bytes.NewReader(f.body))
	default:
		http.NotFound(rec, r)
	}
	p.mu.Lock()
	p.inFlight--
	p.log = append(p.log, served{path: r.URL.RequestURI(), ifNoneMatch: r.Header.Get("If-None-Match"),
		ifModifiedSince: r.Header.Get("If-Modified-Since"), userAgent: r.Header.Get("User-Agent"), status: rec.status, at: arrived})
	p.mu.Unlock()
}

// requests returns and forgets the requests received so far.
func (p *portal) requests() []served {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.log
	p.log = nil
	return out
}

func htmlPage(body string) *resource {
	return &resource{body: []byte(body), ctype: "text/html; charset=utf-8", etag: `"` + sha(body)[:8] + `"`,
		mod: time.Date(2024, 2, 5, 8, 0, 0, 0, time.UTC)}
}

func pdf(body string) *resource {
	return &resource{body: []byte("%PDF-1.4\n" + body), ctype: "application/pdf", etag: `"` + sha(body)[:8] + `"`,
		mod: time.Date(2024, 2, 5, 8, 0, 0, 0, time.UTC)}
}

// testOptions are fast options: no interval, short waits.
func testOptions(t *testing.T, sources string) Options {
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.csv")
	if err := os.WriteFile(src, []byte(sources), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Defaults()
	o.Sources, o.Archive = src, filepath.Join(dir, "archive")
	o.Interval, o.Backoff, o.Timeout = 0, time.Millisecond, 2*time.Second
	o.UserAgent = "budgetpub-test (+mailto:test@example.org)"
	return o
}

func fetchRun(t *testing.T, o Options) *Report {
	t.Helper()
	rep, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// byURL finds the report's row of a URL ending in suffix.
func byURL(t *testing.T, rep *Report, suffix string) Record {
	t.Helper()
	for _, r := range rep.URLs {
		if strings.HasSuffix(r.URL, suffix) {
			return r
		}
	}
	t.Fatalf("no row for %s in %+v", suffix, rep.URLs)
	return Record{}
}

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readMetadataCSV(t *testing.T, archive string) []pipeline.Metadata {
	t.Helper()
	var rows []pipeline.Metadata
	data, err := os.ReadFile(filepath.Join(archive, pipeline.MetadataFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := gocsv.UnmarshalBytes(data, &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func readManifest(t *testing.T, archive string) []Record {
	t.Helper()
	var rows []Record
	data, err := os.ReadFile(filepath.Join(archive, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := gocsv.UnmarshalBytes(data, &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func outcomes(rep *Report) string {
	var s []string
	for _, r := range rep.URLs {
		s = append(s, r.URL[strings.Index(r.URL[8:], "/")+8:]+" "+r.Outcome)
	}
	sort.Strings(s)
	return strings.Join(s, "\n")
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
