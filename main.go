// Command trienlam presents an exhibit pack — chapters, pictures and
// timeline — offline, on a kiosk or a projector. See README.md.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	"trienlam/cli"
	"trienlam/screens"
)

// appID identifies the app to Fyne (preferences) and the desktop; it
// matches FyneApp.toml.
const appID = "vn.trienlam.exhibit"

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, func(o cli.GUIOptions) int {
		return screens.Run(app.NewWithID(appID), o.PackPath)
	}))
}
