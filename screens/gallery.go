package screens

import (
	"image"
	"image/color"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// Thumbnail size, in pixels of the decoded image; cells show it at most
// this large.
const thumbW, thumbH = 320, 240

// galleryScreen is the grid of the pack's pictures with their captions. The grid
// is virtualised (only visible cells exist) and thumbnails are decoded in
// the background, so a pack of hundreds of phone photos scrolls smoothly.
type galleryScreen struct {
	e    *Exhibit
	grid *widget.GridWrap
	// ids lists the photos shown, in pack order.
	ids []string
	sel int
	// lines is captionLines' answer for linesFor (cell width, text size).
	lines    int
	linesFor [2]float32
}

func newGalleryScreen(e *Exhibit) *galleryScreen { return &galleryScreen{e: e, sel: -1} }

func (g *galleryScreen) content() fyne.CanvasObject {
	e := g.e
	g.ids = g.ids[:0]
	for _, p := range e.pack.Photos {
		g.ids = append(g.ids, p.ID)
	}
	back := newKeyButton(e, lang.L("Home"), theme.HomeIcon(), e.goHome)
	title := widget.NewLabelWithStyle(lang.L("Pictures ({{.Count}})", map[string]any{"Count": len(g.ids)}), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{back}, title, nil)

	g.grid = widget.NewGridWrap(
		func() int { return len(g.ids) },
		func() fyne.CanvasObject {
			c := newPhotoCell(e)
			c.width = g.cellWidth
			c.lines = g.captionLines
			c.viewHeight = g.viewHeight
			// The cell takes the tap itself (the grid's own selection
			// never sees it): open the picture it shows.
			c.onTapped = func() { g.open(c.index) }
			return c
		},
		func(id widget.GridWrapItemID, o fyne.CanvasObject) {
			if id < len(g.ids) {
				c := o.(*photoCell)
				c.index = id
				c.set(e.pack.Photo(g.ids[id]))
				c.setHighlight(id == g.sel)
			}
		},
	)
	g.grid.OnSelected = func(id widget.GridWrapItemID) {
		g.grid.UnselectAll()
		g.open(id)
	}
	if len(g.ids) == 0 {
		empty := widget.NewLabel(lang.L("This pack has no pictures."))
		return container.NewBorder(bar, nil, nil, nil, container.NewCenter(empty))
	}
	return container.NewBorder(bar, nil, nil, nil, container.New(&gridFill{g: g}, g.grid))
}

// cellWidth is the width of a gallery cell: the grid's width shared by as
// many columns as fit, so that the pictures fill a wide screen instead of
// leaving a strip on the right. When there are few pictures they are
// made larger, as large as still lets them all be seen without scrolling.
func (g *galleryScreen) cellWidth() float32 {
	base := max(thumbW*0.8, theme.TextSize()*15)
	if g.grid == nil || g.grid.Size().Width <= 0 {
		return base
	}
	w := g.grid.Size().Width
	// Leave room for the scroll bar, which stands over the last column.
	w -= theme.ScrollBarSize()
	base = max(base, w/7)
	pad := theme.Padding()
	most := max(1, int((w+pad)/(base+pad)))
	width := func(n int) float32 { return (w+pad)/float32(n) - pad }
	for n := 1; n < most; n++ {
		cw := width(n)
		if cw > base*2.5 {
			continue // one picture as wide as the screen is too much
		}
		rows := (len(g.ids) + n - 1) / n
		if float32(rows)*(cellHeight(cw, g.captionLines(cw), g.viewHeight())+pad) <= g.grid.Size().Height+pad {
			return cw
		}
	}
	return width(most)
}

// gridFill sizes the gallery's grid and, when its size changes, has the
// grid measure its cells again (the grid asks a cell for its size only
// when refreshed).
type gridFill struct {
	g    *galleryScreen
	size fyne.Size
}

func (l *gridFill) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(s)
	}
	if s != l.size {
		l.size = s
		l.g.grid.Refresh()
		// The grid counts its columns again only when resized: make it
		// count them with the new cell size.
		l.g.grid.Resize(s.SubtractWidthHeight(0, 1))
		l.g.grid.Resize(s)
	}
}

// MinSize is the grid's width but not its height: the grid scrolls, and a
// cell at the largest text sizes (a whole caption in big type) is taller
// than a small projector's screen, which must not make the window grow.
func (l *gridFill) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(m.Width, min(m.Height, thumbH))
}

// viewHeight is the height of the grid's visible part, or 0 before it is
// laid out.
func (g *galleryScreen) viewHeight() float32 {
	if g.grid == nil {
		return 0
	}
	return g.grid.Size().Height
}

func (g *galleryScreen) shown() {
	if g.sel >= 0 {
		g.grid.ScrollTo(g.sel)
	}
}

