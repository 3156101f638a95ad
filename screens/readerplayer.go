package screens

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/audio"
	"trienlam/audio/captions"
	"trienlam/screens/exhibittheme"
)

// playerBar is the narration control under a chapter: play/pause, back
// and forward 10 s, a seek bar with elapsed and total time, volume, "play
// from the paragraph on screen", and who is speaking. Above it, the
// captions bar shows the sentence being spoken in large type for the hall.
type playerBar struct {
	r *readerScreen

	box                     *fyne.Container
	play, back, fwd, here   *keyButton
	seek                    *seekBar
	time                    *widget.Label
	volume                  *widget.Slider
	voice                   *widget.Label
	notice                  *widget.Label
	captions                *fyne.Container
	captionBox              *fyne.Container
	lastCue                 int
	tourLabel               *widget.Label
	tourBox                 *fyne.Container
	tourPause, tourSkip     *keyButton
	tourStop                *keyButton
	captionBg               *canvas.Rectangle
	captionsShown, hasVoice bool
	controls                *fyne.Container
	// compact is set at the large text steps: shorter labels and icon-only
	// buttons keep the controls on one row, leaving the hall the text.
	compact bool
	// lastState is the state last shown, -1 before any.
	lastState audio.State
	// cueShown is set when the highlight and captions changed since the
	// last tick: the window is redrawn then, and the tour's picture moves
	// in the same frame rather than in one of its own.
	cueShown bool
}

func newPlayerBar(r *readerScreen) *playerBar {
	e := r.e
	b := &playerBar{r: r, lastCue: -1, lastState: -1, compact: e.prefs.TextStep() >= exhibittheme.StepLarge}
	n := e.narrator()
	b.play = newKeyButton(e, b.listenLabel(), theme.MediaPlayIcon(), func() {
		switch n.player.State() {
		case audio.Playing:
			n.player.Pause()
		case audio.Paused:
			n.player.Play()
		default:
			n.play(r.chapter, -1)
		}
	})
	b.play.Importance = widget.HighImportance
	b.back = newKeyButton(e, "–10 s", theme.MediaFastRewindIcon(), func() { n.player.SkipBy(-10 * time.Second) })
	b.fwd = newKeyButton(e, "+10 s", theme.MediaFastForwardIcon(), func() { n.player.SkipBy(10 * time.Second) })
	b.fwd.IconPlacement = widget.ButtonIconTrailingText
	b.here = newKeyButton(e, lang.L("Read from this paragraph"), theme.MediaSkipNextIcon(), func() {
		n.playFromBlock(r.chapter, max(0, r.topBlock()))
	})
	if b.compact {
		b.back.SetText("")
		b.fwd.SetText("")
		b.here.SetText("")
	}
	b.seek = newSeekBar()
	b.seek.OnChangeEnded = func(v float64) {
		n.player.Seek(time.Duration(v * float64(time.Second)))
	}
	b.time = widget.NewLabel("0:00 / 0:00")
	b.volume = widget.NewSlider(0, 1)
	b.volume.Step = 0.05
	b.volume.Value = e.prefs.Volume()
	b.volume.OnChanged = func(v float64) {
		n.player.SetVolume(v)
	}
	b.volume.OnChangeEnded = func(v float64) { e.prefs.SetVolume(v) }
	volBox := container.NewBorder(nil, nil, widget.NewIcon(theme.VolumeUpIcon()), nil, b.volume)
	b.voice = widget.NewLabel(voiceCredit(e))
	b.voice.Importance = widget.LowImportance
	b.voice.Truncation = fyne.TextTruncateEllipsis
	b.notice = widget.NewLabel("")
	b.notice.Importance = widget.WarningImportance
	b.notice.Wrapping = fyne.TextWrapWord
	b.notice.Hide()

	controls := container.NewHBox(b.back, b.play, b.fwd)
	right := container.NewHBox(b.time, b.here)
	if e.prefs.TextStep() < exhibittheme.StepLarge {
		// At hall sizes the reading space matters more; the volume
		// stays in the settings.
		right = container.NewHBox(b.time, container.New(&fixedWidth{width: func() float32 { return theme.TextSize() * 7 }}, volBox), b.here)
	}
	b.controls = container.New(&playerLayout{hint: func() float32 { return e.win.Canvas().Size().Width }}, controls, b.seek, right)
	b.box = container.NewVBox(b.notice, b.controls)

	// The captions bar: the sentence being spoken, large, for the hall.
	b.captionBg = canvas.NewRectangle(theme.Color(exhibittheme.ColorNamePlate))
	b.captionBox = container.NewVBox()
	b.captions = container.NewStack(b.captionBg, container.NewPadded(b.captionBox))
	b.captions.Hide()

	b.tourLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.tourPause = newKeyButton(e, lang.L("Pause"), theme.MediaPauseIcon(), func() { n.player.Toggle() })
	b.tourSkip = newKeyButton(e, lang.L("Skip chapter"), theme.MediaSkipNextIcon(), e.tourNext)
	b.tourStop = newKeyButton(e, lang.L("Stop the tour"), theme.MediaStopIcon(), e.stopTour)
	b.tourLabel.Truncation = fyne.TextTruncateEllipsis
	b.tourPause.shrink, b.tourSkip.shrink, b.tourStop.shrink = shrinkToIcon, shrinkToIcon, shrinkToIcon
	b.tourBox = newBar(nil, b.tourLabel, []fyne.CanvasObject{b.tourPause, b.tourSkip, b.tourStop})
	b.tourBox.Hide()

	n.onCue = b.cueChanged
	n.onState = b.stateChanged
	n.onDevice = func(err error) { b.showNotice() }
	return b
}

