package screens

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/internal/studio"
)

// studioTimeline is the editor's timeline tab: the events in a list, the
// selected one in a form, and the import of a timeline from Excel.
type studioTimeline struct {
	s                       *studioScreen
	list                    *widget.List
	sel                     int
	date, headline, group   *widget.Entry
	text                    *widget.Entry
	picture                 *widget.Select
	pictureIDs              []string // the picture id of each option, "" for none
	dateProb, probs         *widget.Label
	place                   *widget.Entry
	placeProb               *widget.Label
	chapter, passage        *widget.Select
	linkIDs                 []string // the chapter id of each chapter option, "" for none
	addBtn, delBtn, xlsxBtn *widget.Button
	// sub holds the events and the eras.
	sub *container.AppTabs
}

func (s *studioScreen) events() []exhibit.Event {
	if s.draft.Timeline == nil {
		return nil
	}
	return s.draft.Timeline.Events
}

// timelineTab builds the tab.
func (s *studioScreen) timelineTab() fyne.CanvasObject {
	t := &studioTimeline{s: s}
	s.tl = t
	t.list = widget.NewList(
		func() int { return len(s.events()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ev := s.events()[i]
			date := ev.Display
			if date == "" {
				date = studio.StaffDates(ev.Start, ev.End)
			}
			o.(*widget.Label).SetText(date + "  " + ev.Headline)
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		if i != t.sel {
			t.sel = i
			t.fill()
		}
	}
	t.addBtn = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), t.add)
	t.delBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), t.del)
	t.xlsxBtn = widget.NewButtonWithIcon(lang.L("Import from Excel"), theme.FileIcon(), t.importSheet)
	left := container.NewBorder(nil, container.NewVBox(container.NewGridWithColumns(2, t.addBtn, t.delBtn), t.xlsxBtn), nil, nil, t.list)

	changed := func(apply func(ev *exhibit.Event, v string)) func(string) {
		return func(v string) {
			if s.filling || t.sel < 0 || t.sel >= len(s.events()) {
				return
			}
			i := t.sel
			s.edit(false, func() {
				apply(&s.draft.Timeline.Events[i], v)
				s.draft.TimelineChanged = true
			})
			t.list.RefreshItem(i)
		}
	}
	t.date = widget.NewEntry()
	t.date.SetPlaceHolder("22/9/1943, 9/1943, 1943, 1930 – 1945, mùa thu 1945")
	t.dateProb = widget.NewLabel("")
	t.dateProb.Importance = widget.DangerImportance
	t.dateProb.Wrapping = fyne.TextWrapWord
	t.dateProb.Hide()
	t.place = widget.NewEntry()
	t.place.SetPlaceHolder("9/1945")
	t.placeProb = widget.NewLabel("")
	t.placeProb.Importance = widget.DangerImportance
	t.placeProb.Wrapping = fyne.TextWrapWord
	t.placeProb.Hide()
	t.date.OnChanged = func(string) { t.dateChanged(false) }
	t.place.OnChanged = func(string) { t.dateChanged(true) }
	placeHelp := widget.NewLabel(lang.L("Where the event stands on the timeline, in numbers: filled in from the date when it has one."))
	placeHelp.Wrapping = fyne.TextWrapWord
	placeHelp.Importance = widget.LowImportance
	t.headline = widget.NewEntry()
	t.headline.OnChanged = changed(func(ev *exhibit.Event, v string) { ev.Headline = v })
	t.text = widget.NewMultiLineEntry()
	t.text.Wrapping = fyne.TextWrapWord
	t.text.SetMinRowsVisible(5)
	t.text.OnChanged = changed(func(ev *exhibit.Event, v string) { ev.Text = v })
	t.group = widget.NewEntry()
	t.group.OnChanged = changed(func(ev *exhibit.Event, v string) { ev.Group = v })
	t.picture = widget.NewSelect(nil, func(string) {
		i, k := t.sel, t.picture.SelectedIndex()
		if s.filling || i < 0 || i >= len(s.events()) || k < 0 || k >= len(t.pictureIDs) || t.pictureIDs[k] == "-" {
			return
		}
		s.edit(true, func() { s.draft.SetEventPicture(i, t.pictureIDs[k]) })
	})
	t.chapter = widget.NewSelect(nil, func(string) {
		i, k := t.sel, t.chapter.SelectedIndex()
		if s.filling || i < 0 || i >= len(s.events()) || k < 0 || k >= len(t.linkIDs) {
			return
		}
		s.edit(true, func() { s.draft.SetEventLink(i, t.linkIDs[k], 0) })
		t.fillLink(s.events()[i])
	})
	t.passage = widget.NewSelect(nil, func(string) {
		i, k := t.sel, t.passage.SelectedIndex()
		if s.filling || i < 0 || i >= len(s.events()) || k < 0 {
			return
		}
		s.edit(true, func() { s.draft.SetEventLink(i, s.events()[i].Chapter, k) })
	})
	t.probs = widget.NewLabel("")
	t.probs.Importance = widget.DangerImportance
	t.probs.Wrapping = fyne.TextWrapWord
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := container.NewVBox(
		bold(lang.L("Date, as the source writes it")), t.date, t.dateProb,
		bold(lang.L("Placed on the timeline at")), t.place, placeHelp, t.placeProb,
		bold(lang.L("Headline")), t.headline,
		bold(lang.L("Text")), t.text,
		bold(lang.L("Group")), t.group,
		bold(lang.L("Picture")), t.picture,
		bold(lang.L("Told in the chapter")), container.NewGridWithColumns(2, t.chapter, t.passage),
		t.probs,
	)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(form)))
	split.Offset = 0.35
	t.sub = container.NewAppTabs(
		container.NewTabItem(lang.L("Events"), split),
		container.NewTabItem(lang.L("Eras"), s.erasPane()),
	)
	return t.sub
}

