// Package emit writes the datasets: one JSON document per disclosure and
// tidy tables across the corpus — CSV (and a BOM variant for Excel), JSON,
// NDJSON, one XLSX workbook, one SQLite database — with a Frictionless
// datapackage.json, a zip bundle and SHA256SUMS.
//
// A Writer streams: documents are added one at a time and their rows go
// straight to every format, so memory does not grow with the corpus (the
// workbook, which excelize builds in memory, is left out past
// MaxWorkbookRows). Output is deterministic: documents must be added in id
// order, and no timestamp enters a file.
package emit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

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

// Result lists what a Writer wrote.
type Result struct {
	Documents []File
	Tables    []File // the CSV of each table
	Downloads []File // every other download: other formats, workbook, database, bundle
	// WorkbookOmitted says why budgetpub.xlsx was not written, if it was not.
	WorkbookOmitted string
}

// tableSpec describes one dataset table; of gives one document's rows
// (a typed slice), or, for a reference table, nil.
type tableSpec struct {
	name, title, description string
	row                      any
	key                      []string
	fk                       bool // document_id references documents.id
	of                       func(*schema.Document) any
}

func one(d *schema.Document) []*schema.Document { return []*schema.Document{d} }

var specs = []tableSpec{
	{"documents", "Disclosures 公开文件", "One row per disclosure with its headline figures (yuan) and the count of its consistency findings.", DocumentRow{}, []string{"id"}, false, func(d *schema.Document) any { return DocumentRows(one(d)) }},
	{"line_items", "Figures 明细数据", "Every figure of every disclosure, one per row: revenue sources, functional and economic classes with their items, basic and project expenditure, funds, operating costs, procurement, 三公, assets.", LineItemRow{}, []string{"document_id", "pointer"}, true, func(d *schema.Document) any { return LineItemRows(one(d)) }},
	{"three_public", "Three public expenses 三公经费", "The 三公 total and its four parts with prior year and budgeted figures.", ThreePublicRow{}, []string{"document_id", "item"}, true, func(d *schema.Document) any { return ThreePublicRows(one(d)) }},
	{"indicators", "Performance targets 绩效指标", "Every performance indicator of the department goals and key projects.", IndicatorRow{}, nil, true, func(d *schema.Document) any { return IndicatorRows(one(d)) }},
	{"assets", "State assets 国有资产", "Asset totals and categories at the start and end of the year.", AssetRow{}, nil, true, func(d *schema.Document) any { return AssetRows(one(d)) }},
	{"checks", "Consistency findings 一致性检查", "Contradictions and rounding differences found in each disclosure, each with the two numbers that disagree.", CheckRow{}, nil, true, func(d *schema.Document) any { return CheckRows(one(d)) }},
	{"coverage", "Coverage 提取完整性", "For every disclosure, each section of its narrative and each table it holds: read, not read (with the reason), stated nil, or absent — what the extractor found and what it could not read.", CoverageRow{}, nil, true, func(d *schema.Document) any { return CoverageRows(one(d)) }},
	{"panel", "Panel 部门历年面板", "One row per department, year, kind and measure (long): totals, basic and project expenditure, 三公 and its parts, 机关运行经费, procurement, funds and each functional 类 (function_201 …), with the department's id across years and renamings — pivot on measure for the wide form.", PanelRow{}, []string{"document_id", "measure"}, true, func(d *schema.Document) any { return PanelRows(one(d)) }},
	{"execution", "Budget against outturn 预算执行", "Each budget paired with the final accounts of the same department and year: per total, basic and project, 三公 and its parts, 机关运行经费 and functional 类, what was budgeted, what was spent, the difference and the rate; stated_budget is the final accounts' own 预算数 where they state one.", ExecutionRow{}, []string{"document_id", "measure"}, true, func(*schema.Document) any { return []ExecutionRow(nil) }},
	{"classification", "Classification codes 政府收支分类科目", "Reference: functional and economic classification codes with today's Chinese names, English labels, former names and the years observed.", ClassificationRow{}, []string{"scheme", "code"}, false, nil},
}

// Write writes docs (sorted by id) in every format into dir.
func Write(dir string, docs []*schema.Document, version string) (*Result, error) {
	w, err := NewWriter(dir, version)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if _, err := w.Add(d); err != nil {
			w.Abort()
			return nil, err
		}
	}
	return w.Close()
}

