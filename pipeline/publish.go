package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// A published folder OUT is a symbolic link to the latest release:
//
//	OUT                 → OUT.releases/<release>   (swapped atomically)
//	OUT.releases/<release>/                        immutable releases, named by
//	                                               what they hold (see fingerprint);
//	                                               the folder's mtime is when it was
//	                                               last published (see prune)
//	OUT/releases        → ..                       so the site links every release
//	OUT.releases/.staging-<pid>/                   a release being built (a killed
//	                                               run's goes at the next run)
//	OUT.lock                                       held while a run works
//	OUT.run.json                                   report of the last run
//	OUT.cache/                                     documents by input hash
//
// A run builds the next release in a staging folder, syncs it, renames it
// into OUT.releases and only then points OUT at it, so a crash, a kill or a
// full disk at any moment leaves the previous release serving as it was.

func releasesDir(out string) string { return out + ".releases" }

// ErrLocked means another run holds the lock.
var ErrLocked = errors.New("another budgetpub run holds the lock")

// lock takes OUT.lock for the run; the kernel releases it if the process dies.
func lock(out string) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(out+".lock", os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s)", ErrLocked, out+".lock")
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}

// syncTree makes a release durable before it is pointed at: one syncfs
// of the file system that holds it, rather than an fsync per file.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

// fingerprint identifies a release by what it is made of: the code, the
// version and base URL it was built with, and every document's cache key
// (which is the hash of its input, id and metadata under the same code).
// Equal fingerprints make equal releases, and the fingerprint is known
// before any cached document is read.
func fingerprint(keys map[string]string, version, baseURL string) string {
	ids := make([]string, 0, len(keys))
	for id := range keys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", codeID(), version, baseURL)
	for _, id := range ids {
		fmt.Fprintf(h, "%s %s\n", id, keys[id])
	}
	return "r-" + hex.EncodeToString(h.Sum(nil))[:12]
}

// point makes out link to the release name, atomically.
func point(out, name string) error {
	rel := releasesDir(out)
	// a folder published by an older budgetpub becomes a release first
	if st, err := os.Lstat(out); err == nil && st.IsDir() {
		if err := os.Rename(out, filepath.Join(rel, "legacy-"+name)); err != nil {
			return err
		}
	}
	link := fmt.Sprintf("%s.tmp-link-%d", out, os.Getpid())
	os.Remove(link)
	target, err := filepath.Rel(filepath.Dir(out), filepath.Join(rel, name))
	if err != nil {
		return err
	}
	if err := os.Symlink(target, link); err != nil {
		return err
	}
	if err := os.Rename(link, out); err != nil {
		os.Remove(link)
		return err
	}
	if d, err := os.Open(filepath.Dir(out)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// touch records a release's publication time as its folder's modification
// time (a release's files never change once it is renamed into place).
func touch(dir string) error {
	now := time.Now()
	return os.Chtimes(dir, now, now)
}

// cleanup removes what a killed run left: staging folders and temporary
// links. It runs under the lock, before anything else.
func cleanup(out string) error {
	entries, err := os.ReadDir(releasesDir(out))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".staging-") {
			if err := os.RemoveAll(filepath.Join(releasesDir(out), e.Name())); err != nil {
				return err
			}
		}
	}
	links, _ := filepath.Glob(out + ".tmp-link-*")
	for _, l := range links {
		os.Remove(l)
	}
	return nil
}

// prune keeps the keep releases published last (0: all) — current, the
// previous one (what a rollback points at again), then the newest by
// publication time — and removes the others.
func prune(rel, current, previous string, keep int) error {
	if keep <= 0 {
		return nil
	}
	entries, err := os.ReadDir(rel)
	if err != nil {
		return err
	}
	type release struct {
		name string
		t    time.Time
	}
	var others []release
	order := []string{current}
	for _, e := range entries {
		switch {
		case !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == current:
		case e.Name() == previous:
			order = append(order, previous)
		default:
			fi, err := e.Info()
			if err != nil {
				return err
			}
			others = append(others, release{e.Name(), fi.ModTime()})
		}
	}
	sort.Slice(others, func(i, j int) bool {
		if !others[i].t.Equal(others[j].t) {
			return others[i].t.After(others[j].t)
		}
		return others[i].name > others[j].name
	})
	for _, r := range others {
		order = append(order, r.name)
	}
	for _, name := range order[min(keep, len(order)):] {
		if err := os.RemoveAll(filepath.Join(rel, name)); err != nil {
			return err
		}
	}
	return nil
}
