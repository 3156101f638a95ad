package screens

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/exhibit"
)

// BenchmarkStartToHome measures what the app does between loading and the
// first frame: loading the built-in pack, indexing it for search, applying
// settings and building the home screen at 1280×720 (test driver, no GL).
func BenchmarkStartToHome(b *testing.B) {
	a := test.NewTempApp(b)
	for b.Loop() {
		p, _, err := exhibit.Load(assets.Pack())
		if err != nil {
			b.Fatal(err)
		}
		win := test.NewWindow(nil)
		New(a, win, p, nil)
		win.Resize(fyne.NewSize(1280, 720))
		win.Close()
	}
}

// BenchmarkKioskSoak pages through the exhibit 10,000 times — chapters,
// the timeline, pictures and back home, as a day of visitors would — and
// reports the resident memory before and after: it must stay flat.
func BenchmarkKioskSoak(b *testing.B) {
	a := test.NewTempApp(b)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		b.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	e := New(a, win, p, nil)
	e.post = func(f func()) {} // pictures decode but are not shown
	win.Resize(fyne.NewSize(1280, 720))
	page := func(i int) {
		switch i % 10 {
		case 7:
			e.openTimeline("")
			key(e, fyne.KeyRight)
		case 8:
			e.goHome()
		default:
			e.openChapter(i%len(p.Chapters), -1, nil)
			key(e, fyne.KeyPageDown)
		}
	}
	for i := 0; i < 500; i++ { // warm up caches before measuring
		page(i)
	}
	runtime.GC()
	before := rssKB()
	for b.Loop() {
		for i := 0; i < 10000; i++ {
			page(i)
		}
	}
	runtime.GC()
	after := rssKB()
	b.ReportMetric(float64(before)/1024, "MB-RSS-before")
	b.ReportMetric(float64(after)/1024, "MB-RSS-after")
	b.Logf("RSS before %d MB, after 10,000 page changes %d MB", before/1024, after/1024)
}

// rssKB reads the resident set size of this process from /proc.
func rssKB() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}
