package screens

import (
	"image/color"

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

// maxResults bounds the results list; the built-in pack's commonest word
// stays well below it.
const maxResults = 300

// searchScreen finds words in every chapter without needing diacritics
// ("chi kien" finds "Chí Kiên") and opens the reader at a hit, with the
// hit highlighted.
type searchScreen struct {
	e        *Exhibit
	entry    *searchEntry
	list     *widget.List
	status   *widget.Label
	hits     []search.Hit
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
	s.list = widget.NewList(
		func() int { return len(s.hits) },
		func() fyne.CanvasObject { return newResultRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(s.hits) {
				o.(*resultRow).set(s.e, s.hits[id], id == s.selected)
			}
		},
	)
	s.list.OnSelected = func(id widget.ListItemID) { s.open(id) }
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	title := widget.NewLabelWithStyle(lang.L("Search the exhibit"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{back}, title, nil)
	top := container.NewVBox(bar, container.NewPadded(s.entry), container.NewPadded(s.status))
	body := container.NewBorder(top, nil, nil, nil, s.list)
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
	s.hits = s.e.index.Search(q, maxResults)
	s.selected = -1
	switch {
	case q == "":
		s.status.SetText(lang.L("Search every chapter. Example: chi kien, thuong an, dang vien"))
	case len(s.hits) == 0:
		s.status.SetText(lang.L("No results for “{{.Query}}”", map[string]any{"Query": q}))
	default:
		s.status.SetText(lang.L("{{.Count}} results for “{{.Query}}”", map[string]any{"Count": len(s.hits), "Query": q}))
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
}

// open shows a hit in the reader with its matches highlighted.
func (s *searchScreen) open(i int) {
	if i < 0 || i >= len(s.hits) {
		return
	}
	h := s.hits[i]
	ch := s.e.pack.ChapterIndex(h.Chapter)
	if h.Event != "" {
		s.e.openTimeline(h.Event)
		return
	}
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
	s.selected = min(len(s.hits)-1, max(0, s.selected+d))
	s.list.ScrollTo(s.selected)
	s.list.Refresh()
	s.highlightSelected()
}

func (s *searchScreen) highlightSelected() {
	// Selecting in the list would open the hit; the keyboard cursor is
	// shown by scrolling to it and marking it in the status line instead.
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

// resultRow is one search result: the chapter title and the context with
// the matched words in bold and highlighted colour.
type resultRow struct {
	widget.BaseWidget
	chapter *widget.Label
	context *widget.RichText
	// cursor marks the result the arrow keys have reached.
	cursor *canvas.Rectangle
}

func newResultRow() *resultRow {
	r := &resultRow{chapter: widget.NewLabel(""), context: widget.NewRichText(), cursor: canvas.NewRectangle(color.Transparent)}
	r.chapter.TextStyle.Bold = true
	r.chapter.Importance = widget.LowImportance
	r.context.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

func (r *resultRow) set(e *Exhibit, h search.Hit, atCursor bool) {
	r.cursor.FillColor = color.Transparent
	if atCursor {
		r.cursor.FillColor = theme.Color(theme.ColorNameSelection)
	}
	r.cursor.Refresh()
	where := ""
	if ch := e.pack.Chapter(h.Chapter); ch != nil {
		where = lang.L("Chapter {{.N}}: {{.Title}}", map[string]any{"N": e.pack.ChapterIndex(h.Chapter) + 1, "Title": ch.Title})
	} else if h.Event != "" {
		where = lang.L("Timeline")
		for _, ev := range e.pack.Timeline.Events {
			if ev.ID == h.Event {
				where = lang.L("Timeline: {{.Date}} — {{.Headline}}", map[string]any{"Date": ev.Display, "Headline": ev.Headline})
			}
		}
	}
	r.chapter.SetText(where)
	r.context.Segments = contextSegments(h.Context, h.ContextRanges)
	r.context.Refresh()
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
	return widget.NewSimpleRenderer(container.NewStack(r.cursor, container.NewVBox(r.chapter, r.context)))
}
