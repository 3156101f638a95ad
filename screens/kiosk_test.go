package screens

import (
	"encoding/csv"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/audio"
	"trienlam/internal/exhibit"
	"trienlam/internal/kiosk"
	"trienlam/internal/visitlog"
)

// kioskExhibit opens the built-in pack in kiosk mode with a fake clock:
// timers fire only when the test advances it, and their UI work is queued
// for the test goroutine.
func kioskExhibit(t *testing.T, pin string) (*Exhibit, *audio.FakeClock, chan func()) {
	t.Helper()
	e, clock := silentExhibit(t)
	queue := make(chan func(), 64)
	e.post = func(f func()) { queue <- f }
	e.now = clock.Now
	if pin != "" {
		h, err := kiosk.HashPIN(pin)
		if err != nil {
			t.Fatal(err)
		}
		e.prefs.SetPINHash(h)
	}
	l, err := visitlog.Open(filepath.Join(t.TempDir(), "visits.log"))
	if err != nil {
		t.Fatal(err)
	}
	e.visits = l
	e.startKiosk()
	t.Cleanup(func() {
		if e.kiosk != nil {
			e.kiosk.idle.Stop()
		}
	})
	return e, clock, queue
}

// run performs the queued UI work.
func run(queue chan func()) {
	for {
		select {
		case f := <-queue:
			f()
		default:
			return
		}
	}
}

