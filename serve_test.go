package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	neturl "net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serveSite starts 'budgetpub serve' on dir and returns its URL (ending in /).
func serveSite(t *testing.T, dir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--dir", dir, "--addr", "127.0.0.1:0"}, pw, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve returned %v after its context ended", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	return strings.TrimSpace(line[strings.Index(line, "http://"):])
}

// TestServeLikeAStaticHost: serve answers what a careful static host
// would: every file with nosniff and a Content-Security-Policy, the site's
// own 404 page (status 404) for a missing path, a folder without
// index.html, a staging folder or any dot-file; no folder listings; only
// GET and HEAD.
func TestServeLikeAStaticHost(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                  "<!DOCTYPE html><title>home</title>",
		"404.html":                    "<!DOCTYPE html><title>the site's 404</title>",
		"documents.csv":               "id,department\n",
		"feed.atom":                   "<feed/>",
		"doc/a.html":                  "<!DOCTYPE html><title>a</title>",
		"data/a.json":                 "{}",
		".staging-123/index.html":     "<!DOCTYPE html><title>staging</title>",
		".hidden":                     "secret",
		"releases/.staging-9/x.html":  "staging",
		"releases/r-1/index.html":     "<!DOCTYPE html><title>release</title>",
		"releases/r-1/.lock":          "lock",
		"releases/r-1/data/.tmp-1234": "partial",
		"odd/index.html/x":            "a folder named index.html",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	url := serveSite(t, dir)
	get := func(method, path string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(method, url+strings.TrimPrefix(path, "/"), nil)
		resp, err := http.DefaultTransport.RoundTrip(req) // no redirects followed
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %s: no X-Content-Type-Options: nosniff", method, path)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s %s: Content-Security-Policy %q", method, path, csp)
		}
		return resp, string(body)
	}
	for path, want := range map[string]string{"/index.html": "text/html; charset=utf-8", "/documents.csv": "text/csv; charset=utf-8",
		"/feed.atom": "application/atom+xml", "/data/a.json": "application/json", "/releases/r-1/": "text/html; charset=utf-8"} {
		resp, _ := get("GET", path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want {
			t.Errorf("GET %s: %d %q, want 200 %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), want)
		}
	}
	for _, path := range []string{"/missing.html", "/doc/", "/doc", "/data/", "/.staging-123/", "/.staging-123/index.html",
		"/.hidden", "/releases/", "/releases/.staging-9/x.html", "/releases/r-1/.lock", "/releases/r-1/data/.tmp-1234", "/doc/%2e%2e/.hidden", "/odd/"} {
		resp, body := get("GET", path)
		if resp.StatusCode != 404 || !strings.Contains(body, "the site's 404") || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("GET %s: %d %q, want 404 with the site's 404 page", path, resp.StatusCode, body)
		}
	}
	if resp, _ := get("POST", "/index.html"); resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
	if resp, body := get("HEAD", "/index.html"); resp.StatusCode != 200 || body != "" {
		t.Errorf("HEAD: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get("GET", "/releases/r-1"); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/releases/r-1/" {
		t.Errorf("GET /releases/r-1: %d to %q, want a redirect to /releases/r-1/", resp.StatusCode, resp.Header.Get("Location"))
	}
	// a request whose path is empty (absolute form, "GET http://host HTTP/1.1") is the home page
	rec := httptest.NewRecorder()
	siteServer{dir}.ServeHTTP(rec, &http.Request{Method: "GET", URL: &neturl.URL{Scheme: "http", Host: "x"}})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "<title>home</title>") {
		t.Errorf("GET with an empty path: %d %q", rec.Code, rec.Body.String())
	}
}

// TestServeTimesOutSlowClients: a client that never finishes its request
// is disconnected after the header timeout, not held forever.
func TestServeTimesOutSlowClients(t *testing.T) {
	defer func(saved serverTimeouts) { serveTimeouts = saved }(serveTimeouts)
	serveTimeouts = serverTimeouts{header: 200 * time.Millisecond, read: time.Second, write: time.Second, idle: time.Second}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!DOCTYPE html><title>x</title>"), 0o644)
	url := serveSite(t, dir)
	conn, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /index.html HTTP/1.1\r\nHost: x\r\n") // and never the blank line
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the server still held the half-sent request after %v", time.Since(start).Round(time.Millisecond))
	}
}
