package screens

import (
	"image"
	"math"
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
		c, ok := o.(*fyne.Container)
		if !ok {
			return false
		}
		row, ok := c.Layout.(*coverRow)
		return ok && row.decoded == early
	})
	if len(found) != 1 {
		t.Fatalf("the home keeps the cover decoded at start in %d cover rows, want 1 (it decoded it again)", len(found))
	}
	img := found[0].(*fyne.Container).Objects[1].(*canvas.Image)
	if !img.Visible() || img.Image == nil {
		t.Fatalf("the cover is not shown in the %v window", firstWindow)
	}
	// Shown at exactly its pixels on screen (scale 1 here), so Fyne's
	// painter does not scale it again.
	b, sz := img.Image.Bounds(), img.Size()
	if b.Dx() != int(math.Round(float64(sz.Width))) || b.Dy() != int(math.Round(float64(sz.Height))) {
		t.Errorf("the cover shows a %d×%d picture in a %v image, want the image's own pixels", b.Dx(), b.Dy(), sz)
	}
	if r := float32(b.Dx()) / float32(b.Dy()); r < 1.7 || r > 1.85 {
		t.Errorf("the cover shows at %d×%d, not at the 16:9 of the decoded picture", b.Dx(), b.Dy())
	}
	if e.firstCover != nil {
		t.Errorf("the cover decoded at start is kept after the home took it")
	}
}
