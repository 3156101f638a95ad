package screens

import (
	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"trienlam/audio"

	"trienlam/internal/exhibit"
	"trienlam/screens/chapterview"
)

// readerScreen shows one chapter at a time: a top bar with the way home, the
// table of contents and the text size, the text itself, and the previous
// and next chapters at the bottom.
type readerScreen struct {
	e       *Exhibit
	chapter int
	// captionSlot holds the player's large captions: the band that gives
	// way on a short screen.
	captionSlot *fyne.Container
	// block is the block to bring into view when the chapter is shown,
	// -1 for the top.
	block   int
	marks   map[int][][2]int
	view    *chapterview.View
	scroll  *container.Scroll
	tocOpen bool
	// lastTop is the block last stored as the reading position, so the
	// preferences are written only when it changes.
	lastTop int

	title, position *widget.Label
	prev, next      *keyButton
	tocBox          *fyne.Container
	tocPanel        *fyne.Container
	tocHolder       *fyne.Container
	player          *playerBar
	// savedOffset is the scroll position to return to when coming back
	// from a screen opened over the reader (a clip, a picture), -1 when a
	// chapter was opened anew.
	savedOffset float32
	// built is the content, kept while the exhibit's content key stays.
	built    fyne.CanvasObject
	key      string
	figures  *fyne.Container
	pictures *tourPictures
}

func newReaderScreen(e *Exhibit) *readerScreen {
	return &readerScreen{e: e, block: -1, lastTop: -2, savedOffset: -1}
}

func (r *readerScreen) ch() *exhibit.Chapter { return r.e.pack.Chapters[r.chapter] }

// open selects the chapter and the block to show; content and shown do
// the rest.
func (r *readerScreen) open(i, block int, marks map[int][][2]int) {
	r.chapter, r.block, r.marks = i, block, marks
	r.savedOffset = -1
	if r.view != nil {
		r.view.SetBlocks(r.ch().Blocks)
		r.view.SetMarks(marks)
		r.refreshBars()
	}
}

func (r *readerScreen) content() fyne.CanvasObject {
	if r.built != nil && r.key == r.e.contentKey() {
		r.view.SetBlocks(r.ch().Blocks)
		r.view.SetMarks(r.marks)
		r.refreshBars()
		return r.built
	}
	r.key = r.e.contentKey()
	r.built = r.build()
	return r.built
}

func (r *readerScreen) build() fyne.CanvasObject {
	e := r.e
	r.view = chapterview.New(r.ch().Blocks)
	r.view.SetMarks(r.marks)
	r.figures = container.NewVBox()
	r.scroll = container.NewVScroll(container.NewVBox(r.view, r.figures))
	r.scroll.OnScrolled = func(fyne.Position) { r.remember() }

	home := newKeyButton(e, lang.L("Home"), theme.HomeIcon(), e.goHome)
	toc := newKeyButton(e, lang.L("Contents"), theme.MenuIcon(), r.toggleTOC)
	smaller := newKeyButton(e, "A–", nil, func() { e.stepText(-1) })
	larger := newKeyButton(e, "A+", nil, func() { e.stepText(+1) })
	find := newKeyButton(e, lang.L("Search"), theme.SearchIcon(), e.openSearch)
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	bar := topBar([]fyne.CanvasObject{home, toc}, r.title, []fyne.CanvasObject{smaller, larger, find})

	r.prev = newKeyButton(e, "", theme.NavigateBackIcon(), func() { r.step(-1) })
	r.next = newKeyButton(e, "", theme.NavigateNextIcon(), func() { r.step(+1) })
	r.next.IconPlacement = widget.ButtonIconTrailingText
	r.prev.Alignment, r.next.Alignment = widget.ButtonAlignLeading, widget.ButtonAlignTrailing
	// The neighbouring chapters' titles shorten with "…" when they do not
	// fit beside the position: they must never widen the window.
	r.prev.shrink, r.next.shrink = shrinkEllipsis, shrinkEllipsis
	r.position = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	bottom := newBar([]fyne.CanvasObject{r.prev}, r.position, []fyne.CanvasObject{r.next})
	bottomBg := newThemedRect(theme.ColorNameHeaderBackground)

	r.view.OnTapped = r.tapped
	r.pictures = newTourPictures(r)
	r.player = newPlayerBar(r)

	r.tocBox = container.NewVBox()
	r.tocPanel = container.NewStack(newThemedRect(theme.ColorNameHeaderBackground),
		container.NewVScroll(container.NewPadded(r.tocBox)))
	r.refreshBars()
	south := container.NewVBox(
		container.NewPadded(r.player.tourBox),
		r.player.box,
		container.NewStack(bottomBg, container.NewPadded(bottom)),
	)
	middle := container.New(&readerRow{}, r.tocSlot(), r.scroll, r.pictures.holder)
	// The large captions give way on a short screen (a 1024×768 projector
	// at the Projector text size, during the tour): the chapter's text
	// then keeps a few lines, with the spoken sentence highlighted in it.
	r.captionSlot = container.NewStack(r.player.captions)
	return newGiveWayPage(&giveWayPage{top: bar, extra: r.captionSlot, body: middle, bottom: south, below: true,
		room: func() float32 { return theme.TextSize() * 6 }})
}

