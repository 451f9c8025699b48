package site

import (
	"os"
	"path/filepath"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// TestPagesLeaveLinkedFilesAlone: where a disclosure's page is a hard link
// to an earlier release's (releases share unchanged files), rendering it
// again replaces the link and leaves the earlier release's page as it was.
func TestPagesLeaveLinkedFilesAlone(t *testing.T) {
	old, next := t.TempDir(), t.TempDir()
	for _, p := range []string{"doc/x.html", "source/x.html"} {
		if err := emit.WriteNew(filepath.Join(old, p), []byte("earlier")); err != nil {
			t.Fatal(err)
		}
		if err := emit.LinkFile(filepath.Join(old, p), filepath.Join(next, p)); err != nil {
			t.Fatal(err)
		}
	}
	r, err := NewRenderer(next, Release{Name: "r-test"}, Options{BaseURL: "http://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Document(&schema.Document{ID: "x"}, []string{"收入总计 1.00"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"doc/x.html", "source/x.html"} {
		if data, _ := os.ReadFile(filepath.Join(old, p)); string(data) != "earlier" {
			t.Errorf("the earlier release's %s was written through its link", p)
		}
		if data, _ := os.ReadFile(filepath.Join(next, p)); string(data) == "earlier" {
			t.Errorf("%s was not rendered", p)
		}
	}
}
