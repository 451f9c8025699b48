package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"budgetpub/pipeline/check"
	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/extract"
	"budgetpub/pipeline/identity"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
	"budgetpub/site"
)

// Options of a build.
type Options struct {
	In, Out string
	Version string
	Force   bool // ignore the cache
	Strict  bool // publish nothing when any input is rejected
	Keep    int  // releases to keep (0: all)

	// AllowShrink publishes a release that drops more than MaxDrop of the
	// documents published, or has none.
	AllowShrink bool

	// BaseURL is the absolute URL the site is served at, for feeds,
	// sitemaps and catalogs (default http://127.0.0.1:8080/).
	BaseURL string

	// Originals publishes each input file in the release (originals/,
	// named by its sha256) and links it from its disclosure's page.
	Originals bool

	Log      *slog.Logger          // structured log; nil logs nothing
	Progress func(done, total int) // called as inputs finish; may be nil
}

// Rejected is an input left out of the release, with the reason.
type Rejected struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Report says what a build did; it is written to OUT.run.json.
type Report struct {
	Documents int        `json:"documents"`
	Extracted int        `json:"extracted"` // documents extracted in this run
	Cached    int        `json:"cached"`    // documents taken from the cache
	Checks    int        `json:"checks"`    // findings in the release published (0 when nothing changed)
	Rejected  []Rejected `json:"rejected"`
	// Templates are inputs left out as templates never filled in (上海市XX局)
	Templates []Template `json:"templates"`
	// Originals are input files a release with Options.Originals does not
	// hold (changed or removed while the run read the others): their
	// disclosures are published, and their pages offer no original
	Originals []Rejected `json:"originals,omitempty"`
	// Incomplete are the documents published whose department, year or
	// kind the text does not tell (schema.Meta.Unknown): what metadata.csv
	// could give them
	Incomplete []Incomplete `json:"identity_incomplete,omitempty"`
	// UnmatchedMetadata are the files metadata.csv names that are not
	// among the inputs (a typo, a file removed): their rows served nothing
	UnmatchedMetadata []string `json:"unmatched_metadata,omitempty"`
	Release           string   `json:"release"` // the release published, "" when nothing changed
	Changed           []string `json:"changed"` // ids of disclosures added or changed
	Seconds           float64  `json:"seconds"`
	Error             string   `json:"error,omitempty"` // why the run failed (nothing published)
}

// Template is an input left out because it is a template never filled in,
// not a disclosure: it is reported, not published.
type Template struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Incomplete is a document published whose identity is incomplete.
type Incomplete struct {
	ID      string   `json:"id"`
	Unknown []string `json:"unknown"` // schema.UnknownDepartment, UnknownYear, UnknownKind
}

// ErrRejected is the failure of a strict run with rejected inputs.
var ErrRejected = errors.New("inputs were rejected")

// ErrShrink is the failure of a run whose release would have no documents,
// or drop more than MaxDrop of those published: an emptied or half-copied
// input folder must not replace a good site.
var ErrShrink = errors.New("refusing to publish")

// MaxDrop is the share of the published documents a release may drop
// without Options.AllowShrink.
const MaxDrop = 0.5

// MetadataFile is the optional file in the input folder that adds what the
// documents themselves lack.
const MetadataFile = "metadata.csv"

// Metadata is one row of metadata.csv.
type Metadata struct {
	File       string `csv:"file"`       // path relative to the input folder
	Department string `csv:"department"` // used when the text names no department
	// FiscalYear and Kind (budget or final_accounts, or words with 预算 or
	// 决算: 部门预算) are used when
	// no title of the text names a year (the portal's listing said)
	FiscalYear string `csv:"fiscal_year"`
	Kind       string `csv:"kind"`
	Publisher  string `csv:"publisher"`
	SourceURL  string `csv:"source_url"`
	Note       string `csv:"note"`
	// Disclosure names the disclosure a file is a part of: the files of
	// one name are merged into one document, whose id is made of it.
	Disclosure string `csv:"disclosure"`
	// Version, Archived, PreviousSHA256 and PreviousArchived say which
	// version of its URL a file fetched by budgetpub fetch is (see
	// schema.ArchivedVersion); empty for a file put there by hand.
	Version          int    `csv:"version"`
	Archived         string `csv:"archived"`
	PreviousSHA256   string `csv:"previous_sha256"`
	PreviousArchived string `csv:"previous_archived"`
}

var inputExts = map[string]bool{".txt": true, ".pdf": true, ".html": true, ".htm": true, ".xlsx": true, ".xls": true}

