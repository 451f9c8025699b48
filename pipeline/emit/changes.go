package emit

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"budgetpub/schema"
)

// ChangesFile is the changelog of a release against the one before it.
const ChangesFile = "changes.json"

// Changes lists what a release changed: disclosures added and removed, and
// for changed ones the figures that moved and the checks that appeared or
// went away.
type Changes struct {
	Initial bool        `json:"initial"` // no release before this one
	Added   []string    `json:"added"`
	Removed []string    `json:"removed"`
	Changed []DocChange `json:"changed"`
}

// DocChange is one changed disclosure.
type DocChange struct {
	ID            string         `json:"id"`
	Figures       []FigureChange `json:"figures"`
	ChecksAdded   []string       `json:"checks_added"`
	ChecksRemoved []string       `json:"checks_removed"`
}

// FigureChange is one figure that moved; an empty side means absent.
type FigureChange struct {
	Pointer string `json:"pointer"`
	Name    string `json:"name"`
	Old     string `json:"old"`
	New     string `json:"new"`
}

// DiffReleases compares the documents of the previous release (its files,
// nil when there is none) with the new ones.
func DiffReleases(old map[string][]byte, docs []*schema.Document) Changes {
	ch := Changes{Initial: old == nil, Added: []string{}, Removed: []string{}, Changed: []DocChange{}}
	prev := map[string]*schema.Document{}
	for path, data := range old {
		if !strings.HasPrefix(path, "data/") || !strings.HasSuffix(path, ".json") {
			continue
		}
		var d schema.Document
		if json.Unmarshal(data, &d) == nil {
			prev[d.ID] = &d
		}
	}
	seen := map[string]bool{}
	for _, d := range docs {
		seen[d.ID] = true
		p, ok := prev[d.ID]
		if !ok {
			if old != nil {
				ch.Added = append(ch.Added, d.ID)
			}
			continue
		}
		if c, changed := diffDoc(p, d); changed {
			ch.Changed = append(ch.Changed, c)
		}
	}
	for id := range prev {
		if !seen[id] {
			ch.Removed = append(ch.Removed, id)
		}
	}
	sort.Strings(ch.Removed)
	return ch
}

func diffDoc(a, b *schema.Document) (DocChange, bool) {
	c := DocChange{ID: b.ID, Figures: []FigureChange{}, ChecksAdded: []string{}, ChecksRemoved: []string{}}
	rows := func(d *schema.Document) map[string]LineItemRow {
		m := map[string]LineItemRow{}
		for _, r := range LineItemRows([]*schema.Document{d}) {
			m[r.Pointer] = r
		}
		return m
	}
	ra, rb := rows(a), rows(b)
	var ptrs []string
	for p := range ra {
		ptrs = append(ptrs, p)
	}
	for p := range rb {
		if _, ok := ra[p]; !ok {
			ptrs = append(ptrs, p)
		}
	}
	sort.Strings(ptrs)
	for _, p := range ptrs {
		x, y := ra[p], rb[p]
		if x.Amount != y.Amount || x.Name != y.Name {
			name := y.Name
			if name == "" {
				name = x.Name
			}
			c.Figures = append(c.Figures, FigureChange{Pointer: p, Name: name, Old: x.Amount, New: y.Amount})
		}
	}
	key := func(k schema.Check) string { return fmt.Sprintf("%s %v→%v", k.Rule, k.Stated, k.Computed) }
	ka, kb := map[string]bool{}, map[string]bool{}
	for _, k := range a.Checks {
		ka[key(k)] = true
	}
	for _, k := range b.Checks {
		kb[key(k)] = true
		if !ka[key(k)] {
			c.ChecksAdded = append(c.ChecksAdded, key(k))
		}
	}
	for _, k := range a.Checks {
		if !kb[key(k)] {
			c.ChecksRemoved = append(c.ChecksRemoved, key(k))
		}
	}
	sort.Strings(c.ChecksAdded)
	sort.Strings(c.ChecksRemoved)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return c, string(ja) != string(jb)
}
