// Command trienlam presents an exhibit pack — chapters, pictures and
// timeline — offline, on a kiosk or a projector. See README.md.
package main

import (
	// First of all: a C locale read as English before Fyne looks at it,
	// and Fyne's cache of undrawn objects kept 11 s, not a minute.
	_ "earlyenv.local/locale"
	_ "earlyenv.local/locale/fynecache"

	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"trienlam/assets"
	"trienlam/internal/cli"
	"trienlam/platform/glcheck"
	"trienlam/platform/single"
	"trienlam/platform/touchtap"
	"trienlam/screens"
)

// appID identifies the app to Fyne (preferences) and the desktop; it
// matches FyneApp.toml.
const appID = "vn.trienlam.exhibit"

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, func(o cli.GUIOptions) int {
		// One exhibit per user: a second start (two Startup shortcuts, a
		// double click) leaves the running one alone.
		release, ok, err := single.Acquire(appID)
		if err != nil {
			fmt.Fprintln(os.Stderr, "trienlam:", cli.CannotCheckRunning(err))
		}
		if !ok {
			if o.FromFile {
				// A double click on a .trienlam file: the running
				// exhibit opens it.
				if err := single.Handoff(appID, o.PackPath); err == nil {
					return cli.ExitOK
				}
			}
			fmt.Fprintln(os.Stderr, "trienlam:", cli.AlreadyRunning())
			return cli.ExitOK
		}
		defer release()
		// No display or no OpenGL driver: say so in Vietnamese, not
		// vanish. The display is checked now, OpenGL only when the
		// window could not be made (NoWindow below): checking it first
		// would load the OpenGL driver for a test window at every start.
		if err := glcheck.Display(); err != nil {
			glcheck.Report(err, os.Stderr)
			return cli.ExitFailure
		}
		// A kiosk PC runs all day with other programs: let the garbage
		// collector work harder rather than let decoded photos double the
		// heap (bench/photos.sh: 551 MB peak without, 324 MB with). An
		// explicit GOMEMLIMIT still wins.
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(320 << 20)
		}
		// Installed binaries have no FyneApp.toml beside them, so the
		// metadata is set here. The UI is only touched from Fyne's own
		// callbacks, which is what the fyneDo threading model asks.
		app.SetMetadata(fyne.AppMetadata{ID: appID, Name: "Trienlam", Version: cli.Version,
			Icon:    fyne.NewStaticResource("icon.png", assets.WindowIcon),
			Release: true, Migrations: map[string]bool{"fyneDo": true}})
		return screens.Run(app.NewWithID(appID), screens.Options{PackPath: o.PackPath, Kiosk: o.Kiosk, Presenter: o.Presenter,
			MissingStart: o.MissingStart,
			WindowHook:   touchtap.Hook(),
			NoWindow: func() int {
				glcheck.Report(glcheck.WindowFailed(), os.Stderr)
				return cli.ExitFailure
			},
			Handoff: func(open func(string)) {
				if _, err := single.Serve(appID, open); err != nil {
					fyne.LogError("handoff", err)
				}
			}})
	}))
}
