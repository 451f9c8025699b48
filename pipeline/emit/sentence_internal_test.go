package emit

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestHanFirst: no Han character comes before hanFirst, and one starts
// there, so isSentence's test before the table's search tells the same.
func TestHanFirst(t *testing.T) {
	if lo := rune(unicode.Han.R16[0].Lo); lo != hanFirst {
		t.Fatalf("unicode.Han starts at %#x, hanFirst is %#x", lo, hanFirst)
	}
	for r := rune(0); r < hanFirst; r++ {
		if unicode.Is(unicode.Han, r) {
			t.Fatalf("%#x is Han, before hanFirst", r)
		}
	}
}

// TestIsHeadingAsCounted: isHeading, which counts a line's characters
// no further than 25, tells what it told counting them all, on random
// lines of Han, digits, enumerators and punctuation of every length.
func TestIsHeadingAsCounted(t *testing.T) {
	counted := func(line string) bool {
		n := utf8.RuneCountInString(line)
		if n > 24 || strings.ContainsAny(line, "，。；：！？,;:") {
			return false
		}
		if n <= 12 {
			return true
		}
		rest := enumerator.ReplaceAllString(line, "")
		return rest != line && !strings.Contains(rest, "、")
	}
	parts := []string{"一、", "（二）", "3.", "第一部分", "附件", "预算", "支出", "、", "，", "1", "a", " ", "\xff", "。"}
	rng := rand.New(rand.NewPCG(19, 25))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		if line := b.String(); isHeading(line) != counted(line) {
			t.Fatalf("isHeading(%q) = %v, counted all: %v", line, isHeading(line), counted(line))
		}
	}
}
