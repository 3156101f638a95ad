// Package fynecache runs before Fyne's packages are initialised and
// shortens how long Fyne keeps the renderers and textures of objects no
// longer drawn, from a minute to 5 seconds (FYNE_CACHE, which Fyne reads
// in its init; a value already set is left alone).
//
// A kiosk shows page after page all day: with a minute's grace every page
// a visitor passed in the last minute kept its text textures in the
// software renderer's memory. bench/soak.sh (10,000 page changes after one
// full pass, on a quiet machine) grew from 293 MB after the pass to
// 448 MB with 20 seconds, 380 MB with 10 and 351 MB (1.21×) with 5. A
// page looked at again after 5 seconds is drawn afresh, as on its first
// visit.
//
// Like package locale, it must sort before "fyne.io" to run first.
package fynecache

import "os"

func init() {
	if _, set := os.LookupEnv("FYNE_CACHE"); !set {
		os.Setenv("FYNE_CACHE", "5s")
	}
}
