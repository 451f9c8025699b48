package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"

	"budgetpub/fetch"
	"budgetpub/gen"
	"budgetpub/internal/gcfloor"
	"budgetpub/pipeline"
	"budgetpub/schema"
)

// version is set at link time (-ldflags "-X main.version=…"); otherwise the
// module's build information is used.
var version = ""

const usage = `budgetpub — Chinese government budget disclosures to open data

Usage:
  budgetpub build [--in DIR] [--out DIR] [--force] [--strict] [--keep N] [--originals]
                                             run the whole pipeline (defaults data/, public/)
  budgetpub fetch --sources FILE --archive DIR
                                             fetch new disclosures from portals into an archive (build --in DIR)
  budgetpub extract FILE                     print the normalized JSON of one input file
  budgetpub validate FILE.json…              validate documents against the schema
  budgetpub serve [--dir DIR] [--addr ADDR]  serve the built site (defaults public/, 127.0.0.1:8080)
  budgetpub gen --n N --out DIR [--seed S] [--inject F]
                                             write N generated disclosures per family, with ground truth
  budgetpub version                          print the version

Run 'budgetpub COMMAND --help' for a command's options.
Exit codes: 0 ok; 1 failed (nothing published); 2 bad command line;
3 published, with some inputs rejected (see stderr and OUT.run.json);
  for fetch, some URLs failed (see stderr and DIR/run.json); for extract,
  the JSON is printed but the department, year or kind is unknown (stderr).
`

// gcHeadroom is the floor a build's heap goal keeps above the live heap:
// 64 MB cut the build's CPU by a seventh at 1,000 documents for about
// 20 MB more peak RSS (BENCHMARKS.md, issue 19, session 17).
const gcHeadroom = 64 << 20

// errUsage marks a command line the program cannot run; exit code 2.
var errUsage = errors.New("usage")

// errSilent is a failure already reported on stderr; exit code 1.
var errSilent = errors.New("failed")

// errPartial is a build that published with some inputs rejected; exit code 3.
var errPartial = errors.New("published with rejected inputs")

// errIncomplete is a document extracted whose identity is incomplete (its
// department, year or kind), already reported on stderr; exit code 3.
var errIncomplete = errors.New("identity incomplete")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(ctx, rest, stdout, stderr)
	case "fetch":
		return cmdFetch(ctx, rest, stdout, stderr)
	case "extract":
		return cmdExtract(ctx, rest, stdout, stderr)
	case "validate":
		return cmdValidate(rest, stdout, stderr)
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "gen":
		return cmdGen(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "budgetpub", buildVersion(), "schema", schema.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "budgetpub: unknown command %q\n\n%s", cmd, usage)
	return errUsage
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// exitCode prints err (unless already printed) and maps it to an exit code.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errSilent):
		return 1
	case errors.Is(err, errPartial), errors.Is(err, errIncomplete):
		return 3
	}
	fmt.Fprintln(stderr, "budgetpub:", err)
	return 1
}

