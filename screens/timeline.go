package screens

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/screens/timeline"
)

// timelineScreen is the interactive timeline with the selected event's
// card below it: the date as the source writes it, the headline, the text
// and the way into the chapter it comes from.
type timelineScreen struct {
	e  *Exhibit
	tl *timeline.Timeline
	// chips is the row of era chips (an empty holder without eras).
	chips fyne.CanvasObject
	// start is the event to select when the screen is first shown.
	start int

	date, headline *widget.Label
	text           *widget.RichText
	media          *widget.Label
	picture        *canvas.Image
	watch          *keyButton
	read           *keyButton
	mode           *keyButton
	cardScroll     *container.Scroll
	// reveal is set while the screen is shown for the first time.
	reveal bool
}

func newTimelineScreen(e *Exhibit, start int) *timelineScreen {
	return &timelineScreen{e: e, start: start}
}

func (s *timelineScreen) events() []exhibit.Event { return s.e.pack.Timeline.Events }

func (s *timelineScreen) content() fyne.CanvasObject {
	e := s.e
	sel := s.start
	if s.tl != nil {
		sel = s.tl.Selected()
	}
	even := s.tl != nil && s.tl.Even()
	old := s.tl
	s.tl = timeline.New(e.pack.Timeline)
	s.tl.SetEven(even)
	s.reveal = old == nil
	if old != nil {
		// Back from a chapter (or after a language change): the years
		// the visitor had zoomed to, not the whole timeline again.
		s.tl.SetView(old.View())
	}
	s.tl.OnSelected = s.showCard
	s.tl.OnOpen = s.openChapter
	if e.frames != nil {
		s.tl.OnGlideFrame = e.frames.glideFrame
	}

	home := newKeyButton(e, lang.L("Home"), theme.HomeIcon(), e.goHome)
	title := widget.NewLabelWithStyle(e.pack.Timeline.Title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	if title.Text == "" {
		title.SetText(lang.L("Timeline"))
	}
	title.Truncation = fyne.TextTruncateEllipsis
	out := newKeyButton(e, "", theme.ZoomOutIcon(), s.tl.ZoomOut)
	in := newKeyButton(e, "", theme.ZoomInIcon(), s.tl.ZoomIn)
	all := newKeyButton(e, lang.L("Whole timeline"), theme.ViewFullScreenIcon(), func() { s.tl.ShowAll(); s.tl.Refresh() })
	s.mode = newKeyButton(e, "", nil, s.toggleMode)
	s.updateMode()
	bar := topBar([]fyne.CanvasObject{home}, title, []fyne.CanvasObject{out, in, all, s.mode})

	// One chip per era zooms to it: the fastest way into the crowded
	// years for a visitor at a touch screen. The card then describes the
	// era, saying where its bounds come from. They stand in one row,
	// scrolled sideways when the window is narrow, so they never push the
	// timeline down.
	chips := container.NewHBox()
	for _, era := range e.pack.Timeline.Eras {
		era := era
		chips.Add(newKeyButton(e, era.Headline, nil, func() {
			s.tl.ZoomToYears(timeline.Years(era.Start), timeline.Years(era.End))
			s.showEra(era)
		}))
	}
	eras := container.NewHScroll(chips)

	s.date = widget.NewLabel("")
	s.date.TextStyle.Bold = true
	s.date.Importance = widget.DangerImportance
	s.date.SizeName = theme.SizeNameSubHeadingText
	s.headline = widget.NewLabel("")
	s.headline.TextStyle.Bold = true
	s.headline.Wrapping = fyne.TextWrapWord
	s.text = widget.NewRichText()
	s.text.Wrapping = fyne.TextWrapWord
	s.media = widget.NewLabel("")
	s.media.Wrapping = fyne.TextWrapWord
	s.media.Importance = widget.LowImportance
	s.watch = newKeyButton(e, lang.L("Watch the clip"), theme.MediaVideoIcon(), func() {
		evs := s.events()
		if i := s.tl.Selected(); i >= 0 && i < len(evs) && evs[i].Media != nil && evs[i].Media.IsVideo() {
			m := evs[i].Media
			e.playClip(clipRequest{File: m.URL, Subtitles: m.Subtitles, Caption: m.Caption})
		}
	})
	s.watch.Hide()
	s.read = newKeyButton(e, lang.L("Read in the chapter"), theme.DocumentIcon(), func() { s.openChapter(s.tl.Selected()) })
	s.read.Importance = widget.HighImportance
	prev := newKeyButton(e, lang.L("Previous event"), theme.NavigateBackIcon(), s.tl.Previous)
	next := newKeyButton(e, lang.L("Next event"), theme.NavigateNextIcon(), s.tl.Next)
	next.IconPlacement = widget.ButtonIconTrailingText
	s.picture = canvas.NewImageFromResource(nil)
	s.picture.FillMode = canvas.ImageFillContain
	s.picture.SetMinSize(fyne.NewSize(theme.TextSize()*16, theme.TextSize()*10))
	s.picture.Hide()
	card := container.NewVBox(s.date, s.headline, s.picture, s.text, s.media)
	s.cardScroll = container.NewVScroll(pageColumn(theme.TextSize()*44, container.NewPadded(card)))
	actions := container.NewBorder(nil, nil, prev, next, container.NewCenter(container.NewHBox(s.watch, s.read)))

	body := container.New(&timelineSplit{}, container.NewPadded(s.tl), s.cardScroll)
	if sel >= 0 && sel < s.tl.Len() {
		s.tl.Select(sel)
	}
	s.showCard(s.tl.Selected())
	// The era chips give way on a short screen rather than squeeze the
	// card to a line: the era names stay on the timeline's own bands.
	chipRow := fyne.CanvasObject(container.NewStack())
	if len(chips.Objects) > 0 {
		chipRow = container.NewPadded(eras)
	}
	s.chips = chipRow
	return newGiveWayPage(&giveWayPage{top: bar, extra: chipRow, body: body, bottom: container.NewPadded(actions), room: cardRoom})
}

// cardRoom is the least height the event card keeps before the era chips
// give way: a few lines of its text.
func cardRoom() float32 { return theme.TextSize() * 5 }

func (s *timelineScreen) shown() {
	if s.reveal && s.tl.Selected() >= 0 {
		// First shown: now that the axis has a width, bring the start
		// event into view.
		s.tl.Select(s.tl.Selected())
	}
	s.reveal = false
}

func (s *timelineScreen) toggleMode() {
	s.tl.SetEven(!s.tl.Even())
	s.updateMode()
}

func (s *timelineScreen) updateMode() {
	if s.tl.Even() {
		s.mode.SetText(lang.L("Spaced by date"))
	} else {
		s.mode.SetText(lang.L("Evenly spaced"))
	}
}

// showCard fills the card with event i.
func (s *timelineScreen) showCard(i int) {
	evs := s.events()
	if i < 0 || i >= len(evs) {
		s.date.SetText("")
		s.headline.SetText(lang.L("This pack has no timeline events."))
		s.read.Hide()
		return
	}
	ev := evs[i]
	s.e.eventViewed(ev.ID)
	display := ev.Display
	if display == "" {
		display = ev.Start.Display
	}
	s.date.SetText(display)
	s.headline.SetText(ev.Headline)
	s.text.ParseMarkdown(ev.Text)
	s.media.SetText(mediaNote(ev.Media))
	s.showPicture(ev.Media)
	if ev.Media != nil && ev.Media.IsVideo() && !isWebAddress(ev.Media.URL) {
		s.watch.Show()
	} else {
		s.watch.Hide()
	}
	if ev.Chapter != "" && s.e.pack.ChapterIndex(ev.Chapter) >= 0 {
		s.read.Show()
	} else {
		s.read.Hide()
	}
	if s.cardScroll != nil {
		// The card's height follows its text: lay it out again now, or
		// a longer text could not be scrolled to its end.
		s.cardScroll.Refresh()
		s.cardScroll.ScrollToTop()
	}
}

// showEra fills the card with an era: its years, its name and its
// description. Era names and bounds are the editors' division of the
// history; the description says which bounds the source does not date.
func (s *timelineScreen) showEra(era exhibit.Era) {
	s.date.SetText(fmt.Sprintf("%d – %d", era.Start.Year, era.End.Year))
	s.headline.SetText(era.Headline)
	s.text.ParseMarkdown(era.Text)
	s.media.SetText("")
	s.picture.Hide()
	s.watch.Hide()
	s.read.Hide()
	if s.cardScroll != nil {
		// The card's height follows its text: lay it out again now, or
		// a longer text could not be scrolled to its end.
		s.cardScroll.Refresh()
		s.cardScroll.ScrollToTop()
	}
}

// showPicture shows an event's picture when it is a file in the pack;
// pictures on the web are never fetched.
func (s *timelineScreen) showPicture(m *exhibit.Media) {
	s.picture.Hide()
	if m == nil || m.URL == "" || isWebAddress(m.URL) || !isPicture(m.URL) {
		return
	}
	data, err := fs.ReadFile(s.e.pack.FS, m.URL)
	if err != nil {
		return // validation has reported the missing file
	}
	s.picture.Resource = fyne.NewStaticResource(path.Base(m.URL), data)
	s.picture.Refresh()
	s.picture.Show()
}

func isPicture(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".jpg", ".jpeg", ".png", ".webp", ".gif":
		return true
	}
	return false
}

