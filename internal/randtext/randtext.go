// Package randtext makes random texts for the tests that hold a fast form
// of a search to the form it replaced.
package randtext

import (
	"math/rand/v2"
	"strings"
)

// Of is a text of fewer than max parts, each drawn from parts.
func Of(r *rand.Rand, parts []string, max int) string {
	var b strings.Builder
	for range r.IntN(max) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}
