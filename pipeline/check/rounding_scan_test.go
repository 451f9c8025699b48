package check

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"budgetpub/internal/randtext"
)

// TestNumbersAsRegexp: printedAs's scanner finds the numbers and unit words
// the regexps it replaced found, on 50,000 random lines.
func TestNumbersAsRegexp(t *testing.T) {
	numberRe := regexp.MustCompile(`[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?`)
	unitRe := regexp.MustCompile(`^[ 　]*(亿|万|千|元)`)
	alphabet := []string{"0", "7", "０", "９", ",", "，", ".", "．", " ", "　", "亿", "万", "千", "元", "收入", "%", "-", "\xff", "a"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		text := randtext.Of(r, alphabet, 16)
		var got [][]int
		for start, end := range numbers(text) {
			got = append(got, []int{start, end})
		}
		want := numberRe.FindAllStringIndex(text, -1)
		if len(got) != len(want) {
			t.Fatalf("%q: numbers at %v, the regexp finds %v", text, got, want)
		}
		for k := range got {
			if got[k][0] != want[k][0] || got[k][1] != want[k][1] {
				t.Fatalf("%q: numbers at %v, the regexp finds %v", text, got, want)
			}
		}
		for i := range len(text) + 1 {
			u := ""
			if m := unitRe.FindStringSubmatch(text[i:]); m != nil {
				u = m[1]
			}
			if got := unitAfter(text[i:]); got != u {
				t.Fatalf("%q: unit %q after %d, the regexp %q", text, got, i, u)
			}
		}
	}
}
