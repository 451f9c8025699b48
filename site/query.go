package site

import (
	"fmt"

	"budgetpub/pipeline/emit"
)

// query writes query.html, SQL over the Parquet files in the browser
// (assets/query.js); its filters offer the tables, regions and years of
// this release.
func (r *renderer) query(rows []emit.DocumentRow, res *emit.Result) error {
	regions, years := map[string]bool{}, map[string]bool{}
	for _, d := range rows {
		if d.Region != "" {
			regions[d.Region] = true
		}
		if d.FiscalYear != 0 { // a year the document does not tell is none to filter by
			years[fmt.Sprint(d.FiscalYear)] = true
		}
	}
	var tables []string
	for _, f := range res.Downloads {
		if f.Format == "parquet" {
			tables = append(tables, f.Table)
		}
	}
	return r.render("query.html", "query.html", struct {
		page
		Tables, Regions, Years []string
	}{page{Title: "查询 Query", Release: r.rel}, tables, keys(regions), keys(years)})
}
