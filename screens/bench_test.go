package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
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
