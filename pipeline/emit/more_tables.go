package emit

import (
	"strconv"
	"strings"

	"budgetpub/schema"
)

// ThreePublicRow is one row of three_public.csv: the 三公 total or one part.
type ThreePublicRow struct {
	DocumentID string `csv:"document_id"`
	Item       string `csv:"item"`
	Name       string `csv:"name"`
	NameEn     string `csv:"name_en"`
	Amount     string `csv:"amount"`
	PriorYear  string `csv:"prior_year"`
	Budgeted   string `csv:"budgeted"`
	Line       string `csv:"line"`
	File       int    `csv:"file"`
}

// IndicatorRow is one performance indicator.
type IndicatorRow struct {
	DocumentID string `csv:"document_id"`
	Goal       string `csv:"goal"`
	GoalKind   string `csv:"goal_kind"`
	Kind       string `csv:"kind"`
	Name       string `csv:"name"`
	Comparator string `csv:"comparator"`
	Value      string `csv:"value"`
	Unit       string `csv:"unit"`
	Basis      string `csv:"basis"`
	Line       string `csv:"line"`
	File       int    `csv:"file"`
}

// AssetRow is one asset figure at the start or end of the year.
type AssetRow struct {
	DocumentID string `csv:"document_id"`
	Date       string `csv:"date"`
	Category   string `csv:"category"`
	Amount     string `csv:"amount"`
	Line       string `csv:"line"`
	File       int    `csv:"file"`
}

// CoverageRow is one row of coverage.csv: one section or table of one
// document and whether the extractor read it.
type CoverageRow struct {
	DocumentID string `csv:"document_id"`
	Part       string `csv:"part"`
	Name       string `csv:"name"`
	NameEn     string `csv:"name_en"`
	Status     string `csv:"status"`
	Reason     string `csv:"reason"`
	Line       string `csv:"line"`
	File       int    `csv:"file"`
}

// ClassificationRow is one classification code of the reference table.
type ClassificationRow struct {
	Scheme      string `csv:"scheme"`
	Code        string `csv:"code"`
	Level       string `csv:"level"`
	Name        string `csv:"name"`
	NameEn      string `csv:"name_en"`
	FormerNames string `csv:"former_names"`
	Years       string `csv:"years_observed"`
}

// fileOf is the file of a figure's line (Meta.Sources; 0, the first).
func fileOf(d *schema.Document, ptr string) int { return d.Provenance[ptr].File }

func lineOf(d *schema.Document, ptr string) string {
	if s, ok := d.Provenance[ptr]; ok && s.Line > 0 {
		return strconv.Itoa(s.Line)
	}
	return ""
}

// ThreePublicRows builds three_public.csv.
func ThreePublicRows(docs []*schema.Document) []ThreePublicRow {
	var rows []ThreePublicRow
	for _, d := range docs {
		t := d.ThreePublic
		if t == nil {
			continue
		}
		if t.Total != nil {
			rows = append(rows, ThreePublicRow{DocumentID: d.ID, Item: "total", Name: "“三公”经费合计", NameEn: "Total",
				Amount: t.Total.String(), PriorYear: m(t.PriorYear), Budgeted: m(t.Budgeted), Line: lineOf(d, "/three_public/total"), File: fileOf(d, "/three_public/total")})
		}
		for _, p := range t.Lines() {
			if f := p.Figure; f != nil {
				rows = append(rows, ThreePublicRow{DocumentID: d.ID, Item: p.Key, Name: p.Name, NameEn: p.NameEn,
					Amount: f.Amount.String(), PriorYear: m(f.PriorYear), Budgeted: m(f.Budgeted), Line: lineOf(d, "/three_public/"+p.Key+"/amount"), File: fileOf(d, "/three_public/"+p.Key+"/amount")})
			}
		}
	}
	return rows
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// IndicatorRows builds indicators.csv.
func IndicatorRows(docs []*schema.Document) []IndicatorRow {
	var rows []IndicatorRow
	for _, d := range docs {
		p := d.Performance
		if p == nil {
			continue
		}
		add := func(goal, kind, base string, inds []schema.Indicator) {
			for i, in := range inds {
				rows = append(rows, IndicatorRow{DocumentID: d.ID, Goal: goal, GoalKind: kind, Kind: in.Kind, Name: in.Name,
					Comparator: in.Comparator, Value: num(in.Value), Unit: in.Unit, Basis: in.Basis,
					Line: lineOf(d, base+strconv.Itoa(i)+"/value"), File: fileOf(d, base+strconv.Itoa(i)+"/value")})
			}
		}
		for i, g := range p.Goals {
			add(g.Title, g.Horizon, "/performance/goals/"+strconv.Itoa(i)+"/indicators/", g.Indicators)
		}
		for i, pr := range p.Projects {
			add(pr.Name, "project", "/performance/projects/"+strconv.Itoa(i)+"/indicators/", pr.Indicators)
		}
	}
	return rows
}

// AssetRows builds assets.csv.
func AssetRows(docs []*schema.Document) []AssetRow {
	var rows []AssetRow
	for _, d := range docs {
		a := d.Assets
		if a == nil {
			continue
		}
		for _, s := range []struct {
			date string
			st   *schema.AssetState
		}{{"start", a.Start}, {"end", a.End}} {
			if s.st == nil {
				continue
			}
			base := "/assets/" + s.date
			rows = append(rows, AssetRow{DocumentID: d.ID, Date: s.date, Category: "资产总额", Amount: s.st.Total.String(), Line: lineOf(d, base+"/total"), File: fileOf(d, base+"/total")})
			for i, c := range s.st.ByCategory {
				rows = append(rows, AssetRow{DocumentID: d.ID, Date: s.date, Category: c.Name, Amount: c.Amount.String(), Line: lineOf(d, base+"/by_category/"+strconv.Itoa(i)+"/amount"), File: fileOf(d, base+"/by_category/"+strconv.Itoa(i)+"/amount")})
			}
		}
	}
	return rows
}

// CoverageRows builds coverage.csv.
func CoverageRows(docs []*schema.Document) []CoverageRow {
	var rows []CoverageRow
	for _, d := range docs {
		for _, c := range d.Coverage {
			line := ""
			if c.Line > 0 {
				line = strconv.Itoa(c.Line)
			}
			rows = append(rows, CoverageRow{DocumentID: d.ID, Part: c.Part, Name: c.Name, NameEn: c.NameEn, Status: c.Status, Reason: c.Reason, Line: line, File: c.File})
		}
	}
	return rows
}

// ClassificationRows builds the reference table of classification codes.
func ClassificationRows() []ClassificationRow {
	var rows []ClassificationRow
	for _, c := range schema.Classes() {
		rows = append(rows, ClassificationRow{Scheme: c.Scheme, Code: c.Code, Level: c.Level, Name: c.Name,
			NameEn: c.NameEn, FormerNames: strings.Join(c.FormerNames, ";"), Years: c.Years})
	}
	return rows
}
