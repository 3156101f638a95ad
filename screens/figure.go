package screens

import (
	"image"
	"image/color"
	"path"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
)

// Size at which a chapter's pictures are decoded: enough for the reading
// column on a 4K screen.
const figureW, figureH = 1600, 1200

// figure is a picture set in a chapter's text: as wide as the reading
// column (never taller than about half a screen), then, on lines of their
// own, the word "Minh hoạ" for a drawing and the whole caption. Nothing
// is drawn over the picture, so a chart's title stays readable. A tap
// opens the viewer.
type figure struct {
	widget.BaseWidget
	photo    *exhibit.Photo
	img      *canvas.Image
	badge    *canvas.Text
	caption  *widget.Label
	onTapped func()
}

func newFigure(e *Exhibit, p *exhibit.Photo, tapped func()) *figure {
	f := &figure{photo: p, img: canvas.NewImageFromImage(nil), caption: widget.NewLabel(p.Caption),
		badge: canvas.NewText(lang.L("Illustration"), color.Black), onTapped: tapped}
	f.img.FillMode = canvas.ImageFillContain
	f.img.ScaleMode = canvas.ImageScaleSmooth
	f.caption.Wrapping = fyne.TextWrapWord
	f.badge.TextStyle.Bold = true
	if p.Kind != exhibit.KindIllustration {
		f.badge.Hide()
	}
	f.ExtendBaseWidget(f)
	e.thumbnail(p, figureW, figureH, func(img image.Image, err error) {
		if err != nil {
			f.caption.SetText(lang.L("Cannot show {{.File}}", map[string]any{"File": path.Base(p.File)}))
			f.caption.Importance = widget.DangerImportance
			f.caption.Refresh()
			return
		}
		f.img.Image = img
		f.img.Refresh()
	})
	return f
}

// Tapped opens the picture in the viewer.
func (f *figure) Tapped(*fyne.PointEvent) {
	if f.onTapped != nil {
		f.onTapped()
	}
}

// Cursor shows a pointing hand: the picture opens on a click.
func (f *figure) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Resize lays the figure out again and, when the width changed, refreshes
// so that the container learns the new height of the wrapped caption.
func (f *figure) Resize(s fyne.Size) {
	changed := s.Width != f.Size().Width
	f.BaseWidget.Resize(s)
	if changed {
		f.Refresh()
	}
}

// pictureHeight is the height of the picture at a width: its own
// proportions, at most about half a screen of text.
func (f *figure) pictureHeight(w float32) float32 {
	maxH := theme.TextSize() * 18
	if f.photo.Width <= 0 || f.photo.Height <= 0 {
		return maxH
	}
	return min(maxH, w*float32(f.photo.Height)/float32(f.photo.Width))
}

// MinSize is as tall as the picture and the caption at the width the
// figure has (the chapter view sets the width first).
func (f *figure) MinSize() fyne.Size {
	w := f.Size().Width
	if w <= 0 {
		w = theme.TextSize() * 30
	}
	return fyne.NewSize(theme.TextSize()*8, f.layout(w, false))
}

// layout places the parts at width w, moving them when move is set, and
// returns the height used.
func (f *figure) layout(w float32, move bool) float32 {
	ph := f.pictureHeight(w)
	y := ph
	if move {
		f.img.Move(fyne.NewPos(0, 0))
		f.img.Resize(fyne.NewSize(w, ph))
	}
	pad := theme.InnerPadding()
	if f.badge.Visible() {
		bs := f.badge.MinSize()
		if move {
			f.badge.Move(fyne.NewPos(pad, y+pad/2))
		}
		y += bs.Height + pad/2
	}
	if move {
		f.caption.Resize(fyne.NewSize(w, f.caption.MinSize().Height))
	} else {
		f.caption.Resize(fyne.NewSize(w, f.caption.Size().Height))
	}
	ch := f.caption.MinSize().Height
	if move {
		f.caption.Move(fyne.NewPos(0, y))
		f.caption.Resize(fyne.NewSize(w, ch))
	}
	return y + ch
}

// CreateRenderer is part of fyne.Widget.
func (f *figure) CreateRenderer() fyne.WidgetRenderer {
	f.badge.Color = theme.Color(theme.ColorNameWarning)
	f.badge.TextSize = theme.TextSize()
	return &figureRenderer{f: f}
}

type figureRenderer struct{ f *figure }

func (r *figureRenderer) Layout(s fyne.Size) { r.f.layout(s.Width, true) }
func (r *figureRenderer) MinSize() fyne.Size { return r.f.MinSize() }
func (r *figureRenderer) Destroy()           {}
func (r *figureRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.f.img, r.f.badge, r.f.caption}
}

// Refresh follows the theme: the badge's colour and size.
func (r *figureRenderer) Refresh() {
	r.f.badge.Color = theme.Color(theme.ColorNameWarning)
	r.f.badge.TextSize = theme.TextSize()
	r.Layout(r.f.Size())
	canvas.Refresh(r.f)
}
