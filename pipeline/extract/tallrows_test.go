package extract

import (
	"fmt"
	"maps"
	"strings"
	"testing"

	"budgetpub/schema"
)

// A 支出决算表 as pdftotext -layout prints Shanghai Putuo's 2024 决算: the
// 基本支出 and 项目支出 of a row a little higher than its name, on a line of
// figures alone above it. Printed right, every row adds up with that line
// joined and nothing is kept; a cell changed on such a line breaks the row
// below it, whose cells are kept as table claims (sum.table), each on its
// own line — the line above, read as the row above's cells a row late,
// left them unchecked.
const tallExpenditure = `上海市普陀区财政局2024年度部门决算
                                支出决算表

                                                                             单位：万元

                项目                                                           对附属单位
                                本年支出合                 项目支      上缴上级支   经营支
   支出功能分类                                  基本支出                                补
                       科目名称       计                    出         出      出
    科目编码                                                                      助支出
                                           2,336.91   603.14
                                2,940.05
 类    款   项
                        合计
                                           1,503.52   603.14
201             一般公共服务支出        2,106.66
                                           1,503.52   603.14
201   06        财政事务            2,106.66
                                           1,503.52
201   06   01   行政运行            1,511.89               8.37
201   06   02   一般行政管理事务          10.00               10.00
                                                      135.25
201   06   07   信息化建设            135.25
                                                      449.52
201   06   08   财政委托业务支出         449.52
208             社会保障和就业支出        326.72    326.72
208   05        行政事业单位养老支出       326.72    326.72
208   05   01   行政单位离退休           84.65     84.65`

// tableClaimsOn are a document's table claims by path: each its value,
// line and the path of its total.
func tableClaimsOn(d *schema.Document) map[string]string {
	got := map[string]string{}
	for _, cl := range d.Claims {
		if cl.Kind == schema.ClaimTable {
			got[cl.Path] = fmt.Sprintf("%v on %d of %s", cl.Value, cl.Line, cl.Of)
		}
	}
	return got
}

func TestTallRowsJoined(t *testing.T) {
	if got := tableClaimsOn(extractLines(t, tallExpenditure)); len(got) != 0 {
		t.Errorf("the table printed right gave table claims: %v", got)
	}
	for _, c := range []struct {
		name, from, to string
		want           map[string]string
	}{
		{"a project cell above its row", "                                                      135.25", "                                                      136.25",
			map[string]string{"/tables/2/23": "1.3525e+06 on 23 of ", "/tables/2/22": "1.3625e+06 on 22 of /tables/2/23"}},
		{"a basic cell above its row", "                                           1,503.52\n", "                                           1,508.52\n",
			map[string]string{"/tables/2/20": "1.51189e+07 on 20 of ", "/tables/2/19": "1.50852e+07 on 19 of /tables/2/20", "/tables/2/20/2": "83700 on 20 of /tables/2/20"}},
	} {
		changed := strings.Replace(tallExpenditure, c.from, c.to, 1)
		if changed == tallExpenditure {
			t.Fatalf("%s: not changed", c.name)
		}
		if got := tableClaimsOn(extractLines(t, changed)); !maps.Equal(got, c.want) {
			t.Errorf("%s: table claims:\n got %v\nwant %v", c.name, got, c.want)
		}
	}
}