func TestKioskIdleCountdownAttractAndReturn(t *testing.T) {
	e, clock, queue := kioskExhibit(t, "2209")
	k := e.kiosk
	if !e.win.FullScreen() {
		t.Fatal("kiosk mode is full screen")
	}
	e.openChapter(0, -1, nil)
	waitFigures(t, e, queue)

	// 2 min 59 s of nothing: still active.
	clock.Advance(179 * time.Second)
	run(queue)
	if k.state != kiosk.Active {
		t.Fatalf("after 2:59 the kiosk is %v", k.state)
	}
	// At 3 minutes the countdown shows: "Màn hình sẽ trở về sau 10 giây".
	clock.Advance(time.Second)
	run(queue)
	if k.state != kiosk.Warning || !strings.Contains(k.countText.Text, "10 giây") {
		t.Fatalf("at 3:00: state %v, countdown %q", k.state, k.countText.Text)
	}
	test.AssertImageMatches(t, "kiosk_countdown.png", e.win.Canvas().Capture())
	clock.Advance(4 * time.Second)
	run(queue)
	if !strings.Contains(k.countText.Text, "6 giây") {
		t.Errorf("4 s later the countdown says %q", k.countText.Text)
	}
	// "Tiếp tục xem" keeps the visitor where they were.
	k.touched()
	run(queue)
	if k.state != kiosk.Active || e.current != e.reader {
		t.Fatalf("touch during the countdown: %v on %T", k.state, e.current)
	}
	// Nobody again: countdown, then the attract loop at home.
	clock.Advance(3*time.Minute + kioskWarnFor)
	run(queue)
	if k.state != kiosk.Attract {
		t.Fatalf("after the countdown: %v", k.state)
	}
	a, ok := e.current.(*attractScreen)
	if !ok {
		t.Fatalf("the attract loop shows %T", e.current)
	}
	// The attract screen covers everything: its own view and the layer
	// that notices a visitor, nothing of the reader or home beneath.
	content := windowContent(e).(*fyne.Container)
	if len(content.Objects) != 2 || content.Objects[0] != fyne.CanvasObject(a.view) {
		t.Fatalf("the attract window holds %d objects, want the attract view alone under the touch layer", len(content.Objects))
	}
	txt := renderedText(content)
	for _, want := range []string{"Chạm để bắt đầu", e.pack.Title} {
		if !strings.Contains(txt, want) {
			t.Errorf("the attract screen does not say %q", want)
		}
	}
	for _, reader := range []string{"Thuyết minh tự động —", e.pack.Chapters[0].Title, "thiết bị âm thanh", "Dành cho cán bộ"} {
		if strings.Contains(txt, reader) {
			t.Errorf("%q shows through the attract screen", reader)
		}
	}
	// The tour's voice plays (a setting, on by default) without the
	// reader.
	waitState(t, e, audio.Playing)
	if e.narr.chapter != 0 || e.touring || e.narr.onCue != nil {
		t.Errorf("attract voice: chapter %d, touring %v, reader hooked %v", e.narr.chapter, e.touring, e.narr.onCue != nil)
	}
	// The first picture decodes in the background: wait for it so the
	// image is the same on every run.
	until(t, queue, func() bool { return a.view.img.Image != nil }, "the attract picture")
	test.AssertImageMatches(t, "kiosk_attract.png", e.win.Canvas().Capture())
	// The next picture comes a period later (the built-in pack's are
	// illustrations, shown still; a photograph's pan:
	// TestAttractShowsIllustrationsWhole).
	for i := 0; i < int(attractPeriod/attractStep)+3; i++ {
		clock.Advance(attractStep)
		run(queue)
	}
	if a.at != 1 {
		t.Errorf("after %v the attract loop shows picture %d, want the second", attractPeriod, a.at+1)
	}
	// A visitor touches: the loop and its voice stop, home shows.
	key(e, fyne.KeyDown)
	run(queue)
	if k.state != kiosk.Active || a.running || e.narr.player.State() != audio.Idle || e.narr.onState == nil {
		t.Errorf("a touch in the attract loop: %v, running %v, voice %v, reader hooks back %v", k.state, a.running, e.narr.player.State(), e.narr.onState != nil)
	}
	if _, ok := e.current.(*homeScreen); !ok {
		t.Errorf("after the attract loop: %T, want home", e.current)
	}
	// No timer runs while the loop waits for nobody... and none leak.
	k.idle.Stop()
	if n := clock.Pending(); n != 0 {
		t.Errorf("%d timers pending after Stop", n)
	}

	// The visitor log has the two visits and the chapter read.
	var b strings.Builder
	if err := e.visits.Export(&b, time.Time{}, clock.Now()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || !strings.Contains(strings.Join(rows[1], ","), "hoan-canh") {
		t.Errorf("visitor log: %q", rows)
	}
}

func TestKioskLeavesOnlyWithThePIN(t *testing.T) {
	e, _, _ := kioskExhibit(t, "2209")
	key(e, fyne.KeyEscape)
	key(e, fyne.KeyF11)
	if e.kiosk == nil || !e.win.FullScreen() {
		t.Fatal("Esc and F11 must not leave kiosk mode when a PIN is set")
	}
	k := e.kiosk
	for i := 0; i < kiosk.MaxTries; i++ {
		if ok, _ := k.lock.Try(e.prefs.PINHash(), "0000"); ok {
			t.Fatal("a wrong PIN was accepted")
		}
	}
	if ok, wait := k.lock.Try(e.prefs.PINHash(), "2209"); ok || wait <= 0 {
		t.Fatalf("after five wrong PINs the right one must wait: ok %v, wait %v", ok, wait)
	}
}

// Esc away from the home, at a kiosk with a PIN, goes back as on any
// screen; it never takes the window out of full screen, which would show
// a visitor the desktop.
func TestKioskEscGoesBackAndStaysFullScreen(t *testing.T) {
	e, _, _ := kioskExhibit(t, "2209")
	e.openChapter(0, -1, nil)
	e.reader.toggleTOC()
	key(e, fyne.KeyEscape)
	if e.current != screen(e.reader) || e.reader.tocOpen {
		t.Fatalf("the first Esc in the reader: %T, contents open %v; want the reader with its contents closed", e.current, e.reader.tocOpen)
	}
	key(e, fyne.KeyEscape)
	if _, home := e.current.(*homeScreen); !home {
		t.Errorf("Esc in the reader: %T, want the home", e.current)
	}
	if e.kiosk == nil || !e.win.FullScreen() || e.prefs.FullScreen() != e.kiosk.startedFull {
		t.Errorf("after Esc: kiosk %v, full screen %v, saved full screen %v; want kiosk mode, full screen, the saved setting untouched",
			e.kiosk != nil, e.win.FullScreen(), e.prefs.FullScreen())
	}
}

func TestKioskWithoutPINLeavesWithEsc(t *testing.T) {
	e, _, _ := kioskExhibit(t, "")
	key(e, fyne.KeyEscape)
	if e.kiosk != nil {
		t.Error("with no PIN set, Esc leaves kiosk mode rather than trapping staff")
	}
}

// Visitors at a kiosk cannot reach the settings (where the PIN is set) or
// presenter mode.
func TestKioskHidesStaffOnlyParts(t *testing.T) {
	e, _, _ := kioskExhibit(t, "2209")
	txt := renderedText(e.win.Content())
	for _, staff := range []string{"Cài đặt", "Trình chiếu"} {
		if strings.Contains(txt, staff) {
			t.Errorf("the kiosk's home offers %q", staff)
		}
	}
	e.openSettings()
	key(e, fyne.KeyF5)
	if _, ok := e.current.(*homeScreen); !ok || e.presenting != nil {
		t.Errorf("settings or presenter opened in kiosk mode: %T", e.current)
	}
}

// On a kiosk, search brings an on-screen keyboard: tapping its keys types
// (without diacritics, which search ignores), backspace and clear work,
// and every key is at least a fingertip wide and tall. Off the kiosk there
// is none.
func TestKioskSearchKeyboard(t *testing.T) {
	e, _, _ := kioskExhibit(t, "2209")
	e.win.Resize(fyne.NewSize(1024, 768))
	e.openSearch()
	s := e.current.(*searchScreen)
	var kb *touchKeyboard
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *touchKeyboard:
			kb = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(e.win.Content())
	if kb == nil {
		t.Fatal("no on-screen keyboard on the kiosk's search screen")
	}
	// Keys add at the end of what is there, wherever the cursor is.
	s.entry.SetText("c")
	s.entry.CursorColumn = 0
	for _, r := range "hi kiee" {
		name := string(r)
		if r == ' ' {
			name = "Dấu cách"
		}
		b := kb.keys[name]
		if b == nil {
			t.Fatalf("no key %q", name)
		}
		test.Tap(b)
	}
	test.Tap(kb.keys["⌫"])
	test.Tap(kb.keys["n"])
	if s.entry.Text != "chi kien" {
		t.Fatalf("typed %q, want “chi kien”", s.entry.Text)
	}
	if len(s.hits) == 0 || !strings.Contains(s.status.Text, "chi kien") {
		t.Errorf("typing on the keyboard did not search: %d hits, %q", len(s.hits), s.status.Text)
	}
	for name, b := range kb.keys {
		if sz := b.Size(); sz.Width < 48 || sz.Height < 48 {
			t.Errorf("key %q is %v, want at least 48×48", name, sz)
		}
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if p.X < 0 || p.Y < 0 || p.X+b.Size().Width > 1024 || p.Y+b.Size().Height > 768 {
			t.Errorf("key %q at %v is off the 1024×768 screen", name, p)
		}
	}
	test.Tap(kb.keys["Xoá hết"])
	if s.entry.Text != "" {
		t.Errorf("clear left %q", s.entry.Text)
	}

	plain, _ := newTestExhibit(t, 1024, 768)
	plain.openSearch()
	kb = nil
	walk(plain.win.Content())
	if kb != nil {
		t.Error("an on-screen keyboard outside kiosk mode")
	}
}

// Every visitor starts fresh: home offers "Bắt đầu xem", not the previous
// visitor's place, at the text size staff chose.
func TestKioskNextVisitorStartsFresh(t *testing.T) {
	e, clock, queue := kioskExhibit(t, "2209")
	staffStep := e.prefs.TextStep()
	if strings.Contains(renderedText(e.win.Content()), "Đọc tiếp") {
		t.Error("the first visitor is offered a place read before kiosk mode")
	}
	// A visitor reads chapter 3 with large text, then leaves.
	e.openChapter(2, 5, nil)
	e.prefs.SetPosition(e.pack, e.pack.Chapters[2].ID, 5)
	e.stepText(+2)
	if e.prefs.TextStep() == staffStep {
		t.Fatal("the text did not grow")
	}
	clock.Advance(e.prefs.IdleAfter() + kioskWarnFor)
	run(queue)
	if e.kiosk.state != kiosk.Attract {
		t.Fatalf("the kiosk is %v", e.kiosk.state)
	}
	// The next one taps the attract screen.
	test.Tap(e.attractS.view)
	run(queue)
	if _, ok := e.current.(*homeScreen); !ok {
		t.Fatalf("the next visitor sees %T", e.current)
	}
	txt := renderedText(e.win.Content())
	if !strings.Contains(txt, "Bắt đầu xem") || strings.Contains(txt, "Đọc tiếp") {
		t.Error("the next visitor is offered the previous visitor's place")
	}
	if e.prefs.TextStep() != staffStep {
		t.Errorf("text size %v, want the staff's %v", e.prefs.TextStep(), staffStep)
	}
	// "Bắt đầu xem" opens chapter 1 at the top.
	e.resume()
	if e.reader.chapter != 0 {
		t.Errorf("the next visitor starts at chapter %d", e.reader.chapter+1)
	}
}

// With the voice setting off, the attract loop shows its pictures in
// silence: the narration is never loaded.
func TestAttractWithoutVoice(t *testing.T) {
	e, clock, queue := kioskExhibit(t, "2209")
	e.prefs.SetAttractVoice(false)
	clock.Advance(e.prefs.IdleAfter() + kioskWarnFor)
	run(queue)
	if _, ok := e.current.(*attractScreen); !ok {
		t.Fatalf("the attract loop shows %T", e.current)
	}
	if st := e.narrator().player.State(); st != audio.Idle {
		t.Errorf("the narration is %v with the voice setting off", st)
	}
	first := e.attractS.at
	clock.Advance(attractPeriod + attractStep)
	run(queue)
	if e.attractS.at == first {
		t.Error("the pictures do not move on without the voice")
	}
}

// A visitor listening to a chapter's narration touches nothing for minutes:
// the narration counts as their presence, and the countdown waits until it
// stops.
func TestKioskWaitsWhileTheNarrationPlays(t *testing.T) {
	e, clock, queue := kioskExhibit(t, "2209")
	k := e.kiosk
	e.openChapter(0, -1, nil)
	e.narrator().manualTicks = true
	key(e, fyne.KeyP)
	deadline := time.Now().Add(20 * time.Second)
	for e.narrator().player.State() != audio.Playing {
		if time.Now().After(deadline) {
			t.Fatalf("the narration does not play: %v", e.narrator().player.State())
		}
		run(queue)
		time.Sleep(10 * time.Millisecond)
	}
	// Four minutes of listening, past the three idle minutes.
	for i := 0; i < 8*60; i++ {
		clock.Advance(500 * time.Millisecond)
		e.narrator().tick()
		run(queue)
	}
	if k.state != kiosk.Active {
		t.Fatalf("after four minutes of narration the kiosk is %v", k.state)
	}
	if e.narrator().player.State() != audio.Playing {
		t.Fatalf("the narration stopped: %v", e.narrator().player.State())
	}
	// Paused, the visitor has gone: the countdown comes after the idle time.
	key(e, fyne.KeyP)
	run(queue)
	clock.Advance(3 * time.Minute)
	run(queue)
	if k.state != kiosk.Warning {
		t.Errorf("three minutes after the pause the kiosk is %v", k.state)
	}
}

// The attract loop shows an illustration whole and still, clear of the
// bands and the caption (cropped to fill a 4:3 screen it lost words and
// bars), and pans across a photograph that fills the screen.
func TestAttractShowsIllustrationsWhole(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1024, 768), fyne.NewSize(1920, 1080)} {
		e, clock, queue := kioskExhibit(t, "2209")
		e.win.Resize(size)
		e.prefs.SetAttractVoice(false)
		clock.Advance(e.prefs.IdleAfter() + kioskWarnFor)
		run(queue)
		a, ok := e.current.(*attractScreen)
		if !ok || len(a.ids) < 2 {
			t.Fatalf("%v: the attract loop shows %T with %d pictures", size, e.current, len(a.ids))
		}
		// The built-in pack has illustrations only: take the second
		// picture for a photograph.
		e.pack.Photo(a.ids[1]).Kind = exhibit.KindPhoto
		v := a.view
		for i, id := range a.ids {
			p := e.pack.Photo(id)
			a.show(i)
			pos, got := v.img.Position(), v.img.Size()
			if p.Kind == exhibit.KindPhoto {
				if pos.X > 0 || pos.Y > 0 || pos.X+got.Width < size.Width || pos.Y+got.Height < size.Height {
					t.Errorf("%v: photograph %s at %v, %v: it should fill the screen", size, id, pos, got)
				}
				clock.Advance(attractStep)
				a.step()
				if v.img.Position() == pos {
					t.Errorf("%v: photograph %s does not pan", size, id)
				}
				continue
			}
			top := v.top.Position().Y + v.top.Size().Height
			bottom := v.rule.Position().Y
			if !v.capBg.Hidden {
				bottom = v.capBg.Position().Y
			}
			if pos.X < 0 || pos.Y < top || pos.X+got.Width > size.Width+0.5 || pos.Y+got.Height > bottom+0.5 {
				t.Errorf("%v: illustration %s at %v, %v: not within the screen between %.0f and %.0f", size, id, pos, got, top, bottom)
			}
			if want := float32(p.Width) / float32(p.Height); math.Abs(float64(got.Width/got.Height-want)) > 0.01 {
				t.Errorf("%v: illustration %s drawn %.3f wide for 1 high, the picture is %.3f", size, id, got.Width/got.Height, want)
			}
			if got.Width < v.boxSize.Width-1 && got.Height < v.boxSize.Height-1 {
				t.Errorf("%v: illustration %s is %v in a box of %v: it should fill one side", size, id, got, v.boxSize)
			}
			a.step()
			if v.img.Position() != pos || v.img.Size() != got {
				t.Errorf("%v: illustration %s moved on a step of the loop", size, id)
			}
		}
		e.current.(*attractScreen).stop()
	}
}