// Writer streams documents into the datasets.
type Writer struct {
	dir, version string
	citation     string // how to cite the release (SetRelease); by version otherwise
	tables       []*stream
	res          Result
	db           *database
	book         *workbook
	rows         []DocumentRow
}

// SetRelease makes the citation of datapackage.json and the dataset pages
// name the release: its permalink under baseURL and its date.
func (w *Writer) SetRelease(name, baseURL string, date time.Time) {
	w.citation = fmt.Sprintf("budgetpub, Chinese government department budgets and final accounts (部门预算决算公开数据), release %s of %s, %sreleases/%s/ (budgetpub %s).",
		name, date.UTC().Format("2006-01-02"), baseURL, name, w.version)
}

// NewWriter starts the datasets in dir.
func NewWriter(dir, version string) (*Writer, error) {
	w := &Writer{dir: dir, version: version, book: &workbook{}}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return nil, err
	}
	for _, sp := range specs {
		s, err := newStream(dir, version, sp)
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.tables = append(w.tables, s)
	}
	db, err := openDatabase(filepath.Join(dir, "budgetpub.sqlite"), w.tables)
	if err != nil {
		w.Abort()
		return nil, fmt.Errorf("budgetpub.sqlite: %w", err)
	}
	w.db = db
	for _, s := range w.tables {
		if s.spec.of == nil {
			if err := w.addRows(s, ClassificationRows()); err != nil {
				w.Abort()
				return nil, err
			}
		}
	}
	return w, nil
}

// Add writes one document: its JSON, which it returns, and its rows in
// every table.
func (w *Writer) Add(d *schema.Document) ([]byte, error) {
	data, err := MarshalDocument(d)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", d.ID, err)
	}
	f, err := writeFile(w.dir, "data/"+d.ID+".json", data)
	if err != nil {
		return nil, err
	}
	w.res.Documents = append(w.res.Documents, f)
	for _, s := range w.tables {
		if s.spec.of != nil {
			rows := s.spec.of(d)
			if r, ok := rows.([]DocumentRow); ok {
				w.rows = append(w.rows, r...) // kept for the site
			}
			if err := w.addRows(s, rows); err != nil {
				return nil, err
			}
		}
	}
	if err := w.db.index(SearchEntries(d)); err != nil {
		return nil, fmt.Errorf("budgetpub.sqlite fts: %w", err)
	}
	return data, nil
}

// AddText indexes the narrative's sentences of a document added before
// (Sentences) for the full-text search of budgetpub.sqlite; files are its
// lines, file by file, in the order of /document/sources.
func (w *Writer) AddText(d *schema.Document, files [][]string) error {
	if err := w.db.index(Sentences(d, files)); err != nil {
		return fmt.Errorf("budgetpub.sqlite fts: %w", err)
	}
	return nil
}

// AddExecution writes the execution rows of a budget and its final
// accounts (ExecutionRows), when the final accounts are added.
func (w *Writer) AddExecution(rows []ExecutionRow) error {
	for _, s := range w.tables {
		if s.spec.name == "execution" && len(rows) > 0 {
			return w.addRows(s, rows)
		}
	}
	return nil
}

// DocumentRows are the documents table's rows so far, for the site.
func (w *Writer) DocumentRows() []DocumentRow { return w.rows }

func (w *Writer) addRows(s *stream, rows any) error {
	cells := cellsOfRows(rows)
	if len(cells) == 0 {
		return nil
	}
	if err := s.write(cells); err != nil {
		return fmt.Errorf("%s: %w", s.spec.name, err)
	}
	if err := w.db.insert(s, cells); err != nil {
		return fmt.Errorf("budgetpub.sqlite %s: %w", s.spec.name, err)
	}
	w.book.add(s, cells)
	return nil
}

// Abort stops a Writer without finishing its files.
func (w *Writer) Abort() {
	for _, s := range w.tables {
		s.close()
	}
	if w.db != nil {
		w.db.abort()
	}
}

