package audio

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/effects"

	"trienlam/audio/captions"
)

// State is where a Player is in the life of its track.
type State int

// The states of a Player. Idle → Loading → Ready or Failed; Ready → Playing
// ⇄ Paused; Playing → Ended at the end of the track. Stop returns a loaded
// track to Ready, Close any state to Idle.
const (
	// Idle: no track (before the first Load, after Close).
	Idle State = iota
	// Loading: Load is decoding the track in the background.
	Loading
	// Ready: the track is loaded and at its start; nothing plays.
	Ready
	// Playing: the track is playing (or, in silent mode, advancing).
	Playing
	// Paused: playback is paused at Position.
	Paused
	// Ended: the track played to its end.
	Ended
	// Failed: the track could not be loaded or decoding broke off; see Err.
	Failed
)

var stateNames = [...]string{"Idle", "Loading", "Ready", "Playing", "Paused", "Ended", "Failed"}

// String returns the state's name ("Playing").
func (s State) String() string {
	if s >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// stallTimeout: while playing on a device, a position that has not moved for
// this long means the device has stopped taking samples, and the Player goes
// on in silent mode. The speaker takes a period every 25–50 ms, so only a
// dead (or hung) device stalls this long.
const stallTimeout = 3 * time.Second

// Player plays one narration track at a time, with its captions, through an
// Output. It is a state machine (see State) driven by its methods; it is made
// for the UI goroutine: every method returns at once (decoding happens in a
// background goroutine, reported through Load's onReady), and the callbacks
// are called after the Player's lock is released, so they may call back
// into it. Methods are also safe to call from other goroutines.
//
// Playback progress is reported by Tick, which the UI calls while the state
// is Playing (10 times a second is plenty): it fires OnCue when the caption
// changes and OnEnded at the end. When not playing the Player runs nothing:
// no goroutine, no timer, and the output is suspended.
//
// If the sound device fails (Resume returns an error, or it stops taking
// samples), the Player switches to SilentOutput and plays on silently with
// captions, reporting the error once through OnDeviceLost.
type Player struct {
	// OnCue is called with the index in Cues of the caption now showing,
	// or -1 for none, whenever it changes: from Tick while playing, from
	// Seek/SkipBy, and with -1 when playback stops, ends or is reset.
	OnCue func(i int)
	// OnState is called after every change of State.
	OnState func(State)
	// OnEnded is called once when the track has played to its end (from
	// Tick), after OnState(Ended).
	OnEnded func()
	// OnDeviceLost is called once when the sound device cannot be used (it
	// fails to open, to resume, or stops taking samples) and the Player has
	// switched to silent mode; see DeviceErr.
	OnDeviceLost func(err error)
	// Post, when set, runs the callbacks that arise in Load's background
	// goroutine (onReady, OnState(Ready/Failed/Playing), OnDeviceLost):
	// set it to fyne.Do so they run on the UI goroutine. When nil they are
	// called from that goroutine. Callbacks of the other methods and of
	// Tick are always called synchronously, on the caller's goroutine.
	//
	// Set the callbacks and Post before the first Load.
	Post func(f func())

	clock Clock

	mu        sync.Mutex
	out       Output
	silent    bool  // out is the fallback SilentOutput
	deviceErr error // why the device was given up
	state     State
	gen       int // incremented by every Load and Close: stale loads are dropped
	path      string
	err       error

	tr       *track
	chain    beep.Streamer // tr under the volume effect: what the output gets
	vol      *effects.Volume
	rate     beep.SampleRate
	length   int // samples
	inOutput bool
	autoplay bool

	cues   []captions.Cue
	capErr error
	cue    int
	damage error // a cut recording playing up to the cut (see Damage)

	volume float64

	drainGen int // cancels the pending suspend after the end
	// heardFrom is the sample where playback last started or jumped to:
	// the captions follow the pulled position less the output's latency
	// (what is heard), but never from before it.
	heardFrom int
	lastPos   int
	lastMove  time.Time // when Tick last saw the position move
	lastTick  time.Time

	firstSampleHook func() // benchmarks: called under the output lock by the first pull after Play
}

// track counts the samples the output pulls from the decoder. All its fields
// are guarded by the output's lock.
type track struct {
	src    beep.StreamSeekCloser
	pos    int // samples pulled (after Seek: the seek target plus those pulled since)
	done   bool
	err    error
	paused bool // stream silence without consuming samples
	armed  bool // call hook on the next pull
	hook   func()
}

func (t *track) Stream(samples [][2]float64) (n int, ok bool) {
	if t.paused {
		clear(samples)
		return len(samples), true
	}
	if t.armed {
		t.armed = false
		if t.hook != nil {
			t.hook()
		}
	}
	if t.done {
		return 0, false
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				n, ok = 0, false
				t.err = fmt.Errorf("decoder crashed: %v", r)
			}
		}()
		n, ok = t.src.Stream(samples)
	}()
	if n < 0 || n > len(samples) {
		n, ok = 0, false
		t.err = errors.New("decoder returned a bad sample count")
	}
	t.pos += n
	if !ok || n < len(samples) {
		t.done = true
		if t.err == nil {
			t.err = t.src.Err()
		}
	}
	return n, ok || n > 0
}

