package audio

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gopxl/beep/v2"

	"trienlam/platform/alsa"
)

// The device's buffer and how often it is topped up. The writer wakes
// once a period, finds the room the device has made and fills it, without
// ever waiting inside ALSA: five wake-ups a second. A long buffer costs
// nothing in responsiveness: Suspend pauses the device at once (or, on one
// that cannot pause, drops what it holds and plays it first on Resume),
// Clear drops it, and the captions follow the device's own count of what
// is still to be heard (Latency). Only a change of volume takes up to the
// buffer's length to be heard.
const (
	speakerBuffer = 600 * time.Millisecond
	speakerPeriod = 200 * time.Millisecond
	// speakerRate is the rate the device is first opened at, to see
	// whether there is one; it is opened again at a track's own rate
	// whenever it is idle, so that nothing is resampled in this process
	// (the sound server or ALSA's plug layer converts, as it must anyway
	// for the card).
	speakerRate = 44100
	// speakerDevice is ALSA's name for the user's sound setting.
	speakerDevice = "default"
)

// Speaker is the Output on the PC's sound device on Linux: ALSA, written
// without blocking from one goroutine of its own (package platform/alsa).
// There is one per process; get it with SpeakerOutput.
type Speaker struct {
	once    sync.Once
	opened  atomic.Bool // once has run
	initErr error

	// mu guards the streamers (Lock, Unlock); the writer holds it while
	// it mixes.
	mu    sync.Mutex
	mixer beep.Mixer

	// dev guards the device and what follows. The writer holds dev, then
	// mu; no method takes dev while holding mu.
	dev     sync.Mutex
	pcm     *alsa.PCM
	rate    beep.SampleRate // rate of the streamers given to Play
	running bool
	err     error   // the device has gone: every later Resume fails
	paused  bool    // Suspend paused the device, which holds what it had
	held    []int16 // a copy of that, in case the device fails to go on
	noPause bool    // tests: suspend as on a device that cannot pause
	pending []int16 // dropped by Suspend before it was heard: written first on Resume
	hist    []int16 // the last samples written, a ring of one buffer
	histAt  int
	histLen int
	delay   time.Duration // still to be heard at delayAt
	delayAt time.Time
	mix     [][2]float64
	samples []int16
	kick    chan struct{}
}

// open opens the device once, at speakerRate, and starts the writer.
func (s *Speaker) open() error {
	s.once.Do(func() {
		pcm, err := alsa.Open(speakerDevice, speakerRate, 2, speakerBuffer, speakerPeriod)
		if err != nil {
			s.initErr = fmt.Errorf("%w: %w", ErrNoSoundDevice, err)
		} else {
			s.pcm = pcm
			s.rate = speakerRate
			s.kick = make(chan struct{}, 1)
			go s.write()
		}
		s.opened.Store(true)
	})
	return s.initErr
}

// lostErr is why a device that opened can no longer be used (it has gone
// away while playing), nil while it can.
func (s *Speaker) lostErr() error {
	s.dev.Lock()
	defer s.dev.Unlock()
	return s.err
}

// Init opens the device (once) and sets the rate of the streamers that
// follow. An idle device is opened again at that rate, so that they play
// as they are; one that is playing keeps its rate, and Play resamples.
func (s *Speaker) Init(rate beep.SampleRate) error {
	if rate <= 0 {
		return fmt.Errorf("bad sample rate %d", rate)
	}
	if err := s.open(); err != nil {
		return err
	}
	s.dev.Lock()
	defer s.dev.Unlock()
	s.rate = rate
	if s.err != nil || s.pcm.Rate() == int(rate) || s.running {
		return s.errLocked()
	}
	s.mu.Lock()
	busy := s.mixer.Len() > 0
	s.mu.Unlock()
	if busy {
		return nil
	}
	// Close first: a sound card without a mixer in front (ALSA's hw)
	// opens once at a time.
	was := s.pcm.Rate()
	s.pcm.Close()
	pcm, err := alsa.Open(speakerDevice, int(rate), 2, speakerBuffer, speakerPeriod)
	if err != nil {
		// Back to the rate it had: it plays, resampling.
		pcm, err = alsa.Open(speakerDevice, was, 2, speakerBuffer, speakerPeriod)
	}
	if err != nil {
		s.err = err
		return s.errLocked()
	}
	s.pcm = pcm
	s.pending, s.histLen = nil, 0
	s.paused, s.held = false, nil
	return nil
}

// Play adds st, resampled from the rate of the last Init to the device's.
func (s *Speaker) Play(st beep.Streamer) {
	if s.open() != nil {
		return
	}
	s.dev.Lock()
	from, to := s.rate, beep.SampleRate(s.pcm.Rate())
	s.dev.Unlock()
	if from != to {
		// Quality 2 (4-point interpolation) is plenty for speech, and a
		// quarter of quality 4's CPU.
		st = beep.Resample(2, from, to, st)
	}
	s.mu.Lock()
	s.mixer.Add(st)
	s.mu.Unlock()
}

// Clear drops every streamer, and what the device holds of them.
func (s *Speaker) Clear() {
	if s.open() != nil {
		return
	}
	s.mu.Lock()
	s.mixer.Clear()
	s.mu.Unlock()
	s.dev.Lock()
	defer s.dev.Unlock()
	s.pending = nil
	if (s.running || s.paused) && s.err == nil {
		s.dropLocked()
	}
}