// tocSlot holds the table of contents panel when open.
func (r *readerScreen) tocSlot() fyne.CanvasObject {
	r.tocHolder = container.NewStack()
	if r.tocOpen {
		r.tocHolder.Add(r.tocPanel)
	}
	return r.tocHolder
}

// readerRow lays out the reader's middle: the contents panel (when open)
// at the left, the text, and the tour's pictures (when shown) at the
// right. The panels get their share of the width here, at layout time:
// asked for in MinSize as a share of the window, they made the window
// grow — a window grows to what it holds, the share grew with it, and the
// guided tour under a maximising window manager reached 1,344 px on a
// 1,024 px display. The minimum is the text column plus the contents
// panel's least width; the pictures ask for nothing and give way first.
type readerRow struct{}

// tocLeast is the narrowest the contents panel is.
const tocLeast = 240

func (readerRow) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	toc, text, pics := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	textMin := text.MinSize().Width
	var tocW, picW float32
	if len(toc.(*fyne.Container).Objects) > 0 {
		tocW = min(theme.TextSize()*20, max(tocLeast, s.Width*0.3))
		tocW = max(0, min(tocW, s.Width-textMin-pad))
	}
	if len(pics.(*fyne.Container).Objects) > 0 {
		picW = min(s.Width*0.38, s.Width-tocW-textMin-2*pad)
		if picW < theme.TextSize()*8 {
			picW = 0 // too narrow to show a picture: the text keeps the room
		}
	}
	x := float32(0)
	place := func(o fyne.CanvasObject, w float32) {
		if w <= 0 {
			o.Hide()
			return
		}
		o.Show()
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, s.Height))
		x += w + pad
	}
	place(toc, tocW)
	textW := s.Width - x
	if picW > 0 {
		textW -= picW + pad
	}
	place(text, textW)
	place(pics, picW)
}

func (readerRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	toc, text := objs[0], objs[1]
	m := text.MinSize()
	if len(toc.(*fyne.Container).Objects) > 0 {
		m.Width += tocLeast + theme.Padding()
		m.Height = max(m.Height, toc.MinSize().Height)
	}
	return m
}

func (r *readerScreen) toggleTOC() {
	r.tocOpen = !r.tocOpen
	r.tocHolder.RemoveAll()
	if r.tocOpen {
		r.tocHolder.Add(r.tocPanel)
	}
	r.tocHolder.Refresh()
}

