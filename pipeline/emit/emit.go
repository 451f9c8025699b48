// Package emit writes the datasets: one JSON document per disclosure and
// tidy tables across the corpus — CSV (and a BOM variant for Excel), JSON,
// NDJSON, one XLSX workbook, one SQLite database — with a Frictionless
// datapackage.json, a zip bundle and SHA256SUMS.
//
// A Writer streams: documents are added one at a time and their rows go
// straight to every format, so memory does not grow with the corpus (the
// workbook's sheets too, zipped at the end; a table past MaxSheetRows
// leaves the workbook out). Output is deterministic: documents must be
// added in id order, and no timestamp enters a file.
package emit

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"budgetpub/schema"

	"golang.org/x/sys/unix"
)

// File is one written file with its size and checksum.
type File struct {
	Path   string // relative to the output folder, with forward slashes
	Bytes  int64
	SHA256 string
	Rows   int    // data rows, for tables
	Format string // csv, ndjson, parquet, xlsx, sqlite, zip
	Table  string // the table it holds, if one
}

// Result lists what a Writer wrote.
type Result struct {
	Documents []File
	Tables    []File // the CSV of each table
	Downloads []File // every other download: other formats, workbook, database, bundle
	// WorkbookOmitted says why budgetpub.xlsx was not written, if it was not.
	WorkbookOmitted string
	// The segments of the bundle's text tables deflated, and those copied
	// from the segments kept by the Writer before (KeepSegments); and the
	// same of the workbook's sheets.
	SegmentsDeflated, SegmentsCopied           int
	SheetSegmentsDeflated, SheetSegmentsCopied int
	// The segments of the tables' Parquet files (a table's rows of a
	// segment) whose pages were encoded, and those copied from the store.
	ParquetSegmentsMade, ParquetSegmentsCopied int
	// The segments of budgetpub.sqlite's tables whose pages were made of
	// their rows, and those copied from the release before (PagesFrom);
	// those whose full-text terms were merged, and those whose merge was
	// kept from the run before.
	PageSegmentsMade, PageSegmentsCopied   int
	TermSegmentsMerged, TermSegmentsCopied int
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
		r, err := RowsOf(d, nil)
		if err == nil {
			_, err = w.Add(d, r)
		}
		if err != nil {
			w.Abort()
			return nil, err
		}
	}
	return w.Close()
}

// Writer streams documents into the datasets.
type Writer struct {
	dir, version string
	citation     string   // how to cite the release (SetRelease); by version otherwise
	fl           *flusher // writes and hashes the tables' files, the workbook and the bundle
	tables       []*stream
	res          Result
	db           dbWriter
	book         *workbook
	load         *loader // runs the database's inserts
	rows         []DocumentRow
	// the documents' files linked from an earlier release (Link): that
	// release's folder, and each file's CRC-32
	from   string
	linked map[string]uint32
	kept   map[string]keptSum // what that release says of its documents' files
	// the deflated segments of the bundle's text tables (KeepSegments),
	// opened with the first segment
	segPath, segCode string
	segReuse         bool
	segs             *segStore
	// the release whose budgetpub.sqlite's pages are copied (PagesFrom),
	// and whether the database was told where its pages are kept
	pagesFrom string
	paged     bool
}

// KeepSegments keeps the deflated segments of the bundle's text tables
// and of the workbook's sheets in the file path, for the next Writer,
// and, with reuse, copies those the Writer before kept there instead of
// deflating their bytes again (see segmentEvery) when the same code made
// them: code identifies the executable (its deflate). Without it they are
// kept in temporary files. It must come before the first document. The
// store of budgetpub.sqlite's deflated pages that a budgetpub before kept
// beside it (path-sqlite, when the bundle held the database) is removed.
func (w *Writer) KeepSegments(path, code string, reuse bool) {
	if w.segs != nil {
		panic("emit: KeepSegments after the first segment")
	}
	w.segPath, w.segCode, w.segReuse = path, code, reuse
	if path != "" {
		os.Remove(path + "-sqlite")
		os.Remove(path + "-sqlite.idx")
	}
}

