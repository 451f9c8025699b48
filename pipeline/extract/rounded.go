package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"budgetpub/schema"
)

// roundedFigures warns of each figure the text gave, in 万元 to two
// decimals, where the document's tables state their figures in 元 but the
// one that would give it exactly was not read: the model holds the text's
// rounding (to 100 yuan) of what the table prints to the yuan, and says so.
// A table read in part counts: one whose reader left some of it out, with a
// warning at its title.
// A prior year's figure is the text's alone (no table states it).
func (b *builder) roundedFigures() {
	d := b.doc
	var unread []string
	warned := map[int]bool{} // tables read in part: a reader left some of it out, with a warning at its title
	for _, w := range d.Warnings {
		warned[w.Line] = true
	}
	for _, c := range d.Coverage {
		if c.Part != "table" || c.Status != schema.CoverageNotRead && c.Status != schema.CoverageIncomplete && !warned[c.Line] {
			continue
		}
		for _, t := range b.tabs {
			if t.line == c.Line && t.factor == 1 && t.kind != tableOther {
				unread = append(unread, t.title)
			}
		}
	}
	if len(unread) == 0 {
		return
	}
	inTable := func(line int) bool {
		for _, t := range b.tabs {
			if line >= t.line && line <= t.end {
				return true
			}
		}
		return false
	}
	var model any
	paths := make([]string, 0, len(d.Provenance))
	for p := range d.Provenance {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		src := d.Provenance[p]
		if !strings.HasPrefix(p, "/revenue/") && !strings.HasPrefix(p, "/expenditure/") && !strings.HasPrefix(p, "/three_public/") && !strings.HasPrefix(p, "/government_fund/") ||
			strings.Contains(p, "prior_year") || src.Line == 0 || inTable(src.Line) {
			continue
		}
		if model == nil {
			model = asTree(d)
		}
		if v, ok := at(model, p).(json.Number); !ok || !wholeHundreds(string(v)) {
			continue // not a whole 100 yuan: not a rounding to 0.01 万元
		}
		d.Warnings = append(d.Warnings, schema.Warning{Line: src.Line, Text: src.Text,
			Reason: fmt.Sprintf("%s is the text's figure, rounded to 0.01 万元: the tables state it in 元, but these were not read: %s", p, strings.Join(unread, "、"))})
	}
}

// asTree is the document as JSON values, numbers kept as written.
func asTree(d *schema.Document) any {
	data, _ := json.Marshal(d)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	dec.Decode(&v)
	return v
}

// at is the value at a JSON pointer of a tree, or nil.
func at(v any, ptr string) any {
	for _, k := range strings.Split(ptr, "/")[1:] {
		switch n := v.(type) {
		case map[string]any:
			v = n[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(n) {
				return nil
			}
			v = n[i]
		default:
			return nil
		}
	}
	return v
}

// wholeHundreds tells whether a yuan amount as JSON writes it is a whole
// number of hundreds.
func wholeHundreds(s string) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, ".00"), ".0")
	return !strings.Contains(s, ".") && strings.HasSuffix(s, "00")
}
