// Package screens holds the exhibit's screens — home, reader, search, the
// original text, pack problems and settings — with navigation between them
// and the key bindings of keyboards and presentation clickers.
//
// Screens show what the exhibit package loaded; they never parse files.
package screens

import (
	"image"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/driver/desktop"
	"trienlam/audio"

	"trienlam/exhibit"
	"trienlam/kiosk"
	"trienlam/photos"
	"trienlam/search"
	"trienlam/visitlog"
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
	// packDir is the folder the pack was opened from, where staff tools
	// write; "" for the built-in pack and zip packs, which are read-only.
	// packFS is what it was opened with (nil for the built-in pack).
	packDir string
	packFS  *exhibit.PackFS

	current screen
	history []screen

	reader *reader
	// shortcuts maps the keys pressed with Ctrl (Cmd on macOS) to actions.
	shortcuts map[fyne.KeyName]func()

	narr *narrator
	// newOutput makes the sound output on first use; tests replace it.
	newOutput func() audio.Output
	clock     audio.Clock
	// touring is set while the guided tour plays the exhibit.
	touring bool
	// tourLoop makes this tour start again after the last chapter
	// whatever the setting: the kiosk's attract loop.
	tourLoop bool

	// pictures holds decoded, scaled pictures within a memory budget.
	pictures *photos.Cache
	// presenting is the presenter mode while it runs.
	presenting *presenter
	// secondScreen, when set, answers whether a projector is attached
	// (tests); otherwise the driver is asked.
	secondScreen func() bool
	// now tells the time for clocks on screen; tests fix it.
	now func() time.Time

	homeS *home

	// kiosk is kiosk mode while it runs.
	kiosk *kioskMode
	// visits is the local visitor log (no personal data); nil when it
	// could not be opened, which never stops the exhibit.
	visits *visitlog.Log
	// post runs work from background goroutines on the UI goroutine:
	// fyne.Do; tests queue it instead.
	post func(func())
}

// pictureBudget bounds the memory of decoded pictures (thumbnails and
// screen-size images together): a pack of hundreds of 24-megapixel phone
// photos browses within it.
const pictureBudget = 160 << 20

// New builds the exhibit for a loaded pack in a window and shows the home
// screen, or the reader where the visitor last left off when resume is set.
// problems are the pack's validation problems, shown on their own screen.
func New(a fyne.App, w fyne.Window, p *exhibit.Pack, problems []exhibit.Problem) *Exhibit {
	e := &Exhibit{app: a, win: w, pack: p, problems: problems, settings: NewSettings(a),
		newOutput: func() audio.Output { return audio.SpeakerOutput() }, clock: audio.SystemClock(), post: fyne.Do, now: time.Now}
	e.settings.Apply()
	e.index = search.NewIndex(p)
	e.pictures = photos.NewCache(pictureBudget)
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
	e.show(e.homeScreen(), false)
	return e
}

// Window returns the exhibit's window.
func (e *Exhibit) Window() fyne.Window { return e.win }

