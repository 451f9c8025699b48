package emit

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// stream is one table being written in its text formats and Parquet.
type stream struct {
	spec   tableSpec
	fields []Field
	text   [2]*sink // csv, nd
	files  [3]File  // of outputs, once finished
	// the bundle's entries of the text files (csv, nd), in segments (see
	// segmentEvery)
	segs [2]*segEntry
	pq   *parquetTable
	rows int
}

type output struct{ path, format string }

func (s *stream) outputs() []output {
	n := s.spec.name
	return []output{{n + ".csv", "csv"}, {"json/" + n + ".ndjson", "ndjson"}, {"parquet/" + n + ".parquet", "parquet"}}
}

func newStream(fl *flusher, dir, version string, table int, sp tableSpec, info tableInfo) (*stream, error) {
	s := &stream{spec: sp, fields: info.fields}
	for i := range s.segs {
		s.segs[i] = &segEntry{}
	}
	head := make([]string, len(s.fields))
	for j, f := range s.fields {
		head[j] = f.Name
	}
	var err error
	outs := s.outputs()
	for i := range s.text {
		if s.text[i], err = fl.createSink(dir, outs[i].path); err != nil {
			s.close()
			return nil, err
		}
	}
	if s.pq, err = newParquet(fl, dir, outs[2].path, version, table, s.fields); err != nil {
		s.close()
		return nil, err
	}
	b, err := csvRecords([][]string{head}, nil)
	if err != nil {
		s.close()
		return nil, err
	}
	s.put(0, b)
	return s, nil
}

// put writes b to text file i (csv, nd) and its bundle entry.
func (s *stream) put(i int, b []byte) {
	s.text[i].Write(b)
	s.segs[i].write(b)
}

// putRows writes b, the bytes of rows whose sum is sum written in the way
// role says, to text file i and its bundle entry (where they are copied
// only when their segment is deflated: b must not change).
func (s *stream) putRows(i int, b []byte, role byte, sum rowsSum) {
	s.text[i].Write(b)
	s.segs[i].writeLater(func(p []byte) ([]byte, error) { return append(p, b...), nil }, role, sum, len(b))
}

// cut ends the segments under way of the text files' bundle entries.
func (s *stream) cut(st *segStore) error {
	for _, e := range s.segs {
		if err := e.cut(st); err != nil {
			return err
		}
	}
	return nil
}

// formulaStart are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, CSV injection).
const formulaStart = "=+-@\t\r"

// neutralize returns a free-text cell as the CSV files hold it: with a '
// before it when a spreadsheet would read it as a formula.
func neutralize(c string) string {
	if c != "" && strings.IndexByte(formulaStart, c[0]) >= 0 {
		return "'" + c
	}
	return c
}

// write appends one document's rows to every format of the table: its
// Text's bytes (csv, nd) to the CSV and the NDJSON file, its cells to
// Parquet.
func (s *stream) write(cells [][]string, csv, nd []byte, sum rowsSum) {
	s.pq.write(cells, sum)
	s.putRows(0, csv, rowsCSV, sum)
	s.putRows(1, nd, rowsNDJSON, sum)
	s.rows += bytes.Count(nd, []byte{'\n'})
}

// finish ends the files, and the segments of their bundle entries in st;
// files then holds each output's File.
func (s *stream) finish(st *segStore) error {
	if err := s.cut(st); err != nil {
		s.close()
		return err
	}
	for i, t := range s.text {
		f, err := t.close()
		if err != nil {
			s.close()
			return err
		}
		s.files[i] = f
	}
	f, err := s.pq.finish(st)
	if err != nil {
		s.close()
		return err
	}
	s.files[2] = f
	return nil
}

// close closes the files left open, without finishing them.
func (s *stream) close() {
	for _, t := range s.text {
		t.abort()
	}
	s.pq.close()
}

// cellsOfRows turns a slice of row structs into string cells; a
// fiscal_year of 0, a year the document does not tell, is an empty cell.
func cellsOfRows(rows any) [][]string {
	v := reflect.ValueOf(rows)
	if !v.IsValid() || v.Len() == 0 {
		return nil
	}
	out := make([][]string, v.Len())
	for i := range out {
		r := v.Index(i)
		row := make([]string, r.NumField())
		for j := range row {
			f := r.Field(j)
			if f.Kind() == reflect.Int && f.Int() == 0 && r.Type().Field(j).Tag.Get("csv") == "fiscal_year" {
				row[j] = ""
			} else if f.Kind() == reflect.Int {
				row[j] = strconv.FormatInt(f.Int(), 10)
			} else {
				row[j] = f.String()
			}
		}
		out[i] = row
	}
	return out
}

// typed converts a cell to its JSON value: a number for numeric columns,
// null when missing.
func typed(f Field, s string) any {
	if s == "" {
		return nil
	}
	switch f.Type {
	case "number", "integer":
		return json.Number(s)
	}
	return s
}

// appendRecord appends one row as a JSON object with the columns in order;
// keys are the columns' names as JSON strings, each with its colon.
func appendRecord(b []byte, fields []Field, keys [][]byte, row []string) []byte {
	b = append(b, '{')
	for j, c := range row {
		if j > 0 {
			b = append(b, ',')
		}
		b = appendValue(append(b, keys[j]...), fields[j], c)
	}
	return append(b, '}')
}

