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
	File       int    // the file of Line, in a disclosure of several files (0: the first)
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
	dep := d.Provenance["/department/name"]
	out := []SearchEntry{{Kind: "department", DocumentID: d.ID, Text: d.Department.Name, Pointer: "/department/name", Line: dep.Line, File: dep.File}}
	for _, r := range LineItemRows(one(d)) {
		line, _ := strconv.Atoi(r.Line)
		out = append(out, SearchEntry{Kind: "line_item", DocumentID: d.ID, Text: r.Name, TextEn: r.NameEn, Pointer: r.Pointer, Line: line, File: r.File, Amount: r.Amount})
	}
	for _, c := range d.Checks {
		e := SearchEntry{Kind: "check", DocumentID: d.ID, Text: c.Message, TextEn: c.MessageEn}
		if len(c.Paths) > 0 {
			e.Pointer = c.Paths[0]
		}
		if len(c.Lines) > 0 {
			e.Line = c.Lines[0]
		}
		if len(c.Files) > 0 {
			e.File = c.Files[0]
		}
		out = append(out, e)
	}
	return out
}

// createSearch makes the full-text index: fts (FTS5, contentless) indexes
// the tokens (bigrams and ASCII words, already cut, which its unicode61
// tokenizer keeps whole) of each row of fts_entries, which says what was
// found and where; the view search joins them, so that
// SELECT * FROM search WHERE fts MATCH '公积' gives the rows found. The
// tokens are not stored: at 10,000 documents they would double the file.
func (d *database) createSearch() error {
	for _, q := range []string{
		`CREATE TABLE fts_entries (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents (id), text TEXT NOT NULL, text_en TEXT, pointer TEXT, line INTEGER, file INTEGER, amount REAL)`,
		`CREATE VIRTUAL TABLE fts USING fts5(tokens, content = '', columnsize = 0, tokenize = 'unicode61')`,
		`CREATE VIEW search AS SELECT e.*, fts.fts AS fts FROM fts JOIN fts_entries e ON e.rowid = fts.rowid`,
	} {
		if _, err := d.tx.Exec(q); err != nil {
			return err
		}
	}
	for name, q := range map[string]string{
		"fts_entries": `INSERT INTO fts_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		"fts":         `INSERT INTO fts (rowid, tokens) VALUES (?, ?)`,
	} {
		stmt, err := d.tx.Prepare(q)
		if err != nil {
			return err
		}
		d.stmts[name] = stmt
	}
	return nil
}

func (d *database) index(entries []SearchEntry) error {
	for _, e := range entries {
		d.entries++
		var line, amount any
		if e.Line > 0 {
			line = e.Line
		}
		if e.Amount != "" {
			amount, _ = strconv.ParseFloat(e.Amount, 64)
		}
		if _, err := d.stmts["fts_entries"].Exec(d.entries, e.Kind, e.DocumentID, e.Text, nullable(e.TextEn), nullable(e.Pointer), line, e.File, amount); err != nil {
			return err
		}
		if _, err := d.stmts["fts"].Exec(d.entries, e.Tokens()); err != nil {
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
