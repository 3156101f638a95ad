package media

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"trienlam/audio"
	"trienlam/audio/captions"
	"trienlam/audio/media/proto"
)

// loadTimeout bounds the wait for the helper to open a file.
const loadTimeout = 20 * time.Second

// NarrationPlayer plays a chapter's narration in a format the built-in
// player cannot decode (m4a, AAC, Opus, WMA …) through the media helper,
// with the surface of audio.Player: the same states (audio.State), the same
// methods and callbacks, and captions read with captions.ReadFile, so cues
// and the highlight behave exactly as with built-in narration.
//
// Differences: the helper reports the position about four times a second
// and the Player interpolates between reports with the clock, so Tick (10
// times a second) moves the highlight smoothly; changes that come from the
// helper (ready, the end of the track, a failure) are delivered through
// Post, as Load's are. If the helper crashes, the state becomes Failed with
// an error wrapping ErrHelperCrashed; Play then starts a new helper and goes
// on from where the voice was. Silent and DeviceErr exist for the same
// surface: the helper handles its own sound device.
type NarrationPlayer struct {
	// OnCue, OnState, OnEnded and Post are as in audio.Player; set them
	// before the first Load.
	OnCue   func(i int)
	OnState func(audio.State)
	OnEnded func()
	// OnDeviceLost is never called (the helper owns the sound device); it
	// is here so code written for audio.Player compiles unchanged.
	OnDeviceLost func(err error)
	Post         func(f func())

	ctx     context.Context
	opt     Options
	resolve Resolver

	startMu sync.Mutex // one helper start at a time
	loadMu  sync.Mutex // orders the helper loads of overlapping Loads

	mu       sync.Mutex
	client   *Client
	gen      int
	state    audio.State
	err      error
	fsys     fs.FS
	path     string
	capPath  string
	id       int64 // the helper's ID of the loaded file
	ctlSeq   int64 // Seq of the last command that changes the state
	waiting  chan Event
	cleanup  func()
	dur      time.Duration
	pos      time.Duration
	posAt    time.Time // when pos was true (while Playing)
	cues     []captions.Cue
	capErr   error
	cue      int
	volume   float64
	autoplay bool
	resumeAt time.Duration // where a crashed helper left the voice
	now      func() time.Time
}

// NewNarrationPlayer returns an Idle player. The helper is started (with
// opt) on the first Load, and killed when ctx is done. resolve gives the
// path on disk of a file of the pack (DirResolver for a folder pack); when
// it is nil or resolves nothing, files are copied out of the pack to
// temporary files, which are removed on the next Load or Close.
func NewNarrationPlayer(ctx context.Context, opt Options, resolve Resolver) *NarrationPlayer {
	if ctx == nil {
		ctx = context.Background()
	}
	return &NarrationPlayer{ctx: ctx, opt: opt, resolve: resolve, cue: -1, volume: 1, now: time.Now}
}

type callbacks []func()

func (cb *callbacks) add(f func()) { *cb = append(*cb, f) }

func (cb callbacks) fire() {
	for _, f := range cb {
		f()
	}
}

// post runs callbacks that arise off the caller's goroutine.
func (p *NarrationPlayer) post(cb callbacks) {
	if len(cb) == 0 {
		return
	}
	if p.Post != nil {
		p.Post(cb.fire)
	} else {
		cb.fire()
	}
}

func (p *NarrationPlayer) setStateLocked(s audio.State, cb *callbacks) {
	if p.state == s {
		return
	}
	p.state = s
	if f := p.OnState; f != nil {
		cb.add(func() { f(s) })
	}
}

func (p *NarrationPlayer) setCueLocked(i int, cb *callbacks) {
	if p.cue == i {
		return
	}
	p.cue = i
	if f := p.OnCue; f != nil {
		cb.add(func() { f(i) })
	}
}

