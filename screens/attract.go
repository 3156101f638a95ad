package screens

import (
	"image"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/audio"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// The attract loop's pace. Each picture stays attractPeriod while it pans
// in steps of attractStep: a few pixels at a time is a slow, calm drift.
// Each frame only moves a texture already on the graphics card, but in
// software OpenGL every frame still redraws the whole screen (about 3.4 %
// of a core per frame a second at 1280×720, bench/cpu.sh on a quiet
// machine), so the picture moves every two seconds, about thirteen pixels
// at a time, as the guided tour's pictures do (pictureStep). Once every
// picture is decoded, the loop used 5.6 % of a core stepping every second
// and a half, 5.1 % every second before that was measured.
const (
	attractPeriod = 12 * time.Second
	attractStep   = 2 * time.Second
	// attractOverscan is how much larger than the screen a picture is
	// drawn, the room it pans across; attractTravel bounds the pan to a
	// fraction of the screen, so a wide picture drifts as slowly as any.
	attractOverscan = 1.08
	attractTravel   = 0.06
	// attractVoiceRetry is the pause before the next chapter's voice when
	// one cannot play.
	attractVoiceRetry = 30 * time.Second
)

// attractScreen is the kiosk's attract loop, between visitors: the pack's
// pictures one after another, photographs full screen with a slow pan,
// illustrations whole and still (showWhole); the exhibit's title above; a
// large, solid "Chạm để bắt đầu" below; the guided tour's voice when staff
// want it (a setting). It covers the whole window: nothing of the screens
// beneath shows through. A touch, a click or a key starts a new visit
// (kioskMode.active).
type attractScreen struct {
	e    *Exhibit
	view *attractView
	ids  []string // the pictures shown, in pack order
	// at is the index in ids of the picture on screen, -1 for none;
	// since is when it came.
	at    int
	since time.Time
	timer audio.Timer
	// running is set while the loop moves.
	running bool

	// The tour's voice: the chapter playing (kept between loops), the
	// callbacks the reader
	// had set on the narrator, and the pause after a voice that failed.
	voiceChapter int
	voiceTimer   audio.Timer
	saved        *narratorHooks
}

// narratorHooks are the narrator's callbacks, kept while the attract loop
// uses the narrator on its own.
type narratorHooks struct {
	onCue    func(int)
	onState  func(audio.State)
	onEnded  func()
	onFailed func()
}

func newAttractScreen(e *Exhibit) *attractScreen {
	a := &attractScreen{e: e, at: -1, voiceChapter: -1}
	for _, p := range e.pack.Photos {
		a.ids = append(a.ids, p.ID)
	}
	return a
}

// attract returns the attract screen, made once.
func (e *Exhibit) attract() *attractScreen {
	if e.attractS == nil {
		e.attractS = newAttractScreen(e)
	}
	return e.attractS
}

func (a *attractScreen) content() fyne.CanvasObject {
	p := a.e.pack
	a.view = newAttractView(p.Title, p.Subtitle, func() {
		if k := a.e.kiosk; k != nil {
			k.touched()
		}
	})
	if len(a.ids) == 0 {
		// No pictures: the chapters' titles take turns instead.
		a.view.setFallback(a.fallbackText(0))
	}
	return a.view
}

func (a *attractScreen) fallbackText(i int) string {
	chs := a.e.pack.Chapters
	if len(chs) == 0 {
		return ""
	}
	return chs[i%len(chs)].Title
}

// typedKey swallows keys: a key is a visitor arriving (kiosk mode sees it
// first), not a command to whatever lies beneath.
func (a *attractScreen) typedKey(*fyne.KeyEvent) bool { return true }

// shown starts the loop from the first picture.
func (a *attractScreen) shown() {
	a.stop()
	a.running = true
	a.at = -1
	a.show(0)
	a.schedule()
	a.startVoice()
}

// stop stops the loop and its voice; nothing runs after.
func (a *attractScreen) stop() {
	a.running = false
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.stopVoice()
}

func (a *attractScreen) schedule() {
	e := a.e
	a.timer = e.clock.AfterFunc(attractStep, func() {
		e.post(func() {
			if a.running {
				a.step()
			}
		})
	})
}

// step moves the pan on, and to the next picture when its time is up.
func (a *attractScreen) step() {
	e := a.e
	if e.current != screen(a) {
		a.stop()
		return
	}
	at := e.clock.Now().Sub(a.since)
	if at >= attractPeriod {
		a.show(a.at + 1)
		at = 0
	}
	a.view.pan(float32(at) / float32(attractPeriod))
	a.schedule()
}

// show puts picture i (modulo their number) on screen, decoded at the
// size it is drawn, and asks for the next one meanwhile.
func (a *attractScreen) show(i int) {
	e := a.e
	a.since = e.clock.Now()
	if len(a.ids) == 0 {
		if i > 0 {
			a.view.setFallback(a.fallbackText(i))
		}
		a.at = i
		return
	}
	i %= len(a.ids)
	a.at = i
	p := e.pack.Photo(a.ids[i])
	a.view.setPicture(nil, p.Width, p.Height, i%2 == 1, showWhole(p), pictureCaption(p))
	w, h := a.pixelSize(p)
	shown := i
	e.thumbnail(p, w, h, func(img image.Image, err error) {
		if err == nil && a.at == shown && a.view != nil {
			a.view.setImage(img)
		}
	})
	// Decode the next picture ahead, so it comes without a gap.
	if len(a.ids) > 1 {
		next := e.pack.Photo(a.ids[(i+1)%len(a.ids)])
		nw, nh := a.pixelSize(next)
		e.thumbnail(next, nw, nh, func(image.Image, error) {})
	}
}

// preload decodes the first picture ahead, during the countdown, so the
// attract loop opens on a picture rather than on black.
func (a *attractScreen) preload() {
	if len(a.ids) == 0 {
		return
	}
	p := a.e.pack.Photo(a.ids[0])
	w, h := a.pixelSize(p)
	a.e.thumbnail(p, w, h, func(image.Image, error) {})
}

// pixelSize is the size in pixels a picture is decoded at: covering the
// window with the pan's overscan, or, for a picture shown whole, fitting
// in the window (its box between the bands is smaller; Fyne scales it
// down once, smoothly, when it comes).
func (a *attractScreen) pixelSize(p *exhibit.Photo) (int, int) {
	c := a.e.win.Canvas()
	s := coverSize(c.Size(), p.Width, p.Height)
	if showWhole(p) {
		s = fitSize(c.Size(), p.Width, p.Height)
	}
	return int(s.Width * c.Scale()), int(s.Height * c.Scale())
}

// showWhole reports whether the loop shows a picture whole rather than
// panning across it: an illustration (a chart, a map, a title card) is
// drawn to be read to its edges, and cropping it cut its words and bars;
// a photograph may be cropped a little and moved.
func showWhole(p *exhibit.Photo) bool { return p.Kind == exhibit.KindIllustration }

// pictureCaption is a picture's caption, its first sentence only (the
// attract screen is seen in passing), with illustrations said to be
// illustrations.
func pictureCaption(p *exhibit.Photo) string {
	caption := p.Caption
	if i := strings.Index(caption, ". "); i > 0 {
		caption = caption[:i+1]
	}
	return labelIllustration(p, caption)
}

// coverSize is the size of a w×h picture scaled to cover an area with
// the pan's overscan, keeping its proportions.
func coverSize(area fyne.Size, w, h int) fyne.Size {
	if w <= 0 || h <= 0 {
		w, h = 4, 3
	}
	aw, ah := area.Width*attractOverscan, area.Height*attractOverscan
	s := max(aw/float32(w), ah/float32(h))
	return fyne.NewSize(float32(w)*s, float32(h)*s)
}

// fitSize is the size of a w×h picture scaled to fit in an area, keeping
// its proportions.
func fitSize(area fyne.Size, w, h int) fyne.Size {
	if w <= 0 || h <= 0 {
		w, h = 4, 3
	}
	s := min(area.Width/float32(w), area.Height/float32(h))
	return fyne.NewSize(float32(w)*s, float32(h)*s)
}

// startVoice plays the guided tour's narration, chapter after chapter,
// when the setting asks for it. The reader is not shown: its callbacks
// are put aside until the loop ends.
func (a *attractScreen) startVoice() {
	e := a.e
	if !e.prefs.AttractVoice() || !e.hasAnyNarration() {
		return
	}
	n := e.narrator()
	a.saved = &narratorHooks{n.onCue, n.onState, n.onEnded, n.onFailed}
	n.onCue, n.onState = nil, nil
	n.onEnded, n.onFailed = a.nextVoice, a.voiceFailed
	// Each loop goes on with the chapter after the last one heard, so a
	// day of short loops still tells the whole exhibit.
	a.nextVoice()
}

// nextVoice plays the next narrated chapter, round and round.
func (a *attractScreen) nextVoice() {
	e := a.e
	if a.saved == nil {
		return
	}
	next := e.nextNarrated(a.voiceChapter)
	if next < 0 {
		next = e.nextNarrated(-1)
	}
	a.voiceChapter = next
	e.narrator().play(next, 0)
}

// voiceFailed notes a chapter whose narration cannot play, for staff, and
// goes on with the next after a pause; the pictures never stop.
func (a *attractScreen) voiceFailed() {
	e := a.e
	n := e.narr
	if a.saved == nil || n == nil || a.voiceTimer != nil {
		return
	}
	if err := n.failure(); err != nil && a.voiceChapter >= 0 {
		file := e.pack.Chapters[a.voiceChapter].Narration
		e.noteProblem(exhibit.UnplayableNarration(file, audio.Problem(file, err)))
	}
	var t audio.Timer
	t = e.clock.AfterFunc(attractVoiceRetry, func() {
		e.post(func() {
			if a.voiceTimer == t {
				a.voiceTimer = nil
				a.nextVoice()
			}
		})
	})
	a.voiceTimer = t
}

// stopVoice stops the loop's voice and gives the narrator back to the
// reader.
func (a *attractScreen) stopVoice() {
	if a.voiceTimer != nil {
		a.voiceTimer.Stop()
		a.voiceTimer = nil
	}
	if a.saved == nil {
		return
	}
	n := a.e.narr
	h := a.saved
	a.saved = nil
	n.onCue, n.onState, n.onEnded, n.onFailed = h.onCue, h.onState, h.onEnded, h.onFailed
	n.stopAll()
}

// attractView draws the attract screen: a photograph larger than the
// window, moved a little at each step, or an illustration whole between
// the bands; the title on a dark band above; the picture's caption; the
// invitation on a solid band below. Its objects are made once; pan only
// moves the picture.
type attractView struct {
	widget.BaseWidget
	title, subtitle string
	onTap           func()

	bg, top, bottom, capBg *canvas.Rectangle
	rule                   *canvas.Rectangle // gold, above the invitation
	img                    *canvas.Image
	titleText, subText     *canvas.Text
	invite, caption        *canvas.Text
	fallback               *canvas.Text

	captionText string
	picW, picH  int
	reverse     bool
	frac        float32
	// whole shows the picture whole, still, in box (the window between
	// the title's band and the caption), rather than panning across it.
	whole   bool
	boxPos  fyne.Position
	boxSize fyne.Size
}

func newAttractView(title, subtitle string, onTap func()) *attractView {
	v := &attractView{title: title, subtitle: subtitle, onTap: onTap}
	v.bg = canvas.NewRectangle(color.Black)
	v.img = canvas.NewImageFromImage(nil)
	v.img.FillMode = canvas.ImageFillStretch
	// The picture is decoded at the size it is drawn (pixelSize): let the
	// graphics driver take up a pixel of rounding rather than Fyne's
	// painter rescale the whole picture in software each time it comes
	// (~15 % of the loop's CPU, bench/cpu.sh).
	v.img.ScaleMode = canvas.ImageScaleFastest
	v.img.Hidden = true
	v.top = canvas.NewRectangle(withAlphaColor(color.Black, 0xB0))
	// Solid, not see-through: the invitation reads on any picture.
	v.bottom = canvas.NewRectangle(withAlphaColor(theme.Color(exhibittheme.ColorNamePlate), 0xFF))
	v.rule = canvas.NewRectangle(theme.Color(exhibittheme.ColorNameGoldOnPlate))
	v.capBg = canvas.NewRectangle(withAlphaColor(color.Black, 0xA0))
	v.titleText = canvas.NewText(title, color.White)
	v.titleText.TextStyle.Bold = true
	v.titleText.Alignment = fyne.TextAlignCenter
	v.subText = canvas.NewText(subtitle, theme.Color(exhibittheme.ColorNameGoldOnPlate))
	v.subText.Alignment = fyne.TextAlignCenter
	v.invite = canvas.NewText(lang.L("Touch to start"), theme.Color(exhibittheme.ColorNameOnPlate))
	v.invite.TextStyle.Bold = true
	v.invite.Alignment = fyne.TextAlignCenter
	v.caption = canvas.NewText("", color.White)
	v.caption.Alignment = fyne.TextAlignTrailing
	v.fallback = canvas.NewText("", color.White)
	v.fallback.TextStyle.Bold = true
	v.fallback.Alignment = fyne.TextAlignCenter
	v.ExtendBaseWidget(v)
	return v
}

// Tapped is part of fyne.Tappable: a tap anywhere is a visitor.
func (v *attractView) Tapped(*fyne.PointEvent) {
	if v.onTap != nil {
		v.onTap()
	}
}

// setPicture shows a new picture's caption and its size until the image
// is decoded; reverse pans the other way, whole shows it whole and still.
func (v *attractView) setPicture(img image.Image, w, h int, reverse, whole bool, caption string) {
	v.picW, v.picH, v.reverse, v.whole, v.frac = w, h, reverse, whole, 0
	// A picture shown whole is drawn a little smaller than decoded, and
	// only once: smooth scaling keeps its lettering clean. A panned one
	// is drawn at its decoded size, moved, never scaled again.
	v.img.ScaleMode = canvas.ImageScaleFastest
	if whole {
		v.img.ScaleMode = canvas.ImageScaleSmooth
	}
	v.img.Image = img
	v.img.Hidden = img == nil
	v.img.Refresh()
	v.captionText = caption
	v.caption.Text = caption
	v.Refresh()
}

// setImage puts the decoded picture in place.
func (v *attractView) setImage(img image.Image) {
	v.img.Image = img
	v.img.Hidden = img == nil
	v.img.Refresh()
	v.layoutPicture(v.Size())
}

// setFallback shows a line of text where a pack without pictures has no
// picture.
func (v *attractView) setFallback(text string) {
	v.fallback.Text = text
	v.fallback.Refresh()
}

// pan moves the picture to fraction f (0 to 1) of its drift.
func (v *attractView) pan(f float32) {
	v.frac = f
	v.layoutPicture(v.Size())
}

func (v *attractView) layoutPicture(s fyne.Size) {
	if s.Width <= 0 {
		return
	}
	if v.whole {
		size := fitSize(v.boxSize, v.picW, v.picH)
		v.img.Resize(size)
		v.img.Move(v.boxPos.Add(fyne.NewPos((v.boxSize.Width-size.Width)/2, (v.boxSize.Height-size.Height)/2)))
		return
	}
	size := coverSize(s, v.picW, v.picH)
	f := v.frac
	if v.reverse {
		f = 1 - f
	}
	// Left to right (or back) around the centre, with a gentle rise.
	dx, dy := size.Width-s.Width, size.Height-s.Height
	tx, ty := min(dx, s.Width*attractTravel), min(dy, s.Height*attractTravel/2)
	x := -(dx-tx)/2 - tx*f
	y := -(dy-ty)/2 - ty*f
	v.img.Resize(size)
	v.img.Move(fyne.NewPos(x, y))
}

// CreateRenderer is part of fyne.Widget.
func (v *attractView) CreateRenderer() fyne.WidgetRenderer {
	return &attractRenderer{v: v, objects: []fyne.CanvasObject{
		v.bg, v.img, v.fallback, v.top, v.titleText, v.subText, v.capBg, v.caption, v.bottom, v.rule, v.invite,
	}}
}

type attractRenderer struct {
	v       *attractView
	objects []fyne.CanvasObject
}

func (r *attractRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *attractRenderer) Destroy()                     {}
func (r *attractRenderer) MinSize() fyne.Size           { return fyne.NewSize(100, 100) }
func (r *attractRenderer) Refresh() {
	r.Layout(r.v.Size())
	for _, o := range r.objects {
		if o != r.v.img { // a picture is uploaded once, not on every refresh
			o.Refresh()
		}
	}
}

// Layout sets the type in proportion to the window, so the invitation
// reads from across a hall at 1024×768 and on a 4K screen alike.
func (r *attractRenderer) Layout(s fyne.Size) {
	v := r.v
	pad := theme.Padding() * 3
	unit := min(s.Width, s.Height*4/3) / 1024 // 1 at 1024×768
	width := s.Width - 2*pad

	v.bg.Resize(s)

	fit(v.titleText, max(theme.TextSize()*2, 34*unit), width)
	fit(v.subText, max(theme.TextSize()*1.3, 24*unit), width)
	th, sh := v.titleText.MinSize().Height, v.subText.MinSize().Height
	v.titleText.Move(fyne.NewPos(pad, pad))
	v.titleText.Resize(fyne.NewSize(width, th))
	v.subText.Move(fyne.NewPos(pad, pad+th))
	v.subText.Resize(fyne.NewSize(width, sh))
	v.top.Resize(fyne.NewSize(s.Width, th+sh+2*pad))

	fit(v.invite, max(theme.TextSize()*3, 64*unit), width)
	ih := v.invite.MinSize().Height
	bandH := ih + 2*pad
	v.bottom.Move(fyne.NewPos(0, s.Height-bandH))
	v.bottom.Resize(fyne.NewSize(s.Width, bandH))
	ruleH := max(2, 3*unit)
	v.rule.Move(fyne.NewPos(0, s.Height-bandH-ruleH))
	v.rule.Resize(fyne.NewSize(s.Width, ruleH))
	v.invite.Move(fyne.NewPos(pad, s.Height-bandH+pad))
	v.invite.Resize(fyne.NewSize(width, ih))

	fitCut(v.caption, v.captionText, max(theme.TextSize(), 18*unit), width-pad)
	ch := v.caption.MinSize().Height
	cw := v.caption.MinSize().Width
	v.caption.Move(fyne.NewPos(pad, s.Height-bandH-ch-pad/2))
	v.caption.Resize(fyne.NewSize(width, ch))
	v.capBg.Hidden = v.caption.Text == ""
	v.capBg.Move(fyne.NewPos(s.Width-pad-cw-pad/2, s.Height-bandH-ch-pad))
	v.capBg.Resize(fyne.NewSize(cw+pad, ch+pad/2))

	// A picture shown whole stands between the title's band and the
	// caption's, clear of both.
	boxTop := v.top.Size().Height + pad/2
	boxBottom := s.Height - bandH - ruleH - pad/2
	if !v.capBg.Hidden {
		boxBottom = v.capBg.Position().Y - pad/2
	}
	v.boxPos = fyne.NewPos(pad, boxTop)
	v.boxSize = fyne.NewSize(max(0, s.Width-2*pad), max(0, boxBottom-boxTop))
	v.layoutPicture(s)

	fit(v.fallback, max(theme.TextSize()*2, 40*unit), width)
	fh := v.fallback.MinSize().Height
	v.fallback.Move(fyne.NewPos(pad, (s.Height-fh)/2))
	v.fallback.Resize(fyne.NewSize(width, fh))
}

// fitCut sets text at size in t, made a little smaller to fit width and,
// below a legible size, cut at a word with "…".
func fitCut(t *canvas.Text, text string, size, width float32) {
	t.Text = text
	fit(t, size, width)
	if t.TextSize >= size*0.75 {
		return
	}
	t.TextSize = size * 0.75
	words := strings.Fields(text)
	for n := len(words) - 1; n > 0; n-- {
		t.Text = strings.Join(words[:n], " ") + "…"
		if fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width <= width {
			return
		}
	}
}

// fit sets a text's size, made smaller until it fits width (titles are
// never cut off).
func fit(t *canvas.Text, size, width float32) {
	t.TextSize = size
	for t.TextSize > 10 && fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width > width {
		t.TextSize *= 0.92
	}
}
