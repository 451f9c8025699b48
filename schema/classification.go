package schema

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"sort"
	"strings"
	"sync"
)

// Schemes of classification.
const (
	SchemeFunctional = "functional" // 支出功能分类
	SchemeEconomic   = "economic"   // 部门预算支出经济分类
)

// Class is one classification code with its names.
type Class struct {
	Scheme      string
	Code        string
	Level       string // 类, 款 or 项
	Name        string // today's name
	NameEn      string // English label chosen by budgetpub (COFOG-style); empty below 类
	FormerNames []string
	Years       string // years the name was observed in disclosures, if known
}

// ObservedCodes is the reference list of codes seen in real disclosures
// (../shared/reference/classification), embedded.
//
//go:embed classification/observed_codes_from_disclosures.csv
var ObservedCodes []byte

// English labels of the 类 codes. There is no official English set; these
// follow COFOG wording where a COFOG division fits.
var classEn = map[string]string{
	"201": "General public services", "202": "Foreign affairs", "203": "National defence",
	"204": "Public safety", "205": "Education", "206": "Science and technology",
	"207": "Culture, tourism, sports and media", "208": "Social security and employment",
	"209": "Social insurance funds", "210": "Health", "211": "Energy saving and environmental protection",
	"212": "Urban and rural community affairs", "213": "Agriculture, forestry and water",
	"214": "Transport", "215": "Resource exploration, industry and information",
	"216": "Commerce and services", "217": "Finance", "219": "Aid to other regions",
	"220": "Natural resources, marine and meteorology", "221": "Housing security",
	"222": "Grain and material reserves", "223": "State capital operations",
	"224": "Disaster prevention and emergency management", "227": "Reserve fund",
	"229": "Other expenditure", "230": "Transfers", "231": "Debt principal repayment",
	"232": "Debt interest", "233": "Debt issuance costs", "234": "Special treasury bond (COVID-19) expenditure",
	"301": "Wages and benefits", "302": "Goods and services", "303": "Subsidies to individuals and households",
	"304": "Subsidies to enterprises and public institutions (until 2017)", "307": "Debt interest and fees", "309": "Capital expenditure (capital construction)",
	"310": "Capital expenditure", "311": "Subsidies to enterprises (capital construction)",
	"312": "Subsidies to enterprises", "313": "Subsidies to social security funds", "399": "Other expenditure",
}

// The 类 names, today's and former; the reference CSV lists only what was
// observed, so the 类 rows are fixed here (from function_class_lei.csv and
// economic_class_lei.csv).
var classNames = []Class{
	{SchemeFunctional, "201", "类", "一般公共服务支出", "", nil, ""},
	{SchemeFunctional, "202", "类", "外交支出", "", nil, ""},
	{SchemeFunctional, "203", "类", "国防支出", "", nil, ""},
	{SchemeFunctional, "204", "类", "公共安全支出", "", nil, ""},
	{SchemeFunctional, "205", "类", "教育支出", "", nil, ""},
	{SchemeFunctional, "206", "类", "科学技术支出", "", nil, ""},
	{SchemeFunctional, "207", "类", "文化旅游体育与传媒支出", "", []string{"文化体育与传媒支出"}, ""},
	{SchemeFunctional, "208", "类", "社会保障和就业支出", "", []string{"社会保障与就业支出"}, ""}, // 与 in the central texts of 2012
	{SchemeFunctional, "209", "类", "社会保险基金支出", "", nil, ""},
	{SchemeFunctional, "210", "类", "卫生健康支出", "", []string{"医疗卫生与计划生育支出", "医疗卫生和计划生育支出", "医疗卫生支出"}, ""},
	{SchemeFunctional, "211", "类", "节能环保支出", "", nil, ""},
	{SchemeFunctional, "212", "类", "城乡社区支出", "", []string{"城乡社区事务"}, ""}, // its name in the classification of 2007–2013 at least
	{SchemeFunctional, "213", "类", "农林水支出", "", []string{"农林水事务"}, ""},
	{SchemeFunctional, "214", "类", "交通运输支出", "", nil, ""},
	{SchemeFunctional, "215", "类", "资源勘探工业信息等支出", "", []string{"资源勘探信息等支出"}, ""},
	{SchemeFunctional, "216", "类", "商业服务业等支出", "", nil, ""},
	{SchemeFunctional, "217", "类", "金融支出", "", nil, ""},
	{SchemeFunctional, "219", "类", "援助其他地区支出", "", nil, ""},
	{SchemeFunctional, "220", "类", "自然资源海洋气象等支出", "", []string{"国土海洋气象等支出"}, ""},
	{SchemeFunctional, "221", "类", "住房保障支出", "", nil, ""},
	{SchemeFunctional, "222", "类", "粮油物资储备支出", "", nil, ""},
	{SchemeFunctional, "223", "类", "国有资本经营预算支出", "", nil, ""},
	{SchemeFunctional, "224", "类", "灾害防治及应急管理支出", "", nil, ""},
	{SchemeFunctional, "227", "类", "预备费", "", nil, ""},
	{SchemeFunctional, "229", "类", "其他支出", "", nil, ""},
	{SchemeFunctional, "230", "类", "转移性支出", "", nil, ""},
	{SchemeFunctional, "231", "类", "债务还本支出", "", nil, ""},
	{SchemeFunctional, "232", "类", "债务付息支出", "", nil, ""},
	{SchemeFunctional, "233", "类", "债务发行费用支出", "", nil, ""},
	{SchemeFunctional, "234", "类", "抗疫特别国债安排的支出", "", nil, ""},
	{SchemeEconomic, "301", "类", "工资福利支出", "", nil, ""},
	{SchemeEconomic, "302", "类", "商品和服务支出", "", []string{"一般商品和服务支出"}, ""}, // a 批复 template's word (Guangdong towns, 2018)
	{SchemeEconomic, "303", "类", "对个人和家庭的补助", "", []string{"对个人和家庭的补助支出", "对个人和家庭补助支出", "对个人和家庭补助"}, ""},
	{SchemeEconomic, "304", "类", "对企事业单位的补贴", "", nil, ""},                  // a class until 2017 (Pingyuan's 2017 决算); 312 and 313 since
	{SchemeEconomic, "307", "类", "债务利息及费用支出", "", []string{"债务利息支出"}, ""},   // its name until 2017
	{SchemeEconomic, "309", "类", "资本性支出（基本建设）", "", []string{"基本建设支出"}, ""}, // its name until 2017
	{SchemeEconomic, "310", "类", "资本性支出", "", []string{"其他资本性支出"}, ""},      // its name before 2018 (Jiangsu 2017 tables)
	{SchemeEconomic, "311", "类", "对企业补助（基本建设）", "", nil, ""},
	{SchemeEconomic, "312", "类", "对企业补助", "", nil, ""},
	{SchemeEconomic, "313", "类", "对社会保障基金补助", "", nil, ""},
	{SchemeEconomic, "399", "类", "其他支出", "", nil, ""},
}

