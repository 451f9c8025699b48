// Package fetch acquires disclosures from government portals into an
// archive the build reads as its input folder.
//
// A run starts from the pages of sources.csv: a listing page's links to
// disclosure articles are followed, an article page is archived with its
// attachments (PDF, Excel, Word). Every original is kept once, under its
// sha256, and never overwritten or deleted; a changed file at the same URL
// is a new version. Each fetch is a row of manifest.csv. The current
// version of each article and attachment is placed in files/ under a name
// that stays the same from one version to the next, and metadata.csv says
// where each came from — so `budgetpub build --in ARCHIVE` publishes them.
//
// The archive:
//
//	manifest.csv       every fetch: URL, final URL, time, status, validators, sha256, …
//	metadata.csv       for the build: a row per file in files/ (source URL, hints, note)
//	objects/ab/ab12…   the originals, by sha256 (read-only, no extension)
//	files/HOST/NAME    the current version of each article (.html) and attachment
//	run.json           the last run's report
//
// Requests are conditional (If-None-Match, If-Modified-Since) when a
// version is archived, so a run over unchanged portals downloads nothing.
package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// productToken is the name robots.txt rules are matched against.
const productToken = "budgetpub"

// What a page or file is in the crawl.
const (
	roleListing    = "listing"
	roleArticle    = "article"
	roleAttachment = "attachment"
)

// Outcomes of a fetch, in manifest.csv and the report.
const (
	OutcomeNew         = "new"          // the URL's first version, archived
	OutcomeChanged     = "changed"      // a new version of the URL, archived
	OutcomeNotModified = "not-modified" // 304: the archived version is current
	OutcomeUnchanged   = "unchanged"    // 200 with the bytes already archived
	OutcomeFailed      = "failed"       // see the error
	OutcomeRobots      = "robots"       // disallowed by robots.txt, not fetched
)

// Options of a run.
type Options struct {
	Sources string // sources.csv
	Archive string // the archive folder (created if need be)

	UserAgent    string
	PerHost      int           // requests in flight to one host
	Interval     time.Duration // between the starts of two requests to one host (raised by a robots.txt Crawl-delay)
	Timeout      time.Duration // of one request, body included
	Retries      int           // more tries after a 5xx, a 429 or a dropped connection
	Backoff      time.Duration // the wait before the first retry, doubled each time
	MaxBytes     int64         // a larger response is not kept
	MaxRedirects int
	MaxLinks     int // articles followed from one listing
	MaxPages     int // pages of one listing followed (its first included)

	Now func() time.Time // the time of manifest rows
	Log *slog.Logger
}

// Defaults are the options of `budgetpub fetch`.
func Defaults() Options {
	return Options{
		UserAgent:    productToken + " (budget disclosure archiver)",
		PerHost:      2,
		Interval:     time.Second,
		Timeout:      2 * time.Minute,
		Retries:      3,
		Backoff:      2 * time.Second,
		MaxBytes:     64 << 20,
		MaxRedirects: 5,
		MaxLinks:     200,
		MaxPages:     20,
		Now:          time.Now,
	}
}

// Report says what a run did; it is written to the archive's run.json.
type Report struct {
	Started  string         `json:"started"`
	Seconds  float64        `json:"seconds"`
	Requests int            `json:"requests"` // HTTP requests, robots.txt, redirects and retries included
	Outcomes map[string]int `json:"outcomes"` // fetches by outcome
	URLs     []Record       `json:"urls"`     // this run's manifest rows, by URL
}

// Failed counts the fetches that failed.
func (r *Report) Failed() int { return r.Outcomes[OutcomeFailed] }

// task is a URL to fetch, with what is known of it.
type task struct {
	url       *url.URL
	role      string // "" for a source whose page is told from its links
	referrer  string
	src       *Source
	ext       string // an attachment's extension from its link
	published string // the referring article's date
	page      int    // a listing's page: 0 for its first, n for the page n links after it
}

// visited is what a fetch gave the crawl: the page's role and, for pages,
// its links.
type visited struct {
	role string
	page *page
}

