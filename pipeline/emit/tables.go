package emit

import (
	"strconv"
	"strings"

	"budgetpub/schema"
)

// DocumentRow is one row of documents.csv: a disclosure with its headline
// figures (yuan) and the count of its checks by severity.
type DocumentRow struct {
	ID               string `csv:"id"`
	Department       string `csv:"department"`
	Region           string `csv:"region"`
	Kind             string `csv:"kind"`
	FiscalYear       int    `csv:"fiscal_year"`
	DepartmentID     string `csv:"department_id"`
	ReportedUnit     string `csv:"reported_unit"`
	RevenueTotal     string `csv:"revenue_total"`
	ExpenditureTotal string `csv:"expenditure_total"`
	ExpenditureYear  string `csv:"expenditure_current_year"`
	CarriedForward   string `csv:"carried_forward"`
	Basic            string `csv:"basic_expenditure"`
	Project          string `csv:"project_expenditure"`
	Reserve          string `csv:"reserve_expenditure"`
	ThreePublic      string `csv:"three_public_total"`
	OperatingCosts   string `csv:"operating_costs"`
	Procurement      string `csv:"procurement"`
	ChecksError      int    `csv:"checks_error"`
	ChecksWarning    int    `csv:"checks_warning"`
	ChecksInfo       int    `csv:"checks_info"`
	SourceFile       string `csv:"source_file"`
	SourceSHA256     string `csv:"source_sha256"`
	SourceFiles      string `csv:"source_files"`
}

// LineItemRow is one row of line_items.csv: one figure of one document.
type LineItemRow struct {
	DocumentID string `csv:"document_id"`
	Section    string `csv:"section"`
	Scheme     string `csv:"scheme"`
	Code       string `csv:"code"`
	Level      string `csv:"level"`
	ParentCode string `csv:"parent_code"`
	Name       string `csv:"name"`
	NameEn     string `csv:"name_en"`
	Amount     string `csv:"amount"`
	PriorYear  string `csv:"prior_year"`
	Budgeted   string `csv:"budgeted"`
	Pointer    string `csv:"pointer"`
	Line       string `csv:"line"`
	File       int    `csv:"file"`
}

// CheckRow is one row of checks.csv.
type CheckRow struct {
	DocumentID string `csv:"document_id"`
	Rule       string `csv:"rule"`
	Severity   string `csv:"severity"`
	Unit       string `csv:"unit"`
	Stated     string `csv:"stated"`
	Computed   string `csv:"computed"`
	Tolerance  string `csv:"tolerance"`
	Message    string `csv:"message"`
	MessageEn  string `csv:"message_en"`
	Paths      string `csv:"paths"`
	Lines      string `csv:"lines"`
	Files      string `csv:"files"`
}

func m(p *schema.Money) string {
	if p == nil {
		return ""
	}
	return p.String()
}

// DocumentRows builds documents.csv.
func DocumentRows(docs []*schema.Document) []DocumentRow {
	rows := make([]DocumentRow, 0, len(docs))
	for _, d := range docs {
		r := DocumentRow{
			ID: d.ID, Department: d.Department.Name, Region: d.Department.Region,
			Kind: d.Document.Kind, FiscalYear: d.Document.FiscalYear, DepartmentID: departmentID(d), ReportedUnit: d.Document.ReportedUnit,
			SourceFile: d.Document.Source.Path, SourceSHA256: d.Document.Source.SHA256, SourceFiles: d.Document.Source.Path,
		}
		if src := d.Document.Sources; len(src) > 1 {
			paths := make([]string, len(src))
			for i, f := range src {
				paths[i] = f.Path
			}
			r.SourceFiles = strings.Join(paths, ";")
		}
		if d.Revenue != nil {
			r.RevenueTotal = m(d.Revenue.Total)
		}
		if e := d.Expenditure; e != nil {
			r.ExpenditureTotal, r.ExpenditureYear, r.CarriedForward = m(e.Total), m(e.CurrentYear), m(e.CarriedForward)
			if e.Basic != nil {
				r.Basic = e.Basic.Amount.String()
			}
			if e.Project != nil {
				r.Project = e.Project.Amount.String()
			}
			if e.Reserve != nil {
				r.Reserve = e.Reserve.Amount.String()
			}
		}
		if d.ThreePublic != nil {
			r.ThreePublic = m(d.ThreePublic.Total)
		}
		if d.OperatingCosts != nil {
			r.OperatingCosts = d.OperatingCosts.Amount.String()
		}
		if d.Procurement != nil {
			r.Procurement = d.Procurement.Amount.String()
		}
		for _, c := range d.Checks {
			switch c.Severity {
			case schema.SeverityError:
				r.ChecksError++
			case schema.SeverityWarning:
				r.ChecksWarning++
			default:
				r.ChecksInfo++
			}
		}
		rows = append(rows, r)
	}
	return rows
}

