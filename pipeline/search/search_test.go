package search

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"住房公积金", []string{"住房", "房公", "公积", "积金"}},
		{"“三公”经费", []string{"三公", "经费"}},
		{"机关运行经费", []string{"机关", "关运", "运行", "行经", "经费"}},
		{"税", []string{"税"}},
		{"2210201 住房公积金 Housing provident fund", []string{"2210201", "住房", "房公", "公积", "积金", "housing", "provident", "fund"}},
		{"ＧＤＰ增长", []string{"gdp", "增长"}},
		{"收入总计3056300元", []string{"收入", "入总", "总计", "3056300", "元"}},
		{"  ,。", nil},
	} {
		if got := Tokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := Unique("经费经费"); !reflect.DeepEqual(got, []string{"经费", "费经"}) {
		t.Errorf("Unique = %q", got)
	}
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"公积":         `"公积"`,
		"住房公积金":      `"住房 房公 公积 积金"`,
		"三公 Housing": `"三公" AND "housing"`,
		"“ ”":        "",
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}
