package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestLastStopAsLastIndex: lastStop is strings.LastIndex(s[:off], "。") at
// every offset, inside a rune and around bytes that are no UTF-8 too.
func TestLastStopAsLastIndex(t *testing.T) {
	for _, s := range []string{"", "。", "收入。支出。。合计", "。\xe3\x80", "\xe3。\x80\x82。a", strings.Repeat("表 1 2 3\n", 50) + "。" + strings.Repeat("甲", 30)} {
		st := &stream{s: s}
		for off := 0; off <= len(s); off++ {
			if got, want := st.lastStop(off), strings.LastIndex(s[:off], "。"); got != want {
				t.Errorf("%q at %d: lastStop %d, LastIndex %d", s, off, got, want)
			}
		}
	}
}

// TestRuneIndexEveryRune: the rune index gives every rune of the plane its
// offsets, present or not, text after text (the table is pooled).
func TestRuneIndexEveryRune(t *testing.T) {
	for _, s := range []string{"支出预算支出a支😀出\uffff支", "", "\x00\x01 ", "收入\u00ff\u0100\u01ff\u0200。", "\uffff", "一" + string(rune(0x4e00+255)) + string(rune(0x4e00+256)), "\xffa\xe4\xb8"} {
		st := &stream{s: s}
		st.indexRunes()
		want := map[rune][]int32{}
		for i, r := range s {
			if r < bmp {
				want[r] = append(want[r], int32(i))
			}
		}
		for r := range rune(bmp) {
			if got := st.positions(r); !slices.Equal(got, want[r]) {
				t.Fatalf("%q: %q at %v, want %v", s, r, got, want[r])
			}
		}
		st.release()
	}
}
