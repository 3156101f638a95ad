package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/chapterview"
)

// originalScreen shows the source document exactly as received ("Văn bản gốc"),
// after the editorial notes that say what the chapters changed: visitors
// and staff can check the exhibit against it.
type originalScreen struct {
	e      *Exhibit
	scroll *container.Scroll
}

func newOriginalScreen(e *Exhibit) *originalScreen { return &originalScreen{e: e} }

func (o *originalScreen) content() fyne.CanvasObject {
	e := o.e
	p := e.pack
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	title := widget.NewLabelWithStyle(lang.L("Original text"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{back}, title, nil)

	body := container.NewVBox()
	if p.Source.Title != "" {
		t := widget.NewLabelWithStyle(p.Source.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t.Wrapping = fyne.TextWrapWord
		body.Add(t)
	}
	if len(p.Notes) > 0 {
		h := widget.NewLabelWithStyle(lang.L("Editorial notes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		body.Add(h)
		for _, n := range p.Notes {
			l := widget.NewLabel("• " + n)
			l.Wrapping = fyne.TextWrapWord
			body.Add(l)
		}
		body.Add(widget.NewSeparator())
	}
	intro := widget.NewLabel(lang.L("The text below is the source document as received, word for word; its bold and italic marks are shown as bold and italic."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	body.Add(intro)
	var text fyne.CanvasObject
	if blocks := p.Source.OriginalBlocks; len(blocks) > 0 {
		// Set like a chapter, in its own reading column.
		text = chapterview.New(blocks)
	} else {
		l := widget.NewLabel(p.Source.OriginalText)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		text = pageColumn(theme.TextSize()*42, container.NewPadded(l))
	}
	o.scroll = container.NewVScroll(container.NewVBox(pageColumn(theme.TextSize()*42, container.NewPadded(body)), text))
	return container.NewBorder(bar, nil, nil, nil, o.scroll)
}

func (o *originalScreen) shown() {}

func (o *originalScreen) typedKey(ev *fyne.KeyEvent) bool { return pageKeys(o.scroll, ev) }

// pageKeys scrolls a plain scrolling screen with arrows, page keys, Home
// and End.
func pageKeys(s *container.Scroll, ev *fyne.KeyEvent) bool {
	if s == nil {
		return false
	}
	line := theme.TextSize() * 4
	page := max(line, s.Size().Height-theme.TextSize()*3)
	switch ev.Name {
	case fyne.KeyDown:
		scrollBy(s, line)
	case fyne.KeyUp:
		scrollBy(s, -line)
	case fyne.KeyPageDown, fyne.KeySpace:
		scrollBy(s, page)
	case fyne.KeyPageUp:
		scrollBy(s, -page)
	case fyne.KeyHome:
		scrollTo(s, 0)
	case fyne.KeyEnd:
		scrollTo(s, s.Content.Size().Height)
	default:
		return false
	}
	return true
}