func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: budgetpub %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; a bad flag is a usage error (already printed).
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "build [--in DIR] [--out DIR]", stderr)
	in := fs.String("in", "data", "folder of input disclosures")
	out := fs.String("out", "public", "folder to publish the site and datasets to (a link to the latest release)")
	force := fs.Bool("force", false, "extract every input again, ignoring the cache")
	strict := fs.Bool("strict", false, "publish nothing when any input is rejected")
	keep := fs.Int("keep", 10, "releases to keep in OUT.releases (0 keeps all)")
	originals := fs.Bool("originals", false, "publish each input file in the release (originals/<sha256>.<ext>), linked from its disclosure's page")
	allowShrink := fs.Bool("allow-shrink", false, "publish even a release with no documents, or that drops more than half of those published")
	logFormat := fs.String("log", "text", "log format on stderr: text or json")
	baseURL := fs.String("base-url", localBaseURL, "absolute URL the site is served at (feeds, sitemap, catalog)")
	quiet := fs.Bool("quiet", false, "log warnings and errors only, no progress")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) to this file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// extraction keeps little live: without a floor the collector ran
	// every few MB allocated (see gcfloor)
	defer gcfloor.Set(gcHeadroom)()
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "budgetpub build: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	logger, err := newLogger("build", *logFormat, *quiet, stderr)
	if err != nil {
		return err
	}
	opts := pipeline.Options{In: *in, Out: *out, Version: buildVersion(), Force: *force, Strict: *strict, Keep: *keep, AllowShrink: *allowShrink, BaseURL: *baseURL, Originals: *originals, Log: logger}
	if !flagGiven(fs, "base-url") {
		opts.Log.Warn("no --base-url: feed.atom, sitemap.xml, robots.txt and catalog.jsonld carry " + localBaseURL +
			", the address of 'budgetpub serve' on this machine; set --base-url to the address the site is served at")
	}
	if !*quiet && isTerminal(stderr) {
		opts.Progress = progressBar(stderr)
	}
	rep, err := pipeline.Build(ctx, opts)
	if err != nil {
		return err
	}
	status := "published release " + rep.Release
	if rep.Release == "" {
		status = "nothing changed, nothing published"
	}
	fmt.Fprintf(stdout, "%d documents (%d extracted, %d cached, %d rejected, %d checks): %s\n",
		rep.Documents, rep.Extracted, rep.Cached, len(rep.Rejected), rep.Checks, status)
	if len(rep.Rejected) > 0 {
		return errPartial
	}
	return nil
}

// newLogger is the log of a command on stderr, as text or JSON; quiet
// keeps warnings and errors only.
func newLogger(cmd, format string, quiet bool, stderr io.Writer) (*slog.Logger, error) {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level})), nil
	case "json":
		return slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level})), nil
	}
	fmt.Fprintf(stderr, "budgetpub %s: --log must be text or json, not %q\n", cmd, format)
	return nil, errUsage
}

func cmdFetch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("fetch", "fetch --sources FILE --archive DIR", stderr)
	d := fetch.Defaults()
	sources := fs.String("sources", "", "CSV of the pages to start from (column url; optional page, links, department, publisher, year, kind, region)")
	archive := fs.String("archive", "", "archive folder: originals, manifest.csv, and the files and metadata.csv build reads")
	ua := fs.String("user-agent", "budgetpub/"+buildVersion()+" (budget disclosure archiver)", "User-Agent of every request (add a contact: URL or e-mail)")
	perHost := fs.Int("per-host", d.PerHost, "requests in flight to one host")
	interval := fs.Duration("interval", d.Interval, "between the starts of two requests to one host (a robots.txt Crawl-delay raises it)")
	timeout := fs.Duration("timeout", d.Timeout, "of one request, body included")
	retries := fs.Int("retries", d.Retries, "more tries after a 5xx, a 429 or a dropped connection")
	backoff := fs.Duration("backoff", d.Backoff, "wait before the first retry, doubled each time")
	maxMiB := fs.Int64("max-size", d.MaxBytes>>20, "largest response kept, in MiB")
	maxLinks := fs.Int("max-links", d.MaxLinks, "articles followed from one listing page")
	maxPages := fs.Int("max-pages", d.MaxPages, "pages of one listing followed (下一页 links, a script's pager), its first included")
	logFormat := fs.String("log", "text", "log format on stderr: text or json")
	quiet := fs.Bool("quiet", false, "log warnings and errors only")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *sources == "" || *archive == "" || fs.NArg() > 0 || *perHost < 1 || *retries < 0 || *maxMiB < 1 || *maxLinks < 1 || *maxPages < 1 {
		fs.Usage()
		return errUsage
	}
	logger, err := newLogger("fetch", *logFormat, *quiet, stderr)
	if err != nil {
		return err
	}
	o := d
	o.Sources, o.Archive, o.UserAgent, o.Log = *sources, *archive, *ua, logger
	o.PerHost, o.Interval, o.Timeout, o.Retries, o.Backoff = *perHost, *interval, *timeout, *retries, *backoff
	o.MaxBytes, o.MaxLinks, o.MaxPages = *maxMiB<<20, *maxLinks, *maxPages
	rep, err := fetch.Run(ctx, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d URLs, %d requests: %d new, %d changed, %d not modified, %d unchanged, %d disallowed by robots.txt, %d failed\n",
		len(rep.URLs), rep.Requests, rep.Outcomes[fetch.OutcomeNew], rep.Outcomes[fetch.OutcomeChanged], rep.Outcomes[fetch.OutcomeNotModified],
		rep.Outcomes[fetch.OutcomeUnchanged], rep.Outcomes[fetch.OutcomeRobots], rep.Failed())
	if rep.Failed() > 0 {
		return errPartial
	}
	return nil
}

