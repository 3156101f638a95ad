package screens

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/kiosk"
	"trienlam/internal/photos"
	"trienlam/internal/visitlog"
	"trienlam/platform/memtrim"
)

// WindowTitle is the title of the main window. It is also the window's
// WM_CLASS on Linux (Fyne sets no class), which desktop files match, so it
// does not change with the pack or the screen.
const WindowTitle = "Trienlam"

// firstWindow is the window's size at start: 1024×700 fits the smallest
// projector (1024×768) with room for a title bar; F11 fills any screen.
var firstWindow = fyne.NewSize(1024, 700)

// Options say how the exhibit starts.
type Options struct {
	// PackPath is a pack folder or .zip; "" for the built-in exhibit.
	PackPath string
	// Kiosk starts in kiosk mode, Presenter in presenter mode.
	Kiosk, Presenter bool
	// MissingStart is the id of the library's start exhibit when it is no
	// longer installed: the built-in exhibit opens and says why.
	MissingStart string
	// Handoff, when set, is called with a function that opens a pack in
	// the running window: files handed over by a later start (a double
	// click on a .trienlam file) are passed to it, from any goroutine.
	Handoff func(open func(path string))
	// WindowHook, when set, is an invisible object put in the window's
	// content on every screen, for platform glue that must be drawn to
	// reach the window (platform/touchtap).
	WindowHook fyne.CanvasObject
	// NoWindow, when set, is called when the driver could not make the
	// window (no OpenGL driver, for one; Fyne only logs it and would run
	// on with no window): it explains why and returns the exit code.
	NoWindow func() int
}

// Run opens the exhibit in a window of the app and runs until the window
// closes; it returns the process exit code. packPath is a pack folder or
// .zip, or "" for the built-in exhibit. A pack that cannot be read at all
// is explained on the home screen (and in a dialog outside kiosk mode) and
// the built-in exhibit is shown instead, so the hall is never left with an
// empty screen.
func Run(a fyne.App, opts Options) int {
	packPath := opts.PackPath
	w := a.NewWindow(WindowTitle)
	w.Resize(firstWindow)
	w.CenterOnScreen()
	w.SetMaster()

	pack, problems, pfs, unopened, err := openPack(packPath, opts.MissingStart)
	if err != nil {
		// The built-in pack is tested on every build; this is a
		// broken binary, not a user's mistake.
		fmt.Fprintln(os.Stderr, "trienlam: built-in pack:", err)
		return 2
	}
	// The window is made (loading the OpenGL driver, ~400 ms in software
	// OpenGL) while another core prepares the first screen's fonts and
	// cover, and its first frame is the home (showFirst; bench/startup.sh).
	coverPx := int(firstWindow.Width * coverShare) // at scale 1
	prefs := NewPrefs(a)
	fullAtStart, kioskAtStart := prefs.FullScreen(), opts.Kiosk || prefs.KioskAtStart()
	if fullAtStart || kioskAtStart {
		// Made full screen before it is shown: a kiosk PC starting up
		// shows no small window first.
		w.SetFullScreen(true)
		// The screen's size is not known yet: the width the cover had
		// full screen last time (0 the first time: decoded on show).
		coverPx = prefs.FullScreenCoverWidth()
	}
	e := newExhibit(a, w, pack, problems)
	e.windowHook = opts.WindowHook
	if dir, err := os.UserCacheDir(); err == nil {
		e.keptCovers = photos.Kept{Dir: filepath.Join(dir, "trienlam", "pictures")}
	}
	if unopened != nil {
		// Said on the home screen too, where staff look first, and in
		// kiosk mode, where no dialog is shown to visitors.
		e.notice = unopened
		fmt.Fprintln(os.Stderr, "trienlam:", unopened.Message)
	}
	if pfs != nil {
		// A folder pack can be written to by staff tools, which reload it.
		e.packFS, e.packDir = pfs, pfs.Dir()
	}
	defer func() { e.packFS.Close() }()
	if dir, err := os.UserConfigDir(); err == nil {
		// The visitor log lives with the user's settings, never in the
		// pack or beside the program, so uninstalling keeps it.
		if l, err := visitlog.Open(filepath.Join(dir, "trienlam", "visits.log")); err == nil {
			e.visits = l
			defer l.Close()
		} else {
			fyne.LogError("visitor log", err)
		}
	}
	// The kiosk-day soak's hooks (scripts/bench/soak.sh, its kiosk day).
	e.idleOverride = kiosk.IdleOverride()
	if kioskAtStart {
		// Before the window shows, so that its first frame is the
		// kiosk's home.
		e.enterKiosk()
		if !fullAtStart {
			// Leaving kiosk mode returns to the window it would
			// have started in.
			e.kiosk.windowSize, e.kiosk.startedFull = firstWindow, false
		}
	}
	// A presenter start shows its slides first: the home is built
	// after the window is shown, not drawn in its first frame.
	presenterAtStart := opts.Presenter && !kioskAtStart
	first := e.showFirst(coverPx, !presenterAtStart)
	w.Show()
	first.fill()
	if !windowMade(w) {
		if opts.NoWindow != nil {
			return opts.NoWindow()
		}
		fmt.Fprintln(os.Stderr, "trienlam: the window could not be made")
		return 1
	}
	if e.kiosk != nil {
		e.kiosk.begin()
	}
	// A day of visitors leaves the heaps full of freed memory: give it
	// back whenever the screen goes still (bench/soak.sh).
	memtrim.Start()
	if f := os.Getenv(kiosk.EnvStatsFile); f != "" {
		stop := make(chan struct{})
		defer close(stop)
		go kiosk.WriteStats(f, 5*time.Second, stop)
	}
	if presenterAtStart {
		e.startPresenter()
	}
	e.acceptDrops()
	if opts.Handoff != nil {
		opts.Handoff(func(path string) {
			fyne.Do(func() {
				e.openPackPath(path)
				e.win.RequestFocus()
			})
		})
	}
	if unopened != nil && e.kiosk == nil {
		dialog.ShowInformation(lang.L("Pack problems"), unopened.Text(e.prefs.Language()), e.Window())
	}
	a.Run()
	if e.narr != nil {
		e.narr.shutdown()
	}
	return 0
}

// openPack loads the pack at path, or the built-in pack for "" (saying
// why when missingStart names a start exhibit no longer installed). A pack
// that cannot be opened or loaded at all falls back to the built-in pack,
// so a hall is never left with an empty screen: unopened then says why,
// and it leads the problems, followed by those of the failed pack that
// explain it. err is set only when the built-in pack itself cannot load.
func openPack(path, missingStart string) (pack *exhibit.Pack, problems []exhibit.Problem, pfs *exhibit.PackFS, unopened *exhibit.Problem, err error) {
	if path == "" && missingStart != "" {
		pr := exhibit.MissingStartExhibit(missingStart)
		unopened = &pr
		problems = []exhibit.Problem{pr}
	}
	if path != "" {
		var loadErr error
		pack, problems, pfs, loadErr = exhibit.LoadPath(path)
		if loadErr == nil {
			return pack, problems, pfs, nil, nil
		}
		pr := exhibit.UnopenedPack(path, loadErr)
		unopened = &pr
		problems = append([]exhibit.Problem{pr}, problems...)
	}
	builtin, more, err := exhibit.Load(assets.Pack())
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return builtin, append(problems, more...), nil, unopened, nil
}