func (t *track) Err() error { return t.err }

// NewPlayer returns an Idle Player that plays through out (SpeakerOutput()
// in the app) and tells time by clock (SystemClock() in the app; nil means
// SystemClock). If out is nil the Player is silent from the start.
func NewPlayer(out Output, clock Clock) *Player {
	if clock == nil {
		clock = SystemClock()
	}
	p := &Player{clock: clock, out: out, cue: -1, volume: 1}
	if out == nil {
		p.out, p.silent = SilentOutput(clock), true
	}
	return p
}

// events collects callbacks to call once the lock is released.
type events []func()

func (ev *events) add(f func()) { *ev = append(*ev, f) }

func (ev events) fire() {
	for _, f := range ev {
		f()
	}
}

func (p *Player) setStateLocked(s State, ev *events) {
	if p.state == s {
		return
	}
	p.state = s
	if f := p.OnState; f != nil {
		ev.add(func() { f(s) })
	}
}

func (p *Player) setCueLocked(i int, ev *events) {
	if p.cue == i {
		return
	}
	p.cue = i
	if f := p.OnCue; f != nil {
		ev.add(func() { f(i) })
	}
}

// Load stops and releases the current track and starts loading the audio
// file audioPath and the WebVTT captions captionsPath ("" for none) from
// fsys, in a background goroutine. The state is Loading until then. When
// done, the state becomes Ready (or Failed) and onReady (may be nil) is
// called with nil or the error — which names the file: a missing file
// (fs.ErrNotExist), a corrupt one, or ErrNeedsMediaHelper for formats beep
// cannot play. Missing or bad captions do not fail the load: the track plays
// without cues and CaptionsErr tells why. If Play was called while loading,
// playback starts as soon as the track is ready. A Load superseded by another
// Load or by Close never calls its onReady.
func (p *Player) Load(fsys fs.FS, audioPath, captionsPath string, onReady func(err error)) {
	var ev events
	p.mu.Lock()
	p.unloadLocked(&ev)
	p.gen++
	gen := p.gen
	p.path = audioPath
	p.setStateLocked(Loading, &ev)
	out := p.out
	p.mu.Unlock()
	ev.fire()

	go p.load(gen, out, fsys, audioPath, captionsPath, onReady)
}

func (p *Player) load(gen int, out Output, fsys fs.FS, audioPath, captionsPath string, onReady func(error)) {
	// A cut Ogg file either does not open or fails where it is cut; the
	// sound before the cut plays, and the track then ends as if whole.
	var damage error
	src, format, cut, err := DecodeCut(fsys, audioPath)
	if err == nil {
		damage = fmt.Errorf("%s: %w", audioPath, cut)
	} else {
		src, format, err = Decode(fsys, audioPath)
	}
	var cues []captions.Cue
	var capErr error
	var initErr error
	if err == nil {
		if captionsPath != "" {
			cues, capErr = captions.ReadFile(fsys, captionsPath)
		}
		initErr = out.Init(format.SampleRate)
	}

	var ev events
	p.mu.Lock()
	if p.gen != gen {
		p.mu.Unlock()
		if src != nil {
			src.Close()
		}
		return
	}
	if err != nil {
		p.err = err
		p.setStateLocked(Failed, &ev)
	} else {
		p.tr = &track{src: src, paused: true, hook: p.firstSampleHook}
		p.vol = &effects.Volume{Streamer: p.tr, Base: 10}
		p.applyVolumeLocked()
		p.chain = p.vol
		p.rate = format.SampleRate
		p.length = src.Len()
		p.cues, p.capErr = cues, capErr
		p.damage = damage
		p.cue = -1
		p.inOutput = false
		p.setStateLocked(Ready, &ev)
		if initErr != nil && !p.silent {
			p.fallBackLocked(initErr, &ev)
		} else if p.out != out {
			_ = p.out.Init(p.rate)
		}
	}
	if onReady != nil {
		ev.add(func() { onReady(err) })
	}
	if p.autoplay && err == nil {
		p.autoplay = false
		p.playLocked(&ev)
	}
	p.autoplay = false
	p.mu.Unlock()

	if p.Post != nil {
		p.Post(ev.fire)
	} else {
		ev.fire()
	}
}

