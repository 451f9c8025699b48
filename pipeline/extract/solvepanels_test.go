package extract

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// solvePanelsWalked is solvePanels walking every step of its search, with
// no part of it passed: what solvePanels must give, and leave in *steps.
func solvePanelsWalked(labels []panelCell, vals []cellValue, total int64, steps *int, agrees func([]int) bool) (place []int, ok bool) {
	return solvePanelsWalk(labels, vals, total, steps, agrees, true)
}

// solvePanelsWalk is solvePanelsWalked, bounded by arithmetic (panelRoom)
// or not.
func solvePanelsWalk(labels []panelCell, vals []cellValue, total int64, steps *int, agrees func([]int) bool, bounded bool) (place []int, ok bool) {
	cur := make([]int, len(labels))
	for k := range cur {
		cur[k] = -1
	}
	amounts := make([]int64, len(vals))
	for v := range vals {
		amounts[v] = units(vals[v].tok)
	}
	part := make([]bool, len(labels))
	var fiscals []int
	for k, l := range labels {
		part[k] = isPart(l.key)
		if l.key == "src:财政拨款" {
			fiscals = append(fiscals, k)
		}
	}
	need, room := panelRoom(labels, vals, amounts, part, len(fiscals) > 0, total)
	if !bounded {
		need = nil
	}
	var sums [3]int64
	var used [3]int
	var parts int64
	nparts := 0
	adds := func() bool {
		for p := range sums {
			if used[p] > 0 && sums[p] != total {
				return false
			}
		}
		if nparts == 0 {
			return true
		}
		for _, k := range slices.Backward(fiscals) {
			if cur[k] >= 0 {
				return parts == amounts[cur[k]]
			}
		}
		return false
	}
	var found [][]int
	best := -1
	var walk func(v, placed int) bool
	walk = func(v, placed int) bool {
		if *steps--; *steps < 0 || len(found) > 64 {
			return false
		}
		if v == len(vals) {
			if adds() && agrees(cur) {
				if placed > best {
					best, found = placed, nil
				}
				if placed == best {
					found = append(found, slices.Clone(cur))
				}
			}
			return true
		}
		if need != nil && need[v] > room(sums) {
			return true
		}
		amount := amounts[v]
		for _, k := range vals[v].cands {
			panel := labels[k].panel
			if cur[k] >= 0 || bounded && part[k] && len(fiscals) == 0 {
				continue
			}
			counts := !part[k]
			if counts && amount > 0 && sums[panel]+amount > total {
				continue
			}
			cur[k] = v
			if counts {
				sums[panel] += amount
				used[panel]++
			} else {
				parts += amount
				nparts++
			}
			if !walk(v+1, placed+1) {
				return false
			}
			cur[k] = -1
			if counts {
				sums[panel] -= amount
				used[panel]--
			} else {
				parts -= amount
				nparts--
			}
		}
		if amount == total {
			return walk(v+1, placed)
		}
		return true
	}
	if !walk(0, 0) || len(found) == 0 {
		return nil, false
	}
	amount := func(v int) int64 {
		if v < 0 {
			return -1
		}
		return amounts[v]
	}
	place = found[0]
	for _, other := range found[1:] {
		for k := range place {
			if amount(place[k]) != amount(other[k]) {
				place[k] = -1
			}
		}
	}
	return place, true
}