// appendValue appends a cell as a JSON value (typed), as json.Encoder
// without HTML escaping writes it. null, a valid number and a string with
// nothing to escape are their own bytes (quoted); anything else goes
// through the encoder, and a value it refuses takes the colon before it
// with it, as record's encoder did.
func appendValue(b []byte, f Field, s string) []byte {
	switch v := typed(f, s).(type) {
	case nil:
		return append(b, "null"...)
	case json.Number:
		if validNumber(s) {
			return append(b, s...)
		}
	case string:
		if PlainString(v) {
			b = append(b, '"')
			b = append(b, v...)
			return append(b, '"')
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(typed(f, s)) != nil {
		return b[:len(b)-1]
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// PlainString reports whether s is valid UTF-8 that a JSON string holds as
// it is: no quote, backslash, control character, U+2028 or U+2029.
func PlainString(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += n
	}
	return true
}

// validNumber reports whether s is a JSON number: -?(0|[1-9][0-9]*)
// (\.[0-9]+)?([eE][+-]?[0-9]+)?
func validNumber(s string) bool {
	digits := func(i int) int {
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		i = digits(i)
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		if j := digits(i + 1); j > i+1 {
			i = j
		} else {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// zipEpoch is the fixed time of every bundle entry, so the zip's bytes
// depend on its content only.
var zipEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// zipEpochDate is zipEpoch as MS-DOS writes a date (days since 1980, in
// the zip headers of the entries written raw: 2000-01-01, 00:00).
const zipEpochDate = (2000-1980)<<9 | 1<<5 | 1

// bundleCompressor is how the bundle deflates a file: most of it is text
// that compresses well at the fastest level; the default level costs
// three times the time for a few percent.
func bundleCompressor(w io.Writer) (io.WriteCloser, error) {
	return flate.NewWriter(w, bundleLevel)
}

// bundleLevel is the deflate level of the bundle's and the workbook's
// entries.
const bundleLevel = flate.BestSpeed

// reusedDeflate is a zip compressor at the fastest level that resets one
// writer for each entry (a zip writer compresses one entry at a time),
// rather than allocating a new one, about 400 KB, for each of a bundle's
// thousands of entries: the same bytes (Reset makes it what NewWriter
// makes).
func reusedDeflate() zip.Compressor {
	var fw *flate.Writer
	return func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(w, bundleLevel)
			return fw, err
		}
		fw.Reset(w)
		return fw, nil
	}
}

// bundle zips files (relative to dir) in name order into dir/name,
// streaming each file from disk — or, for a file in earlier (an earlier
// bundle's entries of the same files), copying that entry's compressed
// bytes: the same file deflated by the same code, byte for byte. A file
// in segmented (a text table) is written as its segments in st, its size
// and CRC-32 in the entry's header.
func bundle(fl *flusher, dir, name string, names []string, readme []byte, earlier map[string]*zip.File, st *segStore, segmented map[string]*segEntry) (File, error) {
	out, err := fl.createSink(dir, name)
	if err != nil {
		return File{}, err
	}
	if err := zipFiles(out, dir, names, readme, earlier, st, segmented); err != nil {
		out.abort()
		return File{}, err
	}
	return out.close()
}

// copyEntry copies the entry e of another zip into zw as zip.Writer.Copy
// does, its compressed bytes through buf.
func copyEntry(zw *zip.Writer, e *zip.File, buf []byte) error {
	r, err := e.OpenRaw()
	if err != nil {
		return err
	}
	fh := e.FileHeader
	w, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.CopyBuffer(w, r, buf)
	return err
}

// zipFiles writes the bundle's entries to out (see bundle).
func zipFiles(out io.Writer, dir string, names []string, readme []byte, earlier map[string]*zip.File, st *segStore, segmented map[string]*segEntry) error {
	sort.Strings(names)
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, reusedDeflate())
	add := func(name string, r io.Reader) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "budgetpub/" + name, Method: zip.Deflate, Modified: zipEpoch})
		if err != nil {
			return err
		}
		_, err = io.Copy(w, r)
		return err
	}
	if err := add("README.txt", bytes.NewReader(readme)); err != nil {
		return err
	}
	var copyBuf []byte // an earlier entry's bytes pass through it (zip.Writer.Copy took 32 KB an entry)
	for _, n := range names {
		if e := earlier[n]; e != nil {
			if copyBuf == nil {
				copyBuf = make([]byte, 32<<10)
			}
			if err := copyEntry(zw, e, copyBuf); err != nil {
				return err
			}
			continue
		}
		if e := segmented[n]; e != nil {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: "budgetpub/" + n, Method: zip.Deflate, CreatorVersion: 20, ReaderVersion: 20,
				ModifiedDate: zipEpochDate, CRC32: e.crc, CompressedSize64: uint64(st.compressedSize(e)), UncompressedSize64: uint64(e.size)})
			if err == nil {
				err = st.writeTo(w, e)
			}
			if err != nil {
				return err
			}
			continue
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			return err
		}
		err = add(n, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}
