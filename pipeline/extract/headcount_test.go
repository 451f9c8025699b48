package extract

import (
	"testing"

	"budgetpub/schema"
)

// A head count and the counts of its kinds listed after it (其中, 包括) are
// kept as head_count claims: the whole and each part, a bare number after a
// label ending in 人数 too. A list ends at an item naming no kind or a
// status (在职, 退休); a list of one part, or parts by status, is none.
func TestHeadCounts(t *testing.T) {
	counts := func(text string) []float64 {
		var out []float64
		for _, cl := range extractLines(t, text).Claims {
			if cl.Kind == schema.ClaimHeadCount {
				out = append(out, cl.Value)
			}
		}
		return out
	}
	for name, c := range map[string]struct {
		text string
		want []float64
	}{
		"在职 with 包括": {"某乡2022年部门预算\n实有人数63人,在职人数61人,包括行政人员26人、全部补助事业人员33人、自收自支事业人员21人;退休人员15人。\n",
			[]float64{61, 26, 33, 21}},
		"编制 of bare numbers": {"某镇2022年部门预算\n编制人数42,其中:行政编制人数19、全部补助事业编制人数23、自收自支编制人数13人。\n",
			[]float64{42, 19, 23, 13}},
		"parts by status":   {"某校2016年部门决算\n各级单位在职人员50人,其中离休人员0人,退休人员17人。\n", nil},
		"a status first":    {"某镇2022年部门预算\n实有人数49,其中:在职人数49,行政在职人数19、自收自支在职人数13;退休人数13。\n", nil},
		"one kind":          {"某局2020年部门预算\n在职人员38人,其中:事业编制36人。\n", nil},
		"a part of a part":  {"某局2020年部门预算\n在职人员40人,其中:行政人员20人,事业人员20人,其中参公人员8人。\n", []float64{40, 20, 20}},
		"an aside":          {"某局2020年部门预算\n在职人员40人,其中:行政人员20人(含工勤3人),事业人员20人。\n", nil},
		"no whole of staff": {"某局2020年部门预算\n接待120人,其中:行政人员20人、事业人员30人。\n", nil},
	} {
		got := counts(c.text)
		if len(got) != len(c.want) {
			t.Errorf("%s: head counts %v, want %v", name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: head counts %v, want %v", name, got, c.want)
				break
			}
		}
	}
}