// Load stops the current track and loads audioPath with the WebVTT captions
// captionsPath ("" for none) from fsys, in the background: the state is
// Loading until the helper has opened the file, then Ready (or Failed), and
// onReady is called (through Post) with nil or the error. Errors wrap
// ErrHelperMissing or ErrLibMPVMissing when the helper cannot run (see
// Explain), or a *HelperError for a file mpv cannot play. Bad captions do
// not fail the load: see CaptionsErr. Play during Loading starts playback
// once ready. A superseded Load never calls its onReady.
func (p *NarrationPlayer) Load(fsys fs.FS, audioPath, captionsPath string, onReady func(err error)) {
	var cb callbacks
	p.mu.Lock()
	p.unloadLocked(&cb)
	p.gen++
	gen := p.gen
	p.fsys, p.path, p.capPath = fsys, audioPath, captionsPath
	p.setStateLocked(audio.Loading, &cb)
	p.mu.Unlock()
	cb.fire()
	go p.load(gen, fsys, audioPath, captionsPath, 0, onReady)
}

// unloadLocked stops the helper's track and forgets it.
func (p *NarrationPlayer) unloadLocked(cb *callbacks) {
	if p.client != nil && p.id != 0 {
		_ = p.client.Stop()
	}
	if p.cleanup != nil {
		p.cleanup()
		p.cleanup = nil
	}
	p.id, p.waiting = 0, nil
	p.dur, p.pos = 0, 0
	p.cues, p.capErr, p.err = nil, nil, nil
	p.autoplay = false
	p.resumeAt = 0
	p.setCueLocked(-1, cb)
}

func (p *NarrationPlayer) load(gen int, fsys fs.FS, audioPath, captionsPath string, startAt time.Duration, onReady func(error)) {
	var cues []captions.Cue
	var capErr error
	if captionsPath != "" {
		cues, capErr = captions.ReadFile(fsys, captionsPath)
	}
	real, cleanup, err := localFile(fsys, p.resolve, audioPath)
	var ev Event
	if err == nil {
		ev, err = p.openInHelper(gen, real, startAt)
	}
	if err != nil && !errors.Is(err, errSuperseded) {
		err = fmt.Errorf("%s: %w", audioPath, err)
	}

	var cb callbacks
	p.mu.Lock()
	if p.gen != gen || errors.Is(err, errSuperseded) {
		p.mu.Unlock()
		if cleanup != nil {
			cleanup()
		}
		return
	}
	p.waiting = nil
	p.cleanup = cleanup
	if err != nil {
		p.err = err
		p.setStateLocked(audio.Failed, &cb)
	} else {
		p.dur = ev.Duration
		p.pos = min(startAt, p.dur)
		p.cues, p.capErr = cues, capErr
		p.cue = -1
		p.setStateLocked(audio.Ready, &cb)
		if startAt > 0 {
			p.setStateLocked(audio.Paused, &cb)
			p.setCueLocked(captions.CueAt(p.cues, p.pos), &cb)
		}
	}
	if onReady != nil {
		cb.add(func() { onReady(err) })
	}
	if p.autoplay && err == nil {
		p.playLocked(&cb)
	}
	p.autoplay = false
	p.mu.Unlock()
	p.post(cb)
}

var errSuperseded = errors.New("superseded")

// openInHelper loads the file into the helper (starting one if needed) and
// waits for it to be ready.
func (p *NarrationPlayer) openInHelper(gen int, real string, startAt time.Duration) (Event, error) {
	c, err := p.ensureClient()
	if err != nil {
		return Event{}, err
	}
	ch := make(chan Event, 1)
	p.loadMu.Lock()
	p.mu.Lock()
	if p.gen != gen {
		p.mu.Unlock()
		p.loadMu.Unlock()
		return Event{}, errSuperseded
	}
	p.waiting = ch
	id, err := c.send(proto.Command{Cmd: proto.CmdLoad, Path: real, Paused: true, Start: startAt.Seconds()},
		func(seq int64) { c.current, c.lastSeek = seq, seq })
	p.id, p.ctlSeq = id, id
	p.mu.Unlock()
	p.loadMu.Unlock()
	if err != nil {
		return Event{}, err
	}
	t := time.NewTimer(loadTimeout)
	defer t.Stop()
	select {
	case ev := <-ch:
		if ev.Kind == Ready {
			return ev, nil
		}
		return Event{}, ev.Err
	case <-t.C:
		return Event{}, fmt.Errorf("the media helper did not open the file within %s", loadTimeout)
	}
}

