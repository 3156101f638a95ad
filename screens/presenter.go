package screens

import (
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/audio"
	"trienlam/internal/exhibit"
	"trienlam/internal/slides"
	"trienlam/platform/nosleep"
	"trienlam/screens/slideview"
)

// presenterScreen is presenterScreen mode: the audience sees the slides full screen —
// on the projector when there is a second display — while the laptop
// shows the console: current and next slide, notes, elapsed time and the
// clock, and the list of slides to jump to.
type presenterScreen struct {
	e     *Exhibit
	deck  []slides.Slide
	at    int
	blank slideview.Blank
	// typed collects digits for "number then Enter".
	typed string

	audience fyne.Window // the projector's window; nil with one screen
	audView  *slideview.View
	// single is set with one screen: the main window shows the audience
	// view with a small overlay the presenter can hide.
	single      bool
	overlay     *fyne.Container
	overlayText *widget.Label
	// overlayWanted is whether the presenter asked for the overlay (H);
	// it starts hidden, as the audience sees the same screen, and never
	// shows over a black or white screen.
	overlayWanted bool
	// padded is the window's padding before presenting on one screen:
	// the slide fills the window edge to edge while presenting.
	padded bool

	current, next *slideview.View
	notes         *widget.Label
	status        *widget.Label
	clock         *widget.Label
	list          *widget.List
	started       time.Time
	stopClock     chan struct{}
	inhibit       func()
	swapped       bool
	// windowSize is the window's size before presenting, to return to.
	windowSize fyne.Size
}

func newPresenterScreen(e *Exhibit) *presenterScreen {
	return &presenterScreen{e: e, deck: slides.FromPack(e.pack, slideview.Measure)}
}

// hasSecondScreen reports whether a projector is attached as a second
// display.
func (e *Exhibit) hasSecondScreen() bool {
	if e.secondScreen != nil {
		return e.secondScreen()
	}
	d, ok := e.app.Driver().(desktop.Driver)
	return ok && d.HasSecondaryDisplay()
}

// startPresenter opens presenter mode at the first slide.
func (e *Exhibit) startPresenter() {
	if e.presenting != nil || e.kiosk != nil {
		return
	}
	p := newPresenterScreen(e)
	if len(p.deck) == 0 {
		return
	}
	e.presenting = p
	p.single = !e.hasSecondScreen()
	p.started = e.now()
	if !p.single {
		p.audience = e.app.NewWindow(WindowTitle + " — " + lang.L("Audience"))
		p.audView = slideview.New()
		p.audience.SetPadded(false) // the slide edge to edge, no frame
		p.audience.SetContent(p.audView)
		p.audience.Canvas().SetOnTypedKey(e.typedKey)
		p.audience.SetOnClosed(func() { p.audience = nil; e.stopPresenter() })
		p.audience.Show()
		if w, ok := p.audience.(desktop.Window); ok {
			w.RequestFullScreenSecondary()
		} else {
			p.audience.SetFullScreen(true)
		}
	}
	// The screen must not blank or lock while the hall is watching.
	p.inhibit = nosleep.Inhibit(lang.L("Presenting the exhibit"))
	p.windowSize = e.win.Canvas().Size()
	if p.single {
		// No window padding: a frame of the theme's background around
		// the slide would show on the projector, and B would not be black.
		p.padded = e.win.Padded()
		e.win.SetPadded(false)
	}
	e.show(p, true)
	if p.single {
		e.win.SetFullScreen(true)
	}
	p.startClock()
}

