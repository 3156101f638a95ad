package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"trienlam/audio"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// A chapter whose narration file is damaged does not stop the guided tour
// (and with it the kiosk's attract loop): it runs silently on its
// captions, staff get a note in the problems list, and the tour goes on.
func TestTourGoesOnPastABrokenNarration(t *testing.T) {
	e, clock, _ := folderExhibit(t, func(dir string) {
		// Chapter 2's recording is damaged; chapter 3 has lost its
		// captions too.
		for _, f := range []string{"audio/02-chang-duong.ogg", "audio/03-thanh-tuu.ogg"} {
			if err := os.WriteFile(filepath.Join(dir, f), []byte("OggS hỏng"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.Remove(filepath.Join(dir, "audio/03-thanh-tuu.vtt")); err != nil {
			t.Fatal(err)
		}
	})
	e.startTour()
	waitState(t, e, audio.Playing)
	if e.reader.chapter != 0 {
		t.Fatalf("the tour starts at chapter %d", e.reader.chapter+1)
	}
	e.narrator().player.Seek(e.narrator().player.Duration() - time.Second)
	advance(e, clock, 2*time.Second)

	// Chapter 2 cannot play: it runs silently on its captions.
	waitState(t, e, audio.Failed)
	run(posted[e]) // the failure's callbacks
	if e.reader.chapter != 1 || e.silent == nil {
		t.Fatalf("after chapter 1: chapter %d, silent run %v", e.reader.chapter+1, e.silent != nil)
	}
	clock.Advance(20 * time.Second)
	b := e.reader.player
	if !b.captionsShown || renderedText(b.captionBox) == "" {
		t.Error("the silent chapter shows no captions")
	}
	if len(e.reader.view.Marks()) == 0 {
		t.Error("the silent chapter highlights no sentence")
	}
	if !b.notice.Visible() || !strings.Contains(b.notice.Text, "02-chang-duong.ogg") {
		t.Errorf("no note on the reader about the damaged file: %q", b.notice.Text)
	}
	found := false
	for _, p := range e.problems {
		if p.Kind == "narration-unplayable" && p.File == "audio/02-chang-duong.ogg" {
			found = true
		}
	}
	if !found {
		t.Errorf("the problems list has no note for staff: %v", e.problems)
	}

	// At the end of its captions the tour moves on to chapter 3, which
	// has neither sound nor captions: it stays for a reading time.
	for i := 0; i < 200 && e.reader.chapter == 1; i++ {
		clock.Advance(10 * time.Second)
	}
	waitState(t, e, audio.Failed)
	run(posted[e]) // the failure's callbacks
	if e.reader.chapter != 2 || e.silent == nil || e.silent.length != readingTime(e.pack.Chapters[2]) {
		t.Fatalf("after chapter 2: chapter %d, silent %+v", e.reader.chapter+1, e.silent)
	}
	clock.Advance(e.silent.length)
	waitState(t, e, audio.Playing)
	if e.reader.chapter != 3 || !e.touring {
		t.Errorf("after chapter 3: chapter %d, touring %v", e.reader.chapter+1, e.touring)
	}
	// Stopping the tour leaves no timer behind.
	e.stopTour()
	if e.silent != nil || clock.Pending() != 0 {
		t.Errorf("after stopTour: silent %v, %d timers", e.silent != nil, clock.Pending())
	}
}

// The screen is held on while kiosk mode runs and while the tour plays,
// and released when each ends, whatever the order.
func TestKioskAndTourKeepTheScreenOn(t *testing.T) {
	e, _, _ := kioskExhibit(t, "")
	held := map[string]int{}
	e.inhibit = func(reason string) func() {
		held[reason]++
		return func() { held[reason]-- }
	}
	// kioskExhibit started kiosk mode before the hook: start again.
	e.stopKiosk()
	e.startKiosk()
	if held["Chế độ kiosk"] != 1 {
		t.Fatalf("kiosk mode holds: %v", held)
	}
	e.startTour()
	if held["Thuyết minh tự động"] != 1 {
		t.Fatalf("the tour holds: %v", held)
	}
	e.stopTour()
	e.stopTour()
	if held["Thuyết minh tự động"] != 0 || held["Chế độ kiosk"] != 1 {
		t.Errorf("after the tour: %v", held)
	}
	e.stopKiosk()
	if held["Chế độ kiosk"] != 0 {
		t.Errorf("after kiosk mode: %v", held)
	}
}

// noInhibit stands in for nosleep.Inhibit in tests.
func noInhibit(string) func() { return func() {} }

// In the attract loop a damaged recording never stops the pictures or the
// voice: staff get a note, and after a pause the next chapter speaks.
// Each loop goes on where the last one stopped.
func TestAttractVoicePastABrokenNarration(t *testing.T) {
	e, clock, _ := folderExhibit(t, func(dir string) {
		if err := os.WriteFile(filepath.Join(dir, "audio/01-hoan-canh.ogg"), []byte("OggS hỏng"), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	e.startKiosk()
	t.Cleanup(func() {
		if e.kiosk != nil {
			e.kiosk.idle.Stop()
		}
	})
	clock.Advance(e.prefs.IdleAfter() + kioskWarnFor)
	a, ok := e.current.(*attractScreen)
	if !ok {
		t.Fatalf("the attract loop shows %T", e.current)
	}
	waitState(t, e, audio.Failed)
	run(posted[e])
	noted := false
	for _, p := range e.problems {
		noted = noted || (p.Kind == "narration-unplayable" && p.File == "audio/01-hoan-canh.ogg")
	}
	if !noted || a.voiceTimer == nil {
		t.Fatalf("after the failure: noted %v, retry pending %v", noted, a.voiceTimer != nil)
	}
	clock.Advance(attractVoiceRetry)
	waitState(t, e, audio.Playing)
	if e.narr.chapter != 1 || !a.running {
		t.Errorf("after the pause: chapter %d speaks, pictures running %v", e.narr.chapter+1, a.running)
	}
	// A visitor, then the next loop: chapter 3 speaks.
	e.kiosk.touched()
	clock.Advance(e.prefs.IdleAfter() + kioskWarnFor)
	waitState(t, e, audio.Playing)
	if e.narr.chapter != 2 {
		t.Errorf("the next loop speaks chapter %d, want 3", e.narr.chapter+1)
	}
	e.stopKiosk()
}

// The tour's picture panel takes a share of the window when laid out, never
// in the reader's minimum size: a window grows to its content's minimum,
// so a minimum that grows with the window fed on itself (the tour reached
// 1,344 px on a 1,024 px display under openbox).
func TestTourMinimumDoesNotGrowWithTheWindow(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 700)
	e.prefs.SetTextStep(exhibittheme.StepProjector)
	e.startTour()
	defer e.stopTour()
	if len(e.reader.pictures.holder.Objects) == 0 {
		t.Fatal("the tour shows no picture panel in chapter 1")
	}
	at1024 := e.win.Content().MinSize().Width
	e.win.Resize(fyne.NewSize(1600, 700))
	if at1600 := e.win.Content().MinSize().Width; at1600 != at1024 {
		t.Errorf("the tour asks for %.0f px in a 1,024 px window and %.0f px in a 1,600 px one", at1024, at1600)
	}
	if at1024 > 1024 {
		t.Errorf("the tour asks for %.0f px, more than the display", at1024)
	}
	if !e.reader.pictures.holder.Visible() || e.reader.pictures.holder.Size().Width < 300 {
		t.Errorf("at 1,600 px the picture panel is %.0f px wide", e.reader.pictures.holder.Size().Width)
	}
}

// In software OpenGL every change on screen redraws the whole window, so
// the guided tour changes it as seldom as it can: the player's clock,
// hidden during the tour, is not updated; the picture's slow pan moves
// every pictureStep, or on the tick a new sentence lights up (one frame
// for both); and the next picture replaces the last, caption and all,
// only once it is decoded.
func TestTourRedrawsOnlyWhatMoves(t *testing.T) {
	e, fake := silentExhibit(t)
	e.post = func(f func()) { posted[e] <- f }
	e.startTour()
	defer e.stopTour()
	waitState(t, e, audio.Playing)
	pics, n, b := e.reader.pictures, e.narrator(), e.reader.player
	waitUI(t, e, "the tour's first picture", func() bool { return pics.shown == 0 })
	clockShown := b.time.Text
	firstCaption := pics.caption.Text

	scale, lastMove := pics.zoom.Scale(), pics.moved
	moves, cueMoves := 0, 0
	for pos := n.player.Position(); pos < picturePeriod-200*time.Millisecond; pos = n.player.Position() {
		cue := n.player.Cue()
		fake.Advance(100 * time.Millisecond)
		n.tick()
		pos = n.player.Position()
		moved := pics.zoom.Scale() != scale
		newCue := n.player.Cue() != cue
		switch {
		case moved && !newCue && pos-lastMove < pictureStep:
			t.Errorf("at %v the picture moved %v after its last move, with no new sentence", pos, pos-lastMove)
		case newCue && !moved:
			t.Errorf("at %v a new sentence lit up but the picture waited for a frame of its own", pos)
		}
		if moved {
			moves++
			if newCue {
				cueMoves++
			}
			scale, lastMove = pics.zoom.Scale(), pos
		}
	}
	if want := int(picturePeriod/pictureStep) - 1; moves < want || cueMoves == 0 {
		t.Errorf("the picture moved %d times in its %v (%d with a new sentence), want at least %d and one with a sentence", moves, picturePeriod, cueMoves, want)
	}
	if b.time.Text != clockShown {
		t.Errorf("the hidden clock was updated during the tour: %q → %q", clockShown, b.time.Text)
	}

	// The next picture is due: the last one stays, caption and all, until
	// it is decoded.
	for n.player.Position() < picturePeriod {
		fake.Advance(100 * time.Millisecond)
		n.tick()
	}
	if pics.want != 1 || pics.shown != 0 || pics.caption.Text != firstCaption || pics.zoom.Scale() != scale {
		t.Errorf("while the next picture decodes: want %d shown %d, caption %q, scale %v→%v", pics.want, pics.shown, pics.caption.Text, scale, pics.zoom.Scale())
	}
	waitUI(t, e, "the tour's second picture", func() bool { return pics.shown == 1 })
	if pics.caption.Text == firstCaption || pics.zoom.Image() == nil {
		t.Errorf("the second picture shows caption %q, image %v", pics.caption.Text, pics.zoom.Image() != nil)
	}

	// Out of the tour the clock shows, and is right.
	e.touring = false
	b.refreshTour()
	if want := clock(n.player.Position()) + " / " + clock(n.player.Duration()); b.time.Text != want {
		t.Errorf("after the tour the clock shows %q, want %q", b.time.Text, want)
	}
}

// An illustration's caption says it is one once: in any language of the
// interface, however its tone marks are placed.
func TestIllustrationLabelledOnce(t *testing.T) {
	ill := &exhibit.Photo{Kind: exhibit.KindIllustration}
	photo := &exhibit.Photo{Kind: exhibit.KindPhoto}
	word := illustrationWord()
	for _, c := range []struct {
		p             *exhibit.Photo
		caption, want string
	}{
		{ill, "Sơ đồ đường Nam tiến.", "Sơ đồ đường Nam tiến. (" + word + ")"},
		{ill, "Minh hoạ: sơ đồ đường Nam tiến.", "Minh hoạ: sơ đồ đường Nam tiến."},
		{ill, "Minh họa: sơ đồ đường Nam tiến.", "Minh họa: sơ đồ đường Nam tiến."},
		{ill, "MINH HOẠ — biểu đồ", "MINH HOẠ — biểu đồ"},
		{ill, "An illustration of the route.", "An illustration of the route."},
		{photo, "Lễ kỷ niệm năm 2023.", "Lễ kỷ niệm năm 2023."},
	} {
		if got := labelIllustration(c.p, c.caption); got != c.want {
			t.Errorf("%q: %q, want %q", c.caption, got, c.want)
		}
	}
}
