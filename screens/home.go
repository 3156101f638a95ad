package screens

import (
	"image"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
)

// homeScreen is the title plate with a card per chapter and the entries to the
// other parts of the exhibit.
type homeScreen struct {
	e      *Exhibit
	scroll *container.Scroll
	// built is the content, kept while key (language, colours, text
	// size) and the reading position's label stay the same.
	built fyne.CanvasObject
	key   string
}

func newHomeScreen(e *Exhibit) *homeScreen { return &homeScreen{e: e} }

func (h *homeScreen) content() fyne.CanvasObject {
	key := h.e.contentKey() + "/" + strconv.FormatBool(h.e.prefs.HasPosition(h.e.pack)) + "/" + strconv.FormatBool(h.e.kiosk != nil) + "/" + strconv.Itoa(h.e.problemCount())
	if h.built != nil && h.key == key {
		return h.built
	}
	h.key = key
	h.built = h.build()
	return h.built
}

func (h *homeScreen) build() fyne.CanvasObject {
	e := h.e
	p := e.pack

	source := p.Source.Title
	if p.Source.Reference != "" {
		source = strings.TrimSpace(source + " (" + p.Source.Reference + ")")
	}
	title := newPlate(p.Title, p.Subtitle, source)
	// Half the window at most, so that the buttons show on the first
	// screen of a 1024×768 projector at the Projector text size.
	title.maxHeight = func() float32 { return e.win.Canvas().Size().Height * 0.5 }
	hero := fyne.CanvasObject(title)
	if p.Cover != "" {
		hero = h.withCover(title)
	}

	readLabel := lang.L("Start reading")
	if e.prefs.HasPosition(p) {
		readLabel = lang.L("Continue reading")
	}
	read := newKeyButton(e, readLabel, theme.DocumentIcon(), e.resume)
	read.Importance = widget.HighImportance
	actions := []fyne.CanvasObject{
		read,
	}
	if e.kiosk == nil {
		actions = append(actions, newKeyButton(e, lang.L("Present (F5)"), theme.ComputerIcon(), e.startPresenter))
	}
	if e.hasAnyNarration() {
		actions = append(actions, newKeyButton(e, lang.L("Guided tour"), theme.MediaPlayIcon(), e.startTour))
	}
	if len(p.Timeline.Events) > 0 {
		actions = append(actions, newKeyButton(e, lang.L("Timeline"), theme.HistoryIcon(), func() { e.openTimeline("") }))
	}
	if len(p.Photos) > 0 {
		actions = append(actions, newKeyButton(e, lang.L("Pictures"), theme.MediaPhotoIcon(), e.openGallery))
	}
	actions = append(actions, newKeyButton(e, lang.L("Search"), theme.SearchIcon(), e.openSearch))
	if p.Source.OriginalText != "" {
		actions = append(actions, newKeyButton(e, lang.L("Original text"), theme.DocumentIcon(), e.openOriginal))
	}
	if e.kiosk == nil {
		// Visitors at a kiosk never reach the settings: staff go through
		// the PIN ('Dành cho cán bộ'), which leaves kiosk mode first.
		actions = append(actions, newKeyButton(e, lang.L("Settings"), theme.SettingsIcon(), e.openSettings))
	}
	// In kiosk mode the problems wait behind the staff PIN.
	if n := e.problemCount(); n > 0 && e.kiosk == nil {
		warn := newKeyButton(e, lang.L("Pack problems ({{.Count}})", map[string]any{"Count": n}), theme.WarningIcon(), e.openProblems)
		warn.Importance = widget.WarningImportance
		actions = append(actions, warn)
	}

	cards := make([]fyne.CanvasObject, 0, len(p.Chapters))
	for i, ch := range p.Chapters {
		i := i
		cards = append(cards, newCard(e, strconv.Itoa(i+1), ch.Title, excerpt(ch, 180), func() { e.openChapter(i, -1, nil) }))
	}
	chaptersTitle := widget.NewLabelWithStyle(lang.L("Chapters"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	chaptersTitle.SizeName = theme.SizeNameSubHeadingText

	body := container.NewVBox(hero)
	if e.notice != nil {
		notice := widget.NewLabelWithStyle(e.notice.Text(e.prefs.Language()), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		notice.Wrapping = fyne.TextWrapWord
		notice.Importance = widget.WarningImportance
		body.Add(notice)
	}
	body.Objects = append(body.Objects,
		container.New(&flowLayout{}, actions...),
		chaptersTitle,
		container.New(&gridLayout{minCell: 360 * e.prefs.HallScale()}, cards...),
		spacer(e.win.Canvas().Scale()),
	)
	h.scroll = container.NewVScroll(pageColumn(1400*e.prefs.HallScale(), container.NewPadded(body)))
	return h.scroll
}

// withCover puts the pack's cover picture beside the title plate, shown
// only where the window is wide enough.
func (h *homeScreen) withCover(plate fyne.CanvasObject) fyne.CanvasObject {
	info, err := photos.Inspect(h.e.pack.FS, h.e.pack.Cover)
	if err != nil {
		fyne.LogError("cover "+h.e.pack.Cover, err)
		return plate
	}
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	row := &coverRow{e: h.e, path: h.e.pack.Cover, img: img, aspect: 16.0 / 9}
	if info.Width > 0 && info.Height > 0 {
		row.aspect = float32(info.Width) / float32(info.Height)
	}
	if c := h.e.firstCover; c != nil && c.path == row.path {
		h.e.firstCover = nil
		row.decoded, row.decodedW = c.img, c.width
	}
	return container.New(row, plate, img)
}

// coverShare is the most of the home's width the cover takes.
const coverShare = 0.4

// coverStep rounds the cover's decoded width up, so that small changes of
// the window's size do not decode it again.
const coverStep = 256

// coverRow lays out the title plate and, at its right, the cover picture
// as tall as the plate and at most two fifths of the width. The picture
// asks for no room: on a narrow window it is left out rather than
// squeezing the title.
//
// The picture is decoded in Layout, where its size on screen is known,
// not at the pack's full size: scaling a 1600-pixel cover down to the
// 400 pixels a 1024-pixel window shows cost the first frame ~80 ms in
// Fyne's painter, and decoding it ~60 ms more (bench/startup.sh). It is
// decoded again, larger, only when the window grows past what was
// decoded, and in Layout, so every frame shows it at its current size.
// What the image shows is then that picture scaled to exactly the pixels
// it covers on screen (photos.Scale, ~3 ms at 1024 pixels): Fyne's painter
// scales any other size itself, at each size change, with a slower
// filter (~20 ms of the first frame).
type coverRow struct {
	e      *Exhibit
	path   string
	img    *canvas.Image
	aspect float32
	// decoded is the picture as decoded, for decodedW pixels of width;
	// failed is set once it cannot be decoded.
	decoded  image.Image
	decodedW int
	failed   bool
}

func (c *coverRow) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	plate, img := objs[0], objs[1]
	pad := theme.Padding()
	w := min(s.Height*c.aspect, s.Width*coverShare)
	if s.Width < plate.MinSize().Width+w+pad || w < theme.TextSize()*8 || !c.decode(w) {
		w = 0
	}
	plate.Move(fyne.NewPos(0, 0))
	if w == 0 {
		plate.Resize(s)
		img.Hide()
		return
	}
	plate.Resize(fyne.NewSize(s.Width-w-pad, s.Height))
	// The picture's own shape, centred in the w×height box it may fill.
	pw, ph := w, w/c.aspect
	if ph > s.Height {
		pw, ph = s.Height*c.aspect, s.Height
	}
	img.Show()
	img.Move(fyne.NewPos(s.Width-w+(w-pw)/2, (s.Height-ph)/2))
	img.Resize(fyne.NewSize(pw, ph))
	c.fit(pw, ph)
}

// decode makes sure the picture is decoded at least w (in Fyne units)
// wide; it reports false when the picture cannot be decoded.
func (c *coverRow) decode(w float32) bool {
	if c.failed {
		return false
	}
	px := c.pixels(w)
	if c.decoded != nil && px <= c.decodedW {
		return true
	}
	dc, err := decodeCover(c.e.keptCovers, c.e.pack.FS, c.path, px)
	if err != nil {
		fyne.LogError("cover "+c.path, err)
		c.failed = true
		return false
	}
	c.decoded, c.decodedW = dc.img, dc.width
	if b := dc.img.Bounds(); b.Dx() > 0 && b.Dy() > 0 {
		// The decoded shape wins over the header's guess (or 16:9): fit
		// scales the picture to the box, it does not letterbox it.
		c.aspect = float32(b.Dx()) / float32(b.Dy())
	}
	if c.e.win.FullScreen() {
		// Decoded on the UI thread: next time at start, beside it.
		c.e.prefs.SetFullScreenCoverWidth(px)
	}
	return true
}

// pixels is how many pixels v Fyne units cover, rounded as Fyne's painter
// rounds the size of an image's texture. (The painter also multiplies by
// the framebuffer's scale, 1 on X11 and Windows; where it is not, Fyne
// scales the picture once more, which costs time, not correctness.)
func (c *coverRow) pixels(v float32) int {
	return int(math.Round(float64(v * c.e.win.Canvas().Scale())))
}

// fit shows the decoded picture at exactly the pixels of a w×h (Fyne
// units) image, so that Fyne's painter draws it as it is.
func (c *coverRow) fit(w, h float32) {
	pw, ph := c.pixels(w), c.pixels(h)
	if pw < 1 || ph < 1 {
		return
	}
	if c.img.Image != nil {
		if b := c.img.Image.Bounds(); b.Dx() == pw && b.Dy() == ph {
			return
		}
	}
	if b := c.decoded.Bounds(); b.Dx() == pw && b.Dy() == ph {
		c.img.Image = c.decoded
	} else {
		c.img.Image = photos.Scale(c.decoded, pw, ph)
	}
	c.img.Refresh()
}

// decodedCover is a cover picture decoded for a width.
type decodedCover struct {
	path string
	img  image.Image
	// width is the widest the picture may be shown, in pixels, without
	// decoding it again.
	width int
}

// decodeCover decodes the cover at path for a width of at least px pixels,
// rounded up to coverStep, or reads it from kept when it was decoded so
// before.
func decodeCover(kept photos.Kept, fsys fs.FS, path string, px int) (*decodedCover, error) {
	want := (px + coverStep - 1) / coverStep * coverStep
	im, err := kept.Load(fsys, path, want, 0)
	if err != nil {
		return nil, err
	}
	dc := &decodedCover{path: path, img: im, width: want}
	if b := im.Bounds(); b.Dx() < want {
		dc.width = 1 << 30 // the picture's full size: never again
	}
	return dc, nil
}

func (c *coverRow) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (h *homeScreen) shown() {}

func (h *homeScreen) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyPageDown, fyne.KeyRight, fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		// A clicker's "next" from the title plate starts the exhibit.
		h.e.resume()
		return true
	case fyne.KeyDown:
		scrollBy(h.scroll, 60)
		return true
	case fyne.KeyUp:
		scrollBy(h.scroll, -60)
		return true
	case fyne.KeyEnd:
		scrollTo(h.scroll, h.scroll.Content.MinSize().Height)
		return true
	case fyne.KeyHome:
		scrollTo(h.scroll, 0)
		return true
	}
	return false
}

