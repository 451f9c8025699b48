package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A PDF and a text file of the same name are one disclosure: the PDF is
// read when pdftotext is there, the text otherwise; the metadata row of
// either name serves both.
func TestInputsPreferThePDF(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.txt", "a.pdf", "b.txt", "c.pdf", "README.md", ".hidden.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		pdf  bool
		want []string
	}{
		{true, []string{"a.pdf", "b.txt", "c.pdf"}},
		{false, []string{"a.txt", "b.txt", "c.pdf"}},
	} {
		files, err := Inputs(dir, c.pdf)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, filepath.Base(f))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("pdftotext %v: inputs %v, want %v", c.pdf, got, c.want)
		}
	}
	meta := map[string]Metadata{"more/a.txt": {Department: "某局"}}
	if m := metadataFor(meta, "more/a.pdf"); m.Department != "某局" {
		t.Errorf("the text's metadata row does not serve its PDF: %+v", m)
	}
	if m := metadataFor(meta, "more/b.pdf"); m.Department != "" {
		t.Errorf("another file's row was used: %+v", m)
	}
}
