// Package slideview draws one presentation slide — a title, a section
// heading, a passage set large, a picture or a timeline moment — at any
// size: every measure is a fraction of the slide's height, so the same
// widget fills a projector and serves as a small preview on the
// presenter's console.
package slideview

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/slides"
	"trienlam/screens/exhibittheme"
)

// Blank is what the audience sees instead of a slide.
type Blank int

// The blank screens of a presenter's B and W keys.
const (
	NotBlank Blank = iota
	Black
	White
)

// View shows a slide.
type View struct {
	widget.BaseWidget

	slide   slides.Slide
	blank   Blank
	picture image.Image
	// label marks a picture as an illustration, shown under it.
	label string
	// caption of a picture slide.
	caption string
	empty   bool
}

// New returns an empty view.
func New() *View {
	v := &View{empty: true}
	v.ExtendBaseWidget(v)
	return v
}

// SetSlide shows a slide; picture is the decoded image of a Picture
// slide (nil until it arrives), label a note such as "Minh hoạ".
func (v *View) SetSlide(s slides.Slide, picture image.Image, caption, label string) {
	v.slide, v.picture, v.caption, v.label, v.empty = s, picture, caption, label, false
	v.Refresh()
}

// SetPicture swaps in the picture once decoded.
func (v *View) SetPicture(img image.Image) {
	v.picture = img
	v.Refresh()
}

// SetBlank blacks or whites the slide out, or shows it again.
func (v *View) SetBlank(b Blank) {
	v.blank = b
	v.Refresh()
}

// Slide returns the slide shown.
func (v *View) Slide() slides.Slide { return v.slide }

// MinSize is small: the view takes whatever space it is given.
func (v *View) MinSize() fyne.Size { return fyne.NewSize(160, 90) }

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return &renderer{v: v}
}

type renderer struct {
	v       *View
	objects []fyne.CanvasObject
}

func (r *renderer) Destroy()                     {}
func (r *renderer) MinSize() fyne.Size           { return r.v.MinSize() }
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *renderer) Layout(fyne.Size)             { r.build() }
func (r *renderer) Refresh()                     { r.build(); canvas.Refresh(r.v) }

func (r *renderer) build() {
	v := r.v
	s := v.Size()
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, variant) }
	r.objects = r.objects[:0]
	bg := canvas.NewRectangle(col(theme.ColorNameBackground))
	bg.Resize(s)
	r.objects = append(r.objects, bg)
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	switch v.blank {
	case Black:
		bg.FillColor = color.Black
		return
	case White:
		bg.FillColor = color.White
		return
	}
	if v.empty {
		return
	}
	// Measures relative to the slide's height: the body text is 1/18 of
	// it, 60 px on a 1080-line projector and 40 px at 720.
	h := s.Height
	body := h / 18
	pad := h / 14
	ink := col(theme.ColorNameForeground)
	head := col(exhibittheme.ColorNameHeading)
	gold := col(exhibittheme.ColorNameGold)
	width := s.Width - 2*pad

	y := pad
	text := func(t string, size float32, style fyne.TextStyle, c color.Color, center bool, maxLines int) {
		lines := wrap(t, width, size, style)
		if maxLines > 0 && len(lines) > maxLines {
			lines = lines[:maxLines]
			lines[maxLines-1] = strings.TrimRight(lines[maxLines-1], " ,.;:") + "…"
		}
		for _, l := range lines {
			ct := canvas.NewText(l, c)
			ct.TextSize, ct.TextStyle = size, style
			m := ct.MinSize()
			x := pad
			if center {
				x = (s.Width - m.Width) / 2
			}
			ct.Move(fyne.NewPos(x, y))
			r.objects = append(r.objects, ct)
			y += size * 1.35
		}
	}
	rule := func() {
		w := min(width, h*0.5)
		rc := canvas.NewRectangle(gold)
		rc.Move(fyne.NewPos((s.Width-w)/2, y+body*0.3))
		rc.Resize(fyne.NewSize(w, max(2, h/200)))
		r.objects = append(r.objects, rc)
		y += body
	}
	sl := v.slide
	switch sl.Kind {
	case slides.Title:
		bg.FillColor = col(exhibittheme.ColorNamePlate)
		title := col(exhibittheme.ColorNameOnPlate)
		goldOn := col(exhibittheme.ColorNameGoldOnPlate)
		y = h * 0.22
		text(sl.Title, body*1.9, fyne.TextStyle{Bold: true}, title, true, 3)
		rule()
		text(sl.Text, body*1.3, fyne.TextStyle{Bold: true}, goldOn, true, 2)
		rule()
	case slides.Section:
		y = h * 0.34
		text(sl.Title, body*1.5, fyne.TextStyle{Bold: true}, head, true, 4)
		rule()
	case slides.Passage:
		avail := s.Height - 2*pad - body*1.6
		size := fitSize(sl.Text, width, avail, body*1.5, fyne.TextStyle{})
		if sl.Title != "" {
			text(sl.Title, body*0.75, fyne.TextStyle{Bold: true}, head, false, 1)
			y += body * 0.4
		}
		// A short passage sits in the middle of the screen, not at the top.
		if used := float32(len(wrap(sl.Text, width, size, fyne.TextStyle{}))) * size * 1.35; used < avail {
			y += (avail - used) / 2
		}
		text(sl.Text, size, fyne.TextStyle{}, ink, false, 0)
	case slides.Moment:
		y = h * 0.16
		text(sl.Title, body*1.6, fyne.TextStyle{Bold: true}, head, false, 1)
		rest := s.Height - y - pad
		size := fitSize(sl.Text, width, rest, body, fyne.TextStyle{})
		text(sl.Text, size, fyne.TextStyle{}, ink, false, 0)
	case slides.Picture:
		capH := body * 2.6
		if v.picture != nil {
			img := canvas.NewImageFromImage(v.picture)
			img.FillMode = canvas.ImageFillContain
			img.ScaleMode = canvas.ImageScaleSmooth
			img.Move(fyne.NewPos(pad/2, pad/2))
			img.Resize(fyne.NewSize(s.Width-pad, s.Height-pad-capH))
			r.objects = append(r.objects, img)
		}
		y = s.Height - capH
		caption := v.caption
		if caption == "" {
			caption = sl.Title
		}
		text(caption, body*0.8, fyne.TextStyle{Bold: true}, ink, true, 2)
		if v.label != "" {
			text(v.label, body*0.6, fyne.TextStyle{Italic: true}, head, true, 1)
		}
	}
}

// fitSize returns the largest text size, at most max, at which text
// wraps into the box.
func fitSize(t string, width, height, maxSize float32, style fyne.TextStyle) float32 {
	size := maxSize
	for size > 8 {
		lines := wrap(t, width, size, style)
		if float32(len(lines))*size*1.35 <= height {
			return size
		}
		size *= 0.92
	}
	return size
}

// wrap breaks text into lines no wider than width, measuring each word once.
func wrap(t string, width, size float32, style fyne.TextStyle) []string {
	words := strings.Fields(t)
	if len(words) == 0 {
		return nil
	}
	space := fyne.MeasureText(" ", size, style).Width
	var lines []string
	cur, curW := words[0], fyne.MeasureText(words[0], size, style).Width
	for _, w := range words[1:] {
		ww := fyne.MeasureText(w, size, style).Width
		if curW+space+ww > width {
			lines = append(lines, cur)
			cur, curW = w, ww
			continue
		}
		cur += " " + w
		curW += space + ww
	}
	return append(lines, cur)
}
