package screens

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/visitlog"
)

// WindowTitle is the title of the main window. It is also the window's
// WM_CLASS on Linux (Fyne sets no class), which desktop files match, so it
// does not change with the pack or the screen.
const WindowTitle = "Trienlam"

// Options say how the exhibit starts.
type Options struct {
	// PackPath is a pack folder or .zip; "" for the built-in exhibit.
	PackPath string
	// Kiosk starts in kiosk mode, Presenter in presenter mode.
	Kiosk, Presenter bool
	// MissingStart is the id of the library's start exhibit when it is no
	// longer installed: the window says why the built-in exhibit shows.
	MissingStart string
	// Handoff, when set, is called with a function that opens a pack in
	// the running window: files handed over by a later start (a double
	// click on a .trienlam file) are passed to it, from any goroutine.
	Handoff func(open func(path string))
}

// Run opens the exhibit in a window of the app and runs until the window
// closes; it returns the process exit code. packPath is a pack folder or
// .zip, or "" for the built-in exhibit. A pack that cannot be read at all
// is explained in a dialog and the built-in exhibit is shown instead, so
// the hall is never left with an empty screen.
func Run(a fyne.App, opts Options) int {
	packPath := opts.PackPath
	w := a.NewWindow(WindowTitle)
	// 1024×700 fits the smallest projector (1024×768) with room for a
	// title bar; F11 fills any screen.
	w.Resize(fyne.NewSize(1024, 700))
	w.CenterOnScreen()
	w.SetMaster()

	var (
		pack     *exhibit.Pack
		problems []exhibit.Problem
		pfs      *exhibit.PackFS
		loadErr  error
	)
	if packPath != "" {
		pack, problems, pfs, loadErr = exhibit.LoadPath(packPath)
	}
	if pack == nil {
		var err error
		pack, problems, err = exhibit.Load(assets.Pack())
		if err != nil {
			// The built-in pack is tested on every build; this is a
			// broken binary, not a user's mistake.
			fmt.Fprintln(os.Stderr, "trienlam: built-in pack:", err)
			return 2
		}
	}
	e := New(a, w, pack, problems)
	if pfs != nil {
		// A folder pack can be written to by staff tools, which reload it.
		e.packFS, e.packDir = pfs, pfs.Dir()
	}
	defer func() { e.packFS.Close() }()
	if e.prefs.FullScreen() {
		w.SetFullScreen(true)
	}
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
	switch {
	case opts.Kiosk || e.prefs.KioskAtStart():
		e.startKiosk()
	case opts.Presenter:
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
	if opts.MissingStart != "" {
		dialog.ShowInformation(lang.L("Exhibit library"), lang.L("The exhibit chosen to open at start ({{.ID}}) is no longer in the exhibit library, so the built-in exhibit is shown. Choose another in Settings → Exhibit library.", map[string]any{"ID": opts.MissingStart}), e.Window())
	}
	if loadErr != nil {
		dialog.ShowError(fmt.Errorf("%s", lang.L("Could not open the pack {{.Path}}: {{.Error}}. Showing the built-in exhibit instead.",
			map[string]any{"Path": packPath, "Error": loadErr})), e.Window())
	}
	w.ShowAndRun()
	if e.narr != nil {
		e.narr.shutdown()
	}
	return 0
}