// PagesFrom copies the pages of budgetpub.sqlite's tables that the
// release in dir holds for segments whose rows did not change, when
// KeepSegments keeps them with reuse (see pageStore). It must come before
// the first document.
func (w *Writer) PagesFrom(dir string) {
	if w.paged {
		panic("emit: PagesFrom after the first segment")
	}
	w.pagesFrom = dir
}

// keepPages tells the database where its segments' pages are kept, before
// the first segment ends: beside the bundle's segments (KeepSegments), or
// nowhere.
func (w *Writer) keepPages() {
	if w.paged {
		return
	}
	w.paged = true
	path, code, from, reuse := "", w.segCode, w.pagesFrom, w.segReuse
	if w.segPath != "" {
		path = w.segPath + "-pages"
	}
	w.load.do(func() error {
		w.db.keepPages(path, code, from, reuse)
		return nil
	})
}

// store is the run's segment store, opened on first use.
func (w *Writer) store() (*segStore, error) {
	if w.segs == nil {
		s, err := openSegStore(w.segPath, w.segCode, w.segReuse)
		if err != nil {
			return nil, fmt.Errorf("budgetpub.zip: %w", err)
		}
		w.segs = s
	}
	return w.segs, nil
}

// SetRelease makes the citation of datapackage.json and the dataset pages
// name the release: its permalink under baseURL and its date.
func (w *Writer) SetRelease(name, baseURL string, date time.Time) {
	w.citation = fmt.Sprintf("budgetpub, Chinese government department budgets and final accounts (部门预算决算公开数据), release %s of %s, %sreleases/%s/ (budgetpub %s).",
		name, date.UTC().Format("2006-01-02"), baseURL, name, w.version)
}

// NewWriter starts the datasets in dir.
func NewWriter(dir, version string) (*Writer, error) {
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return nil, err
	}
	w := &Writer{dir: dir, version: version, fl: newFlusher(), book: newWorkbook()}
	for i, sp := range specs {
		s, err := newStream(w.fl, dir, version, i, sp, tableInfos()[i])
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
	w.db, w.load = db, newLoader()
	for i, s := range w.tables {
		if s.spec.of == nil {
			cells := cellsOfRows(ClassificationRows())
			csv, nd, err := encodeTable(i, cells)
			if err == nil {
				err = w.addTableRows(s, cells, csv, nd, tableSum(i, cells, csv, nd))
			}
			if err != nil {
				w.Abort()
				return nil, err
			}
		}
	}
	return w, nil
}

// Add writes one document: its JSON, which it returns, and its rows in
// every table (RowsOf).
func (w *Writer) Add(d *schema.Document, r *Rows) ([]byte, error) {
	data, f, err := w.WriteDocument(d)
	if err != nil {
		return nil, err
	}
	return data, w.AddWritten(f, r)
}

// WriteDocument is the part of Add that needs no order: it writes the
// document's JSON file, which it returns with the file's File, and adds
// nothing. It may run on any goroutine, for several documents at once;
// AddWritten then adds them, in order.
func (w *Writer) WriteDocument(d *schema.Document) ([]byte, File, error) {
	data, err := MarshalDocument(d)
	if err != nil {
		return nil, File{}, fmt.Errorf("document %s: %w", d.ID, err)
	}
	f, err := writeFile(w.dir, "data/"+d.ID+".json", data)
	if err != nil {
		return nil, File{}, err
	}
	return data, f, nil
}

// AddWritten is Add for a document whose JSON WriteDocument wrote (f):
// the file and the document's rows in every table.
func (w *Writer) AddWritten(f File, r *Rows) error {
	w.res.Documents = append(w.res.Documents, f)
	return w.addRows(r)
}

