package emit

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"

	"budgetpub/pipeline/emit/pqfile"

	"budgetpub/schema"
)

// isMoney says whether a column holds yuan, as its Table Schema says (a
// number described in yuan): in Parquet it is DECIMAL(18,2) held as
// integer fen, exact, never a float.
func isMoney(f Field) bool {
	return f.Type == "number" && strings.Contains(f.Description, "yuan")
}

// parquetRowGroup is the rows a row group reaches before it ends, at the
// end of a segment (see parquetTable): pages of at most pqfile.PageSize,
// with the page index, let a reader fetch only the pages whose statistics
// can hold what it looks for (the query page: one disclosure's figures out
// of 10,000 disclosures' in some 100 KB instead of 1.3 MB).
const parquetRowGroup = 100000

// parquetRuns are the tables of a row or a few a document, whose part
// (below) spans a run of 16 segments (startsRun), not one: a part of a
// segment would be pages of some 16 rows, a page a column (their headers,
// page index and Snappy's frames more than the values), and a rebuild
// encodes such a table's rows again in little time.
var parquetRuns = map[string]bool{"documents": true, "three_public": true, "assets": true, "checks": true, "execution": true}

// parquetColumns are a table's columns as its Table Schema types them:
// strings (codes included) as UTF-8, integers as INT64, money as
// DECIMAL(18,2), other numbers as DOUBLE; a column is optional (an empty
// cell is null) unless the Table Schema requires it.
func parquetColumns(fields []Field) []pqfile.Column {
	cols := make([]pqfile.Column, len(fields))
	for i, f := range fields {
		c := pqfile.Column{Name: f.Name, Kind: pqfile.String}
		switch {
		case f.Type == "integer":
			c.Kind = pqfile.Int64
		case isMoney(f):
			c.Kind = pqfile.Decimal
		case f.Type == "number":
			c.Kind = pqfile.Double
		}
		req, _ := f.Constraints["required"].(bool)
		c.Optional = !req
		cols[i] = c
	}
	return cols
}

// parquetTable is one table being written as Snappy-compressed Parquet,
// a segment at a time: the rows of the documents of a segment of the text
// tables (startsSegment; a run of them for parquetRuns) are a part of the
// file (pqfile.Part) whose pages
// are kept in the run's segment store under a key of the table and its
// documents' row sums (tableSum), so that a rebuild copies the pages of a
// segment whose rows did not change instead of encoding them again. A row
// group ends with the segment that brings it to parquetRowGroup rows.
type parquetTable struct {
	path  string
	table int // its index in specs
	out   *sink
	w     *pqfile.Writer
	cols  []pqfile.Column
	part  *pqfile.Part
	every uint32 // the documents a part spans, about (startsRun)
	// the segment under way: its documents' rows, and their sums
	held [][][]string
	sums []rowsSum
}

func newParquet(fl *flusher, dir, rel, version string, table int, fields []Field) (*parquetTable, error) {
	out, err := fl.createSink(dir, rel)
	if err != nil {
		return nil, err
	}
	cols := parquetColumns(fields)
	name := strings.TrimSuffix(filepath.Base(rel), ".parquet")
	every := uint32(segmentEvery)
	if parquetRuns[name] {
		every *= 16
	}
	return &parquetTable{path: rel, table: table, out: out, cols: cols, part: pqfile.NewPart(cols), every: every,
		w: pqfile.NewWriter(out, name, cols, "budgetpub version "+version)}, nil
}

// cutAt ends the part under way (cut) when the document id, which starts
// a segment, starts the table's part.
func (p *parquetTable) cutAt(st *segStore, id string) error {
	if !startsRun(id, p.every) {
		return nil
	}
	return p.cut(st)
}

// write adds a document's rows, of the sum sum (tableSum), to the segment
// under way: they are encoded, if at all, when it is cut, and must not
// change until then.
func (p *parquetTable) write(cells [][]string, sum rowsSum) {
	p.held = append(p.held, cells)
	p.sums = append(p.sums, sum)
}

