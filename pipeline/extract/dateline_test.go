package extract

import "testing"

// A page's dateline of digits run into the title after it once a one-line
// body's spaces are dropped ("更新时间:2016-5-13" and "2016年某市文联…"):
// the title's year is read after the date's day, not swallowed by it; a
// year is read out of no other longer run of digits, and a date's own year
// stays a date's.
func TestYearAfterDateline(t *testing.T) {
	for _, c := range []struct {
		line string
		year int
	}{
		{"更新时间:2016-5-132016年某市文联部门预算基本情况说明", 2016},
		{"发布日期:2021/06/012021年度某县妇联部门决算", 2021},
		{"日期:2019.12.32020年某县科协部门预算", 2020},
		{"编号132016年某市文联部门预算", 0},           // no date before the digits
		{"2016-5-402016年某市文联部门预算", 0},      // no day 40
		{"12016-5-132016年某市文联部门预算", 0},     // the date's year in a longer run
		{"更新时间:2016-5-13某市文联部门预算", 0},      // a date's year is no fiscal year
		{"更新时间:2016-5-1320162016年某市文联", 0}, // a longer run after the day
	} {
		y, _, _, _ := titleYearIn(c.line)
		if y != c.year {
			t.Errorf("%q: year %d, want %d", c.line, y, c.year)
		}
	}
}

// One line of a web page: its dateline, then the title of a people's
// organisation by its short name (某市文联, 妇联, 科协): the title is read
// with its year, name and kind.
func TestEmbeddedTitleAfterDateline(t *testing.T) {
	for _, c := range []struct{ line, name string }{
		{"作者:某某文艺网 文章来源:本站原创 点击数: 更新时间:2016-5-13 2016年肇庆市文联部门预算基本情况说明 一、部门基本情况", "肇庆市文联"},
		{"发布日期:2021/06/01 2021年度某某县妇联部门决算 一、部门基本情况", "某某县妇联"},
	} {
		id := embeddedTitle(compactLines(foldAll([]string{c.line})))
		if id.name != c.name || id.year == 0 || id.kind == "" {
			t.Errorf("%q: %+v", c.line, id)
		}
	}
}
