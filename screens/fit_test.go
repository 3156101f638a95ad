package screens

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trienlam/audio"
	"trienlam/screens/exhibittheme"
)

// The smallest display halls have is a 1024×768 projector; the window opens
// at 1024×700 on it (room for a title bar). A window grows to the minimum
// size of what it shows, so no screen may ask for more than that, at any
// text size and in either language: longer titles shorten or wrap.
const (
	smallestWidth  = 1024
	smallestHeight = 700
)

// fitScreens opens every screen of the exhibit in turn and calls check
// with a name for each.
func fitScreens(t *testing.T, e *Exhibit, check func(name string)) {
	t.Helper()
	e.goHome()
	check("home")
	for i := range e.pack.Chapters {
		e.openChapter(i, -1, nil)
		check(fmt.Sprintf("chapter %d", i+1))
	}
	e.reader.toggleTOC()
	check("contents")
	e.reader.toggleTOC()
	e.startTour()
	check("guided tour")
	e.stopTour()
	e.openSearch()
	check("search, empty")
	test.Type(e.current.(*searchScreen).entry, "chi bo")
	check("search")
	e.goHome()
	e.openTimeline("")
	check("timeline")
	e.goHome()
	e.openGallery()
	check("gallery")
	ids := make([]string, 0, len(e.pack.Photos))
	for _, p := range e.pack.Photos {
		ids = append(ids, p.ID)
	}
	e.openViewer(ids, 0)
	check("viewer")
	e.goHome()
	e.openOriginal()
	check("original text")
	e.goHome()
	e.openSettings()
	check("settings")
	e.goHome()
	e.startPresenter()
	check("presenter")
	e.stopPresenter()
	// The test window grows with what it shows (the timeline at the
	// largest sizes); the countdown fits the window it is in.
	e.win.Resize(fyne.NewSize(smallestWidth, smallestHeight))
	e.startKiosk()
	check("kiosk home")
	e.kiosk.warn(20e9)
	check("kiosk countdown")
	e.stopKiosk()
	e.goHome()
}

func TestEveryScreenFitsTheSmallestDisplay(t *testing.T) {
	e, _ := newTestExhibit(t, smallestWidth, smallestHeight)
	e.secondScreen = func() bool { return false }
	clock := audio.NewFakeClock(time.Date(2023, 9, 22, 8, 0, 0, 0, time.UTC))
	e.clock = clock
	e.newOutput = func() audio.Output { return audio.SilentOutput(clock) }
	for _, code := range []string{defaultLanguage, languageEnglish} {
		e.prefs.SetLanguage(code)
		for _, step := range exhibittheme.Steps {
			e.prefs.SetTextStep(step)
			fitScreens(t, e, func(name string) {
				min := e.win.Content().MinSize()
				if min.Width > smallestWidth || min.Height > smallestHeight {
					t.Errorf("%s, %s, text step %d: the screen asks for %.0f×%.0f, more than %d×%d",
						code, name, step, min.Width, min.Height, smallestWidth, smallestHeight)
					t.Log(widest(e.win.Content(), smallestWidth))
					t.Log(tallest(e.win.Content(), 300))
				}
			})
		}
	}
}

// widest describes the chain of objects from o down to the widest leaf
// whose minimum width exceeds limit, to say what makes a screen too wide.
func widest(o fyne.CanvasObject, limit float32) string {
	desc := fmt.Sprintf("%T(%.0f)", o, o.MinSize().Width)
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		if k.Visible() && k.MinSize().Width > limit {
			return desc + " > " + widest(k, limit)
		}
	}
	if t, ok := o.(*canvas.Text); ok {
		desc += fmt.Sprintf("%q", t.Text)
	}
	return desc
}

// tallest is widest for heights.
func tallest(o fyne.CanvasObject, limit float32) string {
	desc := fmt.Sprintf("%T(%.0f)", o, o.MinSize().Height)
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	var parts []string
	for _, k := range kids {
		if k.Visible() && k.MinSize().Height > limit {
			return desc + " > " + tallest(k, limit)
		}
		if k.Visible() {
			parts = append(parts, fmt.Sprintf("%T(%.0f)", k, k.MinSize().Height))
		}
	}
	return desc + fmt.Sprint(parts)
}
