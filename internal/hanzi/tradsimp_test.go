package hanzi

import "testing"

// Simplify writes traditional characters in their simplified forms, keeps
// every other rune, and so keeps byte offsets.
func TestSimplify(t *testing.T) {
	for in, want := range map[string]string{
		"標題: 2022年度某縣審計局部門預算": "标题: 2022年度某县审计局部门预算",
		"发布机构：某局":             "发布机构：某局",
		"乾坤 于是 ABC 12.5":      "乾坤 于是 ABC 12.5",
	} {
		got := Simplify(in)
		if got != want || len(got) != len(in) {
			t.Errorf("Simplify(%q) = %q, want %q (same length)", in, got, want)
		}
	}
	if Traditional('标') || !Traditional('標') || Simplified('發') != '发' || Simplified('x') != 'x' {
		t.Errorf("Traditional/Simplified")
	}
}
