package gen_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"budgetpub/gen"
	"budgetpub/pipeline"
	"budgetpub/schema"
)

// minRecall is, per family, the share of ground-truth figures extraction
// must recover. The narrative families state every figure in words: all of
// them. The standard sets are read whole (seed 7, at 25 and at 300 a
// family: budget25, final9 and jiangsu12 100%; final9 99.3% at 25 and
// 99.7% at 300 since it prints the 决算's fund and statistics tables, whose
// default-mode prints with wrapped names or by column are missing with a
// warning) since the tables pdftotext's default mode prints column by
// column are taken apart (colwise.go; before,
// 93.8%, 82.5% and 96.9% at 25, 91.8%, 91.1% and 96.5% at 300); the margin
// is for a seed or size whose sums leave a placement open. Before the
// readers were fixed for what this test found: 72.7%, 74.9% and 95.1% at
// 25 (27 figures wrong or missing with no warning), 69.5%, 82.8% and 94.3%
// at 300 (205). The early family (templates of 2013–2017) began at 84.9%
// at 25, with false alarms on most of its documents (the 类 names of its
// years, a former name wrapped around its code, its 公共财政 titles, 收入
// 合计 as the year's revenue); with them 93.0% and 87.8%, with the column-wise
// reader 97.4% and 96.2%. The unit family (事业单位 单位预算) began at
// 98.6% at 25 with false alarms on most documents (a performance
// paragraph's 涉及一般公共预算拨款 as a revenue source, …所属<单位> titles);
// with the year before's 三公 beside the year's and tables by unit it read
// the year before's 三公 as the year's (wrong figures) and left the tables
// by unit out, and took the tables titled in the Ministry's sample's words
// (…收支总体情况表) for other tables; then 98.7% at 100, 97.8% at 300;
// with 三公 tables of a row a part read where names wrap around their
// cells or cells are blank (by position), 98.2% at 300 (the misses: 三公
// tables whose year's cells come one a line, the 收支总表 printed column
// by column beside a 支出总表 by unit).
// The items family (lists of 项 under their whole, no 类 amount) reads
// all: at first 3 of 25 documents lost their list and drew false alarms
// (a 项's 人员经费 and 公用经费 taken for the basic expenditure's).
// The news family (a department's 三公 told as a news story, one line or
// many) reads all: its subject, year, kind and 三公, its region's revenue
// left out (before session 21 every story was refused).
var minRecall = map[string]float64{
	"narrative": 1, "tables": 1, "final": 1, "web-narrative": 1, "web-final": 1,
	"budget25": 0.98, "final9": 0.98, "jiangsu12": 0.98, "early": 0.94, "unit": 0.96,
	"items": 1, "news": 1,
}

// jiangsuRead are the jiangsu12 tables TestProperty wants read in every
// perturbation.
var jiangsuRead = map[string]bool{"收入预算总表": true, "支出预算总表": true, "财政拨款基本支出预算表": true, "一般公共预算基本支出预算表": true, "政府性基金预算财政拨款支出预算表": true}

