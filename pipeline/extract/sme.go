package extract

import (
	"strings"

	"budgetpub/schema"
)

// smeParts are the procurement's small and medium enterprise figures and
// the labels that open them: "面向中小企业预留政府采购项目预算金额664.98万元，
// 其中，预留给小型和微型企业的政府采购项目预算为465.49万元" (budgets),
// "授予中小企业合同金额X万元，占政府采购支出总额的Y%，其中：授予小微企业合同
// 金额Z万元，占授予中小企业合同金额的W%" (final accounts).
var smeParts = []struct {
	field  string
	labels []string
	of     string // the whole a share stated after the amount is of, unless its words name another ("": only where they do)
}{
	{"/sme_reserved", []string{"面向中小企业预留", "为中小企业预留", "预留给中小企业", "预留中小企业"}, ""},
	{"/small_micro_reserved", []string{"面向小微企业预留", "预留给小型和微型企业", "预留给小微企业", "为小微企业预留", "预留小微企业"}, ""},
	// the words between vary: 授予中小企业(的)(采购)合同(总)金额
	{"/sme_awarded", []string{"授予中小企业"}, "/procurement/amount"},
	{"/small_micro_awarded", []string{"授予小微企业"}, "/procurement/sme_awarded"},
}

// smeGap is how far an amount may follow its label ("政府采购项目预算金额"
// between them), within one clause.
const smeGap = 16

// sme reads the procurement's small and medium enterprise figures: the
// first amount after a label in the same clause (no punctuation and no
// other number between), and a share stated right after it ("，占政府采购
// 支出总额的81.2%"). A second statement of a figure with another amount is
// a claim.
func (b *builder) sme(pr *schema.Procurement) {
	st := b.st
	dst := map[string]**schema.Money{"/sme_reserved": &pr.SMEReserved, "/small_micro_reserved": &pr.SmallMicroReserved,
		"/sme_awarded": &pr.SMEAwarded, "/small_micro_awarded": &pr.SmallMicroAwarded}
	for _, part := range smeParts {
		path := "/procurement" + part.field
		for _, l := range part.labels {
			for _, end := range b.find(l) {
				ti := st.tokenAt(end)
				if ti >= len(st.toks) || st.toks[ti].kind != numMoney || st.runesBetween(end, st.toks[ti].start) > smeGap ||
					strings.ContainsAny(st.s[end:st.toks[ti].start], "，。；：,;:") {
					continue
				}
				switch d := dst[part.field]; {
				case *d == nil:
					*d = b.take(path, ti)
				case st.toks[ti].money() != **d:
					b.claim(path, schema.ClaimAmount, ti, st.toks[ti].money().Float(), "")
					continue
				}
				b.smeShare(path, part.of, ti)
			}
		}
	}
}

// smeShare records "，占政府采购支出总额的81.2%" after token ti: a share of
// the whole, the percentage within one clause after 占. The whole is of
// unless the words name another: the small and micro enterprises' share
// may be of the procurement ("占政府采购支出总额的57.9%") or of the
// contracts awarded to all (占授予中小企业合同金额的).
func (b *builder) smeShare(path, of string, ti int) {
	st := b.st
	rest := strings.TrimPrefix(strings.TrimPrefix(st.s[st.toks[ti].end:], "，"), ",")
	if !strings.HasPrefix(rest, "占") || ti+1 >= len(st.toks) {
		return
	}
	k := ti + 1
	p := len(st.s) - len(rest) + len("占")
	switch whole := st.s[p:]; { // a reserve's share is read only where the whole is named
	case strings.HasPrefix(whole, "政府采购") || strings.HasPrefix(whole, "本部门政府采购") || strings.HasPrefix(whole, "全部政府采购"):
		of = "/procurement/amount"
	case strings.HasPrefix(whole, "授予中小企业") || strings.HasPrefix(whole, "中小企业"):
		of = "/procurement/sme_awarded"
	}
	if of == "" {
		return
	}
	if t := st.toks[k]; t.kind == numPct && t.start >= p && st.runesBetween(p, t.start) <= smeGap && !strings.ContainsAny(st.s[p:t.start], "，。；：,;:") {
		b.claim(path, schema.ClaimSharePct, k, t.float(), of)
	}
}
