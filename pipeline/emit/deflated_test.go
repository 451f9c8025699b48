package emit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeflatedAsBundleWrites: a file deflated before the bundle
// (deflateFile) is written into it as the bundle writes the file itself,
// byte for byte — header, data descriptor and central directory — and
// its File is the file's sha256 and size.
func TestDeflatedAsBundleWrites(t *testing.T) {
	dir := t.TempDir()
	data := []byte(strings.Repeat("CREATE TABLE 公积金 (x);\x00\x01", 5000))
	for _, f := range []string{"a.csv", "budgetpub.sqlite"} {
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names := []string{"a.csv", "budgetpub.sqlite"}
	zipped := func(name string, pre map[string]*deflated) []byte {
		st, err := openSegStore("", "test", false)
		if err != nil {
			t.Fatal(err)
		}
		defer st.abort()
		fl := newFlusher()
		defer fl.close()
		f, err := bundle(fl, dir, name, names, []byte("readme"), nil, st, nil, pre)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); f.SHA256 != hex.EncodeToString(sum[:]) || f.Bytes != int64(len(b)) || f.Path != name {
			t.Errorf("%s: File %+v, not its own", name, f)
		}
		return b
	}
	want := zipped("streamed.zip", nil)
	f, d, err := deflateFile(dir, "budgetpub.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	defer d.drop()
	sum := sha256.Sum256(data)
	if f.Path != "budgetpub.sqlite" || f.Bytes != int64(len(data)) || f.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("File %+v", f)
	}
	if got := zipped("deflated.zip", map[string]*deflated{"budgetpub.sqlite": d}); !bytes.Equal(got, want) {
		t.Errorf("the bundle with the file deflated before: %d bytes, not the %d bytes it streams", len(got), len(want))
	}
	tmp := d.tmp.Name()
	d.drop()
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("the deflated bytes' temporary file left: %v", err)
	}
}
