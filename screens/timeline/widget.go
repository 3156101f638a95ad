package timeline

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// ScrollDuration is how long the axis takes to glide to a chosen event.
// Tests set it to zero.
var ScrollDuration = 280 * time.Millisecond

// Timeline shows a pack's timeline. Create it with New.
type Timeline struct {
	widget.BaseWidget

	// OnSelected is called when the selected event changes, with its
	// index in the timeline's events.
	OnSelected func(i int)
	// OnOpen is called when the visitor asks to read the selected event's
	// chapter (Enter, or a double tap).
	OnOpen func(i int)
	// OnGlideFrame, when set, is called at every frame of a glide (the
	// axis's animation) once the frame's objects are built, with the time
	// the glide started and its progress, 1 at its last frame: the app's
	// own frame counter for benchmarks (screens.FrameLogEnv).
	OnGlideFrame func(started time.Time, progress float32)

	items []Item
	bands []Band

	even     bool
	from, to float64 // visible range in axis units (years, or indexes in even mode)
	selected int
	focused  bool
	hovered  int

	anim *fyne.Animation
	// laid is the placement of the last render, for hit testing.
	laid     placement
	laidXs   []float64
	geometry geometry
}

var (
	_ fyne.Focusable    = (*Timeline)(nil)
	_ fyne.Draggable    = (*Timeline)(nil)
	_ fyne.Scrollable   = (*Timeline)(nil)
	_ fyne.Tappable     = (*Timeline)(nil)
	_ desktop.Hoverable = (*Timeline)(nil)
)

// New returns a timeline widget for the events and eras of a timeline,
// showing all of it, with the first event selected.
func New(t exhibit.Timeline) *Timeline {
	tl := &Timeline{selected: -1, hovered: -1}
	for _, ev := range t.Events {
		it := Item{At: Years(ev.Start), Display: ev.Display, Headline: ev.Headline, Group: ev.Group}
		it.End = it.At
		if ev.End != nil {
			it.End = Years(*ev.End)
		}
		if it.Display == "" {
			it.Display = ev.Start.Display
		}
		tl.items = append(tl.items, it)
	}
	for _, era := range t.Eras {
		tl.bands = append(tl.bands, Band{From: Years(era.Start), To: Years(era.End), Label: era.Headline})
	}
	tl.ExtendBaseWidget(tl)
	tl.ShowAll()
	if len(tl.items) > 0 {
		tl.selected = 0
	}
	return tl
}

// View returns the visible range in axis units, to be given back to
// SetView on a new widget (the screen is rebuilt when the visitor comes
// back from a chapter, and should look as it was left).
func (t *Timeline) View() (from, to float64) { return t.from, t.to }

// SetView shows a range returned by View; call it after SetEven.
func (t *Timeline) SetView(from, to float64) {
	t.stopGlide()
	t.setRange(from, to)
	t.Refresh()
}

// Len returns the number of events.
func (t *Timeline) Len() int { return len(t.items) }

// Selected returns the index of the selected event, or -1.
func (t *Timeline) Selected() int { return t.selected }

// Even reports whether events are evenly spaced rather than placed by date.
func (t *Timeline) Even() bool { return t.even }

// Range returns the visible span in years (in even mode, the years of the
// events at its edges).
func (t *Timeline) Range() (from, to float64) {
	if !t.even {
		return t.from, t.to
	}
	return t.yearAt(t.from), t.yearAt(t.to)
}

func (t *Timeline) yearAt(u float64) float64 {
	n := len(t.items)
	if n == 0 {
		return 0
	}
	i := int(math.Floor(u))
	switch {
	case i < 0:
		return t.items[0].At
	case i >= n-1:
		return t.items[n-1].At
	}
	f := u - float64(i)
	return t.items[i].At + f*(t.items[i+1].At-t.items[i].At)
}

// unitOf converts a year to the current axis unit.
func (t *Timeline) unitOf(year float64) float64 {
	if t.even {
		return evenUnit(t.items, year)
	}
	return year
}

// unitOfEvent is the axis position of event i: its date, or in even mode
// its index, so that events sharing a date still stand apart.
func (t *Timeline) unitOfEvent(i int) float64 {
	if t.even {
		return float64(i)
	}
	return t.items[i].At
}