// Link is Add for the document id whose JSON the release in dir holds,
// made from the same inputs by the same code: the file is linked from
// there (LinkFile) instead of written, and the document itself is not
// needed, only its rows; nor is the file read: its sha256, CRC-32 and
// size are those the release lists (keptSums), unless it lists none. It
// reports false, having added nothing, when it cannot link the file (dir
// lacks it): the document is to be Added.
func (w *Writer) Link(id, dir string, r *Rows) (bool, error) {
	rel := "data/" + id + ".json"
	if LinkFile(filepath.Join(dir, filepath.FromSlash(rel)), filepath.Join(w.dir, filepath.FromSlash(rel))) != nil {
		return false, nil
	}
	if w.linked == nil {
		w.from, w.linked, w.kept = dir, map[string]uint32{}, keptSums(dir)
	}
	k, ok := w.kept[rel]
	f, sum := File{Path: rel, Bytes: k.size, SHA256: k.sha256}, k.crc
	if !ok || dir != w.from {
		var err error
		if f, sum, err = fileSums(w.dir, rel); err != nil {
			return false, err
		}
	}
	if dir == w.from {
		w.linked[rel] = sum
	}
	w.res.Documents = append(w.res.Documents, f)
	return true, w.addRows(r)
}

// keptSum is what an earlier release says of one of its documents' files:
// its sha256 (in SumsFile) and its CRC-32 and size (its bundle's entry).
type keptSum struct {
	sha256 string
	crc    uint32
	size   int64
}

// keptSums are the keptSums of the documents' files of the release in
// dir, those both its SumsFile and its bundle list. A release's files
// never change once it is published, and a file linked from it is the
// same file: what it says of the file is the file's, so a document linked
// is not read again to be hashed. Missing or unreadable lists give none
// (each file is then hashed as it is linked).
func keptSums(dir string) map[string]keptSum {
	data, err := os.ReadFile(filepath.Join(dir, SumsFile))
	if err != nil {
		return nil
	}
	r, err := zip.OpenReader(filepath.Join(dir, "budgetpub.zip"))
	if err != nil {
		return nil
	}
	defer r.Close()
	sums := map[string]string{}
	for line := range strings.Lines(string(data)) {
		sum, rel, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "  ")
		if ok && len(sum) == 2*sha256.Size && strings.HasPrefix(rel, "data/") {
			sums[rel] = sum
		}
	}
	out := make(map[string]keptSum, len(sums))
	for _, f := range r.File {
		rel := strings.TrimPrefix(f.Name, "budgetpub/")
		if sum, ok := sums[rel]; ok && f.UncompressedSize64 <= math.MaxInt64 {
			out[rel] = keptSum{sha256: sum, crc: f.CRC32, size: int64(f.UncompressedSize64)}
		}
	}
	return out
}

// fileSums reads the file rel of dir: its File (size and sha256) and its
// CRC-32, by which the bundle knows a linked document's entry in the
// earlier release's bundle.
func fileSums(dir, rel string) (File, uint32, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return File{}, 0, err
	}
	defer f.Close()
	h, c := sha256.New(), crc32.NewIEEE()
	n, err := io.Copy(io.MultiWriter(h, c), f)
	if err != nil {
		return File{}, 0, err
	}
	return File{Path: rel, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, c.Sum32(), nil
}

