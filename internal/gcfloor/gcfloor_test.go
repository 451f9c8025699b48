package gcfloor

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// collections counts the collections while 256 MB of short-lived 64 KB
// buffers are allocated with about 1 MB live.
func collections() uint32 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var keep [16][]byte
	for i := range 4096 {
		keep[i%len(keep)] = make([]byte, 64<<10)
	}
	runtime.KeepAlive(keep)
	runtime.ReadMemStats(&after)
	return after.NumGC - before.NumGC
}

// percent is the GC percent in force.
func percent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// A small live heap is collected every headroom bytes, not every few MB,
// and stays so after collections; GOGC in the environment is left as it
// is.
func TestSetKeepsHeadroom(t *testing.T) {
	t.Setenv("GOGC", "100")
	Set(64 << 20)()
	if p := percent(); p != 100 {
		t.Fatalf("GOGC set in the environment, yet the percent became %d", p)
	}
	without := collections()
	t.Setenv("GOGC", "")
	stop := Set(64 << 20)
	defer stop()
	with := collections()
	if with > 8 || without < 3*with {
		t.Errorf("collections for 256 MB allocated: %d with a 64 MB floor, %d without", with, without)
	}
	// after each collection the percent is set again
	debug.SetGCPercent(100)
	for range 100 {
		runtime.GC()
		time.Sleep(time.Millisecond) // the finalizers' goroutine
		if percent() > 100 {
			return
		}
	}
	t.Error("the percent stays at 100 after collections, with a small live heap")
}
