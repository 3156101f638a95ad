package screens

// Navigation: the screen interface, the history behind Esc and "back",
// every openX that puts a screen in the window, and the routing of keys
// (a clicker's keys work whatever has focus).

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"trienlam/screens/exhibittheme"
)

// screen is one full-window view of the exhibit.
type screen interface {
	// content builds the screen's objects; called each time it is shown,
	// so that a language change takes effect.
	content() fyne.CanvasObject
	// typedKey handles a key and reports whether it did.
	typedKey(*fyne.KeyEvent) bool
	// shown is called after the content is in the window.
	shown()
}

// show puts a screen in the window; push keeps the current one in the
// history so that Esc and "back" return to it.
func (e *Exhibit) show(s screen, push bool) {
	if r, ok := e.current.(*readerScreen); ok && push && s != screen(r) && r.scroll != nil {
		r.savedOffset = r.scroll.Offset.Y
	}
	if push && e.current != nil {
		e.history = append(e.history, e.current)
	}
	e.current = s
	e.win.Canvas().Unfocus()
	e.setContent(s.content())
	s.shown()
	e.logScreen("")
}

// setContent puts a screen's content in the window: under the kiosk's
// layers in kiosk mode, beside the window hook, sized by hallLayout.
func (e *Exhibit) setContent(content fyne.CanvasObject) {
	if e.first != nil {
		// The first screen's box leaves the window.
		e.first.superseded = true
		e.first = nil
	}
	if e.kiosk != nil {
		content = e.kiosk.wrap(content)
	}
	if e.windowHook != nil {
		// In a container of its own: hallLayout sizes the rest to the
		// window, the hook stays a pixel.
		content = container.NewStack(content, container.NewWithoutLayout(e.windowHook))
	}
	e.win.SetContent(container.New(&hallLayout{e: e}, content))
}

// back returns to the previous screen, or home.
func (e *Exhibit) back() {
	if n := len(e.history); n > 0 {
		prev := e.history[n-1]
		e.history = e.history[:n-1]
		e.show(prev, false)
		return
	}
	if _, atHome := e.current.(*homeScreen); !atHome {
		e.goHome()
	}
}

// goHome shows the home screen and forgets the history; narration stops.
func (e *Exhibit) goHome() {
	e.stopTour()
	if e.narr != nil {
		e.narr.stopAll()
	}
	e.history = nil
	e.show(e.home(), false)
}

// home returns the home screen, made once: rebuilding its plate and
// cards on every return was the largest source of memory churn in a day
// of kiosk use.
func (e *Exhibit) home() *homeScreen {
	if e.homeS == nil {
		e.homeS = newHomeScreen(e)
	}
	return e.homeS
}

// contentKey names what a screen's built content depends on beyond its
// own state: language, colours and text size. Screens keep their content
// while it is unchanged.
func (e *Exhibit) contentKey() string {
	return e.prefs.Language() + "/" + string(e.prefs.Variant()) + "/" + strconv.Itoa(int(e.prefs.TextStep())) +
		"/" + strconv.FormatFloat(float64(e.prefs.HallScale()), 'f', 2, 32)
}

// refreshCurrent rebuilds the current screen, after a language change.
func (e *Exhibit) refreshCurrent() {
	if h, ok := e.current.(*homeScreen); ok {
		h.built = nil
	}
	if r, ok := e.current.(*readerScreen); ok {
		r.built = nil
	}
	e.show(e.current, false)
}

// openChapter shows chapter i in the reader at block, with marks
// highlighted (search hits); block < 0 opens at the top.
func (e *Exhibit) openChapter(i, block int, marks map[int][][2]int) {
	if i < 0 || i >= len(e.pack.Chapters) {
		return
	}
	e.chapterViewed(e.pack.Chapters[i].ID)
	if e.narr != nil && e.narr.chapter != i && !e.touring {
		// Changing chapter stops the narration; the tour excepted.
		e.narr.stopAll()
	}
	e.reader.open(i, block, marks)
	if e.current != e.reader {
		e.show(e.reader, true)
	} else {
		e.reader.shown()
		e.logScreen("")
	}
}

// resume opens the reader where the visitor left off, or at chapter one.
func (e *Exhibit) resume() {
	i, block := e.prefs.LastPosition(e.pack)
	e.openChapter(i, block, nil)
}

