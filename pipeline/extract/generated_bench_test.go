package extract

import (
	"context"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"

	"budgetpub/gen"
	"budgetpub/pipeline/ingest"
)

// BenchmarkExtractGenerated measures extraction of generated documents
// (gen, 12 of each family; ingest excluded): an op is one document, taken
// in turn, so ns/op is the time per document that issue 16 bounds.
func BenchmarkExtractGenerated(b *testing.B) {
	txts := readTexts(b, generatedPaths(b))
	for i := 0; b.Loop(); i++ {
		if _, err := Extract(txts[i%len(txts)], "x", Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractFamily measures extraction of each generated family on
// its own (12 documents of each, taken in turn; ingest excluded): ns/op is
// the time per document of that family, and a CPU profile's samples
// labelled family=<name> its CPU.
func BenchmarkExtractFamily(b *testing.B) {
	families := map[string][]string{} // gen-<family>-000000.txt
	var names []string
	for _, p := range generatedPaths(b) {
		f := strings.Split(filepath.Base(p), "-")[1]
		if families[f] == nil {
			names = append(names, f)
		}
		families[f] = append(families[f], p)
	}
	for _, f := range names {
		b.Run(f, func(b *testing.B) {
			txts := readTexts(b, families[f])
			// a CPU profile tells the families apart: -tagfocus=family=^web$
			pprof.Do(context.Background(), pprof.Labels("family", f), func(context.Context) {
				for i := 0; b.Loop(); i++ {
					if _, err := Extract(txts[i%len(txts)], "x", Hints{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// generatedPaths writes 12 generated documents of each family and gives
// the paths of their texts.
func generatedPaths(b *testing.B) []string {
	dir := b.TempDir()
	if err := gen.Generate(gen.Options{N: 12, Out: dir, Seed: 42}); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no generated texts: %v", err)
	}
	return paths
}

// readTexts reads the texts at paths, outside the measure, and sets the
// bytes an op processes to their mean size.
func readTexts(b *testing.B, paths []string) []*ingest.Text {
	var txts []*ingest.Text
	var bytes int64
	for _, p := range paths {
		txt, err := ingest.Read(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		txts = append(txts, txt)
		bytes += txt.Bytes
	}
	b.SetBytes(bytes / int64(len(txts)))
	return txts
}
