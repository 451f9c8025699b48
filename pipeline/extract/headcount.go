package extract

import (
	"strconv"
	"strings"

	"budgetpub/schema"
)

// staffWholes name a head count a list of its kinds may follow: 编制人数,
// 在职人数, 实有人数, 在编人员, 现有职工.
var staffWholes = []string{"编制", "在职", "实有", "在编", "职工"}

// staffKinds name the kinds a head count breaks down into by 编制 or by
// funding (行政, 参公, 全额/差额/自收自支事业, 工勤): parts that do not
// overlap. A part named by its status (离休, 退休, 聘用 …) is no kind.
var (
	staffKinds  = []string{"行政", "参照公务员", "参公", "事业", "工勤", "自收自支", "全额", "差额", "全部补助", "部分补助"}
	staffStatus = []string{"离休", "退休", "退职", "遗属", "聘用", "临时", "编外", "学生", "在校", "外聘", "返聘"}
)

// headCounts reads a head count and the counts of its kinds the text lists
// right after it ("在职人数61人，包括行政人员26人、全部补助事业人员33人、自收自
// 支事业人员21人"; "编制人数42，其中：行政编制人数19、…、自收自支编制人数13人"):
// the whole on /text/<its line>/staff/<the list's number on its line>,
// each part with Of that path, as head_count claims (check rule
// sum.staff). The list ends at the first item that names no kind, names a
// status, or is a part of a part (其中, 含, an aside); two parts at least.
func (b *builder) headCounts() {
	st := b.st
	lists := map[int]int{} // the lists read on each line
	for _, w := range []string{"其中", "包括"} {
		for _, end := range b.find(w) {
			whole, ok := b.countBefore(end - len(w))
			if !ok {
				continue
			}
			parts := b.countKinds(end)
			if len(parts) < 2 {
				continue
			}
			line := st.source(st.toks[whole].start).Line
			path := "/text/" + strconv.Itoa(line) + "/staff/" + strconv.Itoa(lists[line])
			lists[line]++
			for i, k := range append([]int{whole}, parts...) {
				p, of := path+"/"+strconv.Itoa(i), path
				if i == 0 {
					p, of = path, ""
				}
				t := st.toks[k]
				src := st.source(t.start)
				b.doc.Claims = append(b.doc.Claims, schema.Claim{Path: p, Kind: schema.ClaimHeadCount, Value: float64(t.mant), Of: of,
					Unit: "人", Line: src.Line, Text: src.Text})
			}
		}
	}
}

// countBefore finds the head count that ends right before at (marks and
// spaces between), its label in its clause naming a whole of staff.
func (b *builder) countBefore(at int) (int, bool) {
	st := b.st
	before := strings.TrimRight(st.s[:at], " ,，:：")
	k := st.tokenAt(len(before)) - 1
	if k < 0 || st.toks[k].end != len(before) {
		return 0, false
	}
	label := st.s[st.clauseStart(st.toks[k].start):st.toks[k].start]
	if !containsAny(label, staffWholes) || containsAny(label, staffStatus) || !b.headCountToken(k, label) {
		return 0, false
	}
	return k, true
}

// countKinds reads the counts of kinds listed from pos, each "label N人"
// (or N after a label ending in 人数), separated by 、 or commas, up to the
// end of the clause's sentence or a semicolon.
func (b *builder) countKinds(pos int) []int {
	st := b.st
	end := st.clauseStop(pos)
	var parts []int
	from := pos
	for k := st.tokenAt(pos); k < len(st.toks) && st.toks[k].end <= end; k++ {
		t := st.toks[k]
		label := strings.Trim(st.s[from:t.start], " ,，、:：")
		// a part of a part ("其中参公人员8人", "(含工勤3人)") ends the list: the
		// parts listed must not hold one another
		if strings.ContainsAny(label, ",，、(（") || containsAny(label, []string{"其中", "含"}) || !containsAny(label, staffKinds) ||
			containsAny(label, staffStatus) || !b.headCountToken(k, label) {
			break
		}
		parts = append(parts, k)
		from = t.end
	}
	return parts
}

// headCountToken tells a token that is a number of people: N人 (or 名), or
// a bare N after a label ending in 人数 ("行政编制人数19").
func (b *builder) headCountToken(k int, label string) bool {
	t := b.st.toks[k]
	if t.scale != 0 {
		return false
	}
	if t.kind == numCount {
		return t.unit == "人" || t.unit == "名"
	}
	return t.kind == numPlain && t.unit == "" && strings.HasSuffix(strings.TrimRight(label, " 为:："), "人数")
}
