package sqlfile

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomRecord is a record of one to three values: NULL, integers (0 and
// 1 among them, which take no bytes, and both signs), texts and blobs
// that are the start of one another or hold 0 bytes; reals when reals.
func randomRecord(r *rand.Rand, reals bool) []byte {
	texts := []string{"", "a", "ab", "ab\x00", "ab\x00c", "a\x00", "a\x01", "b", "\xff", "2010101", "20101"}
	var rec Record
	for range 1 + r.IntN(3) {
		switch k := r.IntN(6); {
		case k == 0:
			rec.Null()
		case k == 1:
			rec.Int([]int64{0, 1, -1, 2, 255, -256, 1 << 40, -1 << 62}[r.IntN(8)])
		case k == 2:
			rec.Int(r.Int64N(1<<20) - 1<<19)
		case k == 3:
			rec.Text(texts[r.IntN(len(texts))])
		case k == 4:
			rec.Blob([]byte(texts[r.IntN(len(texts))]))
		case reals:
			rec.Real([]float64{-1.5, 0.5, 2, 1e300}[r.IntN(4)])
		default:
			rec.Text(texts[r.IntN(len(texts))])
		}
	}
	return rec.AppendTo(nil)
}

// TestSortKeysOrderAsRecords: two records' sort keys compare as the
// records do (compareRecords), for every pair of many records of NULLs,
// integers, texts and blobs; a record holding a real has none.
func TestSortKeysOrderAsRecords(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var recs, keys [][]byte
	for range 400 {
		rec := randomRecord(r, false)
		k, _, ok := sortKey(nil, rec)
		if !ok {
			t.Fatalf("no sort key for %x", rec)
		}
		recs, keys = append(recs, rec), append(keys, k)
	}
	for i := range recs {
		for j := range recs {
			if got, want := bytes.Compare(keys[i], keys[j]), compareRecords(recs[i], recs[j], -1); got != want {
				t.Fatalf("records %x and %x compare %d, their keys %d", recs[i], recs[j], want, got)
			}
		}
	}
	var rec Record
	rec.Text("a")
	rec.Real(1.5)
	if _, _, ok := sortKey(nil, rec.AppendTo(nil)); ok {
		t.Error("a sort key for a record holding a real")
	}
}

// TestIndexSorted: an index's entries are sorted as compareRecords orders
// them, reals among them or not.
func TestIndexSorted(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, reals := range []bool{false, true} {
		x := NewIndex(1, false)
		for range 2000 {
			x.Add(randomRecord(r, reals))
		}
		checkSorted(t, x)
	}
}

// TestIndexSortedInRuns: entries that come in runs of one first value,
// each run in any order, are sorted as compareRecords orders them, whether
// the runs come in order or not (a run's value again after another's, a
// value before a smaller one, values that start others, one entry a run).
func TestIndexSortedInRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, firsts := range [][]string{
		{"a", "b", "c", "d"},
		{"a", "ab", "ab\x00", "b"},
		{"a", "b", "a"},
		{"b", "a", "c"},
		{"a", "a\x00", "a"},
		{"x"},
	} {
		for _, size := range []int{1, 7} {
			x := NewIndex(2, true)
			rowid := int64(0)
			for _, first := range firsts {
				for range 1 + r.IntN(size) {
					var rec Record
					rec.Text(first)
					rec.Text(string(rune('a' + r.IntN(26))))
					rowid++
					rec.Int(rowid)
					x.Add(rec.AppendTo(nil))
				}
			}
			checkSorted(t, x)
		}
	}
}

// checkSorted: x's entries, as sorted says, are in compareRecords's order.
func checkSorted(t *testing.T, x *Index) {
	t.Helper()
	got := x.sorted(len(x.ends))
	want := make([]int32, len(got))
	for i := range want {
		want[i] = int32(i)
	}
	slices.SortStableFunc(want, func(a, b int32) int { return compareRecords(x.entry(int(a)), x.entry(int(b)), -1) })
	for i := range got {
		if !bytes.Equal(x.entry(int(got[i])), x.entry(int(want[i]))) {
			t.Fatalf("entry %d is %x, not %x", i, x.entry(int(got[i])), x.entry(int(want[i])))
		}
	}
}

// BenchmarkIndexFill fills an index to 7 MB of entries, short of where it
// spills: what its arena's growth costs (growArena).
func BenchmarkIndexFill(b *testing.B) {
	var r Record
	recs := make([][]byte, 4096)
	for i := range recs {
		r.Reset()
		r.Int(int64(i / 50))
		r.Text("某某单位住房公积金支出项目名称")
		r.Int(int64(i))
		recs[i] = r.AppendTo(nil)
	}
	b.ReportAllocs()
	for b.Loop() {
		x := NewIndex(2, false)
		for j := range 7 << 20 / len(recs[0]) {
			x.Add(recs[j%len(recs)])
		}
	}
}
