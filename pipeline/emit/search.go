package emit

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpub/internal/wire"
	"budgetpub/pipeline/emit/sqlfile"
	"budgetpub/pipeline/search"
	"budgetpub/schema"
)

// SearchEntry is one text of a disclosure that full-text search finds: its
// department's name, a figure's name, a finding's message, a sentence of
// its narrative.
type SearchEntry struct {
	Kind       string // department, line_item, check or sentence
	DocumentID string
	Text       string // as published
	TextEn     string // its English label or message
	Pointer    string // the figure's JSON pointer (a finding's first)
	Line       int    // the source line, 0 when unknown
	File       int    // the file of Line, in a disclosure of several files (0: the first)
	Amount     string // yuan, for a figure
	// Cut are its tokens (Tokens) when they were cut with the entry
	// (Sentences cuts them, for both searches); "": cut when asked
	Cut string
}

// Tokens are what the entry is found by: the tokens of its text and its
// English text, space separated.
func (e SearchEntry) Tokens() string {
	if e.Cut != "" {
		return e.Cut
	}
	return strings.Join(search.Tokens(e.Text+" "+e.TextEn), " ")
}

// FTSTerms are the entries cut into the terms of budgetpub.sqlite's
// full-text index (sqlfile.CutRows of their Tokens), after the sha256 of
// the entries (of AppendEntries's bytes: what fts_entries holds of them),
// kept with them so that a document's entries are indexed without being
// cut again, and a segment's are known without being hashed again (see
// pageStore).
func FTSTerms(entries []SearchEntry) []byte {
	texts := make([]string, len(entries))
	for i, e := range entries {
		texts[i] = e.Tokens()
	}
	sum := sha256.Sum256(AppendEntries(nil, entries))
	return append(sum[:], sqlfile.CutRows(texts)...)
}

// errTerms: terms that are not FTSTerms's.
var errTerms = errors.New("search terms without their entries' sum")

// AppendEntries appends entries to b in the binary form ReadEntries reads
// (what the cache keeps of a document's sentences): their count, then each
// one's strings, each after its length, and its line and file; not their
// tokens (FTSTerms are kept for the index).
func AppendEntries(b []byte, entries []SearchEntry) []byte {
	b = binary.AppendUvarint(b, uint64(len(entries)))
	for _, e := range entries {
		for _, s := range []string{e.Kind, e.DocumentID, e.Text, e.TextEn, e.Pointer, e.Amount} {
			b = wire.AppendString(b, s)
		}
		b = binary.AppendUvarint(b, uint64(e.Line))
		b = binary.AppendUvarint(b, uint64(e.File))
	}
	return b
}

// errEntriesShort: the bytes end before the search entries do.
var errEntriesShort = errors.New("search entries cut short")

// ReadEntries reads what AppendEntries wrote: the entries, and the bytes
// after them. The entries' strings are parts of b, not copies: b
// must not change afterwards.
func ReadEntries(b []byte) ([]SearchEntry, []byte, error) {
	rd := wire.Borrowing(b)
	out := make([]SearchEntry, rd.Len())
	for i := range out {
		e := &out[i]
		e.Kind, e.DocumentID, e.Text, e.TextEn, e.Pointer, e.Amount = rd.Text(), rd.Text(), rd.Text(), rd.Text(), rd.Text(), rd.Text()
		e.Line, e.File = int(rd.Uvarint()), int(rd.Uvarint())
		if rd.Err() != nil {
			break
		}
	}
	if rd.Err() != nil {
		return nil, nil, errEntriesShort
	}
	return out, rd.Rest(), nil
}

