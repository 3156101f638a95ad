package screens

import (
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/studio"
	"trienlam/screens/chapterview"
)

// studioChapterPictures is the part of the chapters tab that places the
// exhibit's pictures in the selected chapter: beside a paragraph (after
// block N of its text) or after the whole text. The preview shows them
// where the reader will.
type studioChapterPictures struct {
	s    *studioScreen
	rows *fyne.Container
	add  *widget.Button
	// form is the open "place a picture" form, for tests.
	form *placeForm
}

// placeForm is the form that places a picture.
type placeForm struct {
	picture, place *widget.Select
	dialog         *dialog.FormDialog
}

func (s *studioScreen) chapterPicturesBox() fyne.CanvasObject {
	c := &studioChapterPictures{s: s, rows: container.NewVBox()}
	s.chPics = c
	c.add = widget.NewButtonWithIcon(lang.L("Place a picture…"), theme.ContentAddIcon(), c.openForm)
	title := widget.NewLabelWithStyle(lang.L("Pictures in this chapter"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The list scrolls past two and a half rows, so that a chapter with
	// many pictures never makes the window taller than the screen.
	list := container.New(&minHeight{h: func() float32 {
		return min(c.rows.MinSize().Height, 2.5*c.add.MinSize().Height)
	}}, container.NewVScroll(c.rows))
	return container.NewVBox(container.NewBorder(nil, nil, nil, c.add, title), list)
}

// blockLabel names block n of the previewed chapter by its first words.
func (c *studioChapterPictures) blockLabel(n int) string {
	blocks := c.s.preview.Blocks()
	text := ""
	if n >= 0 && n < len(blocks) {
		r := []rune(blocks[n].Text())
		text = string(r[:min(len(r), 40)])
		if len(r) > 40 {
			text += "…"
		}
	}
	return lang.L("After “{{.Text}}” (block {{.N}})", map[string]any{"Text": text, "N": strconv.Itoa(n)})
}

// fill lists the selected chapter's pictures, and sets them in the
// preview.
func (c *studioChapterPictures) fill() {
	s := c.s
	c.rows.RemoveAll()
	var figs []chapterview.Figure
	if s.sel >= 0 && s.sel < len(s.draft.Chapters) {
		blocks := len(s.preview.Blocks())
		for k, ref := range s.draft.Chapters[s.sel].Photos {
			id, after := studio.PictureRef(ref)
			name := id
			p := s.draft.Picture(id)
			if p != nil && p.Caption != "" {
				name = p.Caption
			}
			where := lang.L("After the text")
			if after >= 0 {
				where = lang.L("After block {{.N}}", map[string]any{"N": strconv.Itoa(after)})
			}
			l := widget.NewLabel(where + ": " + name) // the place first: captions are long
			l.Truncation = fyne.TextTruncateEllipsis
			k := k
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				s.edit(true, func() { s.draft.UnplacePicture(s.sel, k) })
				c.fill()
				s.check()
			})
			c.rows.Add(container.NewBorder(nil, nil, nil, del, l))
			if p != nil && after >= 0 && after < blocks {
				figs = append(figs, chapterview.Figure{After: after, Object: c.figure(p)})
			}
		}
	}
	c.rows.Refresh()
	s.preview.SetFigures(figs)
}

// figure is a picture as the preview shows it: the picture and its
// caption.
func (c *studioChapterPictures) figure(p *studio.Picture) fyne.CanvasObject {
	img := canvas.NewImageFromFile(filepath.Join(c.s.dir, filepath.FromSlash(p.File)))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(240, 160))
	caption := widget.NewLabel(p.Caption)
	caption.Wrapping = fyne.TextWrapWord
	caption.Alignment = fyne.TextAlignCenter
	return container.NewVBox(img, caption)
}

// openForm asks which picture goes where.
func (c *studioChapterPictures) openForm() {
	s := c.s
	if s.sel < 0 || s.sel >= len(s.draft.Chapters) {
		return
	}
	if len(s.draft.Pictures) == 0 {
		dialog.ShowInformation(lang.L("No pictures yet"), lang.L("Add pictures in the Pictures tab first."), s.e.win)
		return
	}
	var pics []string
	for _, p := range s.draft.Pictures {
		label := p.Caption
		if label == "" {
			label = p.ID
		}
		pics = append(pics, label)
	}
	places := []string{lang.L("After the text")}
	for n := range s.preview.Blocks() {
		places = append(places, c.blockLabel(n))
	}
	f := &placeForm{picture: widget.NewSelect(pics, nil), place: widget.NewSelect(places, nil)}
	f.picture.SetSelectedIndex(0)
	f.place.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Picture"), f.picture),
		widget.NewFormItem(lang.L("Place"), f.place),
	}
	ch := s.sel
	f.dialog = dialog.NewForm(lang.L("Place a picture"), lang.L("Place"), lang.L("Cancel"), items, func(ok bool) {
		c.form = nil
		if !ok || ch >= len(s.draft.Chapters) {
			return
		}
		pic := s.draft.Pictures[f.picture.SelectedIndex()]
		s.edit(true, func() { s.draft.PlacePicture(ch, pic.ID, f.place.SelectedIndex()-1) })
		c.fill()
		s.check()
	}, s.e.win)
	f.dialog.Resize(fyne.NewSize(min(s.e.win.Canvas().Size().Width*0.9, 640), 0))
	c.form = f
	f.dialog.Show()
}

// placeFromForm submits the open form, as its Place button does (tests).
func (c *studioChapterPictures) placeFromForm(picture, place int) {
	f := c.form
	f.picture.SetSelectedIndex(picture)
	f.place.SetSelectedIndex(place)
	f.dialog.Submit()
}