// ensureClient returns the running helper, starting one if there is none
// or it has died.
func (p *NarrationPlayer) ensureClient() (*Client, error) {
	p.startMu.Lock()
	defer p.startMu.Unlock()
	p.mu.Lock()
	c := p.client
	vol := p.volume
	p.mu.Unlock()
	if c != nil && c.Alive() {
		return c, nil
	}
	c, err := StartWith(p.ctx, p.opt)
	if err != nil {
		return nil, err
	}
	_ = c.SetVolume(vol * 100)
	p.mu.Lock()
	p.client = c
	p.mu.Unlock()
	go p.watch(c)
	return c, nil
}

// watch follows a helper's events until it exits.
func (p *NarrationPlayer) watch(c *Client) {
	for ev := range c.Events() {
		p.handle(c, ev)
	}
}

func (p *NarrationPlayer) handle(c *Client, ev Event) {
	var cb callbacks
	p.mu.Lock()
	defer func() {
		p.mu.Unlock()
		p.post(cb)
	}()
	if c != p.client {
		return
	}
	if ev.Kind == Crashed {
		p.client = nil
		if p.waiting != nil {
			p.waiting <- ev
			p.waiting = nil
			return
		}
		switch p.state {
		case audio.Ready, audio.Playing, audio.Paused, audio.Ended:
			p.resumeAt = p.positionLocked()
			p.err = ev.Err
			p.setCueLocked(-1, &cb)
			p.setStateLocked(audio.Failed, &cb)
		}
		return
	}
	if ev.ID != p.id || p.id == 0 {
		return
	}
	if p.waiting != nil {
		if ev.Kind == Ready || ev.Kind == Error {
			p.waiting <- ev
			p.waiting = nil
		}
		return
	}
	stale := ev.Seq < p.ctlSeq
	switch ev.Kind {
	case Position:
		if p.state == audio.Playing && !stale {
			p.pos, p.posAt = min(ev.Position, p.dur), p.now()
		}
	case Paused:
		if !stale && (p.state == audio.Playing || p.state == audio.Paused) {
			p.pos = min(ev.Position, p.dur)
			p.setStateLocked(audio.Paused, &cb)
		}
	case Playing:
		if !stale && (p.state == audio.Playing || p.state == audio.Paused) {
			p.posAt = p.now() // it starts now
			p.setStateLocked(audio.Playing, &cb)
		}
	case Ended:
		if !stale && p.state == audio.Playing {
			p.pos = p.dur
			p.setCueLocked(-1, &cb)
			p.setStateLocked(audio.Ended, &cb)
			if f := p.OnEnded; f != nil {
				cb.add(f)
			}
		}
	case Error:
		var he *HelperError
		if errors.As(ev.Err, &he) && he.Code != proto.CodeLoad {
			return // a command mpv refused; the track plays on
		}
		p.err = fmt.Errorf("%s: %w", p.path, ev.Err)
		p.setCueLocked(-1, &cb)
		p.setStateLocked(audio.Failed, &cb)
	}
}

// control sends a play, pause or seek command and records it as the newest
// state change.
func (p *NarrationPlayer) controlLocked(cmd proto.Command) {
	if p.client == nil {
		return
	}
	var update func(int64)
	c := p.client
	if cmd.Cmd == proto.CmdSeek {
		update = func(seq int64) { c.lastSeek = seq }
	}
	if seq, err := c.send(cmd, update); err == nil {
		p.ctlSeq = seq
	}
}

// Close stops playback, forgets the track (removing a temporary copy) and
// returns to Idle. The helper keeps running for the next track; Shutdown
// ends it.
func (p *NarrationPlayer) Close() {
	var cb callbacks
	p.mu.Lock()
	p.unloadLocked(&cb)
	p.gen++
	p.path = ""
	p.setStateLocked(audio.Idle, &cb)
	p.mu.Unlock()
	cb.fire()
}