// Run fetches the sources into the archive. Failures of single URLs are in
// the report; the error is for a run that could not be made (bad sources,
// an archive that cannot be opened or written).
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.PerHost = max(o.PerHost, 1)
	sources, err := ReadSources(o.Sources)
	if err != nil {
		return nil, err
	}
	a, err := openArchive(o.Archive)
	if err != nil {
		return nil, err
	}
	defer a.close()
	start := o.Now()
	c := newClient(o, a)
	r := &run{o: o, arch: a, client: c}
	level := make([]task, 0, len(sources))
	seen := map[string]bool{}
	for _, s := range sources {
		u, _ := url.Parse(s.URL)
		if !seen[s.URL] {
			seen[s.URL] = true
			level = append(level, task{url: u, role: s.Page, src: s})
		}
	}
	o.Log.Info("fetch started", "sources", len(sources), "archive", o.Archive)
	for len(level) > 0 && ctx.Err() == nil {
		got := make([]visited, len(level))
		var wg sync.WaitGroup
		for i, t := range level {
			wg.Go(func() { got[i] = r.visit(ctx, t) })
		}
		wg.Wait()
		var next []task
		for i, t := range level {
			for _, ch := range r.children(t, got[i]) {
				if k := ch.url.String(); !seen[k] {
					seen[k] = true
					next = append(next, ch)
				}
			}
		}
		level = next
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, r.err
	}
	if err := a.writeMetadata(); err != nil {
		return nil, err
	}
	rep := &Report{Started: start.UTC().Format(time.RFC3339), Seconds: o.Now().Sub(start).Seconds(),
		Requests: c.requests, Outcomes: map[string]int{}, URLs: r.records}
	sort.SliceStable(rep.URLs, func(i, j int) bool { return rep.URLs[i].URL < rep.URLs[j].URL })
	for _, rec := range rep.URLs {
		rep.Outcomes[rec.Outcome]++
	}
	data, _ := json.MarshalIndent(rep, "", "  ")
	if err := writeAtomic(filepath.Join(o.Archive, ReportFile), append(data, '\n')); err != nil {
		return nil, err
	}
	o.Log.Info("fetch finished", "requests", rep.Requests, "new", rep.Outcomes[OutcomeNew], "changed", rep.Outcomes[OutcomeChanged],
		"failed", rep.Failed(), "seconds", rep.Seconds)
	return rep, nil
}

// run is the state of one run.
type run struct {
	o      Options
	arch   *archive
	client *client

	mu      sync.Mutex
	records []Record
	err     error // the archive could not be written: the run fails
}

// visit fetches one URL into the archive and logs it in the manifest.
func (r *run) visit(ctx context.Context, t task) visited {
	key := t.url.String()
	rec := Record{URL: key, Referrer: t.referrer, Role: t.role,
		Published: t.published, Department: t.src.Department, Publisher: t.src.Publisher,
		Year: t.src.Year, Kind: t.src.Kind, Region: t.src.Region}
	cur, archived := r.arch.current(key)
	v, err := r.fetch(ctx, t, cur, archived, &rec)
	rec.Time = r.o.Now().UTC().Format(time.RFC3339) // when the answer came
	switch {
	case errors.Is(err, ErrRobots):
		rec.Outcome, rec.Error = OutcomeRobots, err.Error()
	case err != nil:
		rec.Outcome, rec.Error = OutcomeFailed, err.Error()
		r.o.Log.Warn("fetch failed", "url", key, "referrer", t.referrer, "error", rec.Error)
	default:
		r.o.Log.Debug("fetched", "url", key, "status", rec.Status, "outcome", rec.Outcome)
	}
	if rec.Role == "" {
		rec.Role = cur.Role
	}
	if err := r.arch.log(rec); err != nil {
		r.fail(fmt.Errorf("%s: %w", ManifestFile, err))
	}
	r.mu.Lock()
	r.records = append(r.records, rec)
	r.mu.Unlock()
	if err != nil {
		return visited{}
	}
	return v
}

func (r *run) fail(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err == nil {
		r.err = err
	}
}

// fetch does visit's work, filling rec.
func (r *run) fetch(ctx context.Context, t task, cur Record, archived bool, rec *Record) (visited, error) {
	resp, err := r.client.get(ctx, t.url, cur, archived, r.o)
	if resp != nil {
		rec.Status = resp.status
		if resp.final != nil {
			rec.FinalURL = resp.final.String()
		}
	}
	if err != nil {
		return visited{}, err
	}
	rec.ETag, rec.LastModified = resp.header.Get("ETag"), resp.header.Get("Last-Modified")
	if resp.status == 200 {
		ctype := resp.header.Get("Content-Type")
		sum, err := r.arch.keep(resp.body)
		if err != nil {
			r.fail(err)
			return visited{}, err
		}
		rec.SHA256, rec.Bytes, rec.ContentType = sum, resp.body.n, ctype
		switch {
		case !archived:
			rec.Outcome = OutcomeNew
		case cur.SHA256 == sum:
			rec.Outcome = OutcomeUnchanged
		default:
			rec.Outcome = OutcomeChanged
		}
	} else { // 304
		rec.SHA256, rec.Bytes, rec.ContentType, rec.Outcome = cur.SHA256, cur.Bytes, cur.ContentType, OutcomeNotModified
		if rec.ETag == "" {
			rec.ETag = cur.ETag
		}
		if rec.LastModified == "" {
			rec.LastModified = cur.LastModified
		}
	}
	head, err := r.arch.head(rec.SHA256)
	if err != nil {
		r.fail(err)
		return visited{}, err
	}
	v := visited{role: t.role}
	ext := t.ext
	switch sniffed := sniff(head); {
	case sniffed == ".html" && t.role == roleAttachment:
		return visited{}, fmt.Errorf("not an attachment but a page (%s)", rec.ContentType)
	case sniffed == ".html":
		final := t.url
		if resp.final != nil {
			final = resp.final
		}
		data, err := os.ReadFile(r.arch.object(rec.SHA256))
		if err != nil {
			r.fail(err)
			return visited{}, err
		}
		if v.page, err = parsePage(data, final, rec.ContentType); err != nil {
			return visited{}, fmt.Errorf("page: %w", err)
		}
		if v.role == "" {
			v.role = r.pageRole(t, cur, v.page)
		}
		ext = ".html"
		if v.role == roleArticle && v.page.published != "" {
			rec.Published = v.page.published
		}
	case sniffed == "":
		return visited{}, fmt.Errorf("neither a page nor a PDF, Excel or Word file (%s)", rec.ContentType)
	default:
		v.role = roleAttachment
		// the link's extension tells .xls from .doc (both .ole); the
		// bytes tell a PDF
		if sniffed == ".pdf" || ext == ".pdf" || !attachmentExts[ext] {
			ext = sniffed
		}
	}
	rec.Role = v.role
	if v.role != roleListing {
		rec.File = fileName(t.url, ext)
		if err := r.arch.place(rec.File, rec.SHA256); err != nil {
			r.fail(err)
			return visited{}, err
		}
	}
	return v, nil
}