func (b *playerBar) listenLabel() string {
	if b.compact {
		return lang.L("Listen")
	}
	return lang.L("Listen to the narration")
}

// voiceCredit names who speaks the narration, from the pack's credits:
// for the built-in pack, the synthetic voice.
func voiceCredit(e *Exhibit) string {
	for _, c := range e.pack.Credits {
		if strings.HasPrefix(strings.ToLower(c.Role), "giọng đọc") || strings.Contains(strings.ToLower(c.Role), "voice") {
			return c.Role
		}
	}
	return ""
}

// showChapter updates the bar for the reader's chapter: hidden when it has
// no narration.
func (b *playerBar) showChapter() {
	r := b.r
	ch := r.ch()
	b.hasVoice = hasNarration(ch)
	if !b.hasVoice {
		b.box.Hide()
		b.captions.Hide()
		return
	}
	b.box.Show()
	n := r.e.narrator()
	if n.chapter != r.chapter {
		b.lastCue = -1
		b.setCaption("")
	}
	b.stateChanged(n.player.State())
	b.showNotice()
	b.refreshTour()
}

func (b *playerBar) showNotice() {
	n := b.r.e.narrator()
	switch {
	case n.player.Silent():
		b.notice.SetText(lang.L("No sound device found (Không tìm thấy thiết bị âm thanh): the narration runs silently, with captions."))
		b.notice.Show()
	case n.failure() != nil && n.chapter == b.r.chapter:
		// Why, in the exhibit's language (audio.Problem), naming the file.
		why := audio.Problem(b.r.e.pack.Chapters[n.chapter].Narration, n.failure()).StringIn(b.r.e.prefs.Language())
		b.notice.SetText(lang.L("The narration of this chapter cannot be played: {{.Error}}", map[string]any{"Error": why}))
		b.notice.Show()
	case n.player.Damage() != nil && n.chapter == b.r.chapter:
		// A cut recording: it plays up to the cut, and says so.
		b.notice.SetText(audio.Problem(b.r.e.pack.Chapters[n.chapter].Narration, n.player.Damage()).StringIn(b.r.e.prefs.Language()))
		b.notice.Show()
	case n.player.CaptionsErr() != nil && n.chapter == b.r.chapter:
		b.notice.SetText(lang.L("The captions of this chapter cannot be read: {{.Error}}", map[string]any{"Error": n.player.CaptionsErr()}))
		b.notice.Show()
	default:
		b.notice.Hide()
	}
}

