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

	"budgetpub/pipeline/emit"

	"golang.org/x/sys/unix"
)

// A published folder OUT is a symbolic link to a view of the latest release:
//
//	OUT                 → OUT.releases/.view-<release>   (swapped atomically)
//	OUT.releases/.view-<release>/                  a release's files themselves, and
//	                                               releases/ (made when it is published)
//	OUT.releases/<release>/                        the release's permalink, named by
//	                                               what it holds (see fingerprint): a
//	                                               link to each file and folder of its
//	                                               view but releases/, which holds its
//	                                               selfLink; the folder's mtime is when
//	                                               it was last published (see plan)
//	OUT/releases/<name> → ../../<name>             every release kept: permalinks
//	OUT.releases/.staging-<pid>/                   a release being built (a killed
//	OUT.releases/.release-<pid>/                   run's go at the next run)
//	OUT.lock                                       held while a run works
//	OUT.run.json                                   report of the last run
//	OUT.cache/                                     documents by input hash
//
// A run builds the next release in a staging folder, syncs it, renames it
// to be its view, makes the release's folder of links to it, and only then
// points OUT at the view, so a crash, a kill or a full disk at any moment
// leaves the previous release serving as it was. The view is the files and
// folders the run wrote, moved, not linked again file by file (a release of
// 10,000 documents is some 32,000 files): a release and its view share its
// folders whole. A release's files never change once it is in place; only
// its view's releases/ is made again whenever it is published. A release
// of an older budgetpub (its files in its own folder) gets a view of hard
// links to them, as such releases always had.
//
// No link leads up: a release holds no releases/ of its own (only the page
// releases/<release>/index.html, which leads a permalink's link to itself
// back to it), and a view's releases/ is reached only from OUT, so the
// published tree is finite for any tool that follows links (cp -rL, rsync
// -L, find -L, uploaders): the latest release and, once each, the releases
// kept. What OUT shows are real files and folders (but releases/), for
// tools that do not follow links.

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

// point makes out link to the folder name in OUT.releases, atomically.
func point(out, name string) error {
	rel := releasesDir(out)
	// a folder published by an older budgetpub becomes a release first
	if st, err := os.Lstat(out); err == nil && st.IsDir() {
		if err := os.Rename(out, filepath.Join(rel, "legacy-"+strings.TrimPrefix(name, viewPrefix))); err != nil {
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

// viewPrefix starts the name of a release's view, the folder OUT points at.
const viewPrefix = ".view-"

// published returns the folder OUT shows ("" when none) and the name of
// its release.
func published(out string) (dir, name string) {
	dir, err := filepath.EvalSymlinks(out)
	if err != nil {
		return "", ""
	}
	return dir, strings.TrimPrefix(filepath.Base(dir), viewPrefix)
}

// activate publishes the release name, in place in OUT.releases, after
// previous: its folder's mtime says it is the newest, its view lists the
// releases kept, OUT is pointed at the view and the releases beyond keep
// are removed. (The view OUT pointed at before stays until the next run,
// for the requests under way.)
func activate(out, name, previous string, keep int) error {
	rel := releasesDir(out)
	if err := touch(filepath.Join(rel, name)); err != nil {
		return err
	}
	kept, drop, err := plan(rel, name, previous, keep)
	if err != nil {
		return err
	}
	view := filepath.Join(rel, viewPrefix+name)
	if viewed(rel, name) {
		err = listReleases(view, kept)
	} else if err = makeView(view, filepath.Join(rel, name), kept); err != nil {
		os.RemoveAll(view)
	}
	if err != nil {
		return err
	}
	if err := syncTree(view); err != nil {
		return err
	}
	served, _ := os.Readlink(out)
	if err := point(out, viewPrefix+name); err != nil {
		return err
	}
	for _, d := range drop {
		if err := os.RemoveAll(filepath.Join(rel, d)); err != nil {
			return err
		}
		// the view served until now goes at the next run (cleanup)
		if viewPrefix+d != filepath.Base(served) {
			if err := os.RemoveAll(filepath.Join(rel, viewPrefix+d)); err != nil {
				return err
			}
		}
	}
	return nil
}

// settle puts the release built in staging in place as name: staging
// becomes its view (renamed: its files and folders are not linked again),
// and OUT.releases/<name> is made of a link to each entry of the view but
// releases/, and of its selfLink, in a folder of its own renamed into
// place last — so a release that is there is whole. A kill before that
// leaves a view without its release, which cleanup removes.
func settle(rel, staging, name string) error {
	view := filepath.Join(rel, viewPrefix+name)
	if err := os.RemoveAll(view); err != nil { // a killed run's, of no release
		return err
	}
	entries, err := os.ReadDir(staging)
	if err != nil {
		return err
	}
	tmp := filepath.Join(rel, fmt.Sprintf("%s%d", releasingPrefix, os.Getpid()))
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	fail := func(err error) error {
		os.RemoveAll(tmp)
		return err
	}
	for _, e := range entries {
		if e.Name() == "releases" { // the view's own
			continue
		}
		if err := os.Symlink(filepath.Join("..", viewPrefix+name, e.Name()), filepath.Join(tmp, e.Name())); err != nil {
			return fail(err)
		}
	}
	if err := selfLink(tmp, name); err != nil {
		return fail(err)
	}
	if err := os.Rename(staging, view); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, filepath.Join(rel, name)); err != nil {
		return fail(err)
	}
	return nil
}

// releasingPrefix starts the name of the folder a release's links are made
// in before it is renamed into place (see settle).
const releasingPrefix = ".release-"

// viewed tells whether the release name in rel is made of links to its
// view (see settle), not of its files (an older budgetpub's).
func viewed(rel, name string) bool {
	entries, err := os.ReadDir(filepath.Join(rel, name))
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Name() != "releases" {
			return e.Type()&fs.ModeSymlink != 0
		}
	}
	return false
}

// whole tells whether the release name in rel can be published again: it
// is there, and so is its view when it is made of links to it.
func whole(rel, name string) bool {
	if _, err := os.Stat(filepath.Join(rel, name)); err != nil {
		return false
	}
	if !viewed(rel, name) {
		return true
	}
	fi, err := os.Stat(filepath.Join(rel, viewPrefix+name))
	return err == nil && fi.IsDir()
}

// listReleases makes the view's releases/ link each release kept.
func listReleases(view string, kept []string) error {
	dir := filepath.Join(view, "releases")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	for _, k := range kept {
		if err := os.Symlink(filepath.Join("..", "..", k), filepath.Join(dir, k)); err != nil {
			return err
		}
	}
	return nil
}

// makeView makes view show the release in dir, a release of an older
// budgetpub whose files are in its own folder: its files as hard links (no
// copies, and real files for tools that do not follow links), and
// releases/ linking each release kept. A view left by an earlier run, not
// the one OUT points at (see cleanup), is replaced.
func makeView(view, dir string, kept []string) error {
	if err := os.RemoveAll(view); err != nil {
		return err
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(dir, p)
		switch {
		case r == "releases": // the view's own
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir():
			return os.Mkdir(filepath.Join(view, r), 0o755)
		case d.Type().IsRegular():
			return os.Link(p, filepath.Join(view, r))
		}
		return fmt.Errorf("%s: not a file or folder in a release", p)
	})
	if err != nil {
		return err
	}
	return listReleases(view, kept)
}

