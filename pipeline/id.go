package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
)

// DocID derives a stable, URL-safe ASCII id from an input's file name:
// lower case letters, digits, '.', '_' and '-'. A name that loses characters
// on the way (Chinese, spaces) gets a short hash of the whole name, so that
// two such names cannot meet on one id.
func DocID(path string) string {
	return idOf(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
}

// idOf makes an id of a name (a file's without its extension, a
// disclosure's from metadata.csv) under the rules of DocID.
func idOf(stem string) string {
	var b strings.Builder
	lost := false
	dash := false
	for _, r := range strings.ToLower(stem) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.':
			b.WriteRune(r)
			dash = false
		case r == '-':
			if !dash {
				b.WriteRune(r)
			}
			dash = true
		default:
			lost = true
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-._")
	if lost || id == "" || strings.ToLower(stem) != stem {
		sum := sha256.Sum256([]byte(stem))
		suffix := hex.EncodeToString(sum[:])[:8]
		if id == "" {
			return "doc-" + suffix
		}
		if lost {
			id += "-" + suffix
		}
	}
	if len(id) > 100 {
		id = id[:100]
	}
	return id
}
