// Package gen writes realistic, coherent disclosures with their ground
// truth, for property tests and benchmarks at any scale. The families are
// in the phrasing of real documents: a narrative budget (Hubei, like the
// seed), a Shanghai-style budget whose tables are in 元 (pdftotext -layout
// rows), a narrative final account (决算), either saved as a web page, and
// the standard table sets (std.go, jiangsu.go) printed with the
// perturbations of real extractors. Figures are random but add up:
// classes to totals, items to classes, parts to 三公.
// An injected inconsistency is recorded with the rule that must find it.
// Output depends on the seed only.
package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"budgetpub/schema"
)

// Families of generated disclosures. "web" is a narrative budget or final
// account saved from a web page: a crawler's header, then the body on one
// line (as the Fujian pages arrive). "final9", "budget25", "jiangsu12" and
// "early" and "unit" are the standard table sets (std.go, jiangsu.go,
// early.go, unit.go), printed with the perturbations of real extractors —
// among them a web page whose tables are flattened into its one-line body
// (the pert's Web). "items" is a narrative budget or final account that
// lists its appropriations' 项 under their whole and states no 类 amount
// (items.go), every other one a web page.
var Families = []string{"narrative", "tables", "final", "web", "final9", "budget25", "jiangsu12", "early", "unit", "items"}

// Standard reports whether a family's figures are in standard tables
// printed with perturbations: extraction may leave a figure out (with a
// warning), never state it wrong.
func Standard(family string) bool {
	return family == "final9" || family == "budget25" || family == "jiangsu12" || family == "early" || family == "unit"
}

// Options of a generation.
type Options struct {
	N      int     // documents per family
	Out    string  // folder to write to
	Seed   uint64  // same seed, same files
	Inject float64 // share of documents that get one inconsistency (0–1)
	PDF    bool    // also print each document as <name>.pdf (needs chromium)
	// Only, when set, restricts the documents written to these families
	// (the others are still drawn, so that a document is the same either
	// way); the Optional families are written only where it names them
	Only []string
}

// Injected is an inconsistency written into a document on purpose.
type Injected struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	What     string `json:"what"`
}

// Truth is what a generated document states, in yuan.
type Truth struct {
	File           string           `json:"file"`
	Family         string           `json:"family"`
	Kind           string           `json:"kind"`
	FiscalYear     int              `json:"fiscal_year"`
	Department     string           `json:"department"`
	Revenue        schema.Money     `json:"revenue"`
	Expenditure    schema.Money     `json:"expenditure"`
	Basic          schema.Money     `json:"basic"`
	Project        schema.Money     `json:"project"`
	BasicPrior     *schema.Money    `json:"basic_prior,omitempty"`
	ProjectPrior   *schema.Money    `json:"project_prior,omitempty"`
	ByFunction     map[string]int64 `json:"by_function"` // code → fen
	ByEconomic     map[string]int64 `json:"by_economic"`
	ByItem         map[string]int64 `json:"by_item,omitempty"` // 项 code → fen (the standard families)
	ThreePublic    schema.Money     `json:"three_public"`
	OperatingCosts schema.Money     `json:"operating_costs"`
	// the document does not speak of 机关运行经费 (a unit's budget may not):
	// extraction must give none
	OperatingCostsUnstated bool          `json:"operating_costs_unstated,omitempty"`
	Procurement            schema.Money  `json:"procurement"`
	AssetsStart            *schema.Money `json:"assets_start,omitempty"`
	AssetsEnd              *schema.Money `json:"assets_end,omitempty"`
	// a 决算's 年初结转和结余 and 年末结转和结余 (the standard families)
	CarriedOver    *schema.Money `json:"carried_over,omitempty"`
	CarriedForward *schema.Money `json:"carried_forward,omitempty"`
	// a 决算's 政府性基金 spending (final9): 0 when its table says none
	GovernmentFund *schema.Money `json:"government_fund,omitempty"`
	// 单位预留机动经费 (the Jiangsu family)
	Reserve *schema.Money `json:"reserve,omitempty"`
	// the year's 财政拨款 revenue (the standard families), all of it
	// 一般公共预算 money: a source read as 财政拨款 or 一般公共预算 is it
	Appropriation *schema.Money `json:"appropriation,omitempty"`
	// and a unit's own revenue by source (事业收入, 经营收入, 其他收入; 0 when
	// it has none): a source read under one of these names is its figure
	OwnSources map[string]int64 `json:"own_sources,omitempty"`
	// the 三公's parts (the standard families), by the model's names:
	// overseas_travel, reception, vehicle_purchase, vehicle_operation
	ThreePublicParts map[string]int64 `json:"three_public_parts,omitempty"`
	// a 决算's 年初预算 of the 三公 (total, and each part by the model's name)
	ThreePublicBudgeted map[string]int64 `json:"three_public_budgeted,omitempty"`
	// the items family: the 项 listed, under 类 whose amount is not stated
	// (by_function is empty)
	ListedItems []ListedItem `json:"listed_items,omitempty"`
	// Perturbed names how the tables are printed (pert): yuan, default,
	// colwise, wrap, pagebreak, trailing
	Perturbed string     `json:"perturbed,omitempty"`
	Injected  []Injected `json:"injected"`
	// linked corpora (Linked): the department's id, the disclosure's and
	// its files (a text part and a tables part, or one)
	DepartmentID string   `json:"department_id,omitempty"`
	Disclosure   string   `json:"disclosure,omitempty"`
	Files        []string `json:"files,omitempty"`
}

