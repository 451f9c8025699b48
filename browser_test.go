package main

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"budgetpub/gen"
)

var updateScreens = flag.Bool("screenshots", false, "write the README screenshots to docs/screenshots")

// One browser per test binary (about 2 s to start); each test opens tabs.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    string
}

// newTab returns a tab of the shared browser. Without a browser the test
// is skipped on a developer's machine and fails in CI, which installs one.
func newTab(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	browser.once.Do(func() {
		exe := gen.Chromium()
		if exe == "" {
			browser.err = "no chromium on PATH (apt-get install chromium fonts-noto-cjk)"
			return
		}
		dir, _ := os.MkdirTemp("", "budgetpub-chromium-")
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(dir),
			chromedp.Flag("disable-component-update", true), chromedp.WindowSize(1280, 1000))
		alloc, _ := chromedp.NewExecAllocator(context.Background(), opts...)
		browser.ctx, browser.cancel = chromedp.NewContext(alloc)
		if err := chromedp.Run(browser.ctx); err != nil {
			browser.err = "chromium did not start: " + err.Error()
		}
	})
	if browser.err != "" {
		if os.Getenv("CI") != "" {
			t.Fatal(browser.err)
		}
		t.Skip(browser.err)
	}
	ctx, cancel := chromedp.NewContext(browser.ctx)
	ctx, cancel2 := context.WithTimeout(ctx, 60*time.Second)
	return ctx, func() { cancel2(); cancel() }
}

func closeBrowser() {
	if browser.cancel != nil {
		browser.cancel()
	}
}

// TestBrowser walks the site as a reader: search a department in Chinese,
// open its disclosure, follow a figure to its source line, download a CSV;
// no page may log a console error or throw.
func TestBrowser(t *testing.T) {
	ctx, cancel := newTab(t)
	defer cancel()
	dir := builtSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	var mu sync.Mutex
	var consoleErrors []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				consoleErrors = append(consoleErrors, string(e.Type))
			}
		case *runtime.EventExceptionThrown:
			consoleErrors = append(consoleErrors, e.ExceptionDetails.Text)
		}
	})

	shots := t.TempDir()
	if *updateScreens {
		shots = "docs/screenshots"
		os.MkdirAll(shots, 0o755)
	}
	var home, doc []byte
	var count, h1, target, csvHead, loc string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/index.html"),
		chromedp.WaitVisible(`#catalog`),
		chromedp.CaptureScreenshot(&home),
		chromedp.SendKeys(`input[name=q]`, "检察院"),
		chromedp.Text(`#count`, &count),
		chromedp.Click(`#catalog tbody tr:not(.hidden) a`),
		chromedp.WaitVisible(`#headline`),
		chromedp.Text(`h1`, &h1),
		chromedp.CaptureScreenshot(&doc),
		chromedp.Click(`section[aria-labelledby=headline] a.src`),
		chromedp.WaitVisible(`pre.source`),
		chromedp.Location(&loc),
		chromedp.Evaluate(`(document.querySelector(':target') || {}).textContent || ''`, &target),
		chromedp.Navigate(srv.URL+"/index.html"),
		chromedp.WaitVisible(`#catalog`),
		chromedp.Evaluate(`fetch(document.querySelector('a[href="documents.csv"]').href).then(r => r.text()).then(s => s.split('\n')[0])`, &csvHead,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if err != nil {
		t.Fatal(err)
	}
	if count != "2" {
		t.Errorf("searching 检察院 shows %q rows, want 2", count)
	}
	if !strings.Contains(h1, "检察院") {
		t.Errorf("disclosure page h1 = %q", h1)
	}
	if !strings.Contains(loc, "/source/") || !strings.Contains(loc, "#L") || strings.TrimSpace(target) == "" {
		t.Errorf("figure link led to %s with target %q", loc, target)
	}
	if !strings.HasPrefix(csvHead, "id,department,region,kind,fiscal_year") {
		t.Errorf("documents.csv starts %q", csvHead)
	}
	for name, img := range map[string][]byte{"home.png": home, "disclosure.png": doc} {
		if len(img) < 10000 {
			t.Errorf("%s: %d bytes", name, len(img))
		}
		os.WriteFile(filepath.Join(shots, name), img, 0o644)
	}
	// every other kind of page, for console errors
	for _, p := range []string{"/dataset/line_items.html", "/checks.html", "/404.html"} {
		if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+p), chromedp.WaitVisible(`main`)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(consoleErrors) > 0 {
		t.Errorf("console errors: %v", consoleErrors)
	}
}
