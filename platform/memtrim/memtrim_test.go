package memtrim

import (
	"runtime"
	"runtime/metrics"
	"testing"
)

// feed gives t the readings in order and returns the indexes of those
// that trimmed.
func feed(t *Trigger, readings ...uint64) []int {
	var trimmed []int
	for i, r := range readings {
		if t.Observe(r) {
			trimmed = append(trimmed, i)
		}
	}
	return trimmed
}

func TestTriggerTrimsOnceWhenStillAfterABurst(t *testing.T) {
	const mb = 1 << 20
	var tr Trigger
	// Start at 10 MB, a burst of page changes (30 MB a reading), then a
	// still screen for a while.
	got := feed(&tr, 10*mb, 40*mb, 70*mb, 100*mb, 100*mb, 100*mb+100, 100*mb+200)
	if len(got) != 1 || got[0] != 4 {
		t.Fatalf("trimmed at readings %v, want only at 4 (the first still second after the burst)", got)
	}
	// A second burst, then still again: one more trim.
	if got := feed(&tr, 140*mb, 180*mb, 180*mb, 180*mb); len(got) != 1 || got[0] != 2 {
		t.Fatalf("after a second burst, trimmed at %v, want only at 2", got)
	}
}

func TestTriggerWaitsWhileBusy(t *testing.T) {
	const mb = 1 << 20
	var tr Trigger
	r := []uint64{0}
	for i := 1; i < 100; i++ { // 100 seconds of photo browsing, 10 MB a second
		r = append(r, uint64(i)*10*mb)
	}
	if got := feed(&tr, r...); len(got) != 0 {
		t.Fatalf("trimmed at %v while the program kept allocating", got)
	}
}

func TestTriggerCountsTheStart(t *testing.T) {
	const mb = 1 << 20
	var tr Trigger
	// Started late, after the first screen allocated 70 MB: the first
	// still reading trims what start-up left.
	if got := feed(&tr, 70*mb, 70*mb); len(got) != 1 || got[0] != 1 {
		t.Fatalf("trimmed at %v, want at 1", got)
	}
}

func TestTriggerSkipsSmallBursts(t *testing.T) {
	const mb = 1 << 20
	var tr Trigger
	// A few page changes, 20 MB in all: not worth a full collection.
	if got := feed(&tr, 0, 10*mb, 20*mb, 20*mb, 20*mb); len(got) != 0 {
		t.Fatalf("trimmed at %v after only 20 MB", got)
	}
}

func TestTriggerSlowSteadyAllocation(t *testing.T) {
	// Narration or the attract loop: a quarter of a megabyte a reading,
	// each still, after a start-up that left 40 MB.
	const mb = 1 << 20
	var tr Trigger
	r := []uint64{0, 40 * mb}
	for i := 1; i <= 2200; i++ {
		r = append(r, 40*mb+uint64(i)*(1<<18))
	}
	got := feed(&tr, r...)
	// The start-up's garbage is trimmed at the first still reading (2);
	// then only every 256 MB of steady allocation (1,024 readings), not
	// every 32 MB.
	if len(got) != 3 || got[0] != 2 || got[1] != 2+1024 || got[2] != 2+2048 {
		t.Fatalf("trimmed at %v, want [2 1026 2050]", got)
	}
	// A burst (a visitor's page changes) makes the next still reading
	// trim after 32 MB again.
	last := r[len(r)-1]
	if got := feed(&tr, last+20*mb, last+40*mb, last+40*mb); len(got) != 1 || got[0] != 2 {
		t.Fatalf("after a burst, trimmed at %v, want at 2", got)
	}
}

// TestTrimReturnsGoHeap checks that a trim leaves no free, unreturned
// pages in the Go heap after garbage was made.
func TestTrimReturnsGoHeap(t *testing.T) {
	free := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	var keep [][]byte
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
	keep[0][0] = 1
	keep = nil
	runtime.GC()
	if f := free(); f < 32<<20 {
		t.Skipf("the runtime already returned the garbage (%d bytes free): nothing to test", f)
	}
	Trim()
	if f := free(); f > 4<<20 {
		t.Errorf("after Trim the Go heap still holds %d free bytes not given back", f)
	}
}
