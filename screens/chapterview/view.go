package chapterview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// View shows the blocks of one chapter. Put it in a vertical scroll
// container: its minimum height follows the width it is given.
type View struct {
	widget.BaseWidget

	// OnTapped is called with the index of the block under a tap, or -1.
	OnTapped func(block int)

	blocks  []exhibit.Block
	marks   map[int][][2]int
	figures []Figure
	lay     Layout
	laidW   float32
	// dirty is set when the blocks or the theme changed since the last
	// layout: everything is laid out and drawn again.
	dirty bool
	// remark holds the blocks whose marks changed since the last layout:
	// only they are set again (the spoken sentence moves ten times a
	// minute, and the chapter around it stays as it is).
	remark map[int]bool
	// redraw holds the blocks laid out again whose objects the renderer
	// has not yet replaced; redrawAll is set after a full layout.
	redraw    map[int]bool
	redrawAll bool
	// keepLayout tells the renderer's next Refresh that the layout is
	// current (new marks, a resize), so it is not redone from scratch.
	keepLayout bool
}

// New returns a view of the blocks.
func New(blocks []exhibit.Block) *View {
	v := &View{blocks: blocks, dirty: true}
	v.ExtendBaseWidget(v)
	return v
}

// SetBlocks replaces the text shown and clears the marks and figures.
func (v *View) SetBlocks(blocks []exhibit.Block) {
	v.blocks = blocks
	v.marks = nil
	v.figures = nil
	v.dirty = true
	v.Refresh()
}

// SetMarks highlights byte ranges of blocks' text: marks[i] holds the
// ranges of block i. Nil clears every mark.
func (v *View) SetMarks(marks map[int][][2]int) {
	if v.remark == nil {
		v.remark = map[int]bool{}
	}
	for i, m := range v.marks {
		if !sameRanges(m, marks[i]) {
			v.remark[i] = true
		}
	}
	for i, m := range marks {
		if !sameRanges(m, v.marks[i]) {
			v.remark[i] = true
		}
	}
	v.marks = marks
	if len(v.remark) == 0 {
		return
	}
	v.keepLayout = true
	v.Refresh()
}

