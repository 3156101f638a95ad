package screens

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/photos"
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
	// The picture above its fields, which scroll: the tab fits a
	// 720-pixel screen.
	right := container.NewVSplit(p.img, container.NewVScroll(form))
	right.Offset = 0.45
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
	p.s.e.fileOpenDialog([]string{".jpg", ".jpeg", ".png", ".webp"}, p.add).Show()
}

// add brings a picture file into the exhibit (see studio.Draft.AddPicture)
// and selects it.
func (p *studioPictures) add(path string) { p.addFiles([]string{path}) }

// addFiles brings picture files into the exhibit, as one change for undo,
// and selects the last; files that are not usable pictures are named in
// one message with the reason, and the others still come in.
func (p *studioPictures) addFiles(paths []string) {
	s := p.s
	before := s.draft.Clone()
	var failed []string
	added := 0
	for _, path := range paths {
		i, err := s.draft.AddPicture(s.dir, path)
		if err != nil {
			name := filepath.Base(path)
			if errors.Is(err, photos.ErrNotImage) {
				failed = append(failed, lang.L("{{.File}}: not a JPEG, PNG or WebP picture.", map[string]any{"File": name}))
			} else {
				// Worded by the photos package's problem kinds, in the
				// exhibit's language (its errors' own detail is English).
				failed = append(failed, photos.Problem(name, err).Text(s.e.prefs.Language()))
			}
			continue
		}
		p.sel = i
		added++
	}
	if added > 0 {
		s.undo = append(s.undo, before)
		s.notice = lang.L("{{.Count}} pictures added.", map[string]any{"Count": added})
		p.fill()
		s.det.fill() // a new picture can be the cover
		s.later()
		s.check()
	}
	if len(failed) > 0 {
		l := widget.NewLabel(strings.Join(failed, "\n"))
		l.Wrapping = fyne.TextWrapWord
		dialog.ShowCustom(lang.L("Some files were not added"), lang.L("OK"), container.NewVScroll(l), s.e.win)
	}
}

// dropped adds the pictures dropped on the editor's window: picture files,
// and the pictures directly inside a dropped folder, in name order, as
// import-photos takes them. The pictures tab shows them.
func (s *studioScreen) dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		info, err := os.Stat(u.Path())
		if err != nil {
			continue
		}
		if !info.IsDir() {
			paths = append(paths, u.Path())
			continue
		}
		des, err := os.ReadDir(u.Path())
		if err != nil {
			s.e.showError(err)
			continue
		}
		for _, de := range des {
			if !de.IsDir() && !strings.HasPrefix(de.Name(), ".") && pictureExt[strings.ToLower(filepath.Ext(de.Name()))] {
				paths = append(paths, filepath.Join(u.Path(), de.Name()))
			}
		}
	}
	if len(paths) == 0 {
		return
	}
	s.tabs.SelectIndex(2)
	s.pics.addFiles(paths)
}

// pictureExt are the extensions of the pictures a dropped folder gives.
var pictureExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".webp": true}