func (e *Exhibit) openSearch() {
	if s, ok := e.current.(*searchScreen); ok {
		s.focus()
		return
	}
	e.show(newSearchScreen(e), true)
}

// openTimeline shows the timeline with the event of the given ID
// selected, or the first event when id is empty.
func (e *Exhibit) openTimeline(id string) {
	start := 0
	for i, ev := range e.pack.Timeline.Events {
		if ev.ID == id {
			start = i
		}
	}
	e.show(newTimelineScreen(e, start), true)
}

// openGallery shows the grid of the pack's pictures.
func (e *Exhibit) openGallery() { e.show(newGalleryScreen(e), true) }

// openViewer shows picture at of the set ids large.
func (e *Exhibit) openViewer(ids []string, at int) {
	if at < 0 || at >= len(ids) {
		return
	}
	e.show(newViewerScreen(e, ids, at), true)
}

func (e *Exhibit) openSettings() {
	if e.kiosk != nil {
		return // settings are for staff, behind the PIN
	}
	e.show(newSettingsScreen(e), true)
}

func (e *Exhibit) openOriginal() { e.show(newOriginalScreen(e), true) }

func (e *Exhibit) openProblems() { e.show(newProblemsScreen(e), true) }

// runShortcut runs the action of a Ctrl shortcut and reports whether
// there was one; the search field calls it so shortcuts work while typing.
func (e *Exhibit) runShortcut(sc *desktop.CustomShortcut) bool {
	if sc.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	run, ok := e.shortcuts[sc.KeyName]
	if ok {
		run()
	}
	return ok
}

func (e *Exhibit) toggleFullScreen() { e.setFullScreen(!e.win.FullScreen()) }

func (e *Exhibit) setFullScreen(on bool) {
	e.win.SetFullScreen(on)
	e.prefs.SetFullScreen(on)
}

// typedKey routes a key: the current screen first, then the keys that mean
// the same everywhere. Focused buttons and the search field pass the keys
// they do not use here too, so a clicker works whatever has focus.
func (e *Exhibit) typedKey(ev *fyne.KeyEvent) {
	if e.kiosk != nil {
		e.kiosk.touched()
		switch ev.Name {
		case fyne.KeyF11, fyne.KeyF5:
			return // a kiosk stays full screen and out of presenter mode
		case fyne.KeyEscape:
			if e.prefs.PINHash() == "" {
				e.stopKiosk() // no PIN set: nothing to protect
				return
			}
			if _, home := e.current.(*homeScreen); home {
				return
			}
			// Elsewhere Esc goes back, as on any screen, but never
			// out of full screen (below): that would show a visitor
			// the desktop.
			if e.current == nil || !e.current.typedKey(ev) {
				e.back()
			}
			return
		}
	}
	if e.current != nil && e.current.typedKey(ev) {
		return
	}
	switch ev.Name {
	case fyne.KeyF5:
		e.startPresenter()
	case fyne.KeyF11:
		e.toggleFullScreen()
	case fyne.KeyEscape:
		if e.win.FullScreen() {
			e.setFullScreen(false)
			return
		}
		e.back()
	case fyne.KeyBackspace:
		e.back()
	}
}

// hallLayout holds the screen in the window and watches the window's size:
// when it calls for another hall scale (a maximised or full-screen window
// on a 1080p or 4K display), the theme grows or shrinks and the screen is
// built again, since screens size their columns from the text size.
type hallLayout struct {
	e       *Exhibit
	pending bool
}

func (l *hallLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
	}
	f := exhibittheme.HallScale(s.Width, s.Height)
	if f == l.e.prefs.HallScale() || l.pending {
		return
	}
	// Queued, so it runs after this layout pass (the theme change lays out
	// everything again). Not from another goroutine: the test driver runs
	// posted work at once, and text shaping is not safe across goroutines.
	l.pending = true
	l.e.post(func() {
		l.pending = false
		if l.e.prefs.SetHallScale(exhibittheme.HallScale(l.e.win.Canvas().Size().Width, l.e.win.Canvas().Size().Height)) {
			l.e.refreshCurrent()
		}
	})
}

func (l *hallLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