type items struct {
	d    *schema.Document
	rows []LineItemRow
}

func (it *items) add(r LineItemRow, amountPtr string) {
	r.DocumentID = it.d.ID
	r.Pointer = amountPtr
	r.Line, r.File = sourceOf(it.d, amountPtr)
	it.rows = append(it.rows, r)
}

func (it *items) figure(section, name, nameEn, ptr string, f *schema.Figure) {
	if f == nil {
		return
	}
	it.add(LineItemRow{Section: section, Name: name, NameEn: nameEn, Amount: f.Amount.String(), PriorYear: m(f.PriorYear), Budgeted: m(f.Budgeted)}, ptr+"/amount")
}

func (it *items) money(section, name, nameEn, ptr string, v, prior *schema.Money) {
	if v == nil {
		return
	}
	it.add(LineItemRow{Section: section, Name: name, NameEn: nameEn, Amount: v.String(), PriorYear: m(prior)}, ptr)
}

func (it *items) classes(scheme, base string, list []schema.ClassItem, parent string) {
	for i, c := range list {
		ptr := base + "/" + strconv.Itoa(i)
		level := map[int]string{3: "类", 5: "款", 7: "项"}[len(c.Code)]
		if scheme == schema.SchemeEconomic && len(c.Code) == 5 {
			level = "款"
		}
		row := LineItemRow{Section: "expenditure", Scheme: scheme, Code: c.Code, Level: level, ParentCode: parent,
			Name: c.Name, NameEn: c.NameEn, PriorYear: m(c.PriorYear), Budgeted: m(c.Budgeted)}
		if c.Unstated { // a class of 项 only: the amount is empty, never 0, and the pointer the class's
			it.add(row, ptr)
		} else {
			row.Amount = c.Amount.String()
			it.add(row, ptr+"/amount")
		}
		it.classes(scheme, ptr+"/items", c.Items, c.Code)
	}
}