// addRows writes a document's rows (RowsOf) in every table and its search
// entries.
func (w *Writer) addRows(r *Rows) error {
	if len(r.docs) > 0 && startsSegment(r.docs[0].ID) {
		w.keepPages()
		if err := w.load.do(func() error {
			if err := w.db.cut(); err != nil {
				return fmt.Errorf("budgetpub.sqlite: %w", err)
			}
			return nil
		}); err != nil {
			return err
		}
		st, err := w.store()
		if err != nil {
			return err
		}
		for _, s := range w.tables {
			if err := s.cut(st); err != nil {
				return fmt.Errorf("budgetpub.zip: %w", err)
			}
			if err := s.pq.cutAt(st, r.docs[0].ID); err != nil {
				return err
			}
		}
		if err := w.book.cut(st, true); err != nil {
			return fmt.Errorf("budgetpub.xlsx: %w", err)
		}
	}
	w.rows = append(w.rows, r.docs...) // kept for the site
	for i, s := range w.tables {
		if err := w.addTableRows(s, r.cells[i], r.csv[i], r.nd[i], r.sums[i]); err != nil {
			return err
		}
		for _, e := range s.segs {
			if e.held() < segmentBytes {
				continue
			}
			st, err := w.store()
			if err == nil {
				err = e.cut(st)
			}
			if err != nil {
				return fmt.Errorf("budgetpub.zip: %w", err)
			}
		}
	}
	if len(w.book.sheets) > 0 {
		st, err := w.store()
		if err == nil {
			err = w.book.cut(st, false)
		}
		if err != nil {
			return fmt.Errorf("budgetpub.xlsx: %w", err)
		}
	}
	return w.load.do(func() error {
		if err := w.db.index(r.entries, r.terms); err != nil {
			return fmt.Errorf("budgetpub.sqlite fts: %w", err)
		}
		return nil
	})
}

// AddSentences indexes the narrative's sentences of a document added
// before (Sentences), whose terms are terms (FTSTerms), for the full-text
// search of budgetpub.sqlite.
func (w *Writer) AddSentences(entries []SearchEntry, terms []byte) error {
	return w.load.do(func() error {
		if err := w.db.index(entries, terms); err != nil {
			return fmt.Errorf("budgetpub.sqlite fts: %w", err)
		}
		return nil
	})
}

// DocumentRows are the documents table's rows so far, for the site.
func (w *Writer) DocumentRows() []DocumentRow { return w.rows }

