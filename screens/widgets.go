package screens

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/exhibittheme"
)

// keyButton is a button that passes on the keys it does not use. Fyne
// sends keys to the focused widget only, so without this a clicker's
// PageDown would be lost once Tab had focused a button.
//
// A button in a bar may also shrink (see shrinkMode): it then asks for less
// width than its label needs, and shows as much of the label as the width
// it is given allows, so that a long chapter title never makes the window
// wider than the display.
type keyButton struct {
	widget.Button
	route func(*fyne.KeyEvent)
	// label is the whole text; Text holds it, or the part that fits.
	label  string
	shrink shrinkMode
}

// shrinkMode says how a button gives up width in a crowded bar.
type shrinkMode int

const (
	// shrinkNever keeps the whole label: the button's minimum width.
	shrinkNever shrinkMode = iota
	// shrinkToIcon drops the label and shows the icon alone when the
	// whole label does not fit (Home, Contents, Search on a projector).
	shrinkToIcon
	// shrinkEllipsis shortens the label with "…" (a chapter title).
	shrinkEllipsis
)

func newKeyButton(e *Exhibit, label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{route: e.typedKey, label: label}
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

// SetText changes the whole label; a shrinking button shows what fits.
func (b *keyButton) SetText(text string) {
	b.label = text
	b.Text = text
	if b.shrink != shrinkNever && b.Size().Width > 0 {
		b.Text = b.fitLabel(b.Size().Width)
	}
	b.Refresh()
}

// Resize fits the label of a shrinking button to its new width.
func (b *keyButton) Resize(s fyne.Size) {
	if b.shrink != shrinkNever {
		if t := b.fitLabel(s.Width); t != b.Text {
			b.Text = t
			b.Button.Resize(s)
			b.Refresh()
			return
		}
	}
	b.Button.Resize(s)
}

// buttonWidth is the width of a button showing text: Fyne's button is
// its bold label, the icon and the gap between them, in inner padding.
func (b *keyButton) buttonWidth(text string) float32 {
	th := b.Theme()
	w := th.Size(theme.SizeNameInnerPadding) * 2
	if text != "" {
		w += fyne.MeasureText(text, th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width
	}
	if b.Icon != nil {
		if text != "" {
			w += th.Size(theme.SizeNamePadding)
		}
		w += th.Size(theme.SizeNameInlineIcon)
	}
	return max(w, th.Size(exhibittheme.SizeNameTouchTarget))
}

// naturalWidth is the width that shows the whole label.
func (b *keyButton) naturalWidth() float32 { return b.buttonWidth(b.label) }

// leastWidth is the narrowest the button may be.
func (b *keyButton) leastWidth() float32 {
	switch {
	case b.shrink == shrinkNever || b.label == "":
		return b.naturalWidth()
	case b.Icon != nil:
		return b.buttonWidth("")
	default:
		return b.buttonWidth("…")
	}
}

// fitLabel returns the text to show in a button width wide.
func (b *keyButton) fitLabel(width float32) string {
	if b.buttonWidth(b.label) <= width || b.label == "" {
		return b.label
	}
	if b.shrink == shrinkToIcon && b.Icon != nil {
		return ""
	}
	room := width - b.buttonWidth("")
	if b.Icon != nil {
		room -= b.Theme().Size(theme.SizeNamePadding)
	}
	t := ellipsize(b.label, room, b.Theme().Size(theme.SizeNameText), fyne.TextStyle{Bold: true})
	if b.Icon != nil && len([]rune(t)) < 4 {
		return "" // "T…" tells nothing: the icon alone
	}
	return t
}

// MinSize keeps every button at least a touch target tall and wide; a
// shrinking button asks only for its icon (or "…").
func (b *keyButton) MinSize() fyne.Size {
	min := b.Button.MinSize()
	t := b.Theme().Size(exhibittheme.SizeNameTouchTarget)
	w := min.Width
	if b.shrink != shrinkNever {
		w = b.leastWidth()
	}
	return fyne.NewSize(max(w, t), max(min.Height, t))
}

// ellipsize returns text shortened at the end with "…" so that it is no
// wider than width, or "" when not even "…" fits.
func ellipsize(text string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(strings.TrimRight(string(runes[:mid]), " ,:;.–-")+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if fyne.MeasureText("…", size, style).Width <= width {
			return "…"
		}
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ,:;.–-") + "…"
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
// ends in "…". A chapter's title is whole in any hall: at the Projector
// text size in the three narrow columns of a 1920×1080 screen the built-in
// pack's longest titles take four lines (three cut "Chi bộ Chí Kiên" to
// "Chi bộ…"); six bounds only a title that is a paragraph.
const (
	cardTitleLines  = 6
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
	// titleLines is how many lines the title took in the last layout.
	titleLines int
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
	r.bg.Resize(s)
	r.accent.Resize(fyne.NewSize(max(4, pad/2), s.Height))
	if s.Width == r.laidSize.Width && body == r.laidBody && !r.dirty {
		// Only taller or shorter (the grid evens out a row): the text
		// wraps as it did.
		r.laidSize = s
		return
	}
	r.laidSize, r.laidBody, r.dirty = s, body, false
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
	add := func(text string, size float32, style fyne.TextStyle, c color.Color, maxLines int) int {
		lines := clampLines(wrapWords(text, w, size, style), maxLines, w, size, style)
		for _, line := range lines {
			t := canvas.NewText(line, c)
			t.TextSize, t.TextStyle = size, style
			t.Move(fyne.NewPos(x, y))
			t.Resize(t.MinSize())
			r.lines = append(r.lines, t)
			y += size * 1.35
		}
		return len(lines)
	}
	r.titleLines = add(r.c.title, body, fyne.TextStyle{Bold: true}, th.Color(theme.ColorNameForeground, v), cardTitleLines)
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
	// Room for two lines of title, or as many as it took at the width
	// it was last laid out at (narrow columns, large text: up to
	// cardTitleLines), so that the excerpt stays inside the card.
	titleLines := 2
	if r.laidBody == body {
		titleLines = max(titleLines, r.titleLines)
	}
	h := pad*2.5 + body*1.35*float32(titleLines) + small*1.35*cardDetailLines
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
	// The bar follows the card's left corners, and is a rounded
	// rectangle like every box on the home (see
	// TestHomePaintsOnlyRoundedRectangles).
	r.accent.TopLeftCornerRadius = r.bg.CornerRadius
	r.accent.BottomLeftCornerRadius = r.bg.CornerRadius
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
// the width, trailing buttons. When the bar is narrower than all of it,
// buttons with an icon show the icon alone and the title shortens with
// "…" (see barLayout), so the bar never widens the window.
func topBar(leading []fyne.CanvasObject, title fyne.CanvasObject, trailing []fyne.CanvasObject) fyne.CanvasObject {
	for _, o := range append(append([]fyne.CanvasObject{}, leading...), trailing...) {
		if b, ok := o.(*keyButton); ok && b.Icon != nil && b.shrink == shrinkNever {
			b.shrink = shrinkToIcon
		}
	}
	if title == nil {
		title = layout.NewSpacer()
	}
	bar := newBar(leading, title, trailing)
	return container.NewStack(newThemedRect(theme.ColorNameHeaderBackground), container.NewPadded(bar))
}

// newBar lays out leading objects, a middle one and trailing objects in a
// row with barLayout.
func newBar(leading []fyne.CanvasObject, middle fyne.CanvasObject, trailing []fyne.CanvasObject) *fyne.Container {
	objs := append(append(append([]fyne.CanvasObject{}, leading...), middle), trailing...)
	return container.New(&barLayout{leading: len(leading)}, objs...)
}

// barLayout is a row of buttons around a middle object (a title, a
// position) that takes the width left. Its minimum width is what the
// objects need at their smallest, so a bar never asks for more than the
// display: when the whole labels do not fit, shrinking buttons give up
// width — those that shrink to their icon first, then those that shorten
// with "…", sharing the room left equally.
type barLayout struct{ leading int }

func (l *barLayout) widths(objs []fyne.CanvasObject, width float32) []float32 {
	pad := theme.Padding()
	n := len(objs)
	ws := make([]float32, n)
	room := width - pad*float32(max(0, n-1))
	var natural float32
	for i, o := range objs {
		if i == l.leading {
			// The title keeps a third of the bar, or all it needs, before
			// the buttons get their labels back.
			room -= max(o.MinSize().Width, min(labelWidth(o), width/3))
			continue
		}
		ws[i] = o.MinSize().Width
		if b, ok := o.(*keyButton); ok && o.Visible() {
			ws[i] = b.naturalWidth()
		}
		if !o.Visible() {
			ws[i] = 0
		}
		natural += ws[i]
	}
	if natural <= room {
		return ws
	}
	// Too wide: icon-only first, then share among the "…" buttons.
	var used float32
	var ellipses []int
	for i, o := range objs {
		if i == l.leading || !o.Visible() {
			continue
		}
		if b, ok := o.(*keyButton); ok && b.shrink != shrinkNever {
			ws[i] = b.leastWidth()
			if b.shrink == shrinkEllipsis {
				ellipses = append(ellipses, i)
				continue
			}
		}
		used += ws[i]
	}
	// Water-fill the ellipsis buttons: the narrow ones get what they need,
	// the others an equal share of the rest.
	left := room - used
	sort.Slice(ellipses, func(a, b int) bool {
		return objs[ellipses[a]].(*keyButton).naturalWidth() < objs[ellipses[b]].(*keyButton).naturalWidth()
	})
	for k, i := range ellipses {
		b := objs[i].(*keyButton)
		share := left / float32(len(ellipses)-k)
		ws[i] = max(b.leastWidth(), min(b.naturalWidth(), share))
		left -= ws[i]
	}
	// Width still left gives icon-only buttons their labels back, in order.
	for i, o := range objs {
		if b, ok := o.(*keyButton); ok && i != l.leading && o.Visible() && b.shrink == shrinkToIcon {
			if extra := b.naturalWidth() - ws[i]; extra <= left {
				ws[i] += extra
				left -= extra
			}
		}
	}
	return ws
}

// labelWidth is the width a label needs to show its whole text on one line.
func labelWidth(o fyne.CanvasObject) float32 {
	l, ok := o.(*widget.Label)
	if !ok || l.Text == "" {
		return o.MinSize().Width
	}
	th := l.Theme()
	size := th.Size(theme.SizeNameText)
	if l.SizeName != "" {
		size = th.Size(l.SizeName)
	}
	return fyne.MeasureText(l.Text, size, l.TextStyle).Width + th.Size(theme.SizeNameInnerPadding)*2
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	if len(objs) == 0 {
		return
	}
	ws := l.widths(objs, s.Width)
	pad := theme.Padding()
	var sides float32
	for i, w := range ws {
		if i != l.leading {
			sides += w
		}
	}
	ws[l.leading] = max(0, s.Width-sides-pad*float32(len(objs)-1))
	x := float32(0)
	for i, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(ws[i], s.Height))
		if o.Visible() || i == l.leading {
			x += ws[i] + pad
		} else {
			x += pad
		}
	}
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s.AddWidthHeight(theme.Padding()*float32(max(0, len(objs)-1)), 0)
}

// themedRect is a plain rectangle in a theme colour that follows theme
// changes: a canvas.Rectangle keeps the colour it was made with, which
// left the bars cream after a switch to the dark colours.
type themedRect struct {
	widget.BaseWidget
	name fyne.ThemeColorName
}

func newThemedRect(name fyne.ThemeColorName) *themedRect {
	r := &themedRect{name: name}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is part of fyne.Widget.
func (r *themedRect) CreateRenderer() fyne.WidgetRenderer {
	rect := canvas.NewRectangle(color.Transparent)
	rr := &themedRectRenderer{r: r, rect: rect}
	rr.Refresh()
	return rr
}

type themedRectRenderer struct {
	r    *themedRect
	rect *canvas.Rectangle
}

func (rr *themedRectRenderer) Layout(s fyne.Size)           { rr.rect.Resize(s) }
func (rr *themedRectRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (rr *themedRectRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.rect} }
func (rr *themedRectRenderer) Destroy()                     {}
func (rr *themedRectRenderer) Refresh() {
	rr.rect.FillColor = rr.r.Theme().Color(rr.r.name, fyne.CurrentApp().Settings().ThemeVariant())
	rr.rect.Refresh()
}

// cappedHeight asks for the height measure needs, but no more than max();
// its content (a scroll around measure) shows the rest.
type cappedHeight struct {
	measure fyne.CanvasObject
	max     func() float32
}

func (l *cappedHeight) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
	}
}

func (l *cappedHeight) MinSize([]fyne.CanvasObject) fyne.Size {
	m := l.measure.MinSize()
	if c := l.max(); c > 0 && m.Height > c {
		m.Height = c
	}
	return m
}

// giveWayPage stacks a screen from top to bottom: a bar, the body, and the
// bottom bars, with one optional band ("extra") above or below the body
// that gives way on a short screen. The band is shown only while the body
// keeps its minimum plus room() of height; it never counts towards the
// screen's minimum height, so it never makes the window grow. The
// timeline's era chips and the reader's large captions are such bands: on
// a 1024×768 projector at the Projector text size they would squeeze the
// event card or the chapter's text to a line.
type giveWayPage struct {
	top, extra, body, bottom fyne.CanvasObject
	// below puts the band under the body instead of above it.
	below bool
	// room is the least height the body keeps beyond its minimum.
	room func() float32
}

// newGiveWayPage returns the stacked screen.
func newGiveWayPage(l *giveWayPage) *fyne.Container {
	return container.New(l, l.top, l.body, l.bottom, l.extra)
}

func (l *giveWayPage) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	// Parts stand a padding apart, as in a border layout.
	pad := theme.Padding()
	topH, botH := l.top.MinSize().Height, l.bottom.MinSize().Height
	extraH := l.extra.MinSize().Height
	// An empty band (captions not shown just now) stays "shown" at no
	// height: hidden, the canvas would not notice it filling up.
	show := extraH == 0 || size.Height-topH-botH-extraH-3*pad >= l.body.MinSize().Height+l.room()
	gap := float32(0) // the band and its padding
	if show && extraH > 0 {
		gap = extraH + pad
	}
	bodyY := topH + pad
	if !l.below {
		bodyY += gap
	}
	bodyH := max(0, size.Height-topH-botH-2*pad-gap)
	l.top.Move(fyne.NewPos(0, 0))
	l.top.Resize(fyne.NewSize(size.Width, topH))
	l.body.Move(fyne.NewPos(0, bodyY))
	l.body.Resize(fyne.NewSize(size.Width, bodyH))
	if show {
		l.extra.Show()
		y := topH + pad
		if l.below {
			y = bodyY + bodyH + pad
		}
		l.extra.Move(fyne.NewPos(0, y))
		l.extra.Resize(fyne.NewSize(size.Width, extraH))
	} else {
		l.extra.Hide()
	}
	l.bottom.Move(fyne.NewPos(0, size.Height-botH))
	l.bottom.Resize(fyne.NewSize(size.Width, botH))
}

// MinSize leaves the band out of the height but not out of the width.
func (l *giveWayPage) MinSize([]fyne.CanvasObject) fyne.Size {
	w := max(l.top.MinSize().Width, l.body.MinSize().Width, l.bottom.MinSize().Width)
	return fyne.NewSize(w, l.top.MinSize().Height+l.body.MinSize().Height+l.bottom.MinSize().Height+2*theme.Padding())
}
