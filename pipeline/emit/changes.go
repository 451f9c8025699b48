package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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

// Differ compares the documents of a new release, one at a time, with
// those of the previous release (read from its folder as needed).
type Differ struct {
	old  string // data folder of the previous release; "" when there is none
	seen map[string]bool
	ch   Changes
}

// NewDiffer compares against the release in dir ("" for a first release).
func NewDiffer(dir string) *Differ {
	d := &Differ{seen: map[string]bool{}, ch: Changes{Initial: dir == "", Added: []string{}, Removed: []string{}, Changed: []DocChange{}}}
	if dir != "" {
		d.old = filepath.Join(dir, "data")
	}
	return d
}

// Add compares one new document (data is its published JSON). Documents
// must come in id order.
func (d *Differ) Add(doc *schema.Document, data []byte) {
	d.seen[doc.ID] = true
	if d.old == "" {
		return
	}
	prev, err := os.ReadFile(filepath.Join(d.old, doc.ID+".json"))
	if err != nil {
		d.ch.Added = append(d.ch.Added, doc.ID)
		return
	}
	if bytes.Equal(prev, data) {
		return
	}
	var p schema.Document
	if json.Unmarshal(prev, &p) != nil {
		d.ch.Added = append(d.ch.Added, doc.ID)
		return
	}
	if c, changed := diffDoc(&p, doc); changed {
		d.ch.Changed = append(d.ch.Changed, c)
	}
}

// Unchanged counts a document published with the previous release's file.
func (d *Differ) Unchanged(id string) { d.seen[id] = true }

// Changes finishes the comparison: what was not seen was removed.
func (d *Differ) Changes() Changes {
	if d.old != "" {
		entries, _ := os.ReadDir(d.old)
		for _, e := range entries {
			id := strings.TrimSuffix(e.Name(), ".json")
			if strings.HasSuffix(e.Name(), ".json") && !d.seen[id] {
				d.ch.Removed = append(d.ch.Removed, id)
			}
		}
		sort.Strings(d.ch.Removed)
	}
	return d.ch
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