// TestProperty: for generated documents of every family, extraction
// recovers every ground-truth figure exactly, and the checks find exactly
// the injected inconsistencies (nothing at warning or error elsewhere).
// Of the standard table sets, printed with the perturbations of real
// extractors, every figure extracted must be the truth, or be absent with
// a warning; the share recovered must reach the family's minRecall; and
// a document printed right draws no warning or error from the checks (the
// share of misprinted ones they catch is logged: at 300 a family, budget25
// 91 of 107, final9 112 of 134, jiangsu12 99 of 124, early 87 of 105,
// unit 84 of 114).
// BUDGETPUB_PROPERTY_N sets the documents per family (default 25).
func TestProperty(t *testing.T) {
	n := 25
	if s := os.Getenv("BUDGETPUB_PROPERTY_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("bad BUDGETPUB_PROPERTY_N %q", s)
		}
	}
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{N: n, Out: dir, Seed: 7, Inject: 0.4}); err != nil {
		t.Fatal(err)
	}
	if err := gen.Generate(gen.Options{N: n, Out: dir, Seed: 7, Only: gen.Optional}); err != nil {
		t.Fatal(err)
	}
	truths, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	if len(truths) != n*(len(gen.Families)+len(gen.Optional)) {
		t.Fatalf("%d documents generated, want %d", len(truths), n*(len(gen.Families)+len(gen.Optional)))
	}
	injected := 0
	got, all := map[string]int{}, map[string]int{}
	byPert := map[string][2]int{}
	gotItems, allItems := map[string]int{}, map[string]int{} // the 项 of the function tables, by code
	var mixed [2]int                                         // those of the documents printed mixed
	banded := 0                                              // the documents printed in bands
	found, missed := map[string]int{}, map[string]int{}      // standard documents with a misprint, and those the checks missed
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		injected += len(want.Injected)
		d, err := pipeline.ExtractFile(context.Background(), filepath.Join(dir, want.File), "")
		if err != nil {
			t.Fatalf("%s: %v", want.File, err)
		}
		if want.Family == "news" {
			for _, m := range compareNews(want, d) {
				t.Errorf("%s (%s, %s): %s", want.File, want.Family, want.Perturbed, m)
			}
			got[want.Family]++
			all[want.Family]++
			continue
		}
		if !gen.Standard(want.Family) {
			for _, m := range compare(want, d) {
				t.Errorf("%s (%s): %s", want.File, want.Family, m)
			}
			got[want.Family]++
			all[want.Family]++
			continue
		}
		// Jiangsu's one-column and one-row tables, its economic copies and
		// its empty fund table are read (or declared empty) however printed
		// (but plain: with a row's label cells one space apart, 收入预算总表's
		// 一般公共预算资金 and 小计 are one name, and its shape, read by
		// position, is not there to part them; its figures come from the
		// other tables)
		if want.Family == "jiangsu12" && !strings.Contains(want.Perturbed, "plain") {
			for _, c := range d.Coverage {
				if c.Status == schema.CoverageNotRead && jiangsuRead[c.Name] {
					t.Errorf("%s (%s, %s): %s not read: %s", want.File, want.Family, want.Perturbed, c.Name, c.Reason)
				}
			}
		}
		// printed a cell a line with its blank cells kept and right, every
		// table the catalogue knows is read: the cells tell their columns
		if strings.Contains(want.Perturbed, "cells") && !strings.Contains(want.Perturbed, "dropped") && !misprintedDoc(want) {
			for _, c := range d.Coverage {
				if c.Part == "table" && c.Status == schema.CoverageNotRead && c.NameEn != "other table" {
					t.Errorf("%s (%s, %s): %s not read: %s", want.File, want.Family, want.Perturbed, c.Name, c.Reason)
				}
			}
		}
		// printed a cell a line and right, blank cells kept or dropped, the
		// tables by class are read, and their shapes, where they fit, leave
		// none out (each row adds up, the 类 to the 合计); a 决算's economic
		// table of two panels (人员经费, 公用经费) is not of the shape, and its
		// reader warns it gives no items
		if strings.Contains(want.Perturbed, "cells") && !misprintedDoc(want) {
			for _, c := range d.Coverage {
				if c.Part != "table" || c.NameEn != "expenditure by function" && c.NameEn != "basic expenditure by economic class" {
					continue
				}
				if c.Status != schema.CoverageRead && c.Status != schema.CoverageEmpty {
					t.Errorf("%s (%s, %s): %s %s: %s", want.File, want.Family, want.Perturbed, c.Name, c.Status, c.Reason)
				}
				for _, w := range d.Warnings {
					if w.Line == c.Line && shapeReason(w.Reason) {
						t.Errorf("%s (%s, %s): %s: %s", want.File, want.Family, want.Perturbed, c.Name, w.Reason)
					}
				}
			}
		}
		// a part cell of a class's row misprinted (its 基本支出, the typo
		// perturbation's typopart), printed a cell a line: the shape leaves
		// the function table out with a warning naming a class's row, never
		// reads it (and compareStandard below: never a wrong figure)
		if strings.Contains(want.Perturbed, "typopart") && strings.Contains(want.Perturbed, "cells") {
			left := slices.ContainsFunc(d.Coverage, func(c schema.Coverage) bool {
				return c.NameEn == "expenditure by function" && c.Status == schema.CoverageNotRead &&
					slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return w.Line == c.Line && classRow.MatchString(w.Reason) })
			})
			if !left {
				t.Errorf("%s (%s, %s): a misprinted 基本支出 cell, and no function table left out naming its row: %+v", want.File, want.Family, want.Perturbed, d.Coverage)
			}
		}
		// a 决算's function table that prints its 项 only is read: its 项
		// add up to its 合计
		if strings.Contains(want.Perturbed, "itemsonly") {
			for _, c := range d.Coverage {
				if c.Name == "一般公共预算财政拨款支出决算表" && c.Status != schema.CoverageRead {
					t.Errorf("%s (%s, %s): %s %s: %s", want.File, want.Family, want.Perturbed, c.Name, c.Status, c.Reason)
				}
			}
		}
		ok, n, bad, missing := compareStandard(want, d)
		iok, in, ibad := compareItems(want, d)
		gotItems[want.Family] += iok
		allItems[want.Family] += in
		for _, m := range ibad {
			t.Errorf("%s (%s, %s): %s", want.File, want.Family, want.Perturbed, m)
		}
		if strings.Contains(want.Perturbed, "mixed") {
			mixed[0] += iok
			mixed[1] += in
			// printed right, its function tables give every 项 with its code
			// (but where a name wraps: mixed.go does not join a wrapped
			// name's halves yet, and leaves the table out with a warning)
			// (and but in a unit's budget, the 项 of a 类 its own revenue
			// pays part of, which the appropriations' function table prints
			// only in part: a warning must name the class; and those of a
			// unit's table cut by a page, whose rows print their 类, 款 and
			// 项 codes a line each and read as none yet)
			wrapped := strings.Contains(want.Perturbed, "wrap") || strings.Contains(want.Perturbed, "below")
			unread := in - iok
			if want.Family == "unit" {
				unread = len(unwarnedItems(want, d))
			}
			if !misprintedDoc(want) && !wrapped && !(want.Family == "unit" && strings.Contains(want.Perturbed, "pagebreak")) && unread > 0 {
				t.Errorf("%s (%s, %s): %d of %d items read", want.File, want.Family, want.Perturbed, iok, in)
			}
		}
		// printed in bands and right, its function table is read (its
		// wrapped names joined)
		if strings.Contains(want.Perturbed, "banded") {
			banded++
			for _, c := range d.Coverage {
				if functionTable(c.Name) && c.Status != schema.CoverageRead && !misprintedDoc(want) {
					t.Errorf("%s (%s, %s): %s %s: %s", want.File, want.Family, want.Perturbed, c.Name, c.Status, c.Reason)
				}
			}
		}
		if testing.Verbose() && len(missing) > 0 {
			t.Logf("%s (%s, %s): missing %s", want.File, want.Family, want.Perturbed, strings.Join(missing, ", "))
		}
		got[want.Family] += ok
		all[want.Family] += n
		p := byPert[want.Family+" "+want.Perturbed]
		byPert[want.Family+" "+want.Perturbed] = [2]int{p[0] + ok, p[1] + n}
		for _, m := range bad {
			t.Errorf("%s (%s, %s): %s", want.File, want.Family, want.Perturbed, m)
		}
		// the checks: nothing at warning or error on a document printed
		// right; its misprint (the typo perturbation) found on one that has one
		misprinted := misprintedDoc(want)
		alarms := 0
		for _, c := range d.Checks {
			if c.Severity == schema.SeverityWarning || c.Severity == schema.SeverityError {
				alarms++
				if !misprinted {
					t.Errorf("%s (%s, %s): a false alarm: %s", want.File, want.Family, want.Perturbed, c.MessageEn)
				}
			}
		}
		if misprinted {
			found[want.Family]++
			if alarms == 0 {
				missed[want.Family]++
			}
		}
	}
	for f, n := range found {
		t.Logf("misprints found %-10s %d of %d", f, n-missed[f], n)
	}
	for _, f := range slices.Sorted(maps.Keys(allItems)) {
		t.Logf("items  %-14s %d of %d", f, gotItems[f], allItems[f])
	}
	t.Logf("items of the documents printed mixed: %d of %d", mixed[0], mixed[1])
	if banded == 0 {
		t.Error("no document printed in bands")
	}
	if injected == 0 {
		t.Fatal("no inconsistency injected")
	}
	fams := make([]string, 0, len(all))
	for f := range all {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	for _, f := range fams {
		r := float64(got[f]) / float64(all[f])
		t.Logf("recall %-14s %5.1f%% (%d of %d)", f, 100*r, got[f], all[f])
		want, ok := minRecall[f]
		if !ok {
			t.Errorf("family %s has no minimum recall", f)
		}
		if r < want {
			t.Errorf("family %s: recall %.1f%%, below its minimum %.1f%%", f, 100*r, 100*want)
		}
	}
	if testing.Verbose() {
		keys := make([]string, 0, len(byPert))
		for k := range byPert {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("  %-40s %d of %d", k, byPert[k][0], byPert[k][1])
		}
	}
}

