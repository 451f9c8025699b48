package emit_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"budgetpub/pipeline/emit"
	"budgetpub/schema"
)

// csvRecords reads a table's CSV: its header and its rows.
func csvRecords(t *testing.T, dir, name string) ([]string, [][]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(read(t, dir, name+".csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// moneyColumns are the columns the Table Schema describes as yuan; the
// headline ones must be among them.
func moneyColumns(t *testing.T, dir string) map[string]map[string]bool {
	t.Helper()
	var pkg struct {
		Resources []struct {
			Name, Format string
			Schema       struct {
				Fields []struct{ Name, Type, Description string }
			}
		}
	}
	if err := json.Unmarshal(read(t, dir, "datapackage.json"), &pkg); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, r := range pkg.Resources {
		if r.Format != "csv" || strings.Contains(r.Name, "-") {
			continue
		}
		out[r.Name] = map[string]bool{}
		for _, f := range r.Schema.Fields {
			if f.Type == "number" && strings.Contains(f.Description, "yuan") {
				out[r.Name][f.Name] = true
			}
		}
	}
	for _, c := range []string{"documents.revenue_total", "documents.expenditure_total", "line_items.amount", "line_items.prior_year", "line_items.budgeted", "three_public.amount", "assets.amount"} {
		table, col, _ := strings.Cut(c, ".")
		if !out[table][col] {
			t.Errorf("%s is not described in yuan", c)
		}
	}
	return out
}

// sameAsCSV compares a value read back with the CSV's cell, where a text
// that a spreadsheet would take for a formula has a ' before it.
func sameAsCSV(csvCell, got string) bool {
	return got == csvCell || got != "" && strings.IndexByte("=+-@\t\r", got[0]) >= 0 && csvCell == "'"+got
}

// TestParquet reads every table's Parquet back with parquet-go: the
// columns are the CSV's, in its order, typed as the Table Schema says
// (yuan as DECIMAL(18,2), codes as strings), Snappy-compressed, and every
// row and value equals the CSV's.
func TestParquet(t *testing.T) {
	dir, docs, res := write(t)
	money := moneyColumns(t, dir)
	found := map[string]bool{}
	for _, f := range res.Downloads {
		if f.Format == "parquet" {
			found[f.Table] = true
			if f.Path != "parquet/"+f.Table+".parquet" || f.Bytes == 0 {
				t.Errorf("%+v", f)
			}
		}
	}
	for name := range tablesOf(docs) {
		if !found[name] {
			t.Errorf("%s: no parquet download", name)
		}
	}
	for _, tf := range res.Tables {
		name := tf.Table
		if !found[name] {
			t.Errorf("%s: no parquet download", name)
		}
		t.Run(name, func(t *testing.T) {
			head, want := csvRecords(t, dir, name)
			data := read(t, dir, "parquet/"+name+".parquet")
			pf, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			cols := pf.Schema().Fields()
			if len(cols) != len(head) {
				t.Fatalf("%d columns, csv has %d", len(cols), len(head))
			}
			for j, c := range cols {
				if c.Name() != head[j] {
					t.Errorf("column %d is %s, csv has %s", j, c.Name(), head[j])
				}
				lt := c.Type().LogicalType()
				if lt == nil {
					lt = &format.LogicalType{}
				}
				switch {
				case money[name][c.Name()]:
					d, ok := lt.Value.(*format.DecimalType)
					if !ok || d.Scale != 2 || d.Precision != 18 || c.Type().Kind() != parquet.Int64 {
						t.Errorf("%s: %v, want DECIMAL(18,2) as INT64", c.Name(), c.Type())
					}
				case c.Name() == "code" || c.Name() == "parent_code" || c.Name() == "id":
					if _, ok := lt.Value.(*format.StringType); !ok {
						t.Errorf("%s: %v, want a string", c.Name(), c.Type())
					}
				}
			}
			for _, rg := range pf.Metadata().RowGroups {
				for _, cc := range rg.Columns {
					if cc.MetaData.Codec != format.Snappy {
						t.Errorf("%s: codec %v", cc.MetaData.PathInSchema, cc.MetaData.Codec)
					}
				}
			}
			if pf.NumRows() != int64(len(want)) {
				t.Fatalf("%d rows, csv has %d", pf.NumRows(), len(want))
			}
			rows := make([]parquet.Row, len(want))
			r := parquet.NewReader(pf)
			n, err := r.ReadRows(rows)
			if n != len(want) {
				t.Fatalf("read %d rows: %v", n, err)
			}
			for i, row := range rows {
				for j, v := range row {
					got := ""
					switch {
					case v.IsNull():
					case money[name][head[j]]:
						got = schema.Money(v.Int64()).String()
					case v.Kind() == parquet.Int64:
						got = strconv.FormatInt(v.Int64(), 10)
					case v.Kind() == parquet.Double:
						got = strconv.FormatFloat(v.Double(), 'f', -1, 64)
					default:
						got = v.String()
					}
					if !sameAsCSV(want[i][j], got) {
						t.Fatalf("row %d %s = %q, csv has %q", i, head[j], got, want[i][j])
					}
				}
			}
		})
	}
}

// TestParquetOtherReader reads every Parquet file with hyparquet, a reader
// written apart from parquet-go (vendored for the query page in
// site/assets/vendor/hyparquet, run by Node): the same columns, rows and
// values as the CSV.
func TestParquetOtherReader(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no node on PATH (apt-get install nodejs)")
		}
		t.Skip("no node on PATH (apt-get install nodejs)")
	}
	dir, _, res := write(t)
	var names, paths []string
	for _, f := range res.Tables { // every table, the empty ones too
		names = append(names, f.Table)
		paths = append(paths, filepath.Join(dir, "parquet", f.Table+".parquet"))
	}
	out, err := exec.Command(node, append([]string{"testdata/readparquet.mjs"}, paths...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for _, name := range names {
		var got struct {
			Columns []string
			Rows    [][]*string
		}
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		head, want := csvRecords(t, dir, name)
		if len(got.Columns) != len(head) || len(got.Rows) != len(want) {
			t.Fatalf("%s: hyparquet read %d columns, %d rows; csv has %d, %d", name, len(got.Columns), len(got.Rows), len(head), len(want))
		}
		for i := range want {
			for j := range head {
				g := ""
				if got.Rows[i][j] != nil {
					g = *got.Rows[i][j]
				}
				if got.Columns[j] != head[j] || !sameCell(want[i][j], g) && !sameAsCSV(want[i][j], g) {
					t.Fatalf("%s row %d %s: hyparquet %s = %q, csv %q", name, i, head[j], got.Columns[j], g, want[i][j])
				}
			}
		}
	}
}

// TestParquetWriter: the Parquet files written alone are the files Writer
// writes, byte for byte, so what is measured on them holds for a release.
func TestParquetWriter(t *testing.T) {
	dir, docs, res := write(t)
	alone := t.TempDir()
	w, err := emit.NewParquetWriter(alone, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range res.Downloads {
		if f.Format != "parquet" {
			continue
		}
		n++
		if !bytes.Equal(read(t, alone, f.Path), read(t, dir, f.Path)) {
			t.Errorf("%s differs from the release's", f.Path)
		}
	}
	if ents, _ := os.ReadDir(filepath.Join(alone, "parquet")); n < 8 || len(ents) != n {
		t.Errorf("%d files written alone, %d in the release", len(ents), n)
	}
}

// TestParquetParts: a table's pages end where a part ends — for
// line_items at every segment (a document whose id's FNV-1a hash is 0
// modulo 16), for documents, a row a document, only at every run of
// segments (0 modulo 256): a page a column a part, not pages of a few rows.
func TestParquetParts(t *testing.T) {
	docs := manyDocs(t, 600)
	dir := t.TempDir()
	if _, err := emit.Write(dir, docs, "test"); err != nil {
		t.Fatal(err)
	}
	starts := func(every uint32) int {
		n := 1
		for _, d := range docs[1:] {
			h := fnv.New32a()
			h.Write([]byte(d.ID))
			if h.Sum32()%every == 0 {
				n++
			}
		}
		return n
	}
	pages := func(table string) int {
		data := read(t, dir, "parquet/"+table+".parquet")
		f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, rg := range f.RowGroups() {
			oi, err := rg.ColumnChunks()[0].OffsetIndex()
			if err != nil {
				t.Fatal(err)
			}
			n += oi.NumPages()
		}
		return n
	}
	segs, runs := starts(16), starts(256)
	if runs < 2 || runs >= segs {
		t.Fatalf("%d segments, %d runs of them: the ids do not try both", segs, runs)
	}
	if got := pages("documents"); got != runs {
		t.Errorf("documents: %d pages of its first column, %d runs of segments", got, runs)
	}
	if got := pages("line_items"); got < segs {
		t.Errorf("line_items: %d pages of its first column, %d segments", got, segs)
	}
}
