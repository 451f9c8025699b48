package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/pipeline/extract"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// TestPanicOnOneInput: an extractor bug that one input reveals (a panic)
// leaves that input out, with an error naming it and where it happened;
// the others publish.
func TestPanicOnOneInput(t *testing.T) {
	defer func(f func(*ingest.Text, string, extract.Hints) (*schema.Document, error)) { extractor = f }(extractor)
	extractor = func(text *ingest.Text, id string, h extract.Hints) (*schema.Document, error) {
		if strings.HasSuffix(text.Path, "bad.txt") {
			var cells []int
			_ = cells[len(text.Lines)] // index out of range
		}
		return extract.Extract(text, id, h)
	}
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "pub")
	os.WriteFile(filepath.Join(in, "good.txt"), data, 0o644)
	os.WriteFile(filepath.Join(in, "bad.txt"), data, 0o644)
	rep, err := Build(context.Background(), Options{In: in, Out: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != 1 || len(rep.Rejected) != 1 || !strings.HasSuffix(rep.Rejected[0].Path, "bad.txt") ||
		!strings.Contains(rep.Rejected[0].Error, "internal error on this input") || !strings.Contains(rep.Rejected[0].Error, "panic_test.go") {
		t.Errorf("report: %d documents, rejected %+v", rep.Documents, rep.Rejected)
	}
}