// shapeReason tells a reason the reader of a table by class a cell a line
// gives for leaving it out (a row or the 类 not adding up, no placement).
func shapeReason(r string) bool {
	return strings.Contains(r, "does not add up (its 合计") || strings.Contains(r, "placement") || strings.Contains(r, "its 类 rows add up")
}

// functionTable tells the title of a function table of the appropriations
// (一般公共预算支出表, 公共财政拨款支出表, 一般公共预算财政拨款支出决算表).
func functionTable(title string) bool {
	return strings.Contains(title, "支出") && (strings.Contains(title, "一般公共预算") || strings.Contains(title, "财政拨款")) &&
		!strings.ContainsAny(title, "基三收") && !strings.Contains(title, "基金") && !strings.Contains(title, "总表")
}

// compareStandard compares a standard-set document's figures with its
// truth: how many it recovers of how many, and what is wrong — a figure
// that differs from the truth, or one missing from a document that warns
// of nothing.
func compareStandard(want gen.Truth, d *schema.Document) (ok, n int, bad, missing []string) {
	warned := len(d.Warnings) > 0
	for _, c := range d.Coverage {
		warned = warned || c.Status == schema.CoverageNotRead
	}
	// rounded tells a figure the extractor took from the text's 万元 and
	// said so (the table in 元 that states it exactly was not read)
	rounded := func(path string, got, w schema.Money) bool {
		if got-w > 5000 || w-got > 5000 {
			return false
		}
		for _, x := range d.Warnings {
			if strings.HasPrefix(x.Reason, path+" is the text's figure, rounded") {
				return true
			}
		}
		return false
	}
	field := func(name, path string, got *schema.Money, w schema.Money) {
		n++
		switch {
		case got == nil && !warned:
			bad = append(bad, name+": missing, and no warning says why")
		case got == nil:
			missing = append(missing, name)
		case *got != w && rounded(path, *got, w):
			missing = append(missing, name+" (the text's rounding, with a warning)")
		case *got != w:
			bad = append(bad, name+": got "+got.String()+", want "+w.String())
		default:
			ok++
		}
	}
	n++
	if d.Document.Kind == want.Kind && d.Document.FiscalYear == want.FiscalYear && d.Department.Name == want.Department {
		ok++
	} else {
		bad = append(bad, "identity: got "+d.Document.Kind+" "+strconv.Itoa(d.Document.FiscalYear)+" "+d.Department.Name)
	}
	// figures checked for a wrong value only (not counted as fields: a
	// document may name its sources otherwise, print no 年初预算): one
	// read must be the truth's, or its rounding with a warning
	wrongOnly := func(name, path string, got *schema.Money, w schema.Money) {
		if got != nil && *got != w && !rounded(path, *got, w) {
			bad = append(bad, name+": got "+got.String()+", want "+w.String())
		}
	}
	// the 财政拨款 source and its 一般公共预算 part, a unit's own sources
	if want.Appropriation != nil && d.Revenue != nil {
		for i, s := range d.Revenue.Sources {
			path := "/revenue/sources/" + strconv.Itoa(i) + "/amount"
			if s.Name == "财政拨款" || s.Name == "一般公共预算" {
				wrongOnly("source "+s.Name, path, &s.Amount, *want.Appropriation)
			} else if w, known := want.OwnSources[s.Name]; known {
				wrongOnly("source "+s.Name, path, &s.Amount, schema.Money(w))
			}
		}
	}
	// the 三公's parts likewise (and their subtotal, the cars'), and a
	// 决算's 年初预算 of each
	if tp := d.ThreePublic; want.ThreePublicParts != nil && tp != nil {
		p := want.ThreePublicParts
		for _, f := range []struct {
			key string
			fig *schema.Figure
		}{{"overseas_travel", tp.OverseasTravel}, {"reception", tp.Reception}, {"vehicle", tp.Vehicle},
			{"vehicle_purchase", tp.VehiclePurchase}, {"vehicle_operation", tp.VehicleOperation}} {
			if f.fig == nil {
				continue
			}
			w := schema.Money(p[f.key])
			if f.key == "vehicle" {
				w = schema.Money(p["vehicle_purchase"] + p["vehicle_operation"])
			}
			wrongOnly("三公 "+f.key, "/three_public/"+f.key+"/amount", &f.fig.Amount, w)
			if wb, ok := want.ThreePublicBudgeted[f.key]; ok {
				wrongOnly("三公 "+f.key+" budgeted", "/three_public/"+f.key+"/budgeted", f.fig.Budgeted, schema.Money(wb))
			}
		}
		if wb, ok := want.ThreePublicBudgeted["total"]; ok {
			wrongOnly("三公 budgeted", "/three_public/budgeted", tp.Budgeted, schema.Money(wb))
		}
	}
	var rev, exp, basic, project, tp, op, proc, cin, cout *schema.Money
	if d.Revenue != nil {
		rev, cin = d.Revenue.Total, d.Revenue.CarriedOver
	}
	if d.Expenditure != nil {
		exp, cout = d.Expenditure.Total, d.Expenditure.CarriedForward
		if d.Expenditure.Basic != nil {
			basic = &d.Expenditure.Basic.Amount
		}
		if d.Expenditure.Project != nil {
			project = &d.Expenditure.Project.Amount
		}
	}
	if d.ThreePublic != nil {
		tp = d.ThreePublic.Total
	}
	if d.OperatingCosts != nil {
		op = &d.OperatingCosts.Amount
	}
	if d.Procurement != nil {
		proc = &d.Procurement.Amount
	}
	field("revenue", "/revenue/total", rev, want.Revenue)
	field("expenditure", "/expenditure/total", exp, want.Expenditure)
	field("basic", "/expenditure/basic/amount", basic, want.Basic)
	field("project", "/expenditure/project/amount", project, want.Project)
	field("三公", "/three_public/total", tp, want.ThreePublic)
	if want.OperatingCostsUnstated {
		if op != nil {
			bad = append(bad, "operating costs: got "+op.String()+", not in the document")
		}
	} else {
		field("operating costs", "/operating_costs/amount", op, want.OperatingCosts)
	}
	field("procurement", "/procurement/amount", proc, want.Procurement)
	if want.Reserve != nil {
		var res *schema.Money
		if d.Expenditure != nil && d.Expenditure.Reserve != nil {
			res = &d.Expenditure.Reserve.Amount
		}
		if *want.Reserve == 0 {
			if res != nil {
				bad = append(bad, "reserve: got "+res.String()+", not in the document")
			}
		} else {
			field("reserve", "/expenditure/reserve/amount", res, *want.Reserve)
		}
	}
	if want.CarriedOver != nil {
		field("carried over", "/revenue/carried_over", cin, *want.CarriedOver)
	}
	if want.CarriedForward != nil {
		field("carried forward", "/expenditure/carried_forward", cout, *want.CarriedForward)
	}
	if want.GovernmentFund != nil {
		var gf *schema.Money
		if d.GovernmentFund != nil {
			gf = &d.GovernmentFund.Amount
		}
		field("government fund", "/government_fund/amount", gf, *want.GovernmentFund)
	}
	classes := func(name string, items []schema.ClassItem, w map[string]int64) {
		got, at := map[string]*schema.Money{}, map[string]int{}
		for i, c := range items {
			if at[c.Code] = i; !c.Unstated { // a class of 项 only states no amount
				got[c.Code] = &c.Amount
			}
		}
		codes := make([]string, 0, len(w))
		for code := range w {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			field(name+" "+code, "/expenditure/"+name+"/"+strconv.Itoa(at[code])+"/amount", got[code], schema.Money(w[code]))
			delete(got, code)
		}
		for code, v := range got {
			if v != nil && len(code) == 3 {
				bad = append(bad, name+" "+code+": got "+v.String()+", not in the document")
			}
		}
	}
	if d.Expenditure != nil {
		classes("by_function", d.Expenditure.ByFunction, want.ByFunction)
		classes("by_economic", d.Expenditure.ByEconomic, want.ByEconomic)
	} else {
		classes("by_function", nil, want.ByFunction)
		classes("by_economic", nil, want.ByEconomic)
	}
	return ok, n, bad, missing
}