func (t *Timeline) unitOfEventEnd(i int) float64 {
	if t.even {
		return float64(i)
	}
	return math.Max(t.items[i].At, t.items[i].End)
}

// extent returns the first and last unit that hold events or eras.
// It is extentRaw widened to at least minSpan, around its middle.
func (t *Timeline) extent() (lo, hi float64) {
	lo, hi = t.extentRaw()
	if len(t.items) == 0 && (t.even || len(t.bands) == 0) {
		return lo, hi // nothing to show: 0 and 1, as they are
	}
	if hi-lo < t.minSpan() {
		mid := (lo + hi) / 2
		lo, hi = mid-t.minSpan()/2, mid+t.minSpan()/2
	}
	return lo, hi
}

func (t *Timeline) minSpan() float64 {
	if t.even {
		return 3
	}
	return 2.0 / 12
}

func (t *Timeline) maxSpan() float64 {
	lo, hi := t.extentRaw()
	return (hi-lo)*1.6 + 1
}

// extentRaw returns the first and last unit that hold events or eras (eras
// only on a proportional scale), or 0 and 1 when there are none.
func (t *Timeline) extentRaw() (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range t.items {
		lo, hi = math.Min(lo, t.unitOfEvent(i)), math.Max(hi, t.unitOfEventEnd(i))
	}
	if !t.even {
		for _, b := range t.bands {
			lo, hi = math.Min(lo, b.From), math.Max(hi, b.To)
		}
	}
	if math.IsInf(lo, 0) {
		return 0, 1
	}
	return lo, hi
}

// ShowAll zooms out to the whole timeline.
func (t *Timeline) ShowAll() {
	lo, hi := t.extent()
	span := hi - lo
	t.setRange(lo-span*0.03, hi+span*0.12)
}

// ZoomToYears shows the years from..to, e.g. 1941 to 1944.
func (t *Timeline) ZoomToYears(from, to float64) {
	if t.even {
		from, to = evenUnit(t.items, from), evenUnit(t.items, to)
	}
	t.glide(from, to)
}

// SetEven switches between placing events by date and spacing them
// evenly, keeping the selected event in view.
func (t *Timeline) SetEven(even bool) {
	if even == t.even {
		return
	}
	t.stopGlide()
	t.even = even
	t.ShowAll()
	if even && len(t.items) > 12 {
		// Evenly spaced, a dozen events at a time are readable; the rest
		// are a drag or an arrow away.
		t.setRange(-0.5, 11.5)
	}
	if t.selected >= 0 {
		t.reveal(t.selected, false)
	}
	t.Refresh()
}

// ZoomIn shows half as much time, around the selected event when it is
// in view, else around the middle.
func (t *Timeline) ZoomIn() { t.zoomAround(0.5) }

// ZoomOut shows twice as much time.
func (t *Timeline) ZoomOut() { t.zoomAround(2) }

func (t *Timeline) zoomAround(f float64) {
	w := float64(t.Size().Width)
	c := w / 2
	if t.selected >= 0 && w > 0 {
		x := t.scale().px(t.unitOfEvent(t.selected))
		if x >= 0 && x <= w {
			c = x
		}
	}
	t.stopGlide()
	t.zoomAt(f, c)
}

// zoomAt scales the visible span by f keeping the unit under pixel px fixed.
func (t *Timeline) zoomAt(f, px float64) {
	s := t.scale()
	if s.width <= 0 {
		s.width = 800
	}
	u := s.unit(px)
	span := (t.to - t.from) * f
	span = math.Max(t.minSpan(), math.Min(t.maxSpan(), span))
	from := u - px/s.width*span
	t.setRange(from, from+span)
	t.Refresh()
}

// setRange sets the visible range, kept near the data so the axis cannot
// be dragged into emptiness.
func (t *Timeline) setRange(from, to float64) {
	span := to - from
	if !(span > 0) || math.IsNaN(span) || math.IsInf(span, 0) {
		return
	}
	lo, hi := t.extentRaw()
	if from > hi-span*0.1 {
		from = hi - span*0.1
	}
	if from+span < lo+span*0.1 {
		from = lo + span*0.1 - span
	}
	t.from, t.to = from, from+span
}

