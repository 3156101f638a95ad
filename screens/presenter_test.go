package screens

import (
	"image"
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
	assertUniform(t, "projector's edge", p.audience.Canvas().Capture(), false)

	key(e, fyne.KeyB)
	if p.blank != slideview.Black {
		t.Error("B should black the screen")
	}
	assertBlank(t, "B on the projector", p.audience.Canvas().Capture(), false)
	key(e, fyne.KeyB)
	key(e, fyne.KeyW)
	if p.blank != slideview.White {
		t.Error("W should white the screen")
	}
	assertBlank(t, "W on the projector", p.audience.Canvas().Capture(), true)
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
	// The audience sees this screen: the notes start hidden.
	if p.overlay.Visible() {
		t.Error("the presenter's overlay shows from the start on one screen")
	}
	assertUniform(t, "first slide's edge", e.win.Canvas().Capture(), false)
	key(e, fyne.KeyPageDown)
	key(e, fyne.KeyH)
	if !p.overlay.Visible() {
		t.Fatal("H should show the presenter's overlay")
	}
	if !strings.Contains(p.overlayText.Text, "Trang 2/") {
		t.Errorf("overlay %q", p.overlayText.Text)
	}
	// The notes stand under the slide, never over it.
	d := fyne.CurrentApp().Driver()
	if slideEnd, notesTop := d.AbsolutePositionForObject(p.audView).Y+p.audView.Size().Height, d.AbsolutePositionForObject(p.overlay).Y; slideEnd > notesTop+0.5 {
		t.Errorf("the slide ends at y=%.0f, below the notes' top at %.0f", slideEnd, notesTop)
	}
	test.AssertImageMatches(t, "presenter_single.png", e.win.Canvas().Capture())

	// B and W blank the whole screen, overlay included; it comes back
	// with the slide.
	for _, k := range []fyne.KeyName{fyne.KeyB, fyne.KeyPeriod, fyne.KeyW, fyne.KeyComma} {
		key(e, k)
		if p.overlay.Visible() {
			t.Errorf("%s: the overlay shows over the blank screen", k)
		}
		white := k == fyne.KeyW || k == fyne.KeyComma
		assertBlank(t, string(k), e.win.Canvas().Capture(), white)
		key(e, k)
		if !p.overlay.Visible() {
			t.Errorf("%s again: the overlay the presenter asked for is gone", k)
		}
	}
	key(e, fyne.KeyH)
	if p.overlay.Visible() {
		t.Error("H should hide the presenter's overlay")
	}
	key(e, fyne.KeyEscape)
	if e.win.FullScreen() {
		t.Error("leaving presenter mode restores the window")
	}
	if !e.win.Padded() {
		t.Error("leaving presenter mode restores the window's padding")
	}
}

// assertBlank fails unless every pixel of img is black (or white).
func assertBlank(t *testing.T, what string, img image.Image, white bool) {
	t.Helper()
	want := uint32(0)
	if white {
		want = 0xffff
	}
	b := img.Bounds()
	bad := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != want || g != want || bl != want {
				if bad == 0 {
					t.Errorf("%s: pixel (%d,%d) is %v, want %s", what, x, y, img.At(x, y), map[bool]string{false: "black", true: "white"}[white])
				}
				bad++
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d pixels not blank", what, bad, b.Dx()*b.Dy())
	}
}

// assertUniform fails when the outer 8 px of img are not one colour: a
// slide fills the screen edge to edge, with no frame.
func assertUniform(t *testing.T, what string, img image.Image, _ bool) {
	t.Helper()
	b := img.Bounds()
	ref := img.At(b.Min.X+8, b.Min.Y+8)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if x >= b.Min.X+8 && x < b.Max.X-8 && y >= b.Min.Y+8 && y < b.Max.Y-8 {
				continue
			}
			if img.At(x, y) != ref {
				t.Fatalf("%s: pixel (%d,%d) is %v, the slide's %v: a frame round the slide", what, x, y, img.At(x, y), ref)
			}
		}
	}
}

// TestPresenterClosingAndFit: the last slide is the closing one, "next"
// after it returns to the title, and every passage of the deck fits a
// 1024×768 slide at the smallest legible size in the real font.
func TestPresenterClosingAndFit(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	e.secondScreen = func() bool { return false }
	e.startPresenter()
	p := e.presenting
	for i, s := range p.deck {
		if s.Kind == slides.Passage && !slides.Fits(s.Text, slideview.Measure) {
			t.Errorf("slide %d does not fit 1024×768 at %.0f px: %q", i+1, slides.MinSize(768), s.Text)
		}
	}
	key(e, fyne.KeyEnd)
	last := p.deck[p.at]
	if last.Kind != slides.Closing || last.Title != e.pack.Title {
		t.Fatalf("last slide %+v, want the closing slide", last)
	}
	if p.audView.Slide().Kind != slides.Closing {
		t.Error("the audience does not see the closing slide")
	}
	test.AssertImageMatches(t, "presenter_closing.png", e.win.Canvas().Capture())
	key(e, fyne.KeyPageDown)
	if p.at != 0 {
		t.Errorf("next after the closing slide: slide %d, want the title", p.at+1)
	}
	key(e, fyne.KeyEscape)
}