// TestPropertyItems: the lists of 项 (the items family, whose draws vary
// most: code styles, names without code, 项 printed twice, rounding,
// changes, one-line bodies) read as their truth over more seeds than
// TestProperty's.
func TestPropertyItems(t *testing.T) {
	dir := t.TempDir()
	for seed := uint64(1); seed <= 6; seed++ {
		if err := gen.Generate(gen.Options{N: 20, Out: filepath.Join(dir, strconv.FormatUint(seed, 10)), Seed: seed, Inject: 0.4, Only: []string{"items"}}); err != nil {
			t.Fatal(err)
		}
	}
	truths, _ := filepath.Glob(filepath.Join(dir, "*", "*.truth.json"))
	if len(truths) != 120 {
		t.Fatalf("%d documents generated, want 120", len(truths))
	}
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		d, err := pipeline.ExtractFile(context.Background(), filepath.Join(filepath.Dir(tf), want.File), "")
		if err != nil {
			t.Fatalf("%s: %v", tf, err)
		}
		for _, m := range compare(want, d) {
			t.Errorf("%s (%s): %s", tf, want.Perturbed, m)
		}
	}
}

// TestPropertyPDF: the same from generated PDFs, read through pdftotext.
func TestPropertyPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing in CI")
		}
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	// two documents of the narrative families, one of each standard set
	// (printing is the cost: some 6 s a document)
	var narrative, standard []string
	for _, f := range gen.Families {
		if gen.Standard(f) {
			standard = append(standard, f)
		} else {
			narrative = append(narrative, f)
		}
	}
	for _, o := range []gen.Options{
		{N: 2, Out: dir, Seed: 11, Inject: 0.5, PDF: true, Only: narrative},
		{N: 1, Out: dir, Seed: 11, Inject: 0.5, PDF: true, Only: standard},
	} {
		err := gen.Generate(o)
		if errors.Is(err, gen.ErrNoBrowser) && os.Getenv("CI") == "" {
			t.Skip(err)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	truths, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		json.Unmarshal(data, &want)
		pdf := strings.TrimSuffix(filepath.Join(dir, want.File), ".txt") + ".pdf"
		d, err := pipeline.ExtractFile(context.Background(), pdf, "")
		if err != nil {
			t.Fatalf("%s: %v", pdf, err)
		}
		bad := compare(want, d)
		if gen.Standard(want.Family) {
			_, _, bad, _ = compareStandard(want, d)
		}
		for _, m := range bad {
			t.Errorf("%s (%s, from the PDF): %s", want.File, want.Family, m)
		}
	}
}

