package screens

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trienlam/audio"
	"trienlam/screens/exhibittheme"
)

// silentExhibit opens the built-in pack with narration played silently at
// the pace of a fake clock, so tests decide when time passes.
func silentExhibit(t *testing.T) (*Exhibit, *audio.FakeClock) {
	t.Helper()
	a := test.NewTempApp(t)
	e := openIn(t, a, 1280, 720)
	return e, silence(t, e)
}

// silence makes e play narration silently at the pace of a fake clock,
// which it returns. Everything runs on the test goroutine: the background
// load posts its callbacks to a queue that waitState drains, and there is
// no ticker (advance ticks).
func silence(t *testing.T, e *Exhibit) *audio.FakeClock {
	clock := audio.NewFakeClock(time.Date(2023, 9, 22, 8, 0, 0, 0, time.UTC))
	e.clock = clock
	e.newOutput = func() audio.Output { return audio.SilentOutput(clock) }
	n := e.narrator()
	n.manualTicks = true
	queue := make(chan func(), 64)
	n.native.Post = func(f func()) { queue <- f }
	// Work posted from the test goroutine (a fake-clock timer) runs at
	// once; work posted from a background goroutine (a decoded picture)
	// waits in the queue, so that widgets are only touched on the test
	// goroutine: Fyne's text shaper is not safe for concurrent use.
	testG := goroutineID()
	e.post = func(f func()) {
		if goroutineID() == testG {
			f()
			return
		}
		queue <- f
	}
	posted[e] = queue
	t.Cleanup(func() {
		n.player.Close()
		delete(posted, e)
	})
	return clock
}

// goroutineID returns the number Go gives the calling goroutine in stack
// traces ("goroutine 7 [running]").
func goroutineID() string {
	var b [64]byte
	f := strings.Fields(string(b[:runtime.Stack(b[:], false)]))
	if len(f) < 2 {
		return ""
	}
	return f[1]
}

// posted holds each test exhibit's queue of callbacks from the player's
// background loads.
var posted = map[*Exhibit]chan func(){}

// waitState waits for the player to reach a state; loading decodes in the
// background. The wait is bounded, and is not a timing assertion.
func waitState(t *testing.T, e *Exhibit, want audio.State) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for e.narrator().player.State() != want {
		select {
		case f := <-posted[e]:
			f()
		case <-deadline:
			t.Fatalf("player state %v, want %v (err %v)", e.narrator().player.State(), want, e.narrator().player.Err())
		}
	}
}

