package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"budgetpub/schema"
)

// The items family: a narrative budget or final account (doc.go's
// templates) that states no 类 amount but lists the 项 of its
// appropriations one by one under their whole, as Fujian's pages do:
//
//	一般公共预算财政拨款支出3,222.64万元，具体情况如下：（一）〔2011501〕行政运行中人员经费2494.47万元，较2018年决算数增加572.78万元，增长29.81%。主要原因是…
//
// Codes are printed in one bracket style a list (〔〕, [], （）, 【】, bare
// before the name, or after it as （项级科目…）), a 项 whose name the
// reference gives one 类 alone may be printed without its code (under
// 按项级科目分类统计), a 行政运行 of a final account may be printed twice, its
// 人员经费 and its 公用经费, and the items, in 元 behind their 万元, add up
// to the whole within their rounding. Every other document is a web page's
// one-line body.

// ListedItem is a 项 of a list (the items family), as extraction must give
// it: under its 类 (Class), whose amount the document does not state, with
// its code where printed, its name, its amount and the change it states
// against the year before (fen, signed; nil where none: the checks' claim)
// — or, a 项 printed twice, no amount, and its parts.
type ListedItem struct {
	Class  string       `json:"class"`
	Code   string       `json:"code,omitempty"`
	Name   string       `json:"name"`
	Amount int64        `json:"amount,omitempty"`
	Change *int64       `json:"change,omitempty"`
	Parts  []ListedItem `json:"parts,omitempty"`
}

// codeStyles print a code before a 项's name (%s the code), or after it
// (the last).
var codeStyles = []string{"〔%s〕", "[%s]", "（%s）", "【%s】", "%s", "（项级科目%s）"}

// listed is a 项 as the list prints it.
type listed struct {
	code, kuan, name string
	coded            bool
	amt, prior       schema.Money // prior 0: no change stated
}

// listItems draws the 项 of each class of d.fn and writes them into the
// truth, in place of the classes' amounts.
func (d *doc) listItems(r *rand.Rand) []listed {
	var out []listed
	d.truth.ByFunction = map[string]int64{}
	for _, c := range d.fn {
		cands := itemsOf(c.code)
		k := min(len(cands), 1+r.IntN(3), int(c.amt/100000)) // 0.1 万元 or more an item
		k = max(k, 1)
		picked := r.Perm(len(cands))[:k]
		slices.Sort(picked)
		parts := split(r, c.amt, k, 10000)
		for j := 0; j < k-1; j++ { // amounts in 元, the text's 万元 rounded
			if m := schema.Money((r.Int64N(99) - 49) * 100); parts[k-1]-m >= 10000 {
				parts[j] += m
				parts[k-1] -= m
			}
		}
		for j, p := range picked {
			it := cands[p]
			l := listed{code: it.Code, name: it.Name, amt: round(parts[j]), coded: !unique(it) || r.IntN(3) > 0}
			if l.coded && r.IntN(3) == 0 {
				if kuan, ok := schema.LookupCode(schema.SchemeFunctional, it.Code[:5]); ok && plainName(kuan.Name) {
					l.kuan = kuan.Name
				}
			}
			if r.IntN(4) > 0 {
				l.prior = max(10000, l.amt*schema.Money(60+r.IntN(80))/100/10000*10000)
			}
			out = append(out, l)
			li := ListedItem{Class: c.code, Name: it.Name, Amount: int64(l.amt)}
			if l.coded {
				li.Code = it.Code
			}
			if l.prior > 0 && l.prior != l.amt {
				li.Change = new(int64(l.amt - l.prior))
			}
			d.truth.ListedItems = append(d.truth.ListedItems, li)
		}
	}
	return out
}

// itemsOf are the 项 of a 类 the list may print: those of the reference
// whose names read as names, else the 类's 其他…支出 (xx9999), a 项 of every 类.
func itemsOf(class string) []schema.Class {
	var out []schema.Class
	for _, c := range schema.Classes() {
		if c.Scheme == schema.SchemeFunctional && c.Level == "项" && strings.HasPrefix(c.Code, class) && plainName(c.Name) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = append(out, schema.Class{Scheme: schema.SchemeFunctional, Level: "项", Code: class + "9999", Name: "其他" + className(class)})
	}
	return out
}

// plainName tells a name a list prints as it is: no digits, stops,
// brackets or dashes, and none of the words that tell another figure of a
// 项 (预算数, 上年, 增加, …).
func plainName(n string) bool {
	if strings.ContainsAny(n, "0123456789，。；;:：（）()-—–、") {
		return false
	}
	for _, w := range []string{"预算", "决算", "执行数", "上年", "增加", "减少", "增长", "下降", "科目"} {
		if strings.Contains(n, w) {
			return false
		}
	}
	return !strings.HasSuffix(n, "为") && !strings.HasSuffix(n, "了")
}