// excerpt returns the start of a chapter's first paragraph, cut at a word.
func excerpt(ch *exhibit.Chapter, n int) string {
	for _, b := range ch.Blocks {
		if b.Kind != exhibit.Paragraph {
			continue
		}
		if decorative(b) {
			continue // a title line or an attribution, not prose
		}
		t := b.Text()
		r := []rune(t)
		if len(r) <= n {
			return t
		}
		cut := string(r[:n])
		if i := strings.LastIndex(cut, " "); i > n/2 {
			cut = cut[:i]
		}
		return strings.TrimRight(cut, " ,;:") + "…"
	}
	return ""
}

// decorative reports whether a paragraph is set entirely in bold or
// italics, as a document's title block and attribution are.
func decorative(b exhibit.Block) bool {
	for _, sp := range b.Spans {
		if !sp.Strong && !sp.Emphasis && strings.TrimSpace(sp.Text) != "" {
			return false
		}
	}
	return true
}

// scrollBy moves a scroll container by dy, within its content.
func scrollBy(s *container.Scroll, dy float32) {
	if s == nil {
		return
	}
	scrollTo(s, s.Offset.Y+dy)
}

func scrollTo(s *container.Scroll, y float32) {
	if s == nil {
		return
	}
	maxY := max(0, s.Content.Size().Height-s.Size().Height)
	s.Offset.Y = min(max(0, y), maxY)
	s.Refresh()
	if s.OnScrolled != nil {
		s.OnScrolled(s.Offset)
	}
}