// stateChanged follows the player: button labels, the time and the seek
// bar. It is also called on every tick while playing.
func (b *playerBar) stateChanged(s audio.State) {
	r := b.r
	n := r.e.narrator()
	if n.chapter != r.chapter {
		s = audio.Idle // another chapter's track; this one has not started
	}
	if s == b.lastState && s == audio.Playing {
		b.updateTime()
		if n.chapter == r.chapter {
			r.pictures.follow(n.player.Position(), b.cueShown)
		}
		b.cueShown = false
		return
	}
	b.lastState = s
	switch s {
	case audio.Playing:
		b.play.SetText(lang.L("Pause"))
		b.play.SetIcon(theme.MediaPauseIcon())
		b.tourPause.SetText(lang.L("Pause"))
		b.tourPause.SetIcon(theme.MediaPauseIcon())
	case audio.Paused:
		b.play.SetText(lang.L("Continue"))
		b.play.SetIcon(theme.MediaPlayIcon())
		b.tourPause.SetText(lang.L("Continue"))
		b.tourPause.SetIcon(theme.MediaPlayIcon())
	case audio.Loading:
		b.play.SetText(lang.L("Loading…"))
	default:
		b.play.SetText(b.listenLabel())
		b.play.SetIcon(theme.MediaPlayIcon())
	}
	if s == audio.Failed || s == audio.Ready || s == audio.Playing {
		b.showNotice() // a failure, or a cut recording that plays up to the cut
	}
	b.updateTime()
	showCaptions := n.chapter == r.chapter && (s == audio.Playing || s == audio.Paused) && b.lastCue >= 0
	if showCaptions != b.captionsShown {
		b.captionsShown = showCaptions
		if showCaptions {
			b.captions.Show()
		} else {
			b.captions.Hide()
		}
	}
	if s == audio.Ended || s == audio.Ready || s == audio.Idle {
		r.view.SetMarks(r.marks)
	}
}

// updateTime shows the position in the time label and the seek bar.
func (b *playerBar) updateTime() {
	r := b.r
	n := r.e.narrator()
	var pos, dur time.Duration
	if n.chapter == r.chapter {
		pos, dur = n.player.Position(), n.player.Duration()
	}
	// Nothing while the row is hidden (the guided tour hides it): a
	// hidden label's new text still redraws the whole window, once a
	// second for nothing seen. refreshTour brings it up to date when the
	// row shows again.
	if !b.controls.Visible() || !b.box.Visible() {
		return
	}
	// Redraw only when the shown second changes: in software OpenGL each
	// redraw is costly, and this runs ten times a second while playing.
	if label := clock(pos) + " / " + clock(dur); label != b.time.Text {
		b.time.SetText(label)
		if dur > 0 && !b.seek.dragging {
			b.seek.Max = dur.Seconds()
			b.seek.Value = pos.Seconds()
			b.seek.Refresh()
		}
	}
}

// cueChanged highlights the sentence being spoken, keeps it in view and
// shows it in the captions bar.
func (b *playerBar) cueChanged(i int) {
	r := b.r
	n := r.e.narrator()
	if n.chapter != r.chapter || r.view == nil {
		return
	}
	b.lastCue = i
	cues := n.player.Cues()
	if i < 0 || i >= len(cues) {
		b.showCue(nil)
		return
	}
	b.showCue(&cues[i])
}

// showCue shows a caption in the captions bar and highlights its
// sentence; nil clears both. The voice's cues come through cueChanged; a
// chapter whose narration cannot play shows its cues by the clock
// (silentChapter).
func (b *playerBar) showCue(c *captions.Cue) {
	r := b.r
	if r.view == nil {
		return
	}
	b.cueShown = true
	if c == nil {
		b.setCaption("")
		r.view.SetMarks(nil)
		b.captions.Hide()
		b.captionsShown = false
		return
	}
	b.setCaption(c.Text)
	if !b.captionsShown {
		b.captions.Show()
		b.captionsShown = true
	}
	if c.Block >= 0 && c.Block < len(r.ch().Blocks) && c.To > c.From {
		r.view.SetMarks(map[int][][2]int{c.Block: {{c.From, c.To}}})
		r.keepInView(c.Block)
	}
}

// setCaption shows text in the captions bar, wrapped, at most three
// lines of large type.
func (b *playerBar) setCaption(text string) {
	b.captionBox.RemoveAll()
	if text == "" {
		b.captionBox.Refresh()
		return
	}
	size := theme.Size(theme.SizeNameSubHeadingText) * 1.15
	width := b.r.e.win.Canvas().Size().Width - theme.Padding()*8
	lines := clampLines(wrapWords(text, width, size, fyne.TextStyle{}), 3, width, size, fyne.TextStyle{})
	fg := theme.Color(exhibittheme.ColorNameOnPlate)
	for _, l := range lines {
		t := canvas.NewText(l, fg)
		t.TextSize = size
		t.Alignment = fyne.TextAlignCenter
		b.captionBox.Add(t)
	}
	// Who speaks goes with every caption: the built-in voice is synthetic
	// and says so.
	if credit := b.voice.Text; credit != "" {
		c := canvas.NewText(credit, theme.Color(exhibittheme.ColorNameGoldOnPlate))
		c.TextSize = theme.Size(theme.SizeNameCaptionText)
		c.Alignment = fyne.TextAlignTrailing
		b.captionBox.Add(c)
	}
	b.captionBox.Refresh()
}