// addTableRows writes rows of one table: their cells, and their bytes in
// the text files (see Text), whose sum is sum (tableSum).
func (w *Writer) addTableRows(s *stream, cells [][]string, csv, nd []byte, sum rowsSum) error {
	if len(cells) == 0 {
		return nil
	}
	s.write(cells, csv, nd, sum)
	err := w.load.do(func() error {
		if err := w.db.insert(s, cells, sum); err != nil {
			return fmt.Errorf("budgetpub.sqlite %s: %w", s.spec.name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := w.book.add(s, cells, sum, len(csv)); err != nil {
		return fmt.Errorf("budgetpub.xlsx: %w", err)
	}
	return nil
}

// Abort stops a Writer without finishing its files.
func (w *Writer) Abort() {
	for _, s := range w.tables {
		s.close()
	}
	if w.db != nil {
		w.load.wait()
		w.db.abort()
	}
	w.book.abort()
	if w.segs != nil {
		w.segs.abort()
	}
	w.fl.close()
}

// loader runs the database's inserts on a goroutine of their own, in the
// order they come, beside the other formats (SQLite is a third of the time
// the datasets take). A document added must not change afterwards.
type loader struct {
	jobs chan func() error
	done chan struct{}
	once sync.Once
	err  atomic.Value // the first error
}

func newLoader() *loader {
	l := &loader{jobs: make(chan func() error, 256), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for job := range l.jobs {
			if l.err.Load() != nil {
				continue
			}
			if err := job(); err != nil {
				l.err.Store(err)
			}
		}
	}()
	return l
}

// do queues a job; it returns the error of an earlier job, if one failed.
func (l *loader) do(job func() error) error {
	if err, _ := l.err.Load().(error); err != nil {
		return err
	}
	l.jobs <- job
	return nil
}

// wait runs the jobs queued and returns the first error.
func (l *loader) wait() error {
	l.once.Do(func() { close(l.jobs) })
	<-l.done
	err, _ := l.err.Load().(error)
	return err
}

// fileSHA256 reads the file rel of dir for its File (size and sha256)
// alone, a MiB a read: the database is read back whole at every run (its
// first page is written last), where fileSums's CRC-32 is of no use and
// its io.Copy read 32 KiB a call. The file is wrapped so that io.CopyBuffer
// uses buf (*os.File's WriteTo would copy by 32 KiB).
func fileSHA256(dir, rel string) (File, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, make([]byte, 1<<20))
	if err != nil {
		return File{}, err
	}
	return File{Path: rel, Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// Close finishes every file, then writes the workbook, the datapackage,
// the bundle and SHA256SUMS.
func (w *Writer) Close() (*Result, error) {
	res := &w.res
	// budgetpub.sqlite is finished (its indexes sorted, its full-text
	// index written) and hashed on the database's goroutine, beside the
	// text tables' finish and the workbook
	closed := false // the job ran: the database is closed, or failed and dropped
	var dbFile File
	w.keepPages()
	w.load.do(func() error {
		closed = true
		if err := w.db.close(); err != nil {
			return fmt.Errorf("budgetpub.sqlite: %w", err)
		}
		var err error
		if dbFile, err = fileSHA256(w.dir, "budgetpub.sqlite"); err != nil {
			return err
		}
		var kept pagesKept
		kept, err = w.db.pagesKept(dbFile.SHA256)
		res.PageSegmentsCopied, res.PageSegmentsMade, res.TermSegmentsCopied, res.TermSegmentsMerged = kept.copied, kept.made, kept.termsCopied, kept.termsMerged
		if err != nil {
			return fmt.Errorf("budgetpub.sqlite: %w", err)
		}
		return nil
	})
	// a failure below: the job is done before Close returns, and the files
	// left open are closed
	defer w.load.wait()
	defer func() {
		for _, s := range w.tables {
			s.close()
		}
		w.fl.close()
	}()
	st, err := w.store()
	if err != nil {
		return nil, err
	}
	defer func() {
		if w.segs != nil { // a failure: the store before stays
			w.segs.abort()
		}
	}()
	segmented := map[string]*segEntry{}
	for _, s := range w.tables {
		if err := s.finish(st); err != nil {
			return nil, fmt.Errorf("%s: %w", s.spec.name, err)
		}
		for i, out := range s.outputs() {
			if i < len(s.segs) {
				segmented[out.path] = s.segs[i]
			}
			f := s.files[i]
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
		f, err := w.book.write(w.fl, w.dir, "budgetpub.xlsx", w.tables, strings.Split(readme, "\n"), st)
		if err != nil {
			return nil, fmt.Errorf("budgetpub.xlsx: %w", err)
		}
		f.Format = "xlsx"
		res.Downloads = append(res.Downloads, f)
	} else {
		res.WorkbookOmitted = w.book.omitted
	}
	if err := w.load.wait(); err != nil {
		if !closed { // an insert failed
			w.db.abort()
		}
		return nil, err
	}
	dbFile.Format = "sqlite"
	res.Downloads = append(res.Downloads, dbFile)
	pkg, err := json.MarshalIndent(dataPackage(res, w.tables, w.version, w.citation), "", "  ")
	if err != nil {
		return nil, err
	}
	dp, err := writeFile(w.dir, "datapackage.json", append(pkg, '\n'))
	if err != nil {
		return nil, err
	}
	var files []File
	for _, l := range [][]File{res.Documents, res.Tables, res.Downloads} {
		files = append(files, l...)
	}
	files = append(files, dp)
	var names []string
	for _, f := range files {
		if !wholeDownload(f.Format) {
			names = append(names, f.Path)
		}
	}
	earlier, closeEarlier := w.earlierEntries()
	f, err := bundle(w.fl, w.dir, "budgetpub.zip", names, []byte(readme), earlier, st, segmented)
	closeEarlier()
	if err == nil {
		w.segs = nil
		res.SegmentsDeflated, res.SegmentsCopied = st.deflated[segTable], st.copied[segTable]
		res.SheetSegmentsDeflated, res.SheetSegmentsCopied = st.deflated[segSheet], st.copied[segSheet]
		res.ParquetSegmentsMade, res.ParquetSegmentsCopied = st.deflated[segParquet], st.copied[segParquet]
		err = st.close()
	}
	if err != nil {
		return nil, fmt.Errorf("budgetpub.zip: %w", err)
	}
	f.Format = "zip"
	res.Downloads = append(res.Downloads, f)
	return res, writeSums(w.dir, append(files, f))
}

// wholeDownload reports whether a download of the format is left out of
// the bundle: the workbook and the database each hold every table in one
// file, and are downloads of their own; the bundle holds the documents,
// the tables (CSV, NDJSON, Parquet) and datapackage.json. The database
// was 40% of the bundle's bytes, and the workbook, a zip itself, stored
// in it another 13%.
func wholeDownload(format string) bool { return format == "xlsx" || format == "sqlite" }

// SumsFile lists the sha256 of every download, as sha256sum prints it.
const SumsFile = "SHA256SUMS"

// writeSums writes SumsFile: the sha256 of each of files, as hashed when
// it was written (a file is not read again).
func writeSums(dir string, files []File) error {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "%s  %s\n", f.SHA256, f.Path)
	}
	return WriteNew(filepath.Join(dir, SumsFile), []byte(b.String()))
}

// readmeText describes the downloads: every table and its columns.
func readmeText(tables []*stream, version, omitted string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "budgetpub %s — Chinese government department budgets and final accounts as open data\n", version)
	b.WriteString("部门预算决算公开数据. Amounts are yuan (元). Every figure names its source line.\n\n")
	b.WriteString("Formats: <table>.csv (UTF-8; in Excel open budgetpub.xlsx, or import a CSV as UTF-8: Data > From Text/CSV),\n")
	b.WriteString("json/<table>.ndjson (newline-delimited JSON: an object a row, a row a line),\n")
	b.WriteString("parquet/<table>.parquet (Snappy; yuan as DECIMAL(18,2), codes as strings),\n")
	b.WriteString("data/<id>.json (one document per disclosure) and datapackage.json (Frictionless Data Package v2): budgetpub.zip.\n")
	b.WriteString("Beside it, downloads of their own: budgetpub.xlsx (a sheet per table), budgetpub.sqlite (all tables, with keys;\n")
	b.WriteString("full-text search: SELECT * FROM search WHERE fts MATCH '公积'), SHA256SUMS (every file's sha256).\n")
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
// no HTML escaping, a final newline (the encoder's SetIndent("", "  "),
// indented by indent).
func MarshalDocument(d *schema.Document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return indent(buf.Bytes()), nil
}

// CreateNew creates the file path, and its folder, as a new file: what
// is at path is unlinked first, never truncated. A release shares the
// files it did not change with the releases before it (hard links, see
// LinkFile), so a writer that truncated one in place would change a
// published release. The file is created first, and only when that finds
// a file there or no folder is the one removed or the other made (a
// release writes thousands of files into a few new folders).
func CreateNew(path string) (*os.File, error) {
	create := func() (*os.File, error) { return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644) }
	f, err := create()
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		f, err = create()
	}
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		f, err = create()
	}
	return f, err
}

// WriteNew writes data to path as a new file (see CreateNew).
func WriteNew(path string, data []byte) error {
	err := writeInFolder(path, unix.O_EXCL, data)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		err = writeBySyscalls(path, unix.O_EXCL, data)
	}
	return err
}

