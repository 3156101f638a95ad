package photoview

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// checker is a 400×300 picture with a red top-left quarter, so tests can
// see which part is on screen.
func checker() image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			c := color.NRGBA{R: 0x20, G: 0x60, B: 0xA0, A: 0xff}
			if x < 200 && y < 150 {
				c = color.NRGBA{R: 0xC0, G: 0x20, B: 0x20, A: 0xff}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

func newZoom(t *testing.T) (*Zoom, fyne.Window) {
	test.NewTempApp(t)
	z := New(checker(), 4000, 3000) // a screen-size version of a 12 MP photo
	w := test.NewWindow(z)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	t.Cleanup(w.Close)
	return z, w
}

func TestZoomKeepsThePointUnderThePointer(t *testing.T) {
	z, _ := newZoom(t)
	if !z.Fitted() {
		t.Fatal("a new viewer must show the whole picture")
	}
	p := fyne.NewPos(200, 150) // the centre of the red quarter on screen
	z.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: p}, Scrolled: fyne.NewDelta(0, 240)})
	if z.Fitted() || math.Abs(z.Scale()-math.E) > 1e-9 {
		t.Fatalf("wheel up: scale %v, want e", z.Scale())
	}
	// The image point under p is still (0.25, 0.25).
	fw, fh := z.fitted()
	ix := z.cx + (float64(p.X)-400)/(fw*z.scale)
	iy := z.cy + (float64(p.Y)-300)/(fh*z.scale)
	if math.Abs(ix-0.25) > 1e-6 || math.Abs(iy-0.25) > 1e-6 {
		t.Errorf("point under the pointer moved to (%v, %v)", ix, iy)
	}
}

func TestZoomIsBoundedAndPanStaysOnThePicture(t *testing.T) {
	z, _ := newZoom(t)
	for i := 0; i < 50; i++ {
		z.ZoomIn()
	}
	if max := MaxZoom * 4000 / 800.0; math.Abs(z.Scale()-max) > 1e-6 {
		t.Errorf("zoomed in to %v, want the bound %v (4× the photo's own pixels)", z.Scale(), max)
	}
	for i := 0; i < 100; i++ {
		z.Pan(1000, 1000)
	}
	fw, fh := z.fitted()
	halfX, halfY := 400/(fw*z.scale), 300/(fh*z.scale)
	if math.Abs(z.cx-halfX) > 1e-9 || math.Abs(z.cy-halfY) > 1e-9 {
		t.Errorf("panned past the edge: centre (%v, %v), want (%v, %v)", z.cx, z.cy, halfX, halfY)
	}
	for i := 0; i < 50; i++ {
		z.ZoomOut()
	}
	if !z.Fitted() || z.cx != 0.5 || z.cy != 0.5 {
		t.Errorf("zoomed out: scale %v centre (%v, %v), want fitted and centred", z.Scale(), z.cx, z.cy)
	}
}

func TestDoubleTapAndFitCallback(t *testing.T) {
	z, _ := newZoom(t)
	var changes []bool
	z.OnZoomChanged = func(f bool) { changes = append(changes, f) }
	z.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(600, 450)})
	if z.Fitted() {
		t.Fatal("double tap should zoom in")
	}
	z.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(600, 450)})
	if !z.Fitted() {
		t.Fatal("a second double tap should fit again")
	}
	if len(changes) != 2 || changes[0] || !changes[1] {
		t.Errorf("OnZoomChanged calls %v, want [false true]", changes)
	}
}

func TestGoldenFittedAndZoomed(t *testing.T) {
	z, w := newZoom(t)
	test.AssertImageMatches(t, "fitted.png", w.Canvas().Capture())
	z.zoomAt(3, fyne.NewPos(200, 150))
	test.AssertImageMatches(t, "zoomed_red_quarter.png", w.Canvas().Capture())
}

// With GPUScale the picture goes to the graphics driver as it is: a crop
// of an RGBA picture must have rows of its own width, or Fyne's OpenGL
// painter draws it as diagonal streaks.
func TestGPUScaleCropHasRowsOfItsWidth(t *testing.T) {
	test.NewTempApp(t)
	src := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			src.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 0x40, A: 0xff})
		}
	}
	z := New(src, 400, 300)
	z.GPUScale = true
	w := test.NewWindow(z)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(400, 300))
	t.Cleanup(w.Close)
	z.SetView(1.5, 0.6, 0.4)
	pic := test.WidgetRenderer(z).Objects()[1].(*canvas.Image)
	m, ok := pic.Image.(*image.RGBA)
	if !ok {
		t.Fatalf("the zoomed picture is a %T", pic.Image)
	}
	if m.Rect.Dx() >= 400 || m.Stride != 4*m.Rect.Dx() {
		t.Fatalf("crop %v with rows of %d bytes, want a crop with rows of %d", m.Rect, m.Stride, 4*m.Rect.Dx())
	}
	for _, p := range []image.Point{m.Rect.Min, m.Rect.Max.Sub(image.Pt(1, 1)), {m.Rect.Min.X + 7, m.Rect.Max.Y - 3}} {
		if got, want := m.RGBAAt(p.X, p.Y), src.RGBAAt(p.X, p.Y); got != want {
			t.Errorf("pixel %v is %v, want %v", p, got, want)
		}
	}
}
