package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/internal/slides"
	"trienlam/screens/slideview"
)

func TestPresenterConsoleAndAudience(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.now = func() time.Time { return time.Date(2023, 9, 22, 8, 30, 0, 0, time.Local) }
	e.secondScreen = func() bool { return true }
	key(e, fyne.KeyF5)
	p := e.presenting
	if p == nil || e.current != p {
		t.Fatalf("F5 should start presenter mode, at %T", e.current)
	}
	if p.audience == nil {
		t.Fatal("with a second screen the audience gets its own window")
	}
	p.audience.Resize(fyne.NewSize(1280, 720))
	if p.deck[0].Kind != slides.Title {
		t.Fatalf("the first slide is %v, want the title", p.deck[0].Kind)
	}
	// Clicker next twice, then "1", "0", Enter jumps to slide 10.
	key(e, fyne.KeyPageDown)
	key(e, fyne.KeyRight)
	if p.at != 2 {
		t.Errorf("two nexts: slide %d", p.at+1)
	}
	key(e, fyne.Key1)
	key(e, fyne.Key0)
	key(e, fyne.KeyReturn)
	if p.at != 9 {
		t.Errorf("10 Enter: slide %d", p.at+1)
	}
	if p.audView.Slide() != p.deck[9] || p.current.Slide() != p.deck[9] || p.next.Slide() != p.deck[10] {
		t.Error("audience, current and next views disagree with the deck")
	}
	if !strings.Contains(p.notes.Text, strings.Fields(p.deck[9].Notes)[0]) {
		t.Errorf("notes show %q", p.notes.Text)
	}
	test.AssertImageMatches(t, "presenter_console.png", e.win.Canvas().Capture())
	test.AssertImageMatches(t, "presenter_audience.png", p.audience.Canvas().Capture())

	key(e, fyne.KeyB)
	if p.blank != slideview.Black {
		t.Error("B should black the screen")
	}
	test.AssertImageMatches(t, "presenter_audience_black.png", p.audience.Canvas().Capture())
	key(e, fyne.KeyB)
	key(e, fyne.KeyW)
	if p.blank != slideview.White {
		t.Error("W should white the screen")
	}
	key(e, fyne.KeyPageDown) // moving on shows the slide again
	if p.blank != slideview.NotBlank || p.at != 10 {
		t.Errorf("next after W: blank %v, slide %d", p.blank, p.at+1)
	}
	key(e, fyne.KeyEnd)
	if p.at != len(p.deck)-1 {
		t.Errorf("End: slide %d of %d", p.at+1, len(p.deck))
	}
	key(e, fyne.KeyHome)
	if p.at != 0 {
		t.Errorf("Home: slide %d", p.at+1)
	}
	key(e, fyne.KeyEscape)
	if e.presenting != nil || p.audience != nil {
		t.Error("Esc should end presenter mode and close the audience window")
	}
	if _, ok := e.current.(*homeScreen); !ok {
		t.Errorf("after presenting: %T, want home", e.current)
	}
}

func TestPresenterOneScreen(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.now = func() time.Time { return time.Date(2023, 9, 22, 8, 30, 0, 0, time.Local) }
	e.secondScreen = func() bool { return false }
	e.startPresenter()
	p := e.presenting
	if p.audience != nil || !p.single {
		t.Fatal("with one screen the main window shows the slides")
	}
	if !e.win.FullScreen() {
		t.Error("one-screen presenting should go full screen")
	}
	key(e, fyne.KeyPageDown)
	if !strings.Contains(p.overlayText.Text, "Trang 2/") {
		t.Errorf("overlay %q", p.overlayText.Text)
	}
	test.AssertImageMatches(t, "presenter_single.png", e.win.Canvas().Capture())
	key(e, fyne.KeyH)
	if p.overlay.Visible() {
		t.Error("H should hide the presenter's overlay")
	}
	key(e, fyne.KeyEscape)
	if e.win.FullScreen() {
		t.Error("leaving presenter mode restores the window")
	}
}
