package emit_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/pipeline/search"
)

// TestFullTextSearch queries the full-text index of budgetpub.sqlite as a user
// would: a two-character word (公积) as it is, longer words through
// search.Match; every row found holds the word, and the words a reader of
// budgets looks for find what they expect.
func TestFullTextSearch(t *testing.T) {
	dir, docs, _ := write(t)
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	find := func(match string) (kinds map[string]int, texts []string) {
		t.Helper()
		rows, err := db.Query(`SELECT kind, text, coalesce(text_en, '') FROM search WHERE fts MATCH ? ORDER BY rowid`, match)
		if err != nil {
			t.Fatalf("MATCH %s: %v", match, err)
		}
		defer rows.Close()
		kinds = map[string]int{}
		for rows.Next() {
			var k, text, en string
			rows.Scan(&k, &text, &en)
			kinds[k]++
			texts = append(texts, text+" "+en)
		}
		return kinds, texts
	}
	for _, c := range []struct {
		query, match, kind, holds string
	}{
		{"公积", "公积", "line_item", "公积"},
		{"住房公积金", search.Match("住房公积金"), "line_item", "住房公积金"},
		{"三公", search.Match("三公"), "line_item", "三公"},
		{"机关运行", search.Match("机关运行"), "line_item", "机关运行"},
		{"万里街道", search.Match("万里街道"), "department", "万里街道"},
		{"housing", search.Match("Housing"), "line_item", "housing"},
	} {
		kinds, texts := find(c.match)
		if kinds[c.kind] == 0 {
			t.Errorf("%s (MATCH %s): no %s among %v", c.query, c.match, c.kind, kinds)
		}
		for _, s := range texts {
			if !strings.Contains(strings.ToLower(s), c.holds) {
				t.Errorf("%s found %q", c.query, s)
			}
		}
	}
	// a finding's message is found by its words
	var msg string
	for _, d := range docs {
		if len(d.Checks) > 0 {
			msg = d.Checks[0].Message
			break
		}
	}
	w := []rune(msg)
	if kinds, _ := find(search.Match(string(w[:4]))); kinds["check"] == 0 {
		t.Errorf("no finding found by %q", string(w[:4]))
	}
	var n, m int
	db.QueryRow(`SELECT count(*) FROM fts WHERE fts MATCH '公积'`).Scan(&n)
	db.QueryRow(`SELECT count(*) FROM fts_entries WHERE text LIKE '%公积%' OR text_en LIKE '%公积%'`).Scan(&m)
	if n == 0 || n != m {
		t.Errorf("fts MATCH '公积': %d rows, %d entries hold 公积", n, m)
	}
}
