package screens

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// problemsScreen lists what was wrong with the pack. The exhibit still shows
// everything that was valid; this screen tells staff what to fix, file by
// file and line by line.
type problemsScreen struct {
	e      *Exhibit
	scroll *container.Scroll
}

func newProblemsScreen(e *Exhibit) *problemsScreen { return &problemsScreen{e: e} }

func (p *problemsScreen) content() fyne.CanvasObject {
	e := p.e
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	title := widget.NewLabelWithStyle(lang.L("Pack problems"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{back}, title, nil)

	list := container.NewVBox()
	if notes := e.notesSection(); notes != nil {
		list.Add(notes)
	}
	if len(e.problems) > 0 || len(e.notes) == 0 {
		intro := widget.NewLabel(lang.L("The exhibit pack has {{.Count}} problems. Everything valid is still shown; fix these files and open the pack again.", map[string]any{"Count": len(e.problems)}))
		intro.Wrapping = fyne.TextWrapWord
		list.Add(intro)
		list.Add(widget.NewSeparator())
	}
	for _, pr := range e.problems {
		where := lang.L("File {{.File}}", map[string]any{"File": pr.File})
		if pr.Line > 0 {
			where += ", " + lang.L("line {{.Line}}", map[string]any{"Line": strconv.Itoa(pr.Line)})
		}
		if pr.Field != "" {
			where += ", " + lang.L("field {{.Field}}", map[string]any{"Field": pr.Field})
		}
		w := widget.NewLabelWithStyle(where, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w.Wrapping = fyne.TextWrapWord
		m := widget.NewLabel(pr.Text(e.prefs.Language()))
		m.Wrapping = fyne.TextWrapWord
		list.Add(container.NewVBox(w, m))
	}
	p.scroll = container.NewVScroll(pageColumn(theme.TextSize()*48, container.NewPadded(list)))
	return container.NewBorder(bar, nil, nil, nil, p.scroll)
}

func (p *problemsScreen) shown() {}

func (p *problemsScreen) typedKey(ev *fyne.KeyEvent) bool { return pageKeys(p.scroll, ev) }
