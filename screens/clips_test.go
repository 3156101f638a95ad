package screens

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trienlam/audio/media"
)

// noLibMPV makes the media helper fail as it does on a Windows PC without
// libmpv.dll, and pretends to be Windows, where the system's player can be
// offered.
func noLibMPV(t *testing.T) {
	t.Helper()
	oldStart, oldOpen := startMedia, canOpenExternally
	startMedia = func(context.Context) (*media.Client, error) {
		return nil, fmt.Errorf("%w: panic: cannot load library libmpv.dll", media.ErrLibMPVMissing)
	}
	canOpenExternally = func() bool { return true }
	t.Cleanup(func() { startMedia, canOpenExternally = oldStart, oldOpen })
}

// playFailing plays a clip of the built-in pack (one of its pictures stands
// in for the video and is its poster) and runs the queued UI work until
// the clip screen has given up.
func playFailing(t *testing.T, e *Exhibit, queue chan func()) *clipScreen {
	t.Helper()
	poster := e.pack.Photos[0].File
	e.playClip(clipRequest{File: poster, Caption: "Lễ kỷ niệm 80 năm thành lập Chi bộ", Poster: poster})
	c, ok := e.current.(*clipScreen)
	if !ok {
		t.Fatalf("playClip showed %T", e.current)
	}
	deadline := time.After(30 * time.Second)
	for !c.failed {
		select {
		case f := <-queue:
			f()
		case <-deadline:
			t.Fatal("the clip never failed")
		}
	}
	return c
}

// buttons returns the labels of every button under o.
func buttons(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *keyButton:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
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
	walk(o)
	return out
}

// hasImage reports whether a picture made from the pack file name is shown
// under o: read as a resource of that name, or decoded by photos.Load (as
// posters are, within its memory budget), which leaves no name: then any
// decoded picture counts.
func hasImage(o fyne.CanvasObject, name string) bool {
	switch x := o.(type) {
	case *canvas.Image:
		return x.Visible() && (x.Resource != nil && x.Resource.Name() == name || x.Resource == nil && x.Image != nil && x.Image.Bounds().Dx() > 0)
	case *fyne.Container:
		for _, c := range x.Objects {
			if hasImage(c, name) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if hasImage(c, name) {
				return true
			}
		}
	}
	return false
}

// In kiosk mode a clip that cannot play for lack of libmpv offers no other
// program: the visitor sees the poster, the caption and a neutral note, and
// only the way back into the exhibit. Staff find the explanation behind the
// PIN, on the problems screen, and the visitor log records the event.
func TestKioskClipWithoutLibMPVOffersNoPlayer(t *testing.T) {
	noLibMPV(t)
	e, _, queue := kioskExhibit(t, "2468")
	e.kiosk.touched() // a visitor, not the attract loop
	run(queue)
	c := playFailing(t, e, queue)
	run(queue)

	if o := e.win.Canvas().Overlays().Top(); o != nil {
		t.Fatalf("a dialog opened over the kiosk: %q", renderedText(o))
	}
	shown := e.win.Canvas().Content()
	text := renderedText(shown)
	for _, bad := range []string{"Windows", "libmpv", "setup.exe", "apt"} {
		if strings.Contains(text, bad) {
			t.Errorf("the visitor sees %q:\n%s", bad, text)
		}
	}
	for _, want := range []string{"Lễ kỷ niệm 80 năm thành lập Chi bộ", lang.L("This clip cannot be shown at the moment.")} {
		if !strings.Contains(words(text), want) {
			t.Errorf("the visitor does not see %q:\n%s", want, text)
		}
	}
	if !hasImage(c.body, c.req.Poster) {
		t.Error("the clip's poster is not shown")
	}
	for _, b := range buttons(c.body) {
		if b != lang.L("Back to the exhibit") {
			t.Errorf("the failed clip offers %q", b)
		}
	}
	if findButton(shown, lang.L("Open in the Windows player")) != nil {
		t.Error("the system player is offered in kiosk mode")
	}
	test.AssertImageMatches(t, "clip_kiosk_unavailable_1280x720.png", e.win.Canvas().Capture())

	// The visitor log has the event, with its reason.
	data, err := os.ReadFile(e.visits.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"k":"clip-failed","id":"`+c.req.File+`","why":"no-libmpv"`) {
		t.Errorf("visitor log lacks the clip event:\n%s", data)
	}

	// Back in the exhibit, the kiosk's home has no problems button for
	// visitors; the explanation is waiting for staff.
	key(e, fyne.KeyEscape)
	if e.current == c {
		t.Fatal("Esc did not leave the failed clip")
	}
	if len(e.notes) != 1 || !strings.Contains(e.notes[0].Text, "libmpv") {
		t.Fatalf("notes for staff: %+v", e.notes)
	}
	e.goHome()
	problems := lang.L("Pack problems ({{.Count}})", map[string]any{"Count": 1})
	if b := findButton(e.win.Canvas().Content(), problems); b != nil {
		t.Error("kiosk visitors are offered the problems list")
	}
	e.stopKiosk()
	e.goHome()
	b := findButton(e.win.Canvas().Content(), problems)
	if b == nil {
		t.Fatal("staff have no problems button after leaving kiosk mode")
	}
	test.Tap(b)
	text = renderedText(e.win.Canvas().Content())
	if !strings.Contains(text, lang.L("While the exhibit ran")) || !strings.Contains(text, "libmpv-2.dll") || !strings.Contains(text, c.req.File) {
		t.Errorf("the problems screen lacks the clip's explanation:\n%s", text)
	}
}

// Outside kiosk mode staff keep the explanation on screen and, on Windows,
// the offer of the system's player.
func TestClipWithoutLibMPVOffersWindowsPlayerToStaff(t *testing.T) {
	noLibMPV(t)
	e, _ := silentExhibit(t)
	queue := make(chan func(), 64)
	e.post = func(f func()) { queue <- f }
	c := playFailing(t, e, queue)
	if !strings.Contains(c.status.Text, "libmpv") {
		t.Errorf("status %q does not explain", c.status.Text)
	}
	o := e.win.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog offers the system player")
	}
	if got := buttons(o); !strings.Contains(strings.Join(got, "|"), lang.L("Open in the Windows player")) {
		t.Errorf("dialog buttons %q", got)
	}
	if len(e.notes) != 1 {
		t.Errorf("notes for staff: %+v", e.notes)
	}
}
