package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"budgetpub/gen"
)

var updateScreens = flag.Bool("screenshots", false, "write the README screenshots to docs/screenshots")

// One browser per test binary; each test opens its own tab.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    string
}

const (
	// browserStart bounds Chromium's start: seconds when idle, much more on
	// a busy machine.
	browserStart = 2 * time.Minute
	// stepTimeout bounds each step of a browser test; a step takes well under
	// a second on an idle machine.
	stepTimeout = time.Minute
)

// newTab returns a new tab of the shared browser, visible and closed when
// the test ends. Without a browser the test is skipped on a developer's
// machine and fails in CI, which installs one.
func newTab(t *testing.T) context.Context {
	t.Helper()
	browser.once.Do(func() {
		exe := gen.Chromium()
		if exe == "" {
			browser.err = "no chromium on PATH (apt-get install chromium fonts-noto-cjk)"
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WSURLReadTimeout(browserStart),
			chromedp.Flag("disable-component-update", true), chromedp.WindowSize(1280, 1000))
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(alloc)
		browser.ctx, browser.cancel = ctx, func() { cancel(); cancelAlloc() }
		start := time.Now()
		if err := chromedp.Run(ctx); err != nil {
			browser.err = fmt.Sprintf("chromium did not start in %v: %v", time.Since(start).Round(time.Millisecond), err)
		}
	})
	if browser.err != "" {
		if os.Getenv("CI") != "" {
			t.Fatal(browser.err)
		}
		t.Skip(browser.err)
	}
	// The tab's first Run binds the tab to the context it is given, so it
	// gets the tab's own context, and a timer instead of a deadline.
	tab, cancel := chromedp.NewContext(browser.ctx)
	t.Cleanup(cancel)
	timer := time.AfterFunc(stepTimeout, cancel)
	err := chromedp.Run(tab)
	if !timer.Stop() {
		t.Fatalf("step \"open a tab\" hung: no tab after %v", stepTimeout)
	}
	if err != nil {
		t.Fatalf("step \"open a tab\": %v", err)
	}
	// A new tab starts hidden: it paints no frames, requestAnimationFrame
	// never fires, and a screenshot has to force a frame, which headless
	// Chromium can stall on for minutes when the machine is busy. In front,
	// the tab renders as a reader's would.
	step(t, tab, "bring the tab to the front", page.BringToFront(), waitFor(`document.visibilityState === "visible"`))
	return tab
}

// step runs one step of a browser test under its own timeout; a failure
// names the step and how long it ran.
func step(t *testing.T, tab context.Context, name string, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, stepTimeout)
	defer cancel()
	start := time.Now()
	if err := chromedp.Run(ctx, actions...); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("step %q hung: not done after %v", name, stepTimeout)
		}
		t.Fatalf("step %q failed after %v: %v", name, time.Since(start).Round(time.Millisecond), err)
	}
}

// waitFor waits until the JavaScript expression is true, checking every
// 50 ms; the step's timeout bounds it.
func waitFor(expr string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for {
			var ok bool
			if err := chromedp.Evaluate(expr, &ok).Do(ctx); err != nil {
				return fmt.Errorf("%s: %w", expr, err)
			}
			if ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

func closeBrowser() {
	if browser.cancel != nil {
		browser.cancel()
	}
}

// watchConsole collects what the tab's pages log as errors: console
// errors, uncaught exceptions, failed loads and Content-Security-Policy
// violations, as "URL: text".
func watchConsole(tab context.Context) func() []string {
	var mu sync.Mutex
	var msgs []string
	add := func(url, text string) {
		mu.Lock()
		defer mu.Unlock()
		msgs = append(msgs, url+": "+text)
	}
	chromedp.ListenTarget(tab, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, a.Description+string(a.Value))
				}
				add("console", strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			add(e.ExceptionDetails.URL, e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.LevelError {
				add(e.Entry.URL, string(e.Entry.Source)+": "+e.Entry.Text)
			}
		}
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), msgs...)
	}
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d.Exception == nil {
		return ""
	}
	return d.Exception.Description
}