// Generate writes opts.N documents of each family into opts.Out, each as
// <name>.txt with <name>.truth.json beside it, and <name>.pdf with PDF.
func Generate(o Options) error {
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	if o.PDF && Chromium() == "" {
		return ErrNoBrowser
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	// the web family draws from its own stream, so that adding it left the
	// other families' documents as they were
	rw := rand.New(rand.NewPCG(o.Seed+1, o.Seed^0x2545f4914f6cdd1d))
	rs := rand.New(rand.NewPCG(o.Seed+2, o.Seed^0x5851f42d4c957f2d)) // and the standard sets theirs
	re := rand.New(rand.NewPCG(o.Seed+3, o.Seed^0x14057b7ef767814f)) // the early templates their own
	ru := rand.New(rand.NewPCG(o.Seed+4, o.Seed^0x2127599bf4325c37)) // and the unit budgets theirs
	ri := rand.New(rand.NewPCG(o.Seed+5, o.Seed^0x5a3c1f2e9d4b8a67)) // and the lists of 项 theirs
	rn := rand.New(rand.NewPCG(o.Seed+6, o.Seed^0x3c6ef372fe94f82b)) // and the news stories theirs
	var names []string
	for i := 0; i < o.N; i++ {
		if slices.Contains(o.Only, "news") {
			text, t := newsStory(rn, i)
			name := fmt.Sprintf("gen-news-%06d", i)
			t.File = name + ".txt"
			if err := write(o.Out, name, text, t); err != nil {
				return err
			}
			names = append(names, name)
		}
		for _, fam := range Families {
			skip := len(o.Only) > 0 && !slices.Contains(o.Only, fam)
			if Standard(fam) {
				rf := rs
				switch fam {
				case "early":
					rf = re
				case "unit":
					rf = ru
				}
				d := newStd(rf, fam, o.Inject)
				if skip {
					continue
				}
				name := fmt.Sprintf("gen-%s-%06d", fam, i)
				d.truth.File = name + ".txt"
				if err := write(o.Out, name, d.renderStd(), d.truth); err != nil {
					return err
				}
				names = append(names, name)
				continue
			}
			rf, base := r, fam
			switch fam {
			case "web":
				rf, base = rw, []string{"narrative", "final"}[i%2]
			case "items":
				rf, base = ri, []string{"final", "narrative"}[i%2]
			}
			g := newDoc(rf, base, i)
			if fam == "items" {
				g.list = g.itemList(rf)
			}
			if rf.Float64() < o.Inject {
				g.inject(rf)
			}
			text := g.render()
			switch {
			case fam == "web":
				text = webPage(text, g.dept, i)
				g.truth.Family = "web-" + base
			case fam == "items" && i/2%2 == 1:
				text = webPage(text, g.dept, i)
				g.truth.Perturbed = "web"
			}
			if fam == "items" {
				g.truth.Family = "items"
			}
			if skip {
				continue
			}
			name := fmt.Sprintf("gen-%s-%06d", fam, i)
			g.truth.File = name + ".txt"
			if err := write(o.Out, name, text, g.truth); err != nil {
				return err
			}
			names = append(names, name)
		}
	}
	if o.PDF {
		return printPDFs(o.Out, names)
	}
	return nil
}

// write writes a document's text and its truth.
func write(dir, name, text string, t Truth) error {
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
		return err
	}
	data, _ := json.MarshalIndent(t, "", "  ")
	return os.WriteFile(filepath.Join(dir, name+".truth.json"), data, 0o644)
}