// Inputs lists the disclosures in dir, sorted, and the files it leaves
// out, with the reason. Where a PDF and a text file share a name, they are
// one disclosure: the PDF is read when pdf is true (pdftotext is installed:
// its -layout text keeps the tables' columns, which text of unknown
// extraction may have lost), the text otherwise. A workbook is read
// whatever lies beside it, but an .xls beside an .xlsx of the same name (its
// conversion) is left out.
//
// Only regular files inside dir are inputs: a named pipe, a device or a
// file over the size limit is left out before it is opened, and so is a
// symbolic link whose target lies outside dir. Links to files inside dir
// are followed; linked folders are not entered.
func Inputs(dir string, pdf bool) ([]string, []Rejected, error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, err
	}
	var files []string
	var left []Rejected
	leave := func(p string, err error) {
		left = append(left, Rejected{Path: p, Error: fmt.Sprintf("ingest: %v", &ingest.Error{Path: p, Err: err})})
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			// one unreadable folder (or file) leaves out only itself
			var pe *fs.PathError
			if errors.As(err, &pe) && pe.Path == p {
				err = pe.Err
			}
			if d != nil && d.IsDir() {
				err = fmt.Errorf("folder not read: %w", err)
			}
			leave(p, err)
			return nil
		}
		if d.IsDir() || !inputExts[strings.ToLower(filepath.Ext(p))] || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if strings.EqualFold(strings.TrimSuffix(d.Name(), filepath.Ext(d.Name())), "readme") {
			return nil
		}
		if err := inputFile(root, p, d); err != nil {
			leave(p, err)
			return nil
		}
		// the name goes into JSON, pages and URLs, which hold UTF-8 only
		if rel, _ := filepath.Rel(dir, p); !utf8.ValidString(rel) {
			leave(p, fmt.Errorf("the name %q is not UTF-8 (a GBK name from an unzipped archive?): rename the file", rel))
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	ext := func(f string) string { return strings.ToLower(filepath.Ext(f)) }
	isPDF := func(f string) bool { return ext(f) == ".pdf" }
	isBook := func(f string) bool { return ext(f) == ".xlsx" || ext(f) == ".xls" }
	stem := func(f string) string { return strings.TrimSuffix(f, filepath.Ext(f)) }
	pdfs, texts, xlsx := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, f := range files {
		switch {
		case isPDF(f):
			pdfs[stem(f)] = true
		case ext(f) == ".xlsx":
			xlsx[stem(f)] = true
		case !isBook(f):
			texts[stem(f)] = true
		}
	}
	out := files[:0]
	for _, f := range files {
		if isPDF(f) && !pdf && texts[stem(f)] || !isPDF(f) && !isBook(f) && pdf && pdfs[stem(f)] || ext(f) == ".xls" && xlsx[stem(f)] {
			continue
		}
		out = append(out, f)
	}
	sort.Strings(out)
	return out, left, nil
}

// inputFile tells why the file p, found under root (a path without links),
// is not an input, or returns nil. Nothing is opened.
func inputFile(root, p string, d fs.DirEntry) error {
	if d.Type()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return err
		}
		if r, err := filepath.Rel(root, target); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return fmt.Errorf("symbolic link to %s, outside the input folder: not read", target)
		}
		fi, err := os.Stat(target)
		if err != nil {
			return err
		}
		return ingest.Check(fi)
	}
	fi, err := d.Info()
	if err != nil {
		return err
	}
	return ingest.Check(fi)
}

// openSideFile opens a file of the input folder that describes the inputs
// (metadata.csv, departments.csv) under the rules of the inputs: a regular
// file inside dir. A missing file gives no file and no error.
func openSideFile(dir, name string) (f *os.File, path string, err error) {
	p := filepath.Join(dir, name)
	fi, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, p, nil
	}
	if err != nil {
		return nil, p, err
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, p, err
	}
	if err := inputFile(root, p, fs.FileInfoToDirEntry(fi)); err != nil {
		return nil, p, &ingest.Error{Path: p, Err: err}
	}
	if f, _, err = ingest.Open(p); err != nil {
		return nil, p, &ingest.Error{Path: p, Err: err}
	}
	return f, p, nil
}

// readMetadata reads dir's metadata.csv, under the rules of the inputs: a
// regular file inside dir. A row that cannot be read (a field too many or
// too few, a version that is not a number, a second row for a file that
// says otherwise) is left out, and a fiscal_year or kind that says no year
// or kind is not used; each is reported with its line, and the run goes
// on.
func readMetadata(dir string) (map[string]Metadata, []Rejected, error) {
	f, p, err := openSideFile(dir, MetadataFile)
	if f == nil || err != nil {
		return nil, nil, err
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, nil, err
	}
	out, bad := parseMetadata(data)
	var rej []Rejected
	for _, e := range bad {
		rej = append(rej, Rejected{Path: p, Error: "metadata: " + e})
	}
	return out, rej, nil
}

