package kiosk

import (
	"sync"
	"time"

	"trienlam/audio"
)

// IdleState is where a visitor session stands.
type IdleState int

// The states of an Idle.
const (
	// Active: someone is using the kiosk (or it was touched less than the
	// idle time ago).
	Active IdleState = iota
	// Warning: nobody has touched it for the idle time; a countdown shows
	// before the session ends.
	Warning
	// Attract: the session has ended; the attract loop runs until a touch.
	Attract
)

// String returns the state's name, for tests and logs.
func (s IdleState) String() string {
	switch s {
	case Active:
		return "Active"
	case Warning:
		return "Warning"
	case Attract:
		return "Attract"
	}
	return "IdleState(?)"
}

// Idle times a visitor's session without polling: one timer at a time,
// through the clock's AfterFunc. While the kiosk is used, Touch only notes
// the time; when the idle timer fires it sleeps again for what is left, so
// a stream of pointer moves costs no timer work. After idleAfter without a
// touch it enters Warning for warnFor, ticking once a second, then
// Attract, where no timer runs at all.
//
// Callbacks run in the clock's timer goroutine (Touch's goroutine for
// OnActive), one at a time and in order; a UI must hand them to its own
// thread (fyne.Do) and must not wait for that thread inside them. They may
// call State and Remaining, not Touch, Start or Stop. Set them before Start.
type Idle struct {
	// OnWarning is called once when the countdown starts, with its length.
	OnWarning func(remaining time.Duration)
	// OnTick is called each second of the countdown with the time left
	// (warnFor-1s, warnFor-2s, … 1s).
	OnTick func(remaining time.Duration)
	// OnAttract is called when the countdown runs out.
	OnAttract func()
	// OnActive is called when a touch ends Warning or Attract.
	OnActive func()

	clock               audio.Clock
	idleAfter, warnFor  time.Duration
	cb                  sync.Mutex // held while a callback is delivered
	mu                  sync.Mutex // guards the fields below
	state               IdleState
	running             bool
	lastTouch, warnEnds time.Time
	timer               audio.Timer
	gen                 int // bumped whenever timer is replaced or stopped
}

// NewIdle returns an Idle that warns after idleAfter without a touch (e.g.
// 3 minutes) and ends the session warnFor later (e.g. 10 seconds). It does
// nothing until Start.
func NewIdle(clock audio.Clock, idleAfter, warnFor time.Duration) *Idle {
	if idleAfter <= 0 {
		idleAfter = time.Second
	}
	if warnFor < 0 {
		warnFor = 0
	}
	return &Idle{clock: clock, idleAfter: idleAfter, warnFor: warnFor}
}

// Start begins timing from now, in the Active state. Starting a running
// Idle restarts it.
func (i *Idle) Start() {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.running = true
	i.state = Active
	i.lastTouch = i.clock.Now()
	i.schedule(i.idleAfter, i.idleFired)
}

// Stop stops timing: no timer stays pending and no callback follows. The
// state stays as it was; Start starts again.
func (i *Idle) Stop() {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.running = false
	i.stopTimer()
}

// Touch reports input of any kind: it restarts the idle time and, in
// Warning or Attract, returns to Active and calls OnActive. It is cheap in
// the Active state, so it can be called for every pointer move.
func (i *Idle) Touch() {
	i.mu.Lock()
	if !i.running || i.state == Active {
		i.lastTouch = i.clock.Now()
		i.mu.Unlock()
		return
	}
	i.mu.Unlock()

	i.cb.Lock()
	defer i.cb.Unlock()
	i.mu.Lock()
	i.lastTouch = i.clock.Now()
	if !i.running || i.state == Active {
		i.mu.Unlock()
		return
	}
	i.state = Active
	i.schedule(i.idleAfter, i.idleFired)
	f := i.OnActive
	i.mu.Unlock()
	if f != nil {
		f()
	}
}

// State returns the current state.
func (i *Idle) State() IdleState {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.state
}

// Remaining returns the time left in the countdown during Warning, else 0.
func (i *Idle) Remaining() time.Duration {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.state != Warning {
		return 0
	}
	return max(i.warnEnds.Sub(i.clock.Now()), 0)
}

// schedule replaces the timer with one calling f after d. i.mu is held.
func (i *Idle) schedule(d time.Duration, f func(gen int)) {
	i.stopTimer()
	gen := i.gen
	i.timer = i.clock.AfterFunc(d, func() { f(gen) })
}

// stopTimer stops the pending timer, if any, so that a call already on its
// way is ignored too. i.mu is held.
func (i *Idle) stopTimer() {
	i.gen++
	if i.timer != nil {
		i.timer.Stop()
		i.timer = nil
	}
}

// fire runs step under the locks if the timer of generation gen is still
// the current one, then delivers the callback step returns.
func (i *Idle) fire(gen int, step func() func()) {
	i.cb.Lock()
	defer i.cb.Unlock()
	i.mu.Lock()
	if gen != i.gen || !i.running {
		i.mu.Unlock()
		return
	}
	i.timer = nil
	call := step()
	i.mu.Unlock()
	if call != nil {
		call()
	}
}

// idleFired runs when the idle time may have passed: it sleeps again for
// what is left after the last touch, or starts the countdown.
func (i *Idle) idleFired(gen int) {
	i.fire(gen, func() func() {
		now := i.clock.Now()
		if left := i.idleAfter - now.Sub(i.lastTouch); left > 0 {
			i.schedule(left, i.idleFired)
			return nil
		}
		if i.warnFor <= 0 {
			return i.enterAttract()
		}
		i.state = Warning
		i.warnEnds = now.Add(i.warnFor)
		i.schedule(min(time.Second, i.warnFor), i.tick)
		if f, d := i.OnWarning, i.warnFor; f != nil {
			return func() { f(d) }
		}
		return nil
	})
}

// tick runs each second of the countdown.
func (i *Idle) tick(gen int) {
	i.fire(gen, func() func() {
		left := i.warnEnds.Sub(i.clock.Now())
		if left <= 0 {
			return i.enterAttract()
		}
		i.schedule(min(time.Second, left), i.tick)
		if f := i.OnTick; f != nil {
			return func() { f(left) }
		}
		return nil
	})
}

// enterAttract ends the session; no timer runs until the next touch.
// i.mu is held.
func (i *Idle) enterAttract() func() {
	i.state = Attract
	i.stopTimer()
	return i.OnAttract
}
