// Package screens holds the exhibit's screens — home, reader, search, the
// original text, pack problems and settings — with navigation between them
// and the key bindings of keyboards and presentation clickers.
//
// Screens show what the exhibit package loaded; they never parse files.
package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"trienlam/exhibit"
	"trienlam/search"
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

// Exhibit is the running exhibit: one window, its screens, the settings
// and the routing of keys.
type Exhibit struct {
	app      fyne.App
	win      fyne.Window
	pack     *exhibit.Pack
	problems []exhibit.Problem
	index    *search.Index
	settings *Settings

	current screen
	history []screen

	reader *reader
	// shortcuts maps the keys pressed with Ctrl (Cmd on macOS) to actions.
	shortcuts map[fyne.KeyName]func()
}

// New builds the exhibit for a loaded pack in a window and shows the home
// screen, or the reader where the visitor last left off when resume is set.
// problems are the pack's validation problems, shown on their own screen.
func New(a fyne.App, w fyne.Window, p *exhibit.Pack, problems []exhibit.Problem) *Exhibit {
	e := &Exhibit{app: a, win: w, pack: p, problems: problems, settings: NewSettings(a)}
	e.settings.Apply()
	e.index = search.NewIndex(p)
	e.reader = newReader(e)

	c := w.Canvas()
	c.SetOnTypedKey(e.typedKey)
	e.shortcuts = map[fyne.KeyName]func(){
		fyne.KeyF:     e.openSearch,
		fyne.KeyEqual: func() { e.stepText(+1) },
		fyne.KeyPlus:  func() { e.stepText(+1) },
		fyne.KeyMinus: func() { e.stepText(-1) },
	}
	for key := range e.shortcuts {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(sc fyne.Shortcut) {
			e.runShortcut(sc.(*desktop.CustomShortcut))
		})
	}
	e.show(newHome(e), false)
	return e
}

// Window returns the exhibit's window.
func (e *Exhibit) Window() fyne.Window { return e.win }

// show puts a screen in the window; push keeps the current one in the
// history so that Esc and "back" return to it.
func (e *Exhibit) show(s screen, push bool) {
	if push && e.current != nil {
		e.history = append(e.history, e.current)
	}
	e.current = s
	e.win.Canvas().Unfocus()
	e.win.SetContent(s.content())
	s.shown()
}

// back returns to the previous screen, or home.
func (e *Exhibit) back() {
	if n := len(e.history); n > 0 {
		prev := e.history[n-1]
		e.history = e.history[:n-1]
		e.show(prev, false)
		return
	}
	if _, atHome := e.current.(*home); !atHome {
		e.goHome()
	}
}

// goHome shows the home screen and forgets the history.
func (e *Exhibit) goHome() {
	e.history = nil
	e.show(newHome(e), false)
}

// refreshCurrent rebuilds the current screen, after a language change.
func (e *Exhibit) refreshCurrent() {
	e.show(e.current, false)
}

// openChapter shows chapter i in the reader at block, with marks
// highlighted (search hits); block < 0 opens at the top.
func (e *Exhibit) openChapter(i, block int, marks map[int][][2]int) {
	if i < 0 || i >= len(e.pack.Chapters) {
		return
	}
	e.reader.open(i, block, marks)
	if e.current != e.reader {
		e.show(e.reader, true)
	} else {
		e.reader.shown()
	}
}

// resume opens the reader where the visitor left off, or at chapter one.
func (e *Exhibit) resume() {
	i, block := e.settings.LastPosition(e.pack)
	e.openChapter(i, block, nil)
}

func (e *Exhibit) openSearch() {
	if s, ok := e.current.(*searchScreen); ok {
		s.focus()
		return
	}
	e.show(newSearch(e), true)
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

func (e *Exhibit) openSettings() { e.show(newSettingsScreen(e), true) }

func (e *Exhibit) openOriginal() { e.show(newOriginal(e), true) }

func (e *Exhibit) openProblems() { e.show(newProblems(e), true) }

// stepText makes text one step larger (+1) or smaller (-1).
func (e *Exhibit) stepText(d int) {
	e.settings.SetTextStep(e.settings.TextStep() + exhibitStep(d))
}

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
	e.settings.SetFullScreen(on)
}

// typedKey routes a key: the current screen first, then the keys that mean
// the same everywhere. Focused buttons and the search field pass the keys
// they do not use here too, so a clicker works whatever has focus.
func (e *Exhibit) typedKey(ev *fyne.KeyEvent) {
	if e.current != nil && e.current.typedKey(ev) {
		return
	}
	switch ev.Name {
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
