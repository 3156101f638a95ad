package screens

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/exhibittheme"
)

// keyButton is a button that passes on the keys it does not use. Fyne
// sends keys to the focused widget only, so without this a clicker's
// PageDown would be lost once Tab had focused a button.
type keyButton struct {
	widget.Button
	route func(*fyne.KeyEvent)
}

func newKeyButton(e *Exhibit, label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{route: e.typedKey}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Space and Enter and routes other keys.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		b.Button.TypedKey(ev)
	default:
		if b.route != nil {
			b.route(ev)
		}
	}
}

// MinSize keeps every button at least a touch target tall and wide.
func (b *keyButton) MinSize() fyne.Size {
	min := b.Button.MinSize()
	t := b.Theme().Size(exhibittheme.SizeNameTouchTarget)
	return fyne.NewSize(max(min.Width, t), max(min.Height, t))
}

// card is a large tappable panel for a chapter or a part of the exhibit
// on the home screen.
type card struct {
	widget.BaseWidget
	number, title, detail string
	onTapped              func()
	route                 func(*fyne.KeyEvent)
	hovered, focused      bool
}

func newCard(e *Exhibit, number, title, detail string, tapped func()) *card {
	c := &card{number: number, title: title, detail: detail, onTapped: tapped, route: e.typedKey}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens what the card stands for.
func (c *card) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// Cursor shows a pointing hand over the card.
func (c *card) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the card under the mouse.
func (c *card) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

// MouseMoved is part of desktop.Hoverable.
func (c *card) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the hover highlight.
func (c *card) MouseOut() { c.hovered = false; c.Refresh() }

// FocusGained shows the keyboard focus.
func (c *card) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost hides the keyboard focus.
func (c *card) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune is part of fyne.Focusable.
func (c *card) TypedRune(rune) {}

// TypedKey opens the card on Space or Enter and routes other keys.
func (c *card) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		c.Tapped(nil)
	default:
		if c.route != nil {
			c.route(ev)
		}
	}
}

// CreateRenderer is part of fyne.Widget.
func (c *card) CreateRenderer() fyne.WidgetRenderer {
	r := &cardRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), accent: canvas.NewRectangle(color.Transparent), num: canvas.NewText("", color.Black)}
	r.Refresh()
	return r
}

// Lines of text a card shows at most; the rest of a long title or excerpt
// ends in "…".
const (
	cardTitleLines  = 3
	cardDetailLines = 3
)

type cardRenderer struct {
	c          *card
	bg, accent *canvas.Rectangle
	num        *canvas.Text
	lines      []fyne.CanvasObject
	laidWidth  float32
	laidSize   fyne.Size
	laidBody   float32
	dirty      bool
}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.bg, r.accent, r.num}, r.lines...)
}

func (r *cardRenderer) Destroy() {}

func (r *cardRenderer) metrics() (pad, body, small float32) {
	th := r.c.Theme()
	return th.Size(theme.SizeNamePadding) * 2, th.Size(theme.SizeNameText), th.Size(theme.SizeNameCaptionText)
}

func (r *cardRenderer) Layout(s fyne.Size) {
	pad, body, small := r.metrics()
	if s == r.laidSize && body == r.laidBody && !r.dirty {
		return // the text is already set for this size
	}
	r.laidSize, r.laidBody, r.dirty = s, body, false
	r.bg.Resize(s)
	r.accent.Resize(fyne.NewSize(max(4, pad/2), s.Height))
	r.num.Move(fyne.NewPos(pad*2, pad))
	r.num.Resize(r.num.MinSize())
	numW := float32(0)
	if r.c.number != "" {
		numW = fyne.MeasureText("00", r.num.TextSize, r.num.TextStyle).Width + pad
	}
	x := pad*2 + numW
	w := max(body*4, s.Width-x-pad*1.5)

	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.lines = r.lines[:0]
	y := pad
	add := func(text string, size float32, style fyne.TextStyle, c color.Color, maxLines int) {
		for _, line := range clampLines(wrapWords(text, w, size, style), maxLines, w, size, style) {
			t := canvas.NewText(line, c)
			t.TextSize, t.TextStyle = size, style
			t.Move(fyne.NewPos(x, y))
			t.Resize(t.MinSize())
			r.lines = append(r.lines, t)
			y += size * 1.35
		}
	}
	add(r.c.title, body, fyne.TextStyle{Bold: true}, th.Color(theme.ColorNameForeground, v), cardTitleLines)
	y += pad / 2
	add(r.c.detail, small, fyne.TextStyle{}, th.Color(exhibittheme.ColorNameMuted, v), cardDetailLines)
	r.laidWidth = s.Width
}

// clampLines keeps at most n lines and ends the last kept line with "…"
// when text was cut.
func clampLines(lines []string, n int, width, size float32, style fyne.TextStyle) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := lines[n-1] + "…"
	for fyne.MeasureText(last, size, style).Width > width {
		i := strings.LastIndex(strings.TrimSuffix(last, "…"), " ")
		if i <= 0 {
			break
		}
		last = last[:i] + "…"
	}
	lines[n-1] = last
	return lines
}

func (r *cardRenderer) MinSize() fyne.Size {
	pad, body, small := r.metrics()
	touch := r.c.Theme().Size(exhibittheme.SizeNameTouchTarget)
	h := pad*2.5 + body*1.35*2 + small*1.35*cardDetailLines
	return fyne.NewSize(body*14, max(touch*2, h))
}

func (r *cardRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(exhibittheme.ColorNameCard, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.bg.StrokeWidth = 1
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	if c.hovered {
		r.bg.StrokeColor = th.Color(exhibittheme.ColorNameGold, v)
		r.bg.StrokeWidth = 2
	}
	if c.focused {
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		r.bg.StrokeWidth = 3
	}
	r.accent.FillColor = th.Color(exhibittheme.ColorNameGold, v)
	r.num.Text = c.number
	r.num.TextSize = th.Size(theme.SizeNameHeadingText)
	r.num.TextStyle.Bold = true
	r.num.Color = th.Color(exhibittheme.ColorNameHeading, v)
	r.dirty = true
	r.Layout(c.Size())
	canvas.Refresh(c)
}

// pageColumn centres content in a column no wider than maxWidth, so that
// screens stay readable on wide projectors.
func pageColumn(maxWidth float32, content fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&columnLayout{max: maxWidth}, content)
}

type columnLayout struct{ max float32 }

func (l *columnLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	w := min(s.Width, l.max)
	for _, o := range objs {
		o.Move(fyne.NewPos((s.Width-w)/2, 0))
		o.Resize(fyne.NewSize(w, s.Height))
	}
}

func (l *columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

// spacer returns fixed vertical space.
func spacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// topBar lays out a bar: leading buttons, a title that takes the rest of
// the width, trailing buttons.
func topBar(leading []fyne.CanvasObject, title fyne.CanvasObject, trailing []fyne.CanvasObject) fyne.CanvasObject {
	left := container.NewHBox(leading...)
	right := container.NewHBox(trailing...)
	bar := container.NewBorder(nil, nil, left, right, title)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	return container.NewStack(bg, container.NewPadded(bar))
}
