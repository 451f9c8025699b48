package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/gocarina/gocsv"

	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/extract"
	"budgetpub/schema"
	"budgetpub/site"
)

// Options of a build.
type Options struct {
	In, Out string
	Version string
}

// Rejected is an input left out of the release, with the reason.
type Rejected struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Report says what a build did.
type Report struct {
	Documents int        `json:"documents"`
	Checks    int        `json:"checks"`
	Rejected  []Rejected `json:"rejected"`
}

// MetadataFile is the optional file in the input folder that adds what the
// documents themselves lack.
const MetadataFile = "metadata.csv"

// Metadata is one row of metadata.csv.
type Metadata struct {
	File       string `csv:"file"`       // path relative to the input folder
	Department string `csv:"department"` // used when the text names no department
	Publisher  string `csv:"publisher"`
	SourceURL  string `csv:"source_url"`
	Note       string `csv:"note"`
}

var inputExts = map[string]bool{".txt": true, ".pdf": true, ".html": true, ".htm": true}

// Inputs lists the disclosures in dir, sorted. Where a PDF and a text file
// share a name, the text is taken as the PDF's extraction and the PDF is
// not read again.
func Inputs(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !inputExts[strings.ToLower(filepath.Ext(p))] || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if strings.EqualFold(strings.TrimSuffix(d.Name(), filepath.Ext(d.Name())), "readme") {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	texts := map[string]bool{}
	for _, f := range files {
		if !strings.EqualFold(filepath.Ext(f), ".pdf") {
			texts[strings.TrimSuffix(f, filepath.Ext(f))] = true
		}
	}
	out := files[:0]
	for _, f := range files {
		if strings.EqualFold(filepath.Ext(f), ".pdf") && texts[strings.TrimSuffix(f, filepath.Ext(f))] {
			continue
		}
		out = append(out, f)
	}
	sort.Strings(out)
	return out, nil
}

func readMetadata(dir string) (map[string]Metadata, error) {
	data, err := os.ReadFile(filepath.Join(dir, MetadataFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var rows []Metadata
	if err := gocsv.UnmarshalBytes(data, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, MetadataFile), err)
	}
	out := make(map[string]Metadata, len(rows))
	for _, r := range rows {
		out[filepath.ToSlash(r.File)] = r
	}
	return out, nil
}

// Build runs the whole pipeline: every input is extracted, checked and
// validated; one that fails is reported and left out. The release is built
// in a staging folder beside Out and replaces Out only when complete.
func Build(ctx context.Context, o Options) (*Report, error) {
	files, err := Inputs(o.In)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	meta, err := readMetadata(o.In)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	type result struct {
		doc *schema.Document
		err error
	}
	results := make([]result, len(files))
	ids := assignIDs(files)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			rel, _ := filepath.Rel(o.In, f)
			rel = filepath.ToSlash(rel)
			m := meta[rel]
			doc, err := extractAs(ctx, f, rel, ids[i], m)
			results[i] = result{doc, err}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep := &Report{Rejected: []Rejected{}}
	var docs []*schema.Document
	for i, r := range results {
		if r.err != nil {
			rep.Rejected = append(rep.Rejected, Rejected{Path: files[i], Error: r.err.Error()})
			continue
		}
		docs = append(docs, r.doc)
		rep.Checks += len(r.doc.Checks)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	rep.Documents = len(docs)
	if err := publish(o, docs); err != nil {
		return nil, err
	}
	return rep, nil
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

func extractAs(ctx context.Context, path, rel, id string, m Metadata) (*schema.Document, error) {
	return extractFile(ctx, path, id, extract.Hints{Department: m.Department}, func(d *schema.Document) {
		d.Document.Source.Path = rel
		d.Document.Publisher = m.Publisher
		d.Document.SourceURL = m.SourceURL
	})
}

// publish writes the release into a staging folder and swaps it in.
func publish(o Options, docs []*schema.Document) error {
	out := filepath.Clean(o.Out)
	staging := out + ".staging"
	if err := os.RemoveAll(staging); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := os.MkdirAll(staging, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	res, err := emit.Write(staging, docs, o.Version)
	if err != nil {
		os.RemoveAll(staging)
		return fmt.Errorf("emit: %w", err)
	}
	if err := site.Render(staging, emit.DocumentRows(docs), res, o.Version); err != nil {
		os.RemoveAll(staging)
		return fmt.Errorf("site: %w", err)
	}
	old := out + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(out); err == nil {
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
	}
	if err := os.Rename(staging, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("publish: %w", err)
	}
	return os.RemoveAll(old)
}