// pageRole tells a source page whose role sources.csv leaves open: what it
// was before, else a listing when it links to pages of its host that
// match the source's pattern, an article otherwise.
func (r *run) pageRole(t task, cur Record, p *page) string {
	if cur.Role == roleListing || cur.Role == roleArticle {
		return cur.Role
	}
	for _, l := range p.links {
		if r.articleLink(t, l) {
			return roleListing
		}
	}
	return roleArticle
}

// pageExts are the extensions of links that may be article pages.
var pageExts = map[string]bool{"": true, ".html": true, ".htm": true, ".shtml": true, ".jhtml": true,
	".jsp": true, ".asp": true, ".aspx": true, ".php": true, ".do": true}

// articleLink tells whether a listing's link is to a disclosure article:
// a page of the listing's host, not the listing itself, whose text or URL
// matches the source's pattern.
func (r *run) articleLink(t task, l link) bool {
	if l.url.Host != t.url.Host || l.url.String() == t.url.String() || !pageExts[strings.ToLower(path.Ext(l.url.Path))] {
		return false
	}
	return matches(t.src, l)
}

func matches(s *Source, l link) bool {
	u := l.url.String()
	if un, err := url.PathUnescape(u); err == nil {
		u = un
	}
	return s.links.MatchString(l.text) || s.links.MatchString(u)
}

// children are the links a fetched page leads to: a listing's articles
// (up to MaxLinks) and matching attachments, an article's attachments.
func (r *run) children(t task, v visited) []task {
	if v.page == nil {
		return nil
	}
	var out []task
	articles := 0
	for _, l := range v.page.links {
		ext := attachmentExt(l)
		switch {
		case v.role == roleArticle && ext != "":
			out = append(out, task{url: l.url, role: roleAttachment, referrer: t.url.String(), src: t.src, ext: ext, published: v.page.published})
		case v.role == roleListing && ext != "" && matches(t.src, l):
			out = append(out, task{url: l.url, role: roleAttachment, referrer: t.url.String(), src: t.src, ext: ext})
		case v.role == roleListing && ext == "" && t.page+1 < r.o.MaxPages && r.nextPage(t, l.url) && nextPageRe.MatchString(l.text):
			out = append(out, task{url: l.url, role: roleListing, referrer: t.url.String(), src: t.src, page: t.page + 1})
		case v.role == roleListing && ext == "" && articles < r.o.MaxLinks && r.articleLink(t, l):
			articles++
			out = append(out, task{url: l.url, role: roleArticle, referrer: t.url.String(), src: t.src})
		}
	}
	if v.role == roleListing && t.page == 0 { // the pages a script's pager names
		for i, u := range v.page.more {
			if i+1 < r.o.MaxPages && r.nextPage(t, u) {
				out = append(out, task{url: u, role: roleListing, referrer: t.url.String(), src: t.src, page: i + 1})
			}
		}
	}
	return out
}

// nextPage tells whether a link may be another page of a listing: a page
// of its host, in its folder, not the listing itself.
func (r *run) nextPage(t task, u *url.URL) bool {
	return u.Host == t.url.Host && u.String() != t.url.String() && path.Dir(u.Path) == path.Dir(t.url.Path) &&
		pageExts[strings.ToLower(path.Ext(u.Path))]
}

// sniff tells what a body is from its first bytes: ".pdf", ".ole" (an
// Excel or Word file of the 97–2003 formats), ".zip" (of the 2007 ones),
// ".html" for text, "" for anything else.
func sniff(head []byte) string {
	s := string(head)
	switch {
	case strings.HasPrefix(s, "%PDF-"):
		return ".pdf"
	case strings.HasPrefix(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"):
		return ".ole"
	case strings.HasPrefix(s, "PK\x03\x04"):
		return ".zip"
	case len(head) > 0 && !strings.ContainsRune(s, 0):
		return ".html"
	}
	return ""
}