// TestBrowser walks the site as a reader, served as 'budgetpub serve'
// serves it: search a department in Chinese, open its disclosure, follow a
// figure to its source line, download a CSV, land on a missing page; no
// page may log a console error, throw, fail to load a file or break the
// Content-Security-Policy.
func TestBrowser(t *testing.T) {
	dir := builtSite(t)
	srv := httptest.NewServer(siteServer{dir}) // as 'budgetpub serve' serves it
	defer srv.Close()
	tab := newTab(t)
	problems := watchConsole(tab)

	shots := t.TempDir()
	if *updateScreens {
		shots = "docs/screenshots"
		os.MkdirAll(shots, 0o755)
	}
	var home, doc []byte
	var count, h1, target, csvHead, loc string
	step(t, tab, "open the catalog", chromedp.Navigate(srv.URL+"/index.html"), chromedp.WaitVisible(`#catalog`))
	step(t, tab, "screenshot the catalog", chromedp.CaptureScreenshot(&home))
	step(t, tab, "search 检察院", chromedp.SendKeys(`input[name=q]`, "检察院"),
		waitFor(`document.querySelector("input[name=q]").value === "检察院"`), chromedp.Text(`#count`, &count))
	if count != "2" {
		t.Errorf("searching 检察院 shows %q rows, want 2", count)
	}
	step(t, tab, "open the first disclosure found", chromedp.Click(`#catalog tbody tr:not(.hidden) a`), chromedp.WaitVisible(`#headline`),
		chromedp.Text(`h1`, &h1))
	if !strings.Contains(h1, "检察院") {
		t.Errorf("disclosure page h1 = %q", h1)
	}
	step(t, tab, "screenshot the disclosure", chromedp.CaptureScreenshot(&doc))
	step(t, tab, "follow a headline figure to its source line", chromedp.Click(`section[aria-labelledby=headline] a[href*="source/"]`),
		chromedp.WaitVisible(`pre.source`), chromedp.Location(&loc),
		chromedp.Evaluate(`(document.querySelector(':target') || {}).textContent || ''`, &target))
	if !strings.Contains(loc, "/source/") || !strings.Contains(loc, "#L") || strings.TrimSpace(target) == "" {
		t.Errorf("figure link led to %s with target %q", loc, target)
	}
	// every line numbered by the script, the cited ones too: the i-th line
	// of a file is anchored L<i> (F<f>L<i>), its number a link to itself
	var lines []int
	step(t, tab, "read the source page's line numbers", chromedp.Evaluate(`(function () {
		var n = 0, bad = 0;
		document.querySelectorAll("pre.source").forEach(function (pre) {
			var p = pre.getAttribute("data-anchor") || "", i = 0;
			pre.querySelectorAll(":scope > span").forEach(function (s) {
				var a = s.firstChild;
				i++; n++;
				if (s.id !== p + "L" + i || s.className !== "l" || !a || a.className !== "ln" || a.textContent !== String(i) || a.getAttribute("href") !== "#" + s.id) bad++;
			});
		});
		return [n, bad];
	})()`, &lines))
	if len(lines) != 2 || lines[0] < 10 || lines[1] != 0 {
		t.Errorf("the source page's lines, numbered and misnumbered: %v", lines)
	}
	step(t, tab, "download documents.csv", chromedp.Navigate(srv.URL+"/index.html"), chromedp.WaitVisible(`#catalog`),
		chromedp.Evaluate(`fetch(document.querySelector('a[href="documents.csv"]').href).then(r => r.text()).then(s => s.split('\n')[0])`, &csvHead,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
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
		step(t, tab, "open "+p, chromedp.Navigate(srv.URL+p), chromedp.WaitVisible(`main`))
	}
	// a missing path deep in the site: the site's 404 page, styled
	missing := srv.URL + "/doc/no/such/page.html"
	var notFound, margin string
	step(t, tab, "open a missing page", chromedp.Navigate(missing), chromedp.WaitVisible(`main`), chromedp.Text(`h1`, &notFound),
		chromedp.Evaluate(`getComputedStyle(document.body).marginTop`, &margin))
	if !strings.Contains(notFound, "未找到页面") || margin != "0px" {
		t.Errorf("a missing page shows %q with body margin %q, want the site's styled 404 page", notFound, margin)
	}
	var msgs []string
	for _, m := range problems() {
		if m != missing+": network: Failed to load resource: the server responded with a status of 404 (Not Found)" {
			msgs = append(msgs, m)
		}
	}
	if len(msgs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(msgs, "\n"))
	}
}