func compare(want gen.Truth, d *schema.Document) []string {
	var bad []string
	eq := func(name string, got *schema.Money, w schema.Money) {
		if got == nil || *got != w {
			bad = append(bad, name+": got "+str(got)+", want "+w.String())
		}
	}
	if d.Document.Kind != want.Kind || d.Document.FiscalYear != want.FiscalYear || d.Department.Name != want.Department {
		bad = append(bad, "identity: got "+d.Document.Kind+" "+d.Department.Name)
	}
	eq("revenue", d.Revenue.Total, want.Revenue)
	eq("expenditure", d.Expenditure.Total, want.Expenditure)
	if d.Expenditure.Basic == nil || d.Expenditure.Project == nil {
		bad = append(bad, "basic/project missing")
	} else {
		eq("basic", &d.Expenditure.Basic.Amount, want.Basic)
		eq("project", &d.Expenditure.Project.Amount, want.Project)
		if want.BasicPrior != nil {
			eq("basic prior", d.Expenditure.Basic.PriorYear, *want.BasicPrior)
		}
		if want.ProjectPrior != nil {
			eq("project prior", d.Expenditure.Project.PriorYear, *want.ProjectPrior)
		}
	}
	classes := func(name string, items []schema.ClassItem, w map[string]int64) {
		got := map[string]int64{}
		for _, c := range items {
			if !c.Unstated { // a class of 项 only (listedItems)
				got[c.Code] = int64(c.Amount)
			}
		}
		if len(got) != len(w) {
			bad = append(bad, name+": codes differ")
		}
		for code, v := range w {
			if got[code] != v {
				bad = append(bad, name+" "+code+": got "+schema.Money(got[code]).String()+", want "+schema.Money(v).String())
			}
		}
	}
	classes("by_function", d.Expenditure.ByFunction, want.ByFunction)
	classes("by_economic", d.Expenditure.ByEconomic, want.ByEconomic)
	bad = append(bad, listedItems(want, d)...)
	if d.ThreePublic == nil {
		bad = append(bad, "三公 missing")
	} else {
		eq("三公", d.ThreePublic.Total, want.ThreePublic)
	}
	if d.OperatingCosts == nil || d.Procurement == nil {
		bad = append(bad, "operating costs or procurement missing")
	} else {
		eq("operating costs", &d.OperatingCosts.Amount, want.OperatingCosts)
		eq("procurement", &d.Procurement.Amount, want.Procurement)
	}
	if want.AssetsEnd != nil {
		if d.Assets == nil || d.Assets.Start == nil || d.Assets.End == nil {
			bad = append(bad, "assets missing")
		} else {
			eq("assets start", &d.Assets.Start.Total, *want.AssetsStart)
			eq("assets end", &d.Assets.End.Total, *want.AssetsEnd)
		}
	}
	var found, expected []string
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			found = append(found, c.Rule+"/"+c.Severity)
		}
	}
	for _, in := range want.Injected {
		expected = append(expected, in.Rule+"/"+in.Severity)
	}
	sort.Strings(found)
	sort.Strings(expected)
	if strings.Join(found, ",") != strings.Join(expected, ",") {
		bad = append(bad, "checks: found ["+strings.Join(found, ",")+"], injected ["+strings.Join(expected, ",")+"]")
	}
	return bad
}

