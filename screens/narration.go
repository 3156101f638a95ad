package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"trienlam/audio"
	"trienlam/audio/media"
	"trienlam/internal/exhibit"
	"trienlam/internal/kiosk"
)

// tickEvery is how often the position, highlight and captions follow the
// voice while it plays. Nothing ticks while nothing plays.
const tickEvery = 100 * time.Millisecond

// narrator plays chapters' narration with one audio.Player for the whole
// app, and tells the reader what is being said.
type narrator struct {
	e *Exhibit
	// player is the one playing now: native for the formats beep decodes,
	// helper (libmpv in its own process) for phone recordings.
	player media.Narrator
	native *audio.Player
	helper *media.NarrationPlayer
	// chapter is the index of the chapter whose narration is loaded, -1
	// for none.
	chapter int
	// startAt is where to start once the loaded track is ready, -1 for
	// the beginning.
	startAt time.Duration
	loadErr error
	stop    chan struct{}
	// manualTicks turns the ticker off: tests call tick themselves.
	manualTicks bool

	// onCue, onState and onProgress are set by the reader showing the
	// chapter; onEnded by the guided tour.
	onCue    func(i int)
	onState  func(audio.State)
	onEnded  func()
	onDevice func(err error)
	// onFailed is told, by the guided tour, that the loaded chapter's
	// narration cannot play (failure says why).
	onFailed func()
}

// newNarrator makes the narrator; the sound device is opened on the first
// Load, never at start-up, so an exhibit without narration never touches it.
func newNarrator(e *Exhibit, out audio.Output, clock audio.Clock) *narrator {
	n := &narrator{e: e, chapter: -1, startAt: -1}
	p := audio.NewPlayer(out, clock)
	p.Post = fyne.Do
	p.OnCue = func(i int) {
		if n.onCue != nil {
			n.onCue(i)
		}
	}
	p.OnState = n.stateChanged
	p.OnEnded = func() {
		if n.onEnded != nil {
			n.onEnded()
		}
	}
	p.OnDeviceLost = func(err error) {
		if n.onDevice != nil {
			n.onDevice(err)
		}
	}
	n.native, n.player = p, p
	return n
}

// playerFor returns the player for a narration file, making the media
// helper's on first need. The helper never starts for the built-in pack.
func (n *narrator) playerFor(path string) media.Narrator {
	if audio.IsNative(path) {
		return n.native
	}
	if n.helper == nil {
		e := n.e
		// A folder pack's files play in place; files in a zip are
		// copied out by the player and removed after.
		var resolve media.Resolver
		if e.packDir != "" {
			resolve = media.DirResolver(e.packDir)
		}
		h := media.NewNarrationPlayer(context.Background(), media.Options{}, resolve)
		h.Post = n.native.Post
		h.OnCue = n.native.OnCue
		h.OnState = n.native.OnState
		h.OnEnded = n.native.OnEnded
		n.helper = h
	}
	return n.helper
}

// shutdown ends the media helper, when one was started.
func (n *narrator) shutdown() {
	if n.helper != nil {
		n.helper.Shutdown()
	}
}

// hasNarration reports whether a chapter has a narration track.
func hasNarration(ch *exhibit.Chapter) bool { return ch.Narration != "" }

// load prepares chapter i's narration unless it is loaded already.
func (n *narrator) load(i int, onReady func(err error)) {
	if i == n.chapter && n.player.State() != audio.Idle && n.player.State() != audio.Failed {
		if onReady != nil {
			onReady(nil)
		}
		return
	}
	ch := n.e.pack.Chapters[i]
	if p := n.playerFor(ch.Narration); p != n.player {
		n.player.Close()
		n.player = p
	}
	n.chapter = i
	n.loadErr = nil
	n.player.Load(n.e.pack.FS, ch.Narration, ch.Captions, func(err error) {
		n.loadErr = err
		if d := n.player.Damage(); err == nil && d != nil {
			// A cut recording plays up to the cut: staff hear of it.
			n.e.noteProblem(audio.Problem(ch.Narration, d))
		}
		if err == nil && n.startAt > 0 {
			n.player.Seek(n.startAt)
		}
		n.startAt = -1
		if onReady != nil {
			onReady(err)
		}
	})
}

// play plays chapter i from at (or the start when at < 0).
func (n *narrator) play(i int, at time.Duration) {
	if i == n.chapter && n.player.State() >= audio.Ready && n.player.State() <= audio.Ended {
		if at >= 0 {
			n.player.Seek(at)
		}
		n.player.Play()
		return
	}
	n.startAt = at
	n.load(i, nil)
	n.player.Play() // starts as soon as the track is ready
}

// failure returns why the loaded chapter's narration cannot play: the
// load error or a failure while playing (both name the file); nil if none.
func (n *narrator) failure() error {
	if n.loadErr != nil {
		return n.loadErr
	}
	return n.player.Err()
}

// playFromBlock plays chapter i from the first sentence of block b or
// after it: "play from this paragraph".
func (n *narrator) playFromBlock(i, b int) {
	n.load(i, func(err error) {
		if err != nil {
			return
		}
		for _, c := range n.player.Cues() {
			if c.Block >= b {
				// A millisecond in, so that rounding to whole samples
				// cannot land in the end of the sentence before.
				n.player.Seek(c.Start + time.Millisecond)
				break
			}
		}
		n.player.Play()
	})
}

// stopAll stops playback and forgets the loaded chapter.
func (n *narrator) stopAll() {
	if n.player.State() == audio.Idle {
		return
	}
	n.player.Close()
	n.chapter = -1
}

// stateChanged runs the ticker only while playing: the position, the
// highlight and the captions follow the voice then, and nothing runs
// otherwise.
func (n *narrator) stateChanged(s audio.State) {
	if s == audio.Playing {
		n.startTicker()
	} else {
		n.stopTicker()
	}
	if n.onState != nil {
		n.onState(s)
	}
	if s == audio.Failed && n.onFailed != nil {
		n.onFailed()
	}
}

func (n *narrator) startTicker() {
	if n.stop != nil || n.manualTicks {
		return
	}
	n.stop = make(chan struct{})
	tickOnUI(tickEvery, n.stop, func() chan struct{} { return n.stop }, n.tick)
}

// tickOnUI calls f on the UI goroutine every interval until stop is
// closed. A tick already queued when the ticker is stopped or replaced is
// dropped: f runs only while current() still returns stop.
func tickOnUI(every time.Duration, stop chan struct{}, current func() chan struct{}, f func()) {
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() {
					if current() == stop {
						f()
					}
				})
			}
		}
	}()
}

// tick lets the player follow the clock and the reader follow the
// player: position, time and seek bar.
func (n *narrator) tick() {
	n.player.Tick()
	if n.player.State() != audio.Playing {
		return
	}
	if n.onState != nil {
		n.onState(audio.Playing)
	}
	// A kiosk visitor listening to a chapter or the guided tour touches
	// nothing for minutes: the narration counts as their presence, so the
	// idle countdown does not cut them off mid-sentence. Only in a
	// visitor's session — the attract loop's own voice must not wake it.
	if k := n.e.kiosk; k != nil && k.state == kiosk.Active {
		k.idle.Touch()
	}
}

func (n *narrator) stopTicker() {
	if n.stop != nil {
		close(n.stop)
		n.stop = nil
	}
}