// parseMetadata reads metadata.csv's rows by their header's names (a
// column it does not know is ignored); what it cannot use is said in bad,
// each with its line.
func parseMetadata(data []byte) (rows map[string]Metadata, bad []string) {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			bad = append(bad, err.Error()+": the file is not used")
		}
		return nil, bad
	}
	t := reflect.TypeFor[Metadata]()
	field := map[int]int{} // column → field of Metadata
	for c, h := range head {
		for i := range t.NumField() {
			if t.Field(i).Tag.Get("csv") == strings.TrimSpace(h) {
				field[c] = i
			}
		}
	}
	if !slices.ContainsFunc(head, func(h string) bool { return strings.TrimSpace(h) == "file" }) {
		return nil, append(bad, "line 1: no column file: the file is not used")
	}
	rows = map[string]Metadata{}
	lineOf := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			bad = append(bad, err.Error()+": row left out")
			continue
		}
		if len(rec) != len(head) {
			bad = append(bad, fmt.Sprintf("line %d: %d fields, the header has %d: row left out", line, len(rec), len(head)))
			continue
		}
		var m Metadata
		v := reflect.ValueOf(&m).Elem()
		var rowErr error
		for c, s := range rec {
			i, ok := field[c]
			if !ok {
				continue
			}
			if v.Field(i).Kind() == reflect.Int {
				n := 0
				if s = strings.TrimSpace(s); s != "" {
					if n, err = strconv.Atoi(s); err != nil {
						rowErr = fmt.Errorf("%s %q is not a number", head[c], s)
					}
				}
				v.Field(i).SetInt(int64(n))
				continue
			}
			v.Field(i).SetString(s)
		}
		if rowErr != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v: row left out", line, rowErr))
			continue
		}
		if m.File = filepath.ToSlash(strings.TrimSpace(m.File)); m.File == "" {
			bad = append(bad, fmt.Sprintf("line %d: no file: row left out", line))
			continue
		}
		if y := strings.TrimSpace(m.FiscalYear); y != "" {
			if m.FiscalYear = metadataYear(y); m.FiscalYear == "" {
				bad = append(bad, fmt.Sprintf("line %d: fiscal_year %q is not a year from 1990 to 2100: not used", line, y))
			}
		}
		if k := strings.TrimSpace(m.Kind); k != "" {
			if m.Kind = metadataKind(k); m.Kind == "" {
				bad = append(bad, fmt.Sprintf("line %d: kind %q says neither budget (预算) nor final accounts (决算): not used", line, k))
			}
		}
		if first, ok := lineOf[m.File]; ok {
			if rows[m.File] != m {
				bad = append(bad, fmt.Sprintf("line %d: a second row for %s, which line %d describes otherwise: row left out", line, m.File, first))
			}
			continue
		}
		rows[m.File], lineOf[m.File] = m, line
	}
	return rows, bad
}

// metadataYear is a fiscal_year as digits ("2024" for 2024, 2024年,
// 2024年度, ２０２４ or 二〇二四年), or "" when it names no year from 1990
// to 2100.
func metadataYear(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "度"), "年")
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case strings.ContainsRune("〇零", r):
			b.WriteByte('0')
		case strings.ContainsRune("一二三四五六七八九", r):
			b.WriteRune('1' + rune(strings.IndexRune("一二三四五六七八九", r)/len("一")))
		default:
			return ""
		}
	}
	y, err := strconv.Atoi(b.String())
	if err != nil || b.Len() != 4 || y < 1990 || y > 2100 {
		return ""
	}
	return b.String()
}

// metadataKind is a kind as the schema names it: budget for budget or
// words with 预算, final_accounts for final_accounts, "final accounts" or
// words with 决算 (either way of writing, any case); "" for words that say
// neither, or both (预决算).
func metadataKind(s string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	budget := strings.Contains(k, "budget") || strings.Contains(k, "预算") || strings.Contains(k, "预决算")
	final := strings.Contains(k, "final") || strings.Contains(k, "决算")
	switch {
	case budget && !final:
		return schema.KindBudget
	case final && !budget:
		return schema.KindFinalAccounts
	}
	return ""
}

// metadataFor finds a file's row: by its name, or by the name of its
// companion (x.pdf for x.txt, and the other way), which is the same
// disclosure.
func metadataFor(meta map[string]Metadata, rel string) Metadata {
	if m, ok := meta[rel]; ok {
		return m
	}
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	for _, ext := range metadataExts {
		if m, ok := meta[stem+ext]; ok {
			return m
		}
	}
	return Metadata{}
}

// metadataExts are the extensions under which a file's row may name it
// (the PDF's row serves its text, and the other way round).
var metadataExts = []string{".txt", ".pdf", ".html", ".htm"}

