package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"budgetpub/schema"
)

// LinkedOptions of a linked corpus: departments followed across years.
type LinkedOptions struct {
	Departments int    // at most MaxLinked
	Years       int    // years per department, at least 2
	Out         string // folder to write to
	Seed        uint64 // same seed, same files
}

// MaxLinked is the most departments a linked corpus can have: each must be
// a different department (ten regions, four offices and bureaus that
// are not renamed).
var MaxLinked = len(regions) * (4 + len(bureaus))

// bureaus are the bureaus of a linked corpus that keep their names: depts
// but for 文化和旅游局, the renamed bureau's new name.
var bureaus = func() []string {
	var out []string
	for _, d := range depts {
		if !strings.Contains(d, "文化") {
			out = append(out, d)
		}
	}
	return out
}()

// Linked writes a corpus that follows departments across years: for each
// department, a budget (预算, the narrative family) every year and final
// accounts (决算, the final family) every year but the last, published as
// the department prints its name that year. Party and government offices
// and street offices alternate between the long and the short forms of
// their names (中国共产党…委员会办公室, 中共…委办公室, …委办公室), which the
// identity rules fold; a bureau renamed (文化局 → 文化和旅游局) is joined by
// the departments.csv it writes, as a maintainer would. Some budgets are
// published as two files, a text part and a tables part.
//
// Beside the documents it writes <disclosure>.truth.json for each
// disclosure: its figures, its files and the department's id, the ground
// truth of linking.
func Linked(o LinkedOptions) error {
	if o.Departments < 1 || o.Departments > MaxLinked || o.Years < 2 {
		return fmt.Errorf("gen: %d departments (1 to %d) over %d years (at least 2)", o.Departments, MaxLinked, o.Years)
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x5851f42d4c957f2d))
	aliases := []string{"department_id,name,note"}
	for i := 0; i < o.Departments; i++ {
		id := fmt.Sprintf("dept-%03d", i)
		region := regions[i%len(regions)]
		start := 2018 + r.IntN(4)
		for k := 0; k < o.Years; k++ {
			year := start + k
			name, renamed := printedName(i, k, o.Years, r)
			if renamed != "" && k == 0 {
				aliases = append(aliases, fmt.Sprintf("%s,%s,", id, name), fmt.Sprintf("%s,%s,renamed in %d", id, renamed, start+o.Years/2))
			}
			var budgeted schema.Money // the year's budget of 三公
			for _, fam := range []string{"narrative", "final"} {
				if fam == "final" && k == o.Years-1 {
					continue // the last year's final accounts are not out yet
				}
				g := newDoc(r, fam, i)
				g.dept, g.region, g.year = name, region, year
				if fam == "narrative" {
					budgeted = g.tp
				} else if g.tpBudgeted = budgeted; r.IntN(5) == 0 {
					// a 年初预算 that is not the published budget's
					g.tpBudgeted += 1000000 * schema.Money(1+r.IntN(20)) // 1 to 20 万元
					g.truth.Injected = append(g.truth.Injected, Injected{"cross.budget", schema.SeverityWarning,
						"the final accounts' 三公 年初预算 is not the published budget's"})
				}
				g.truth.Department, g.truth.FiscalYear = name, year
				g.truth.DepartmentID = id
				stem := fmt.Sprintf("linked-%s-%d-%s", id, year, map[string]string{"narrative": "budget", "final": "final"}[fam])
				g.truth.Disclosure = stem
				files := map[string]string{stem + ".txt": g.render()}
				if fam == "narrative" && r.IntN(3) == 0 {
					files = map[string]string{stem + "_text-part.txt": g.render(), stem + "_tables-part.txt": g.tablesPart()}
				}
				for f := range files {
					g.truth.Files = append(g.truth.Files, f)
				}
				sortStrings(g.truth.Files)
				g.truth.File = g.truth.Files[0]
				for f, text := range files {
					if err := os.WriteFile(filepath.Join(o.Out, f), []byte(text), 0o644); err != nil {
						return err
					}
				}
				data, _ := json.MarshalIndent(g.truth, "", "  ")
				if err := os.WriteFile(filepath.Join(o.Out, stem+".truth.json"), data, 0o644); err != nil {
					return err
				}
			}
		}
	}
	return os.WriteFile(filepath.Join(o.Out, "departments.csv"), []byte(strings.Join(aliases, "\n")+"\n"), 0o644)
}

// streets are the street offices' names.
var streets = []string{"万里", "长征", "宜川", "真如", "石泉", "曹杨", "甘泉", "长寿", "桃浦", "长风"}

// printedName is the name department i prints in its k-th year of years.
// In each region (i % 10), unit i / 10 is: 0 the party committee's office,
// 1 the government's office, 2 a street office, each printed in a long or
// a short form at random; 3 a bureau renamed halfway (its other name
// returned as renamed); from 4 on, a bureau of bureaus.
func printedName(i, k, years int, r *rand.Rand) (name, renamed string) {
	region := regions[i%len(regions)]
	switch unit := i / len(regions); unit {
	case 0:
		return []string{"中国共产党" + region + "委员会办公室", "中共" + region + "委办公室", region + "委办公室"}[r.IntN(3)], ""
	case 1:
		return []string{region + "人民政府办公室", region + "政府办公室"}[r.IntN(2)], ""
	case 2:
		street := streets[i%len(streets)]
		return []string{region + "人民政府" + street + "街道办事处", region + street + "街道办事处"}[r.IntN(2)], ""
	case 3:
		before, after := region+"文化局", region+"文化和旅游局"
		if k < years/2 {
			return before, after
		}
		return after, before
	default:
		return region + bureaus[unit-4], ""
	}
}

// tablesPart is a budget's tables published apart from its text, as
// Jiangsu does: a cover naming the department, the summary and the
// expenditure tables in 元.
func (d *doc) tablesPart() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%d年度\n区级部门预算公开报表\n部 门:%s\n\n", d.region, d.year, d.dept)
	fmt.Fprintf(&b, "                %d年部门财务收支预算总表\n编制部门：%s                              单位：元\n", d.year, d.dept)
	b.WriteString("           项目             预算数                       项目          预算数\n")
	han := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	left := []string{fmt.Sprintf("一、财政拨款收入        %s", y(d.total)), "二、事业收入", "三、其他收入"}
	for i := 0; i < len(d.fn) || i < len(left); i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(d.fn) {
			r = fmt.Sprintf("%s、%s      %s", han[i], d.fn[i].name, y(d.fn[i].amt))
		}
		fmt.Fprintf(&b, "%-40s  %s\n", l, r)
	}
	fmt.Fprintf(&b, "           收入总计      %s            支出总计      %s\n\n", y(d.total), y(d.total))
	fmt.Fprintf(&b, "              %d年部门支出预算总表\n编制部门：%s                              单位：元\n", d.year, d.dept)
	b.WriteString("   功能分类科目名称        合计        基本支出       项目支出\n")
	fmt.Fprintf(&b, "                    合计   %s   %s   %s\n", y(d.total), y(d.basic), y(d.project))
	return b.String()
}