// open shows picture i in the viewer, over the whole set, and leaves the
// highlight on it for the way back.
func (g *galleryScreen) open(i int) {
	if i < 0 || i >= len(g.ids) {
		return
	}
	g.sel = i
	g.e.openViewer(g.ids, i)
}

// columns returns how many cells a row of the grid holds, for ↑ and ↓.
func (g *galleryScreen) columns() int {
	if g.grid == nil || len(g.ids) == 0 {
		return 1
	}
	pad := theme.Padding()
	return max(1, int((g.grid.Size().Width+pad)/(g.cellWidth()+pad)))
}

func (g *galleryScreen) typedKey(ev *fyne.KeyEvent) bool {
	if len(g.ids) == 0 {
		return false
	}
	// The first key only shows the highlight, on the first picture.
	from := g.sel
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown:
		g.sel = min(len(g.ids)-1, g.sel+1)
	case fyne.KeyLeft, fyne.KeyPageUp:
		g.sel = max(0, g.sel-1)
	case fyne.KeyDown:
		if g.sel < 0 {
			g.sel = 0
		} else {
			g.sel = min(len(g.ids)-1, g.sel+g.columns())
		}
	case fyne.KeyUp:
		g.sel = max(0, g.sel-g.columns())
	case fyne.KeyHome:
		g.sel = 0
	case fyne.KeyEnd:
		g.sel = len(g.ids) - 1
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		g.open(max(0, g.sel))
		return true
	default:
		return false
	}
	g.grid.ScrollTo(g.sel)
	if from >= 0 {
		g.grid.RefreshItem(from)
	}
	g.grid.RefreshItem(g.sel)
	return true
}

// photoCell is one picture in the gallery: the thumbnail, the caption and,
// for drawings, the word "Minh hoạ" so that nobody takes one for a
// photograph.
type photoCell struct {
	widget.BaseWidget
	e        *Exhibit
	img      *canvas.Image
	caption  *widget.Label
	badge    *canvas.Text
	photo    *exhibit.Photo
	bg       *canvas.Rectangle
	badgeBox *fyne.Container
	// ring is the keyboard highlight: a frame in the accent colour.
	ring *canvas.Rectangle
	// index is the cell's place in the gallery's grid.
	index int
	// onTapped opens the picture.
	onTapped func()
	// width gives the cell's width; nil for the smallest.
	width func() float32
	// lines gives the caption lines cells of a width have room for; nil
	// for galleryCaptionLines.
	lines func(w float32) int
	// viewHeight gives the height of the grid's visible part (0 unknown):
	// the picture shrinks so that picture and caption fit in it.
	viewHeight func() float32
}