// compareNews compares a news story's document with its truth: its
// subject, year and kind, its 三公 and their parts, and nothing else — its
// region's revenue left out with a warning — and no check at warning or
// error.
func compareNews(want gen.Truth, d *schema.Document) []string {
	var bad []string
	if d.Document.Kind != want.Kind || d.Document.FiscalYear != want.FiscalYear || d.Department.Name != want.Department || len(d.Document.Unknown) > 0 {
		bad = append(bad, fmt.Sprintf("identity: got %s %d %s %v", d.Document.Kind, d.Document.FiscalYear, d.Department.Name, d.Document.Unknown))
	}
	tp := d.ThreePublic
	if tp == nil || tp.Total == nil || *tp.Total != want.ThreePublic {
		bad = append(bad, fmt.Sprintf("三公: got %+v, want %s", tp, want.ThreePublic))
	} else {
		for field, f := range map[string]*schema.Figure{"overseas_travel": tp.OverseasTravel, "reception": tp.Reception, "vehicle_purchase": tp.VehiclePurchase, "vehicle_operation": tp.VehicleOperation} {
			if f == nil || int64(f.Amount) != want.ThreePublicParts[field] {
				bad = append(bad, fmt.Sprintf("三公 %s: got %+v, want %s", field, f, schema.Money(want.ThreePublicParts[field])))
			}
		}
	}
	if d.Revenue != nil && (d.Revenue.Total != nil || len(d.Revenue.Sources) > 0) || !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool {
		return strings.Contains(w.Reason, "a news story's figure besides its 三公")
	}) {
		bad = append(bad, fmt.Sprintf("the region's revenue: %+v, not left out with a warning", d.Revenue))
	}
	for _, c := range d.Checks {
		if c.Severity != schema.SeverityInfo {
			bad = append(bad, "a check: "+c.MessageEn)
		}
	}
	return bad
}