// SearchEntries are the texts of a document that search finds, in the
// order of its tables.
func SearchEntries(d *schema.Document) []SearchEntry {
	var out []SearchEntry
	if d.Department.Name != "" { // a department not identified has no name to find
		dep := d.Provenance["/department/name"]
		out = append(out, SearchEntry{Kind: "department", DocumentID: d.ID, Text: d.Department.Name, Pointer: "/department/name", Line: dep.Line, File: dep.File})
	}
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

// The full-text index: fts (FTS5, contentless) indexes the tokens
// (bigrams and ASCII words, already cut and lowercased, which its ascii
// tokenizer keeps whole: it splits at ASCII spaces and punctuation only,
// and folds nothing else — unicode61 gave the same tokens, folding and
// stripping diacritics on every character for a fifth of the load) of
// each row of fts_entries, which says what was found and where; the view
// search joins them, so that SELECT * FROM search WHERE fts MATCH '公积'
// gives the rows found. The tokens are not stored: at 10,000 documents
// they would double the file.
const (
	createEntries = `CREATE TABLE fts_entries (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents (id), text TEXT NOT NULL, text_en TEXT, pointer TEXT, line INTEGER, file INTEGER, amount REAL)`
	createFTS     = `CREATE VIRTUAL TABLE fts USING fts5(tokens, content = '', columnsize = 0, tokenize = 'ascii')`
	createSearch  = `CREATE VIEW search AS SELECT e.*, fts.fts AS fts FROM fts JOIN fts_entries e ON e.rowid = fts.rowid`
)

// index adds entries, whose terms are terms (FTSTerms), to the segment
// under way.
func (d *database) index(entries []SearchEntry, terms []byte) error {
	if len(terms) < sha256.Size {
		return errTerms
	}
	d.ops = append(d.ops, dbOp{entries: entries, terms: terms[sha256.Size:]})
	d.key = append(d.key, 'e')
	d.key = append(d.key, terms[:sha256.Size]...)
	return nil
}

// addEntries adds entries to fts_entries, each under the next rowid
// (when rows is set; else only their rowids are taken, their pages being
// copied); their terms are added with the segment's (addTerms).
func (d *database) addEntries(entries []SearchEntry, rows bool) {
	for _, e := range entries {
		rowid := d.n.next()
		if !rows {
			continue
		}
		r := &d.rec
		r.Reset()
		r.Null() // rowid's column: the row's rowid
		r.Text(e.Kind)
		r.Text(e.DocumentID)
		r.Text(e.Text)
		for _, s := range []string{e.TextEn, e.Pointer} {
			if s == "" {
				r.Null()
			} else {
				r.Text(s)
			}
		}
		if e.Line > 0 {
			r.Int(int64(e.Line))
		} else {
			r.Null()
		}
		r.Int(int64(e.File))
		if e.Amount != "" {
			v, _ := strconv.ParseFloat(e.Amount, 64)
			r.Real(v)
		} else {
			r.Null()
		}
		d.buf = r.AppendTo(d.buf[:0])
		d.entries.Insert(rowid, d.buf)
	}
}

// searchSchema writes the full-text index and returns the sqlite_schema
// rows of fts_entries, fts with its tables, and search.
func (d *database) searchSchema() ([]sqlfile.SchemaRow, error) {
	out := []sqlfile.SchemaRow{{Type: "table", Name: "fts_entries", Table: "fts_entries", Root: d.entries.Finish(), SQL: createEntries}}
	fts, err := d.fts.Write(d.f, "fts", createFTS)
	if err != nil {
		return nil, err
	}
	out = append(out, fts...)
	return append(out, sqlfile.SchemaRow{Type: "view", Name: "search", Table: "search", SQL: createSearch}), nil
}

// sentenceMax is the longest sentence indexed, in bytes; a longer one is
// cut at a character boundary.
const sentenceMax = 600

// MaxSentences is the most sentences indexed of one disclosure; the rest
// are not. A real disclosure has a few hundred (at most 368 in data/ and
// the Fujian corpus); 8 MB of text cut into sentences made 90,000, and
// their 2.6 million distinct tokens held 235 MB of the site's index, and
// 9,500 files, for the rest of the build.
const MaxSentences = 2000

// Sentences are the narrative's sentences of a disclosure, one entry each,
// for the full-text index. A file's narrative lines (a line with a column
// gap of three spaces is a table's, and ends the paragraph, as does a
// second blank line; a heading stands alone) are joined, a wrapped
// sentence across its line break,
// and cut after each 。！？； ; a sentence is kept when it has at least
// six Han characters and they are at least a third of its characters, each
// text once per document. An entry gives the line the sentence starts on,
// its file, and the pointer of the first figure (in pointer order) read
// from that line, if any. The first MaxSentences are kept.
func Sentences(d *schema.Document, files [][]string) []SearchEntry {
	type at struct{ file, line int }
	cited := map[at]string{}
	for p, src := range d.Provenance {
		k := at{src.File, src.Line}
		if q, ok := cited[k]; src.Line > 0 && (!ok || p < q) {
			cited[k] = p
		}
	}
	var out []SearchEntry
	seen := map[string]bool{}
	for f, lines := range files {
		var b strings.Builder
		start := 0 // the line the sentence in b starts on
		flush := func() {
			s := strings.TrimSpace(b.String())
			b.Reset()
			if len(s) > sentenceMax {
				cut := sentenceMax
				for cut > 0 && !utf8.RuneStart(s[cut]) {
					cut--
				}
				s = s[:cut]
			}
			if !seen[s] && len(out) < MaxSentences && isSentence(s) {
				seen[s] = true
				out = append(out, SearchEntry{Kind: "sentence", DocumentID: d.ID, Text: s, Pointer: cited[at{f, start}], Line: start, File: f,
					Cut: strings.Join(search.Tokens(s), " ")})
			}
		}
		blank := 0
		for i, line := range lines {
			line = strings.TrimSpace(line)
			switch {
			case line == "":
				if blank++; blank > 1 {
					flush()
				}
				continue
			case strings.Contains(line, "   "):
				flush()
				continue
			case isHeading(line):
				flush()
				b.WriteString(line)
				start = i + 1
				flush()
				continue
			}
			blank = 0
			for line != "" {
				if b.Len() == 0 {
					start = i + 1
				}
				k := strings.IndexAny(line, "。！？；")
				if k < 0 {
					b.WriteString(line)
					break
				}
				_, size := utf8.DecodeRuneInString(line[k:])
				b.WriteString(line[:k+size])
				line = strings.TrimSpace(line[k+size:])
				flush()
			}
		}
		flush()
	}
	return out
}

// isHeading: a line with no punctuation of a sentence that is short (at
// most 12 characters) or, at most 24, opens with an enumerator (一、 （一）
// 1. 第一部分 附件) and lists nothing after it — a title, a section's
// heading, which stands alone. A wrapped sentence's line that opens with
// an enumerator lists (、) or is longer.
func isHeading(line string) bool {
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

// enumerator is a heading's opening.
var enumerator = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]|第[一二三四五六七八九十]+部分|附件)`)

// isSentence: at least six Han characters, at least a third of the
// characters that are not spaces (a sentence stating a figure has many
// digits; a cell of figures has no Han).
func isSentence(s string) bool {
	han, all := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han >= 6 && 3*han >= all
}
