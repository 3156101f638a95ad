// Package fynecache runs before Fyne's packages are initialised and
// shortens how long Fyne keeps the renderers and textures of objects no
// longer drawn, from a minute to 11 seconds (FYNE_CACHE, which Fyne reads
// in its init; a value already set is left alone).
//
// A kiosk shows page after page all day: with a minute's grace every page
// a visitor passed in the last minute kept its text textures in the
// software renderer's memory. bench/soak.sh (10,000 page changes after one
// full pass, on a quiet machine, before platform/memtrim) grew from
// 293 MB after the pass to 448 MB with 20 seconds, 380 MB with 10 and
// 351 MB with 5.
//
// Not less than 11 s: Fyne marks what is on screen as still in use by
// walking every object once it has gone 10 s less than the cache time
// without a frame (markCacheAlive), checked at each of its 60 ticks a
// second. With 10 s or less that walk runs on every tick in which nothing
// is drawn; with 11 s, once a second. bench/cpu.sh, 60 s each on a quiet
// machine, 5 s against 11 s: home idle 2.4 against 1.4 % of a core (the
// bare Fyne window 1.6 %), silent guided tour 5.4–6.0 against 3.7 %,
// narration 8.2–8.5 against 6.2 %. The soak then holds 270 MB after its
// 10,000 changes (1.27× the pass) against 234 MB (1.10×) with 5 s: its
// 80 pages a second come round again while cached, which a visitor's
// pace never does.
//
// Like package locale, it must sort before "fyne.io" to run first.
package fynecache

import "os"

func init() {
	if _, set := os.LookupEnv("FYNE_CACHE"); !set {
		os.Setenv("FYNE_CACHE", "11s")
	}
}
