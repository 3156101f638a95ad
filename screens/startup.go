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
// for coverPx pixels of width (none when 0), or read from kept. Fyne's text shaper is not
// safe for concurrent use: nothing may measure or draw text until the
// returned wait has returned. wait gives the decoded cover, or nil.
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
// size — while making the window, after the driver is loaded and before
// the first frame — it builds the home in its place. fill builds it when
// Fyne never asked (no window could be made).
type firstScreen struct {
	box    *fyne.Container // laid out by the firstScreen
	build  func() fyne.CanvasObject
	armed  bool
	filled bool
}

// MinSize is the home's, built on the first call once armed; before, the
// firstScreen is empty and asks for no room.
func (f *firstScreen) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if f.armed && !f.filled {
		// Fyne asks the box, whose objects it handed in before they
		// were there: the built home is in f.box now.
		f.fill()
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

// fill builds the home into the box, once.
func (f *firstScreen) fill() {
	if f.filled {
		return
	}
	f.filled = true
	home := f.build()
	f.box.Objects = []fyne.CanvasObject{home}
	f.Layout(f.box.Objects, f.box.Size())
}

// showFirst makes the home the current screen and puts a firstScreen in
// the window for it, then starts preparing the home's fonts and cover
// beside the UI thread for coverPx pixels of width (prepareFirstScreen).
// With arm, the home is built when the window being made first asks its
// size; the caller shows the window and then calls fill. Without arm it is
// built only by fill: for a start that shows another screen first, whose
// window must not flash the home.
func (e *Exhibit) showFirst(coverPx int, arm bool) *firstScreen {
	h := e.home()
	f := &firstScreen{}
	f.box = container.New(f)
	e.current = h
	// Set before the preparation starts: the kiosk's layers measure
	// text, which may not run beside it.
	e.setContent(f.box)
	ready := prepareFirstScreen(e.pack, e.keptCovers, coverPx)
	f.build = func() fyne.CanvasObject {
		e.firstCover = ready()
		return h.content()
	}
	f.armed = arm
	e.logScreen("")
	return f
}