// LineItemRows builds line_items.csv: every figure of every document.
func LineItemRows(docs []*schema.Document) []LineItemRow {
	var all []LineItemRow
	for _, d := range docs {
		it := &items{d: d}
		if r := d.Revenue; r != nil {
			it.money("revenue", "收入总计", "Total revenue", "/revenue/total", r.Total, r.PriorYear)
			it.money("revenue", "本年收入合计", "Current-year revenue", "/revenue/current_year", r.CurrentYear, nil)
			it.money("revenue", "年初结转和结余", "Carried over from prior years", "/revenue/carried_over", r.CarriedOver, nil)
			for i, s := range r.Sources {
				it.add(LineItemRow{Section: "revenue", Scheme: "source", Name: s.Name, NameEn: sourceEn[s.Name], Amount: s.Amount.String(), PriorYear: m(s.PriorYear)}, "/revenue/sources/"+strconv.Itoa(i)+"/amount")
			}
		}
		if e := d.Expenditure; e != nil {
			it.money("expenditure", "支出总计", "Total expenditure", "/expenditure/total", e.Total, e.PriorYear)
			it.money("expenditure", "本年支出合计", "Current-year expenditure", "/expenditure/current_year", e.CurrentYear, nil)
			it.money("expenditure", "年末结转和结余", "Carried forward", "/expenditure/carried_forward", e.CarriedForward, nil)
			it.classes(schema.SchemeFunctional, "/expenditure/by_function", e.ByFunction, "")
			it.classes(schema.SchemeEconomic, "/expenditure/by_economic", e.ByEconomic, "")
			if e.Basic != nil {
				it.add(LineItemRow{Section: "expenditure", Scheme: "basic_project", Name: "基本支出", NameEn: "Basic expenditure", Amount: e.Basic.Amount.String(), PriorYear: m(e.Basic.PriorYear), Budgeted: m(e.Basic.Budgeted)}, "/expenditure/basic/amount")
			}
			for _, f := range []struct {
				zh, en, ptr string
				f           *schema.Figure
				scheme      string
			}{{"人员经费", "Personnel (part of basic expenditure)", "/expenditure/personnel", e.Personnel, "basic_parts"},
				{"公用经费", "Public expenses (part of basic expenditure)", "/expenditure/public_expenses", e.PublicExpenses, "basic_parts"},
				{"一般公共预算财政拨款支出", "Expenditure of the general budget's appropriations", "/expenditure/general", e.General, "general"},
				{"一般公共预算财政拨款基本支出", "Basic expenditure of the general budget's appropriations", "/expenditure/general_basic", e.GeneralBasic, "general_basic"},
				{"一般公共预算财政拨款人员经费", "Personnel (part of the appropriations' basic expenditure)", "/expenditure/general_personnel", e.GeneralPersonnel, "general_basic_parts"},
				{"一般公共预算财政拨款公用经费", "Public expenses (part of the appropriations' basic expenditure)", "/expenditure/general_public_expenses", e.GeneralPublicExpenses, "general_basic_parts"}} {
				if f.f != nil {
					it.add(LineItemRow{Section: "expenditure", Scheme: f.scheme, Name: f.zh, NameEn: f.en, Amount: f.f.Amount.String(), PriorYear: m(f.f.PriorYear), Budgeted: m(f.f.Budgeted)}, f.ptr+"/amount")
				}
			}
			if e.Project != nil {
				it.add(LineItemRow{Section: "expenditure", Scheme: "basic_project", Name: "项目支出", NameEn: "Project expenditure", Amount: e.Project.Amount.String(), PriorYear: m(e.Project.PriorYear), Budgeted: m(e.Project.Budgeted)}, "/expenditure/project/amount")
			}
			if e.Reserve != nil {
				it.add(LineItemRow{Section: "expenditure", Scheme: "basic_project", Name: "单位预留机动经费", NameEn: "Reserve for contingencies", Amount: e.Reserve.Amount.String(), PriorYear: m(e.Reserve.PriorYear), Budgeted: m(e.Reserve.Budgeted)}, "/expenditure/reserve/amount")
			}
			for i, p := range e.Projects {
				it.add(LineItemRow{Section: "expenditure", Scheme: "project", Name: p.Name, Amount: p.Amount.String(), PriorYear: m(p.PriorYear)}, "/expenditure/projects/"+strconv.Itoa(i)+"/amount")
			}
		}
		it.figure("government_fund", "政府性基金", "Government funds", "/government_fund", d.GovernmentFund)
		it.figure("state_capital", "国有资本经营", "State capital operations", "/state_capital", d.StateCapital)
		it.figure("operating_costs", "机关运行经费", "Operating costs of offices", "/operating_costs", d.OperatingCosts)
		if p := d.Procurement; p != nil {
			it.add(LineItemRow{Section: "procurement", Name: "政府采购", NameEn: "Government procurement", Amount: p.Amount.String()}, "/procurement/amount")
			it.money("procurement", "货物", "Goods", "/procurement/goods", p.Goods, nil)
			it.money("procurement", "工程", "Works", "/procurement/works", p.Works, nil)
			it.money("procurement", "服务", "Services", "/procurement/services", p.Services, nil)
			it.money("procurement", "面向中小企业预留", "Reserved for small and medium enterprises", "/procurement/sme_reserved", p.SMEReserved, nil)
			it.money("procurement", "其中：面向小微企业预留", "of which reserved for small and micro enterprises", "/procurement/small_micro_reserved", p.SmallMicroReserved, nil)
			it.money("procurement", "授予中小企业合同金额", "Contracts awarded to small and medium enterprises", "/procurement/sme_awarded", p.SMEAwarded, nil)
			it.money("procurement", "其中：授予小微企业合同金额", "of which awarded to small and micro enterprises", "/procurement/small_micro_awarded", p.SmallMicroAwarded, nil)
		}
		if t := d.ThreePublic; t != nil {
			if t.Total != nil {
				it.add(LineItemRow{Section: "three_public", Name: "“三公”经费", NameEn: "Three public expenses", Amount: t.Total.String(), PriorYear: m(t.PriorYear), Budgeted: m(t.Budgeted)}, "/three_public/total")
			}
			for _, p := range t.Lines() {
				it.figure("three_public", p.Name, p.NameEn, "/three_public/"+p.Key, p.Figure)
			}
		}
		if a := d.Assets; a != nil {
			for _, s := range []struct {
				ptr, zh, en string
				st          *schema.AssetState
			}{{"/assets/start", "年初", "start of year", a.Start}, {"/assets/end", "年末", "end of year", a.End}} {
				if s.st == nil {
					continue
				}
				it.add(LineItemRow{Section: "assets", Scheme: s.ptr[len("/assets/"):], Name: s.zh + "资产总额", NameEn: "Total assets, " + s.en, Amount: s.st.Total.String()}, s.ptr+"/total")
				for i, c := range s.st.ByCategory {
					it.add(LineItemRow{Section: "assets", Scheme: s.ptr[len("/assets/"):], Name: c.Name, Amount: c.Amount.String()}, s.ptr+"/by_category/"+strconv.Itoa(i)+"/amount")
				}
			}
		}
		all = append(all, it.rows...)
	}
	return all
}