// Tapped opens the picture.
func (c *photoCell) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// Cursor shows a pointing hand: the picture opens on a click.
func (c *photoCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// setHighlight shows or hides the frame that marks the picture the arrow
// keys have reached.
func (c *photoCell) setHighlight(on bool) {
	if on {
		c.ring.StrokeColor = theme.Color(theme.ColorNamePrimary)
	} else {
		c.ring.StrokeColor = color.Transparent
	}
	c.ring.Refresh()
}

func newPhotoCell(e *Exhibit) *photoCell {
	c := &photoCell{e: e, img: canvas.NewImageFromImage(nil), caption: widget.NewLabel(""), badge: canvas.NewText(lang.L("Illustration"), color.Black),
		bg: canvas.NewRectangle(color.Transparent), ring: canvas.NewRectangle(color.Transparent)}
	c.ring.StrokeWidth = 4
	c.ring.StrokeColor = color.Transparent
	c.img.FillMode = canvas.ImageFillContain
	c.img.ScaleMode = canvas.ImageScaleSmooth
	// Up to three lines, the last cut with "…" if need be: every cell of
	// the grid has one size. The viewer shows the whole caption.
	c.caption.Wrapping = fyne.TextWrapWord
	c.caption.Truncation = fyne.TextTruncateEllipsis
	c.badge.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

func (c *photoCell) set(p *exhibit.Photo) {
	c.photo = p
	if p == nil {
		return
	}
	c.caption.SetText(p.Caption)
	if p.Kind == exhibit.KindIllustration {
		c.badge.Show()
		if c.badgeBox != nil {
			c.badgeBox.Show()
		}
	} else {
		c.badge.Hide()
		if c.badgeBox != nil {
			c.badgeBox.Hide()
		}
	}
	c.img.Image = nil
	c.img.Refresh()
	tw, th := thumbW, thumbH
	if c.width != nil && c.width() > thumbW {
		tw, th = thumbW*2, thumbH*2 // sharp in the larger cells of a big screen
	}
	c.e.thumbnail(p, tw, th, func(img image.Image, err error) {
		if c.photo != p { // the cell was reused meanwhile
			return
		}
		if err != nil {
			c.caption.SetText(lang.L("Cannot show {{.File}}", map[string]any{"File": path.Base(p.File)}))
			c.caption.Importance = widget.DangerImportance
			return
		}
		c.caption.Importance = widget.MediumImportance
		c.img.Image = img
		c.img.Refresh()
	})
}

// galleryCaptionLines is how many lines of its caption a gallery cell
// shows at least, and maxCaptionLines at most: cells are as tall as the
// longest caption needs up to that, so captions are shown whole unless
// one is very long (the viewer always shows it whole).
const galleryCaptionLines, maxCaptionLines = 3, 8

// captionLines is how many caption lines the cells of width w have room
// for: enough for the longest caption.
func (g *galleryScreen) captionLines(w float32) int {
	key := [2]float32{w, theme.TextSize()}
	if g.linesFor == key {
		return g.lines
	}
	n := galleryCaptionLines
	avail := w - 2*theme.InnerPadding() - 2 // a little slack for rounding
	for _, id := range g.ids {
		if p := g.e.pack.Photo(id); p != nil {
			n = max(n, min(maxCaptionLines, wrappedLines(p.Caption, avail, theme.TextSize())))
		}
		if n == maxCaptionLines {
			break
		}
	}
	g.linesFor, g.lines = key, n
	return n
}

// wrappedLines counts the lines text takes when wrapped at spaces to a
// width, as a label wrapping words does.
func wrappedLines(text string, width, size float32) int {
	lines, line := 0, ""
	for _, w := range strings.Fields(text) {
		next := w
		if line != "" {
			next = line + " " + w
		}
		if line != "" && fyne.MeasureText(next, size, fyne.TextStyle{}).Width > width {
			lines++
			next = w
		}
		line = next
	}
	if line != "" {
		lines++
	}
	return lines
}

// textBlockHeight is the height a label needs for n lines of body text.
func textBlockHeight(n int) float32 {
	line := fyne.MeasureText("Ấy", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	return float32(n)*line + 2*theme.InnerPadding()
}

// badgeHeight is the height of the "Minh hoạ" line.
func (c *photoCell) badgeHeight() float32 {
	return fyne.MeasureText("Ấy", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + theme.InnerPadding()/2
}

// MinSize makes cells a touch-friendly size at every text step, with room
// for the "Minh hoạ" line and the caption under the picture.
func (c *photoCell) MinSize() fyne.Size {
	w := max(thumbW*0.8, theme.TextSize()*15)
	if c.width != nil {
		w = max(w, c.width())
	}
	var view float32
	if c.viewHeight != nil {
		view = c.viewHeight()
	}
	return fyne.NewSize(w, cellHeight(w, c.captionLines(w), view))
}

// captionLines is how many lines of caption the cell has room for.
func (c *photoCell) captionLines(w float32) int {
	if c.lines == nil {
		return galleryCaptionLines
	}
	return c.lines(w)
}

// cellHeight is the height of a gallery cell of width w: the picture, the
// "Minh hoạ" line and the caption's lines. When that is taller than view,
// the grid's visible height (a small projector at a large text size), the
// picture gives up height — down to two fifths of the width, a picture
// being what a gallery is for — so that a cell is seen whole, or nearly.
func cellHeight(w float32, lines int, view float32) float32 {
	badge := fyne.MeasureText("Ấy", theme.TextSize(), fyne.TextStyle{Bold: true}).Height + theme.InnerPadding()/2
	text := badge + textBlockHeight(lines)
	pic := w * 0.62
	if view > 0 && pic+text > view {
		pic = max(view-text, w*0.4)
	}
	return pic + text
}

// CreateRenderer is part of fyne.Widget.
func (c *photoCell) CreateRenderer() fyne.WidgetRenderer {
	c.bg.FillColor = theme.Color(exhibittheme.ColorNameCard)
	// The "Minh hoạ" badge stands on its own line under the picture, so
	// it never covers what the picture shows (a chart's title).
	c.badge.Color = theme.Color(theme.ColorNameWarning)
	c.badge.TextSize = theme.TextSize()
	pad := theme.InnerPadding()
	badge := container.New(layout.NewCustomPaddedLayout(pad/2, 0, pad, pad), c.badge)
	c.badgeBox = badge
	if !c.badge.Visible() {
		badge.Hide()
	}
	text := container.New(&minHeight{h: func() float32 { return c.badgeHeight() + textBlockHeight(c.captionLines(c.MinSize().Width)) }},
		container.NewBorder(badge, nil, nil, nil, c.caption))
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewBorder(nil, text, nil, nil, c.img), c.ring))
}