// Shutdown closes the player and ends the helper.
func (p *NarrationPlayer) Shutdown() {
	p.Close()
	p.mu.Lock()
	c := p.client
	p.client = nil
	p.mu.Unlock()
	if c != nil {
		_ = c.Close()
	}
}

// Play starts or resumes playback: from Ready or Paused at Position, from
// Ended at the start; during Loading, as soon as the track is ready. After a
// helper crash (Failed, Err wrapping ErrHelperCrashed) it starts a new
// helper and goes on from where the voice stopped.
func (p *NarrationPlayer) Play() {
	var cb callbacks
	p.mu.Lock()
	if p.state == audio.Failed && errors.Is(p.err, ErrHelperCrashed) && p.path != "" {
		at := p.resumeAt
		fsys, audioPath, capPath := p.fsys, p.path, p.capPath
		p.unloadLocked(&cb)
		p.gen++
		gen := p.gen
		p.fsys, p.path, p.capPath = fsys, audioPath, capPath
		p.autoplay = true
		p.setStateLocked(audio.Loading, &cb)
		p.mu.Unlock()
		cb.fire()
		go p.load(gen, fsys, audioPath, capPath, at, nil)
		return
	}
	p.playLocked(&cb)
	p.mu.Unlock()
	cb.fire()
}

func (p *NarrationPlayer) playLocked(cb *callbacks) {
	switch p.state {
	case audio.Loading:
		p.autoplay = true
		return
	case audio.Ready, audio.Paused, audio.Ended:
	default:
		return
	}
	if p.state == audio.Ended || p.pos >= p.dur {
		p.pos = 0
		p.controlLocked(proto.Command{Cmd: proto.CmdSeek, Seconds: 0})
	}
	p.controlLocked(proto.Command{Cmd: proto.CmdPlay})
	p.posAt = p.now()
	p.setStateLocked(audio.Playing, cb)
	p.setCueLocked(captions.CueAt(p.cues, p.pos), cb)
}

// Pause pauses playback at Position. It does nothing unless Playing.
func (p *NarrationPlayer) Pause() {
	var cb callbacks
	p.mu.Lock()
	if p.state == audio.Playing {
		p.pos = p.positionLocked()
		p.controlLocked(proto.Command{Cmd: proto.CmdPause})
		p.setStateLocked(audio.Paused, &cb)
	}
	p.mu.Unlock()
	cb.fire()
}

// Toggle plays when not playing, pauses when playing.
func (p *NarrationPlayer) Toggle() {
	p.mu.Lock()
	playing := p.state == audio.Playing
	p.mu.Unlock()
	if playing {
		p.Pause()
	} else {
		p.Play()
	}
}

// Stop stops and rewinds: a loaded track goes back to Ready at 0, its
// caption cleared.
func (p *NarrationPlayer) Stop() {
	var cb callbacks
	p.mu.Lock()
	switch p.state {
	case audio.Playing, audio.Paused, audio.Ended, audio.Ready:
		p.controlLocked(proto.Command{Cmd: proto.CmdPause})
		p.controlLocked(proto.Command{Cmd: proto.CmdSeek, Seconds: 0})
		p.pos = 0
		p.setStateLocked(audio.Ready, &cb)
		p.setCueLocked(-1, &cb)
	case audio.Loading:
		p.autoplay = false
	}
	p.mu.Unlock()
	cb.fire()
}

// Seek moves to d, clamped to [0, Duration]. From Ready or Ended the state
// becomes Paused; while Playing, playback goes on from there.
func (p *NarrationPlayer) Seek(d time.Duration) {
	var cb callbacks
	p.mu.Lock()
	p.seekLocked(d, &cb)
	p.mu.Unlock()
	cb.fire()
}

// SkipBy moves by d from the current position, clamped; see Seek.
func (p *NarrationPlayer) SkipBy(d time.Duration) {
	var cb callbacks
	p.mu.Lock()
	p.seekLocked(p.positionLocked()+d, &cb)
	p.mu.Unlock()
	cb.fire()
}

