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
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens are the search tokens of s, in order, repeats kept (a phrase is
// its tokens in a row): each bigram of a run of Han characters (a run of
// one character gives it alone), each run of ASCII letters and digits
// lowercased. Full-width letters and digits count as ASCII; everything
// else separates. A token is a part of s, not a copy, unless it was
// lowercased or full-width.
func Tokens(s string) []string {
	out := AppendTokens(make([]string, 0, len(s)/3+1), s) // a Han character's 3 bytes give a token at most
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendTokens appends the Tokens of s to out.
func AppendTokens(out []string, s string) []string {
	han, end, run := 0, 0, 0 // the Han run's last character (s[han:end]) and its length
	word := -1               // where the ASCII word starts; -1: none
	var folded []byte        // the word so far, when it is not s[word:i]
	flushHan := func() {
		if run == 1 {
			out = append(out, s[han:end])
		}
		run = 0
	}
	flushWord := func(i int) {
		switch {
		case word < 0:
		case folded != nil:
			out = append(out, string(folded))
		default:
			out = append(out, s[word:i])
		}
		word, folded = -1, nil
	}
	for i, r := range s {
		c := r
		if c >= 0xFF01 && c <= 0xFF5E { // full-width ASCII
			c -= 0xFEE0
		}
		switch {
		case c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'):
			flushHan()
			if word < 0 {
				word = i
			}
			lower := c
			if c >= 'A' && c <= 'Z' {
				lower += 'a' - 'A'
			}
			if folded == nil && lower != r {
				folded = append(make([]byte, 0, 16), s[word:i]...)
			}
			if folded != nil {
				folded = append(folded, byte(lower))
			}
		case isHan(c):
			flushWord(i)
			next := i + utf8.RuneLen(r)
			if run > 0 {
				out = append(out, s[han:next])
			}
			han, end = i, next
			run++
		default:
			flushHan()
			flushWord(i)
		}
	}
	flushHan()
	flushWord(len(s))
	return out
}

// isHan: r is a Han character (unicode.Han), the CJK Unified Ideographs
// told without a search of the table.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// Unique are the distinct tokens of s, in the order they first appear.
func Unique(s string) []string {
	toks := Tokens(s)
	out := toks[:0]
	if len(toks) <= 16 { // a few: looked for among those kept
		for _, t := range toks {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(toks))
	for _, t := range toks {
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
