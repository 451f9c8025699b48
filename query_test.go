package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// engineQueries are answered by the query page's engine (assets/query.js,
// over the Parquet files) and by SQLite (over budgetpub.sqlite): the same
// rows, in the same order.
var engineQueries = []string{
	`SELECT * FROM documents ORDER BY id`,
	`SELECT document_id, name, amount, line FROM line_items WHERE name LIKE '%公积金%' ORDER BY document_id, pointer`,
	`SELECT name, COUNT(*) AS n, SUM(amount) AS total FROM line_items WHERE scheme = 'functional' AND level = '类' GROUP BY name ORDER BY total DESC, name`,
	`SELECT * FROM line_items WHERE document_id IN (SELECT id FROM documents WHERE department LIKE '%检察院%' AND fiscal_year = 2018) AND scheme = 'functional' AND code LIKE '221%' ORDER BY document_id, pointer`,
	`SELECT fiscal_year, kind, COUNT(*) AS n FROM documents GROUP BY fiscal_year, kind ORDER BY fiscal_year, kind`,
	`SELECT DISTINCT region FROM documents ORDER BY region`,
	`SELECT document_id, item, amount FROM three_public WHERE amount BETWEEN 1000 AND 100000000 AND prior_year IS NOT NULL ORDER BY amount DESC, document_id, item LIMIT 7`,
	`SELECT code, name FROM classification WHERE code IN ('221', '2210201', 30113) ORDER BY code`,
	`SELECT COUNT(*) AS n, MIN(stated), MAX(computed) FROM checks WHERE severity <> 'info' OR NOT (unit = 'yuan')`,
	`SELECT document_id, category, amount FROM assets WHERE date = 'end' AND amount > 0 ORDER BY amount, document_id, category`,
	`SELECT fiscal_year, AVG(expenditure_total) AS mean FROM documents WHERE expenditure_total IS NOT NULL GROUP BY fiscal_year ORDER BY mean DESC`,
}

// engineResult is a query's answer from the page's engine, with the time
// it took and the bytes it fetched.
type engineResult struct {
	Columns []string
	Rows    [][]any
	Error   string
	Ms      float64
	Bytes   int
}

// runEngine runs the queries through assets/query.js under Node, against
// the site served over HTTP as a browser would fetch it, each on an
// engine of its own (nothing fetched before).
func runEngine(t *testing.T, dir string, queries []string) []engineResult {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no node on PATH (apt-get install nodejs)")
		}
		t.Skip("no node on PATH (apt-get install nodejs)")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	script := `
import { Engine } from ` + strconv.Quote(filepath.Join(dir, "assets", "query.js")) + `;
const out = [];
for (const q of JSON.parse(process.argv[2])) {
  const engine = new Engine(process.argv[1] + "/"), start = performance.now();
  try { out.push(await engine.run(q)); } catch (e) { out.push({ error: e.message }); }
  Object.assign(out[out.length - 1], { ms: performance.now() - start, bytes: engine.bytes });
}
process.stdout.write(JSON.stringify(out));`
	qs, _ := json.Marshal(queries)
	cmd := exec.Command(node, "--input-type=module", "-e", script, srv.URL, string(qs))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var res []engineResult
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

func sameValue(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	fa, errA := strconv.ParseFloat(fmt.Sprint(a), 64)
	fb, errB := strconv.ParseFloat(fmt.Sprint(b), 64)
	if errA == nil && errB == nil {
		return fa == fb || math.Abs(fa-fb) <= 1e-9*math.Max(math.Abs(fa), math.Abs(fb))
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// TestQueryEngine: the query page's SQL over Parquet gives the rows
// SQLite gives, and a column that does not exist is an error naming it.
func TestQueryEngine(t *testing.T) {
	dir := builtSite(t)
	got := runEngine(t, dir, append(engineQueries, `SELECT nope FROM documents`, `SELECT * FROM nowhere`))
	db, err := sql.Open("sqlite", filepath.Join(dir, "budgetpub.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, q := range engineQueries {
		if got[i].Error != "" {
			t.Errorf("%s: %s", q, got[i].Error)
			continue
		}
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("sqlite %s: %v", q, err)
		}
		cols, _ := rows.Columns()
		var want [][]any
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for j := range vals {
				ptrs[j] = &vals[j]
			}
			rows.Scan(ptrs...)
			for j, v := range vals {
				if b, ok := v.([]byte); ok {
					vals[j] = string(b)
				}
			}
			want = append(want, vals)
		}
		rows.Close()
		if len(want) == 0 {
			t.Errorf("%s: sqlite found nothing, the query tests nothing", q)
		}
		if strings.Join(got[i].Columns, ",") != strings.Join(cols, ",") {
			t.Errorf("%s: columns %v, sqlite %v", q, got[i].Columns, cols)
		}
		if len(got[i].Rows) != len(want) {
			t.Errorf("%s: %d rows, sqlite %d", q, len(got[i].Rows), len(want))
			continue
		}
		for r := range want {
			for c := range want[r] {
				if !sameValue(got[i].Rows[r][c], want[r][c]) {
					t.Errorf("%s: row %d %s = %v, sqlite %v", q, r, cols[c], got[i].Rows[r][c], want[r][c])
					break
				}
			}
		}
	}
	n := len(engineQueries)
	if !strings.Contains(got[n].Error, "no column nope") || !strings.Contains(got[n+1].Error, "no table nowhere") {
		t.Errorf("errors: %q, %q", got[n].Error, got[n+1].Error)
	}
}
