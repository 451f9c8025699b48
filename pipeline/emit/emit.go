// Package emit writes the datasets: one JSON document per disclosure and
// tidy tables across the corpus — CSV (and a BOM variant for Excel), JSON,
// NDJSON, one XLSX workbook, one SQLite database — with a Frictionless
// datapackage.json, a zip bundle and SHA256SUMS. Output is deterministic:
// rows are written in a stable order and no timestamp enters a file.
package emit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"sort"
	"strings"

	"github.com/gocarina/gocsv"

	"budgetpub/schema"
)

// File is one written file with its size and checksum.
type File struct {
	Path   string // relative to the output folder, with forward slashes
	Bytes  int64
	SHA256 string
	Rows   int    // data rows, for tables
	Format string // csv, csv-bom, json, ndjson, xlsx, sqlite, zip …
	Table  string // the table it holds, if one
}

// Result lists what Write wrote.
type Result struct {
	Documents []File
	Tables    []File // the CSV of each table
	Downloads []File // every other download: other formats, workbook, database, bundle
}

// tableSpec describes one dataset table.
type tableSpec struct {
	name, title, description string
	row                      any // a zero row, for the fields
	rows                     any // a slice of rows
	key                      []string
	fk                       bool // document_id references documents.id
}

func specs(docs []*schema.Document) []tableSpec {
	return []tableSpec{
		{"documents", "Disclosures 公开文件", "One row per disclosure with its headline figures (yuan) and the count of its consistency findings.", DocumentRow{}, DocumentRows(docs), []string{"id"}, false},
		{"line_items", "Figures 明细数据", "Every figure of every disclosure, one per row: revenue sources, functional and economic classes with their items, basic and project expenditure, funds, operating costs, procurement, 三公, assets.", LineItemRow{}, LineItemRows(docs), []string{"document_id", "pointer"}, true},
		{"three_public", "Three public expenses 三公经费", "The 三公 total and its four parts with prior year and budgeted figures.", ThreePublicRow{}, ThreePublicRows(docs), []string{"document_id", "item"}, true},
		{"indicators", "Performance targets 绩效指标", "Every performance indicator of the department goals and key projects.", IndicatorRow{}, IndicatorRows(docs), nil, true},
		{"assets", "State assets 国有资产", "Asset totals and categories at the start and end of the year.", AssetRow{}, AssetRows(docs), nil, true},
		{"checks", "Consistency findings 一致性检查", "Contradictions and rounding differences found in each disclosure, each with the two numbers that disagree.", CheckRow{}, CheckRows(docs), nil, true},
		{"classification", "Classification codes 政府收支分类科目", "Reference: functional and economic classification codes with today's Chinese names, English labels, former names and the years observed.", ClassificationRow{}, ClassificationRows(), []string{"scheme", "code"}, false},
	}
}