// refreshTour shows the guided tour's bar while the tour runs.
func (b *playerBar) refreshTour() {
	e := b.r.e
	b.r.pictures.update()
	if !e.touring {
		b.tourBox.Hide()
		b.controls.Show()
		b.updateTime()
		return
	}
	// The tour bar has its own pause, skip and stop: the player's row
	// would only take reading space from the hall.
	b.controls.Hide()
	b.tourLabel.SetText(lang.L("Guided tour — chapter {{.N}} of {{.Total}}", map[string]any{"N": b.r.chapter + 1, "Total": len(e.pack.Chapters)}))
	b.tourBox.Show()
}

// clock formats a duration as m:ss.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// seekBar is a slider that knows when a finger or mouse is on it, so the
// playing position does not fight the visitor's drag.
type seekBar struct {
	widget.Slider
	dragging bool
}

func newSeekBar() *seekBar {
	s := &seekBar{}
	s.Min, s.Max, s.Step = 0, 1, 0.1
	s.Orientation = widget.Horizontal
	s.ExtendBaseWidget(s)
	return s
}

// Dragged is part of fyne.Draggable.
func (s *seekBar) Dragged(e *fyne.DragEvent) {
	s.dragging = true
	s.Slider.Dragged(e)
}

// DragEnd is part of fyne.Draggable.
func (s *seekBar) DragEnd() {
	s.dragging = false
	s.Slider.DragEnd()
}

// playerLayout puts the buttons, the seek bar and the time on one row when
// they fit; on a narrow window or at projector text size the seek bar
// takes a row of its own above the buttons, so nothing ever overlaps.
type playerLayout struct {
	width float32
	// hint gives the width to plan for before the first layout: the
	// window's, which the row nearly spans.
	hint func() float32
}

// minSeek is the narrowest useful seek bar.
func minSeek() float32 { return theme.TextSize() * 6 }

func (l *playerLayout) oneRow(objs []fyne.CanvasObject, width float32) bool {
	pad := theme.Padding()
	return objs[0].MinSize().Width+objs[2].MinSize().Width+minSeek()+pad*2 <= width
}

func (l *playerLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	if len(objs) != 3 {
		return
	}
	l.width = s.Width
	left, seek, right := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	lm, rm, sm := left.MinSize(), right.MinSize(), seek.MinSize()
	if l.oneRow(objs, s.Width) {
		h := max(lm.Height, rm.Height)
		left.Move(fyne.NewPos(0, (s.Height-lm.Height)/2))
		left.Resize(lm)
		right.Move(fyne.NewPos(s.Width-rm.Width, (s.Height-rm.Height)/2))
		right.Resize(rm)
		seek.Move(fyne.NewPos(lm.Width+pad, (h-sm.Height)/2))
		seek.Resize(fyne.NewSize(s.Width-lm.Width-rm.Width-pad*2, sm.Height))
		return
	}
	seek.Move(fyne.NewPos(0, 0))
	seek.Resize(fyne.NewSize(s.Width, sm.Height))
	y := sm.Height + pad
	left.Move(fyne.NewPos(0, y))
	left.Resize(lm)
	if lm.Width+rm.Width+pad <= s.Width {
		right.Move(fyne.NewPos(s.Width-rm.Width, y))
	} else {
		y += lm.Height + pad
		right.Move(fyne.NewPos(max(0, s.Width-rm.Width), y))
	}
	right.Resize(fyne.NewSize(min(rm.Width, s.Width), rm.Height))
}

func (l *playerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) != 3 {
		return fyne.Size{}
	}
	lm, sm, rm := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	width := l.width
	if width <= 0 && l.hint != nil {
		width = l.hint() - theme.Padding()*2
	}
	pad := theme.Padding()
	if width > 0 && l.oneRow(objs, width) {
		return fyne.NewSize(max(lm.Width, rm.Width), max(lm.Height, rm.Height, sm.Height))
	}
	h := sm.Height + pad + lm.Height
	if width > 0 && lm.Width+rm.Width+pad > width {
		h += pad + rm.Height
	}
	return fyne.NewSize(max(lm.Width, rm.Width), h)
}
