package site_test

import (
	"context"
	"path/filepath"
	"testing"

	"budgetpub/pipeline"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"
	"budgetpub/site"
)

// BenchmarkDisclosure renders the pages of data/corpus's texts as the
// publishing workers do (Disclosure, with the summary and sentences made
// beforehand), into a new folder each round.
func BenchmarkDisclosure(b *testing.B) {
	files, _ := filepath.Glob("../data/corpus/*.txt")
	type doc struct {
		d         *schema.Document
		lines     [][]string
		sum       site.Summary
		sentences []emit.SearchEntry
	}
	var docs []doc
	for _, f := range files {
		d, lines, err := pipeline.ExtractLines(context.Background(), f)
		if err != nil {
			b.Fatal(err)
		}
		files := [][]string{lines}
		docs = append(docs, doc{d, files, site.Summarize(d), emit.Sentences(d, files)})
	}
	if len(docs) == 0 {
		b.Fatal("no text in data/corpus")
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := site.NewRenderer(b.TempDir(), site.Release{Name: "r-bench"}, site.Options{BaseURL: "http://example.org/"})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := r.Disclosure(d.d, d.lines, d.sum, d.sentences, site.SentencePlaces(d.sentences), nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