// unloadLocked stops playback and releases the track.
func (p *Player) unloadLocked(ev *events) {
	p.drainGen++
	p.autoplay = false
	if p.tr != nil {
		p.out.Clear()
		_ = p.out.Suspend()
		p.out.Lock()
		p.tr.paused, p.tr.done = true, true
		p.out.Unlock()
		p.tr.src.Close()
	}
	p.tr, p.chain, p.vol = nil, nil, nil
	p.inOutput = false
	p.rate, p.length = 0, 0
	p.cues, p.capErr, p.err, p.damage = nil, nil, nil, nil
	p.setCueLocked(-1, ev)
}

// Close stops playback, releases the track and its file, and returns to
// Idle. A Load in progress is abandoned (its onReady is not called).
func (p *Player) Close() {
	var ev events
	p.mu.Lock()
	p.unloadLocked(&ev)
	p.gen++
	p.path = ""
	p.setStateLocked(Idle, &ev)
	p.mu.Unlock()
	ev.fire()
}

// Play starts or resumes playback: from Ready or Paused at Position, from
// Ended (or Paused at the very end) from the start. During Loading it asks
// for playback to start once the track is ready. It resumes the output; if
// the device fails to resume, the Player switches to silent mode (see
// OnDeviceLost) and plays on.
func (p *Player) Play() {
	var ev events
	p.mu.Lock()
	p.playLocked(&ev)
	p.mu.Unlock()
	ev.fire()
}

func (p *Player) playLocked(ev *events) {
	switch p.state {
	case Loading:
		p.autoplay = true
		return
	case Ready, Paused, Ended:
	default:
		return
	}
	p.drainGen++
	if p.state == Ended || p.positionSamplesLocked() >= p.length {
		p.seekSamplesLocked(0, ev)
	}
	p.out.Lock()
	p.tr.paused = false
	p.tr.armed = p.tr.hook != nil
	pos := p.tr.pos
	p.out.Unlock()
	p.setStateLocked(Playing, ev)
	if !p.inOutput {
		p.out.Play(p.chain)
		p.inOutput = true
	}
	if err := p.out.Resume(); err != nil {
		p.fallBackLocked(err, ev)
	}
	p.lastPos, p.lastMove, p.lastTick = pos, p.clock.Now(), p.clock.Now()
	p.heardFrom = pos
	p.setCueLocked(captions.CueAt(p.cues, p.dur(pos)), ev)
}

// Pause pauses playback at Position and suspends the output (an idle
// device would burn CPU). It does nothing unless Playing.
func (p *Player) Pause() {
	var ev events
	p.mu.Lock()
	if p.state == Playing {
		p.out.Lock()
		p.tr.paused = true
		p.out.Unlock()
		p.setStateLocked(Paused, &ev)
		if err := p.out.Suspend(); err != nil && !p.silent {
			p.fallBackLocked(err, &ev)
		}
	}
	p.mu.Unlock()
	ev.fire()
}

// Toggle plays when not playing, pauses when playing.
func (p *Player) Toggle() {
	p.mu.Lock()
	playing := p.state == Playing
	p.mu.Unlock()
	if playing {
		p.Pause()
	} else {
		p.Play()
	}
}

// Stop stops playback and rewinds: a loaded track goes back to Ready at
// position 0 (the caption is cleared, OnCue(-1)) and the output is
// suspended. The track stays loaded; Close releases it.
func (p *Player) Stop() {
	var ev events
	p.mu.Lock()
	switch p.state {
	case Playing, Paused, Ended, Ready:
		p.drainGen++
		p.out.Lock()
		p.tr.paused = true
		p.out.Unlock()
		_ = p.out.Suspend()
		p.setStateLocked(Ready, &ev)
		p.seekSamplesLocked(0, &ev)
		p.setCueLocked(-1, &ev)
	case Loading:
		p.autoplay = false
	}
	p.mu.Unlock()
	ev.fire()
}

// Seek moves to d, clamped to [0, Duration]. From Ready or Ended the state
// becomes Paused; while Playing, playback goes on from there. OnCue reports
// the caption at the new position.
func (p *Player) Seek(d time.Duration) {
	var ev events
	p.mu.Lock()
	p.seekLocked(d, &ev)
	p.mu.Unlock()
	ev.fire()
}