// show puts a screen in the window; push keeps the current one in the
// history so that Esc and "back" return to it.
func (e *Exhibit) show(s screen, push bool) {
	if r, ok := e.current.(*reader); ok && push && s != screen(r) && r.scroll != nil {
		r.savedOffset = r.scroll.Offset.Y
	}
	if push && e.current != nil {
		e.history = append(e.history, e.current)
	}
	e.current = s
	e.win.Canvas().Unfocus()
	content := s.content()
	if e.kiosk != nil {
		content = e.kiosk.wrap(content)
	}
	e.win.SetContent(content)
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

// goHome shows the home screen and forgets the history; narration stops.
func (e *Exhibit) goHome() {
	e.stopTour()
	if e.narr != nil {
		e.narr.stopAll()
	}
	e.history = nil
	e.show(e.homeScreen(), false)
}

// homeScreen returns the home screen, made once: rebuilding its plate and
// cards on every return was the largest source of memory churn in a day
// of kiosk use.
func (e *Exhibit) homeScreen() *home {
	if e.homeS == nil {
		e.homeS = newHome(e)
	}
	return e.homeS
}

// contentKey names what a screen's built content depends on beyond its
// own state: language, colours and text size. Screens keep their content
// while it is unchanged.
func (e *Exhibit) contentKey() string {
	return e.settings.Language() + "/" + string(e.settings.Variant()) + "/" + strconv.Itoa(int(e.settings.TextStep()))
}

// refreshCurrent rebuilds the current screen, after a language change.
func (e *Exhibit) refreshCurrent() {
	if h, ok := e.current.(*home); ok {
		h.built = nil
	}
	if r, ok := e.current.(*reader); ok {
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
	}
}

// narrator returns the narration player, made on first use so that the
// sound device is opened only when someone asks for narration.
func (e *Exhibit) narrator() *narrator {
	if e.narr == nil {
		e.narr = newNarrator(e, e.newOutput(), e.clock)
		e.narr.player.SetVolume(e.settings.Volume())
	}
	return e.narr
}

// hasAnyNarration reports whether any chapter has narration.
func (e *Exhibit) hasAnyNarration() bool {
	for _, ch := range e.pack.Chapters {
		if hasNarration(ch) {
			return true
		}
	}
	return false
}

// startTour plays the whole exhibit: each narrated chapter in order, with
// highlight and captions, advancing by itself.
func (e *Exhibit) startTour() {
	first := e.nextNarrated(-1)
	if first < 0 {
		return
	}
	e.touring = true
	n := e.narrator()
	n.onEnded = e.tourNext
	e.openChapter(first, -1, nil)
	n.play(first, 0)
	e.reader.player.refreshTour()
}

// nextNarrated returns the index of the first narrated chapter after i,
// or -1.
func (e *Exhibit) nextNarrated(i int) int {
	for j := i + 1; j < len(e.pack.Chapters); j++ {
		if hasNarration(e.pack.Chapters[j]) {
			return j
		}
	}
	return -1
}

// tourNext moves the tour to the next narrated chapter; after the last it
// starts again when the loop setting is on, else it ends at the title plate.
func (e *Exhibit) tourNext() {
	if !e.touring {
		return
	}
	next := e.nextNarrated(e.reader.chapter)
	if next < 0 && (e.settings.TourLoop() || e.tourLoop) {
		next = e.nextNarrated(-1)
	}
	if next < 0 {
		e.stopTour()
		e.goHome()
		return
	}
	e.openChapter(next, -1, nil)
	e.narrator().play(next, 0)
	e.reader.player.refreshTour()
}

// startTourLooping starts the guided tour for the kiosk's attract loop,
// which always starts again after the last chapter.
func (e *Exhibit) startTourLooping() {
	e.startTour()
	e.tourLoop = true
}

// visitStart, chapterViewed, eventViewed and visitEnd feed the visitor log
// in kiosk mode. A failing log is reported once and never stops the
// exhibit.
func (e *Exhibit) visitStart() {
	if e.kiosk == nil {
		return
	}
	e.logVisit(func(l *visitlog.Log, t time.Time) error { return l.VisitStart(t) })
}

func (e *Exhibit) visitEnd() {
	e.logVisit(func(l *visitlog.Log, t time.Time) error { return l.VisitEnd(t) })
}

func (e *Exhibit) chapterViewed(id string) {
	if e.kiosk == nil || e.kiosk.state == kiosk.Attract {
		return
	}
	e.logVisit(func(l *visitlog.Log, t time.Time) error { return l.ChapterViewed(id, t) })
}

func (e *Exhibit) eventViewed(id string) {
	if e.kiosk == nil || e.kiosk.state == kiosk.Attract {
		return
	}
	e.logVisit(func(l *visitlog.Log, t time.Time) error { return l.EventViewed(id, t) })
}

func (e *Exhibit) logVisit(f func(*visitlog.Log, time.Time) error) {
	if e.visits == nil {
		return
	}
	if err := f(e.visits, e.now()); err != nil {
		fyne.LogError("visitor log", err)
		e.visits = nil
	}
}

// stopTour ends the guided tour and its narration.
func (e *Exhibit) stopTour() {
	if !e.touring {
		return
	}
	e.touring = false
	e.tourLoop = false
	if e.narr != nil {
		e.narr.onEnded = nil
		e.narr.stopAll()
	}
	if e.reader.player != nil {
		e.reader.player.refreshTour()
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

// openGallery shows the grid of the pack's pictures.
func (e *Exhibit) openGallery() { e.show(newGallery(e), true) }

// openViewer shows picture at of the set ids large.
func (e *Exhibit) openViewer(ids []string, at int) {
	if at < 0 || at >= len(ids) {
		return
	}
	e.show(newViewer(e, ids, at), true)
}

// cachedImage returns a picture decoded at w×h if the cache has it.
func (e *Exhibit) cachedImage(p *exhibit.Photo, w, h int) (image.Image, bool) {
	return e.pictures.Get(e.pack.FS, p.File, w, h)
}

// thumbnail gets a picture scaled to fit w×h: at once when cached, else
// decoded in the background and handed to done on the UI goroutine. A
// picture that cannot be decoded gives done a nil image and the error.
func (e *Exhibit) thumbnail(p *exhibit.Photo, w, h int, done func(image.Image, error)) {
	if img, ok := e.pictures.Get(e.pack.FS, p.File, w, h); ok {
		done(img, nil)
		return
	}
	e.pictures.Request(e.pack.FS, p.File, w, h, func(img image.Image, err error) {
		e.post(func() { done(img, err) })
	})
}

func (e *Exhibit) openSettings() {
	if e.kiosk != nil {
		return // settings are for staff, behind the PIN
	}
	e.show(newSettingsScreen(e), true)
}

func (e *Exhibit) openOriginal() { e.show(newOriginal(e), true) }

func (e *Exhibit) openProblems() { e.show(newProblems(e), true) }

// stepText makes text one step larger (+1) or smaller (-1).
func (e *Exhibit) stepText(d int) {
	before := e.settings.TextStep()
	e.settings.SetTextStep(before + exhibitStep(d))
	if r, ok := e.current.(*reader); ok && e.settings.TextStep() != before {
		// The reader's bars change shape with the text size: build it
		// again, at the paragraph being read.
		r.block = r.topBlock()
		e.refreshCurrent()
	}
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
	if e.kiosk != nil {
		e.kiosk.touched()
		switch ev.Name {
		case fyne.KeyF11, fyne.KeyF5:
			return // a kiosk stays full screen and out of presenter mode
		case fyne.KeyEscape:
			if e.settings.PINHash() == "" {
				e.stopKiosk() // no PIN set: nothing to protect
				return
			}
			if _, home := e.current.(*home); home {
				return
			}
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
