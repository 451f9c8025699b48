package gen

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// ErrNoBrowser means PDFs cannot be written here: they are printed by a
// headless Chromium, with a CJK font installed.
var ErrNoBrowser = errors.New("gen: writing PDFs needs chromium on PATH (apt-get install chromium fonts-noto-cjk)")

// Chromium is the path of a Chromium-family browser on PATH, or "".
func Chromium() string {
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return ""
}

// printPDFs prints every <name>.txt of names as <name>.pdf: the text set in
// a monospace CJK font, so that a table keeps its rows, through a headless
// Chromium (two at a time).
func printPDFs(dir string, names []string) error {
	exe := Chromium()
	if exe == "" {
		return ErrNoBrowser
	}
	profile, err := os.MkdirTemp("", "budgetpub-gen-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	var wg sync.WaitGroup
	errs := make([]error, len(names))
	sem := make(chan struct{}, 2)
	for i, name := range names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = printPDF(exe, filepath.Join(profile, fmt.Sprint(i)), dir, name)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func printPDF(exe, profile, dir, name string) error {
	text, err := os.ReadFile(filepath.Join(dir, name+".txt"))
	if err != nil {
		return err
	}
	page := filepath.Join(profile, name+".html")
	os.MkdirAll(profile, 0o755)
	doc := `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>` +
		`body{font-family:"Noto Sans Mono CJK SC",monospace;font-size:9pt}pre{white-space:pre-wrap}</style></head><body><pre>` +
		html.EscapeString(string(text)) + `</pre></body></html>`
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		return err
	}
	out, err := filepath.Abs(filepath.Join(dir, name+".pdf"))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+page)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("gen: printing %s: %v: %s", name, err, msg)
	}
	if _, err := os.Stat(out); err != nil {
		return fmt.Errorf("gen: chromium wrote no PDF for %s", name)
	}
	return nil
}
