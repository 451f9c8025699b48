package extract

import (
	"context"
	"path/filepath"
	"testing"

	"budgetpub/pipeline/ingest"
)

// BenchmarkExtractProbes measures extraction of the real texts of the
// probe sets (../testdata/probes: pages' openings, single PDF pages, news
// items, many untitled; ingest excluded): an op is one text, taken in
// turn, so ns/op is the time per real text, beside BenchmarkExtractGenerated's
// generated documents.
func BenchmarkExtractProbes(b *testing.B) {
	paths, err := filepath.Glob("../testdata/probes/*/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no probe texts: %v", err)
	}
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
	for i := 0; b.Loop(); i++ {
		Extract(txts[i%len(txts)], "x", Hints{}) // refusals are measured too
	}
}