// localBaseURL is where 'budgetpub serve' serves the site by default, the
// base URL when none is given.
const localBaseURL = "http://127.0.0.1:8080/"

// flagGiven tells whether the command line set the flag.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// isTerminal tells whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressBar draws "[#####     ] 120/400" on one terminal line.
func progressBar(w io.Writer) func(done, total int) {
	var mu sync.Mutex
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		const width = 30
		n := done * width / max(total, 1)
		fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(" ", width-n), done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", "extract FILE", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	doc, err := pipeline.ExtractFile(ctx, fs.Arg(0), "")
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if len(doc.Document.Unknown) > 0 {
		for _, w := range doc.Warnings {
			if strings.HasPrefix(w.Reason, schema.WarnIdentity) {
				fmt.Fprintf(stderr, "budgetpub: %s: %s\n", fs.Arg(0), w.Reason)
			}
		}
		return errIncomplete
	}
	return nil
}

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("validate", "validate FILE.json…", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	bad := 0
	for _, f := range fs.Args() {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", f, err)
			bad++
			continue
		}
		err = schema.ValidateJSON(data)
		var inv *schema.InvalidError
		switch {
		case errors.As(err, &inv):
			for _, v := range inv.Violations {
				fmt.Fprintf(stdout, "%s: %s\n", f, v)
			}
			bad++
		case err != nil:
			fmt.Fprintf(stdout, "%s: %v\n", f, err)
			bad++
		}
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "budgetpub validate: %d of %d files invalid\n", bad, fs.NArg())
		return errSilent
	}
	return nil
}

func cmdGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen", "gen --n N --out DIR [--seed S] [--inject F] [--pdf] | gen --linked M [--years Y] --out DIR [--seed S]", stderr)
	n := fs.Int("n", 100, "documents per family ("+strings.Join(gen.Families, ", ")+")")
	out := fs.String("out", "", "folder to write the documents and their .truth.json to")
	seed := fs.Uint64("seed", 1, "random seed: the same seed writes the same files")
	inject := fs.Float64("inject", 0, "share of documents (0-1) given one recorded inconsistency")
	pdf := fs.Bool("pdf", false, "also print each document as a PDF (needs chromium and a CJK font)")
	linked := fs.Int("linked", 0, "instead, a linked corpus: this many departments followed across --years (names in long and short forms, a renaming with its departments.csv, budgets and final accounts, two-part budgets)")
	years := fs.Int("years", 3, "years per department of a linked corpus")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *linked > 0 && *out != "" {
		if err := gen.Linked(gen.LinkedOptions{Departments: *linked, Years: *years, Out: *out, Seed: *seed}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d departments over %d years into %s\n", *linked, *years, *out)
		return nil
	}
	if *out == "" || *n < 1 || *inject < 0 || *inject > 1 {
		fs.Usage()
		return errUsage
	}
	if err := gen.Generate(gen.Options{N: *n, Out: *out, Seed: *seed, Inject: *inject, PDF: *pdf}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d documents into %s\n", *n*len(gen.Families), *out)
	return nil
}

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "serve [--dir DIR] [--addr ADDR]", stderr)
	dir := fs.String("dir", "public", "folder of the built site")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return fmt.Errorf("serve: %s is not a built site (run 'budgetpub build' first)", *dir)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: siteServer{*dir}, ReadHeaderTimeout: serveTimeouts.header, ReadTimeout: serveTimeouts.read,
		WriteTimeout: serveTimeouts.write, IdleTimeout: serveTimeouts.idle, MaxHeaderBytes: 64 << 10}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Fprintf(stdout, "serving %s on http://%s/\n", *dir, ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