// Suspend stops the device at once. What it held and had not yet played
// is kept (the device is paused, or, if it cannot pause, what it held is
// dropped and written again first on Resume), so a pause loses nothing.
func (s *Speaker) Suspend() error {
	if err := s.open(); err != nil {
		return err
	}
	s.dev.Lock()
	defer s.dev.Unlock()
	if !s.running || s.err != nil {
		s.running = false
		return s.errLocked()
	}
	s.running = false
	s.mu.Lock()
	playing := s.mixer.Len() > 0
	s.mu.Unlock()
	if !playing || !s.pcm.Running() {
		// A track played out, or the device ran dry: nothing to keep.
		s.dropLocked()
		return s.errLocked()
	}
	held := s.lastWritten(s.pcm.Delay() * 2)
	if s.pcm.CanPause() && !s.noPause {
		if err := s.pcm.Pause(true); err == nil {
			s.paused, s.held = true, held
			return nil
		}
	}
	s.dropLocked()
	s.pending = append(held, s.pending...)
	return s.errLocked()
}

// Resume starts the device. Its error is the only sign that the device is
// missing or has gone away.
func (s *Speaker) Resume() error {
	if err := s.open(); err != nil {
		return err
	}
	s.dev.Lock()
	defer s.dev.Unlock()
	if s.err != nil {
		return s.errLocked()
	}
	if !s.running {
		s.running = true
		if s.paused {
			held := s.held
			s.paused, s.held = false, nil
			if err := s.pcm.Pause(false); err != nil {
				s.dropLocked()
				s.pending = append(held, s.pending...)
			}
		}
		select {
		case s.kick <- struct{}{}:
		default:
		}
	}
	return nil
}

// Lock locks the speaker: it pulls no samples until Unlock. The other
// methods must not be called while it is locked.
func (s *Speaker) Lock() { s.mu.Lock() }

// Unlock unlocks the speaker.
func (s *Speaker) Unlock() { s.mu.Unlock() }

// Latency is how much of what has been pulled from the streamers is still
// to be heard: what the device held at its last write, less the time
// since, and a margin.
func (s *Speaker) Latency() time.Duration {
	s.dev.Lock()
	defer s.dev.Unlock()
	if !s.running {
		return 0
	}
	return max(0, s.delay-time.Since(s.delayAt)) + 20*time.Millisecond
}

func (s *Speaker) errLocked() error {
	if s.err == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrNoSoundDevice, s.err)
}

// dropLocked stops the device at once, dropping what it holds; an error
// means it has gone.
func (s *Speaker) dropLocked() {
	if err := s.pcm.Drop(); err != nil {
		s.err = err
	}
	s.paused, s.held = false, nil
	s.delay = 0
}

// write is the writer: while the device runs, it tops it up once a
// period; while it is suspended, it waits for Resume.
func (s *Speaker) write() {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		wait := s.topUp()
		if wait <= 0 {
			<-s.kick
			continue
		}
		timer.Reset(wait)
		select {
		case <-s.kick:
			timer.Stop()
		case <-timer.C:
		}
	}
}

// topUp writes what was held back by Suspend, then as many mixed samples
// as the device has room for. It returns how long to sleep before the
// next, or 0 to wait for Resume.
func (s *Speaker) topUp() time.Duration {
	s.dev.Lock()
	defer s.dev.Unlock()
	if !s.running || s.err != nil {
		return 0
	}
	pcm := s.pcm
	period := time.Duration(pcm.Period()) * time.Second / time.Duration(pcm.Rate())
	room, err := pcm.Avail()
	if err != nil {
		s.err = err
		return 0
	}
	if n := min(room, len(s.pending)/2); n > 0 {
		wrote, err := pcm.Write(s.pending[:2*n])
		if err != nil {
			s.err = err
			return 0
		}
		s.remember(s.pending[:2*wrote])
		s.pending = s.pending[2*wrote:]
		room -= wrote
	}
	if room > 0 && len(s.pending) == 0 {
		if cap(s.mix) < room {
			s.mix = make([][2]float64, room)
			s.samples = make([]int16, 2*room)
		}
		mix, samples := s.mix[:room], s.samples[:2*room]
		s.mu.Lock()
		n, _ := s.mixer.Stream(mix)
		s.mu.Unlock()
		for i, f := range mix[:n] {
			samples[2*i] = toInt16(f[0])
			samples[2*i+1] = toInt16(f[1])
		}
		wrote, err := pcm.Write(samples[:2*n])
		if err != nil {
			s.err = err
			return 0
		}
		s.remember(samples[:2*wrote])
		if wrote < n {
			// The device took less than it said it had room for: keep
			// the rest, pulled already, for the next round.
			s.pending = append(s.pending, samples[2*wrote:2*n]...)
		}
	}
	s.delay = time.Duration(pcm.Delay()) * time.Second / time.Duration(pcm.Rate())
	s.delayAt = time.Now()
	return period
}

func toInt16(f float64) int16 {
	return int16(min(1, max(-1, f)) * (1<<15 - 1))
}

// remember keeps samples in the ring of what was last written.
func (s *Speaker) remember(samples []int16) {
	if want := 2 * s.pcm.Buffer(); len(s.hist) != want {
		s.hist, s.histAt, s.histLen = make([]int16, want), 0, 0
	}
	if len(samples) > len(s.hist) {
		samples = samples[len(samples)-len(s.hist):]
	}
	for len(samples) > 0 {
		n := copy(s.hist[s.histAt:], samples)
		s.histAt = (s.histAt + n) % len(s.hist)
		s.histLen = min(len(s.hist), s.histLen+n)
		samples = samples[n:]
	}
}

// lastWritten returns a copy of the last n samples written (fewer if fewer
// are remembered).
func (s *Speaker) lastWritten(n int) []int16 {
	n = min(n, s.histLen)
	out := make([]int16, n)
	start := (s.histAt - n + len(s.hist)) % max(1, len(s.hist))
	k := copy(out, s.hist[start:])
	copy(out[k:], s.hist)
	return out
}
