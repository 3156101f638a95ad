package screens

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/internal/studio"
)

// studioEras is the eras part of the timeline tab: the named spans drawn
// as bands behind the events, in a list, the selected one in a form
// (name, span from – to, description).
type studioEras struct {
	s                    *studioScreen
	list                 *widget.List
	sel                  int
	span, headline, text *widget.Entry
	spanProb, probs      *widget.Label
	addBtn, delBtn       *widget.Button
}

func (s *studioScreen) eras() []exhibit.Era {
	if s.draft.Timeline == nil {
		return nil
	}
	return s.draft.Timeline.Eras
}

// erasPane builds the eras' list and form.
func (s *studioScreen) erasPane() fyne.CanvasObject {
	r := &studioEras{s: s}
	s.erasEd = r
	r.list = widget.NewList(
		func() int { return len(s.eras()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			era := s.eras()[i]
			o.(*widget.Label).SetText(studio.StaffDates(era.Start, &era.End) + "  " + era.Headline)
		})
	r.list.OnSelected = func(i widget.ListItemID) {
		if i != r.sel {
			r.sel = i
			r.fill()
		}
	}
	r.addBtn = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), r.add)
	r.delBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), r.del)
	left := container.NewBorder(nil, container.NewGridWithColumns(2, r.addBtn, r.delBtn), nil, nil, r.list)

	r.span = widget.NewEntry()
	r.span.SetPlaceHolder("1930 – 8/1945")
	r.spanProb = widget.NewLabel("")
	r.spanProb.Importance = widget.DangerImportance
	r.spanProb.Wrapping = fyne.TextWrapWord
	r.spanProb.Hide()
	r.span.OnChanged = func(v string) {
		i := r.sel
		if s.filling || i < 0 || i >= len(s.eras()) {
			return
		}
		probe := s.draft.Clone()
		if err := probe.SetEraSpan(i, v); err != nil {
			r.spanProb.SetText(lang.L("Write the era's start and end, like 1930 – 8/1945 or 9/1945 – 12/1946."))
			r.spanProb.Show()
			return
		}
		r.spanProb.Hide()
		s.edit(false, func() { s.draft.SetEraSpan(i, v) })
		r.list.RefreshItem(i)
	}
	changed := func(apply func(era *exhibit.Era, v string)) func(string) {
		return func(v string) {
			i := r.sel
			if s.filling || i < 0 || i >= len(s.eras()) {
				return
			}
			s.edit(false, func() {
				apply(&s.draft.Timeline.Eras[i], v)
				s.draft.TimelineChanged = true
			})
			r.list.RefreshItem(i)
		}
	}
	r.headline = widget.NewEntry()
	r.headline.OnChanged = changed(func(era *exhibit.Era, v string) { era.Headline = v })
	r.text = widget.NewMultiLineEntry()
	r.text.Wrapping = fyne.TextWrapWord
	r.text.SetMinRowsVisible(4)
	r.text.SetPlaceHolder(lang.L("Where the era's bounds come from: a date of the source, or the editors' placement."))
	r.text.OnChanged = changed(func(era *exhibit.Era, v string) { era.Text = v })
	r.probs = widget.NewLabel("")
	r.probs.Importance = widget.DangerImportance
	r.probs.Wrapping = fyne.TextWrapWord
	bold := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(
		bold(lang.L("Name of the era")), r.headline,
		bold(lang.L("From – to")), r.span, r.spanProb,
		bold(lang.L("Text")), r.text,
		r.probs,
	)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = 0.35
	return split
}

// fill shows the selected era in the form.
func (r *studioEras) fill() {
	s := r.s
	s.filling = true
	defer func() { s.filling = false }()
	eras := s.eras()
	if r.sel >= len(eras) {
		r.sel = len(eras) - 1
	}
	entries := []*widget.Entry{r.span, r.headline, r.text}
	r.list.Refresh()
	if r.sel < 0 {
		for _, e := range entries {
			e.SetText("")
			e.Disable()
		}
		r.probs.Hide()
		return
	}
	for _, e := range entries {
		e.Enable()
	}
	era := eras[r.sel]
	r.span.SetText(studio.StaffDates(era.Start, &era.End))
	r.spanProb.Hide()
	r.headline.SetText(era.Headline)
	r.text.SetText(era.Text)
	r.list.Select(r.sel)
	r.showProblems()
}

// showProblems shows the problems of the selected era below its form.
func (r *studioEras) showProblems() {
	var msgs []string
	field := "eras[" + strconv.Itoa(r.sel+1) + "]"
	for _, p := range r.s.problems {
		if p.File == "timeline.toml" && (p.Field == field || strings.HasPrefix(p.Field, field+".")) {
			msgs = append(msgs, p.Text(r.s.e.prefs.Language()))
		}
	}
	r.probs.SetText(strings.Join(msgs, "\n"))
	r.probs.Hidden = len(msgs) == 0
	r.probs.Refresh()
}

// add adds an era after the last one (or around the events), to be named
// and bounded in the form.
func (r *studioEras) add() {
	s := r.s
	from, to := int64(1945), int64(1954)
	if eras := s.eras(); len(eras) > 0 {
		from = eras[len(eras)-1].End.Year
		to = from + 10
	} else if evs := s.events(); len(evs) > 0 {
		from, to = evs[0].Start.Year, evs[0].Start.Year
		for _, ev := range evs {
			from, to = min(from, ev.Start.Year), max(to, ev.Start.Year)
		}
	}
	s.edit(true, func() { r.sel = s.draft.NewEra(from, to, lang.L("New era")) })
	r.fill()
	s.check()
}

// del deletes the selected era; Undo brings it back.
func (r *studioEras) del() {
	s := r.s
	if r.sel < 0 || r.sel >= len(s.eras()) {
		return
	}
	s.edit(true, func() { s.draft.DeleteEra(r.sel) })
	r.fill()
	s.check()
}
