// Package gcfloor gives the garbage collector a floor under its heap goal.
//
// With GOGC=100 the collector runs whenever the heap has grown by as much
// as was live after the last collection. While a build extracts its
// documents little stays live (a few MB: each document is written to the
// cache and dropped), so it collected every few MB allocated — hundreds of
// times for a thousand documents, each time stopping every goroutine to
// scan its stack. A floor of some tens of MB above the live heap makes
// that a few dozen times, while a large live heap (the datasets' rows at
// the end of a big build) keeps GOGC=100's goal: twice the live heap, no
// more memory than before.
package gcfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Set makes the collector's heap goal the larger of twice the live heap
// (GOGC=100) and the live heap plus headroom bytes, from now on, until
// stop is called (which sets GOGC=100 again). It does nothing when GOGC
// is set in the environment: the user's choice stands (so does
// GOMEMLIMIT, which caps the goal either way).
func Set(headroom uint64) (stop func()) {
	if os.Getenv("GOGC") != "" || headroom == 0 {
		return func() {}
	}
	t := &tuner{headroom: headroom, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.tune()
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(100)
	}
}

type tuner struct {
	headroom uint64
	sample   []metrics.Sample
	mu       sync.Mutex // stop waits for a tune under way
	stopped  bool
}

// sentinel is garbage as soon as it is made: its finalizer runs after the
// collection that finds it, and arms the next one. (Large enough not to
// be a tiny allocation, whose finalizer may never run.)
type sentinel struct{ _ [64]byte }

func (t *tuner) arm() {
	runtime.SetFinalizer(new(sentinel), func(*sentinel) {
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.stopped {
			t.tune()
			t.arm()
		}
	})
}

// tune sets the GC percent that puts the goal headroom above the live
// heap the last collection marked, never under 100. (The runtime's goal
// is never under 4 MB × percent/100 either, which this makes headroom at
// most.)
func (t *tuner) tune() {
	metrics.Read(t.sample)
	live := uint64(0)
	if s := t.sample[0]; s.Value.Kind() == metrics.KindUint64 {
		live = s.Value.Uint64()
	}
	p := 100
	if live = max(live, 4<<20); live < t.headroom {
		p = int(t.headroom * 100 / live)
	}
	debug.SetGCPercent(p)
}
