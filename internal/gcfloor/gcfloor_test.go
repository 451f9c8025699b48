package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// goal is the collector's heap goal.
func goal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// waitGoal waits up to 10 s for the finalizers' goroutine to make the
// goal what ok wants, and returns it.
func waitGoal(ok func(uint64) bool) uint64 {
	for range 1000 {
		if g := goal(); ok(g) {
			return g
		}
		time.Sleep(10 * time.Millisecond)
	}
	return goal()
}

// A small live heap gets a goal headroom above it, not GOGC=100's few MB,
// after each collection too, until stop; GOGC in the environment is left
// as it is.
func TestSetKeepsHeadroom(t *testing.T) {
	const headroom = 64 << 20
	runtime.GC()
	small := goal()
	if small >= headroom/4 {
		t.Skipf("the test's own live heap is not small: goal %d", small)
	}
	t.Setenv("GOGC", "100")
	Set(headroom)()
	if g := goal(); g != small {
		t.Fatalf("GOGC set in the environment, yet the goal went %d → %d", small, g)
	}
	t.Setenv("GOGC", "")
	stop := Set(headroom)
	if g := goal(); g < headroom {
		t.Errorf("goal %d with a floor of %d", g, headroom)
	}
	// after a collection the finalizer sets it again, whatever it was
	for i := range 3 {
		debug.SetGCPercent(100)
		runtime.GC()
		if g := waitGoal(func(g uint64) bool { return g >= headroom }); g < headroom {
			t.Errorf("goal %d after collection %d", g, i+1)
		}
	}
	stop()
	runtime.GC()
	if g := waitGoal(func(g uint64) bool { return g < headroom/4 }); g >= headroom/4 {
		t.Errorf("goal %d after stop", g)
	}
}
