package slideview

import (
	"image"
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
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

// renderer draws a slide with objects made once and reused: the
// background, the picture, and pools of text lines and rules, of which
// each layout uses as many as the slide needs.
type renderer struct {
	v       *View
	bg      *canvas.Rectangle
	img     *canvas.Image
	texts   []*canvas.Text
	rules   []*canvas.Rectangle
	nt, nr  int // texts and rules in use
	objects []fyne.CanvasObject
}

// text returns the next free text object of the pool.
func (r *renderer) text(s string, c color.Color, size float32, style fyne.TextStyle) *canvas.Text {
	if r.nt == len(r.texts) {
		r.texts = append(r.texts, canvas.NewText("", c))
	}
	t := r.texts[r.nt]
	r.nt++
	t.Text, t.Color, t.TextSize, t.TextStyle = s, c, size, style
	t.Alignment = fyne.TextAlignLeading
	return t
}

// rule returns the next free rectangle of the pool.
func (r *renderer) rule(c color.Color) *canvas.Rectangle {
	if r.nr == len(r.rules) {
		r.rules = append(r.rules, canvas.NewRectangle(c))
	}
	rc := r.rules[r.nr]
	r.nr++
	rc.FillColor = c
	return rc
}

func (r *renderer) Destroy()                     {}
func (r *renderer) MinSize() fyne.Size           { return r.v.MinSize() }
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// Layout sets the slide out at the view's size. The pooled objects are
// refreshed: their text and size may have changed.
func (r *renderer) Layout(fyne.Size) { r.Refresh() }

// Refresh is part of fyne.WidgetRenderer.
func (r *renderer) Refresh() {
	r.build()
	for _, o := range r.objects {
		o.Refresh()
	}
}

// Measure is the slides package's text measure in the bundled font: what
// the presentation is cut with, so that every passage fits as drawn here.
// Widths are remembered (a slide's words recur at the same sizes while it
// is fitted): shaping text is the costly part of cutting the deck.
func Measure(text string, size float32, bold bool) float32 {
	k := measureKey{text, size, bold}
	measureMu.Lock()
	w, ok := measured[k]
	measureMu.Unlock()
	if ok {
		return w
	}
	w = fyne.MeasureText(text, size, fyne.TextStyle{Bold: bold}).Width
	measureMu.Lock()
	if len(measured) >= maxMeasured {
		clear(measured) // bounded: a day of slides at many sizes
	}
	measured[k] = w
	measureMu.Unlock()
	return w
}

type measureKey struct {
	text string
	size float32
	bold bool
}

const maxMeasured = 50000

var (
	measureMu sync.Mutex
	measured  = map[measureKey]float32{}
)

// pictureBand is the colour of a picture slide's background and caption
// band: near black, so a picture of any shape sits full-bleed in it.
var (
	pictureBand = color.NRGBA{R: 0x12, G: 0x10, B: 0x0e, A: 0xff}
	pictureInk  = color.NRGBA{R: 0xf4, G: 0xee, B: 0xe0, A: 0xff}
)

func (r *renderer) build() {
	v := r.v
	s := v.Size()
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, variant) }
	if r.bg == nil {
		r.bg = canvas.NewRectangle(color.Transparent)
		r.img = canvas.NewImageFromImage(nil)
		r.img.FillMode = canvas.ImageFillContain
		r.img.ScaleMode = canvas.ImageScaleSmooth
	}
	r.nt, r.nr = 0, 0
	bg := r.bg
	bg.FillColor = col(theme.ColorNameBackground)
	bg.Resize(s)
	showImage := false
	defer func() {
		r.objects = append(r.objects[:0], bg)
		if showImage {
			r.objects = append(r.objects, r.img)
		}
		for _, rc := range r.rules[:r.nr] {
			r.objects = append(r.objects, rc)
		}
		for _, t := range r.texts[:r.nt] {
			r.objects = append(r.objects, t)
		}
	}()
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
	w, h := s.Width, s.Height
	mx, my := slides.Margins(w, h)
	boxW := w - 2*mx
	ink := col(theme.ColorNameForeground)
	head := col(exhibittheme.ColorNameHeading)
	gold := col(exhibittheme.ColorNameGold)

	// A block is text fitted to a box: its lines, their size and style.
	type block struct {
		lines  []string
		size   float32
		bold   bool
		italic bool
		c      color.Color
		center bool // each line centred; otherwise the block is centred
	}
	fit := func(t string, boxH, maxSize, minSize float32, bold bool, c color.Color, center bool) block {
		if strings.TrimSpace(t) == "" {
			return block{}
		}
		size, _ := slides.FitSize(t, boxW, boxH, maxSize, minSize, bold, Measure)
		lines := slides.Wrap(t, boxW, size, bold, Measure)
		if !center {
			return block{lines: lines, size: size, bold: bold, c: c}
		}
		// A little smaller when that saves a line ("Tỉnh ủy" alone on
		// a line of its own looks cut off).
		for try := size * 0.95; try >= max(minSize, size*0.8); try *= 0.95 {
			if l := slides.Wrap(t, boxW, try, bold, Measure); len(l) < len(lines) {
				size, lines = try, l
				break
			}
		}
		// Balanced lines: the narrowest width that keeps the line count.
		lo, hi := boxW*0.4, boxW
		for i := 0; i < 8 && len(lines) > 1; i++ {
			mid := (lo + hi) / 2
			if len(slides.Wrap(t, mid, size, bold, Measure)) > len(lines) {
				lo = mid
			} else {
				hi = mid
			}
		}
		return block{lines: slides.Wrap(t, hi, size, bold, Measure), size: size, bold: bold, c: c, center: true}
	}
	height := func(b block) float32 { return float32(len(b.lines)) * b.size * slides.LineHeight }
	draw := func(b block, y float32) float32 {
		style := fyne.TextStyle{Bold: b.bold, Italic: b.italic}
		widest := float32(0)
		for _, l := range b.lines {
			widest = max(widest, fyne.MeasureText(l, b.size, style).Width)
		}
		lineH := b.size * slides.LineHeight
		for _, l := range b.lines {
			ct := r.text(l, b.c, b.size, style)
			m := ct.MinSize()
			x := (w - widest) / 2
			if b.center {
				x = (w - m.Width) / 2
			}
			ct.Move(fyne.NewPos(x, y+(lineH-m.Height)/2))
			ct.Resize(m)
			y += lineH
		}
		return y
	}
	ruleH := h * 0.05
	rule := func(y float32, c color.Color) float32 {
		rw := min(boxW, h*0.4)
		rc := r.rule(c)
		rc.Move(fyne.NewPos((w-rw)/2, y+ruleH/2))
		rc.Resize(fyne.NewSize(rw, max(2, h/220)))
		return y + ruleH
	}
	// stack draws blocks one under the other, with a rule where a block
	// is nil, centred vertically between top and bottom.
	stack := func(top, bottom float32, rc color.Color, parts ...*block) {
		total := float32(0)
		for _, b := range parts {
			if b == nil {
				total += ruleH
			} else {
				total += height(*b)
			}
		}
		y := top + max(0, (bottom-top-total)/2)
		for _, b := range parts {
			if b == nil {
				y = rule(y, rc)
			} else {
				y = draw(*b, y)
			}
		}
	}
	line := func(t string, i int) string {
		ls := strings.Split(t, "\n")
		if i < len(ls) {
			return ls[i]
		}
		return ""
	}

	sl := v.slide
	switch sl.Kind {
	case slides.Title, slides.Closing:
		bg.FillColor = col(exhibittheme.ColorNamePlate)
		onPlate := col(exhibittheme.ColorNameOnPlate)
		goldOn := col(exhibittheme.ColorNameGoldOnPlate)
		title := fit(sl.Title, h*0.36, h/10, h/28, true, onPlate, true)
		if sl.Kind == slides.Closing {
			end := fit(lang.L("The end"), h*0.2, h/7, h/14, true, goldOn, true)
			stack(my, h-my, goldOn, &title, nil, &end)
			break
		}
		dates := fit(line(sl.Text, 0), h*0.16, h/14, h/28, true, goldOn, true)
		org := fit(line(sl.Text, 1), h*0.14, h/22, h/34, false, onPlate, true)
		cite := fit(sl.Cite, h*0.12, h/34, h/54, false, onPlate, true)
		cite.italic = true
		bottom := h - my
		if len(cite.lines) > 0 {
			bottom -= height(cite) + h*0.03
			draw(cite, h-my-height(cite))
		}
		stack(my, bottom, goldOn, &title, nil, &dates, &org)
	case slides.Section:
		title := fit(sl.Title, h*0.5, h/12, h/26, true, head, true)
		stack(my, h-my, gold, &title, nil)
	case slides.Passage:
		bw, bh, maxSize, minSize := slides.PassageBox(w, h)
		size, _ := slides.FitSize(sl.Text, bw, bh, maxSize, minSize, false, Measure)
		b := block{lines: slides.Wrap(sl.Text, bw, size, false, Measure), size: size, c: ink}
		stack(my, h-my, gold, &b)
	case slides.Moment:
		date := fit(line(sl.Text, 0), h*0.12, h/15, h/30, true, gold, true)
		title := fit(sl.Title, h*0.32, h/12, h/28, true, head, true)
		rest := strings.Join(strings.Split(sl.Text, "\n")[1:], "\n")
		avail := h - 2*my - height(date) - height(title) - ruleH
		body := fit(rest, avail, h/16, slides.MinSize(h), false, ink, false)
		stack(my, h-my, gold, &date, &title, nil, &body)
	case slides.Picture:
		bg.FillColor = pictureBand
		caption := v.caption
		if caption == "" {
			caption = sl.Title
		}
		capt := fit(caption, h*0.17, h/26, h/44, false, pictureInk, true)
		label := fit(v.label, h*0.06, h/36, h/50, false, gold, true)
		label.italic = true
		pad := h * 0.025
		band := height(capt) + height(label) + 2*pad
		if v.picture != nil {
			if r.img.Image != v.picture {
				r.img.Image = v.picture
				r.img.Refresh()
			}
			r.img.Move(fyne.NewPos(0, 0))
			r.img.Resize(fyne.NewSize(w, h-band))
			showImage = true
		}
		y := draw(capt, h-band+pad)
		draw(label, y)
	}
}
