package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"budgetpub/gen"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// TestQueryScale measures the query page on a release too large to build
// here: BUDGETPUB_QUERY_SCALE=100000 writes the Parquet files of that many
// disclosures with emit.ParquetWriter (the files a release holds, byte for
// byte: TestParquetWriter) from the documents of a built release, each
// copied with an id and a department name of its own (id-NNN, name·NNN)
// until there are as many, serves them with the site's assets, and times
// the queries of docs/query.md's table under Node with the page's engine,
// each on an engine of its own, with the bytes fetched. The built release
// is BUDGETPUB_QUERY_SCALE_FROM (a release folder), or one of 1,000
// generated disclosures built for the purpose. Without
// BUDGETPUB_QUERY_SCALE it does nothing.
func TestQueryScale(t *testing.T) {
	spec := os.Getenv("BUDGETPUB_QUERY_SCALE")
	if spec == "" {
		t.Skip("set BUDGETPUB_QUERY_SCALE=100000 to measure the query page at that size")
	}
	n, err := strconv.Atoi(spec)
	if err != nil || n < 1 {
		t.Fatalf("bad BUDGETPUB_QUERY_SCALE %q", spec)
	}
	from := os.Getenv("BUDGETPUB_QUERY_SCALE_FROM")
	if from == "" {
		in, out := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "pub")
		if err := gen.Generate(gen.Options{N: 1000 / len(gen.Families), Out: in, Seed: 42}); err != nil {
			t.Fatal(err)
		}
		runBuild(t, in, out)
		from = out
	}
	from, err = filepath.EvalSymlinks(from)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(from, "data", "*.json"))
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Fatalf("no documents in %s/data", from)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(from, "assets"), filepath.Join(dir, "assets")); err != nil {
		t.Fatal(err)
	}
	w, err := emit.NewParquetWriter(dir, "scale")
	if err != nil {
		t.Fatal(err)
	}
	copies := (n + len(paths) - 1) / len(paths)
	if copies > 1000 { // name·NNN: one name's LIKE finds no other copy
		t.Fatalf("%d copies of each of %d documents: at most 1,000", copies, len(paths))
	}
	start := time.Now()
	var prev string
	var probe schema.Document // the document in the middle, whose department and year the queries ask for
	written := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for c := 0; c < copies && written < n; c++ {
			var d schema.Document
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if c > 0 {
				d.ID += fmt.Sprintf("-%03d", c)
			}
			d.Department.Name += fmt.Sprintf("·%03d", c)
			if d.ID <= prev {
				t.Fatalf("ids out of order: %s after %s", d.ID, prev)
			}
			prev = d.ID
			if written == n/2 {
				probe = d
			}
			if err := w.Add(&d); err != nil {
				t.Fatal(err)
			}
			written++
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents (%d each copied %d times) written as Parquet in %v", written, len(paths), copies, time.Since(start).Round(time.Second))
	var sizes []string
	for _, tb := range []string{"documents", "line_items"} {
		fi, err := os.Stat(filepath.Join(dir, "parquet", tb+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, fmt.Sprintf("%s %.1f MB", tb, float64(fi.Size())/1e6))
	}
	queries := []string{
		`SELECT * FROM documents WHERE id = '` + probe.ID + `'`,
		`SELECT document_id, name, amount, line FROM line_items WHERE document_id = '` + probe.ID + `'`,
		`SELECT * FROM line_items WHERE document_id IN (SELECT id FROM documents WHERE department LIKE '%` + probe.Department.Name + `%' AND fiscal_year = ` + strconv.Itoa(probe.Document.FiscalYear) + `) AND scheme = 'functional'`,
		`SELECT document_id, name, amount FROM line_items WHERE name LIKE '%公积金%'`,
		`SELECT name, SUM(amount) AS total FROM line_items WHERE scheme = 'functional' AND level = '类' GROUP BY name ORDER BY total DESC`,
	}
	res := runEngine(t, dir, queries)
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents (%s), %d cores, %s:\n| query | rows | time | fetched |\n|---|---|---|---|\n", written, strings.Join(sizes, ", "), runtime.NumCPU(), runtime.Version())
	for i, r := range res {
		if r.Error != "" {
			t.Errorf("%s: %s", queries[i], r.Error)
		}
		fmt.Fprintf(&b, "| `%s` | %d | %.2f s | %.0f KB |\n", queries[i], len(r.Rows), r.Ms/1000, float64(r.Bytes)/1024)
	}
	if len(res[0].Rows) != 1 || len(res[1].Rows) == 0 || len(res[2].Rows) == 0 {
		t.Errorf("the document in the middle: %d, %d, %d rows", len(res[0].Rows), len(res[1].Rows), len(res[2].Rows))
	}
	t.Log("\n" + b.String())
}
