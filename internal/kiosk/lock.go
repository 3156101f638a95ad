package kiosk

import (
	"sync"
	"time"

	"trienlam/audio"
)

// Lock limits PIN guesses: after MaxTries wrong PINs in a row it refuses
// every try for LockFor, without checking it. It is safe for concurrent use.
type Lock struct {
	clock audio.Clock

	mu     sync.Mutex
	wrong  int       // wrong tries in a row
	until  time.Time // locked before this time
	locked bool
}

// The lock's limits.
const (
	// MaxTries is how many wrong PINs in a row lock the PIN entry.
	MaxTries = 5
	// LockFor is how long the PIN entry stays locked.
	LockFor = time.Minute
)

// NewLock returns a Lock reading time from clock (audio.SystemClock() in
// the app).
func NewLock(clock audio.Clock) *Lock { return &Lock{clock: clock} }

// Try checks pin against encoded (from HashPIN). While the lock holds it
// returns false and the time left, without checking. A right PIN returns
// true and resets the count of wrong tries; the MaxTries-th wrong one in a
// row locks for LockFor and returns false with LockFor. When a lock runs
// out the count starts again from zero.
func (l *Lock) Try(encoded, pin string) (ok bool, retryIn time.Duration) {
	if d := l.RetryIn(); d > 0 {
		return false, d
	}
	ok = CheckPIN(encoded, pin) // slow: outside the mutex
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.clock.Now()
	if l.locked && now.Before(l.until) {
		// Another try locked it while this one was checking.
		return false, l.until.Sub(now)
	}
	if ok {
		l.wrong, l.locked = 0, false
		return true, 0
	}
	l.wrong++
	if l.wrong >= MaxTries {
		l.wrong, l.locked, l.until = 0, true, now.Add(LockFor)
		return false, LockFor
	}
	return false, 0
}

// RetryIn returns how long the lock still holds, 0 when PINs can be tried.
func (l *Lock) RetryIn() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.locked {
		return 0
	}
	if d := l.until.Sub(l.clock.Now()); d > 0 {
		return d
	}
	l.locked = false
	return 0
}

// TriesLeft returns how many wrong PINs can still be entered before the
// lock holds (MaxTries after a right PIN or a lock that ran out).
func (l *Lock) TriesLeft() int {
	if l.RetryIn() > 0 {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return MaxTries - l.wrong
}
