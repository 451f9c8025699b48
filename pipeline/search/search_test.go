package search

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"budgetpub/internal/randtext"
)

// tokensByRunes is Tokens as it was first written, rune by rune, each
// token a new string: what Tokens must give.
func tokensByRunes(s string) []string {
	var out []string
	var han []rune
	var word strings.Builder
	flushHan := func() {
		if len(han) == 1 {
			out = append(out, string(han))
		}
		for i := 0; i+1 < len(han); i++ {
			out = append(out, string(han[i:i+2]))
		}
		han = han[:0]
	}
	flushWord := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case unicode.Is(unicode.Han, r):
			flushWord()
			han = append(han, r)
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			flushHan()
			word.WriteRune(unicode.ToLower(r))
		default:
			flushHan()
			flushWord()
		}
	}
	flushHan()
	flushWord()
	return out
}

// TestTokensAsByRunes: Tokens and Unique give what cutting rune by rune
// gives, for texts of Han (of the unified block and beyond it), ASCII
// and full-width letters, digits and punctuation, other scripts and
// bytes that are not UTF-8; and isHan is unicode.Han for every rune.
func TestTokensAsByRunes(t *testing.T) {
	parts := []string{"住", "房", "公", "积", "金", "㐀", "𠀀", "⺀", "〇", "A", "b", "Z", "9", "0", "Ｇ", "ｄ", "５", "，", "！", "、", " ", ",", "-", "é", "Ω", "\xff", "\xe4\xbd", "ab", "CD", "\u00a0"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := randtext.Of(r, parts, 60)
		want := tokensByRunes(s)
		if got := Tokens(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokens(%q) = %q, want %q", s, got, want)
		}
		var unique []string
		for _, tok := range want {
			if !slices.Contains(unique, tok) {
				unique = append(unique, tok)
			}
		}
		if got := Unique(s); !reflect.DeepEqual(got, unique) {
			t.Fatalf("Unique(%q) = %q, want %q", s, got, unique)
		}
	}
	for c := rune(0); c <= unicode.MaxRune; c++ {
		if isHan(c) != unicode.Is(unicode.Han, c) {
			t.Fatalf("isHan(%U) = %v", c, isHan(c))
		}
	}
}

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
