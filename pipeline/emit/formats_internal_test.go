package emit

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/klauspost/compress/flate"
)

// encoderRecord is a row as json.Encoder writes it without HTML escaping,
// value by value: what appendRecord must write.
func encoderRecord(fields []Field, row []string) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for j, c := range row {
		if j > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(fields[j].Name)
		b.Write(k)
		b.WriteByte(':')
		enc.Encode(typed(fields[j], c))
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// The NDJSON and JSON records are the encoder's bytes for every kind of
// cell: strings with quotes, backslashes, control characters, invalid
// UTF-8, U+2028 and <>&, numbers valid and not; every table has its keys.
func TestAppendRecordAsEncoder(t *testing.T) {
	fields := []Field{{Name: "s", Type: "string"}, {Name: "n", Type: "number"}, {Name: "i", Type: "integer"}, {Name: "<&>", Type: "string"}}
	keys := make([][]byte, len(fields))
	for j, f := range fields {
		k, _ := json.Marshal(f.Name)
		keys[j] = append(k, ':')
	}
	cells := []string{"", "0", "-0", "12", "012", "1.", "1.5", "-3.25e+7", "1E5", "1e", "-", "+1", ".5", "1.2.3", "NaN", "0x10", " 1",
		"预算", "a\"b", `a\b`, "a\nb", "\t", "\x00", "\x7f", "\xff", "a\xe4\xb8", "\u2028", "\u2029", "<a&b>", "💰", "é"}
	r := rand.New(rand.NewPCG(19, 17))
	for range 20000 {
		row := make([]string, len(fields))
		for j := range row {
			row[j] = cells[r.IntN(len(cells))]
			if r.IntN(4) == 0 {
				row[j] += cells[r.IntN(len(cells))]
			}
		}
		want := encoderRecord(fields, row)
		if got := appendRecord(nil, fields, keys, row); !bytes.Equal(got, want) {
			t.Fatalf("row %q: got %s, want %s", row, got, want)
		}
	}
	for i, info := range tableInfos() {
		if len(info.keys) != len(info.fields) {
			t.Fatalf("table %s: %d keys for %d fields", specs[i].name, len(info.keys), len(info.fields))
		}
	}
}

// zipped zips the entries with the compressor c, and reports the bytes
// allocated.
func zipped(t *testing.T, c zip.Compressor, entries []string) ([]byte, uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, c)
	for i, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Deflate, Modified: zipEpoch})
		if err == nil {
			_, err = io.WriteString(w, e)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return b.Bytes(), after.TotalAlloc - before.TotalAlloc
}

// The bundle's compressor resets one writer for every entry: the bytes a
// new writer for each gives, without its allocation per entry.
func TestReusedDeflate(t *testing.T) {
	var entries []string
	for i := range 200 {
		entries = append(entries, strings.Repeat(fmt.Sprintf(`{"id":"doc-%d","amount":%d.5},`, i, i*i), i%40))
	}
	fresh, freshAlloc := zipped(t, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) }, entries)
	reused, reusedAlloc := zipped(t, reusedDeflate(), entries)
	if !bytes.Equal(fresh, reused) {
		t.Fatal("the zip differs with the writer reused")
	}
	if perEntry := reusedAlloc / uint64(len(entries)); perEntry > 32<<10 {
		t.Errorf("%d bytes allocated per entry with the writer reused (%d with a new one each)", perEntry, freshAlloc/uint64(len(entries)))
	}
}
