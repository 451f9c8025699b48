package main

import (
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// serverTimeouts bound how long 'budgetpub serve' waits on a client.
type serverTimeouts struct{ header, read, write, idle time.Duration }

// serveTimeouts: a request's headers within 10 s and its whole body within
// 30 s, a response (the largest download included) within 2 min, an idle
// connection kept 2 min.
var serveTimeouts = serverTimeouts{header: 10 * time.Second, read: 30 * time.Second, write: 2 * time.Minute, idle: 2 * time.Minute}

// contentSecurityPolicy allows the site's own files and nothing else: no
// inline script or style, no other origin, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// contentTypes of what the site holds, so that no response depends on
// sniffing or on the machine's mime.types.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json", ".jsonld": "application/ld+json",
	".ndjson": "application/x-ndjson", ".csv": "text/csv; charset=utf-8", ".atom": "application/atom+xml",
	".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".sqlite": "application/vnd.sqlite3", ".zip": "application/zip",
}

// siteServer serves a built site as a careful static host would: regular
// files only, a folder only through its index.html (never a listing),
// nothing whose path has a part starting with a dot (staging folders,
// temporary files), the site's own 404.html for everything else; every
// response with nosniff and the Content-Security-Policy.
type siteServer struct{ dir string }

func (s siteServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	f, st := s.open(name)
	if f != nil && st.IsDir() {
		f.Close()
		f, st = s.open(path.Join(name, "index.html"))
		if f != nil && st.IsDir() {
			f.Close()
			f = nil
		}
		if f != nil && name != "/" && !strings.HasSuffix(r.URL.Path, "/") {
			f.Close()
			http.Redirect(w, r, path.Base(name)+"/", http.StatusMovedPermanently)
			return
		}
	}
	if f == nil {
		s.notFound(w, r)
		return
	}
	defer f.Close()
	s.serve(w, r, f, st, http.StatusOK)
}

// open returns the file or folder at a cleaned URL path, or nil when there
// is none to serve: a part of the path starts with a dot, or it is neither
// a regular file nor a folder.
func (s siteServer) open(name string) (*os.File, os.FileInfo) {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return nil, nil
		}
	}
	f, err := os.Open(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, nil
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() && !st.IsDir() {
		f.Close()
		return nil, nil
	}
	return f, st
}

func (s siteServer) notFound(w http.ResponseWriter, r *http.Request) {
	f, st := s.open("/404.html")
	if f == nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	s.serve(w, r, f, st, http.StatusNotFound)
}

func (s siteServer) serve(w http.ResponseWriter, r *http.Request, f *os.File, st os.FileInfo, status int) {
	if ct, ok := contentTypes[path.Ext(st.Name())]; ok {
		w.Header().Set("Content-Type", ct)
	}
	if status == http.StatusOK {
		http.ServeContent(w, r, st.Name(), st.ModTime(), f)
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		io.Copy(w, f)
	}
}
