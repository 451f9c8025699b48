// Package pipeline runs budgetpub's phases over a folder of disclosures:
// ingest → extract → check → emit → site. The phases are plain functions in
// the packages below this one; this package owns their order, the
// parallelism and publishing the result in one piece.
package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"budgetpub/pipeline/check"
	"budgetpub/pipeline/extract"
	"budgetpub/pipeline/ingest"
	"budgetpub/schema"
)

// ExtractFile runs ingest, extract and check on one file and validates the
// result against the schema. id may be empty: it is then derived from the
// file name.
func ExtractFile(ctx context.Context, path, id string) (*schema.Document, error) {
	if id == "" {
		id = DocID(path)
	}
	doc, _, err := extractFile(ctx, path, nil, id, extract.Hints{}, nil)
	return doc, err
}

// extractFile runs the phases on one file, whose bytes are data when they
// were read already (nil: it is read); amend, if given, adds to the
// document what the file lacks before it is checked and validated.
// It returns the text's lines too, which the site shows beside the figures.
//
// A panic of the extractor or the checks on one input (a bug that input
// reveals) is that input's error, so that it is left out of the release
// and the run goes on; the error says so and where it happened.
func extractFile(ctx context.Context, path string, data []byte, id string, h extract.Hints, amend func(*schema.Document)) (doc *schema.Document, lines []string, err error) {
	var text *ingest.Text
	if data != nil {
		text, err = ingest.Decoded(ctx, path, data)
	} else {
		text, err = ingest.Read(ctx, path)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("ingest: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			doc, lines = nil, nil
			err = fmt.Errorf("extract: internal error on this input, please report it with the file: %v %s", r, panicSite())
		}
	}()
	doc, err = extractor(text, id, h)
	if err != nil {
		return nil, nil, fmt.Errorf("extract: %w", err)
	}
	if amend != nil {
		amend(doc)
	}
	check.Run(doc)
	if err := schema.Validate(doc); err != nil {
		return nil, nil, fmt.Errorf("validate %s: %w", path, err)
	}
	return doc, text.Lines, nil
}

// extractor is extract.Extract; a test replaces it to make it fail.
var extractor = extract.Extract

// panicSite is the first frame of the stack outside the runtime: where a
// recovered panic happened.
func panicSite() string {
	pc := make([]uintptr, 32)
	frames := runtime.CallersFrames(pc[:runtime.Callers(3, pc)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("at %s (%s:%d)", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}

// ExtractLines is ExtractFile with the text's lines.
func ExtractLines(ctx context.Context, path string) (*schema.Document, []string, error) {
	return extractFile(ctx, path, nil, DocID(path), extract.Hints{}, nil)
}
