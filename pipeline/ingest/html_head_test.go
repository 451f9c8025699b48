package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestIsHTMLAsWholeLowered: isHTML, which lowers a text's first 512 bytes
// only, tells what it told lowering the whole text, for openings of tags,
// spaces, upper case, runes whose lower case is ASCII (K, the Kelvin sign;
// İ) or longer, and invalid bytes, at every length around the cut.
func TestIsHTMLAsWholeLowered(t *testing.T) {
	whole := func(s string) bool {
		head := strings.ToLower(strings.TrimSpace(s))
		if len(head) > 512 {
			head = head[:512]
		}
		return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
	}
	parts := []string{"<!DOCTYPE html", "<!doctype HTML", "<HTML", "<html>", " ", "\n", "\u212a", "\u0130", "Ⱥ", "预算", "a", "\xe9", "\xff", "<", "!"}
	rng := rand.New(rand.NewPCG(19, 25))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		for range rng.IntN(3) { // to around the cut
			b.WriteString(strings.Repeat(parts[rng.IntN(len(parts))], 40+rng.IntN(200)))
		}
		if s := b.String(); isHTML("x.txt", s) != whole(s) {
			t.Fatalf("isHTML(%q) = %v, lowering the whole: %v", s, isHTML("x.txt", s), whole(s))
		}
	}
}