// unmatchedMetadata are the rows of meta that no input's lookup
// (metadataFor) finds, sorted.
func unmatchedMetadata(meta map[string]Metadata, rels []string) []string {
	used := map[string]bool{}
	for _, rel := range rels {
		if _, ok := meta[rel]; ok {
			used[rel] = true
			continue
		}
		stem := strings.TrimSuffix(rel, path.Ext(rel))
		for _, ext := range metadataExts {
			if _, ok := meta[stem+ext]; ok {
				used[stem+ext] = true
				break
			}
		}
	}
	var out []string
	for f := range meta {
		if !used[f] {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// Build runs the whole pipeline: every input is extracted (or taken from
// the cache), checked and validated; one that fails is reported and left
// out. The release is published atomically (see publish.go), and only when
// it differs from the current one.
//
// A run that fails writes its report too, with the error, so that
// OUT.run.json always tells of the last run.
func Build(ctx context.Context, o Options) (*Report, error) {
	start := time.Now()
	out := filepath.Clean(o.Out)
	unlock, err := lock(out)
	if err != nil {
		return nil, err // the run holding the lock owns OUT.run.json
	}
	defer unlock()
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// what a killed run left, whether or not this one publishes
	if err := cleanup(out); err != nil {
		log.Warn("cleanup failed", "error", err.Error())
	}
	rep, err := build(ctx, o, out, log)
	if err != nil {
		if rep == nil {
			rep = &Report{Rejected: []Rejected{}, Templates: []Template{}, Changed: []string{}}
		}
		rep.Release, rep.Error = "", err.Error()
		rep.Seconds = time.Since(start).Seconds()
		log.Error("build failed", "error", rep.Error, "seconds", rep.Seconds)
		if werr := writeReport(rep, out); werr != nil {
			log.Error("run report not written", "error", werr.Error())
		}
		return rep, err
	}
	rep.Seconds = time.Since(start).Seconds()
	log.Info("build finished", "documents", rep.Documents, "extracted", rep.Extracted, "cached", rep.Cached,
		"rejected", len(rep.Rejected), "release", rep.Release, "changed", len(rep.Changed), "seconds", rep.Seconds)
	if err := writeReport(rep, out); err != nil {
		return nil, err
	}
	return rep, nil
}

// build is Build under the lock: it returns the report of a run that
// succeeded, or the error (and, when it got that far, the report).
func build(ctx context.Context, o Options, out string, log *slog.Logger) (*Report, error) {
	files, left, err := Inputs(o.In, ingest.CanReadPDF())
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	meta, badMeta, err := readMetadata(o.In)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	c := cache{dir: out + ".cache"}
	stats := c.loadStats()
	log.Info("build started", "in", o.In, "out", out, "inputs", len(files), "force", o.Force)
	type result struct {
		key    string
		cached bool
		stat   statEntry
		ident  *ident // of a document extracted in this run
		err    error
	}
	results := make([]result, len(files))
	ids := assignIDs(files)
	var done atomic.Int64
	parallel(len(files), func(i int) {
		defer func() {
			if o.Progress != nil {
				o.Progress(int(done.Add(1)), len(files))
			}
		}()
		f := files[i]
		rel, _ := filepath.Rel(o.In, f)
		rel = filepath.ToSlash(rel)
		m := metadataFor(meta, rel)
		st, data, err := stats.sum(rel, f)
		if err != nil {
			results[i] = result{err: fmt.Errorf("ingest: %w", &ingest.Error{Path: f, Err: err})}
			return
		}
		key := c.key(st.SHA256, ids[i]+" "+rel, m)
		if !o.Force && c.has(key) {
			results[i] = result{key: key, cached: true, stat: st}
			return
		}
		doc, lines, err := extractAs(ctx, f, data, rel, ids[i], m)
		var id *ident
		if err == nil {
			err = c.put(key, doc, lines)
			id = ptrTo(identOf(doc))
		}
		// the document is read back from the cache when the release is
		// written, so that memory does not grow with the corpus
		results[i] = result{key: key, stat: st, ident: id, err: err}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep := &Report{Rejected: []Rejected{}, Templates: []Template{}, Changed: []string{}}
	reject := func(r Rejected) {
		rep.Rejected = append(rep.Rejected, r)
		log.Warn("input rejected", "file", r.Path, "reason", r.Error)
	}
	for _, r := range append(left, badMeta...) {
		reject(r)
	}
	rels := make([]string, 0, len(files)+len(left))
	for _, f := range files {
		rel, _ := filepath.Rel(o.In, f)
		rels = append(rels, filepath.ToSlash(rel))
	}
	for _, r := range left {
		if rel, err := filepath.Rel(o.In, r.Path); err == nil {
			rels = append(rels, filepath.ToSlash(rel))
		}
	}
	for _, f := range unmatchedMetadata(meta, rels) {
		rep.UnmatchedMetadata = append(rep.UnmatchedMetadata, f)
		log.Warn("metadata.csv names a file that is not among the inputs", "file", f)
	}
	table, bad, err := readTable(o.In)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	for _, r := range bad {
		reject(r)
	}
	oldIdents, idents := c.loadIdents(), map[string]ident{}
	// identOfKey is a cached document's ident, from the index or the document
	identOfKey := func(key string) (ident, bool) {
		if id, ok := oldIdents[key]; ok {
			return id, true
		}
		d, ok := c.loadDoc(key)
		if !ok {
			return ident{}, false
		}
		return identOf(d), true
	}
	var inputs []input
	newStats := statCache{}
	for i, r := range results {
		if r.err != nil {
			reject(Rejected{Path: files[i], Error: r.err.Error()})
			continue
		}
		rel, _ := filepath.Rel(o.In, files[i])
		rel = filepath.ToSlash(rel)
		newStats[rel] = r.stat
		if r.cached {
			rep.Cached++
		} else {
			rep.Extracted++
		}
		id, ok := ident{}, true
		if r.ident != nil {
			id = *r.ident
		} else {
			id, ok = identOfKey(r.key)
		}
		if !ok {
			reject(Rejected{Path: files[i], Error: "cache: the entry vanished during the run"})
			continue
		}
		idents[r.key] = id
		if id.Template != "" {
			rep.Templates = append(rep.Templates, Template{Path: files[i], Reason: id.Template})
			log.Warn("template left out", "file", files[i], "reason", id.Template)
			continue
		}
		inputs = append(inputs, input{path: files[i], rel: rel, id: ids[i], key: r.key,
			meta: metadataFor(meta, rel), ident: id, dept: deptID(table, ids[i], id.Name, id.Region)})
	}
	// the files of one disclosure become one document
	keys := map[string]string{} // document id → cache key
	docs := map[string]ident{}  // document id → what pairing needs
	gs := groups(inputs)
	merged := make([]error, len(gs))
	mergedIdents := make([]*ident, len(gs))
	parallel(len(gs), func(i int) {
		g := gs[i]
		if len(g.members) < 2 {
			return
		}
		key := mergeKey(g)
		if !o.Force && c.has(key) {
			return
		}
		d, err := c.merge(g, key)
		if merged[i] = err; err == nil {
			mergedIdents[i] = ptrTo(identOf(d))
		}
	})
	for i, g := range gs {
		if len(g.members) == 1 {
			keys[g.id], docs[g.id] = g.members[0].key, g.members[0].ident
			continue
		}
		key := mergeKey(g)
		id, ok := ident{}, mergedIdents[i] != nil
		if ok {
			id = *mergedIdents[i]
		} else if merged[i] == nil {
			id, ok = identOfKey(key)
		}
		if merged[i] == nil && !ok {
			merged[i] = errors.New("cache: the merged document vanished during the run")
		}
		if merged[i] != nil {
			for _, m := range g.members {
				reject(Rejected{Path: m.path, Error: fmt.Sprintf("disclosure %s: %v", g.id, merged[i])})
			}
			continue
		}
		idents[key] = id
		keys[g.id], docs[g.id] = key, id
	}
	sort.Slice(rep.Rejected, func(i, j int) bool { return rep.Rejected[i].Path < rep.Rejected[j].Path })
	rep.Documents = len(keys)
	for _, id := range sortedKeys(docs) {
		if u := docs[id].unknown(); len(u) > 0 {
			rep.Incomplete = append(rep.Incomplete, Incomplete{ID: id, Unknown: u})
			log.Warn("identity incomplete: published without what the text does not tell; metadata.csv can give it", "document", id, "unknown", strings.Join(u, ","))
		}
	}
	if err := c.saveStats(newStats); err != nil {
		return nil, err
	}
	if err := c.saveIdents(idents); err != nil {
		return nil, err
	}
	if o.Strict && len(rep.Rejected) > 0 {
		return rep, fmt.Errorf("%w (%d, --strict): nothing published", ErrRejected, len(rep.Rejected))
	}
	so := site.Options{BaseURL: o.BaseURL, Updated: releaseTime(files), Originals: o.Originals, Code: codeID()}
	if so.BaseURL == "" {
		so.BaseURL = "http://127.0.0.1:8080/"
	}
	name := fingerprint(keys, fmt.Sprint(o.Version, "\x00", table.Digest(), "\x00", o.Originals), so.BaseURL)
	cur, curName := published(out)
	if curName == name {
		return rep, nil // nothing changed: the cached documents need not even be read
	}
	if err := shrinks(cur, curName, keys, len(rep.Rejected), o.In); err != nil && !o.AllowShrink {
		return rep, err
	}
	ids = ids[:0]
	for id := range keys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	l := linker{table, pairs(docs, table)}
	pk := pageKeys(keys, docs, l, fmt.Sprint(o.Version, "\x00", o.Originals))
	changes, checks, depts, err := publish(o, out, cur, curName, name, ids, keys, pk, c, so, l, &rep.Originals)
	if err != nil {
		return nil, err
	}
	for _, r := range rep.Originals {
		log.Warn("original not published", "file", r.Path, "reason", r.Error)
	}
	if err := c.saveRelease(name, pk, depts); err != nil {
		log.Warn("the release's page keys were not saved: the next run renders every page", "error", err.Error())
	}
	if err := c.pruneFragments(pk); err != nil {
		log.Warn("the cache's former fragments were not removed", "error", err.Error())
	}
	rep.Checks = checks
	rep.Release = name
	rep.Changed = append(rep.Changed, changes.Added...)
	for _, c := range changes.Changed {
		rep.Changed = append(rep.Changed, c.ID)
	}
	sort.Strings(rep.Changed)
	return rep, nil
}

// shrinks tells why a release of the documents keys must not replace the
// release curName, published in the folder cur ("" on a first run): it has
// no documents, or it drops more than MaxDrop of cur's.
func shrinks(cur, curName string, keys map[string]string, rejected int, in string) error {
	published, _ := filepath.Glob(filepath.Join(cur, "data", "*.json"))
	if len(keys) == 0 {
		why := fmt.Sprintf("no inputs in %s", in)
		if rejected > 0 {
			why = fmt.Sprintf("every input (%d) was rejected", rejected)
		}
		why = fmt.Sprintf("%s: the release would have no documents (--allow-shrink publishes it anyway)", why)
		if curName != "" {
			why += "; " + curName + " is kept"
		}
		return fmt.Errorf("%w: %s", ErrShrink, why)
	}
	dropped := 0
	for _, p := range published {
		if _, ok := keys[strings.TrimSuffix(filepath.Base(p), ".json")]; !ok {
			dropped++
		}
	}
	if cur != "" && float64(dropped) > MaxDrop*float64(len(published)) {
		return fmt.Errorf("%w: the release would drop %d of the %d documents published, more than %.0f%% (%d rejected; --allow-shrink publishes it anyway); %s is kept",
			ErrShrink, dropped, len(published), MaxDrop*100, rejected, curName)
	}
	return nil
}

// writeReport writes OUT.run.json.
func writeReport(rep *Report, out string) error {
	report, _ := json.MarshalIndent(rep, "", "  ")
	return writeAtomic(out+".run.json", append(report, '\n'))
}

// firstError keeps the first of the errors that goroutines running side
// by side report, whatever their kinds (an atomic.Value panics on a
// second error of another type than the first).
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) set(err error) {
	f.mu.Lock()
	if f.err == nil {
		f.err = err
	}
	f.mu.Unlock()
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// parallel runs f(0..n-1) on every core.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}

// assignIDs gives every input an id, unique in the run: a second file with
// the same id gets a numbered suffix, in the sorted order of the inputs.
func assignIDs(files []string) []string {
	ids := make([]string, len(files))
	seen := map[string]int{}
	for i, f := range files {
		id := DocID(f)
		seen[id]++
		if n := seen[id]; n > 1 {
			id = fmt.Sprintf("%s-%d", id, n)
		}
		ids[i] = id
	}
	return ids
}

// releaseTime is the time feeds and catalogs give a release: the
// SOURCE_DATE_EPOCH of reproducible builds when set, else the newest
// modification time of the inputs, so that the same inputs give the same
// bytes.
func releaseTime(files []string) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	var t time.Time
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.ModTime().After(t) {
			t = fi.ModTime()
		}
	}
	return t.UTC().Truncate(time.Second)
}

// hints are what the extractor takes from a metadata.csv row.
func (m Metadata) hints() extract.Hints {
	h := extract.Hints{Department: m.Department}
	// readMetadata made them digits and a schema kind, or ""
	h.FiscalYear, _ = strconv.Atoi(m.FiscalYear)
	if k := m.Kind; k == schema.KindBudget || k == schema.KindFinalAccounts {
		h.Kind = k
	}
	return h
}

// extractAs extracts the input path, whose bytes are data when they were
// read already (nil: it is read).
func extractAs(ctx context.Context, path string, data []byte, rel, id string, m Metadata) (*schema.Document, []string, error) {
	return extractFile(ctx, path, data, id, m.hints(), func(d *schema.Document) {
		d.Document.Source.Path = rel
		// metadata.csv wins over what the file says (a web page's header)
		if m.Publisher != "" {
			d.Document.Publisher = m.Publisher
			if r := extract.RegionOf(m.Publisher); r != "" && extract.RegionOf(d.Department.Name) == "" {
				d.Department.Region = r
			}
		}
		if m.SourceURL != "" {
			d.Document.SourceURL = m.SourceURL
			d.Document.Source.SourceURL = m.SourceURL
		}
		if m.Version > 0 {
			d.Document.Source.Archive = &schema.ArchivedVersion{Version: m.Version, Archived: m.Archived,
				PreviousSHA256: m.PreviousSHA256, PreviousArchived: m.PreviousArchived}
		}
	})
}

// linker links the documents of a release: each to its department's id,
// each budget to the final accounts of the same department and year.
type linker struct {
	table *identity.Table
	pairs map[string]string // document id → the id of its pair
}

// pageKeys are what each document's published files — its JSON, its page
// and its source page — are made of: its cache key (its files, metadata
// and the code, templates included), the department id the release gives
// it (the JSON and the link to the department's page; the alias table
// enters the files through that id only), its pair's id and cache key
// (the execution section and its links; the pair has the same department
// id), the version the pages' footer names and whether the release
// publishes the originals (the page links them). Nothing else enters them:
// they name no release and no other document. A document whose page key
// is the one it had in the current release has those files there, byte for
// byte.
func pageKeys(keys map[string]string, docs map[string]ident, l linker, release string) map[string]string {
	out := make(map[string]string, len(keys))
	for id, key := range keys {
		pair := l.pairs[id]
		h := sha256.New()
		json.NewEncoder(h).Encode([]string{key, release, deptID(l.table, id, docs[id].Name, docs[id].Region), pair, keys[pair]})
		out[id] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

// publishChunk is how many documents are loaded at a time while a release
// is written: memory stays flat whatever the number of documents.
const publishChunk = 64

// pubChunk holds a chunk of documents while a release is written.
type pubChunk struct {
	entries []*entry // nil: the document was not read
	texts   []bool   // the entry was read with its text
	execs   [][]emit.ExecutionRow
	same    []bool       // the pages are linked from the current release
	lacks   [][]Rejected // the input files whose originals the release lacks
	frags   []*fragment  // what publishing makes of the document, kept in the cache
	// the JSON of a document whose files are not linked, written while the
	// chunk is prepared (emit.Writer.WriteDocument), and its file
	datas [][]byte
	files []emit.File
}

func newPubChunk() *pubChunk {
	return &pubChunk{
		entries: make([]*entry, publishChunk),
		texts:   make([]bool, publishChunk),
		execs:   make([][]emit.ExecutionRow, publishChunk),
		same:    make([]bool, publishChunk),
		lacks:   make([][]Rejected, publishChunk),
		frags:   make([]*fragment, publishChunk),
		datas:   make([][]byte, publishChunk),
		files:   make([]emit.File, publishChunk),
	}
}

// load reads the document id, at i of the chunk, from the cache (with its
// text, or not) and its pair's, which gives the pages their execution
// section and the final accounts their execution rows and cross.budget
// findings.
func (b *pubChunk) load(c cache, l linker, keys map[string]string, id string, i int, text bool) error {
	var e *entry
	ok := false
	if text {
		e, ok = c.load(keys[id])
	} else if d, ok2 := c.loadDoc(keys[id]); ok2 {
		e, ok = &entry{Doc: d}, true
	}
	if !ok {
		return fmt.Errorf("cache: the entry of %s vanished during the run", id)
	}
	e.Doc.Department.ID = deptID(l.table, id, e.Doc.Department.Name, e.Doc.Department.Region)
	b.entries[i], b.texts[i], b.execs[i] = e, text, nil
	if other, ok := l.pairs[id]; ok {
		p, ok := c.loadDoc(keys[other])
		if !ok {
			return fmt.Errorf("cache: the entry of %s vanished during the run", other)
		}
		p.Department.ID = deptID(l.table, other, p.Department.Name, p.Department.Region)
		budget, final := e.Doc, p
		if budget.Document.Kind == schema.KindFinalAccounts {
			budget, final = final, budget
		}
		b.execs[i] = emit.ExecutionRows(budget, final)
		if final == e.Doc {
			check.Budget(final, budget)
		}
	}
	return nil
}

// pipelined runs prepare and then write for each of n chunks, in order,
// preparing chunk k+1 while chunk k is written: reading documents and
// rendering pages (on every core) overlaps the datasets' writer, which
// runs on one. prepare(k+2) starts only once write(k) has returned, so
// two chunks' buffers suffice. The first error stops it; nothing runs
// once it has returned.
func pipelined(n int, prepare, write func(k int) error) error {
	if n == 0 {
		return nil
	}
	if err := prepare(0); err != nil {
		return err
	}
	for k := range n {
		done := make(chan error, 1)
		if k+1 < n {
			go func() { done <- prepare(k + 1) }()
		} else {
			done <- nil
		}
		err := write(k)
		if perr := <-done; err == nil {
			err = perr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// publish makes the release name, made of the documents ids (sorted) from
// the cache, the current one in place of curName (published in the folder
// cur): a release published before is published again; otherwise a new
// release is written in a staging folder, document by document, synced and
// put in place in OUT.releases (see settle), then published (see activate). A document
// whose page key (pk, see pageKeys) is the one it had in the current
// release has its files (JSON and pages) linked from there. It returns the
// changes and the number of checks.
//
// The input files a release with Options.Originals could not take are
// added to missing, and their documents' page keys are dropped from pk, so
// that the next run renders their pages again.
func publish(o Options, out, cur, curName, name string, ids []string, keys, pk map[string]string, c cache, so site.Options, l linker, missing *[]Rejected) (emit.Changes, int, map[string]string, error) {
	rel := releasesDir(out)
	if whole(rel, name) {
		// releases are immutable: the same one again
		if err := activate(out, name, curName, o.Keep); err != nil {
			return emit.Changes{}, 0, nil, fmt.Errorf("publish: %w", err)
		}
		return emit.Changes{}, 0, nil, nil
	}
	staging := filepath.Join(rel, fmt.Sprintf(".staging-%d", os.Getpid()))
	fail := func(phase string, err error) (emit.Changes, int, map[string]string, error) {
		os.RemoveAll(staging)
		return emit.Changes{}, 0, nil, fmt.Errorf("%s: %w", phase, err)
	}
	if err := os.RemoveAll(staging); err != nil {
		return fail("publish", err)
	}
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return fail("publish", err)
	}
	w, err := emit.NewWriter(staging, o.Version)
	if err != nil {
		return fail("emit", err)
	}
	base := so.BaseURL
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	w.SetRelease(name, base, so.Updated)
	w.KeepSegments(c.segmentsPath(), codeID(), !o.Force)
	w.PagesFrom(cur)
	sr, err := site.NewRenderer(staging, site.Release{Name: name, Version: o.Version}, so)
	if err != nil {
		w.Abort()
		return fail("site", err)
	}
	differ := emit.NewDiffer(cur)
	var prev map[string]string // the current release's page keys
	if r := c.keysOf(curName); r != nil && !o.Force {
		prev = r.Keys
		sr.DepartmentsFrom(cur, r.Departments)
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	checks := 0
	var dropped []string // documents whose page keys leave pk once the loop is done
	// two chunks are under way at a time: one prepared (read, its pages
	// linked or rendered) while the one before is written into the
	// datasets (see pipelined)
	var bufs [2]*pubChunk
	for i := range bufs {
		bufs[i] = newPubChunk()
	}
	chunkOf := func(k int) (*pubChunk, []string) {
		from := k * publishChunk
		return bufs[k%2], ids[from:min(len(ids), from+publishChunk)]
	}
	prepare := func(k int) error {
		b, chunk := chunkOf(k)
		entries, texts, execs, same, lacks, frags, datas, files := b.entries, b.texts, b.execs, b.same, b.lacks, b.frags, b.datas, b.files
		load := func(i int, text bool) error {
			return b.load(c, l, keys, chunk[i], i, text)
		}
		var loadErr firstError
		parallel(len(chunk), func(i int) {
			id := chunk[i]
			entries[i], execs[i], same[i], lacks[i], frags[i], datas[i] = nil, nil, false, nil, nil, nil
			if !o.Force {
				f, err := c.loadFragment(pk[id])
				if err != nil && !errors.Is(err, errNoFragment) {
					log.Warn("cache fragment not used: the document is read and its fragment made again", "document", id, "error", err.Error())
				}
				frags[i] = f
			}
			// a document whose files are linked is not read at all; the
			// text is read only for pages to render or sentences to cut
			linkable := prev[id] != "" && prev[id] == pk[id]
			if frags[i] != nil && linkable && !o.Originals {
				return
			}
			if err := load(i, frags[i] == nil || !linkable); err != nil {
				loadErr.set(err)
				return
			}
			if o.Originals {
				lacks[i] = publishOriginals(o.In, staging, cur, entries[i].Doc)
			}
		})
		if err := loadErr.get(); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		// a file another document of the chunk published is held (the
		// same sha256, the same bytes), whichever came first; so the pages
		// offer what the release holds whatever the order
		for i := range chunk {
			if len(lacks[i]) > 0 {
				lacks[i] = publishOriginals(o.In, staging, cur, entries[i].Doc)
			}
		}
		var writeErr firstError
		parallel(len(chunk), func(i int) {
			id, f := chunk[i], frags[i]
			if f == nil {
				e := entries[i]
				rows, err := emit.RowsOf(e.Doc, execs[i])
				if err != nil {
					loadErr.set(err)
					return
				}
				sentences := emit.Sentences(e.Doc, e.files())
				f = &fragment{Sentences: sentences, Terms: emit.FTSTerms(sentences), Places: site.SentencePlaces(sentences), Rows: rows, Summary: site.Summarize(e.Doc)}
				if err := c.putFragment(pk[id], f); err != nil {
					log.Warn("cache fragment not kept", "document", id, "error", err.Error())
				}
				frags[i] = f
			}
			// the document complete, its pages are linked from the current
			// release when its page key is the one they were made with
			// there; they offer the originals the release holds
			if k := prev[id]; k != "" && k == pk[id] && len(lacks[i]) == 0 {
				linked, err := sr.Link(f.Summary, f.Rows.Entries(), f.Places, cur)
				if err != nil {
					loadErr.set(err)
					return
				}
				if same[i] = linked; linked {
					return
				}
			}
			if entries[i] == nil || !texts[i] {
				if err := load(i, true); err != nil {
					loadErr.set(err)
					return
				}
			}
			e := entries[i]
			if err := sr.Disclosure(e.Doc, e.files(), f.Summary, f.Sentences, f.Places, f.Rows.Entries(), execs[i]); err != nil {
				loadErr.set(err)
				return
			}
			// its JSON is written here, on every core: write adds it to
			// the datasets in order
			data, jf, err := w.WriteDocument(e.Doc)
			if err != nil {
				writeErr.set(err)
				return
			}
			datas[i], files[i] = data, jf
		})
		if err := loadErr.get(); err != nil {
			return fmt.Errorf("site: %w", err)
		}
		if err := writeErr.get(); err != nil {
			return fmt.Errorf("emit: %w", err)
		}
		return nil
	}
	write := func(k int) error {
		b, chunk := chunkOf(k)
		for i, id := range chunk {
			f := b.frags[i]
			linked, err := false, error(nil)
			if b.same[i] {
				linked, err = w.Link(id, cur, f.Rows)
			}
			data := b.datas[i]
			if err == nil && !linked {
				if data != nil { // its JSON, written by prepare
					err = w.AddWritten(b.files[i], f.Rows)
				} else { // its files were to be linked, and cannot be
					if b.entries[i] == nil {
						err = b.load(c, l, keys, id, i, false)
					}
					if err == nil {
						data, err = w.Add(b.entries[i].Doc, f.Rows)
					}
				}
			}
			if err == nil {
				err = w.AddSentences(f.Sentences, f.Terms)
			}
			if err != nil {
				return fmt.Errorf("emit: %w", err)
			}
			if linked {
				differ.Unchanged(id)
			} else {
				differ.Add(b.entries[i].Doc, data)
			}
			if len(b.lacks[i]) > 0 {
				*missing = append(*missing, b.lacks[i]...)
				dropped = append(dropped, id)
			}
			checks += f.Summary.Checks
			b.entries[i], b.frags[i], b.datas[i] = nil, nil, nil
		}
		return nil
	}
	if err := pipelined((len(ids)+publishChunk-1)/publishChunk, prepare, write); err != nil {
		w.Abort()
		os.RemoveAll(staging)
		return emit.Changes{}, 0, nil, err
	}
	for _, id := range dropped {
		delete(pk, id)
	}
	changes := differ.Changes()
	data, _ := json.MarshalIndent(changes, "", "  ")
	if err := emit.WriteNew(filepath.Join(staging, emit.ChangesFile), append(data, '\n')); err != nil {
		w.Abort()
		return fail("publish", err)
	}
	var closeErr error
	var res *emit.Result
	err = sr.Finish(w.DocumentRows(), func() (*emit.Result, error) {
		res, closeErr = w.Close()
		return res, closeErr
	}, changes)
	if closeErr != nil {
		return fail("emit", closeErr)
	}
	if err != nil {
		return fail("site", err)
	}
	// what the datasets made again, and what they copied from the run before
	if res != nil {
		log.Debug("datasets written", "bundle_segments_deflated", res.SegmentsDeflated, "bundle_segments_copied", res.SegmentsCopied,
			"sheet_segments_deflated", res.SheetSegmentsDeflated, "sheet_segments_copied", res.SheetSegmentsCopied,
			"sqlite_segments_made", res.PageSegmentsMade, "sqlite_segments_copied", res.PageSegmentsCopied,
			"parquet_segments_made", res.ParquetSegmentsMade, "parquet_segments_copied", res.ParquetSegmentsCopied)
	}
	if err := syncTree(staging); err != nil {
		return fail("publish", err)
	}
	if err := os.RemoveAll(filepath.Join(rel, name)); err != nil { // a release without its view
		return fail("publish", err)
	}
	if err := settle(rel, staging, name); err != nil {
		return fail("publish", err)
	}
	if err := activate(out, name, curName, o.Keep); err != nil {
		return emit.Changes{}, 0, nil, fmt.Errorf("publish: %w", err)
	}
	return changes, checks, sr.DepartmentKeys(), nil
}