// Select makes event i the selected one and glides it into view.
func (t *Timeline) Select(i int) {
	if i < 0 || i >= len(t.items) {
		return
	}
	changed := i != t.selected
	t.selected = i
	// The hover mark belongs to where the mouse was; once the selection
	// moves on (keys, buttons) it would read as a second selection.
	t.hovered = -1
	t.reveal(i, true)
	t.Refresh()
	if changed && t.OnSelected != nil {
		t.OnSelected(i)
	}
}

// reveal scrolls so that event i is well inside the view.
func (t *Timeline) reveal(i int, animate bool) {
	s := t.scale()
	if s.width <= 0 {
		return // not laid out yet: the whole timeline is in view
	}
	u := t.unitOfEvent(i)
	x := s.px(u)
	if x >= s.width*0.02 && x <= s.width*0.8 {
		return
	}
	span := t.to - t.from
	from := u - span*0.35
	if animate {
		t.glide(from, from+span)
	} else {
		t.setRange(from, from+span)
	}
}

// glide animates the visible range to from..to.
func (t *Timeline) glide(from, to float64) {
	t.stopGlide()
	if ScrollDuration <= 0 {
		t.setRange(from, to)
		t.Refresh()
		return
	}
	f0, t0 := t.from, t.to
	started := time.Now()
	t.anim = fyne.NewAnimation(ScrollDuration, func(p float32) {
		q := float64(p)
		t.setRange(f0+(from-f0)*q, t0+(to-t0)*q)
		t.Refresh()
		if t.OnGlideFrame != nil {
			t.OnGlideFrame(started, p)
		}
	})
	t.anim.Curve = fyne.AnimationEaseInOut
	t.anim.Start()
}

func (t *Timeline) stopGlide() {
	if t.anim != nil {
		t.anim.Stop()
		t.anim = nil
	}
}

// Next selects the following event; Previous the one before.
func (t *Timeline) Next() { t.Select(min(len(t.items)-1, t.selected+1)) }

// Previous selects the event before the selected one.
func (t *Timeline) Previous() { t.Select(max(0, t.selected-1)) }

// HandleKey applies the timeline's key map and reports whether the key
// was used; screens route keys here when the widget has no focus.
func (t *Timeline) HandleKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeyDown:
		t.Next()
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp:
		t.Previous()
	case fyne.KeyHome:
		t.Select(0)
	case fyne.KeyEnd:
		t.Select(len(t.items) - 1)
	case fyne.KeyPlus, fyne.KeyEqual:
		t.ZoomIn()
	case fyne.KeyMinus:
		t.ZoomOut()
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if t.selected >= 0 && t.OnOpen != nil {
			t.OnOpen(t.selected)
		}
	default:
		return false
	}
	return true
}

// TypedKey is part of fyne.Focusable.
func (t *Timeline) TypedKey(ev *fyne.KeyEvent) { t.HandleKey(ev) }

// TypedRune zooms with + and −, which arrive as runes on some keyboards.
func (t *Timeline) TypedRune(r rune) {
	switch r {
	case '+', '=':
		t.ZoomIn()
	case '-':
		t.ZoomOut()
	}
}

// FocusGained is part of fyne.Focusable.
func (t *Timeline) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost is part of fyne.Focusable.
func (t *Timeline) FocusLost() { t.focused = false; t.Refresh() }

// Dragged pans the axis with the finger or mouse.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	t.stopGlide()
	per := t.scale().perUnit()
	if per <= 0 {
		return
	}
	d := float64(ev.Dragged.DX) / per
	t.setRange(t.from-d, t.to-d)
	t.Refresh()
}

// DragEnd is part of fyne.Draggable.
func (t *Timeline) DragEnd() {}

// Scrolled zooms with the wheel around the pointer, and pans with a
// sideways scroll. Touchpad pinches reach Fyne as Ctrl+wheel, so they zoom
// too.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	t.stopGlide()
	dx, dy := float64(ev.Scrolled.DX), float64(ev.Scrolled.DY)
	if math.Abs(dx) > math.Abs(dy) {
		per := t.scale().perUnit()
		if per > 0 {
			d := dx / per
			t.setRange(t.from-d, t.to-d)
			t.Refresh()
		}
		return
	}
	t.zoomAt(math.Exp(-dy/120), float64(ev.Position.X))
}