func str(m *schema.Money) string {
	if m == nil {
		return "nothing"
	}
	return m.String()
}

// Only writes the families it names, each document as the full run writes
// it.
func TestGenerateOnly(t *testing.T) {
	all, some := t.TempDir(), t.TempDir()
	if err := gen.Generate(gen.Options{N: 2, Out: all, Seed: 3, Inject: 0.5}); err != nil {
		t.Fatal(err)
	}
	if err := gen.Generate(gen.Options{N: 2, Out: some, Seed: 3, Inject: 0.5, Only: []string{"tables", "budget25"}}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(some, "*"))
	if len(files) != 8 {
		t.Fatalf("%d files, want 8", len(files))
	}
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(all, filepath.Base(f)))
		b, _ := os.ReadFile(f)
		if len(a) == 0 || string(a) != string(b) {
			t.Errorf("%s differs from the full run's", filepath.Base(f))
		}
	}
}

// listedItems compares the 项 a document lists under classes whose
// amount it does not state (the items family) with the truth: each class
// Unstated, its items those listed, in their order, with their code where
// printed, name, amount and the change it states (a claim) — or, a 项
// printed twice, no amount and its parts — and the section read.
func listedItems(want gen.Truth, d *schema.Document) []string {
	var bad []string
	wantOf := map[string][]gen.ListedItem{}
	for _, it := range want.ListedItems {
		wantOf[it.Class] = append(wantOf[it.Class], it)
	}
	var show func(it gen.ListedItem) string
	show = func(it gen.ListedItem) string {
		s := strings.TrimSpace(it.Code+" "+it.Name) + " " + schema.Money(it.Amount).String()
		if it.Change != nil {
			s += " (change " + schema.Money(*it.Change).String() + ")"
		}
		for _, p := range it.Parts {
			s += " [" + show(p) + "]"
		}
		return s
	}
	var read func(c schema.ClassItem, path string) gen.ListedItem
	read = func(c schema.ClassItem, path string) gen.ListedItem {
		it := gen.ListedItem{Code: c.Code, Name: c.Name}
		if !c.Unstated {
			it.Amount = int64(c.Amount)
		}
		for _, cl := range d.Claims {
			if cl.Path == path && cl.Kind == schema.ClaimChange {
				it.Change = new(int64(math.Round(cl.Value * 100)))
			}
		}
		for k, p := range c.Items {
			it.Parts = append(it.Parts, read(p, path+"/items/"+strconv.Itoa(k)))
		}
		return it
	}
	for ci, c := range d.Expenditure.ByFunction {
		if !c.Unstated {
			continue
		}
		w, ok := wantOf[c.Code]
		delete(wantOf, c.Code)
		var got, wants []string
		for k, it := range c.Items {
			got = append(got, show(read(it, "/expenditure/by_function/"+strconv.Itoa(ci)+"/items/"+strconv.Itoa(k))))
		}
		for _, it := range w {
			it.Class = ""
			for i := range it.Parts {
				it.Parts[i].Class = ""
			}
			wants = append(wants, show(it))
		}
		if !ok || !slices.Equal(got, wants) {
			bad = append(bad, "class "+c.Code+" of 项 only: got "+strings.Join(got, "; ")+", want "+strings.Join(wants, "; "))
		}
	}
	for _, code := range slices.Sorted(maps.Keys(wantOf)) {
		bad = append(bad, "class "+code+" of 项 only: missing")
	}
	// and the coverage report says the list is read, all of it
	for _, c := range d.Coverage {
		if len(want.ListedItems) > 0 && c.Part == "section" && c.NameEn == "Expenditure by function" && (c.Status != schema.CoverageRead || c.Reason != "") {
			bad = append(bad, "coverage of expenditure by function: "+c.Status+": "+c.Reason)
		}
	}
	return bad
}

// compareItems counts the 项 of the function tables read with their code
// (ok of n) and gives each read with another amount.
func compareItems(want gen.Truth, d *schema.Document) (ok, n int, bad []string) {
	got := map[string]schema.Money{}
	if d.Expenditure != nil {
		for _, c := range d.Expenditure.ByFunction {
			for _, it := range c.Items {
				if it.Code != "" && !it.Unstated {
					got[it.Code] = it.Amount
				}
			}
		}
	}
	for _, code := range slices.Sorted(maps.Keys(want.ByItem)) {
		n++
		v, read := got[code]
		switch {
		case !read:
		case v != schema.Money(want.ByItem[code]):
			bad = append(bad, "item "+code+": got "+v.String()+", want "+schema.Money(want.ByItem[code]).String())
		default:
			ok++
		}
	}
	return ok, n, bad
}