// Close finishes every file, then writes the workbook, the datapackage,
// the bundle and SHA256SUMS.
func (w *Writer) Close() (*Result, error) {
	res := &w.res
	for _, s := range w.tables {
		if err := s.finish(); err != nil {
			return nil, fmt.Errorf("%s: %w", s.spec.name, err)
		}
		for _, out := range s.outputs() {
			f, err := fileInfo(w.dir, out.path)
			if err != nil {
				return nil, err
			}
			f.Rows, f.Format, f.Table = s.rows, out.format, s.spec.name
			if out.format == "csv" {
				res.Tables = append(res.Tables, f)
			} else {
				res.Downloads = append(res.Downloads, f)
			}
		}
	}
	readme := readmeText(w.tables, w.version, w.book.omitted)
	if w.book.omitted == "" {
		data, err := w.book.bytes(w.tables, strings.Split(readme, "\n"))
		if err != nil {
			return nil, fmt.Errorf("budgetpub.xlsx: %w", err)
		}
		f, err := writeFile(w.dir, "budgetpub.xlsx", data)
		if err != nil {
			return nil, err
		}
		f.Format = "xlsx"
		res.Downloads = append(res.Downloads, f)
	} else {
		res.WorkbookOmitted = w.book.omitted
	}
	if err := w.db.close(); err != nil {
		return nil, fmt.Errorf("budgetpub.sqlite: %w", err)
	}
	f, err := fileInfo(w.dir, "budgetpub.sqlite")
	if err != nil {
		return nil, err
	}
	f.Format = "sqlite"
	res.Downloads = append(res.Downloads, f)
	pkg, err := json.MarshalIndent(dataPackage(res, w.tables, w.version, w.citation), "", "  ")
	if err != nil {
		return nil, err
	}
	if _, err := writeFile(w.dir, "datapackage.json", append(pkg, '\n')); err != nil {
		return nil, err
	}
	var names []string
	for _, l := range [][]File{res.Documents, res.Tables, res.Downloads} {
		for _, f := range l {
			names = append(names, f.Path)
		}
	}
	names = append(names, "datapackage.json")
	if err := bundle(w.dir, "budgetpub.zip", names, []byte(readme)); err != nil {
		return nil, fmt.Errorf("budgetpub.zip: %w", err)
	}
	if f, err = fileInfo(w.dir, "budgetpub.zip"); err != nil {
		return nil, err
	}
	f.Format = "zip"
	res.Downloads = append(res.Downloads, f)
	return res, writeSums(w.dir, append(names, "budgetpub.zip"))
}

// SumsFile lists the sha256 of every download, as sha256sum prints it.
const SumsFile = "SHA256SUMS"

func writeSums(dir string, names []string) error {
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		f, err := fileInfo(dir, n)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", f.SHA256, n)
	}
	return os.WriteFile(filepath.Join(dir, SumsFile), []byte(b.String()), 0o644)
}

// fileInfo hashes a written file as a stream.
func fileInfo(dir, rel string) (File, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return File{}, err
	}
	return File{Path: rel, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// readmeText describes the downloads: every table and its columns.
func readmeText(tables []*stream, version, omitted string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "budgetpub %s — Chinese government department budgets and final accounts as open data\n", version)
	b.WriteString("部门预算决算公开数据. Amounts are yuan (元). Every figure names its source line.\n\n")
	b.WriteString("Formats: <table>.csv (UTF-8), excel/<table>.csv (UTF-8 with BOM, for Excel), json/<table>.json and .ndjson,\n")
	b.WriteString("parquet/<table>.parquet (Snappy; yuan as DECIMAL(18,2), codes as strings),\n")
	b.WriteString("budgetpub.xlsx (a sheet per table), budgetpub.sqlite (all tables, with keys; full-text search: SELECT * FROM search WHERE fts MATCH '公积'), data/<id>.json (one document per disclosure),\n")
	b.WriteString("datapackage.json (Frictionless Data Package v2), SHA256SUMS.\n")
	b.WriteString(formulaNote + "\n")
	if omitted != "" {
		b.WriteString("budgetpub.xlsx is not part of this release: " + omitted + "\n")
	}
	b.WriteString("License: CC-BY-4.0. Cite as: budgetpub, Chinese department budgets and final accounts, release " + version + ".\n")
	for _, t := range tables {
		fmt.Fprintf(&b, "\n%s — %s (%d rows)\n%s\n", t.spec.name, t.spec.title, t.rows, t.spec.description)
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

// csvWriter is a file behind a large buffer (each table's rows come a
// document at a time).
type csvWriter struct {
	f *os.File
	w *bufio.Writer
}

func createBuffered(dir, rel string) (*csvWriter, error) {
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &csvWriter{f, bufio.NewWriterSize(f, 1<<16)}, nil
}

func (c *csvWriter) close() error {
	if c == nil || c.f == nil {
		return nil
	}
	err := c.w.Flush()
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	c.f = nil
	return err
}