// cut ends the segment under way: its pages are taken from st (which may
// be nil) when it holds those of the same rows, encoded otherwise (and
// kept in st).
func (p *parquetTable) cut(st *segStore) error {
	if len(p.held) == 0 {
		return nil
	}
	var k segKey
	found, keep := false, st != nil
	if st != nil {
		h := sha256.New()
		fmt.Fprintf(h, "parquet %d %d\n", p.table, len(p.sums))
		for _, s := range p.sums {
			h.Write(s[:])
		}
		copy(k[:], h.Sum(nil))
		b, ok, err := st.get(k, segParquet)
		if err != nil {
			return err
		}
		// a part the store holds but the file cannot take (not one of
		// this table's) is encoded again, and not kept
		found, keep = ok && p.w.Add(b) == nil, !ok
	}
	if !found {
		b, err := p.encode()
		if err != nil {
			return err
		}
		if err := p.w.Add(b); err != nil {
			return err
		}
		if keep {
			if err := st.keep(k, b, segParquet); err != nil {
				return err
			}
		}
	}
	clear(p.held) // what they hold
	p.held, p.sums = p.held[:0], p.sums[:0]
	if p.w.GroupRows() >= parquetRowGroup {
		return p.w.EndGroup()
	}
	return nil
}

// encode makes the pages of the segment's rows, typed; a cell its column
// cannot hold (a money cell with more than two decimals) is an error, not
// a rounding.
func (p *parquetTable) encode() ([]byte, error) {
	for _, cells := range p.held {
		for _, row := range cells {
			for j, c := range row {
				col := p.cols[j]
				if c == "" {
					if !col.Optional {
						return nil, fmt.Errorf("%s: column %d is required, the cell is empty", p.path, j+1)
					}
					p.part.Null(j)
					continue
				}
				switch col.Kind {
				case pqfile.Int64:
					n, err := strconv.ParseInt(c, 10, 64)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", p.path, err)
					}
					p.part.Int64(j, n)
				case pqfile.Decimal:
					var m schema.Money
					if err := m.UnmarshalJSON(cellBytes(c)); err != nil {
						return nil, fmt.Errorf("%s: %w", p.path, err)
					}
					p.part.Int64(j, int64(m))
				case pqfile.Double:
					x, err := strconv.ParseFloat(c, 64)
					if err != nil {
						return nil, fmt.Errorf("%s: %w", p.path, err)
					}
					p.part.Double(j, x)
				default:
					p.part.Bytes(j, cellBytes(c))
				}
			}
			p.part.Row()
		}
	}
	return p.part.Encode(), nil
}

// cellBytes are the bytes of the cell c, to be read only.
func cellBytes(c string) []byte { return unsafe.Slice(unsafe.StringData(c), len(c)) }

// finish ends the last segment (st may be nil), writes the footer and
// closes the file: its File.
func (p *parquetTable) finish(st *segStore) (File, error) {
	if err := p.cut(st); err != nil {
		p.close()
		return File{}, err
	}
	if err := p.w.Close(); err != nil {
		p.close()
		return File{}, err
	}
	return p.out.close()
}

// close closes the file, if it is open, without finishing it.
func (p *parquetTable) close() {
	if p != nil {
		p.out.abort()
	}
}

// ParquetWriter writes the Parquet files of a release alone, row for row
// as Writer writes them (parquet/<table>.parquet; no execution rows, which
// need a document's partner): for measuring the query page on releases
// too large to build here (TestQueryScale).
type ParquetWriter struct {
	fl     *flusher
	tables []*parquetTable
}

// NewParquetWriter starts the Parquet files in dir, the reference table
// (classification) written whole.
func NewParquetWriter(dir, version string) (*ParquetWriter, error) {
	w := &ParquetWriter{fl: newFlusher()}
	for i, sp := range specs {
		p, err := newParquet(w.fl, dir, "parquet/"+sp.name+".parquet", version, i, fieldsOf(sp.name, sp.row))
		if err != nil {
			w.abort()
			return nil, err
		}
		w.tables = append(w.tables, p)
		if sp.of == nil {
			p.write(cellsOfRows(ClassificationRows()), rowsSum{})
		}
	}
	return w, nil
}

// Add writes a document's rows (documents are added in the order of their
// ids, as Writer is given them).
func (w *ParquetWriter) Add(d *schema.Document) error {
	for i, sp := range specs {
		if startsSegment(d.ID) {
			if err := w.tables[i].cutAt(nil, d.ID); err != nil {
				w.abort()
				return err
			}
		}
		if sp.of == nil {
			continue
		}
		if cells := cellsOfRows(sp.of(d)); len(cells) > 0 {
			w.tables[i].write(cells, rowsSum{})
		}
	}
	return nil
}

// Close finishes every file.
func (w *ParquetWriter) Close() error {
	for _, p := range w.tables {
		if _, err := p.finish(nil); err != nil {
			w.abort()
			return err
		}
	}
	w.fl.close()
	return nil
}

func (w *ParquetWriter) abort() {
	for _, p := range w.tables {
		p.close()
	}
	w.fl.close()
}