// Tapped selects the event under the pointer; a cluster zooms in to show
// its events apart.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	n, ok := t.nodeAt(ev.Position)
	if !ok {
		return
	}
	if n.count() > 1 && t.items[n.first].At == t.items[n.last].At {
		// Events on the same date never part by zooming: each tap
		// selects the next of them instead.
		next := n.first
		if t.selected >= n.first && t.selected < n.last {
			next = t.selected + 1
		}
		t.Select(next)
		return
	}
	if n.count() > 1 {
		a, b := t.unitOfEvent(n.first), t.unitOfEvent(n.last)
		pad := math.Max((b-a)*0.25, t.minSpan()/2)
		t.glide(a-pad, b+pad*2)
		t.selected, t.hovered = n.first, -1
		t.Refresh()
		if t.OnSelected != nil {
			t.OnSelected(n.first)
		}
		return
	}
	if n.first == t.selected && t.OnOpen != nil {
		// A second tap on the chosen event reads on in its chapter.
		t.OnOpen(n.first)
		return
	}
	t.Select(n.first)
}

// MouseIn is part of desktop.Hoverable.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved highlights the event under the mouse.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	h := -1
	if n, ok := t.nodeAt(ev.Position); ok {
		h = n.first
	}
	if h != t.hovered {
		t.hovered = h
		t.Refresh()
	}
}

// MouseOut is part of desktop.Hoverable.
func (t *Timeline) MouseOut() {
	if t.hovered != -1 {
		t.hovered = -1
		t.Refresh()
	}
}

// nodeAt finds the node whose marker (with a touch target of 44 px) or
// label is under a point.
func (t *Timeline) nodeAt(p fyne.Position) (node, bool) {
	g := t.geometry
	best, bestD := -1, math.Inf(1)
	for i, n := range t.laid.nodes {
		if n.label {
			top := g.rowTop(n.row)
			if float64(p.X) >= n.labelX && float64(p.X) <= n.labelX+n.labelW &&
				float64(p.Y) >= top && float64(p.Y) <= top+g.rowH {
				return n, true
			}
		}
		d := math.Abs(float64(p.X) - n.x)
		if d <= g.touch/2 && math.Abs(float64(p.Y)-g.axisY) <= g.touch && d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 {
		return t.laid.nodes[best], true
	}
	return node{}, false
}

func (t *Timeline) scale() scale {
	return scale{from: t.from, to: t.to, width: float64(t.Size().Width)}
}

// MinSize leaves room for two rows of labels above the axis.
func (t *Timeline) MinSize() fyne.Size {
	// One row of labels: more rows come when there is room, and a short
	// screen at a large text size must not grow the window for a second.
	g := t.measureGeometry(fyne.NewSize(400, 0))
	return fyne.NewSize(200, float32(g.eraH+g.rowH+g.axisArea+g.touch))
}

// geometry is the vertical arrangement of the widget at its size.
type geometry struct {
	pad, text, small, eraH, rowH, axisY, axisArea, touch, marker float64
	rows                                                         int
	// headLines is how many lines a label's headline may take: two when
	// the widget is tall enough to keep three rows of such labels.
	headLines int
}

// clusterRadius is the radius of a cluster's marker: wide enough for a
// three-digit count.
func (g geometry) clusterRadius() float64 {
	cw := float64(fyne.MeasureText("888", float32(g.small), fyne.TextStyle{Bold: true}).Width)
	return math.Max(g.marker*1.5, cw/2+4)
}

// ringGap is the distance between a selected marker and its ring.
func (g geometry) ringGap() float64 { return 5 }

func (g geometry) rowTop(r int) float64 {
	return g.axisY - g.marker*2 - float64(r+1)*g.rowH
}

func (t *Timeline) measureGeometry(s fyne.Size) geometry {
	th := t.Theme()
	g := geometry{
		pad:   float64(th.Size(theme.SizeNamePadding)),
		text:  float64(th.Size(theme.SizeNameText)) * 0.9,
		small: float64(th.Size(theme.SizeNameCaptionText)),
		// A fingertip: 48 px at least, more when the text is large.
		touch: math.Max(48, float64(th.Size(exhibittheme.SizeNameTouchTarget))),
	}
	g.marker = math.Max(7, g.text*0.45)
	g.eraH = g.small*1.9 + g.small*1.35 // two lines of era names
	g.axisArea = g.small*1.8 + g.pad*2
	g.axisY = float64(s.Height) - g.axisArea
	free := g.axisY - g.marker*2 - g.eraH
	g.headLines = 1
	if tall := g.text*1.3*3 + g.pad*2; free/tall >= 3 {
		g.headLines = 2
	}
	g.rowH = g.text*1.3*float64(1+g.headLines) + g.pad*2
	g.rows = max(1, min(6, int(free/g.rowH)))
	return g
}

// CreateRenderer is part of fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	return &renderer{t: t}
}

