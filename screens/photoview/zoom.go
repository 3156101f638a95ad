package photoview

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// MaxZoom is how far in, relative to the image's own pixels, zooming goes.
const MaxZoom = 4.0

// Zoom shows an image fitted to its size, with zoom and pan.
type Zoom struct {
	widget.BaseWidget

	// OnZoomChanged is called when the zoom leaves or returns to fitted;
	// the viewer uses it to decide what arrows and swipes mean.
	OnZoomChanged func(fitted bool)
	// GPUScale lets the graphics
	// driver scale the picture (linear filtering) instead of Fyne's
	// painter (Catmull-Rom, in software, on every move): for a picture
	// decoded about the size it is shown that moves by itself, like the
	// guided tour's slow zoom, where each software rescale cost a
	// hall PC ~50 ms (bench/cpu.sh).
	GPUScale bool

	img image.Image
	// scale is the zoom relative to fitted (1 = the whole image fits).
	scale float64
	// cx, cy is the image point (0..1) shown at the centre of the widget.
	cx, cy float64
	// srcW, srcH are the size of the full picture, which may be larger
	// than img when img is a screen-size version.
	srcW, srcH int
}

// New returns a viewer of img; srcW×srcH is the full picture's size (img
// may be scaled down from it), used to bound the zoom.
func New(img image.Image, srcW, srcH int) *Zoom {
	z := &Zoom{scale: 1, cx: 0.5, cy: 0.5}
	z.ExtendBaseWidget(z)
	z.SetImage(img, srcW, srcH)
	return z
}

// SetImage shows another image, fitted.
func (z *Zoom) SetImage(img image.Image, srcW, srcH int) {
	z.img, z.srcW, z.srcH = img, srcW, srcH
	if img != nil && (srcW <= 0 || srcH <= 0) {
		b := img.Bounds()
		z.srcW, z.srcH = b.Dx(), b.Dy()
	}
	z.fit()
}

// Replace swaps in a sharper version of the same picture, keeping the view.
func (z *Zoom) Replace(img image.Image) {
	z.img = img
	z.Refresh()
}

func (z *Zoom) fit() {
	was := z.scale == 1
	z.scale, z.cx, z.cy = 1, 0.5, 0.5
	z.Refresh()
	if !was && z.OnZoomChanged != nil {
		z.OnZoomChanged(true)
	}
}

// Image returns the image shown, nil while there is none.
func (z *Zoom) Image() image.Image { return z.img }

// Fitted reports whether the whole picture is in view.
func (z *Zoom) Fitted() bool { return z.scale <= 1.0001 }

// Scale returns the zoom relative to fitted.
func (z *Zoom) Scale() float64 { return z.scale }

// ZoomIn zooms in by half again, around the centre.
func (z *Zoom) ZoomIn() { z.zoomAt(1.5, z.centre()) }

// ZoomOut zooms out, back to fitted at most.
func (z *Zoom) ZoomOut() { z.zoomAt(1/1.5, z.centre()) }

// Fit shows the whole picture.
func (z *Zoom) Fit() { z.fit() }

func (z *Zoom) centre() fyne.Position {
	s := z.Size()
	return fyne.NewPos(s.Width/2, s.Height/2)
}

// fitted returns the size of the image on screen at scale 1.
func (z *Zoom) fitted() (w, h float64) {
	s := z.Size()
	if z.srcW <= 0 || z.srcH <= 0 || s.Width <= 0 || s.Height <= 0 {
		return float64(s.Width), float64(s.Height)
	}
	k := math.Min(float64(s.Width)/float64(z.srcW), float64(s.Height)/float64(z.srcH))
	return float64(z.srcW) * k, float64(z.srcH) * k
}

// maxScale bounds the zoom: MaxZoom times the picture's own pixels, and
// never less than fitted.
func (z *Zoom) maxScale() float64 {
	fw, _ := z.fitted()
	if fw <= 0 || z.srcW <= 0 {
		return MaxZoom
	}
	return math.Max(1, MaxZoom*float64(z.srcW)/fw)
}

// zoomAt multiplies the zoom by f keeping the image point under p fixed.
func (z *Zoom) zoomAt(f float64, p fyne.Position) {
	if z.img == nil {
		return
	}
	fw, fh := z.fitted()
	s := z.Size()
	// Image point under p before zooming.
	ix := z.cx + (float64(p.X)-float64(s.Width)/2)/(fw*z.scale)
	iy := z.cy + (float64(p.Y)-float64(s.Height)/2)/(fh*z.scale)
	was := z.Fitted()
	z.scale = math.Max(1, math.Min(z.maxScale(), z.scale*f))
	z.cx = ix - (float64(p.X)-float64(s.Width)/2)/(fw*z.scale)
	z.cy = iy - (float64(p.Y)-float64(s.Height)/2)/(fh*z.scale)
	z.clamp()
	z.Refresh()
	if was != z.Fitted() && z.OnZoomChanged != nil {
		z.OnZoomChanged(z.Fitted())
	}
}

// clamp keeps the picture covering the view when zoomed in, centred when
// it is smaller than the view.
func (z *Zoom) clamp() {
	fw, fh := z.fitted()
	s := z.Size()
	clampAxis := func(c, shown, view float64) float64 {
		half := view / 2 / shown // half the view, in image units
		if half >= 0.5 {
			return 0.5
		}
		return math.Max(half, math.Min(1-half, c))
	}
	z.cx = clampAxis(z.cx, fw*z.scale, float64(s.Width))
	z.cy = clampAxis(z.cy, fh*z.scale, float64(s.Height))
}

