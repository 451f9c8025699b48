package extract

import (
	"strings"
	"testing"

	"budgetpub/schema"
)

// codeRowsDoc is a 决算 whose narrative restates the 一般公共预算 table's
// rows by their code, the table printed a cell a line (a saved page's text)
// with its 合计 column first.
const codeRowsDoc = `某镇人民政府2017年度部门决算说明
五、一般公共预算拨款支出决算情况2017年一般公共预算拨款支出686.64万元，具体情况如下：
（一）一般公共服务支出（科目编码201）为675.64万元（其中按照项级科目统计，科目编码2010301-政府机构行政运行的金额为672.84万元；
科目编码2010601-财政事务行政运行的金额为2.8万元）。
（二）公共安全支出（科目编码204）11.00万元（其中按照项级科目统计，科目编码2049901-其它公共安全支出的金额为11.00万元）。
六、政府性基金支出决算情况2017年度政府性基金支出6.00万元：
（一）其它支出（科目编码229）6万元（科目编码2296002-用于社会福利的彩票公益金支出金额为6万元）。
附件5
一般公共预算财政拨款支出决算表
金额单位：万元
项目
本年支出合计
基本支出
项目支出
合计
686.64
675.64
11.00
2010301
行政运行
672.84
672.84
2010601
行政运行
2.80
2.80
2049901
其他公共安全支出
11.00
11.00
附件6
政府性基金预算财政拨款收入支出决算表
金额单位：万元
项目
本年支出
合计
6.00
2296002
用于社会福利的彩票公益金支出
6.00
`

// rowClaims are the claims on /tables/ paths: "kind line value".
func rowClaims(d *schema.Document) []schema.Claim {
	var out []schema.Claim
	for _, c := range d.Claims {
		if strings.HasPrefix(c.Path, "/tables/") && (c.Kind == schema.ClaimAmount || c.Kind == schema.ClaimTable) {
			out = append(out, c)
		}
	}
	return out
}

// TestCodeRows: a text statement of a code's amount that the 一般公共预算
// table's row prints otherwise is kept with the row's cell (both lines);
// rounding (2.8 against 2.80) is no difference; another money's section, a
// 年初预算, or a table whose first column is not its 合计 is not compared.
func TestCodeRows(t *testing.T) {
	if cl := rowClaims(extractLines(t, codeRowsDoc)); len(cl) != 0 {
		t.Fatalf("the unmodified document gains claims: %+v", cl)
	}
	for name, tc := range map[string]struct {
		from, to  string
		textLine  int
		cellLine  int
		text, tab float64
	}{
		"text's digit dropped":   {"金额为672.84万元", "金额为72.84万元", 3, 21, 728400, 6728400},
		"table's digit dropped":  {"行政运行\n672.84\n672.84", "行政运行\n72.84\n672.84", 3, 21, 6728400, 728400},
		"text's 11.00 scaled":    {"支出的金额为11.00万元", "支出的金额为110.00万元", 5, 29, 1100000, 110000},
		"a name with its level":  {"财政事务行政运行的金额为2.8万元", "财政事务行政运行（项）2.9万元", 4, 25, 29000, 28000},
		"fewer decimals changed": {"财政事务行政运行的金额为2.8万元", "财政事务行政运行的金额为2.9万元", 4, 25, 29000, 28000},
	} {
		t.Run(name, func(t *testing.T) {
			d := extractLines(t, strings.Replace(codeRowsDoc, tc.from, tc.to, 1))
			cl := rowClaims(d)
			if len(cl) != 2 || cl[0].Kind != schema.ClaimAmount || cl[1].Kind != schema.ClaimTable || cl[0].Path != cl[1].Path ||
				cl[0].Line != tc.textLine || cl[1].Line != tc.cellLine || cl[0].Value != tc.text || cl[1].Value != tc.tab || cl[1].Table != 9 {
				t.Errorf("claims %+v", cl)
			}
		})
	}
	t.Run("a class against its items", func(t *testing.T) {
		cl := rowClaims(extractLines(t, strings.Replace(codeRowsDoc, "为675.64万元", "为657.64万元", 1)))
		if len(cl) != 3 || cl[0].Kind != schema.ClaimAmount || cl[0].Line != 3 || cl[0].Value != 6576400 || cl[0].Path != "/tables/9/19/201" ||
			cl[1].Path != cl[0].Path || cl[1].Line != 21 || cl[1].Value != 6728400 || cl[2].Path != cl[0].Path || cl[2].Line != 25 || cl[2].Value != 28000 {
			t.Errorf("claims %+v", cl)
		}
	})
	t.Run("a class when the items do not add up to the 合计", func(t *testing.T) {
		text := strings.Replace(strings.Replace(codeRowsDoc, "为675.64万元", "为657.64万元", 1), "合计\n686.64", "合计\n696.64", 1)
		if cl := rowClaims(extractLines(t, text)); len(cl) != 0 {
			t.Errorf("claims %+v", cl)
		}
	})
	for name, edit := range map[string][2]string{
		"another money's section":    {"金额为6万元", "金额为9万元"},
		"a part of the row (人员经费)":   {"的金额为672.84万元", "中人员经费600.84万元"},
		"a 年初预算 before the amount":   {"的金额为672.84万元", "的年初预算为600.84万元"},
		"the table's 合计 column last": {"本年支出合计\n基本支出\n项目支出", "基本支出\n项目支出\n本年支出合计"},
	} {
		t.Run(name, func(t *testing.T) {
			text := strings.Replace(codeRowsDoc, edit[0], edit[1], 1)
			if name == "the table's 合计 column last" {
				text = strings.Replace(text, "金额为672.84万元", "金额为72.84万元", 1)
			}
			if cl := rowClaims(extractLines(t, text)); len(cl) != 0 {
				t.Errorf("claims %+v", cl)
			}
		})
	}
}