var sourceEn = map[string]string{
	"财政拨款": "Fiscal appropriation", "一般公共预算": "General public budget", "政府性基金": "Government funds",
	"国有资本经营": "State capital operations", "事业收入": "Operating revenue of public institutions",
	"经营收入": "Business revenue", "其他收入": "Other revenue", "上级补助收入": "Subsidies from higher-level units",
	"附属单位上缴收入": "Remittances from affiliated units", "财政专户管理资金": "Funds in special fiscal accounts",
	"行政事业性收费收入": "Administrative fees",
}

// CheckRows builds checks.csv.
func CheckRows(docs []*schema.Document) []CheckRow {
	var rows []CheckRow
	for _, d := range docs {
		for _, c := range d.Checks {
			lines, files := make([]string, len(c.Lines)), make([]string, len(c.Lines))
			for i, l := range c.Lines {
				lines[i], files[i] = strconv.Itoa(l), "0"
				if i < len(c.Files) {
					files[i] = strconv.Itoa(c.Files[i])
				}
			}
			rows = append(rows, CheckRow{
				DocumentID: d.ID, Rule: c.Rule, Severity: c.Severity, Unit: c.Unit,
				Stated: strconv.FormatFloat(c.Stated, 'f', -1, 64), Computed: strconv.FormatFloat(c.Computed, 'f', -1, 64),
				Tolerance: strconv.FormatFloat(c.Tolerance, 'f', -1, 64),
				Message:   c.Message, MessageEn: c.MessageEn, Paths: strings.Join(c.Paths, " "), Lines: strings.Join(lines, " "), Files: strings.Join(files, " "),
			})
		}
	}
	return rows
}