// refreshBars updates titles, the previous/next buttons and the table of
// contents for the current chapter.
func (r *readerScreen) refreshBars() {
	e := r.e
	n := len(e.pack.Chapters)
	r.title.SetText(r.ch().Title)
	r.position.SetText(lang.L("Chapter {{.N}} of {{.Total}}", map[string]any{"N": r.chapter + 1, "Total": n}))
	if r.chapter > 0 {
		r.prev.SetText(e.pack.Chapters[r.chapter-1].Title)
		r.prev.Enable()
		r.prev.Show()
	} else {
		r.prev.SetText("")
		r.prev.Hide()
	}
	if r.chapter < n-1 {
		r.next.SetText(e.pack.Chapters[r.chapter+1].Title)
		r.next.Show()
	} else {
		r.next.SetText(lang.L("The end"))
		r.next.Show()
	}
	r.showFigures()
	if r.player != nil {
		r.player.showChapter()
	}

	r.tocBox.RemoveAll()
	for i, ch := range e.pack.Chapters {
		i := i
		b := newKeyButton(e, ch.Title, nil, func() { e.openChapter(i, -1, nil) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		b.shrink = shrinkEllipsis // a long title ends in "…" in the narrow panel
		if i == r.chapter {
			b.Importance = widget.HighImportance
		}
		r.tocBox.Add(b)
		if i != r.chapter {
			continue
		}
		for bi, blk := range ch.Blocks {
			if blk.Kind != exhibit.Heading || bi == 0 {
				continue
			}
			bi := bi
			hb := newKeyButton(e, "   "+blk.Text(), nil, func() { r.scrollToBlock(bi) })
			hb.Alignment = widget.ButtonAlignLeading
			hb.Importance = widget.LowImportance
			hb.shrink = shrinkEllipsis
			r.tocBox.Add(hb)
		}
	}
	r.tocBox.Refresh()
}

// showFigures sets the chapter's pictures in its text: after the block
// the pack names for each ("id@3"), the others after the text, each with
// its whole caption; a tap opens the viewer on the chapter's set.
func (r *readerScreen) showFigures() {
	if r.figures == nil {
		return
	}
	r.figures.RemoveAll()
	ch := r.ch()
	var ids []string
	for _, id := range ch.Photos {
		if r.e.pack.Photo(id) != nil {
			ids = append(ids, id)
		}
	}
	if clips := r.clipButtons(); len(clips) > 0 {
		title := widget.NewLabelWithStyle(lang.L("Video clips"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		r.figures.Add(pageColumn(theme.TextSize()*44, container.NewPadded(container.NewVBox(title, container.New(&gridLayout{minCell: 280}, clips...)))))
	}
	var placed []chapterview.Figure
	var rest []fyne.CanvasObject
	for i, id := range ids {
		i := i
		f := newFigure(r.e, r.e.pack.Photo(id), func() { r.e.openViewer(ids, i) })
		if after, ok := ch.PhotoAfter[id]; ok && after < len(ch.Blocks) {
			placed = append(placed, chapterview.Figure{After: after, Object: f})
		} else {
			rest = append(rest, f)
		}
	}
	r.view.SetFigures(placed)
	if len(rest) > 0 {
		title := widget.NewLabelWithStyle(lang.L("Pictures in this chapter"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		// As wide as the reading column, like the pictures in the text.
		width := chapterview.ColumnWidth(theme.TextSize())
		r.figures.Add(pageColumn(width, container.NewVBox(append([]fyne.CanvasObject{title}, rest...)...)))
	}
	r.figures.Refresh()
}

// tapped moves the narration to a paragraph tapped while it plays.
func (r *readerScreen) tapped(block int) {
	n := r.e.narr
	if block < 0 || n == nil || n.chapter != r.chapter || n.player.State() != audio.Playing {
		return
	}
	n.playFromBlock(r.chapter, block)
}

// topBlock returns the block at the top of the view.
func (r *readerScreen) topBlock() int {
	if r.view == nil || r.scroll == nil {
		return 0
	}
	return r.view.BlockAt(r.scroll.Offset.Y + theme.TextSize()*1.5)
}

// keepInView scrolls so that a block being spoken is on screen, leaving
// the view alone while it already is.
func (r *readerScreen) keepInView(block int) {
	top := r.view.BlockTop(block)
	bottom := r.view.BlockBottom(block)
	y, h := r.scroll.Offset.Y, r.scroll.Size().Height
	if top >= y && min(bottom, top+h*0.6) <= y+h {
		return
	}
	scrollTo(r.scroll, top-theme.TextSize())
}

// step moves to the previous (-1) or next (+1) chapter; after the last
// chapter, "next" shows the closing page (the tour goes home).
func (r *readerScreen) step(d int) {
	i := r.chapter + d
	if r.e.touring && i >= 0 && i < len(r.e.pack.Chapters) {
		// During the tour, moving to another chapter narrates it.
		r.e.openChapter(i, -1, nil)
		if hasNarration(r.e.pack.Chapters[i]) {
			r.e.narrator().play(i, 0)
		}
		r.player.refreshTour()
		return
	}
	switch {
	case i < 0:
		return
	case i >= len(r.e.pack.Chapters) && r.e.touring:
		r.e.goHome()
	case i >= len(r.e.pack.Chapters):
		r.e.openClosing()
	default:
		r.e.openChapter(i, -1, nil)
	}
}

func (r *readerScreen) shown() {
	if r.savedOffset >= 0 {
		// Back from a clip or a picture: exactly where the visitor was.
		scrollTo(r.scroll, r.savedOffset)
		r.savedOffset = -1
		return
	}
	if r.block >= 0 {
		r.scrollToBlock(r.block)
	} else {
		scrollTo(r.scroll, 0)
	}
	r.remember()
}

// scrollToBlock brings a block to the top of the view, a line below the
// edge so it is clearly the start of what is shown.
func (r *readerScreen) scrollToBlock(i int) {
	r.block = i
	scrollTo(r.scroll, r.view.BlockTop(i)-theme.TextSize())
}

// remember stores the block at the top of the view as the reading
// position, so the reader reopens there after a restart.
func (r *readerScreen) remember() {
	if r.view == nil || r.scroll == nil {
		return
	}
	top := r.view.BlockAt(r.scroll.Offset.Y + theme.TextSize())
	if r.scroll.Offset.Y <= 0 {
		top = -1
	}
	if top == r.lastTop && r.e.prefs.HasPosition(r.e.pack) {
		return
	}
	r.lastTop = top
	r.e.prefs.SetPosition(r.e.pack, r.ch().ID, top)
}

// typedKey is the reader's key map: arrows and clicker keys page through
// the text, then on to the next or previous chapter.
func (r *readerScreen) typedKey(ev *fyne.KeyEvent) bool {
	s := r.scroll
	if s == nil {
		return false
	}
	line := theme.TextSize() * 1.5 * 3
	page := max(line, s.Size().Height-theme.TextSize()*3)
	atTop := s.Offset.Y <= 0.5
	atBottom := s.Offset.Y >= s.Content.Size().Height-s.Size().Height-0.5
	switch ev.Name {
	case fyne.KeyDown:
		scrollBy(s, line)
	case fyne.KeyUp:
		scrollBy(s, -line)
	case fyne.KeyPageDown, fyne.KeySpace:
		if atBottom {
			r.step(+1)
		} else {
			scrollBy(s, page)
		}
	case fyne.KeyPageUp:
		if atTop && r.chapter > 0 {
			r.e.openChapter(r.chapter-1, len(r.e.pack.Chapters[r.chapter-1].Blocks)-1, nil)
		} else {
			scrollBy(s, -page)
		}
	case fyne.KeyRight:
		r.step(+1)
	case fyne.KeyLeft:
		r.step(-1)
	case fyne.KeyHome:
		scrollTo(s, 0)
	case fyne.KeyEnd:
		scrollTo(s, s.Content.Size().Height)
	case fyne.KeyP:
		if hasNarration(r.ch()) {
			r.player.play.OnTapped()
		}
	case fyne.KeyEscape:
		switch {
		case r.tocOpen:
			r.toggleTOC() // Esc first closes the contents, like any drawer
		case r.e.touring:
			r.e.stopTour() // then ends the tour, then leaves
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// fixedWidth gives its content a width computed at layout time, or
// nothing when empty. The width must not be a share of the window: the
// window grows to what it holds, and the share would feed on itself.
type fixedWidth struct {
	width func() float32
}

func (f *fixedWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
	}
}

func (f *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width(), h)
}
