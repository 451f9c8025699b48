package pipeline

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The hand-checked labels of ../shared/corpus/expected, copied into
// testdata/expected: field checks in the form ../shared/tools/score.py
// reads. This test reads them the same way, so CI guards the scores.

type label struct {
	Path  string          `json:"path"`
	Find  string          `json:"find"`
	Any   string          `json:"any"`
	Count string          `json:"count"`
	Where map[string]any  `json:"where"`
	Value json.RawMessage `json:"value"`
}

func get(doc any, ptr string) any {
	cur := doc
	for _, p := range strings.Split(strings.Trim(ptr, "/"), "/") {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	return cur
}

func same(got any, want any) bool {
	if w, ok := want.(float64); ok {
		g, ok := got.(float64)
		return ok && math.Abs(g-w) <= 0.5
	}
	return got == want
}

func matches(item any, where map[string]any) bool {
	m, ok := item.(map[string]any)
	if !ok {
		return false
	}
	for k, w := range where {
		if s, ok := w.(string); ok && (k == "name" || k == "title") {
			g, _ := m[k].(string)
			if !strings.Contains(g, s) {
				return false
			}
		} else if !same(m[k], w) {
			return false
		}
	}
	return true
}

// score counts the labelled fields a document gets right.
func score(labels []label, doc any) (ok int, misses []string) {
	for _, l := range labels {
		var want any
		json.Unmarshal(l.Value, &want)
		good := false
		switch {
		case l.Find != "":
			arr, _ := get(doc, l.Find).([]any)
			for _, x := range arr {
				if matches(x, l.Where) {
					good = same(get(x, l.Path), want)
					break
				}
			}
		case l.Any != "":
			parts := strings.SplitN(strings.Trim(l.Any, "/"), "/*/", 2)
			outer, _ := get(doc, parts[0]).([]any)
			for _, o := range outer {
				inner, _ := get(o, parts[1]).([]any)
				for _, x := range inner {
					good = good || matches(x, l.Where)
				}
			}
		case l.Count != "":
			arr, _ := get(doc, l.Count).([]any)
			good = float64(len(arr)) == want
		default:
			good = same(get(doc, l.Path), want)
		}
		if good {
			ok++
		} else {
			misses = append(misses, l.Path+l.Find+l.Any+l.Count)
		}
	}
	return ok, misses
}

// TestCorpusScores keeps the extraction scores on the labelled corpus from
// falling: each line is the least number of fields that must be right.
func TestCorpusScores(t *testing.T) {
	floors := map[string]struct {
		input       string
		min, pdfMin int
	}{
		"seed.json": {"../data/000_70dee09d8603147c.txt", 40, 0},
		"01.json":   {"../data/corpus/01_shanghai-putuo_wanli-street_2024_dept-budget.txt", 29, 29},
		"07.json":   {"../data/corpus/07_shanghai-putuo_finance-bureau_2024_final-accounts.txt", 25, 30},
		"11.json":   {"../data/corpus/11_jiangsu_procuratorate_2018_dept-budget.txt", 23, 23},
		"18.json":   {"../data/corpus/18_chongqing_transport-commission_2018_dept-budget-explanation_html.txt", 16, 0},
	}
	_, pdf := exec.LookPath("pdftotext")
	for name, f := range floors {
		data, err := os.ReadFile(filepath.Join("testdata", "expected", name))
		if err != nil {
			t.Fatal(err)
		}
		var exp struct{ Fields []label }
		if err := json.Unmarshal(data, &exp); err != nil {
			t.Fatal(err)
		}
		inputs := []string{f.input}
		if p := strings.TrimSuffix(f.input, ".txt") + ".pdf"; pdf == nil && fileExists(p) {
			inputs = append(inputs, p)
		}
		for _, in := range inputs {
			d, err := ExtractFile(context.Background(), in, "")
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := json.Marshal(d)
			var doc any
			json.Unmarshal(raw, &doc)
			ok, misses := score(exp.Fields, doc)
			min := f.min
			if strings.HasSuffix(in, ".pdf") {
				min = f.pdfMin
			}
			if ok < min {
				t.Errorf("%s: %d/%d fields right, want at least %d; misses: %v", filepath.Base(in), ok, len(exp.Fields), min, misses)
			}
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