type renderer struct {
	t       *Timeline
	objects []fyne.CanvasObject
}

func (r *renderer) Destroy()                     { r.t.stopGlide() }
func (r *renderer) MinSize() fyne.Size           { return r.t.MinSize() }
func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *renderer) Layout(fyne.Size)             { r.build() }
func (r *renderer) Refresh()                     { r.build(); canvas.Refresh(r.t) }

// build lays out and draws everything visible. It runs on input and
// during a glide only; an untouched timeline costs nothing.
func (r *renderer) build() {
	t := r.t
	size := t.Size()
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	col := func(n fyne.ThemeColorName) color.Color {
		if c := th.Color(n, v); c != nil {
			return c
		}
		return th.Color(theme.ColorNameForeground, v) // a theme without the exhibit's colours
	}
	g := t.measureGeometry(size)
	t.geometry = g
	s := t.scale()
	w := s.width
	objs := r.objects[:0]

	bg := canvas.NewRectangle(col(exhibittheme.ColorNameCard))
	bg.Resize(size)
	if t.focused {
		bg.StrokeColor = col(theme.ColorNamePrimary)
		bg.StrokeWidth = 3
	}
	objs = append(objs, bg)
	if w <= 0 || len(t.items) == 0 && len(t.bands) == 0 {
		r.objects = objs
		return
	}

	// Era bands, alternating tints, names at the top on two lines.
	eraEnds := []float64{math.Inf(-1), math.Inf(-1)}
	for i, b := range t.bands {
		x0, x1 := s.px(t.unitOf(b.From)), s.px(t.unitOf(b.To))
		x0, x1 = math.Max(0, x0), math.Min(w, x1)
		if x1 <= x0 {
			continue
		}
		var fill color.Color = color.Transparent
		if i%2 == 0 {
			fill = withAlpha(col(exhibittheme.ColorNameGold), 0x24)
		}
		band := canvas.NewRectangle(fill)
		band.Move(fyne.NewPos(float32(x0), 0))
		band.Resize(fyne.NewSize(float32(x1-x0), float32(g.axisY)))
		objs = append(objs, band)
		edge := canvas.NewRectangle(withAlpha(col(exhibittheme.ColorNameGold), 0x80))
		edge.Move(fyne.NewPos(float32(x0), 0))
		edge.Resize(fyne.NewSize(1, float32(g.axisY)))
		objs = append(objs, edge)
		// The name reaches past a narrow band into the next one when a
		// line of the era strip is free there; only when neither line is
		// free is it shortened to the band.
		full := float64(fyne.MeasureText(b.Label, float32(g.small), fyne.TextStyle{Bold: true}).Width)
		fits := full <= x1-x0-g.pad*2
		label, line := b.Label, -1
		for r := range eraEnds {
			if x0+g.pad >= eraEnds[r] && (fits || x0+g.pad+full <= w) {
				line = r
				break
			}
		}
		if line < 0 {
			// Shortened to its band, on a free line; with no free line the
			// band keeps its tint and the chip above names it.
			label = fit(b.Label, x1-x0-g.pad*2, float32(g.small), fyne.TextStyle{Bold: true})
			for r := range eraEnds {
				if x0+g.pad >= eraEnds[r] {
					line = r
					break
				}
			}
		}
		if line < 0 {
			continue
		}
		if label != "" {
			txt := canvas.NewText(label, col(exhibittheme.ColorNameMuted))
			txt.TextSize, txt.TextStyle = float32(g.small), fyne.TextStyle{Bold: true}
			txt.Move(fyne.NewPos(float32(x0+g.pad), float32(g.pad/2+float64(line)*g.small*1.35)))
			objs = append(objs, txt)
			eraEnds[line] = x0 + g.pad + float64(txt.MinSize().Width) + g.pad
		}
	}

	// The axis and its ticks.
	axis := canvas.NewRectangle(col(theme.ColorNameForeground))
	axis.Move(fyne.NewPos(0, float32(g.axisY)))
	axis.Resize(fyne.NewSize(float32(w), 2))
	objs = append(objs, axis)
	for _, tk := range t.ticks(s, g) {
		x := s.px(tk.At)
		if x < 0 || x > w {
			continue
		}
		h := g.pad
		if tk.Major {
			h = g.pad * 2
		}
		line := canvas.NewRectangle(col(theme.ColorNameForeground))
		line.Move(fyne.NewPos(float32(x), float32(g.axisY)))
		line.Resize(fyne.NewSize(1, float32(h)))
		objs = append(objs, line)
		if tk.Label != "" {
			txt := canvas.NewText(tk.Label, col(exhibittheme.ColorNameMuted))
			txt.TextSize = float32(g.small)
			tw := float64(txt.MinSize().Width)
			txt.Move(fyne.NewPos(float32(math.Max(0, math.Min(w-tw, x-tw/2))), float32(g.axisY+h+g.pad/2)))
			objs = append(objs, txt)
		}
	}

	// Events: clusters, markers, labels.
	xs := positions(t.items, s, t.even)
	maxW := math.Min(w*0.45, g.text*20)
	clusterText := func(n node) (string, string) {
		a, b := t.items[n.first], t.items[n.last]
		years := strconv.Itoa(int(math.Floor(a.At)))
		if int(math.Floor(b.At)) != int(math.Floor(a.At)) {
			years += " – " + strconv.Itoa(int(math.Floor(b.At)))
		}
		return lang.L("{{.Count}} events", map[string]any{"Count": n.count()}), years
	}
	if g.headLines > 1 {
		maxW = math.Min(w*0.45, g.text*24)
	}
	p := place(xs, w, g.rows, g.pad*2, 2*(g.clusterRadius()+g.ringGap())+2, func(n node) float64 {
		return measureLabel(t.items, n, float32(g.text), maxW, clusterText) + g.pad
	})
	t.laid, t.laidXs = p, xs

	ink := col(theme.ColorNameForeground)
	accent := col(exhibittheme.ColorNameHeading)
	primary := col(theme.ColorNamePrimary)
	// Three passes so that nothing is drawn over a label's text: spans and
	// leader lines first, then the labels on a ground that hides the lines
	// of labels in higher rows, then the markers.
	for _, n := range p.nodes {
		if n.count() == 1 {
			// The span of an event with an end date, along the axis.
			it := t.items[n.first]
			if it.End > it.At {
				x1 := math.Min(w, s.px(t.unitOf(it.End)))
				span := canvas.NewRectangle(withAlpha(primary, 0x90))
				span.Move(fyne.NewPos(float32(math.Max(0, n.x)), float32(g.axisY-3)))
				span.Resize(fyne.NewSize(float32(math.Max(2, x1-math.Max(0, n.x))), 6))
				objs = append(objs, span)
			}
		}
		if n.label {
			top := g.rowTop(n.row)
			lead := canvas.NewRectangle(withAlpha(ink, 0x60))
			lead.Move(fyne.NewPos(float32(n.x), float32(top+g.rowH-g.pad)))
			lead.Resize(fyne.NewSize(1, float32(g.axisY-(top+g.rowH-g.pad))))
			objs = append(objs, lead)
		}
	}
	card := col(exhibittheme.ColorNameCard)
	for _, n := range p.nodes {
		if !n.label {
			continue
		}
		sel := t.selected >= n.first && t.selected <= n.last
		hover := t.hovered >= n.first && t.hovered <= n.last
		top := g.rowTop(n.row)
		lx := n.labelX
		ground := canvas.NewRectangle(withAlpha(card, 0xE6))
		switch {
		case sel:
			ground.FillColor = col(exhibittheme.ColorNameHighlight)
		case hover:
			// Only an outline: a fill would look like the selection.
			ground.StrokeColor, ground.StrokeWidth = withAlpha(primary, 0xA0), 2
		}
		ground.CornerRadius = 4
		ground.Move(fyne.NewPos(float32(lx-g.pad/2), float32(top)))
		ground.Resize(fyne.NewSize(float32(n.labelW+g.pad/2), float32(g.rowH-g.pad)))
		objs = append(objs, ground)
		l1, l2 := labelLines(t.items, n, clusterText)
		d := canvas.NewText(fit(l1, n.labelW-g.pad, float32(g.text), fyne.TextStyle{Bold: true}), accent)
		d.TextSize, d.TextStyle = float32(g.text), fyne.TextStyle{Bold: true}
		d.Move(fyne.NewPos(float32(lx), float32(top+g.pad/2)))
		objs = append(objs, d)
		// The headline on its lines, the last one shortened with "…" only
		// when the words still do not fit.
		for i, line := range wrapLines(l2, n.labelW-g.pad, float32(g.text), g.headLines) {
			h := canvas.NewText(line, ink)
			h.TextSize = float32(g.text)
			h.Move(fyne.NewPos(float32(lx), float32(top+g.pad/2+g.text*1.3*float64(i+1))))
			objs = append(objs, h)
		}
	}
	for _, n := range p.nodes {
		sel := t.selected >= n.first && t.selected <= n.last
		rad := g.marker
		if n.count() > 1 {
			rad = g.clusterRadius()
		}
		if sel {
			// The ring stays within the room place keeps free around
			// every marker, so it never covers a neighbour.
			ring := canvas.NewCircle(color.Transparent)
			ring.StrokeColor, ring.StrokeWidth = primary, 3
			rr := rad + g.ringGap()
			ring.Move(fyne.NewPos(float32(n.x-rr), float32(g.axisY-rr)))
			ring.Resize(fyne.NewSize(float32(rr*2), float32(rr*2)))
			objs = append(objs, ring)
		}
		dot := canvas.NewCircle(accent)
		if sel {
			dot.FillColor = primary
		}
		dot.StrokeColor, dot.StrokeWidth = card, 2
		dot.Move(fyne.NewPos(float32(n.x-rad), float32(g.axisY-rad)))
		dot.Resize(fyne.NewSize(float32(rad*2), float32(rad*2)))
		objs = append(objs, dot)
		if n.count() > 1 {
			c := canvas.NewText(strconv.Itoa(n.count()), contrasting(accent))
			c.TextSize, c.TextStyle = float32(g.small), fyne.TextStyle{Bold: true}
			cs := c.MinSize()
			c.Move(fyne.NewPos(float32(n.x)-cs.Width/2, float32(g.axisY)-cs.Height/2))
			objs = append(objs, c)
		}
	}
	r.objects = objs
}