// SkipBy moves by d from the current position (for example ±10 s), clamped
// to the track; see Seek.
func (p *Player) SkipBy(d time.Duration) {
	var ev events
	p.mu.Lock()
	if p.tr != nil {
		p.seekLocked(p.dur(p.positionSamplesLocked())+d, &ev)
	}
	p.mu.Unlock()
	ev.fire()
}

func (p *Player) seekLocked(d time.Duration, ev *events) {
	switch p.state {
	case Ready, Playing, Paused, Ended:
	default:
		return
	}
	n := 0
	if d > 0 {
		n = min(p.rate.N(d), p.length)
	}
	p.seekSamplesLocked(n, ev)
	if p.state == Ready || p.state == Ended {
		p.drainGen++
		p.setStateLocked(Paused, ev)
	}
	p.setCueLocked(captions.CueAt(p.cues, p.dur(n)), ev)
}

// seekSamplesLocked moves the decoder to sample n. The streamer leaves the
// output first, so nothing buffered from the old position (the resampler's
// look-ahead) plays after the seek; while playing it goes straight back.
func (p *Player) seekSamplesLocked(n int, ev *events) {
	if p.inOutput {
		p.out.Clear()
		p.inOutput = false
	}
	p.out.Lock()
	err := safeSeek(p.tr.src, n)
	if err == nil {
		p.tr.pos, p.tr.done, p.tr.err = n, false, nil
		p.heardFrom = n
	}
	p.out.Unlock()
	if err != nil {
		p.failLocked(fmt.Errorf("%s: cannot seek: %w", p.path, err), ev)
		return
	}
	if p.state == Playing {
		p.out.Play(p.chain)
		p.inOutput = true
		p.lastPos, p.lastMove = n, p.clock.Now()
	}
}

func safeSeek(s beep.StreamSeeker, n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decoder crashed: %v", r)
		}
	}()
	return s.Seek(n)
}

// failLocked stops playback for good after an error in the middle of it.
func (p *Player) failLocked(err error, ev *events) {
	p.drainGen++
	if p.inOutput {
		p.out.Clear()
		p.inOutput = false
	}
	_ = p.out.Suspend()
	p.err = err
	p.setCueLocked(-1, ev)
	p.setStateLocked(Failed, ev)
}

// fallBackLocked gives up the sound device and goes on with a SilentOutput.
func (p *Player) fallBackLocked(err error, ev *events) {
	if p.silent {
		return
	}
	old := p.out
	old.Clear()
	// Suspending a dead device may block (it holds its lock while a write
	// hangs): do it off this goroutine.
	go func() { _ = old.Suspend() }()
	p.silent, p.deviceErr = true, err
	p.out = SilentOutput(p.clock)
	p.inOutput = false
	if p.tr != nil {
		_ = p.out.Init(p.rate)
		if p.state == Playing {
			p.out.Play(p.chain)
			p.inOutput = true
			_ = p.out.Resume()
		}
	}
	if f := p.OnDeviceLost; f != nil {
		ev.add(func() { f(err) })
	}
}

// Tick updates the Player from the output's progress: it fires OnCue when
// the caption changes and, at the end of the track, OnState(Ended) and
// OnEnded (once). It also notices a sound device that has stopped taking
// samples. The UI calls it while State is Playing — a ticker running only
// then, 10 times a second is plenty; otherwise it does nothing.
func (p *Player) Tick() {
	var ev events
	p.mu.Lock()
	if p.state == Playing {
		p.tickLocked(&ev)
	}
	p.mu.Unlock()
	ev.fire()
}

func (p *Player) tickLocked(ev *events) {
	p.out.Lock()
	pos, done, serr := p.tr.pos, p.tr.done, p.tr.err
	p.out.Unlock()
	if done {
		p.inOutput = false
		if serr != nil {
			p.failLocked(fmt.Errorf("%s: playback stopped at %s: %w", p.path, fmtClock(p.dur(pos)), serr), ev)
			return
		}
		p.endLocked(ev)
		return
	}
	now := p.clock.Now()
	if now.Sub(p.lastTick) > time.Second {
		// Ticks were missed (a busy UI, a PC waking from sleep): what
		// happened meanwhile was not watched, so it counts as no stall.
		p.lastMove = now
	}
	p.lastTick = now
	if pos != p.lastPos {
		p.lastPos, p.lastMove = pos, now
	} else if !p.silent && now.Sub(p.lastMove) >= stallTimeout {
		p.fallBackLocked(fmt.Errorf("%w: the sound device stopped taking samples for %s", ErrNoSoundDevice, now.Sub(p.lastMove).Round(time.Second)), ev)
		p.lastMove = now
	}
	// A device is still to play what it has pulled (its buffer): the
	// sentence lights up when it is heard, not that much before.
	heard := pos
	if l, ok := p.out.(latencyOutput); ok && !p.silent {
		heard = max(p.heardFrom, pos-p.rate.N(l.Latency()))
	}
	p.setCueLocked(captions.CueAt(p.cues, p.dur(heard)), ev)
}

