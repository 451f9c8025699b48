// Package search cuts text into the tokens of budgetpub's full-text
// search: every pair of adjacent Chinese characters (a bigram) and every
// ASCII word. Chinese has no spaces and most budget words are two to four
// characters (公积金, 三公, 机关运行), so overlapping bigrams find every word
// of two characters or more without a dictionary; SQLite's default
// tokenizer finds nothing in Chinese and its trigram tokenizer misses
// two-character words. The SQLite download (table fts) and the site's
// static index use the same tokens.
package search

import (
	"strings"
	"unicode"
)

// Tokens are the search tokens of s, in order, repeats kept (a phrase is
// its tokens in a row): each bigram of a run of Han characters (a run of
// one character gives it alone), each run of ASCII letters and digits
// lowercased. Full-width letters and digits count as ASCII; everything
// else separates.
func Tokens(s string) []string {
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
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
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

// Unique are the distinct tokens of s, in the order they first appear.
func Unique(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range Tokens(s) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// Match is the SQLite FTS5 query for what a user typed: each word of it
// as the phrase of its tokens, all of them required. 住房公积金 becomes
// "住房 房公 公积 积金"; a word of one Chinese character matches only that
// character standing alone.
func Match(q string) string {
	var parts []string
	for _, w := range strings.Fields(q) {
		if toks := Tokens(w); len(toks) > 0 {
			parts = append(parts, `"`+strings.Join(toks, " ")+`"`)
		}
	}
	return strings.Join(parts, " AND ")
}
