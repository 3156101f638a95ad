// Package fynecache runs before Fyne's packages are initialised and
// shortens how long Fyne keeps the renderers and textures of objects no
// longer drawn, from a minute to 20 seconds (FYNE_CACHE, which Fyne reads
// in its init; a value already set is left alone).
//
// A kiosk shows page after page all day: with a minute's grace every page
// a visitor passed in the last minute kept its text textures in the
// software renderer's memory, and bench/soak.sh grew from 290 MB after one
// pass through the exhibit to 460–500 MB after 3,000–10,000 page changes.
// A page looked at again after 20 seconds is drawn afresh, as on its
// first visit.
//
// Like package locale, it must sort before "fyne.io" to run first.
package fynecache

import "os"

func init() {
	if _, set := os.LookupEnv("FYNE_CACHE"); !set {
		os.Setenv("FYNE_CACHE", "20s")
	}
}
