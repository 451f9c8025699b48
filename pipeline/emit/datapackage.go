package emit

import (
	"reflect"
	"strings"
)

// Field is a Table Schema field.
type Field struct {
	Name        string         `json:"name"`
	Title       string         `json:"title,omitempty"`
	Type        string         `json:"type"`
	Description string         `json:"description"`
	Constraints map[string]any `json:"constraints,omitempty"`
}

// constraints of the columns that have them ("table.column" or "column").
var constraints = map[string]map[string]any{
	"documents.id":          {"required": true, "unique": true, "pattern": "^[a-z0-9][a-z0-9._-]*$"},
	"document_id":           {"required": true},
	"kind":                  {"enum": []string{"budget", "final_accounts"}},
	"indicators.kind":       {"enum": []string{"output", "outcome", "satisfaction"}},
	"fiscal_year":           {"minimum": 1990, "maximum": 2100},
	"severity":              {"enum": []string{"error", "warning", "info"}},
	"comparator":            {"enum": []string{">", ">=", "=", "<=", "<"}},
	"level":                 {"enum": []string{"", "类", "款", "项"}},
	"date":                  {"enum": []string{"start", "end"}},
	"coverage.part":         {"enum": []string{"section", "table"}},
	"coverage.status":       {"enum": []string{"read", "not_read", "incomplete", "empty", "no_figure", "absent"}},
	"three_public.item":     {"enum": []string{"total", "overseas_travel", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"}},
	"classification.code":   {"required": true, "pattern": "^[0-9]{3}([0-9]{2}){0,2}$"},
	"source_sha256":         {"pattern": "^[0-9a-f]{64}$"},
	"classification.scheme": {"enum": []string{"functional", "economic"}},
	"department_id":         {"required": true, "pattern": "^[a-z0-9][a-z0-9._-]*$"},
	"file":                  {"minimum": 0},
}

// columns describes every CSV column: type, Chinese title, English description.
var columns = map[string]struct{ typ, zh, en string }{
	"id":                       {"string", "编号", "Stable id of the disclosure (URL-safe ASCII)"},
	"document_id":              {"string", "文件编号", "Id of the disclosure (documents.id)"},
	"department":               {"string", "部门", "Department name as published"},
	"region":                   {"string", "地区", "Administrative region read from the department name"},
	"kind":                     {"string", "类型", "budget (预算) or final_accounts (决算)"},
	"fiscal_year":              {"integer", "年度", "Fiscal year"},
	"reported_unit":            {"string", "报告单位", "Money unit the document used (元, 万元); amounts here are always yuan"},
	"revenue_total":            {"number", "收入总计", "Total revenue, yuan"},
	"expenditure_total":        {"number", "支出总计", "Total expenditure, yuan"},
	"basic_expenditure":        {"number", "基本支出", "Basic expenditure, yuan"},
	"project_expenditure":      {"number", "项目支出", "Project expenditure, yuan"},
	"reserve_expenditure":      {"number", "单位预留机动经费", "Reserve for contingencies (单位预留机动经费, /expenditure/reserve), yuan: basic + project + reserve = expenditure_current_year where stated, expenditure_total otherwise"},
	"expenditure_current_year": {"number", "本年支出合计", "This year's expenditure, yuan: expenditure_total less carried_forward"},
	"carried_forward":          {"number", "年末结转和结余", "Carried forward to the next year (决算), yuan"},
	"three_public_total":       {"number", "“三公”经费", "Three public expenses total, yuan"},
	"operating_costs":          {"number", "机关运行经费", "Operating costs of offices, yuan"},
	"procurement":              {"number", "政府采购", "Government procurement, yuan"},
	"checks_error":             {"integer", "错误数", "Consistency findings of severity error"},
	"checks_warning":           {"integer", "警告数", "Consistency findings of severity warning"},
	"checks_info":              {"integer", "提示数", "Consistency findings of severity info (rounding)"},
	"source_file":              {"string", "来源文件", "Input file the document was extracted from"},
	"source_sha256":            {"string", "来源校验和", "SHA-256 of the input file"},
	"section":                  {"string", "部分", "Section of the model: revenue, expenditure, three_public, assets …"},
	"scheme":                   {"string", "分类", "Classification: functional, economic, source, basic_project (基本支出, 项目支出 and 单位预留机动经费, which add up to the expenditure), basic_parts (人员经费 and 公用经费, the parts of basic expenditure), general (一般公共预算财政拨款支出: the expenditure of the general budget's appropriations, all funds' only where every yuan is one), general_basic (一般公共预算财政拨款基本支出: the basic expenditure of the general budget's appropriations, the whole economic classes break down; all funds' basic expenditure where every yuan is an appropriation), general_basic_parts (its 人员经费 and 公用经费), project, start, end"},
	"code":                     {"string", "科目编码", "Classification code (功能分类 201…, 经济分类 301…)"},
	"level":                    {"string", "级次", "类, 款 or 项"},
	"parent_code":              {"string", "上级编码", "Code of the parent class"},
	"name":                     {"string", "名称", "Name (today's name for classification codes)"},
	"name_en":                  {"string", "英文名称", "English label"},
	"amount":                   {"number", "金额", "Amount in yuan (决算: executed); empty for a class whose amount the document does not state, only its items'"},
	"prior_year":               {"number", "上年数", "Prior year's amount as stated in this document, yuan"},
	"budgeted":                 {"number", "预算数", "Budgeted amount (决算 only), yuan"},
	"pointer":                  {"string", "路径", "JSON pointer of the figure in the document's JSON"},
	"line":                     {"integer", "行号", "Line of the source text the figure came from"},
	"rule":                     {"string", "规则", "Rule id (see docs/checks.md)"},
	"item":                     {"string", "项目", "total, overseas_travel, reception, vehicle (the subtotal of vehicle_purchase and vehicle_operation: do not add it to them), vehicle_purchase or vehicle_operation"},
	"goal":                     {"string", "目标", "Goal title or key project name"},
	"goal_kind":                {"string", "目标类型", "long_term, annual or project"},
	"comparator":               {"string", "比较符", "> >= = <= <"},
	"value":                    {"number", "指标值", "Target value"},
	"basis":                    {"string", "设立依据", "Basis of the target (历史标准, 行业标准 …)"},
	"date":                     {"string", "时点", "start or end of the year"},
	"category":                 {"string", "类别", "Asset category (资产总额 for the total)"},
	"indicators.kind":          {"string", "指标类型", "output (产出), outcome (效益) or satisfaction (满意度)"},
	"indicators.name":          {"string", "指标名称", "Indicator as published"},
	"indicators.unit":          {"string", "计量单位", "Unit of the target value (%, 人次, 件 …)"},
	"former_names":             {"string", "曾用名", "Former names, separated by ;"},
	"coverage.part":            {"string", "部分", "section (of the narrative) or table"},
	"coverage.name":            {"string", "名称", "Section or table title as the document names it"},
	"coverage.name_en":         {"string", "英文名称", "English label of the section or of the table's kind"},
	"status":                   {"string", "状态", "read (found and read; a table adding up), not_read (found beside an amount, not read: see reason), incomplete (found, but the text does not hold it whole — cut, no unit: see reason), empty (stated nil), no_figure (mentioned, no amount stated), absent"},
	"reason":                   {"string", "原因", "Why a section or table was not read"},
	"years_observed":           {"string", "出现年份", "Years the name was observed in disclosures"},
	"severity":                 {"string", "级别", "error, warning or info"},
	"unit":                     {"string", "单位", "Unit of stated and computed: yuan, %, count, year, or sign (-1 below, 0 equal, 1 above, for 决算数 against 预算数)"},
	"stated":                   {"number", "陈述值", "The number the document states"},
	"computed":                 {"number", "计算值", "The number computed from the document's other figures"},
	"tolerance":                {"number", "允许误差", "The largest difference the rounding of the figures involved explains, in unit (0 for sign); a difference within it is info"},
	"message":                  {"string", "说明", "Explanation in Chinese"},
	"message_en":               {"string", "说明（英文）", "Explanation in English"},
	"paths":                    {"string", "路径", "JSON pointers of the figures involved, space separated"},
	"lines":                    {"string", "行号", "Source lines involved, space separated"},
	"department_id":            {"string", "部门编号", "Id of the department, stable across years and renamings (pipeline/identity: common variants of a name folded, departments.csv for the rest)"},
	"source_files":             {"string", "来源文件（全部）", "Every input file of the disclosure, ; separated: a disclosure published as a text part and a tables part has two; a line's file number counts from 0 in this list"},
	"file":                     {"integer", "文件", "File of the line: its number (from 0) in documents.source_files; 0 for a disclosure of one file"},
	"files":                    {"string", "文件", "File of each line (numbers in documents.source_files), space separated"},
	"measure":                  {"string", "指标", "revenue_total, expenditure_total, basic_expenditure, project_expenditure, personnel, public_expenses, general_expenditure, general_basic, general_personnel, general_public_expenses (the general budget appropriations' expenditure, its basic part and that part's two parts), three_public_total, overseas_travel, reception, vehicle (subtotal of vehicle_purchase and vehicle_operation), vehicle_purchase, vehicle_operation, operating_costs, procurement, government_fund, state_capital, or function_<code> for a functional 类"},
	"panel.name":               {"string", "名称", "Chinese name of the measure"},
	"execution.name":           {"string", "名称", "Chinese name of the measure"},
	"panel.value":              {"number", "金额", "Amount in yuan"},
	"execution.budgeted":       {"number", "预算数", "What the department's budget (预算) gave, yuan"},
	"actual":                   {"number", "决算数", "What the final accounts (决算) say was spent, yuan"},
	"difference":               {"number", "差额", "actual − budgeted, yuan"},
	"rate":                     {"number", "执行率", "actual / budgeted × 100, two decimals (empty when nothing was budgeted)"},
	"stated_budget":            {"number", "决算所列预算数", "The final accounts' own 预算数 for the measure, where they state one: compare with budgeted"},
	"budget_document_id":       {"string", "预算文件编号", "Id of the budget disclosure (documents.id); document_id is the final accounts'"},
	"execution.pointer":        {"string", "路径", "JSON pointer of actual in the final accounts' JSON"},
	"execution.line":           {"integer", "行号", "Line of the final accounts' source text actual came from"},
	"execution.file":           {"integer", "文件", "File of line: its number (from 0) in the final accounts' documents.source_files"},
	"budget_pointer":           {"string", "预算路径", "JSON pointer of budgeted in the budget's JSON"},
	"budget_line":              {"integer", "预算行号", "Line of the budget's source text budgeted came from"},
	"budget_file":              {"integer", "预算文件", "File of budget_line: its number (from 0) in the budget's documents.source_files"},
}

// formulaNote is the CSV files' rule against CSV injection, for their
// descriptions.
const formulaNote = "In the CSV files a text cell that begins with =, +, -, @, a tab or a carriage return has a ' put before it, " +
	"so that a spreadsheet shows it as text instead of running it as a formula (CSV injection); numbers and columns with a fixed " +
	"list of values (enum) are written as they are, and the JSON, NDJSON, SQLite and XLSX files hold every text as it is."

// fieldsOf describes the columns of a table's row type; "table.column"
// entries of columns override the shared ones.
func fieldsOf(tableName string, row any) []Field {
	t := reflect.TypeOf(row)
	var out []Field
	for i := 0; i < t.NumField(); i++ {
		name := t.Field(i).Tag.Get("csv")
		c, ok := columns[tableName+"."+name]
		if !ok {
			c = columns[name]
		}
		k, ok := constraints[tableName+"."+name]
		if !ok {
			k = constraints[name]
		}
		out = append(out, Field{Name: name, Title: c.zh, Type: c.typ, Description: c.en, Constraints: k})
	}
	return out
}

// fiscal describes the tables in the spirit of the Fiscal Data Package.
var fiscal = map[string]any{
	"currency":   "CNY",
	"amountUnit": "yuan",
	"direction":  map[string]string{"field": "line_items.section", "revenue": "revenue", "other": "expenditure"},
	"phase":      map[string]string{"field": "documents.kind", "budget": "approved", "final_accounts": "executed"},
	"classification": map[string]string{
		"field": "line_items.scheme", "functional": "functional (支出功能分类)", "economic": "economic (部门预算支出经济分类)"},
}

func dataPackage(res *Result, tables []*stream, version, citation string) map[string]any {
	if citation == "" {
		citation = "budgetpub, Chinese government department budgets and final accounts, version " + version + "."
	}
	byName := map[string]*stream{}
	for _, t := range tables {
		byName[t.spec.name] = t
	}
	schemaOf := func(t *stream) map[string]any {
		sch := map[string]any{"fields": t.fields, "missingValues": []string{""}}
		if len(t.spec.key) > 0 {
			sch["primaryKey"] = t.spec.key
		}
		if t.spec.fk {
			sch["foreignKeys"] = []map[string]any{{"fields": []string{"document_id"}, "reference": map[string]any{"resource": "documents", "fields": []string{"id"}}}}
		}
		return sch
	}
	var resources []map[string]any
	for _, f := range res.Tables {
		t := byName[f.Table]
		resources = append(resources, map[string]any{
			"name": f.Table, "title": t.spec.title, "description": t.spec.description + " " + formulaNote,
			"path": f.Path, "type": "table", "scheme": "file", "format": "csv", "mediatype": "text/csv",
			"encoding": "utf-8", "bytes": f.Bytes, "hash": "sha256:" + f.SHA256, "rowCount": f.Rows,
			"schema": schemaOf(t),
		})
	}
	media := map[string]string{"ndjson": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}
	for _, f := range res.Downloads {
		if wholeDownload(f.Format) { // not in the package's bundle
			continue
		}
		r := map[string]any{
			"name": strings.NewReplacer("/", "-", ".", "-").Replace(f.Path), "path": f.Path,
			"format": f.Format, "mediatype": media[f.Format], "bytes": f.Bytes, "hash": "sha256:" + f.SHA256,
		}
		switch f.Format {
		case "ndjson":
			r["type"], r["rowCount"], r["schema"] = "table", f.Rows, schemaOf(byName[f.Table])
			r["description"] = "The " + f.Table + " table as newline-delimited JSON (one object per row, one row a line)."
		case "parquet":
			r["type"], r["rowCount"], r["schema"] = "table", f.Rows, schemaOf(byName[f.Table])
			r["description"] = "The " + f.Table + " table as Parquet (Snappy): strings and codes as UTF-8, integers as INT64, yuan as DECIMAL(18,2), other numbers as DOUBLE; an empty cell is null."
		}
		resources = append(resources, r)
	}
	return map[string]any{
		"$schema":     "https://datapackage.org/profiles/2.0/datapackage.json",
		"name":        "budgetpub",
		"title":       "Chinese government department budgets and final accounts 部门预算决算公开数据",
		"description": "Figures extracted from published department budget (预算) and final-accounts (决算) disclosures, normalized to yuan, with consistency findings. Every figure names the source line it came from. budgetpub.xlsx (every table as a sheet) and budgetpub.sqlite (every table, with keys and full-text search: SELECT * FROM search WHERE fts MATCH '公积') are downloads beside the package, listed in SHA256SUMS.",
		"version":     version,
		"licenses":    []map[string]string{{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}},
		"sources":     []map[string]string{{"title": "Department budget and final-accounts disclosures (部门预算、部门决算公开) as published by each department"}},
		"keywords":    []string{"budget", "预算", "决算", "China", "public finance"},
		"citation":    citation,
		"fiscal":      fiscal,
		"resources":   resources,
	}
}
