package extract

import (
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
