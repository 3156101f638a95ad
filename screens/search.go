package screens

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/search"
	"trienlam/screens/exhibittheme"
)

// maxResults bounds the results shown: beyond it the visitor is asked to
// add a word. It also bounds the work done on every keystroke.
const maxResults = 100

// searchScreen finds words in every chapter, the timeline and the picture
// captions, with or without diacritics ("chi kien" finds "Chí Kiên";
// "kiện" only "kiện"), reads Telex or VNI typed without an input method,
// and lists the results grouped by chapter, one header per group. Enter or
// a tap opens a result: the reader at the passage with the match
// highlighted, the timeline at the event, or the picture.
type searchScreen struct {
	e      *Exhibit
	entry  *searchEntry
	status *widget.Label
	scroll *container.Scroll
	list   *fyne.Container
	// hits are the results in the order shown (grouped); rows the row of
	// each hit.
	hits     []search.Hit
	rows     []*resultRow
	selected int
	query    string
}

func newSearchScreen(e *Exhibit) *searchScreen { return &searchScreen{e: e, selected: -1} }

func (s *searchScreen) content() fyne.CanvasObject {
	e := s.e
	s.entry = newSearchEntry(e, s)
	s.entry.SetPlaceHolder(lang.L("Type words to find — accents are optional"))
	s.entry.OnChanged = s.run
	s.entry.OnSubmitted = func(string) {
		if len(s.hits) > 0 {
			s.open(max(0, s.selected))
		}
	}
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.status.Wrapping = fyne.TextWrapWord
	s.list = container.NewVBox()
	s.scroll = container.NewVScroll(s.list)
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	title := widget.NewLabelWithStyle(lang.L("Search the exhibit"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	bar := topBar([]fyne.CanvasObject{back}, title, nil)
	top := container.NewVBox(bar, container.NewPadded(s.entry), container.NewPadded(s.status))
	var keys fyne.CanvasObject
	if e.kiosk != nil { // a touch screen may have no keyboard
		keys = container.NewPadded(newTouchKeyboard(e, s.entry, func() string { return s.entry.Text }))
	}
	body := container.NewBorder(top, keys, nil, nil, s.scroll)
	if s.query != "" {
		s.entry.SetText(s.query)
	} else {
		s.run("")
	}
	return pageColumn(1200, body)
}

func (s *searchScreen) shown() { s.focus() }

func (s *searchScreen) focus() { s.e.win.Canvas().Focus(s.entry) }

// run searches as the visitor types.
func (s *searchScreen) run(q string) {
	s.query = q
	r := s.e.searchIndex().Find(q, maxResults)
	s.hits = groupHits(r.Hits)
	s.selected = -1
	n := len(s.hits)
	typed := map[string]any{"Count": n, "Query": q}
	switch {
	case strings.TrimSpace(q) == "":
		s.status.SetText(lang.L("Search every chapter. Example: chi kien, thuong an, dang vien"))
	case n == 0:
		s.status.SetText(lang.L("No results for “{{.Query}}”", typed))
	case r.Reading != search.Plain:
		// Typed as Telex or VNI without an input method: say what was read.
		s.status.SetText(lang.L("{{.Count}} results for «{{.Query}}» — you typed “{{.Typed}}”",
			map[string]any{"Count": n, "Query": strings.TrimSpace(r.Query), "Typed": strings.TrimSpace(q)}))
	case n >= maxResults:
		s.status.SetText(lang.L("More than {{.Count}} results for “{{.Query}}” — add a word to narrow them", typed))
	default:
		s.status.SetText(lang.L("{{.Count}} results for “{{.Query}}”", typed))
	}
	s.fill()
}

// groupHits orders ranked hits by group — a chapter, the timeline, the
// pictures — keeping the ranking within each group, the groups in the
// order of their best hit.
func groupHits(hits []search.Hit) []search.Hit {
	var order []string
	groups := map[string][]search.Hit{}
	for _, h := range hits {
		g := hitGroup(h)
		if _, seen := groups[g]; !seen {
			order = append(order, g)
		}
		groups[g] = append(groups[g], h)
	}
	out := make([]search.Hit, 0, len(hits))
	for _, g := range order {
		out = append(out, groups[g]...)
	}
	return out
}

// hitGroup names the group a hit is listed under.
func hitGroup(h search.Hit) string {
	switch {
	case h.Event != "":
		return "\x00timeline"
	case h.Photo != "":
		return "\x00pictures"
	}
	return h.Chapter
}

// fill builds the result list: a header for each group, then its results.
func (s *searchScreen) fill() {
	objs := make([]fyne.CanvasObject, 0, len(s.hits)+8)
	s.rows = s.rows[:0]
	group := ""
	for i, h := range s.hits {
		if g := hitGroup(h); g != group || i == 0 {
			group = g
			objs = append(objs, s.groupHeader(h))
		}
		row := newResultRow(func() { s.open(i) })
		row.set(s.e, h, false)
		s.rows = append(s.rows, row)
		objs = append(objs, row)
	}
	s.list.Objects = objs
	s.list.Refresh()
	s.scroll.ScrollToTop()
}

// groupHeader is the header of the group h belongs to.
func (s *searchScreen) groupHeader(h search.Hit) fyne.CanvasObject {
	text := lang.L("Timeline")
	switch {
	case h.Photo != "":
		text = lang.L("Pictures")
	case h.Event == "":
		if ch := s.e.pack.Chapter(h.Chapter); ch != nil {
			text = lang.L("Chapter {{.N}}: {{.Title}}", map[string]any{"N": s.e.pack.ChapterIndex(h.Chapter) + 1, "Title": ch.Title})
		}
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	return container.NewStack(bg, l)
}

// open shows a hit: a passage in the reader with its matches highlighted,
// an event on the timeline, or a picture in the viewer.
func (s *searchScreen) open(i int) {
	if i < 0 || i >= len(s.hits) {
		return
	}
	h := s.hits[i]
	switch {
	case h.Event != "":
		s.e.openTimeline(h.Event)
		return
	case h.Photo != "":
		ids := make([]string, 0, len(s.e.pack.Photos))
		at := 0
		for _, p := range s.e.pack.Photos {
			if p.ID == h.Photo {
				at = len(ids)
			}
			ids = append(ids, p.ID)
		}
		s.e.openViewer(ids, at)
		return
	}
	ch := s.e.pack.ChapterIndex(h.Chapter)
	if ch < 0 {
		return
	}
	var marks map[int][][2]int
	if h.Field == search.FieldBlock {
		marks = map[int][][2]int{h.Block: h.Ranges}
	}
	s.e.openChapter(ch, h.Block, marks)
}

// move changes the selected result with the arrow keys.
func (s *searchScreen) move(d int) {
	if len(s.hits) == 0 {
		return
	}
	if s.selected >= 0 && s.selected < len(s.rows) {
		s.rows[s.selected].setCursor(false)
	}
	s.selected = min(len(s.hits)-1, max(0, s.selected+d))
	row := s.rows[s.selected]
	row.setCursor(true)
	// Keep the selected result in view.
	top, bottom := row.Position().Y, row.Position().Y+row.Size().Height
	view := s.scroll.Size().Height
	switch {
	case top < s.scroll.Offset.Y:
		s.scroll.Offset.Y = top
	case bottom > s.scroll.Offset.Y+view:
		s.scroll.Offset.Y = bottom - view
	}
	s.scroll.Refresh()
	s.highlightSelected()
}

func (s *searchScreen) highlightSelected() {
	s.status.SetText(lang.L("Result {{.N}} of {{.Count}} — press Enter to open", map[string]any{"N": s.selected + 1, "Count": len(s.hits)}))
}

func (s *searchScreen) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown:
		s.move(+1)
	case fyne.KeyUp:
		s.move(-1)
	case fyne.KeyPageDown:
		s.move(+5)
	case fyne.KeyPageUp:
		s.move(-5)
	case fyne.KeyReturn, fyne.KeyEnter:
		s.open(max(0, s.selected))
	default:
		return false
	}
	return true
}

// searchEntry is the search field: it keeps the keys a text field needs
// and passes Esc, arrows and clicker keys to the exhibit.
type searchEntry struct {
	widget.Entry
	e *Exhibit
	s *searchScreen
}

func newSearchEntry(e *Exhibit, s *searchScreen) *searchEntry {
	en := &searchEntry{e: e, s: s}
	en.ExtendBaseWidget(en)
	return en
}

// TypedKey routes navigation keys and types the rest.
func (en *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyF11:
		en.e.typedKey(ev)
	default:
		en.Entry.TypedKey(ev)
	}
}

