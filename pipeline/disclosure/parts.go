package disclosure

import (
	"path"
	"strings"
)

// partSuffixes end the names of files that are parts of a disclosure:
// jiangsu_cppcc-office_2017_dept-budget_text-part.txt.
var partSuffixes = []string{"_text-part", "_tables-part", "_table-part", "-text-part", "-tables-part", "-table-part"}

// PartName tells whether a file's name says it is a part of a disclosure,
// and returns its name without the part's suffix (and extension).
func PartName(file string) (string, bool) {
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	for _, s := range partSuffixes {
		if len(stem) > len(s) && strings.EqualFold(stem[len(stem)-len(s):], s) {
			return stem[:len(stem)-len(s)], true
		}
	}
	return stem, false
}

// TablesTitle tells whether a title is a table's, not a disclosure's:
// "2017年政府采购预算表", "江苏省2018年度省级部门预算公开报表".
func TablesTitle(title string) bool {
	return strings.HasSuffix(strings.TrimSpace(title), "表")
}

// PartTitle tells whether a title says the file is one part of a
// disclosure: its tables (…预算表) or its explanation (…情况说明).
func PartTitle(title string) bool {
	t := strings.TrimSpace(title)
	return TablesTitle(t) || strings.HasSuffix(t, "说明")
}