// ticks returns the axis ticks: by date in time mode; in even mode, the
// year at the first event of each year.
func (t *Timeline) ticks(s scale, g geometry) []Tick {
	minGap := g.small * 5
	if !t.even {
		return Ticks(s.from, s.to, s.perUnit(), minGap)
	}
	var out []Tick
	lastX, lastYear := math.Inf(-1), math.Inf(-1)
	for i, it := range t.items {
		y := math.Floor(it.At)
		if y == lastYear {
			continue
		}
		lastYear = y
		x := s.px(float64(i))
		if x-lastX < minGap {
			continue
		}
		lastX = x
		out = append(out, Tick{At: float64(i), Label: yearLabel(y), Major: true})
	}
	return out
}

// wrapLines breaks text into at most n lines of a width at spaces; the
// last line is shortened with "…" if the text is longer still.
func wrapLines(text string, width float64, size float32, n int) []string {
	var out []string
	words := strings.Fields(text)
	for len(out) < n-1 && len(words) > 0 {
		line := words[0]
		k := 1
		for ; k < len(words); k++ {
			next := line + " " + words[k]
			if float64(fyne.MeasureText(next, size, fyne.TextStyle{}).Width) > width {
				break
			}
			line = next
		}
		if k == len(words) {
			return append(out, line)
		}
		out = append(out, line)
		words = words[k:]
	}
	return append(out, fit(strings.Join(words, " "), width, size, fyne.TextStyle{}))
}

// fit shortens text with "…" to fit a width.
func fit(text string, width float64, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if float64(fyne.MeasureText(text, size, style).Width) <= width {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if float64(fyne.MeasureText(string(r[:mid])+"…", size, style).Width) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(r[:lo]) + "…"
}

// contrasting returns black or white, whichever reads better on c.
func contrasting(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	if 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) > 0.5*0xffff {
		return color.Black
	}
	return color.White
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
