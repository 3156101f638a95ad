//go:build !linux

package audio

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/speaker"
)

// SpeakerRate is the rate at which the sound device runs; tracks at other
// rates (narration is 22 050 Hz) are resampled to it.
const SpeakerRate beep.SampleRate = 44100

// speakerBuffer is the speaker's buffer: 400 ms, half in the driver, so
// the driver is written every 100 ms. Bigger means fewer wake-ups (less
// CPU: each write is a blocking call into ALSA, and Go's scheduler watches
// every one closely), smaller means a quicker start and pause. The guided
// tour with narration through PulseAudio (bench/cpu.sh) used 6.9 % of a
// core at 200 ms, 6.2 % at 400 ms, about 5.9 % at 800 ms (but the voice
// would then go on for most of a second after Pause); 100 ms cost half as
// much CPU again as 200 ms. The captions allow for the buffer
// (Player.Tick: a sentence lights up when it is heard).
const speakerBuffer = 400 * time.Millisecond

// Speaker is the Output over github.com/gopxl/beep/v2/speaker (oto), the
// PC's sound device on Windows. There is one per process (the beep speaker
// is global); get it with SpeakerOutput.
type Speaker struct {
	once    sync.Once
	opened  atomic.Bool // once has run
	initErr error

	mu   sync.Mutex
	rate beep.SampleRate // rate of the streamers given to Play
}

// open initialises the beep speaker once. speaker.Init succeeds even when no
// device can be opened (playback would then never advance); the failure only
// shows in the error of speaker.Resume, so open checks it.
func (s *Speaker) open() error {
	s.once.Do(func() {
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("speaker crashed: %v", r)
				}
			}()
			if err := speaker.Init(SpeakerRate, SpeakerRate.N(speakerBuffer)); err != nil {
				return err
			}
			if err := speaker.Resume(); err != nil {
				return err
			}
			return speaker.Suspend()
		}()
		if err != nil {
			s.initErr = fmt.Errorf("%w: %w", ErrNoSoundDevice, err)
		}
		s.opened.Store(true)
	})
	return s.initErr
}

// lostErr is why a device that opened can no longer be used: beep's
// speaker only says so in Resume's error.
func (s *Speaker) lostErr() error { return nil }

// Init opens the device (once) and sets the rate of the streamers that
// follow.
func (s *Speaker) Init(rate beep.SampleRate) error {
	if rate <= 0 {
		return fmt.Errorf("bad sample rate %d", rate)
	}
	err := s.open()
	s.mu.Lock()
	s.rate = rate
	s.mu.Unlock()
	return err
}

// Play adds st, resampled from the rate of the last Init to SpeakerRate.
func (s *Speaker) Play(st beep.Streamer) {
	if s.open() != nil {
		return
	}
	s.mu.Lock()
	rate := s.rate
	s.mu.Unlock()
	if rate != 0 && rate != SpeakerRate {
		// Quality 2 (4-point interpolation) is plenty for speech doubled
		// from 22 050 Hz, and a quarter of quality 4's CPU, which was
		// most of what narration cost besides drawing (bench/cpu.sh).
		st = beep.Resample(2, rate, SpeakerRate, st)
	}
	speaker.Play(st)
}

// Clear drops every streamer.
func (s *Speaker) Clear() {
	if s.open() == nil {
		speaker.Clear()
	}
}

// Suspend stops the device; an idle speaker still mixes silence and burns
// CPU, a suspended one does not.
func (s *Speaker) Suspend() error {
	if err := s.open(); err != nil {
		return err
	}
	return speaker.Suspend()
}

// Resume starts the device. Its error is the only sign that the device is
// missing or has gone away.
func (s *Speaker) Resume() error {
	if err := s.open(); err != nil {
		return err
	}
	if err := speaker.Resume(); err != nil {
		return fmt.Errorf("%w: %w", ErrNoSoundDevice, err)
	}
	return nil
}

// Lock locks the speaker: it pulls no samples until Unlock.
func (s *Speaker) Lock() { speaker.Lock() }

// Unlock unlocks the speaker.
func (s *Speaker) Unlock() { speaker.Unlock() }

// Latency is how much audio may still be on its way to the loudspeakers when
// a track's last sample has been pulled: the speaker's buffer, plus the
// resampler's look-ahead (512 samples) and a margin.
func (s *Speaker) Latency() time.Duration { return speakerBuffer + 50*time.Millisecond }