// waitUI runs the work the player posts to the UI until ok holds: the
// player's state changes on its own goroutine before the screen hears of
// it, so a test that saw the state must still wait for the screen.
func waitUI(t *testing.T, e *Exhibit, what string, ok func() bool) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for !ok() {
		select {
		case f := <-posted[e]:
			f()
		case <-deadline:
			t.Fatalf("waited 20 s for %s", what)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// advance moves the fake clock on and lets the player notice, as the UI
// ticker would.
func advance(e *Exhibit, clock *audio.FakeClock, d time.Duration) {
	for step := time.Duration(0); step < d; step += 500 * time.Millisecond {
		clock.Advance(500 * time.Millisecond)
		e.narrator().tick()
	}
}

func TestNarrationHighlightsAndCaptionsTheSpokenSentence(t *testing.T) {
	e, clock := silentExhibit(t)
	e.openChapter(0, -1, nil)
	r := e.reader
	key(e, fyne.KeyP)
	waitState(t, e, audio.Playing)
	advance(e, clock, 60*time.Second)

	p := e.narrator().player
	i := p.Cue()
	if i <= 0 {
		t.Fatalf("after a minute the cue is %d", i)
	}
	c := p.Cues()[i]
	marks := r.view.Marks()[c.Block]
	if len(marks) != 1 || marks[0] != [2]int{c.From, c.To} {
		t.Fatalf("highlight %v, want block %d [%d,%d)", r.view.Marks(), c.Block, c.From, c.To)
	}
	if got := r.ch().Blocks[c.Block].Text()[c.From:c.To]; got != c.Text {
		t.Errorf("highlighted %q but the voice says %q", got, c.Text)
	}
	caption := renderedText(r.player.captions)
	if !r.player.captions.Visible() || !strings.Contains(strings.Join(strings.Fields(caption), " "), strings.Fields(c.Text)[0]) {
		t.Errorf("captions bar shows %q, want the sentence %q", caption, c.Text)
	}
	if !strings.Contains(caption, "Giọng đọc tổng hợp (espeak-ng)") {
		t.Errorf("the synthetic voice is not credited while it speaks: %q", caption)
	}
	// The spoken sentence is on screen.
	top := r.view.BlockTop(c.Block)
	if top < r.scroll.Offset.Y || top > r.scroll.Offset.Y+r.scroll.Size().Height {
		t.Errorf("spoken block at y=%v, view shows %v–%v", top, r.scroll.Offset.Y, r.scroll.Offset.Y+r.scroll.Size().Height)
	}
	if got := r.player.time.Text; !strings.HasPrefix(got, "1:00 / ") {
		t.Errorf("time label %q, want 1:00 / …", got)
	}

	// Pause stops time; P again continues.
	key(e, fyne.KeyP)
	if p.State() != audio.Paused {
		t.Fatalf("P while playing: %v", p.State())
	}
	pos := p.Position()
	advance(e, clock, 5*time.Second)
	if p.Position() != pos {
		t.Errorf("paused position moved %v → %v", pos, p.Position())
	}
	// Back 10 s.
	r.player.back.OnTapped()
	if got := p.Position(); got != pos-10*time.Second {
		t.Errorf("back 10 s: %v, want %v", got, pos-10*time.Second)
	}

	// Changing chapter stops the narration.
	key(e, fyne.KeyRight)
	if p.State() != audio.Idle {
		t.Errorf("after changing chapter the player is %v", p.State())
	}
}

func TestPlayFromThisParagraph(t *testing.T) {
	e, _ := silentExhibit(t)
	e.openChapter(0, -1, nil)
	r := e.reader
	r.scrollToBlock(10)
	top := r.topBlock()
	r.player.here.OnTapped()
	waitState(t, e, audio.Playing)
	p := e.narrator().player
	c := p.Cues()[p.Cue()]
	if c.Block != top {
		t.Errorf("“read from this paragraph” started at block %d, want the paragraph on screen, %d", c.Block, top)
	}
}

func TestGuidedTourAdvancesByItself(t *testing.T) {
	e, clock := silentExhibit(t)
	e.startTour()
	waitState(t, e, audio.Playing)
	if e.reader.chapter != 0 || !e.touring {
		t.Fatalf("tour started at chapter %d (touring %v)", e.reader.chapter, e.touring)
	}
	if !e.reader.player.tourBox.Visible() {
		t.Error("the tour bar is not shown")
	}
	p := e.narrator().player
	p.Seek(p.Duration() - time.Second)
	advance(e, clock, 3*time.Second)
	waitState(t, e, audio.Playing)
	if e.reader.chapter != 1 {
		t.Fatalf("after chapter 1 ended the tour is at chapter %d", e.reader.chapter+1)
	}
	if e.narrator().chapter != 1 {
		t.Errorf("the narration loaded is chapter %d's", e.narrator().chapter+1)
	}
	// Skip, then stop.
	e.reader.player.tourSkip.OnTapped()
	if e.reader.chapter != 2 {
		t.Errorf("skip: chapter %d", e.reader.chapter+1)
	}
	key(e, fyne.KeyEscape)
	if e.touring || p.State() == audio.Playing {
		t.Errorf("Esc should stop the tour: touring %v, player %v", e.touring, p.State())
	}
}

func TestTourEndsAtHomeOrLoops(t *testing.T) {
	for _, loop := range []bool{false, true} {
		e, clock := silentExhibit(t)
		e.prefs.SetTourLoop(loop)
		e.startTour()
		waitState(t, e, audio.Playing)
		last := len(e.pack.Chapters) - 1
		e.reader.step(last) // jump to the last chapter within the tour
		waitState(t, e, audio.Playing)
		p := e.narrator().player
		p.Seek(p.Duration() - time.Second)
		advance(e, clock, 3*time.Second)
		if loop {
			waitState(t, e, audio.Playing)
			if e.reader.chapter != 0 || !e.touring {
				t.Errorf("loop: after the last chapter the tour is at %d (touring %v)", e.reader.chapter+1, e.touring)
			}
		} else {
			if _, ok := e.current.(*homeScreen); !ok || e.touring {
				t.Errorf("no loop: after the last chapter, screen %T, touring %v", e.current, e.touring)
			}
		}
	}
}

// The large captions stand under the text where there is room; on a
// 1024×768 projector at the Projector text size they give way, and the
// chapter's text — the spoken sentence highlighted in it — keeps several
// lines instead of one.
func TestCaptionsGiveWayOnAShortScreen(t *testing.T) {
	for _, c := range []struct {
		w, h  float32
		step  exhibittheme.Step
		shown bool
	}{
		{1280, 720, exhibittheme.StepDesk, true},
		{1024, 700, exhibittheme.StepProjector, false},
	} {
		e, clock := silentExhibit(t)
		e.win.Resize(fyne.NewSize(c.w, c.h))
		e.prefs.SetTextStep(c.step)
		e.openChapter(0, -1, nil)
		r := e.reader
		key(e, fyne.KeyP)
		waitState(t, e, audio.Playing)
		advance(e, clock, 30*time.Second)
		e.win.Content().Refresh()
		if !r.player.captions.Visible() {
			t.Fatalf("%.0f×%.0f: no caption while the narration plays", c.w, c.h)
		}
		if got := r.captionSlot.Visible() && r.captionSlot.Size().Height > 0; got != c.shown {
			t.Errorf("%.0f×%.0f, text step %d: captions band shown %v, want %v", c.w, c.h, c.step, got, c.shown)
		}
		if h := r.scroll.Size().Height; h < theme.TextSize()*6 {
			t.Errorf("%.0f×%.0f, text step %d: the chapter's text has %.0f px", c.w, c.h, c.step, h)
		}
		if got := e.win.Content().MinSize().Height; got > c.h {
			t.Errorf("%.0f×%.0f: the reader asks for %.0f px", c.w, c.h, got)
		}
	}
}
