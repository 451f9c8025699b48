package extract

import "slices"

// Coded gaps. Default-mode text can print a coded row's amount away from
// its row — after the table's last row, or a few rows on — leaving the row
// without a value and another with one too many. The codes make a tree that
// checks itself (a 类 is the sum of its 款, a 款 of its 项, the 合计 of
// its 类), so a row
// without a value is given one only when the tree computes it from its
// parent or children and exactly that amount is among the values left over.
// Anything else stays as read, for the table readers' own checks.

// fillCodedGaps places left-over values of a coded table with one value
// column (every coded row with values has one, but those that gather the
// left-over values).
func fillCodedGaps(rows []row) {
	var gaps []int
	type spare struct{ row, val int }
	var spares []spare
	single, multi := 0, 0
	for i, r := range rows {
		if r.code == "" {
			continue
		}
		switch len(r.vals) {
		case 0:
			gaps = append(gaps, i)
		case 1:
			single++
		default:
			multi++
			for k := 1; k < len(r.vals); k++ {
				spares = append(spares, spare{i, k})
			}
		}
	}
	if len(gaps) == 0 || len(spares) == 0 || single < 2 || single <= multi {
		return
	}
	byCode := map[string]int{} // the 合计 above the classes is their parent, ""
	for i, r := range rows {
		if r.code != "" {
			byCode[r.code] = i
		} else if _, ok := byCode[""]; !ok && len(byCode) == 0 && len(r.vals) == 1 && (rowName(r.name) == "合计" || rowName(r.name) == "总计") {
			byCode[""] = i
		}
	}
	parent := func(code string) string {
		if len(code) > 3 {
			return code[:len(code)-2]
		}
		return ""
	}
	amount := func(i int) (int64, bool) {
		if len(rows[i].vals) == 0 {
			return 0, false
		}
		return units(rows[i].vals[0]), true
	}
	// sumOf adds the rows under code (all known), ok when there is one
	sumOf := func(code string, skip int) (sum int64, n int, ok bool) {
		for i, r := range rows {
			if i == skip || r.code == "" || parent(r.code) != code {
				continue
			}
			v, known := amount(i)
			if !known {
				return 0, 0, false
			}
			sum, n = sum+v, n+1
		}
		return sum, n, true
	}
	used := map[spare]bool{}
	for progress := true; progress; {
		progress = false
		for _, g := range gaps {
			if len(rows[g].vals) > 0 {
				continue
			}
			code := rows[g].code
			want, ok := int64(0), false
			if sum, n, all := sumOf(code, -1); all && n > 0 {
				want, ok = sum, true
			} else if p, has := byCode[parent(code)]; has && p != g {
				if pv, known := amount(p); known {
					if sum, _, all := sumOf(parent(code), g); all {
						want, ok = pv-sum, true
					}
				}
			}
			if !ok {
				continue
			}
			for _, s := range spares {
				if !used[s] && units(rows[s.row].vals[s.val]) == want {
					used[s] = true
					rows[g].vals = []token{rows[s.row].vals[s.val]}
					progress = true
					break
				}
			}
		}
	}
	for i := len(spares) - 1; i >= 0; i-- { // from the end: indexes stay valid
		if s := spares[i]; used[s] {
			rows[s.row].vals = slices.Delete(rows[s.row].vals, s.val, s.val+1)
		}
	}
}

// units is a number cell's value in ten-thousandths of the table's unit.
func units(t token) int64 {
	return scaleDown(t.mant*10000, t.scale)
}