// fill shows the selected event in the form.
func (t *studioTimeline) fill() {
	s := t.s
	s.filling = true
	defer func() { s.filling = false }()
	evs := s.events()
	if t.sel >= len(evs) {
		t.sel = len(evs) - 1
	}
	entries := []*widget.Entry{t.date, t.place, t.headline, t.text, t.group}
	selects := []*widget.Select{t.picture, t.chapter, t.passage}
	if t.sel < 0 {
		for _, e := range entries {
			e.SetText("")
			e.Disable()
		}
		for _, sl := range selects {
			sl.Disable()
		}
		t.list.Refresh()
		return
	}
	for _, e := range entries {
		e.Enable()
	}
	for _, sl := range selects {
		sl.Enable()
	}
	ev := evs[t.sel]
	t.place.SetText(studio.StaffDates(ev.Start, ev.End))
	if ev.Display != "" {
		t.date.SetText(ev.Display)
	} else {
		t.date.SetText(t.place.Text)
	}
	t.dateProb.Hide()
	t.placeProb.Hide()
	t.headline.SetText(ev.Headline)
	t.text.SetText(ev.Text)
	t.group.SetText(ev.Group)
	t.fillPicture(ev)
	t.fillLink(ev)
	t.list.Refresh()
	t.list.Select(t.sel)
	if t.sel == 0 {
		t.list.ScrollToTop() // Select before the first layout scrolls one row too far
	}
	t.showProblems()
}

// showProblems shows the problems of the selected event below its form.
func (t *studioTimeline) showProblems() {
	var msgs []string
	field := "events[" + strconv.Itoa(t.sel+1) + "]"
	for _, p := range t.s.problems {
		if p.File == "timeline.toml" && (p.Field == field || strings.HasPrefix(p.Field, field+".")) {
			msgs = append(msgs, p.Text(t.s.e.prefs.Language()))
		}
	}
	t.probs.SetText(strings.Join(msgs, "\n"))
	t.probs.Hidden = len(msgs) == 0
	t.probs.Refresh()
}

// add adds an event in the year of the selected one (or of the exhibit's
// first), to be dated and named in the form.
func (t *studioTimeline) add() {
	s := t.s
	start := exhibit.Date{Year: 2000}
	if evs := s.events(); len(evs) > 0 {
		start = exhibit.Date{Year: evs[max(t.sel, 0)].Start.Year}
	}
	s.edit(true, func() {
		t.sel = s.draft.NewEvent(start, lang.L("New event"))
	})
	t.fill()
	s.check()
}

// del deletes the selected event; Undo brings it back.
func (t *studioTimeline) del() {
	s := t.s
	if t.sel < 0 || t.sel >= len(s.events()) {
		return
	}
	s.edit(true, func() { s.draft.DeleteEvent(t.sel) })
	t.fill()
	s.check()
}

// importSheet replaces the timeline with one from an Excel or CSV file,
// after a file dialog; problems in the file are listed and nothing changes.
func (t *studioTimeline) importSheet() {
	s := t.s
	s.e.fileOpenDialog([]string{".xlsx", ".csv"}, func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			s.e.showError(err)
			return
		}
		t.importData(data, filepath.Base(path))
	}).Show()
}

// importData replaces the timeline with the sheet's, or lists its problems.
func (t *studioTimeline) importData(data []byte, name string) {
	s := t.s
	before := s.draft.Clone()
	probs, err := s.draft.ImportSheet(data, name)
	if err != nil {
		s.e.showError(err)
		return
	}
	if len(probs) > 0 {
		var b strings.Builder
		for _, p := range probs {
			if p.Line > 0 {
				b.WriteString(lang.L("line {{.Line}}", map[string]any{"Line": strconv.Itoa(p.Line)}) + ": ")
			}
			if p.Field != "" {
				b.WriteString(p.Field + ": ")
			}
			b.WriteString(p.Text(s.e.prefs.Language()) + "\n")
		}
		l := widget.NewLabel(b.String())
		l.Wrapping = fyne.TextWrapWord
		dialog.ShowCustom(lang.L("{{.File}} was not imported", map[string]any{"File": name}), lang.L("OK"), container.NewVScroll(l), s.e.win)
		return
	}
	s.undo = append(s.undo, before)
	s.notice = lang.L("{{.Count}} events were imported from {{.File}}.", map[string]any{"Count": len(s.events()), "File": name})
	t.sel = 0
	t.fill()
	s.later()
	s.check()
}

