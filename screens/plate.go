package screens

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/exhibittheme"
)

// plate is the exhibit's title plate: the title set large and centred on
// deep red, the dates in gold between two gold rules, the source below.
type plate struct {
	widget.BaseWidget
	title, dates, source string
	// maxHeight, when set, gives the most height the plate should take:
	// on a short screen at a large text size its type is set smaller
	// rather than push everything else below the fold.
	maxHeight func() float32
}

func newPlate(title, dates, source string) *plate {
	p := &plate{title: title, dates: dates, source: source}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *plate) CreateRenderer() fyne.WidgetRenderer {
	r := &plateRenderer{p: p, bg: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type plateRenderer struct {
	p       *plate
	bg      *canvas.Rectangle
	rules   [2]*canvas.Rectangle
	lines   []*canvas.Text
	objects []fyne.CanvasObject
	height  float32
	width   float32
	// budget is the maxHeight the lines were set for.
	budget float32
}

func (r *plateRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *plateRenderer) Destroy() {}

func (r *plateRenderer) MinSize() fyne.Size {
	w := r.p.Size().Width
	if w <= 0 {
		w = 800
	}
	if w != r.width || r.p.budget() != r.budget {
		r.build(w)
	}
	return fyne.NewSize(200, r.height)
}

// budget is the plate's height limit now, 0 for none.
func (p *plate) budget() float32 {
	if p.maxHeight == nil {
		return 0
	}
	return p.maxHeight()
}

func (r *plateRenderer) Layout(s fyne.Size) {
	if s.Width != r.width || r.p.budget() != r.budget {
		r.build(s.Width)
		canvas.Refresh(r.p)
	}
	r.bg.Resize(s)
}

func (r *plateRenderer) Refresh() {
	r.build(max(r.p.Size().Width, 1))
	canvas.Refresh(r.p)
}

// build sets the plate's lines at a width; the title wraps at word
// boundaries into centred lines. When the plate has a height limit and is
// taller, the type is set again smaller, down to 60 %.
func (r *plateRenderer) build(width float32) {
	r.budget = r.p.budget()
	for k := float32(1); ; k -= 0.1 {
		r.set(width, k)
		if r.budget <= 0 || r.height <= r.budget || k <= 0.6 {
			return
		}
	}
}

// set lays the lines out at width with every size multiplied by k.
func (r *plateRenderer) set(width, k float32) {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	body := th.Size(theme.SizeNameText) * k
	pad := th.Size(theme.SizeNamePadding) * 3 * k
	onPlate := th.Color(exhibittheme.ColorNameOnPlate, v)
	gold := th.Color(exhibittheme.ColorNameGoldOnPlate, v)
	r.bg.FillColor = th.Color(exhibittheme.ColorNamePlate, v)
	// The cards' corners: software OpenGL then draws the whole home with
	// one kind of rectangle (TestHomePaintsOnlyRoundedRectangles).
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.width = width

	r.lines = r.lines[:0]
	r.objects = []fyne.CanvasObject{r.bg}
	y := pad * 1.5
	add := func(text string, size float32, style fyne.TextStyle, c color.Color) {
		for _, line := range wrapWords(text, width-2*pad, size, style) {
			t := canvas.NewText(line, c)
			t.TextSize = size
			t.TextStyle = style
			ms := t.MinSize()
			t.Move(fyne.NewPos((width-ms.Width)/2, y))
			t.Resize(ms)
			r.lines = append(r.lines, t)
			r.objects = append(r.objects, t)
			y += ms.Height
		}
	}
	rule := func() {
		rc := canvas.NewRectangle(gold)
		w := min(width-2*pad, body*16)
		rc.Move(fyne.NewPos((width-w)/2, y+body*0.4))
		h := max(2, body/8)
		rc.Resize(fyne.NewSize(w, h))
		// Round ends, as every box on the home has (see
		// TestHomePaintsOnlyRoundedRectangles): at this height they
		// look square.
		rc.CornerRadius = h / 2
		r.objects = append(r.objects, rc)
		y += body
	}
	add(r.p.title, th.Size(exhibittheme.SizeNameTitle)*k, fyne.TextStyle{Bold: true}, onPlate)
	if r.p.dates != "" {
		rule()
		add(r.p.dates, th.Size(theme.SizeNameSubHeadingText)*1.2*k, fyne.TextStyle{Bold: true}, gold)
		rule()
	}
	if r.p.source != "" {
		y += body * 0.3
		add(r.p.source, th.Size(theme.SizeNameCaptionText)*1.1*k, fyne.TextStyle{Italic: true}, onPlate)
	}
	r.height = y + pad*1.5
	r.bg.Resize(fyne.NewSize(width, r.height))
}

// wrapWords breaks text into lines no wider than width, at spaces. Each
// word is measured once and lines are summed from word widths: measuring
// whole candidate lines made the home screen's start-up quadratic.
func wrapWords(text string, width, size float32, style fyne.TextStyle) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	widths := make([]float32, len(words))
	for i, w := range words {
		widths[i] = fyne.MeasureText(w, size, style).Width
	}
	space := fyne.MeasureText(" ", size, style).Width
	var lines [][2]int // word index ranges
	start, x := 0, widths[0]
	for i := 1; i < len(words); i++ {
		if x+space+widths[i] > width {
			lines = append(lines, [2]int{start, i})
			start, x = i, widths[i]
			continue
		}
		x += space + widths[i]
	}
	lines = append(lines, [2]int{start, len(words)})
	if len(lines) == 2 {
		lines = balance(widths, space, width)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Join(words[l[0]:l[1]], " ")
	}
	return out
}

// balance evens out a title that wrapped into two lines with a short last
// line, so "Kỷ niệm 80 năm ngày thành lập Chi bộ Chí / Kiên" becomes two
// lines of similar length.
func balance(widths []float32, space, width float32) [][2]int {
	var total float32
	for _, w := range widths {
		total += w + space
	}
	best, bestDiff := 1, float32(-1)
	var a float32
	for i := 1; i < len(widths); i++ {
		a += widths[i-1] + space
		wa, wb := a-space, total-a-space
		if wa > width || wb > width {
			continue
		}
		d := wa - wb
		if d < 0 {
			d = -d
		}
		if bestDiff < 0 || d < bestDiff {
			best, bestDiff = i, d
		}
	}
	return [][2]int{{0, best}, {best, len(widths)}}
}
