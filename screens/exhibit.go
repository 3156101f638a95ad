package screens

import (
	"image"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2/driver/desktop"
	"trienlam/audio"

	"trienlam/internal/exhibit"
	"trienlam/internal/kiosk"
	"trienlam/internal/library"
	"trienlam/internal/photos"
	"trienlam/internal/search"
	"trienlam/internal/visitlog"
	"trienlam/platform/nosleep"
)

// Exhibit is the running exhibit: one window, its screens, the settings
// and the routing of keys.
type Exhibit struct {
	// --- What is shown ---
	app fyne.App
	win fyne.Window
	// windowHook is Options.WindowHook: nil in tests.
	windowHook fyne.CanvasObject
	pack       *exhibit.Pack
	problems   []exhibit.Problem
	// notes are what went wrong while the exhibit ran, for staff
	// (staffnotes.go).
	notes []staffNote
	prefs *Prefs
	// packDir is the folder the pack was opened from, where staff tools
	// write; "" for the built-in pack and zip packs, which are read-only.
	// packFS is what it was opened with (nil for the built-in pack).
	packDir string
	packFS  *exhibit.PackFS
	// notice, when set, is said at the top of the home screen: why the
	// pack asked for is not the one shown.
	notice *exhibit.Problem

	// --- Navigation (nav.go) ---
	current screen
	history []screen
	// shortcuts maps the keys pressed with Ctrl (Cmd on macOS) to actions.
	shortcuts map[fyne.KeyName]func()
	// homeS and reader are made once and kept between visits.
	homeS  *homeScreen
	reader *readerScreen
	// attractS is the kiosk's attract loop, made on first use.
	attractS *attractScreen

	// --- Modes: set while they run ---
	// touring is set while the guided tour plays the exhibit.
	touring bool
	// silent runs the tour's chapter whose narration cannot play.
	silent *silentChapter
	// tourAwake releases the tour's hold on the screen (see inhibit).
	tourAwake func()
	// presenting is the presenter mode while it runs.
	presenting *presenterScreen
	// kiosk is kiosk mode while it runs.
	kiosk *kioskMode

	// --- Services ---
	// index is the search index, built on first use (searchIndex): most
	// visitors never search, and building it cost the first frame ~25 ms.
	index *search.Index
	narr  *narrator
	// pictures holds decoded, scaled pictures within a memory budget.
	pictures *photos.Cache
	// firstCover is the home screen's cover decoded while the window was
	// made (Run); the home takes it once.
	firstCover *decodedCover
	// first is the window's first screen while its box is the window's
	// content (showFirst); nil once another content replaced it.
	first *firstScreen
	// keptCovers keeps the home's cover as decoded for a width, so that
	// later starts read it rather than decode it (Run sets it to a folder
	// in the user's cache folder; by default nothing is kept).
	keptCovers photos.Kept
	// visits is the local visitor log (no personal data); nil when it
	// could not be opened, which never stops the exhibit.
	visits *visitlog.Log
	// lib is the exhibit library, opened on first use (library.go).
	lib *library.Library
	// studio opens the editor of an exhibit folder; nil when the build has
	// none.
	studio func(dir string)

	// screenLog is the file named by ScreenLogEnv, or "".
	screenLog string
	// frames counts the timeline's frames when FrameLogEnv names a file.
	frames *frameLog

	// --- Test hooks: real by default, replaced by tests ---
	// newOutput makes the sound output on first use.
	newOutput func() audio.Output
	clock     audio.Clock
	// secondScreen, when set, answers whether a projector is attached;
	// otherwise the driver is asked.
	secondScreen func() bool
	// now tells the time for clocks on screen.
	now func() time.Time
	// inhibit keeps the screen from blanking until the returned release
	// is called: nosleep.Inhibit; tests count the holds.
	inhibit func(reason string) (release func())
	// idleOverride, when set, replaces the kiosk's idle minutes: the
	// soak's shortened day (kiosk.EnvIdleSeconds).
	idleOverride time.Duration
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
	e := newExhibit(a, w, p, problems)
	e.show(e.home(), false)
	return e
}

// newExhibit is New without showing a screen: Run hands it the start-up
// work done in the background first.
func newExhibit(a fyne.App, w fyne.Window, p *exhibit.Pack, problems []exhibit.Problem) *Exhibit {
	e := &Exhibit{app: a, win: w, pack: p, problems: problems, prefs: NewPrefs(a), screenLog: os.Getenv(ScreenLogEnv),
		newOutput: func() audio.Output { return audio.SpeakerOutput() }, clock: audio.SystemClock(), post: fyne.Do, now: time.Now,
		inhibit: nosleep.Inhibit}
	e.prefs.Apply()
	if f := os.Getenv(FrameLogEnv); f != "" {
		e.frames = &frameLog{path: f}
	}
	e.studio = e.openStudio
	e.pictures = photos.NewCache(pictureBudget)
	e.reader = newReaderScreen(e)

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
	return e
}

// searchIndex returns the search index of the pack shown, built on first
// use and dropped (index = nil) whenever another pack is shown.
func (e *Exhibit) searchIndex() *search.Index {
	if e.index == nil {
		e.index = search.NewIndex(e.pack)
	}
	return e.index
}

// Window returns the exhibit's window.
func (e *Exhibit) Window() fyne.Window { return e.win }

// narrator returns the narration player, made on first use so that the
// sound device is opened only when someone asks for narration.
func (e *Exhibit) narrator() *narrator {
	if e.narr == nil {
		e.narr = newNarrator(e, e.newOutput(), e.clock)
		e.narr.player.SetVolume(e.prefs.Volume())
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
	if e.tourAwake == nil {
		// Nobody touches the PC while the tour plays: the screen must
		// not blank.
		e.tourAwake = e.inhibit(lang.L("Guided tour"))
	}
	n := e.narrator()
	n.onEnded = e.tourNext
	n.onFailed = e.tourFailed
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
	e.stopSilent()
	next := e.nextNarrated(e.reader.chapter)
	if next < 0 && e.prefs.TourLoop() {
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
	e.stopSilent()
	if e.tourAwake != nil {
		e.tourAwake()
		e.tourAwake = nil
	}
	if e.narr != nil {
		e.narr.onEnded = nil
		e.narr.onFailed = nil
		e.narr.stopAll()
	}
	if e.reader.player != nil {
		e.reader.player.refreshTour()
	}
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

// stepText makes text one step larger (+1) or smaller (-1).
func (e *Exhibit) stepText(d int) {
	before := e.prefs.TextStep()
	e.prefs.SetTextStep(before + exhibitStep(d))
	if r, ok := e.current.(*readerScreen); ok && e.prefs.TextStep() != before {
		// The reader's bars change shape with the text size: build it
		// again, at the paragraph being read.
		r.block = r.topBlock()
		e.refreshCurrent()
	}
}
