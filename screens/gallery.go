package screens

import (
	"image"
	"image/color"
	"path"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
		func() fyne.CanvasObject { return newPhotoCell(e) },
		func(id widget.GridWrapItemID, o fyne.CanvasObject) {
			if id < len(g.ids) {
				o.(*photoCell).set(e.pack.Photo(g.ids[id]))
			}
		},
	)
	g.grid.OnSelected = func(id widget.GridWrapItemID) {
		g.grid.UnselectAll()
		g.sel = id
		e.openViewer(g.ids, id)
	}
	if len(g.ids) == 0 {
		empty := widget.NewLabel(lang.L("This pack has no pictures."))
		return container.NewBorder(bar, nil, nil, nil, container.NewCenter(empty))
	}
	return container.NewBorder(bar, nil, nil, nil, g.grid)
}

func (g *galleryScreen) shown() {
	if g.sel >= 0 {
		g.grid.ScrollTo(g.sel)
	}
}

func (g *galleryScreen) typedKey(ev *fyne.KeyEvent) bool {
	if len(g.ids) == 0 {
		return false
	}
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeyDown:
		g.sel = min(len(g.ids)-1, g.sel+1)
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp:
		g.sel = max(0, g.sel-1)
	case fyne.KeyHome:
		g.sel = 0
	case fyne.KeyEnd:
		g.sel = len(g.ids) - 1
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		g.e.openViewer(g.ids, max(0, g.sel))
		return true
	default:
		return false
	}
	g.grid.ScrollTo(g.sel)
	g.grid.Select(g.sel)
	g.grid.UnselectAll()
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
	badge    *widget.Label
	photo    *exhibit.Photo
	bg       *canvas.Rectangle
	badgeBox *fyne.Container
	// onTapped opens the picture; nil inside the gallery's grid, which
	// handles selection itself.
	onTapped func()
}

// Tapped opens the picture when the cell stands alone (in a chapter).
func (c *photoCell) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

func newPhotoCell(e *Exhibit) *photoCell {
	c := &photoCell{e: e, img: canvas.NewImageFromImage(nil), caption: widget.NewLabel(""), badge: widget.NewLabel(lang.L("Illustration")),
		bg: canvas.NewRectangle(color.Transparent)}
	c.img.FillMode = canvas.ImageFillContain
	c.img.ScaleMode = canvas.ImageScaleSmooth
	c.img.SetMinSize(fyne.NewSize(thumbW*0.75, thumbH*0.75))
	// One line, cut with "…": the viewer shows the whole caption.
	c.caption.Truncation = fyne.TextTruncateEllipsis
	c.badge.Importance = widget.WarningImportance
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
	c.e.thumbnail(p, thumbW, thumbH, func(img image.Image, err error) {
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

// MinSize makes cells a touch-friendly size at every text step.
func (c *photoCell) MinSize() fyne.Size {
	t := theme.TextSize()
	return fyne.NewSize(max(thumbW*0.8, t*15), thumbH*0.75+t*4.5)
}

// CreateRenderer is part of fyne.Widget.
func (c *photoCell) CreateRenderer() fyne.WidgetRenderer {
	c.bg.FillColor = theme.Color(exhibittheme.ColorNameCard)
	// The "Minh hoạ" badge sits on a solid ground so it reads on any picture.
	ground := canvas.NewRectangle(theme.Color(exhibittheme.ColorNameCard))
	ground.CornerRadius = 4
	badge := container.NewStack(ground, c.badge)
	c.badgeBox = badge
	if !c.badge.Visible() {
		badge.Hide()
	}
	top := container.NewStack(c.img, container.NewVBox(container.NewHBox(badge)))
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.NewBorder(nil, nil, nil, nil,
		container.NewBorder(nil, c.caption, nil, nil, top))))
}