// TypedShortcut lets the window's shortcuts (Ctrl+F, text size) work while
// typing; the field keeps copy, paste and the rest.
func (en *searchEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && en.e.runShortcut(cs) {
		return
	}
	en.Entry.TypedShortcut(sc)
}

// resultRow is one search result: for a timeline event its date and
// headline, then the excerpt, wrapped to the width of the list, with the
// matched phrase in bold and the heading colour. A tap or click opens it.
type resultRow struct {
	widget.BaseWidget
	label   *widget.Label
	context *widget.RichText
	// cursor marks the result the arrow keys have reached.
	cursor *canvas.Rectangle
	tapped func()
}

func newResultRow(tapped func()) *resultRow {
	r := &resultRow{label: widget.NewLabel(""), context: widget.NewRichText(), cursor: canvas.NewRectangle(color.Transparent), tapped: tapped}
	r.label.Importance = widget.LowImportance
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.label.Hide()
	r.context.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

func (r *resultRow) set(e *Exhibit, h search.Hit, atCursor bool) {
	r.setCursor(atCursor)
	if h.Event != "" {
		for _, ev := range e.pack.Timeline.Events {
			if ev.ID == h.Event {
				r.label.SetText(ev.Display + " — " + ev.Headline)
				r.label.Show()
			}
		}
	}
	r.context.Segments = contextSegments(h.Context, h.ContextRanges)
	r.context.Refresh()
}

// setCursor shows or hides the keyboard cursor on the row.
func (r *resultRow) setCursor(on bool) {
	r.cursor.FillColor = color.Transparent
	if on {
		r.cursor.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.cursor.Refresh()
}

// Tapped opens the result: touch, mouse and pen alike.
func (r *resultRow) Tapped(*fyne.PointEvent) {
	if r.tapped != nil {
		r.tapped()
	}
}

// contextSegments splits a context line into plain and matched segments.
func contextSegments(text string, ranges [][2]int) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	at := 0
	plain := func(t string) *widget.TextSegment {
		return &widget.TextSegment{Text: t, Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText}}
	}
	for _, rg := range ranges {
		if rg[0] < at || rg[1] > len(text) || rg[0] >= rg[1] {
			continue
		}
		if rg[0] > at {
			segs = append(segs, plain(text[at:rg[0]]))
		}
		segs = append(segs, &widget.TextSegment{Text: text[rg[0]:rg[1]], Style: widget.RichTextStyle{
			Inline: true, SizeName: theme.SizeNameText, ColorName: exhibittheme.ColorNameHeading, TextStyle: fyne.TextStyle{Bold: true},
		}})
		at = rg[1]
	}
	if at < len(text) {
		segs = append(segs, plain(text[at:]))
	}
	return segs
}

// CreateRenderer is part of fyne.Widget.
func (r *resultRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.cursor, container.NewVBox(r.label, r.context)))
}