// stopPresenter ends presenter mode and returns to where it started.
func (e *Exhibit) stopPresenter() {
	p := e.presenting
	if p == nil {
		return
	}
	e.presenting = nil
	p.stopTicking()
	if p.inhibit != nil {
		p.inhibit()
	}
	if p.audience != nil {
		a := p.audience
		p.audience = nil
		a.Close()
	}
	if e.current == p {
		e.back()
	}
	// Leave full screen after the content is back: doing it first left the
	// window at the full-screen size under some window managers.
	if p.single {
		e.win.SetPadded(p.padded)
		full := e.prefs.FullScreen()
		e.win.SetFullScreen(full)
		if !full && p.windowSize.Width > 0 {
			// Fyne keeps the full-screen size as the window's size when
			// the content changed meanwhile: give the old size back.
			e.win.Resize(p.windowSize)
		}
	}
}

func (p *presenterScreen) content() fyne.CanvasObject {
	e := p.e
	if p.single {
		return p.singleContent()
	}
	end := newKeyButton(e, lang.L("End (Esc)"), theme.CancelIcon(), e.stopPresenter)
	black := newKeyButton(e, lang.L("Black (B)"), nil, func() { p.toggleBlank(slideview.Black) })
	white := newKeyButton(e, lang.L("White (W)"), nil, func() { p.toggleBlank(slideview.White) })
	swap := newKeyButton(e, lang.L("Swap screens (T)"), theme.ViewRefreshIcon(), p.swapScreens)
	narrate := newKeyButton(e, lang.L("Narration"), theme.MediaPlayIcon(), p.narrate)
	title := widget.NewLabelWithStyle(lang.L("Presenter console"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{end}, title, []fyne.CanvasObject{narrate, black, white, swap})

	p.current = slideview.New()
	p.next = slideview.New()
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.notes.SizeName = theme.SizeNameSubHeadingText
	p.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.clock = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	p.clock.SizeName = theme.SizeNameSubHeadingText

	p.list = widget.NewList(
		func() int { return len(p.deck) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s", id+1, slideSummary(p.deck[id])))
			o.(*widget.Label).TextStyle.Bold = id == p.at
		},
	)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		p.goTo(id)
	}

	left := container.NewBorder(nil, nil, nil, nil,
		container.NewVSplit(container.New(&aspectLayout{ratio: 16.0 / 9}, p.current),
			container.NewBorder(widget.NewLabelWithStyle(lang.L("Notes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
				container.NewVScroll(p.notes))))
	nextBox := container.NewBorder(widget.NewLabel(lang.L("Next")), nil, nil, nil, container.New(&aspectLayout{ratio: 16.0 / 9, minW: 320}, p.next))
	right := container.NewBorder(container.NewVBox(nextBox, container.NewBorder(nil, nil, p.status, p.clock)), nil, nil, nil, p.list)
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	p.refresh()
	return container.NewBorder(bar, nil, nil, nil, split)
}

// singleContent is the one-screen layout: the slide full screen and, when
// the presenter asks for it (H), a band of notes under the slide.
func (p *presenterScreen) singleContent() fyne.CanvasObject {
	p.audView = slideview.New()
	p.overlayText = widget.NewLabel("")
	p.overlayText.Wrapping = fyne.TextWrapWord
	p.overlayText.SizeName = theme.SizeNameCaptionText
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	p.overlay = container.NewStack(bg, container.NewPadded(p.overlayText))
	p.overlay.Hide() // the audience sees this screen: H shows the notes
	p.refresh()
	return container.New(notesBand{}, p.audView, p.overlay)
}

// notesBand lays out the one-screen presenter: the slide over the whole
// screen, or, while the notes show, the slide above and the notes in a
// band below it — at most a third of the height — so that the notes never
// cover what the audience reads (on a 1024×768 projector a corner box
// covered the slide's text).
type notesBand struct{}

func (notesBand) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	slide, notes := objs[0], objs[1]
	h := float32(0)
	if notes.Visible() {
		// A wrapped label knows its height only once it has its width.
		notes.Resize(fyne.NewSize(s.Width, notes.MinSize().Height))
		h = min(notes.MinSize().Height, s.Height/3)
		notes.Move(fyne.NewPos(0, s.Height-h))
		notes.Resize(fyne.NewSize(s.Width, h))
	}
	slide.Move(fyne.NewPos(0, 0))
	slide.Resize(fyne.NewSize(s.Width, s.Height-h))
}

// MinSize is the slide's: the notes take room from it, never add to it.
func (notesBand) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (p *presenterScreen) shown() {}

// slideSummary is a slide's line in the console's list.
func slideSummary(s slides.Slide) string {
	t := s.Title
	if t == "" {
		t = s.Text
	}
	if r := []rune(t); len(r) > 90 {
		t = string(r[:90]) + "…"
	}
	return t
}

// refresh shows the current slide everywhere.
func (p *presenterScreen) refresh() {
	cur := p.deck[p.at]
	p.setSlide(p.audView, cur)
	p.setSlide(p.current, cur)
	// After the closing slide, "next" starts again from the title.
	p.setSlide(p.next, p.deck[(p.at+1)%len(p.deck)])
	for _, v := range []*slideview.View{p.audView, p.current} {
		if v != nil {
			v.SetBlank(p.blank)
		}
	}
	p.showOverlay()
	if p.notes != nil {
		p.notes.SetText(cur.Notes)
		p.list.Refresh()
		p.list.ScrollTo(p.at)
	}
	p.updateStatus()
}

// showOverlay shows the one-screen overlay when the presenter asked for
// it and the screen is not blanked.
func (p *presenterScreen) showOverlay() {
	if p.overlay == nil {
		return
	}
	if p.overlayWanted && p.blank == slideview.NotBlank {
		p.overlay.Show()
	} else {
		p.overlay.Hide()
	}
	// The band takes its room from the slide: lay out again.
	if c := p.e.win.Content(); c != nil {
		c.Refresh()
	}
}

func (p *presenterScreen) updateStatus() {
	where := lang.L("Slide {{.N}} of {{.Total}}", map[string]any{"N": p.at + 1, "Total": len(p.deck)})
	if p.typed != "" {
		where += " → " + p.typed
	}
	switch p.blank {
	case slideview.Black:
		where += " · " + lang.L("black screen")
	case slideview.White:
		where += " · " + lang.L("white screen")
	}
	now := p.e.now()
	elapsed := now.Sub(p.started).Round(time.Second)
	clock := fmt.Sprintf("%s · %s", clockHMS(elapsed), now.Format("15:04"))
	if p.status != nil {
		p.status.SetText(where)
		p.clock.SetText(clock)
	}
	if p.overlayText != nil {
		note := p.deck[p.at].Notes
		if r := []rune(note); len(r) > 280 {
			note = string(r[:280]) + "…"
		}
		p.overlayText.SetText(where + " · " + clock + "\n" + note)
	}
}

// setSlide shows a slide in a view, fetching its picture in the background.
func (p *presenterScreen) setSlide(v *slideview.View, s slides.Slide) {
	if v == nil {
		return
	}
	caption, label := "", ""
	var ph *exhibit.Photo
	if s.Kind == slides.Picture {
		ph = p.e.pack.Photo(s.Photo)
	}
	if ph != nil {
		caption = ph.Caption
		if ph.Kind == exhibit.KindIllustration {
			label = lang.L("Illustration, not a photograph")
		}
	}
	v.SetSlide(s, nil, caption, label)
	if ph == nil {
		return
	}
	size := p.e.win.Canvas().Size()
	at := p.at
	p.e.thumbnail(ph, int(size.Width*1.5), int(size.Height*1.5), func(img image.Image, err error) {
		if err == nil && v.Slide() == s && (p.at == at || v == p.next) {
			v.SetPicture(img)
		}
	})
}

func (p *presenterScreen) goTo(i int) {
	if i < 0 || i >= len(p.deck) {
		return
	}
	p.at = i
	p.blank = slideview.NotBlank
	p.refresh()
}

func (p *presenterScreen) toggleBlank(b slideview.Blank) {
	if p.blank == b {
		p.blank = slideview.NotBlank
	} else {
		p.blank = b
	}
	p.refresh()
}

// swapScreens moves the audience view to the other display, for when the
// projector turned out to be the primary screen.
func (p *presenterScreen) swapScreens() {
	if p.audience == nil {
		return
	}
	aw, ok1 := p.audience.(desktop.Window)
	mw, ok2 := p.e.win.(desktop.Window)
	if !ok1 || !ok2 {
		return
	}
	p.swapped = !p.swapped
	if p.swapped {
		p.audience.SetFullScreen(false)
		mw.RequestFullScreenSecondary()
		p.audience.SetFullScreen(true)
	} else {
		p.e.win.SetFullScreen(false)
		aw.RequestFullScreenSecondary()
	}
}

// narrate plays the chapter narration from the slide's paragraph.
func (p *presenterScreen) narrate() {
	s := p.deck[p.at]
	i := p.e.pack.ChapterIndex(s.Chapter)
	if i < 0 || !hasNarration(p.e.pack.Chapters[i]) {
		return
	}
	n := p.e.narrator()
	if n.player.State() == audio.Playing {
		n.player.Pause()
		return
	}
	n.playFromBlock(i, max(0, s.Block))
}

// typedKey is the presenter's key map, for keyboards and clickers.
func (p *presenterScreen) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace, fyne.KeyDown:
		p.goTo((p.at + 1) % len(p.deck))
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp:
		p.goTo(p.at - 1)
	case fyne.KeyHome:
		p.goTo(0)
	case fyne.KeyEnd:
		p.goTo(len(p.deck) - 1)
	case fyne.KeyB, fyne.KeyPeriod:
		p.toggleBlank(slideview.Black)
	case fyne.KeyW, fyne.KeyComma:
		p.toggleBlank(slideview.White)
	case fyne.KeyT:
		p.swapScreens()
	case fyne.KeyH:
		p.overlayWanted = !p.overlayWanted
		p.showOverlay()
	case fyne.KeyReturn, fyne.KeyEnter:
		if n, err := strconv.Atoi(p.typed); err == nil {
			p.typed = ""
			p.goTo(n - 1)
		}
	case fyne.KeyBackspace:
		if p.typed != "" {
			p.typed = p.typed[:len(p.typed)-1]
			p.updateStatus()
		}
	case fyne.KeyEscape:
		if p.typed != "" {
			p.typed = ""
			p.updateStatus()
			return true
		}
		p.e.stopPresenter()
	case fyne.KeyF5:
		// Already presenting.
	default:
		if d := strings.TrimPrefix(string(ev.Name), ""); len(d) == 1 && d[0] >= '0' && d[0] <= '9' {
			p.typed += d
			p.updateStatus()
			return true
		}
		return false
	}
	return true
}

// startClock updates the elapsed time and clock once a second while
// presenting, and stops with the presentation.
func (p *presenterScreen) startClock() {
	p.stopClock = make(chan struct{})
	tickOnUI(time.Second, p.stopClock, func() chan struct{} { return p.stopClock }, p.updateStatus)
}

func (p *presenterScreen) stopTicking() {
	if p.stopClock != nil {
		close(p.stopClock)
		p.stopClock = nil
	}
}

// clockHMS formats a duration as h:mm:ss or m:ss.
func clockHMS(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// aspectLayout keeps its content at an aspect ratio, centred, as large as
// fits: slide previews look like the projector's picture.
type aspectLayout struct{ ratio, minW float32 }

func (a *aspectLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	w, h := s.Width, s.Width/a.ratio
	if h > s.Height {
		h, w = s.Height, s.Height*a.ratio
	}
	for _, o := range objs {
		o.Move(fyne.NewPos((s.Width-w)/2, (s.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (a *aspectLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	w := max(160, a.minW)
	return fyne.NewSize(w, w/a.ratio)
}