// gridLayout places cards in as many equal columns as fit (one to three),
// all rows as tall as the tallest card.
type gridLayout struct{ minCell float32 }

func (g *gridLayout) cols(width float32) int {
	return max(1, min(3, int(width/g.minCell)))
}

func (g *gridLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	pad := theme.Padding() * 2
	n := g.cols(s.Width)
	cw := (s.Width - pad*float32(n-1)) / float32(n)
	for _, o := range objs {
		// Wrapped at the column's width first: how tall a card must
		// be depends on how many lines its title takes there.
		o.Resize(fyne.NewSize(cw, o.Size().Height))
	}
	ch := g.cellHeight(objs)
	for i, o := range objs {
		r, c := i/n, i%n
		o.Move(fyne.NewPos(float32(c)*(cw+pad), float32(r)*(ch+pad)))
		o.Resize(fyne.NewSize(cw, ch))
	}
}

func (g *gridLayout) cellHeight(objs []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (g *gridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	// The width is not known here; assume the widest common case of two
	// columns, which Layout corrects.
	pad := theme.Padding() * 2
	rows := (len(objs) + 1) / 2
	ch := g.cellHeight(objs)
	return fyne.NewSize(g.minCell, float32(rows)*ch+float32(rows-1)*pad)
}

// flowLayout places buttons left to right, wraps them onto new lines and
// centres each line. Like Fyne's GridWrap it remembers the width of its
// last layout to report how tall it is, so its minimum width is only its
// widest button and it never forces the window wider than the screen.
type flowLayout struct {
	width float32
	// leading puts each line at the left rather than centred.
	leading bool
}

func (f *flowLayout) rows(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	pad := theme.Padding() * 2
	var rows [][]fyne.CanvasObject
	var row []fyne.CanvasObject
	x := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(row) > 0 && x+w > width {
			rows, row, x = append(rows, row), nil, 0
		}
		row = append(row, o)
		x += w + pad
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

func (f *flowLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	f.width = s.Width
	pad := theme.Padding() * 2
	y := float32(0)
	for _, row := range f.rows(objs, s.Width) {
		w, h := -pad, float32(0)
		for _, o := range row {
			m := o.MinSize()
			w += m.Width + pad
			h = max(h, m.Height)
		}
		x := max(0, (s.Width-w)/2)
		if f.leading {
			x = 0
		}
		for _, o := range row {
			m := o.MinSize()
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(m.Width, h))
			x += m.Width + pad
		}
		y += h + pad
	}
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding() * 2
	var widest float32
	for _, o := range objs {
		widest = max(widest, o.MinSize().Width)
	}
	width := f.width
	if width <= 0 {
		width = 1e6 // not laid out yet: assume one line
	}
	var h float32
	for i, row := range f.rows(objs, max(width, widest)) {
		rh := float32(0)
		for _, o := range row {
			rh = max(rh, o.MinSize().Height)
		}
		if i > 0 {
			h += pad
		}
		h += rh
	}
	return fyne.NewSize(widest, h)
}
