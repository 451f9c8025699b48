package emit_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"budgetpub/pipeline/emit"
	"budgetpub/pipeline/search"
	"budgetpub/schema"
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

// TestSentences: the narrative's sentences are indexed whole, a sentence
// wrapped over a line break joined, each on the line it starts on with the
// figure read there; table rows and short fragments are not sentences.
func TestSentences(t *testing.T) {
	d := &schema.Document{ID: "d", Provenance: map[string]schema.Source{
		"/expenditure/total":          {Line: 4, Text: "2023年一般公共预算支出 1,234.56 万元。"},
		"/expenditure/basic/amount":   {Line: 4},
		"/three_public/total":         {Line: 2, File: 1},
		"/expenditure/project/amount": {Line: 9},
	}}
	files := [][]string{{
		"一、部门主要职责",
		"",
		"（一）贯彻中央、省、市、区关于群众工作、信访工作",
		"的决策部署。2023年一般公共预算支出 1,234.56 万元。好。",
		"",
		"",
		"项目            合计          基本支出",
		"一般公共服务支出     1,234.56     1,000.00",
		"一般公共服务支出中的行政运行经费，",
		"一般公共服务支出中的行政运行经费",
	}, {"（二）“三公”经费", "“三公”经费预算为零。"}}
	got := emit.Sentences(d, files)
	want := []struct {
		text, pointer string
		line, file    int
	}{
		{"一、部门主要职责", "", 1, 0},
		{"（一）贯彻中央、省、市、区关于群众工作、信访工作的决策部署。", "", 3, 0},
		{"2023年一般公共预算支出 1,234.56 万元。", "/expenditure/basic/amount", 4, 0},
		{"一般公共服务支出中的行政运行经费，一般公共服务支出中的行政运行经费", "/expenditure/project/amount", 9, 0},
		{"“三公”经费预算为零。", "/three_public/total", 2, 1},
	}
	if len(got) != len(want) {
		t.Fatalf("%d sentences, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != "sentence" || g.Text != w.text || g.Pointer != w.pointer || g.Line != w.line || g.File != w.file || g.DocumentID != "d" {
			t.Errorf("sentence %d: %+v, want %+v", i, g, w)
		}
	}
}

// A disclosure's sentences are indexed up to MaxSentences, the first ones,
// however many its text makes; one paragraph without a sentence end is one
// sentence, cut at sentenceMax bytes.
func TestSentencesBounded(t *testing.T) {
	var lines []string
	for i := range 3 * emit.MaxSentences {
		lines = append(lines, fmt.Sprintf("第%d项工作任务已经全部完成。", i))
	}
	got := emit.Sentences(&schema.Document{ID: "d"}, [][]string{lines})
	if len(got) != emit.MaxSentences || got[0].Text != lines[0] || got[len(got)-1].Line != emit.MaxSentences {
		t.Errorf("%d sentences, the last of line %d", len(got), got[len(got)-1].Line)
	}
	long := strings.Repeat("部门预算收支安排情况说明", 8<<20/36) // 8 MB
	var para []string
	for len(long) > 0 {
		n := min(len(long), 2046)
		para, long = append(para, long[:n]), long[n:]
	}
	got = emit.Sentences(&schema.Document{ID: "d"}, [][]string{para})
	if len(got) != 1 || len(got[0].Text) > 600 {
		t.Errorf("one paragraph of %d lines: %d sentences", len(para), len(got))
	}
}