// Write writes every document and every table in every format into dir
// (which must exist), then the datapackage, the bundle and SHA256SUMS.
// docs must be sorted by id.
func Write(dir string, docs []*schema.Document, version string) (*Result, error) {
	res := &Result{}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return nil, err
	}
	for _, d := range docs {
		data, err := MarshalDocument(d)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", d.ID, err)
		}
		f, err := writeFile(dir, "data/"+d.ID+".json", data)
		if err != nil {
			return nil, err
		}
		res.Documents = append(res.Documents, f)
	}
	var tables []table
	for _, sp := range specs(docs) {
		t := newTable(sp)
		tables = append(tables, t)
		data, err := csvBytes(sp.rows)
		if err != nil {
			return nil, fmt.Errorf("%s.csv: %w", sp.name, err)
		}
		for _, out := range []struct {
			path, format string
			data         []byte
		}{
			{sp.name + ".csv", "csv", data},
			{"excel/" + sp.name + ".csv", "csv-bom", append([]byte("\ufeff"), data...)},
			{"json/" + sp.name + ".json", "json", t.jsonArray()},
			{"json/" + sp.name + ".ndjson", "ndjson", t.ndjson()},
		} {
			f, err := writeFile(dir, out.path, out.data)
			if err != nil {
				return nil, err
			}
			f.Rows, f.Format, f.Table = len(t.cells), out.format, sp.name
			if out.format == "csv" {
				res.Tables = append(res.Tables, f)
			} else {
				res.Downloads = append(res.Downloads, f)
			}
		}
	}
	readme := readmeText(tables, version)
	xlsx, err := workbook(tables, strings.Split(readme, "\n"))
	if err != nil {
		return nil, fmt.Errorf("budgetpub.xlsx: %w", err)
	}
	f, err := writeFile(dir, "budgetpub.xlsx", xlsx)
	if err != nil {
		return nil, err
	}
	f.Format = "xlsx"
	res.Downloads = append(res.Downloads, f)
	if err := database(filepath.Join(dir, "budgetpub.sqlite"), tables); err != nil {
		return nil, fmt.Errorf("budgetpub.sqlite: %w", err)
	}
	if f, err = fileInfo(dir, "budgetpub.sqlite"); err != nil {
		return nil, err
	}
	f.Format = "sqlite"
	res.Downloads = append(res.Downloads, f)
	pkg, err := json.MarshalIndent(dataPackage(res, tables, version), "", "  ")
	if err != nil {
		return nil, err
	}
	if _, err := writeFile(dir, "datapackage.json", append(pkg, '\n')); err != nil {
		return nil, err
	}
	var names []string
	for _, l := range [][]File{res.Documents, res.Tables, res.Downloads} {
		for _, f := range l {
			names = append(names, f.Path)
		}
	}
	names = append(names, "datapackage.json")
	zipped, err := bundle(dir, names, []byte(readme))
	if err != nil {
		return nil, fmt.Errorf("budgetpub.zip: %w", err)
	}
	if f, err = writeFile(dir, "budgetpub.zip", zipped); err != nil {
		return nil, err
	}
	f.Format = "zip"
	res.Downloads = append(res.Downloads, f)
	return res, writeSums(dir, append(names, "budgetpub.zip"))
}

// SumsFile lists the sha256 of every download, as sha256sum prints it.
const SumsFile = "SHA256SUMS"

func writeSums(dir string, names []string) error {
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	return os.WriteFile(filepath.Join(dir, SumsFile), []byte(b.String()), 0o644)
}

func fileInfo(dir, rel string) (File, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(data)
	return File{Path: rel, Bytes: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}

// readmeText describes the downloads: every table and its columns.
func readmeText(tables []table, version string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "budgetpub %s — Chinese government department budgets and final accounts as open data\n", version)
	b.WriteString("部门预算决算公开数据. Amounts are yuan (元). Every figure names its source line.\n\n")
	b.WriteString("Formats: <table>.csv (UTF-8), excel/<table>.csv (UTF-8 with BOM, for Excel), json/<table>.json and .ndjson,\n")
	b.WriteString("budgetpub.xlsx (a sheet per table), budgetpub.sqlite (all tables, with keys), data/<id>.json (one document per disclosure),\n")
	b.WriteString("datapackage.json (Frictionless Data Package v2), SHA256SUMS.\n")
	b.WriteString("License: CC-BY-4.0. Cite as: budgetpub, Chinese department budgets and final accounts, release " + version + ".\n")
	for _, t := range tables {
		fmt.Fprintf(&b, "\n%s — %s (%d rows)\n%s\n", t.spec.name, t.spec.title, len(t.cells), t.spec.description)
		for _, f := range t.fields {
			fmt.Fprintf(&b, "  %s (%s) %s — %s\n", f.Name, f.Type, f.Title, f.Description)
		}
	}
	return b.String()
}

// MarshalDocument is the published form of a document: indented JSON,
// no HTML escaping, a final newline.
func MarshalDocument(d *schema.Document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func csvBytes(rows any) ([]byte, error) {
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, 1<<16)
	if err := gocsv.Marshal(rows, w); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeFile(dir, rel string, data []byte) (File, error) {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return File{}, err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(data)
	return File{Path: rel, Bytes: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}