// unique tells a 项 of the reference whose name it gives one 类 alone, and not
// one of the 项 the classification numbers alike under most 款 (01 行政运行,
// 02 一般行政管理事务, 03 机关服务, 50 事业运行): printed without its code, the
// name tells its 类.
func unique(it schema.Class) bool {
	if _, known := schema.LookupCode(schema.SchemeFunctional, it.Code); !known || slices.Contains([]string{"01", "02", "03", "50"}, it.Code[5:]) {
		return false
	}
	n := schema.NormalizeName(it.Name)
	for _, c := range schema.Classes() {
		if c.Scheme != schema.SchemeFunctional || c.Level != "项" || c.Code[:3] == it.Code[:3] {
			continue
		}
		for _, o := range append([]string{c.Name}, c.FormerNames...) {
			if o = schema.NormalizeName(o); o == n || o+"支出" == n || o == n+"支出" {
				return false
			}
		}
	}
	return true
}

// itemList writes the list of 项 that the template prints after its
// whole's words (d.list), and its truth.
func (d *doc) itemList(r *rand.Rand) string {
	var b strings.Builder
	items := d.listItems(r)
	style := codeStyles[r.IntN(len(codeStyles))]
	uncoded := slices.ContainsFunc(items, func(l listed) bool { return !l.coded })
	head := "具体情况如下："
	if uncoded || r.IntN(2) == 0 {
		head = "具体情况如下(按项级科目分类统计)："
	}
	enums := []func(int) string{
		func(i int) string { return "（" + numerals[i-1] + "）" },
		func(i int) string { return fmt.Sprintf("(%d)", i) },
		func(i int) string { return fmt.Sprintf("%d、", i) },
	}
	enum := enums[r.IntN(len(enums))]
	fmt.Fprintf(&b, "%s万元，%s", wanText(r, d.total), head)
	n := 0
	for k, l := range items {
		parts := []listed{l}
		if l.coded && l.name == "行政运行" && d.family == "final" && l.amt >= 20000 && r.IntN(2) == 0 {
			// printed twice: its 人员经费 and its 公用经费
			p := split(r, l.amt, 2, 10000)
			parts = []listed{{name: "行政运行中人员经费", amt: p[0]}, {name: "行政运行中公用经费", amt: p[1]}}
			t := &d.truth.ListedItems[k]
			t.Amount, t.Change = 0, nil
			for _, q := range parts {
				t.Parts = append(t.Parts, ListedItem{Class: t.Class, Name: strings.TrimPrefix(q.name, "行政运行中"), Amount: int64(q.amt)})
			}
		}
		for _, q := range parts {
			n++
			name := l.name
			if len(parts) > 1 {
				name = q.name
			} else if l.kuan != "" {
				name = l.kuan + []string{"——", "—", "-"}[r.IntN(3)] + name
			}
			b.WriteString(enum(n))
			switch {
			case !l.coded:
				b.WriteString(name)
			case strings.HasPrefix(style, "（项级"):
				b.WriteString(name + fmt.Sprintf(style, l.code))
			default:
				b.WriteString(fmt.Sprintf(style, l.code) + name)
			}
			b.WriteString(wanText(r, q.amt) + "万元")
			if len(parts) == 1 && l.prior > 0 {
				verb, amt, pv, pct := change(l.prior, l.amt)
				switch {
				case verb == "持平":
				case d.family == "final":
					fmt.Fprintf(&b, "，较%d年决算数%s%s万元，%s%s%%", d.year-1, verb, amt, pv, pct)
				default:
					fmt.Fprintf(&b, "，比上年%s%s万元，%s%s%%", verb, amt, pv, pct)
				}
			}
			if d.family == "final" {
				b.WriteString("。主要原因是业务工作需要。")
			} else {
				b.WriteString([]string{"。主要用于保障机关正常运转。", "。"}[r.IntN(2)])
			}
		}
	}
	return b.String()
}

// wanText writes fen as 万元 as the lists print it: two decimals, or fewer
// where the last are zeros (3万元, 4.8万元), thousands apart by commas or not.
func wanText(r *rand.Rand, m schema.Money) string {
	s := w(m)
	if r.IntN(4) == 0 {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	if whole := int64(m) / 1000000; whole >= 1000 && r.IntN(2) == 0 {
		s = y(schema.Money(whole*100)) + strings.TrimPrefix(s, fmt.Sprint(whole))
	}
	return s
}
