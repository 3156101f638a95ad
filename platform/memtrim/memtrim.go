package memtrim

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

const (
	// every is how often the allocation counter is read: a trim comes at
	// most this long after the screen goes still. A reading takes a few
	// microseconds.
	every = time.Second / 2
	// stillBytes is the most a still screen allocates in a reading's
	// time: an idle home screen allocates next to nothing, a page change
	// megabytes.
	stillBytes = 512 << 10
	// minGarbage is what must have been allocated since the last trim,
	// in a burst of work, for another to be worth a full collection
	// (25–65 ms of CPU here at the exhibit's usual live heap of 60 MB):
	// start-up allocates ≈ 63 MB, a page change ≈ 3 MB.
	minGarbage = 32 << 20
	// steadyGarbage is what must have been allocated since the last trim
	// when no burst came between: narration and the attract loop (≈ 0.2
	// MB a second) allocate steadily while the screen looks still, and
	// the garbage collector keeps reusing the same memory for them, so a
	// trim would only cost a collection and the page faults that fetch
	// the given-back pages again (bench/cpu.sh: narration 9–10 % of a
	// core with a trim every 32 MB, against 7.7 % without trims).
	steadyGarbage = 256 << 20
)

// Trigger decides, from the total bytes the program has allocated so far
// read at regular times, when to trim: once the screen has gone still
// after a burst of work that left enough garbage behind (minGarbage), or
// after much steady allocation (steadyGarbage). It has no clock of its
// own, so it can be driven by a test. The zero Trigger counts from the
// program's start, a burst whose fonts and first screen leave garbage too.
type Trigger struct {
	last, atTrim uint64
	started      bool
	// steady is set when no reading since the last trim was busy.
	steady bool
}

// Observe takes the total bytes allocated since the program started
// (never decreasing) and reports whether to trim now: the last reading's
// step was under stillBytes, and since the last trim (or the start) at
// least minGarbage bytes were allocated with a busy reading among them,
// or steadyGarbage without.
func (t *Trigger) Observe(total uint64) bool {
	if !t.started {
		t.started, t.last = true, total
		return false
	}
	step := total - t.last
	t.last = total
	if step >= stillBytes {
		t.steady = false
		return false
	}
	need := uint64(minGarbage)
	if t.steady {
		need = steadyGarbage
	}
	if total-t.atTrim < need {
		return false
	}
	t.atTrim, t.steady = total, true
	return true
}

var start sync.Once

// Start watches the program's allocation in the background, for the rest
// of its life, and trims after each burst of work (see Trigger). Calling
// it again does nothing.
func Start() {
	start.Do(func() {
		go func() {
			var t Trigger
			s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
			for range time.Tick(every) {
				metrics.Read(s)
				if t.Observe(s[0].Value.Uint64()) {
					Trim()
				}
			}
		}()
	})
}

// Trim collects Go's garbage and gives the free pages of the Go heap
// and, where the C library can, of the C heap back to the system. It
// takes a full collection (tens of milliseconds on a hall PC), on the
// calling goroutine.
func Trim() {
	debug.FreeOSMemory()
	trimC()
}
