package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"budgetpub/schema"
	"budgetpub/site"
)

// publishOriginal puts an input file of a document in the release being
// staged, at site.OriginalPath (originals/<sha256><ext>), so that the
// disclosure's page can offer the copy it was read from. A file the
// current release already holds under that name is hard-linked from it (a
// release's files are never written again, so the two share it safely);
// otherwise the input is copied, and it must still have the sha256 it was
// read with — a file changed since is not published, and the error says
// so.
func publishOriginal(in, staging, cur string, src schema.SourceFile) error {
	rel := site.OriginalPath(src)
	dst := filepath.Join(staging, rel)
	if _, err := os.Lstat(dst); err == nil {
		return nil // another document of the release has the same file
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if cur != "" {
		if err := os.Link(filepath.Join(cur, rel), dst); err == nil || errors.Is(err, fs.ErrExist) {
			return nil // linked, by this document or another of the file
		}
	}
	f, err := os.Open(filepath.Join(in, filepath.FromSlash(src.Path)))
	if err != nil {
		return err
	}
	defer f.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".original-*")
	if err != nil {
		return err
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(tmp, h), f)
	err = errors.Join(err, tmp.Close())
	if err == nil && hex.EncodeToString(h.Sum(nil)) != src.SHA256 {
		err = fmt.Errorf("%s changed after it was read (sha256 %s, read as %s): its original is not published", src.Path, hex.EncodeToString(h.Sum(nil)), src.SHA256)
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o444)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// publishOriginals publishes every input file of a document, and says
// which it could not publish (changed or removed since it was read), each
// with its file.
func publishOriginals(in, staging, cur string, d *schema.Document) []Rejected {
	sources := d.Document.Sources
	if len(sources) == 0 {
		sources = []schema.SourceFile{d.Document.Source}
	}
	var missing []Rejected
	for _, src := range sources {
		if err := publishOriginal(in, staging, cur, src); err != nil {
			missing = append(missing, Rejected{Path: filepath.Join(in, filepath.FromSlash(src.Path)),
				Error: "originals: " + err.Error() + ": the disclosure is published without it"})
		}
	}
	return missing
}