// webPage renders a document as a crawler saves a web page: header lines
// (标题, 发布时间, 发布机构, 原文链接), then the body — breadcrumb (every
// third page a CMS's, ending in the year, its date and source labels before
// the text), the text with its lines run together, the footer — on one
// line, with no line break at the end.
func webPage(text, dept string, i int) string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" { // a page's text keeps no runs of spaces
			lines = append(lines, l)
		}
	}
	title := lines[0]
	if len(lines) > 1 && !strings.Contains(title, "年") { // a name over its title's year
		title += lines[1]
	}
	date := fmt.Sprintf("20%02d-0%d-1%d 09:30", 20+i%5, 1+i%9, i%10)
	var b strings.Builder
	fmt.Fprintf(&b, "标题: %s\n发布时间: %s\n文号: \n发布机构: %s\n栏目: 部门预算公开\n原文链接: https://www.example.gov.cn/zwgk/t%06d.htm\n", title, date, dept, i)
	b.WriteString("==================== 正文 ====================\n")
	if i%3 == 2 {
		// a CMS whose breadcrumb ends in the year, its header after it: the
		// short name, the date and an empty source run into the title
		// ("…> 2023年 某卫生院 发表日期:2023-02-02 文章来源: 某卫生院本级2023年部门预算…")
		fmt.Fprintf(&b, "当前位置:首页 > 政府信息公开 > 预算公开 > %s年 %s 发表日期:%s 文章来源: ", date[:4], dept, date[:10])
	} else {
		fmt.Fprintf(&b, "当前位置： 首页政务公开部门预决算公开 %s 时间：%s 微信 微博 QQ空间 ", title, date)
	}
	b.WriteString(strings.Join(lines, " "))
	fmt.Fprintf(&b, " 来源：%s 附件下载", dept)
	return b.String()
}

var (
	regions = []string{"曾都区", "江宁区", "普陀区", "武昌区", "雨花区", "天河区", "西湖区", "锦江区", "鼓楼区", "历下区"}
	depts   = []string{"信访局", "财政局", "教育局", "民政局", "司法局", "审计局", "统计局", "档案局", "科学技术局", "文化和旅游局", "人力资源和社会保障局", "住房和城乡建设局"}
	classes = []string{"201", "204", "205", "206", "207", "208", "210", "212", "213", "221"}
)

// wan is an amount in 万元 with two decimals: a whole number of 100 yuan.
func wan(r *rand.Rand, lo, hi int64) schema.Money {
	return schema.Money((lo + r.Int64N(hi-lo+1)) * 10000) // in fen: 100 yuan steps
}

// split divides total into n positive parts in steps of step fen.
func split(r *rand.Rand, total schema.Money, n int, step int64) []schema.Money {
	units := int64(total) / step
	parts := make([]schema.Money, n)
	left := units
	for i := 0; i < n-1; i++ {
		share := left / int64(n-i)
		v := share/2 + r.Int64N(share+1)
		if v >= left-int64(n-i-1) {
			v = left - int64(n-i-1)
		}
		if v < 1 {
			v = 1
		}
		parts[i] = schema.Money(v * step)
		left -= v
	}
	parts[n-1] = schema.Money(left * step)
	return parts
}

// w writes fen as 万元 with two decimals: 3056300 yuan → "305.63".
func w(m schema.Money) string {
	v := int64(m) / 10000 // hundredths of 万元
	return fmt.Sprintf("%d.%02d", v/100, v%100)
}

// y writes fen as whole yuan with thousands separators.
func y(m schema.Money) string {
	s := fmt.Sprint(int64(m) / 100)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pct is the percentage change from a to b, to two decimals, as a string
// with its wording.
func change(prior, cur schema.Money) (verb, amount, pctVerb, pct string) {
	d := int64(cur - prior)
	switch {
	case d > 0:
		verb, pctVerb = "增加", "增长"
	case d < 0:
		verb, pctVerb = "减少", "下降"
		d = -d
	default:
		return "持平", "", "", ""
	}
	p := float64(d) / float64(prior) * 100
	return verb, w(schema.Money(d)), pctVerb, fmt.Sprintf("%.2f", p)
}

func ptr(m schema.Money) *schema.Money { return &m }