func sameRanges(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Figure is an object, a picture with its caption, set across the
// reading column right after a block of the text.
type Figure struct {
	// After is the index of the block the figure follows.
	After  int
	Object fyne.CanvasObject
}

// SetFigures places objects after blocks of the text; nil removes them.
// An object's height is its minimum height at the column's width.
func (v *View) SetFigures(figs []Figure) {
	v.figures = figs
	v.dirty = true
	v.Refresh()
}

// Blocks returns the blocks shown.
func (v *View) Blocks() []exhibit.Block { return v.blocks }

// Marks returns the highlighted ranges, by block.
func (v *View) Marks() map[int][][2]int { return v.marks }

// BlockTop returns the y position of a block in the current layout.
func (v *View) BlockTop(i int) float32 {
	v.ensureLayout(v.Size().Width)
	if i < 0 || i >= len(v.lay.BlockTop) {
		return 0
	}
	return v.lay.BlockTop[i]
}

// BlockBottom returns the y position of the end of a block.
func (v *View) BlockBottom(i int) float32 {
	v.ensureLayout(v.Size().Width)
	if i < 0 || i >= len(v.lay.BlockBottom) {
		return 0
	}
	return v.lay.BlockBottom[i]
}

// BlockAt returns the block at a y position, or the nearest one before it;
// -1 when there are no blocks.
func (v *View) BlockAt(y float32) int {
	v.ensureLayout(v.Size().Width)
	found := -1
	for i, top := range v.lay.BlockTop {
		if top > y {
			break
		}
		found = i
	}
	if found < 0 && len(v.blocks) > 0 {
		return 0
	}
	return found
}

// Tapped reports the block under the tap.
func (v *View) Tapped(e *fyne.PointEvent) {
	if v.OnTapped == nil {
		return
	}
	for i := range v.lay.BlockTop {
		if e.Position.Y >= v.lay.BlockTop[i] && e.Position.Y <= v.lay.BlockBottom[i] {
			v.OnTapped(i)
			return
		}
	}
	v.OnTapped(-1)
}

// Resize lays the text out again when the width changes, and refreshes
// so that the scroll container learns the new height.
func (v *View) Resize(s fyne.Size) {
	changed := v.ensureLayout(s.Width)
	v.BaseWidget.Resize(s)
	if changed {
		v.keepLayout = true
		v.Refresh()
	}
}

// MinSize is narrow, so the view never forces a horizontal scroll bar,
// and as tall as the text set at the current width.
func (v *View) MinSize() fyne.Size {
	w := v.Size().Width
	if w <= 0 {
		w = 720
	}
	v.ensureLayout(w)
	return fyne.NewSize(120, v.lay.Height)
}

func (v *View) bodySize() (body, pad float32) {
	th := v.Theme()
	return th.Size(theme.SizeNameText), th.Size(theme.SizeNamePadding) * 4
}

// ensureLayout sets the text for the width when anything changed and
// reports whether the whole chapter was laid out again. Blocks whose
// marks alone changed are set again on their own.
func (v *View) ensureLayout(width float32) bool {
	if width <= 0 {
		width = 720
	}
	body, pad := v.bodySize()
	if !v.dirty && width == v.laidW && v.lay.Width == width && v.layBody() == body {
		for bi := range v.remark {
			if !v.lay.relayBlock(v.blocks, bi, v.marks[bi], fyne.MeasureText) {
				v.dirty = true
				break
			}
			if v.redraw == nil {
				v.redraw = map[int]bool{}
			}
			v.redraw[bi] = true
		}
		clear(v.remark)
		if !v.dirty {
			return false
		}
	}
	specs := make([]figSpec, len(v.figures))
	for i, f := range v.figures {
		o := f.Object
		specs[i] = figSpec{after: f.After, height: func(col float32) float32 {
			// Wrapped text reports its height for the width it has.
			o.Resize(fyne.NewSize(col, o.MinSize().Height))
			return o.MinSize().Height
		}}
	}
	v.lay = layoutFigures(v.blocks, v.marks, specs, width, body, pad, fyne.MeasureText)
	v.laidW = width
	v.dirty = false
	clear(v.remark)
	clear(v.redraw)
	v.redrawAll = true
	return true
}

func (v *View) layBody() float32 {
	for _, r := range v.lay.Runs {
		if r.Heading == 0 {
			return r.Size
		}
	}
	body, _ := v.bodySize()
	return body
}

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{v: v}
	v.ensureLayout(v.Size().Width)
	r.rebuild()
	return r
}

// renderer draws each block in its own container, so that a block whose
// marks change is redrawn alone.
type renderer struct {
	v       *View
	objects []fyne.CanvasObject
	blocks  []*fyne.Container
	// replaced counts the canvas objects made since the renderer was:
	// tests check that a new highlight makes objects for its block only.
	replaced int
}

func (r *renderer) Layout(fyne.Size) {}

func (r *renderer) MinSize() fyne.Size { return r.v.MinSize() }

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

// Refresh is called for new text, new marks, a new width and theme
// changes (colours, text size). New marks redraw only the blocks whose
// marks changed; anything else lays out and draws the chapter again.
func (r *renderer) Refresh() {
	v := r.v
	if !v.keepLayout {
		v.dirty = true
	}
	v.keepLayout = false
	v.ensureLayout(v.Size().Width)
	if v.redrawAll || len(r.blocks) != len(v.blocks) {
		r.rebuild()
		canvas.Refresh(v)
		return
	}
	pal := r.palette()
	for bi := range v.redraw {
		if bi >= 0 && bi < len(r.blocks) {
			r.restyle(bi, pal)
		}
	}
	clear(v.redraw)
}

type palette struct{ ink, heading, gold, mark color.Color }