// SetView sets the zoom (1 = fitted) and the picture point (0..1) at the
// centre, kept within bounds: for slow pans and zooms driven from outside.
func (z *Zoom) SetView(scale, cx, cy float64) {
	z.scale = math.Max(1, math.Min(z.maxScale(), scale))
	z.cx, z.cy = cx, cy
	z.clamp()
	z.Refresh()
}

// Pan moves the view by a screen distance.
func (z *Zoom) Pan(dx, dy float32) {
	fw, fh := z.fitted()
	if fw <= 0 || fh <= 0 {
		return
	}
	z.cx -= float64(dx) / (fw * z.scale)
	z.cy -= float64(dy) / (fh * z.scale)
	z.clamp()
	z.Refresh()
}

// Dragged pans a zoomed picture.
func (z *Zoom) Dragged(e *fyne.DragEvent) {
	if !z.Fitted() {
		z.Pan(e.Dragged.DX, e.Dragged.DY)
	}
}

// DragEnd is part of fyne.Draggable.
func (z *Zoom) DragEnd() {}

// Scrolled zooms around the pointer; touchpad pinches arrive as Ctrl+wheel.
func (z *Zoom) Scrolled(e *fyne.ScrollEvent) {
	z.zoomAt(math.Exp(float64(e.Scrolled.DY)/240), e.Position)
}

// DoubleTapped toggles between fitted and a close look at the tapped point.
func (z *Zoom) DoubleTapped(e *fyne.PointEvent) {
	if z.Fitted() {
		z.zoomAt(2.5, e.Position)
	} else {
		z.fit()
	}
}

// CreateRenderer is part of fyne.Widget.
func (z *Zoom) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{z: z, bg: canvas.NewRectangle(color.Black), pic: canvas.NewImageFromImage(nil)}
	r.pic.FillMode = canvas.ImageFillStretch
	r.pic.ScaleMode = canvas.ImageScaleSmooth
	return r
}

type renderer struct {
	z   *Zoom
	bg  *canvas.Rectangle
	pic *canvas.Image
	img image.Image
}

func (r *renderer) Destroy()                     {}
func (r *renderer) MinSize() fyne.Size           { return fyne.NewSize(100, 100) }
func (r *renderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.pic} }

// Layout places the picture: its on-screen size from the zoom, its
// position from the centre point. Only the part on screen is drawn, since
// Fyne clips nothing outside a scroll container: the picture is cropped
// to the view here.
func (r *renderer) Layout(s fyne.Size) {
	z := r.z
	r.bg.Resize(s)
	if z.img == nil {
		r.pic.Hide()
		return
	}
	r.pic.Show()
	fw, fh := z.fitted()
	w, h := fw*z.scale, fh*z.scale
	// Top-left of the whole picture on screen.
	x0 := float64(s.Width)/2 - z.cx*w
	y0 := float64(s.Height)/2 - z.cy*h
	// Visible part, in screen and image-fraction terms.
	vx0, vy0 := math.Max(0, x0), math.Max(0, y0)
	vx1, vy1 := math.Min(float64(s.Width), x0+w), math.Min(float64(s.Height), y0+h)
	if vx1 <= vx0 || vy1 <= vy0 {
		r.pic.Hide()
		return
	}
	b := z.img.Bounds()
	fx0, fy0 := (vx0-x0)/w, (vy0-y0)/h
	fx1, fy1 := (vx1-x0)/w, (vy1-y0)/h
	crop := image.Rect(
		b.Min.X+int(math.Floor(fx0*float64(b.Dx()))), b.Min.Y+int(math.Floor(fy0*float64(b.Dy()))),
		b.Min.X+int(math.Ceil(fx1*float64(b.Dx()))), b.Min.Y+int(math.Ceil(fy1*float64(b.Dy()))))
	src := z.img
	if crop != b {
		if sub, ok := z.img.(interface {
			SubImage(image.Rectangle) image.Image
		}); ok {
			src = sub.SubImage(crop)
		}
		if z.GPUScale {
			// Fyne's OpenGL painter hands an *image.RGBA to the
			// graphics driver as it is, assuming rows of the image's own
			// width: a crop of a wider picture came out as diagonal
			// streaks (the tour's illustrations, while they zoomed).
			// Other kinds it copies itself.
			src = packedRGBA(src)
		}
	}
	if src != r.img {
		r.img = src
		r.pic.ScaleMode = canvas.ImageScaleSmooth
		if z.GPUScale {
			r.pic.ScaleMode = canvas.ImageScaleFastest
		}
		r.pic.Image = src
		r.pic.Refresh()
	}
	r.pic.Move(fyne.NewPos(float32(vx0), float32(vy0)))
	r.pic.Resize(fyne.NewSize(float32(vx1-vx0), float32(vy1-vy0)))
}

func (r *renderer) Refresh() {
	r.Layout(r.z.Size())
	canvas.Refresh(r.z)
}

// packedRGBA returns img, or, for an *image.RGBA whose rows are longer
// than its width (a crop), a copy with rows of its width.
func packedRGBA(img image.Image) image.Image {
	m, ok := img.(*image.RGBA)
	if !ok {
		return img
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	if m.Stride == 4*w {
		return img
	}
	out := image.NewRGBA(m.Rect)
	for y := 0; y < h; y++ {
		row := m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y)
		copy(out.Pix[y*out.Stride:y*out.Stride+4*w], m.Pix[row:row+4*w])
	}
	return out
}
