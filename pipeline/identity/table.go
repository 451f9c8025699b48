package identity

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// TableFile is the alias table's name in the input folder.
const TableFile = "departments.csv"

// idPattern is what a department id may be: it names a page of the site.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// Table is the alias table: names a department published under, each with
// the department's id. Its columns are department_id, name and an optional
// note; a department has a row per name, and a name is matched after
// Normalize, so one row covers every variant the rules fold.
type Table struct {
	byKey  map[string]string // Normalize(name) → id
	digest string
}

// RowError is a row of the table left out, with the reason.
type RowError struct {
	Line int
	Err  error
}

func (e *RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// ReadTable reads an alias table. A row that cannot be used (a bad id, no
// name, a name already given to another department) is left out and
// returned among the errors, with its line; the other rows apply. A table
// that is not CSV, or has no department_id and name columns, is an error.
func ReadTable(r io.Reader) (*Table, []error, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	t := &Table{byKey: map[string]string{}}
	sum := sha256.Sum256(data)
	t.digest = hex.EncodeToString(sum[:])
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return t, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	idCol, ok1 := col["department_id"]
	nameCol, ok2 := col["name"]
	if !ok1 || !ok2 {
		return nil, nil, errors.New("line 1: the columns department_id and name are required")
	}
	var bad []error
	lineOf := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, nil, err
		}
		field := func(i int) string {
			if i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		id, name := field(idCol), field(nameCol)
		key := Normalize(name)
		switch {
		case !idPattern.MatchString(id):
			bad = append(bad, &RowError{line, fmt.Errorf("department_id %q: lower-case letters, digits, '.', '_' and '-', at most 64", id)})
		case key == "":
			bad = append(bad, &RowError{line, errors.New("no name")})
		case t.byKey[key] != "" && t.byKey[key] != id:
			bad = append(bad, &RowError{line, fmt.Errorf("%s is department %s already (line %d)", name, t.byKey[key], lineOf[key])})
		default:
			t.byKey[key] = id
			if lineOf[key] == 0 {
				lineOf[key] = line
			}
		}
	}
	return t, bad, nil
}

// IDIn is ID for a department of a region: a name that does not hold its
// region (卫生监督所, as a unit's page prints it, in 平潭综合实验区) is the
// region's — the table's entry for the qualified name first, then for the
// name as printed, else the default ID of the qualified name — so that two
// regions' units of one name are two departments.
func (t *Table) IDIn(name, region string) string {
	q := Qualified(name, region)
	if q == name {
		return t.ID(name)
	}
	if t != nil {
		for _, n := range []string{q, name} {
			if id, ok := t.byKey[Normalize(n)]; ok {
				return id
			}
		}
	}
	return ID(q)
}

// ID is the id of the department that published under name: the table's
// when it lists the name (or a variant of it), else the default ID. A nil
// table lists nothing.
func (t *Table) ID(name string) string {
	if t != nil {
		if id, ok := t.byKey[Normalize(name)]; ok {
			return id
		}
	}
	return ID(name)
}

// Digest is the sha256 of the table's bytes ("" for no table): a release
// made with another table is another release.
func (t *Table) Digest() string {
	if t == nil {
		return ""
	}
	return t.digest
}