func (r *renderer) palette() palette {
	th := r.v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	return palette{
		ink:     th.Color(theme.ColorNameForeground, variant),
		heading: th.Color(exhibittheme.ColorNameHeading, variant),
		gold:    th.Color(exhibittheme.ColorNameGold, variant),
		mark:    th.Color(exhibittheme.ColorNameHighlight, variant),
	}
}

// rebuild makes every block's objects.
func (r *renderer) rebuild() {
	v := r.v
	v.redrawAll = false
	clear(v.redraw)
	pal := r.palette()
	// Cleared, not just cut: the tail of a longer chapter's slices would
	// keep its objects alive.
	clear(r.blocks)
	clear(r.objects)
	r.blocks = r.blocks[:0]
	r.objects = r.objects[:0]
	for bi := range v.blocks {
		c := container.NewWithoutLayout(r.blockObjects(bi, pal, nil)...)
		r.blocks = append(r.blocks, c)
		r.objects = append(r.objects, c)
	}
	for i, f := range v.figures {
		if i >= len(v.lay.Figures) || f.Object == nil {
			continue
		}
		g := v.lay.Figures[i]
		if g.W <= 0 {
			f.Object.Hide() // placed after a block the text does not have
			continue
		}
		f.Object.Show()
		f.Object.Move(fyne.NewPos(g.X, g.Y))
		f.Object.Resize(fyne.NewSize(g.W, g.H))
		r.objects = append(r.objects, f.Object)
	}
}

// restyle replaces one block's objects after its marks changed. Text
// objects whose string, style and colour are unchanged are kept and only
// moved, so the spans that keep their look are not made again.
func (r *renderer) restyle(bi int, pal palette) {
	c := r.blocks[bi]
	spare := map[textKey][]*canvas.Text{}
	for _, o := range c.Objects {
		if t, ok := o.(*canvas.Text); ok {
			k := textKey{t.Text, t.TextSize, t.TextStyle, t.Color}
			spare[k] = append(spare[k], t)
		}
	}
	c.Objects = r.blockObjects(bi, pal, spare)
	// Refreshing the block frees no text texture worth keeping (Fyne keys
	// them by string and style) and repaints the marks that went away.
	canvas.Refresh(c)
}

type textKey struct {
	text  string
	size  float32
	style fyne.TextStyle
	color color.Color
}

// blockObjects returns the objects of block bi: mark rectangles behind
// the text, rules, bullets and the runs. Texts are taken from spare when
// an equal one is there.
func (r *renderer) blockObjects(bi int, pal palette, spare map[textKey][]*canvas.Text) []fyne.CanvasObject {
	runs, marks, rules, bullets := r.v.lay.BlockRuns(bi)
	objs := make([]fyne.CanvasObject, 0, len(runs)+len(marks)+len(rules)+len(bullets))
	for _, m := range marks {
		objs = append(objs, rect(pal.mark, m))
	}
	for _, g := range rules {
		objs = append(objs, rect(pal.gold, g))
	}
	for _, b := range bullets {
		objs = append(objs, text(b, pal.heading))
	}
	r.replaced += len(marks) + len(rules) + len(bullets)
	for _, run := range runs {
		c := pal.ink
		if run.Heading > 0 {
			c = pal.heading
		}
		k := textKey{run.Text, run.Size, run.Style, c}
		if old := spare[k]; len(old) > 0 {
			t := old[0]
			spare[k] = old[1:]
			t.Move(fyne.NewPos(run.X, run.Y))
			objs = append(objs, t)
			continue
		}
		r.replaced++
		objs = append(objs, text(run, c))
	}
	return objs
}
func rect(c color.Color, g Rule) fyne.CanvasObject {
	o := canvas.NewRectangle(c)
	o.Move(fyne.NewPos(g.X, g.Y))
	o.Resize(fyne.NewSize(g.W, g.H))
	return o
}

func text(run Run, c color.Color) fyne.CanvasObject {
	t := canvas.NewText(run.Text, c)
	t.TextSize = run.Size
	t.TextStyle = run.Style
	t.Move(fyne.NewPos(run.X, run.Y))
	t.Resize(t.MinSize())
	return t
}