// unwarnedItems are the 项 of the truth a document does not give, but
// those of a 类 a warning says are not read, and all where a function
// table is left out (with its warning).
func unwarnedItems(want gen.Truth, d *schema.Document) []string {
	if slices.ContainsFunc(d.Coverage, func(c schema.Coverage) bool {
		return c.Status == schema.CoverageNotRead && c.NameEn == "expenditure by function"
	}) {
		return nil
	}
	got := map[string]bool{}
	if d.Expenditure != nil {
		for _, c := range d.Expenditure.ByFunction {
			for _, it := range c.Items {
				got[it.Code] = true
			}
		}
	}
	var out []string
	for _, code := range slices.Sorted(maps.Keys(want.ByItem)) {
		if !got[code] && !slices.ContainsFunc(d.Warnings, func(w schema.Warning) bool { return strings.Contains(w.Reason, "项 of "+code[:3]+" ") }) {
			out = append(out, code)
		}
	}
	return out
}

// classRow is a warning naming a class's row of a table (its row 205 教育支出 …).
var classRow = regexp.MustCompile(`its row [0-9]{3} `)

// misprintedDoc tells a document given an inconsistency or a misprint.
func misprintedDoc(want gen.Truth) bool {
	return len(want.Injected) > 0 || strings.Contains(want.Perturbed, "typo")
}

// TestPropertyNameless: generated documents of every family printed
// without any line that names the department — the title page and every
// sentence naming it lost, as a page cut from its disclosure — are read
// with the department left out (never another name), and every figure
// they give is the truth's (or the text's 万元 of it: the tables' titles
// naming the department are lost too), as is the year and kind where they
// give them; a third at least still give the expenditure's total (seed 7,
// 6 a family: 17 of 50 read, 10 refused — pages left with no figure a
// reader takes). Misprinted documents aside, as in TestProperty.
func TestPropertyNameless(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{N: 6, Out: dir, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	truths, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	read, refused, totals := 0, 0, 0
	for _, tf := range truths {
		var want gen.Truth
		data, _ := os.ReadFile(tf)
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join(dir, want.File))
		if err != nil || strings.HasSuffix(want.File, ".pdf") {
			continue
		}
		var kept []string
		for l := range strings.Lines(string(text)) {
			if !strings.Contains(strings.ReplaceAll(l, " ", ""), want.Department) {
				kept = append(kept, l)
			}
		}
		path := filepath.Join(t.TempDir(), filepath.Base(want.File))
		if err := os.WriteFile(path, []byte(strings.Join(kept, "")), 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := pipeline.ExtractFile(context.Background(), path, "")
		if err != nil {
			refused++
			continue
		}
		read++
		if d.Department.Name != "" || !slices.Contains(d.Document.Unknown, schema.UnknownDepartment) {
			t.Errorf("%s (%s): named %q, unknown %v", want.File, want.Family, d.Department.Name, d.Document.Unknown)
		}
		if y := d.Document.FiscalYear; y != 0 && y != want.FiscalYear || d.Document.Kind != "" && d.Document.Kind != want.Kind {
			t.Errorf("%s (%s): %d %s, want %d %s", want.File, want.Family, y, d.Document.Kind, want.FiscalYear, want.Kind)
		}
		if misprintedDoc(want) || len(want.Injected) > 0 {
			continue
		}
		// the text's figure in 万元 to two decimals: the tables' titles,
		// which name the department, went with it
		rounded := func(got, w schema.Money) bool { return got-w <= 5000 && w-got <= 5000 }
		eq := func(name, path string, got *schema.Money, w schema.Money) {
			if got != nil && *got != w && !rounded(*got, w) {
				t.Errorf("%s (%s, %s): %s %s, want %s", want.File, want.Family, want.Perturbed, name, got, w)
			}
		}
		if r := d.Revenue; r != nil {
			eq("revenue", "/revenue/total", r.Total, want.Revenue)
		}
		if e := d.Expenditure; e != nil {
			eq("expenditure", "/expenditure/total", e.Total, want.Expenditure)
			if e.Total != nil {
				totals++
			}
			if e.Basic != nil {
				eq("basic", "/expenditure/basic/amount", &e.Basic.Amount, want.Basic)
			}
			if e.Project != nil {
				eq("project", "/expenditure/project/amount", &e.Project.Amount, want.Project)
			}
		}
		if tp := d.ThreePublic; tp != nil {
			eq("三公", "/three_public/total", tp.Total, want.ThreePublic)
		}
		if op := d.OperatingCosts; op != nil && !want.OperatingCostsUnstated {
			eq("机关运行经费", "/operating_costs/amount", &op.Amount, want.OperatingCosts)
		}
	}
	t.Logf("%d read with the department unknown, %d refused; %d give the expenditure's total", read, refused, totals)
	if read == 0 || 3*totals < read {
		t.Errorf("%d of %d read give the expenditure's total", totals, read)
	}
}