// fillPicture offers the exhibit's pictures for the event, with the
// event's own media kept as an option when it is no picture of the
// exhibit (a clip, a web address).
func (t *studioTimeline) fillPicture(ev exhibit.Event) {
	opts := []string{lang.L("None")}
	t.pictureIDs = []string{""}
	sel := 0
	for _, p := range t.s.draft.Pictures {
		label := p.Caption
		if label == "" {
			label = p.ID
		}
		opts = append(opts, label)
		t.pictureIDs = append(t.pictureIDs, p.ID)
		if ev.Media != nil && ev.Media.URL == p.File {
			sel = len(opts) - 1
		}
	}
	if ev.Media != nil && ev.Media.URL != "" && sel == 0 {
		opts = append(opts, ev.Media.URL)
		t.pictureIDs = append(t.pictureIDs, "-") // kept as it is
		sel = len(opts) - 1
	}
	t.picture.SetOptions(opts)
	t.picture.SetSelectedIndex(sel)
}

// dateChanged reads the date as written and the placement date into the
// selected event. A date in words with a date inside it fills in the
// placement; the placement typed by hand moves the event, keeping what
// the words say about its precision (a season).
func (t *studioTimeline) dateChanged(placeTyped bool) {
	s := t.s
	i := t.sel
	if s.filling || i < 0 || i >= len(s.events()) {
		return
	}
	w, err := studio.ParseWritten(t.date.Text)
	if err != nil {
		t.dateProb.SetText(lang.L("Write the date like 22/9/1943, 9/1943 or 1943, a range 1930 – 1945, or in words: mùa thu 1945, cuối năm 1943."))
		t.dateProb.Show()
		return
	}
	t.dateProb.Hide()
	place := ""
	if placeTyped || !w.Placed {
		place = t.place.Text
	}
	if place != "" {
		if _, _, err := studio.ParseStaffDates(place); err != nil {
			t.placeProb.SetText(lang.L("Write where it stands in numbers: 22/9/1943, 9/1943 or 1943."))
			t.placeProb.Show()
			return
		}
	}
	t.placeProb.Hide()
	s.edit(false, func() {
		if err := s.draft.SetEventDate(i, t.date.Text, place); err != nil {
			fyne.LogError("event date", err) // checked above
		}
	})
	if !placeTyped && w.Placed {
		ev := s.events()[i]
		s.filling = true
		t.place.SetText(studio.StaffDates(ev.Start, ev.End))
		s.filling = false
	}
	t.list.RefreshItem(i)
}

// fillLink offers the chapters, and the passages of the linked one named
// by their first words, as the last check loaded them.
func (t *studioTimeline) fillLink(ev exhibit.Event) {
	s := t.s
	was := s.filling
	s.filling = true
	defer func() { s.filling = was }()
	opts := []string{lang.L("None")}
	t.linkIDs = []string{""}
	sel := 0
	for _, ch := range s.draft.Chapters {
		opts = append(opts, ch.Title)
		t.linkIDs = append(t.linkIDs, ch.ID)
		if ch.ID == ev.Chapter {
			sel = len(opts) - 1
		}
	}
	if ev.Chapter != "" && sel == 0 {
		opts = append(opts, ev.Chapter)
		t.linkIDs = append(t.linkIDs, ev.Chapter)
		sel = len(opts) - 1
	}
	t.chapter.SetOptions(opts)
	t.chapter.SetSelectedIndex(sel)
	var passages []string
	if ev.Chapter != "" && s.checked != nil {
		if ch := s.checked.Chapter(ev.Chapter); ch != nil {
			for n, b := range ch.Blocks {
				r := []rune(b.Text())
				text := string(r[:min(len(r), 50)])
				if len(r) > 50 {
					text += "…"
				}
				passages = append(passages, strconv.Itoa(n)+". "+text)
			}
		}
	}
	t.passage.SetOptions(passages)
	if ev.Chapter == "" || len(passages) == 0 {
		t.passage.ClearSelected()
		t.passage.Disable()
		return
	}
	t.passage.Enable()
	if ev.Block < len(passages) {
		t.passage.SetSelectedIndex(ev.Block)
	} else {
		t.passage.ClearSelected()
	}
}

// linkChecked offers the passages of the linked chapter as the last
// check loaded it.
func (t *studioTimeline) linkChecked() {
	if evs := t.s.events(); t.sel >= 0 && t.sel < len(evs) {
		t.fillLink(evs[t.sel])
	}
}