// selfLink writes releases/<name>/index.html into the release dir: the
// permalink's link to itself (pages link releases/<name>/ from the root),
// followed within the permalink, leads back to it.
func selfLink(dir, name string) error {
	p := filepath.Join(dir, "releases", name)
	if err := os.MkdirAll(p, 0o755); err != nil {
		return err
	}
	page := fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%[1]s</title><meta http-equiv="refresh" content="0; url=../../"></head>
<body><p>Release <a href="../../">%[1]s</a></p></body></html>
`, name)
	return emit.WriteNew(filepath.Join(p, "index.html"), []byte(page))
}

// touch records a release's publication time as its folder's modification
// time (a release's files never change once it is renamed into place).
func touch(dir string) error {
	now := time.Now()
	return os.Chtimes(dir, now, now)
}

// cleanup removes what a killed run left — staging folders, temporary
// links, a view whose release is not in place — and the views of older
// budgetpub's releases that OUT no longer points at; a release of an older
// budgetpub loses its link releases → .. (a loop for any tool that follows
// links). It runs under the lock, before anything else.
func cleanup(out string) error {
	rel := releasesDir(out)
	entries, err := os.ReadDir(rel)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	served, _ := os.Readlink(out)
	for _, e := range entries {
		p := filepath.Join(rel, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), ".staging-"), strings.HasPrefix(e.Name(), releasingPrefix),
			strings.HasPrefix(e.Name(), viewPrefix) && e.Name() != filepath.Base(served) &&
				!viewed(rel, strings.TrimPrefix(e.Name(), viewPrefix)):
			if err := os.RemoveAll(p); err != nil {
				return err
			}
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			if err := unloop(p, e.Name()); err != nil {
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

// unloop replaces the link releases → .. of a release made by an older
// budgetpub with its selfLink, keeping its publication time.
func unloop(dir, name string) error {
	link := filepath.Join(dir, "releases")
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if err := os.Remove(link); err != nil {
		return err
	}
	if err := selfLink(dir, name); err != nil {
		return err
	}
	return os.Chtimes(dir, time.Time{}, fi.ModTime())
}

// plan splits the releases into the keep published last (0: all) —
// current, the previous one (what a rollback publishes again), then the
// newest by publication time — and the others.
func plan(rel, current, previous string, keep int) (kept, drop []string, err error) {
	entries, err := os.ReadDir(rel)
	if err != nil {
		return nil, nil, err
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
				return nil, nil, err
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
	if keep <= 0 || keep > len(order) {
		keep = len(order)
	}
	kept = order[:keep]
	sort.Strings(kept)
	return kept, order[keep:], nil
}
