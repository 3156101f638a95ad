package screens

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

func TestFirstScreenCoverIsDecodedInTheBackground(t *testing.T) {
	test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	// 410 pixels: two fifths of the 1024-wide first window.
	c := prepareFirstScreen(p, 410)()
	if c == nil {
		t.Fatal("no cover decoded")
	}
	if c.path != p.Cover || c.width != 512 {
		t.Errorf("cover %q decoded for %d px, want %q for 512 (410 rounded up to the step)", c.path, c.width, p.Cover)
	}
	if w := c.img.Bounds().Dx(); w != 512 {
		t.Errorf("cover decoded %d px wide, want 512", w)
	}
	if c := prepareFirstScreen(p, 0)(); c != nil {
		t.Errorf("a cover was decoded with no width to decode for (full screen)")
	}
}

func TestHomeTakesTheCoverDecodedAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	win.Resize(firstWindow)
	e := newExhibit(a, win, p, nil)
	e.inhibit = noInhibit
	early := image.NewRGBA(image.Rect(0, 0, 512, 288))
	e.firstCover = &decodedCover{path: p.Cover, img: early, width: 512}
	e.show(e.home(), false)
	found := findAll(win.Canvas().Content(), func(o fyne.CanvasObject) bool {
		img, ok := o.(*canvas.Image)
		return ok && img.Image == early
	})
	if len(found) != 1 {
		t.Fatalf("the home shows the cover decoded at start %d times, want once (it decoded it again)", len(found))
	}
	if !found[0].Visible() {
		t.Errorf("the cover is hidden in the %v window", firstWindow)
	}
	if e.firstCover != nil {
		t.Errorf("the cover decoded at start is kept after the home took it")
	}
}