// TestSolvePanelsAsWalked compares solvePanels, which passes the parts of
// its search it has walked before in another order, with the search
// walked step by step, on random summaries whose few amounts repeat (so
// that orders meet again), with and without parts of 财政拨款, with
// budgets of steps that run out anywhere, over more than 128 labels too,
// and searches of thousands of points: the same reading, ok and steps
// left.
func TestSolvePanelsAsWalked(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	keys := []string{"src:财政拨款", "src:一般公共预算", "src:政府性基金", "src:事业收入", "class", "use"}
	gave, ranOut, many, saved := 0, 0, 0, 0
	for i := range 4000 {
		nl := 2 + r.IntN(16)
		if i%100 == 0 {
			nl = 129 + r.IntN(8)
		}
		labels := make([]panelCell, nl)
		for k := range labels {
			labels[k] = panelCell{key: keys[r.IntN(len(keys))], panel: r.IntN(3)}
		}
		total := int64(1+r.IntN(6)) * 10000
		nv := 1 + r.IntN(9)
		if i%50 == 1 { // a search of thousands of points (its table grown)
			nv = 12 + r.IntN(3)
		}
		vals := make([]cellValue, nv)
		for v := range vals {
			mant := int64(r.IntN(7))
			if r.IntN(6) == 0 {
				mant = total / 10000
			}
			var cands []int
			for k := range labels {
				if r.IntN(3) > 0 {
					cands = append(cands, k)
				}
			}
			r.Shuffle(len(cands), func(a, b int) { cands[a], cands[b] = cands[b], cands[a] })
			vals[v] = cellValue{tok: token{mant: mant, kind: numMoney}, cands: cands, item: v}
		}
		// agrees turns some placements away by which value went where
		salt := r.IntN(5)
		agrees := func(cur []int) bool {
			h := salt
			for k, v := range cur {
				h += (v + 2) * (k + 1)
			}
			return h%4 != 0
		}
		budget := []int{5, 50, 500, 5000, 200000}[r.IntN(5)]
		if i%50 == 1 {
			budget = 200000
		}
		steps, walked, unbounded := budget, budget, budget
		got, ok := solvePanels(labels, vals, total, &steps, agrees)
		want, wantOK := solvePanelsWalked(labels, vals, total, &walked, agrees)
		if ok != wantOK || !slices.Equal(got, want) || steps != walked {
			t.Fatalf("case %d: got %v %v with %d steps left, walked %v %v with %d", i, got, ok, steps, want, wantOK, walked)
		}
		// the bound passes only what reads nothing: the search without it,
		// where it finishes, gives the same reading, in as many steps or more
		was, wasOK := solvePanelsWalk(labels, vals, total, &unbounded, agrees, false)
		if unbounded >= 0 && (wasOK != ok || !slices.Equal(was, got)) || unbounded > steps {
			t.Fatalf("case %d: bounded %v %v with %d steps left, unbounded %v %v with %d", i, got, ok, steps, was, wasOK, unbounded)
		}
		if unbounded < 0 && steps >= 0 {
			saved++
		}
		switch {
		case walked < 0:
			ranOut++
		case ok:
			gave++
		}
		if budget-walked > 1000 {
			many++
		}
	}
	if gave < 100 || ranOut < 100 || many < 100 || saved < 10 {
		t.Fatalf("the cases test too little: %d read, %d ran out of steps, %d took over 1,000 steps, %d finished by the bound alone", gave, ranOut, many, saved)
	}
}

// TestDeadEndsKeepsWhatWasPut: the table of dead ends gives the steps put
// at every state and none at a state not put, from four slots grown to
// thousands, and nothing after a reset.
func TestDeadEndsKeepsWhatWasPut(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	d := &deadEnds{slots: make([]deadSlot, 4), tags: make([]uint64, 4)}
	d.reset()
	put := map[panelState]int{}
	var states []panelState
	for k := range 5000 {
		s := panelState{v: r.IntN(8), taken: [2]uint64{r.Uint64() & 0xff, 0}, sums: [3]int64{int64(r.IntN(50)), 0, int64(k % 3)}}
		states = append(states, s)
		if _, ok := put[s]; ok || r.IntN(2) == 0 {
			continue
		}
		put[s] = k
		d.put(s, k)
	}
	for _, s := range states {
		got, ok := d.get(s)
		if want, was := put[s]; ok != was || got != want {
			t.Fatalf("%+v: %d %v, put %d %v", s, got, ok, want, was)
		}
	}
	d.reset()
	for s := range put {
		if _, ok := d.get(s); ok {
			t.Fatalf("%+v: kept after a reset", s)
		}
	}
}
