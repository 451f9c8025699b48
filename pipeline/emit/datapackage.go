package emit

import (
	"reflect"
	"strings"
)

// Field is a Table Schema field.
type Field struct {
	Name        string `json:"name"`
	Title       string `json:"title,omitempty"`
	Type        string `json:"type"`
	Description string `json:"description"`
}

// columns describes every CSV column: type, Chinese title, English description.
var columns = map[string]struct{ typ, zh, en string }{
	"id":                  {"string", "编号", "Stable id of the disclosure (URL-safe ASCII)"},
	"document_id":         {"string", "文件编号", "Id of the disclosure (documents.id)"},
	"department":          {"string", "部门", "Department name as published"},
	"region":              {"string", "地区", "Administrative region read from the department name"},
	"kind":                {"string", "类型", "budget (预算) or final_accounts (决算)"},
	"fiscal_year":         {"integer", "年度", "Fiscal year"},
	"reported_unit":       {"string", "报告单位", "Money unit the document used (元, 万元); amounts here are always yuan"},
	"revenue_total":       {"number", "收入总计", "Total revenue, yuan"},
	"expenditure_total":   {"number", "支出总计", "Total expenditure, yuan"},
	"basic_expenditure":   {"number", "基本支出", "Basic expenditure, yuan"},
	"project_expenditure": {"number", "项目支出", "Project expenditure, yuan"},
	"three_public_total":  {"number", "“三公”经费", "Three public expenses total, yuan"},
	"operating_costs":     {"number", "机关运行经费", "Operating costs of offices, yuan"},
	"procurement":         {"number", "政府采购", "Government procurement, yuan"},
	"checks_error":        {"integer", "错误数", "Consistency findings of severity error"},
	"checks_warning":      {"integer", "警告数", "Consistency findings of severity warning"},
	"checks_info":         {"integer", "提示数", "Consistency findings of severity info (rounding)"},
	"source_file":         {"string", "来源文件", "Input file the document was extracted from"},
	"source_sha256":       {"string", "来源校验和", "SHA-256 of the input file"},
	"section":             {"string", "部分", "Section of the model: revenue, expenditure, three_public, assets …"},
	"scheme":              {"string", "分类", "Classification: functional, economic, source, basic_project, project, start, end"},
	"code":                {"string", "科目编码", "Classification code (功能分类 201…, 经济分类 301…)"},
	"level":               {"string", "级次", "类, 款 or 项"},
	"parent_code":         {"string", "上级编码", "Code of the parent class"},
	"name":                {"string", "名称", "Name (today's name for classification codes)"},
	"name_en":             {"string", "英文名称", "English label"},
	"amount":              {"number", "金额", "Amount in yuan (决算: executed)"},
	"prior_year":          {"number", "上年数", "Prior year's amount as stated in this document, yuan"},
	"budgeted":            {"number", "预算数", "Budgeted amount (决算 only), yuan"},
	"pointer":             {"string", "路径", "JSON pointer of the figure in the document's JSON"},
	"line":                {"integer", "行号", "Line of the source text the figure came from"},
	"rule":                {"string", "规则", "Rule id (see docs/checks.md)"},
	"severity":            {"string", "级别", "error, warning or info"},
	"unit":                {"string", "单位", "Unit of stated and computed: yuan or %"},
	"stated":              {"number", "陈述值", "The number the document states"},
	"computed":            {"number", "计算值", "The number computed from the document's other figures"},
	"message":             {"string", "说明", "Explanation in Chinese"},
	"message_en":          {"string", "说明（英文）", "Explanation in English"},
	"paths":               {"string", "路径", "JSON pointers of the figures involved, space separated"},
	"lines":               {"string", "行号", "Source lines involved, space separated"},
}

func fieldsOf(row any) []Field {
	t := reflect.TypeOf(row)
	var out []Field
	for i := 0; i < t.NumField(); i++ {
		name := t.Field(i).Tag.Get("csv")
		c := columns[name]
		out = append(out, Field{Name: name, Title: c.zh, Type: c.typ, Description: c.en})
	}
	return out
}

var tableInfo = map[string]struct {
	row        any
	title, doc string
	key        []string
}{
	"documents":  {DocumentRow{}, "Disclosures 公开文件", "One row per disclosure with its headline figures", []string{"id"}},
	"line_items": {LineItemRow{}, "Figures 明细数据", "Every figure of every disclosure, one per row (tidy)", []string{"document_id", "pointer"}},
	"checks":     {CheckRow{}, "Consistency findings 一致性检查", "Contradictions and rounding differences found in each disclosure", nil},
}

func dataPackage(res *Result, version string) map[string]any {
	var resources []map[string]any
	for _, f := range res.Tables {
		name := strings.TrimSuffix(f.Path, ".csv")
		info := tableInfo[name]
		sch := map[string]any{"fields": fieldsOf(info.row), "missingValues": []string{""}}
		if len(info.key) > 0 {
			sch["primaryKey"] = info.key
		}
		if name != "documents" {
			sch["foreignKeys"] = []map[string]any{{"fields": []string{"document_id"}, "reference": map[string]any{"resource": "documents", "fields": []string{"id"}}}}
		}
		resources = append(resources, map[string]any{
			"name": name, "title": info.title, "description": info.doc,
			"path": f.Path, "type": "table", "scheme": "file", "format": "csv", "mediatype": "text/csv",
			"encoding": "utf-8", "bytes": f.Bytes, "hash": "sha256:" + f.SHA256, "rowCount": f.Rows,
			"schema": sch,
		})
	}
	return map[string]any{
		"$schema":     "https://datapackage.org/profiles/2.0/datapackage.json",
		"name":        "budgetpub",
		"title":       "Chinese government department budgets and final accounts 部门预算决算公开数据",
		"description": "Figures extracted from published department budget (预算) and final-accounts (决算) disclosures, normalized to yuan, with consistency findings. Every figure names the source line it came from.",
		"version":     version,
		"licenses":    []map[string]string{{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}},
		"keywords":    []string{"budget", "预算", "决算", "China", "public finance"},
		"resources":   resources,
	}
}