func (p *NarrationPlayer) seekLocked(d time.Duration, cb *callbacks) {
	switch p.state {
	case audio.Ready, audio.Playing, audio.Paused, audio.Ended:
	default:
		return
	}
	d = min(max(d, 0), p.dur)
	p.controlLocked(proto.Command{Cmd: proto.CmdSeek, Seconds: d.Seconds()})
	p.pos, p.posAt = d, p.now()
	if p.state == audio.Ready || p.state == audio.Ended {
		p.setStateLocked(audio.Paused, cb)
	}
	p.setCueLocked(captions.CueAt(p.cues, d), cb)
}

// Tick moves the caption along while Playing: it fires OnCue when the
// caption changes. The end of the track comes from the helper (OnEnded,
// through Post).
func (p *NarrationPlayer) Tick() {
	var cb callbacks
	p.mu.Lock()
	if p.state == audio.Playing {
		p.setCueLocked(captions.CueAt(p.cues, p.positionLocked()), &cb)
	}
	p.mu.Unlock()
	cb.fire()
}

// positionLocked is the position now: the last report plus the time since,
// while playing.
func (p *NarrationPlayer) positionLocked() time.Duration {
	switch p.state {
	case audio.Playing:
		return min(p.pos+p.now().Sub(p.posAt), p.dur)
	case audio.Ended:
		return p.dur
	}
	return p.pos
}

// Position returns how far the track has played.
func (p *NarrationPlayer) Position() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.positionLocked()
}

// Duration returns the length of the loaded track, 0 when none.
func (p *NarrationPlayer) Duration() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dur
}

// State returns the current state.
func (p *NarrationPlayer) State() audio.State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state
}

// Cues returns the captions of the loaded track (shared: do not modify).
func (p *NarrationPlayer) Cues() []captions.Cue {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cues
}

// Cue returns the index of the caption showing, as last reported to OnCue.
func (p *NarrationPlayer) Cue() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cue
}

// CaptionsErr returns why the captions could not be read (nil if they were
// or none were asked for).
func (p *NarrationPlayer) CaptionsErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.capErr
}

// Damage is nil: mpv plays whatever of a file it can, and says nothing of
// what is missing (validate does).
func (p *NarrationPlayer) Damage() error { return nil }

// Err returns why the state is Failed (nil otherwise).
func (p *NarrationPlayer) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != audio.Failed {
		return nil
	}
	return p.err
}

// Silent is always false: the helper plays on its own sound device.
func (p *NarrationPlayer) Silent() bool { return false }

// DeviceErr is always nil; see Silent.
func (p *NarrationPlayer) DeviceErr() error { return nil }

// SetVolume sets the volume from 0 to 1 (clamped), on mpv's scale.
func (p *NarrationPlayer) SetVolume(v float64) {
	if v != v {
		v = 1
	}
	v = min(max(v, 0), 1)
	p.mu.Lock()
	p.volume = v
	c := p.client
	p.mu.Unlock()
	if c != nil {
		_ = c.SetVolume(v * 100)
	}
}

// Volume returns the volume set by SetVolume (1 by default).
func (p *NarrationPlayer) Volume() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.volume
}

// Narrator is the surface the reader uses of a narration player; both
// *audio.Player and *NarrationPlayer have it. (The callbacks OnCue, OnState,
// OnEnded, OnDeviceLost and Post are fields of both.)
type Narrator interface {
	Load(fsys fs.FS, audioPath, captionsPath string, onReady func(err error))
	Play()
	Pause()
	Toggle()
	Stop()
	Seek(d time.Duration)
	SkipBy(d time.Duration)
	Tick()
	Close()
	Position() time.Duration
	Duration() time.Duration
	State() audio.State
	Cues() []captions.Cue
	Cue() int
	CaptionsErr() error
	Damage() error
	Err() error
	Silent() bool
	DeviceErr() error
	SetVolume(v float64)
	Volume() float64
}

var (
	_ Narrator = (*audio.Player)(nil)
	_ Narrator = (*NarrationPlayer)(nil)
)
