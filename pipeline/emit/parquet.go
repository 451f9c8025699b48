package emit

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"

	"github.com/parquet-go/parquet-go"

	"budgetpub/schema"
)

// isMoney says whether a column holds yuan, as its Table Schema says (a
// number described in yuan): in Parquet it is DECIMAL(18,2) held as
// integer fen, exact, never a float.
func isMoney(f Field) bool {
	return f.Type == "number" && strings.Contains(f.Description, "yuan")
}

// parquetRowGroup bounds the rows parquet-go holds before it writes them:
// a row group is built in memory. parquetPage is the size of a page before
// compression: pages this small, with the page index parquet-go writes,
// let a reader fetch only the pages whose statistics can hold what it
// looks for (the query page: one disclosure's figures out of 10,000
// disclosures' in some 100 KB instead of 1.3 MB).
const (
	parquetRowGroup = 100000
	parquetPage     = 32 << 10
)

// column kinds of a Parquet table
const (
	pqString = iota
	pqInteger
	pqMoney
	pqDouble
)

// orderedGroup is a parquet.Group whose columns keep the CSV's order
// (parquet.Group sorts them by name).
type orderedGroup struct {
	parquet.Group
	order []string
}

func (g orderedGroup) Fields() []parquet.Field {
	byName := map[string]parquet.Field{}
	for _, f := range g.Group.Fields() {
		byName[f.Name()] = f
	}
	out := make([]parquet.Field, len(g.order))
	for i, n := range g.order {
		out[i] = byName[n]
	}
	return out
}

// parquetSchema types a table's columns as its Table Schema says: strings
// (codes included) as UTF-8, integers as INT64, money as DECIMAL(18,2),
// other numbers as DOUBLE; a column is optional (an empty cell is null)
// unless the Table Schema requires it.
func parquetSchema(name string, fields []Field) (*parquet.Schema, []int) {
	g := orderedGroup{Group: parquet.Group{}}
	kinds := make([]int, len(fields))
	for i, f := range fields {
		var node parquet.Node
		switch {
		case f.Type == "integer":
			node, kinds[i] = parquet.Int(64), pqInteger
		case isMoney(f):
			node, kinds[i] = parquet.Decimal(2, 18, parquet.Int64Type), pqMoney
		case f.Type == "number":
			node, kinds[i] = parquet.Leaf(parquet.DoubleType), pqDouble
		default:
			node, kinds[i] = parquet.String(), pqString
		}
		if req, _ := f.Constraints["required"].(bool); !req {
			node = parquet.Optional(node)
		}
		g.Group[f.Name] = node
		g.order = append(g.order, f.Name)
	}
	return parquet.NewSchema(name, g), kinds
}

// parquetTable is one table being written as Snappy-compressed Parquet.
type parquetTable struct {
	path     string
	out      *sink
	w        *parquet.Writer
	kinds    []int
	required []bool
	rows     []parquet.Row
	values   []parquet.Value // the rows' values, one array for a write
}

func newParquet(fl *flusher, dir, rel, version string, fields []Field) (*parquetTable, error) {
	out, err := fl.createSink(dir, rel)
	if err != nil {
		return nil, err
	}
	sch, kinds := parquetSchema(strings.TrimSuffix(filepath.Base(rel), ".parquet"), fields)
	p := &parquetTable{path: rel, out: out, kinds: kinds}
	for _, fl := range fields {
		req, _ := fl.Constraints["required"].(bool)
		p.required = append(p.required, req)
	}
	p.w = parquet.NewWriter(out, sch, parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("budgetpub", version, ""), parquet.MaxRowsPerRowGroup(parquetRowGroup),
		parquet.PageBufferSize(parquetPage))
	return p, nil
}

// write appends rows of cells, typed; a cell its column cannot hold (a
// money cell with more than two decimals) is an error, not a rounding.
// The rows and their values are made in arrays kept from one write to the
// next, and a text's value is the cell's bytes, not a copy of them: the
// writer copies every value into its columns as it takes a row, and none
// is written through.
func (p *parquetTable) write(cells [][]string) error {
	p.rows = p.rows[:0]
	n := 0
	for _, row := range cells {
		n += len(row)
	}
	if cap(p.values) < n {
		p.values = make([]parquet.Value, n)
	}
	values := p.values[:n]
	for _, row := range cells {
		r := parquet.Row(values[:len(row):len(row)])
		values = values[len(row):]
		for j, c := range row {
			def := 1
			if p.required[j] {
				def = 0
			}
			if c == "" {
				if p.required[j] {
					return fmt.Errorf("%s: column %d is required, the cell is empty", p.path, j+1)
				}
				r[j] = parquet.NullValue().Level(0, 0, j)
				continue
			}
			var v parquet.Value
			switch p.kinds[j] {
			case pqInteger:
				n, err := strconv.ParseInt(c, 10, 64)
				if err != nil {
					return fmt.Errorf("%s: %w", p.path, err)
				}
				v = parquet.Int64Value(n)
			case pqMoney:
				var m schema.Money
				if err := m.UnmarshalJSON(cellBytes(c)); err != nil {
					return fmt.Errorf("%s: %w", p.path, err)
				}
				v = parquet.Int64Value(int64(m))
			case pqDouble:
				x, err := strconv.ParseFloat(c, 64)
				if err != nil {
					return fmt.Errorf("%s: %w", p.path, err)
				}
				v = parquet.DoubleValue(x)
			default:
				v = parquet.ByteArrayValue(cellBytes(c))
			}
			r[j] = v.Level(0, def, j)
		}
		p.rows = append(p.rows, r)
	}
	_, err := p.w.WriteRows(p.rows)
	return err
}

// cellBytes are the bytes of the cell c, to be read only.
func cellBytes(c string) []byte { return unsafe.Slice(unsafe.StringData(c), len(c)) }

// finish writes the footer and closes the file: its File.
func (p *parquetTable) finish() (File, error) {
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
	for _, sp := range specs {
		p, err := newParquet(w.fl, dir, "parquet/"+sp.name+".parquet", version, fieldsOf(sp.name, sp.row))
		if err != nil {
			w.abort()
			return nil, err
		}
		w.tables = append(w.tables, p)
		if sp.of == nil {
			if err := p.write(cellsOfRows(ClassificationRows())); err != nil {
				w.abort()
				return nil, err
			}
		}
	}
	return w, nil
}

// Add writes a document's rows (documents are added in the order of their
// ids, as Writer is given them).
func (w *ParquetWriter) Add(d *schema.Document) error {
	for i, sp := range specs {
		if sp.of == nil {
			continue
		}
		if cells := cellsOfRows(sp.of(d)); len(cells) > 0 {
			if err := w.tables[i].write(cells); err != nil {
				w.abort()
				return err
			}
		}
	}
	return nil
}

// Close finishes every file.
func (w *ParquetWriter) Close() error {
	for _, p := range w.tables {
		if _, err := p.finish(); err != nil {
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
