package screens

import (
	"trienlam/internal/exhibit"

	"fyne.io/fyne/v2"
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
// for coverPx pixels of width (none when 0). Fyne's text shaper is not
// safe for concurrent use: nothing may measure or draw text until the
// returned wait has returned. wait gives the decoded cover, or nil.
func prepareFirstScreen(p *exhibit.Pack, coverPx int) (wait func() *decodedCover) {
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
			cover, _ = decodeCover(p.FS, p.Cover, coverPx)
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
