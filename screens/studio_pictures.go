package screens

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/studio"
)

// studioPictures is the editor's pictures tab: the exhibit's pictures in a
// list, the selected one shown with its caption, credit, date and alt
// text, and pictures added from a file dialog.
type studioPictures struct {
	s                          *studioScreen
	list                       *widget.List
	sel                        int
	img                        *canvas.Image
	caption, credit, date, alt *widget.Entry
	addBtn                     *widget.Button
}

func (s *studioScreen) picturesTab() fyne.CanvasObject {
	p := &studioPictures{s: s}
	s.pics = p
	p.list = widget.NewList(
		func() int { return len(s.draft.Pictures) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.draft.Pictures[i].Caption)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i != p.sel {
			p.sel = i
			p.fill()
		}
	}
	p.addBtn = widget.NewButtonWithIcon(lang.L("Add pictures"), theme.ContentAddIcon(), p.pick)
	left := container.NewBorder(nil, p.addBtn, nil, nil, p.list)
	entry := func(set func(pic *studio.Picture, v string)) *widget.Entry {
		en := widget.NewEntry()
		en.OnChanged = func(v string) {
			if s.filling || p.sel < 0 || p.sel >= len(s.draft.Pictures) {
				return
			}
			i := p.sel
			s.edit(false, func() { set(&s.draft.Pictures[i], v) })
			p.list.RefreshItem(i)
		}
		return en
	}
	p.caption = entry(func(pic *studio.Picture, v string) { pic.Caption = v })
	p.credit = entry(func(pic *studio.Picture, v string) { pic.Credit = v })
	p.date = entry(func(pic *studio.Picture, v string) { pic.Date = v })
	p.date.SetPlaceHolder("22/9/1943")
	p.alt = entry(func(pic *studio.Picture, v string) { pic.Alt = v })
	p.alt.SetPlaceHolder(lang.L("What the picture shows, for people who cannot see it"))
	p.img = canvas.NewImageFromResource(nil)
	p.img.FillMode = canvas.ImageFillContain
	p.img.SetMinSize(fyne.NewSize(200, 160))
	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(
		bold(lang.L("Caption")), p.caption,
		bold(lang.L("Credit")), p.credit,
		bold(lang.L("Date")), p.date,
		bold(lang.L("Alt text")), p.alt,
	)
	right := container.NewBorder(nil, form, nil, nil, p.img)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.3
	return split
}

// fill shows the selected picture.
func (p *studioPictures) fill() {
	s := p.s
	s.filling = true
	defer func() { s.filling = false }()
	if p.sel >= len(s.draft.Pictures) {
		p.sel = len(s.draft.Pictures) - 1
	}
	entries := []*widget.Entry{p.caption, p.credit, p.date, p.alt}
	p.list.Refresh()
	if p.sel < 0 {
		for _, e := range entries {
			e.SetText("")
			e.Disable()
		}
		p.img.File = ""
		p.img.Refresh()
		return
	}
	for _, e := range entries {
		e.Enable()
	}
	pic := s.draft.Pictures[p.sel]
	p.caption.SetText(pic.Caption)
	p.credit.SetText(pic.Credit)
	p.date.SetText(pic.Date)
	p.alt.SetText(pic.Alt)
	p.img.File = filepath.Join(s.dir, filepath.FromSlash(pic.File))
	p.img.Refresh()
	p.list.Select(p.sel)
}

// pick adds a picture chosen in a file dialog.
func (p *studioPictures) pick() {
	s := p.s
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.e.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		p.add(r.URI().Path())
	}, s.e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png", ".webp", ".JPG", ".JPEG", ".PNG", ".WEBP"}))
	d.Show()
}

// add brings a picture file into the exhibit (see studio.Draft.AddPicture)
// and selects it.
func (p *studioPictures) add(path string) {
	s := p.s
	before := s.draft.Clone()
	i, err := s.draft.AddPicture(s.dir, path)
	if err != nil {
		s.e.showError(err)
		return
	}
	s.undo = append(s.undo, before)
	p.sel = i
	p.fill()
	s.det.fill() // the new picture can be the cover
	s.later()
	s.check()
}