type classIndex struct {
	all    []Class          // sorted by scheme, code
	byCode map[string]Class // scheme + ":" + code
	byName map[string]Class // scheme + ":" + normalized name (today's or former), 类 only
	items  map[string]Class // economic: parent 类 + ":" + normalized 款 name
}

var classes = sync.OnceValue(func() *classIndex {
	ix := &classIndex{byCode: map[string]Class{}, byName: map[string]Class{}, items: map[string]Class{}}
	add := func(c Class) {
		key := c.Scheme + ":" + c.Code
		if _, dup := ix.byCode[key]; dup {
			return
		}
		ix.byCode[key] = c
		ix.all = append(ix.all, c)
	}
	for _, c := range classNames {
		c.NameEn = classEn[c.Code]
		add(c)
		for _, n := range append([]string{c.Name}, c.FormerNames...) {
			ix.byName[c.Scheme+":"+NormalizeName(n)] = c
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(ObservedCodes)).ReadAll()
	if err != nil {
		panic("schema: embedded classification CSV: " + err.Error())
	}
	for _, r := range rows[1:] { // code,system,level,name,other_names_observed,n_source_docs,years_observed,…
		scheme := SchemeFunctional
		if r[1] == "economic" {
			scheme = SchemeEconomic
		}
		c := Class{Scheme: scheme, Code: r[0], Level: r[2], Name: r[3], Years: r[6]}
		if r[4] != "" {
			c.FormerNames = strings.Split(r[4], ";")
		}
		add(c)
		if scheme == SchemeEconomic && len(c.Code) == 5 {
			for _, n := range append([]string{c.Name}, c.FormerNames...) {
				k := c.Code[:3] + ":" + NormalizeName(n)
				if _, dup := ix.items[k]; !dup {
					ix.items[k] = c
				}
			}
		}
	}
	sort.Slice(ix.all, func(i, j int) bool {
		if ix.all[i].Scheme != ix.all[j].Scheme {
			return ix.all[i].Scheme > ix.all[j].Scheme // functional first
		}
		return ix.all[i].Code < ix.all[j].Code
	})
	return ix
})

// NormalizeName folds the bracket widths and drops spaces and a trailing
// level marker such as （类）, so that names can be compared.
func NormalizeName(s string) string {
	if !strings.ContainsAny(s, " (") && !strings.Contains(s, "（") && !strings.Contains(s, "）") && !strings.Contains(s, "\u3000") {
		return s // nothing to fold: most names (each searched on its own: ContainsAny of wide runes reads every rune)
	}
	s = widthReplacer.Replace(s)
	return levelReplacer.Replace(s)
}

var (
	widthReplacer = strings.NewReplacer("（", "(", "）", ")", " ", "", "\u3000", "")
	levelReplacer = strings.NewReplacer("(类)", "", "(款)", "", "(项)", "")
)

// Classes lists every known code, functional first, by code.
func Classes() []Class { return classes().all }

// LookupCode finds a code in a scheme.
func LookupCode(scheme, code string) (Class, bool) {
	c, ok := classes().byCode[scheme+":"+code]
	return c, ok
}

// ClassByName finds the 类 of a scheme by a name as a document prints it:
// today's name, a former name, or either without its trailing 支出.
func ClassByName(scheme, name string) (Class, bool) {
	ix := classes()
	n := NormalizeName(name)
	if c, ok := ix.byName[scheme+":"+n]; ok {
		return c, true
	}
	if !strings.HasSuffix(n, "支出") {
		if c, ok := ix.byName[scheme+":"+n+"支出"]; ok {
			return c, true
		}
	}
	return Class{}, false
}

// EconomicItem finds the 款 code of an economic item by name below its 类.
func EconomicItem(parent, name string) (Class, bool) {
	c, ok := classes().items[parent+":"+NormalizeName(name)]
	return c, ok
}
