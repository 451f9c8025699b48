package pipeline

import (
	"context"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// TestEveryLineItemHasItsLine: every figure line_items.csv publishes, from
// every text and PDF of data/, carries the line of the source text it came
// from, and that line prints it (in 元 or 万元).
func TestEveryLineItemHasItsLine(t *testing.T) {
	var files []string
	for _, pat := range []string{"../data/*.txt", "../data/corpus/*", "../data/corpus/more/*", "../data/corpus/more/fujian/*.txt"} {
		m, _ := filepath.Glob(pat)
		for _, f := range m {
			if strings.HasSuffix(f, ".txt") || strings.HasSuffix(f, ".pdf") && ingest.CanReadPDF() {
				files = append(files, f)
			}
		}
	}
	number := regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]+)?`)
	meta, _, err := readMetadata("../data")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, f := range files {
		rel, _ := filepath.Rel("../data", f)
		d, _, err := extractAs(context.Background(), f, nil, rel, DocID(f), metadataFor(meta, filepath.ToSlash(rel)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, r := range emit.LineItemRows([]*schema.Document{d}) {
			if r.Amount == "" && !strings.HasSuffix(r.Pointer, "/amount") {
				continue // a class or 项 whose amount the text does not state: its row names it, no figure
			}
			rows++
			src, ok := d.Provenance[r.Pointer]
			if r.Line == "" || !ok || strconv.Itoa(src.Line) != r.Line {
				t.Errorf("%s %s (%s %s): no source line", rel, r.Pointer, r.Code, r.Name)
				continue
			}
			amount, _ := strconv.ParseFloat(r.Amount, 64)
			printed := false
			for _, n := range number.FindAllString(src.Text, -1) {
				v, _ := strconv.ParseFloat(strings.ReplaceAll(n, ",", ""), 64)
				printed = printed || math.Abs(v-amount) < 0.006 || math.Abs(v*1e4-amount) < 0.006
			}
			if !printed && amount != 0 {
				t.Errorf("%s %s: line %d does not print %s: %q", rel, r.Pointer, src.Line, r.Amount, src.Text)
			}
		}
	}
	if rows < 1000 {
		t.Errorf("%d line items, want the corpus's 1,000 and more", rows)
	}
}
