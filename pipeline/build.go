package pipeline

import "context"

// Options of a build.
type Options struct {
	In, Out string
	Version string
}

// Rejected is an input left out of the release, with the reason.
type Rejected struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Report says what a build did.
type Report struct {
	Documents int        `json:"documents"`
	Checks    int        `json:"checks"`
	Rejected  []Rejected `json:"rejected"`
}

// Build runs the whole pipeline.
func Build(ctx context.Context, o Options) (*Report, error) { return &Report{}, nil }
