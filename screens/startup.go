package screens

import (
	"trienlam/internal/exhibit"
	"trienlam/internal/photos"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/theme"
)

// firstScreenStyles are the text styles the home screen is set in. Fyne
// parses a style's fonts (the text font, its emoji and symbol fallbacks)
// and looks up a system font for the language the first time a text in
// that style is measured: ~50 ms a style on a hall PC, on the UI thread.
var firstScreenStyles = []fyne.TextStyle{{}, {Bold: true}, {Italic: true}}

// prepareFirstScreen starts, on another goroutine, the work the first
// screen needs that touches no window, so that it runs on a second core
// while the UI thread makes the window (loading the OpenGL driver): Fyne
// parses the fonts of firstScreenStyles, and the pack's cover is decoded
// for coverPx pixels of width (none when 0), or read from kept. Fyne's
// text shaper is not safe for concurrent use: nothing may measure or draw
// text until the returned wait has returned. wait gives the decoded
// cover, or nil; it may be called more than once.
func prepareFirstScreen(p *exhibit.Pack, kept photos.Kept, coverPx int) (wait func() *decodedCover) {
	done := make(chan struct{})
	var cover *decodedCover
	go func() {
		defer close(done)
		for _, st := range firstScreenStyles {
			// Vietnamese letters, so the lookup resolves the faces
			// that the exhibit's text needs.
			fyne.MeasureText("Chi bộ Chí Kiên", theme.TextSize(), st)
		}
		if p.Cover != "" && coverPx > 0 {
			// A failure is said when the home lays the cover out.
			cover, _ = decodeCover(kept, p.FS, p.Cover, coverPx)
		}
	}()
	return func() *decodedCover {
		<-done
		return cover
	}
}

// windowMade reports whether the driver made w's native window. When it
// cannot (no OpenGL driver), Fyne logs the error and runs on with no
// window, so the program asks after showing it.
func windowMade(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true // a driver without native windows (the test driver)
	}
	made := true
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			made = c.WindowHandle != 0
		case driver.WaylandWindowContext:
			made = c.WaylandSurface != 0
		case driver.WindowsWindowContext:
			made = c.HWND != 0
		case driver.MacWindowContext:
			made = c.NSWindow != 0
		}
	})
	return made
}

// firstScreen holds the home's place in the window until the window is
// made, so that the window's first frame is the home.
//
// Fyne's w.Show() makes the window — loading the OpenGL driver, most of a
// start — and then paints whatever content the window has: content set
// before it is drawn in that first frame, content set after it costs a
// frame more (~25 ms of a start in software OpenGL, most of it sending
// the picture to the display; bench/startup.sh). But the home cannot be
// built before Show without waiting on the UI thread for the fonts and
// cover that prepareFirstScreen makes beside it. So the window's content
// is a firstScreen until then: once armed, the first time Fyne asks its
// size — while making the window (fitContent, after the driver is loaded
// and before the first frame) — it builds the home in its place. fill
// builds it when Fyne never asked (no window could be made).
//
// Nothing may measure text on the UI thread between showFirst and the
// build (prepareFirstScreen's shaper runs beside it). Fyne's window making
// measures none of its own, and the layouts around the firstScreen (the
// kiosk's Border and Stack) ask their centre's size first, so the build
// comes before any other text in the window is measured again.
type firstScreen struct {
	box    *fyne.Container // laid out by the firstScreen
	build  func() fyne.CanvasObject
	armed  bool
	filled bool
	// superseded is set when another content replaced the box in the
	// window (Exhibit.setContent): fill then builds nothing.
	superseded bool
}

// MinSize is the home's, built on the first call once armed; before, the
// firstScreen is empty and asks for no room.
func (f *firstScreen) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if f.armed && !f.filled {
		// Fyne asks the box, whose objects it handed in before they
		// were there: the built home is in f.box now. No refresh: Fyne
		// is about to lay out and paint what it asked the size of.
		f.put()
		objs = f.box.Objects
	}
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

// Layout gives the home the whole box.
func (f *firstScreen) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// fill builds the home into the box if it is not there yet and the box is
// still the window's content, and has the window draw it.
func (f *firstScreen) fill() {
	if f.filled || f.superseded {
		return
	}
	f.put()
	f.box.Refresh()
}

// put builds the home into the box, once.
func (f *firstScreen) put() {
	f.filled = true
	home := f.build()
	f.box.Objects = []fyne.CanvasObject{home}
	f.Layout(f.box.Objects, f.box.Size())
}

// showFirst makes the home the current screen and puts a firstScreen in
// the window for it, then starts preparing the home's fonts and cover
// beside the UI thread for coverPx pixels of width (prepareFirstScreen).
// With arm, the home is built when the window being made first asks its
// size; the caller shows the window and then calls fill. Without arm it
// is built only by fill, for a start that shows another screen first (the
// presenter), whose window must not flash the home; showFirst then waits
// for the preparation, so that nothing the window does while it is made
// (a first layout that changes the hall scale rebuilds the screen) can
// measure text beside it.
func (e *Exhibit) showFirst(coverPx int, arm bool) *firstScreen {
	h := e.home()
	f := &firstScreen{}
	f.box = container.New(f)
	e.current = h
	// Set before the preparation starts: the kiosk's layers measure
	// text, which may not run beside it.
	e.setContent(f.box)
	e.first = f
	ready := prepareFirstScreen(e.pack, e.keptCovers, coverPx)
	f.build = func() fyne.CanvasObject {
		e.firstCover = ready()
		return h.content()
	}
	if !arm {
		ready()
	}
	f.armed = arm
	h.shown()
	e.logScreen("")
	return f
}
