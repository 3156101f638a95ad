package screens

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/internal/studio"
)

// studioDetails is the part of the details tab for the credits and the
// cover: who made what, as rows of role and name, and the cover chosen
// among the exhibit's pictures or none (the title plate alone).
type studioDetails struct {
	s          *studioScreen
	cover      *widget.Select
	coverImg   *canvas.Image
	coverPaths []string // the path of each of cover's options, "" for none
	credits    *fyne.Container
	creditRows []creditRow
	addCredit  *widget.Button
}

// creditRow is the widgets of one credit.
type creditRow struct {
	role, name *widget.Entry
	del        *widget.Button
	probs      *widget.Label
}

// creditsAndCover builds the credits and cover fields.
func (s *studioScreen) creditsAndCover() fyne.CanvasObject {
	d := &studioDetails{s: s}
	s.det = d
	d.cover = widget.NewSelect(nil, func(string) {
		if s.filling {
			return
		}
		i := d.cover.SelectedIndex()
		if i < 0 || i >= len(d.coverPaths) {
			return
		}
		s.edit(true, func() { s.draft.Details.Cover = d.coverPaths[i] })
		d.showCover()
	})
	d.coverImg = canvas.NewImageFromResource(nil)
	d.coverImg.FillMode = canvas.ImageFillContain
	d.coverImg.SetMinSize(fyne.NewSize(160, 90))
	coverProbs := widget.NewLabel("")
	coverProbs.Importance = widget.DangerImportance
	coverProbs.Wrapping = fyne.TextWrapWord
	coverProbs.Hide()
	s.detailProbs["cover"] = coverProbs
	d.credits = container.NewVBox()
	d.addCredit = widget.NewButtonWithIcon(lang.L("Add a credit"), theme.ContentAddIcon(), func() {
		s.edit(true, func() {
			s.draft.Credits = append(s.draft.Credits, studio.Credit{Orig: -1})
		})
		d.fill()
		s.check()
		if n := len(d.creditRows); n > 0 {
			if c := fyne.CurrentApp().Driver().CanvasForObject(d.credits); c != nil {
				c.Focus(d.creditRows[n-1].role)
			}
		}
	})
	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.NewVBox(
		bold(lang.L("Cover")),
		container.NewBorder(nil, nil, nil, d.coverImg, container.NewVBox(d.cover)),
		coverProbs,
		bold(lang.L("Credits")),
		d.credits,
		container.NewHBox(d.addCredit),
	)
}

// fill puts the draft's cover and credits into the widgets.
func (d *studioDetails) fill() {
	s := d.s
	s.filling = true
	defer func() { s.filling = false }()
	opts := []string{lang.L("None: the title plate alone")}
	d.coverPaths = []string{""}
	sel := 0
	for _, p := range s.draft.Pictures {
		label := p.Caption
		if label == "" {
			label = p.ID
		}
		opts = append(opts, label+" ("+p.File+")")
		d.coverPaths = append(d.coverPaths, p.File)
		if p.File == s.draft.Details.Cover {
			sel = len(opts) - 1
		}
	}
	if c := s.draft.Details.Cover; c != "" && sel == 0 {
		// A cover that is no picture of the list stays as written.
		opts = append(opts, c)
		d.coverPaths = append(d.coverPaths, c)
		sel = len(opts) - 1
	}
	d.cover.SetOptions(opts)
	d.cover.SetSelectedIndex(sel)
	d.showCover()

	d.credits.RemoveAll()
	d.creditRows = nil
	for i := range s.draft.Credits {
		d.credits.Add(d.creditRow(i))
	}
	d.credits.Refresh()
	d.showProblems()
}

// creditRow makes the row of credit i.
func (d *studioDetails) creditRow(i int) fyne.CanvasObject {
	s := d.s
	c := s.draft.Credits[i]
	r := creditRow{role: widget.NewEntry(), name: widget.NewEntry(), probs: widget.NewLabel("")}
	r.role.SetPlaceHolder(lang.L("Role, e.g. Photographs"))
	r.name.SetPlaceHolder(lang.L("Name"))
	r.role.SetText(c.Role)
	r.name.SetText(c.Name)
	r.role.OnChanged = func(v string) {
		if !s.filling {
			s.edit(false, func() { s.draft.Credits[i].Role = v })
		}
	}
	r.name.OnChanged = func(v string) {
		if !s.filling {
			s.edit(false, func() { s.draft.Credits[i].Name = v })
		}
	}
	r.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		s.edit(true, func() {
			s.draft.Credits = append(s.draft.Credits[:i:i], s.draft.Credits[i+1:]...)
		})
		s.notice = lang.L("The credit was deleted. Undo brings it back.")
		d.fill()
		s.check()
	})
	r.probs.Importance = widget.DangerImportance
	r.probs.Wrapping = fyne.TextWrapWord
	r.probs.Hide()
	d.creditRows = append(d.creditRows, r)
	fields := container.NewGridWithColumns(2, r.role, r.name)
	return container.NewVBox(container.NewBorder(nil, nil, nil, r.del, fields), r.probs)
}

// showCover shows the chosen cover picture.
func (d *studioDetails) showCover() {
	c := d.s.draft.Details.Cover
	if c == "" {
		d.coverImg.File = ""
		d.coverImg.Resource = nil
	} else {
		d.coverImg.File = filepath.Join(d.s.dir, filepath.FromSlash(c))
	}
	d.coverImg.Refresh()
}

// showProblems puts each credit's problems under its row.
func (d *studioDetails) showProblems() {
	language := d.s.e.prefs.Language()
	for i, r := range d.creditRows {
		var msgs []string
		field := "credits[" + strconv.Itoa(i+1) + "]"
		for _, p := range d.s.problems {
			if p.File == exhibit.ManifestName && (p.Field == field || strings.HasPrefix(p.Field, field+".")) {
				msgs = append(msgs, p.Text(language))
			}
		}
		r.probs.SetText(strings.Join(msgs, "\n"))
		r.probs.Hidden = len(msgs) == 0
		r.probs.Refresh()
	}
}
