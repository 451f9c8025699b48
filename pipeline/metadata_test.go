package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A metadata.csv row that cannot be read (a version that is not a number,
// a row of the wrong width) is reported with the file and its line and left
// out; the other rows are used and the run goes on.
func TestBadMetadataRowDoesNotStopTheRun(t *testing.T) {
	in := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "a.txt"), data, 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), data, 0o644)
	meta := "\ufefffile,publisher,version\n" +
		"a.txt,甲,1\n" +
		"b.txt,乙,v2\n" +
		"c.txt,丙\n" +
		"a.txt,丁,1\n"
	os.WriteFile(filepath.Join(in, MetadataFile), []byte(meta), 0o644)
	rep, err := buildWithin(t, 60*time.Second, Options{In: in, Out: filepath.Join(t.TempDir(), "pub")})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, r := range rep.Rejected {
		said = append(said, r.Path+": "+r.Error)
	}
	all := strings.Join(said, "\n")
	for _, want := range []string{
		MetadataFile + `: metadata: line 3: version "v2" is not a number: row left out`,
		MetadataFile + ": metadata: line 4: 2 fields, the header has 3: row left out",
		MetadataFile + ": metadata: line 5: a second row for a.txt, which line 2 describes otherwise: row left out",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("rejected:\n%s\nwant %q", all, want)
		}
	}
	if rep.Documents != 2 {
		t.Errorf("%d documents, want 2", rep.Documents)
	}
}

// fiscal_year and kind are read as a portal's listing writes them; one
// that names no year, or no one kind (预决算), is reported and not used.
func TestMetadataYearAndKind(t *testing.T) {
	rows, bad := parseMetadata([]byte("file,fiscal_year,kind\n" +
		"a,2024年,部门预算\n" +
		"b,二〇二四年度,Final Accounts\n" +
		"c,２０２３,budget\n" +
		"d,-2024,2024年部门预决算\n" +
		"e,,\n" +
		"f,24,预算公开 budget\n" +
		"g,2024,决算 budget\n" +
		",2024,budget\n"))
	want := map[string][2]string{
		"a": {"2024", "budget"}, "b": {"2024", "final_accounts"}, "c": {"2023", "budget"},
		"d": {"", ""}, "e": {"", ""}, "f": {"", "budget"}, "g": {"2024", ""},
	}
	for f, w := range want {
		if m := rows[f]; m.FiscalYear != w[0] || m.Kind != w[1] {
			t.Errorf("%s: fiscal_year %q kind %q, want %q %q", f, m.FiscalYear, m.Kind, w[0], w[1])
		}
	}
	wantBad := []string{
		`line 5: fiscal_year "-2024" is not a year from 1990 to 2100: not used`,
		`line 5: kind "2024年部门预决算" says neither budget (预算) nor final accounts (决算): not used`,
		`line 7: fiscal_year "24" is not a year from 1990 to 2100: not used`,
		`line 8: kind "决算 budget" says neither budget (预算) nor final accounts (决算): not used`,
		"line 9: no file: row left out",
	}
	if strings.Join(bad, "\n") != strings.Join(wantBad, "\n") {
		t.Errorf("bad:\n%s\nwant:\n%s", strings.Join(bad, "\n"), strings.Join(wantBad, "\n"))
	}
}

// A metadata.csv without a file column is not used, and said once.
func TestMetadataWithoutFileColumn(t *testing.T) {
	rows, bad := parseMetadata([]byte("name,fiscal_year\na.txt,2024\nb.txt,2023\n"))
	if len(rows) != 0 || strings.Join(bad, "\n") != "line 1: no column file: the file is not used" {
		t.Errorf("rows %v, bad %q", rows, bad)
	}
}

// A metadata.csv row naming a file that is not among the inputs (a typo, a
// file removed) is said in the report and the log, without rejecting
// anything; a row under the PDF's name serves its text.
func TestMetadataNamingNoInput(t *testing.T) {
	in := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "a.txt"), data, 0o644)
	os.MkdirAll(filepath.Join(in, "sub"), 0o755)
	os.WriteFile(filepath.Join(in, "sub", "b.txt"), data, 0o644)
	meta := "file,publisher\na.txt,甲\nsub/b.pdf,乙\nsub/c.txt,丙\nz.pdf,丁\n"
	os.WriteFile(filepath.Join(in, MetadataFile), []byte(meta), 0o644)
	rep, err := buildWithin(t, 60*time.Second, Options{In: in, Out: filepath.Join(t.TempDir(), "pub")})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rep.UnmatchedMetadata, " "); got != "sub/c.txt z.pdf" || len(rep.Rejected) != 0 || rep.Documents != 2 {
		t.Errorf("unmatched %q, rejected %v, %d documents", got, rep.Rejected, rep.Documents)
	}
}