// endLocked: the track has played out.
func (p *Player) endLocked(ev *events) {
	p.out.Lock()
	p.tr.paused = true
	p.out.Unlock()
	p.setCueLocked(-1, ev)
	p.setStateLocked(Ended, ev)
	if f := p.OnEnded; f != nil {
		ev.add(f)
	}
	// The device still holds the last samples: suspend it once they are out.
	lat := time.Duration(0)
	if l, ok := p.out.(latencyOutput); ok {
		lat = l.Latency()
	}
	if lat <= 0 {
		_ = p.out.Suspend()
		return
	}
	p.drainGen++
	gen, out := p.drainGen, p.out
	p.clock.AfterFunc(lat, func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.drainGen == gen && p.out == out && p.state != Playing {
			_ = out.Suspend()
		}
	})
}

// fmtClock formats d as m:ss.
func fmtClock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func (p *Player) positionSamplesLocked() int {
	if p.tr == nil {
		return 0
	}
	p.out.Lock()
	defer p.out.Unlock()
	return p.tr.pos
}

// Position returns how far the track has played: the samples the output has
// pulled (exact on a device, where the speaker's buffer of a few hundred ms is
// still to be heard; at the clock's pace in silent mode). It is Duration once
// Ended, 0 when nothing is loaded.
func (p *Player) Position() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state == Ended {
		return p.dur(p.length)
	}
	return p.dur(p.positionSamplesLocked())
}

// Duration returns the length of the loaded track, 0 when none.
func (p *Player) Duration() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dur(p.length)
}

// State returns the current state.
func (p *Player) State() State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state
}

// Cues returns the captions of the loaded track, sorted by time (nil when
// none). The slice is shared: do not modify it.
func (p *Player) Cues() []captions.Cue {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cues
}

// Cue returns the index of the caption showing now, as last reported to
// OnCue (-1 for none).
func (p *Player) Cue() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cue
}

// CaptionsErr returns why the captions of the loaded track could not be
// read (nil when they were, or when none were asked for).
func (p *Player) CaptionsErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.capErr
}

// Damage returns what is wrong with the loaded recording though it plays:
// a cut Ogg file (wrapping *TruncatedError) plays the sound before the cut
// and ends there. nil for a whole recording. It names the file.
func (p *Player) Damage() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.damage
}

// Err returns why the state is Failed (nil otherwise). It names the file.
func (p *Player) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != Failed {
		return nil
	}
	return p.err
}

// Silent reports whether the Player is in silent mode: playing by the clock
// with captions only, because there is no usable sound device.
func (p *Player) Silent() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.silent
}

// DeviceErr returns why the sound device was given up (nil while it is in
// use, or when the Player was made without one).
func (p *Player) DeviceErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.deviceErr
}

// SetVolume sets the volume, v from 0 (mute) to 1 (full, the default),
// clamped. The scale is perceptual: v spans 40 dB, so 0.5 is −20 dB, which
// sounds about a quarter as loud; see effects.Volume.
func (p *Player) SetVolume(v float64) {
	if v != v { // NaN
		v = 1
	}
	v = min(max(v, 0), 1)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.volume = v
	if p.vol != nil {
		p.out.Lock()
		p.applyVolumeLocked()
		p.out.Unlock()
	}
}

// Volume returns the volume set by SetVolume (1 by default).
func (p *Player) Volume() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.volume
}

// volumeRange is the span of SetVolume's scale, in decibels.
const volumeRange = 40

// applyVolumeLocked sets the effect from p.volume; the output is locked (or
// the effect not yet playing).
func (p *Player) applyVolumeLocked() {
	p.vol.Silent = p.volume <= 0
	p.vol.Volume = volumeRange / 20 * (p.volume - 1) // Base 10: 10^(dB/20)
}

// dur converts samples of the track to time (0 when no track is loaded).
func (p *Player) dur(n int) time.Duration {
	if p.rate <= 0 {
		return 0
	}
	return p.rate.D(n)
}
