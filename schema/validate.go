package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// JSON is the model's JSON Schema (draft 2020-12).
//
//go:embed budget.schema.json
var JSON []byte

const schemaURL = "budget.schema.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schemaURL, bytes.NewReader(JSON)); err != nil {
		return nil, err
	}
	return c.Compile(schemaURL)
})

// Violation is one reason a document does not fit the schema.
type Violation struct {
	Pointer string // JSON pointer of the offending value ("" is the root)
	Message string
}

func (v Violation) String() string {
	p := v.Pointer
	if p == "" {
		p = "/"
	}
	return p + ": " + v.Message
}

// InvalidError lists every violation of a document, sorted by pointer.
type InvalidError struct{ Violations []Violation }

func (e *InvalidError) Error() string {
	var b bytes.Buffer
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return "invalid document: " + b.String()
}

// ValidateJSON validates raw JSON against the schema. It returns an
// *InvalidError for a document that parses but does not fit.
func ValidateJSON(data []byte) error {
	sch, err := compiled()
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if dec.More() {
		return errors.New("not JSON: trailing data after the document")
	}
	return validate(sch, v)
}

func validate(sch *jsonschema.Schema, v any) error {
	err := sch.Validate(v)
	var ve *jsonschema.ValidationError
	if errors.As(err, &ve) {
		return &InvalidError{Violations: leaves(ve)}
	}
	return err
}

// Validate validates a document as ValidateJSON its JSON, from its Value:
// the document is neither written nor parsed.
func Validate(d *Document) error {
	sch, err := compiled()
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	v, err := Value(d)
	if err != nil {
		return err
	}
	return validate(sch, v)
}

// leaves flattens the error tree to its most specific causes.
func leaves(ve *jsonschema.ValidationError) []Violation {
	var out []Violation
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Violation{Pointer: e.InstanceLocation, Message: e.Message})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return out
}
