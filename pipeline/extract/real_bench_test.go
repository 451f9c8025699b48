package extract

import (
	"path/filepath"
	"testing"
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
	txts := readTexts(b, paths)
	for i := 0; b.Loop(); i++ {
		Extract(txts[i%len(txts)], "x", Hints{}) // refusals are measured too
	}
}
