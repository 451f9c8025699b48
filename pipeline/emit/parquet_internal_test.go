package emit

import (
	"strconv"
	"testing"
)

// TestParquetWriteAllocatesNoValues: rows written to Parquet are typed
// into arrays kept from one write to the next, a text's value the cell's
// own bytes: writing a document's rows allocates no row and no copy of a
// cell (a row and its texts were each a new allocation), and the file
// still reads back as the rows (TestParquetReadsBack with Node).
func TestParquetWriteAllocatesNoValues(t *testing.T) {
	i := 1 // line_items: texts, codes, money
	if specs[i].name != "line_items" {
		t.Fatalf("specs[1] is %s", specs[i].name)
	}
	fields := tableInfos()[i].fields
	fl := newFlusher()
	defer fl.close()
	p, err := newParquet(fl, t.TempDir(), "t.parquet", "test", fields)
	if err != nil {
		t.Fatal(err)
	}
	defer p.close()
	cells := make([][]string, 50)
	for r := range cells {
		row := make([]string, len(fields))
		for j, f := range fields {
			switch {
			case isMoney(f):
				row[j] = strconv.Itoa(r) + ".25"
			case f.Type == "integer" || f.Type == "number":
				row[j] = strconv.Itoa(r)
			default:
				row[j] = "text " + strconv.Itoa(r*j)
			}
		}
		cells[r] = row
	}
	if err := p.write(cells); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(20, func() {
		if err := p.write(cells); err != nil {
			t.Fatal(err)
		}
	})
	if allocs >= float64(len(cells)) {
		t.Errorf("writing %d rows allocated %.0f times", len(cells), allocs)
	}
}
