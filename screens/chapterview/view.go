package chapterview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	// dirty is set when blocks, marks or the theme changed since the
	// last layout.
	dirty bool
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
	v.marks = marks
	v.dirty = true
	v.Refresh()
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
// reports whether it did.
func (v *View) ensureLayout(width float32) bool {
	if width <= 0 {
		width = 720
	}
	body, pad := v.bodySize()
	if !v.dirty && width == v.laidW && v.lay.Width == width && v.layBody() == body {
		return false
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
	r.rebuild()
	return r
}

type renderer struct {
	v       *View
	objects []fyne.CanvasObject
}

func (r *renderer) Layout(fyne.Size) {}

func (r *renderer) MinSize() fyne.Size { return r.v.MinSize() }

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

// Refresh is called for new text, new marks and theme changes (colours,
// text size): all of them change the layout, so it is redone here.
func (r *renderer) Refresh() {
	r.v.dirty = true
	r.v.ensureLayout(r.v.Size().Width)
	r.rebuild()
	canvas.Refresh(r.v)
}

func (r *renderer) rebuild() {
	v := r.v
	v.ensureLayout(v.Size().Width)
	th := v.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	ink := th.Color(theme.ColorNameForeground, variant)
	heading := th.Color(exhibittheme.ColorNameHeading, variant)
	gold := th.Color(exhibittheme.ColorNameGold, variant)
	mark := th.Color(exhibittheme.ColorNameHighlight, variant)

	objs := r.objects[:0]
	for _, m := range v.lay.Marks {
		objs = append(objs, rect(mark, m))
	}
	for _, g := range v.lay.Rules {
		objs = append(objs, rect(gold, g))
	}
	for _, b := range v.lay.Bullets {
		objs = append(objs, text(b, heading))
	}
	for _, run := range v.lay.Runs {
		c := ink
		if run.Heading > 0 {
			c = heading
		}
		objs = append(objs, text(run, c))
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
		objs = append(objs, f.Object)
	}
	r.objects = objs
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
