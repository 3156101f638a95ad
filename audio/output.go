package audio

import (
	"sync"
	"time"

	"github.com/gopxl/beep/v2"
)

// Output is where a Player sends its samples: the sound card (SpeakerOutput),
// or the clock when there is none (SilentOutput), or a fake in tests. Its
// methods mirror package beep/speaker's.
//
// The Player calls Init (from a background goroutine; it may block while a
// device opens) with the sample rate of the track before Play. Everything
// else is called from the Player's caller and must return promptly.
type Output interface {
	// Init prepares the output for streamers at the given sample rate (the
	// output resamples them if it runs at another rate). It is called for
	// every track; an error means the output cannot play at all.
	Init(rate beep.SampleRate) error
	// Play adds a streamer; the output pulls samples from it, under its lock,
	// while it is resumed, and drops it once drained.
	Play(s beep.Streamer)
	// Clear drops every streamer.
	Clear()
	// Suspend stops pulling samples (and, for a device, stops it, so an idle
	// output costs no CPU).
	Suspend() error
	// Resume starts pulling again. An error means the device is gone.
	Resume() error
	// Lock and Unlock guard the streamers: while locked the output pulls
	// nothing, so a streamer's state can be read or changed.
	Lock()
	Unlock()
}

// latencyOutput is implemented by outputs that buffer samples before they
// are heard: after a track's last sample has been pulled, the Player waits
// this long before suspending the output, so the end is not cut off.
type latencyOutput interface {
	Latency() time.Duration
}

// Silent is an Output without sound: while resumed it pulls samples from its
// streamers at the pace of a Clock, exactly as a sound card would, so a
// Player's position, captions and end advance in real time — "silent mode
// with subtitles" for PCs without a sound device. It runs no goroutine and no
// timer: it catches up on the samples due whenever it is locked (which the
// Player does on every Position or Tick).
type Silent struct {
	clock Clock

	mu        sync.Mutex
	rate      beep.SampleRate
	streamers []beep.Streamer
	running   bool
	base      time.Time // when the output was last resumed
	pulled    int       // samples pulled since base
	buf       [512][2]float64
}

// SilentOutput returns an Output that plays silently at the pace of clock.
func SilentOutput(clock Clock) *Silent {
	if clock == nil {
		clock = SystemClock()
	}
	return &Silent{clock: clock}
}

// Init sets the rate at which samples are pulled.
func (s *Silent) Init(rate beep.SampleRate) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rate == s.rate {
		return nil
	}
	s.catchUp()
	s.rate = rate
	if s.running {
		s.base, s.pulled = s.clock.Now(), 0
	}
	return nil
}

// Play adds a streamer; its samples are due from now on.
func (s *Silent) Play(st beep.Streamer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.catchUp()
	s.streamers = append(s.streamers, st)
}

// Clear drops every streamer.
func (s *Silent) Clear() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.streamers)
	s.streamers = s.streamers[:0]
}

// Suspend pulls what is due and stops the pace.
func (s *Silent) Suspend() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.catchUp()
	s.running = false
	return nil
}

// Resume starts the pace again; it never fails.
func (s *Silent) Resume() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running {
		s.running = true
		s.base, s.pulled = s.clock.Now(), 0
	}
	return nil
}

// Lock pulls the samples due by now, then holds the output.
func (s *Silent) Lock() {
	s.mu.Lock()
	s.catchUp()
}

// Unlock releases the output.
func (s *Silent) Unlock() { s.mu.Unlock() }

// catchUp pulls the samples due between the last pull and now. s.mu is held.
func (s *Silent) catchUp() {
	if !s.running || s.rate <= 0 {
		return
	}
	due := s.rate.N(s.clock.Now().Sub(s.base))
	n := due - s.pulled
	s.pulled = max(due, s.pulled)
	for n > 0 && len(s.streamers) > 0 {
		chunk := s.buf[:min(n, len(s.buf))]
		for i := 0; i < len(s.streamers); i++ {
			got, ok := s.streamers[i].Stream(chunk)
			if !ok || got < len(chunk) {
				last := len(s.streamers) - 1
				s.streamers[i] = s.streamers[last]
				s.streamers[last] = nil
				s.streamers = s.streamers[:last]
				i--
			}
		}
		n -= len(chunk)
	}
}