func isWebAddress(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//")
}

// mediaNote describes an event's media in words. Pictures on the web are
// kept in the pack but never fetched: the exhibit runs offline.
func mediaNote(m *exhibit.Media) string {
	if m == nil || m.URL == "" {
		return ""
	}
	caption := strings.TrimSpace(m.Caption)
	if isWebAddress(m.URL) {
		return lang.L("Media: {{.Caption}} (not available offline)", map[string]any{"Caption": caption})
	}
	if caption == "" {
		return ""
	}
	note := lang.L("Media: {{.Caption}}", map[string]any{"Caption": caption})
	if m.Credit != "" {
		note += " — " + m.Credit
	}
	return note
}

// openChapter reads on in the chapter an event comes from, with the
// event's excerpt highlighted in its paragraph.
func (s *timelineScreen) openChapter(i int) {
	evs := s.events()
	if i < 0 || i >= len(evs) || evs[i].Chapter == "" {
		return
	}
	ev := evs[i]
	ci := s.e.pack.ChapterIndex(ev.Chapter)
	if ci < 0 {
		return
	}
	var marks map[int][][2]int
	blocks := s.e.pack.Chapters[ci].Blocks
	if ev.Block >= 0 && ev.Block < len(blocks) {
		if at := strings.Index(blocks[ev.Block].Text(), ev.Text); ev.Text != "" && at >= 0 {
			marks = map[int][][2]int{ev.Block: {{at, at + len(ev.Text)}}}
		}
	}
	s.e.openChapter(ci, ev.Block, marks)
}

func (s *timelineScreen) typedKey(ev *fyne.KeyEvent) bool { return s.tl.HandleKey(ev) }

// timelineSplit gives the timeline the top 55 % of the space (at least its
// minimum) and the card the rest.
type timelineSplit struct{}

func (timelineSplit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) < 2 {
		return
	}
	h := max(objs[0].MinSize().Height, size.Height*0.55)
	h = min(h, size.Height-objs[1].MinSize().Height)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, h))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-h))
}

func (timelineSplit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w, h)
}