// WriteOver writes data to path, truncating what is there, and makes its
// folder when there is none: for files no release shares and whose
// readers tell a torn one (the cache's).
func WriteOver(path string, data []byte) error {
	return writeInFolder(path, unix.O_TRUNC, data)
}

// writeInFolder is writeBySyscalls, the folder made when the write finds
// none (no stat before each file).
func writeInFolder(path string, flag int, data []byte) error {
	err := writeBySyscalls(path, flag, data)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		err = writeBySyscalls(path, flag, data)
	}
	return err
}

// ReadInto reads the file path into buf, grown to hold it, by system
// calls alone (see writeBySyscalls). Errors are as os.ReadFile's.
func ReadInto(buf []byte, path string) ([]byte, error) {
	fd, err := OpenRead(path)
	if err != nil {
		return buf[:0], err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return buf[:0], &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	buf = slices.Grow(buf[:0], int(max(st.Size, 0))+1)
	for {
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return buf, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n <= 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if len(buf) == cap(buf) { // the file grew since its size was taken
			buf = slices.Grow(buf, 4096)
		}
	}
}

// OpenRead opens path for reading by a system call alone: the descriptor
// is the caller's to close (unix.Close).
func OpenRead(path string) (int, error) {
	return openFD(path, unix.O_RDONLY, 0)
}

// openFD opens path with flag (close-on-exec added) by the system call,
// again where a signal interrupted it; an error is as os.OpenFile's.
func openFD(path string, flag int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(path, flag|unix.O_CLOEXEC, perm)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return fd, nil
	}
}

