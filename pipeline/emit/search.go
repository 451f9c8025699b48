package emit

import (
	"strconv"
	"strings"

	"budgetpub/pipeline/search"
	"budgetpub/schema"
)

// SearchEntry is one text of a disclosure that full-text search finds: its
// department's name, a figure's name, a finding's message.
type SearchEntry struct {
	Kind       string // department, line_item or check
	DocumentID string
	Text       string // as published
	TextEn     string // its English label or message
	Pointer    string // the figure's JSON pointer (a finding's first)
	Line       int    // the source line, 0 when unknown
	Amount     string // yuan, for a figure
}

// Tokens are what the entry is found by: the tokens of its text and its
// English text, space separated.
func (e SearchEntry) Tokens() string {
	return strings.Join(search.Tokens(e.Text+" "+e.TextEn), " ")
}

// SearchEntries are the texts of a document that search finds, in the
// order of its tables.
func SearchEntries(d *schema.Document) []SearchEntry {
	out := []SearchEntry{{Kind: "department", DocumentID: d.ID, Text: d.Department.Name, Pointer: "/department/name", Line: d.Provenance["/department/name"].Line}}
	for _, r := range LineItemRows(one(d)) {
		line, _ := strconv.Atoi(r.Line)
		out = append(out, SearchEntry{Kind: "line_item", DocumentID: d.ID, Text: r.Name, TextEn: r.NameEn, Pointer: r.Pointer, Line: line, Amount: r.Amount})
	}
	for _, c := range d.Checks {
		e := SearchEntry{Kind: "check", DocumentID: d.ID, Text: c.Message, TextEn: c.MessageEn}
		if len(c.Paths) > 0 {
			e.Pointer = c.Paths[0]
		}
		if len(c.Lines) > 0 {
			e.Line = c.Lines[0]
		}
		out = append(out, e)
	}
	return out
}

// createSearch makes the full-text table fts: tokens is what FTS5 indexes
// (bigrams and ASCII words, already cut, which its unicode61 tokenizer
// keeps whole), the other columns say what was found and where.
func (d *database) createSearch() error {
	if _, err := d.tx.Exec(`CREATE VIRTUAL TABLE fts USING fts5(tokens, kind UNINDEXED, document_id UNINDEXED, text UNINDEXED, text_en UNINDEXED, pointer UNINDEXED, line UNINDEXED, amount UNINDEXED, tokenize = 'unicode61')`); err != nil {
		return err
	}
	stmt, err := d.tx.Prepare(`INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	d.stmts["fts"] = stmt
	return nil
}

func (d *database) index(entries []SearchEntry) error {
	stmt := d.stmts["fts"]
	for _, e := range entries {
		var line, amount any
		if e.Line > 0 {
			line = e.Line
		}
		if e.Amount != "" {
			amount, _ = strconv.ParseFloat(e.Amount, 64)
		}
		if _, err := stmt.Exec(e.Tokens(), e.Kind, e.DocumentID, e.Text, nullable(e.TextEn), nullable(e.Pointer), line, amount); err != nil {
			return err
		}
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
