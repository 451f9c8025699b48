package ingest

import (
	"os"
	"strings"
	"testing"
)

func TestZZDebugBreak(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("ZZ"))
	for i, l := range breakLongLines(strings.Split(string(b), "\n")) {
		t.Logf("%d: %s", i+1, l)
	}
}