// writeBySyscalls creates path with flag (O_EXCL or O_TRUNC) and writes data to
// it by system calls alone: a build writes some six files a document, and
// an *os.File costs each four fcntl and an epoll_ctl more (it tries to
// make the file non-blocking and to poll it, which a regular file refuses)
// and a cleanup. Errors are as os.WriteFile's. A file whose write fails is
// removed, so that a full disk does not fill up with empty files.
func writeBySyscalls(path string, flag int, data []byte) error {
	fd, err := openFD(path, unix.O_WRONLY|unix.O_CREAT|flag, 0o644)
	if err != nil {
		return err
	}
	for len(data) > 0 && err == nil {
		var n int
		if n, err = unix.Write(fd, data); err == unix.EINTR {
			err = nil
			continue
		}
		if err == nil && n <= 0 {
			err = io.ErrShortWrite
		} else if err == nil {
			data = data[n:]
		}
	}
	if err != nil {
		unix.Close(fd)
		os.Remove(path)
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// LinkFile makes dst the file src of an earlier release: a hard link, so
// that releases share what did not change, or a copy where the filesystem
// refuses the link. Nothing is left at dst when it fails (src missing
// included). dst's folder is made when the link finds none (a release
// links thousands of files into a few folders: no stat before each).
func LinkFile(src, dst string) error {
	err := os.Link(src, dst)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		err = os.Link(src, dst)
	}
	if err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrExist) {
		return err
	}
	data, err := os.ReadFile(src)
	if err == nil {
		err = WriteNew(dst, data)
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}

func writeFile(dir, rel string, data []byte) (File, error) {
	if err := WriteNew(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(data)
	return File{Path: rel, Bytes: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}

// earlierEntries are the entries of the earlier release's bundle that hold
// the files linked from it (Link), by path: the same bytes (size and
// CRC-32 agree), deflated by the same code. None when that bundle cannot
// be read. close closes that bundle.
func (w *Writer) earlierEntries() (entries map[string]*zip.File, close func()) {
	if len(w.linked) == 0 {
		return nil, func() {}
	}
	r, err := zip.OpenReader(filepath.Join(w.from, "budgetpub.zip"))
	if err != nil {
		return nil, func() {}
	}
	size := map[string]int64{}
	for _, f := range w.res.Documents {
		size[f.Path] = f.Bytes
	}
	out := map[string]*zip.File{}
	for _, f := range r.File {
		rel := strings.TrimPrefix(f.Name, "budgetpub/")
		if sum, ok := w.linked[rel]; ok && f.CRC32 == sum && int64(f.UncompressedSize64) == size[rel] && f.Method == zip.Deflate {
			out[rel] = f
		}
	}
	return out, func() { r.Close() }
}
