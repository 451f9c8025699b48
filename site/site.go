// Package site renders the static open-data site from what emit wrote, so
// that a page and the download beside it can never disagree. Templates are
// embedded; all document text goes through html/template and is escaped.
package site

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"budgetpub/pipeline/emit"
)

//go:embed templates
var templates embed.FS

// Templates is the template file system; tests may swap it.
var Templates fs.FS = templates

var funcs = template.FuncMap{
	"kind": func(k string) string {
		if k == "final_accounts" {
			return "决算 final accounts"
		}
		return "预算 budget"
	},
	// yuan groups the integer part of a decimal yuan amount: 3056300 → 3,056,300.
	"yuan": func(s string) string {
		if s == "" {
			return "—"
		}
		whole, frac, _ := strings.Cut(s, ".")
		neg := strings.HasPrefix(whole, "-")
		whole = strings.TrimPrefix(whole, "-")
		var b strings.Builder
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		out := b.String()
		if frac != "" {
			out += "." + frac
		}
		if neg {
			out = "-" + out
		}
		return out
	},
}

// Release describes the release a site belongs to.
type Release struct {
	Name    string // folder name under releases/, a permalink
	Version string // of budgetpub
	Changes emit.Changes
}

// Page data of the home page.
type home struct {
	Docs      []emit.DocumentRow
	Tables    []emit.File
	Downloads []emit.File
	Release   Release
}

// Render writes index.html into dir.
func Render(dir string, docs []emit.DocumentRow, res *emit.Result, rel Release) error {
	t, err := template.New("index.html").Funcs(funcs).ParseFS(Templates, "templates/index.html")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, home{Docs: docs, Tables: res.Tables, Downloads: res.Downloads, Release: rel}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}
