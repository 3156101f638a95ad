package screens

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/audio"
	"trienlam/audio/captions"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// tapAllowance is taken off every tap: the time between hearing a sentence
// begin and pressing the key (about a fifth of a second), plus the sound
// device's buffer, which plays a little behind the position. A caption
// that shows a moment early reads better than one that shows late.
const tapAllowance = 250 * time.Millisecond

// rewindOnUndo is how far before an undone mark playback goes back, so the
// sentence can be tapped again.
const rewindOnUndo = 3 * time.Second

// captionTimerScreen is the staff screen "Time the captions": a chapter's
// recording plays and staff press Space (or tap the big button) as each
// sentence begins; from the taps it writes the chapter's WebVTT captions
// into the pack folder, keeping the file it replaces. It is offered only
// for a pack opened from a folder.
type captionTimerScreen struct {
	e *Exhibit
	// chapters are the indexes of the chapters with narration; chapter is
	// the one chosen.
	chapters []int
	chapter  int
	// sentences are the chapter's sentences as cmd/narrate splits them
	// (captions.ChapterSentences), so that the cue identifiers are the same.
	sentences []captions.Sentence
	// marks are the start times tapped so far, one per sentence, rising.
	marks []time.Duration
	// running is set from Start until the captions are saved or the
	// timing cancelled; ended once the recording has played out.
	running, ended bool
	duration       time.Duration

	picker                  *widget.Select
	start, undo, save, next *keyButton
	status, notice, clock   *widget.Label
	dest                    *widget.Label
	controls                *fyne.Container
	rows                    []*sentenceRow
	list                    *fyne.Container
	scroll                  *container.Scroll
}

// openCaptionTimer shows the caption timing screen.
func (e *Exhibit) openCaptionTimer() {
	e.stopTour()
	e.show(newCaptionTimerScreen(e), true)
}

func newCaptionTimerScreen(e *Exhibit) *captionTimerScreen {
	s := &captionTimerScreen{e: e, chapter: -1}
	for i, ch := range e.pack.Chapters {
		if hasNarration(ch) {
			s.chapters = append(s.chapters, i)
		}
	}
	// The chapter last read, when it has narration; else the first.
	if len(s.chapters) > 0 {
		s.chapter = s.chapters[0]
		for _, i := range s.chapters {
			if i == e.reader.chapter {
				s.chapter = i
			}
		}
	}
	return s
}

func (s *captionTimerScreen) content() fyne.CanvasObject {
	e := s.e
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), func() {
		s.cancel()
		e.back()
	})
	title := widget.NewLabelWithStyle(lang.L("Time the captions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{back}, title, nil)

	names := make([]string, len(s.chapters))
	for k, i := range s.chapters {
		names[k] = strconv.Itoa(i+1) + ". " + e.pack.Chapters[i].Title
	}
	s.picker = widget.NewSelect(names, nil)
	for k, i := range s.chapters {
		if i == s.chapter {
			s.picker.Selected = names[k]
		}
	}
	s.picker.OnChanged = func(v string) {
		for k, n := range names {
			if n == v && s.chapters[k] != s.chapter {
				s.cancel()
				s.chapter = s.chapters[k]
				s.fillList()
				s.update()
			}
		}
	}

	s.start = newKeyButton(e, lang.L("Start"), theme.MediaPlayIcon(), s.begin)
	s.start.Importance = widget.HighImportance
	s.undo = newKeyButton(e, lang.L("Undo last mark"), theme.ContentUndoIcon(), s.undoMark)
	s.save = newKeyButton(e, lang.L("Save captions"), theme.DocumentSaveIcon(), s.saveCaptions)
	s.save.Importance = widget.SuccessImportance
	s.next = newKeyButton(e, lang.L("Next sentence"), theme.MediaSkipNextIcon(), s.mark)
	s.next.Importance = widget.HighImportance
	s.clock = widget.NewLabel("0:00.0 / 0:00")
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.notice = widget.NewLabel("")
	s.notice.Wrapping = fyne.TextWrapWord
	s.notice.Importance = widget.WarningImportance
	s.notice.Hide()

	s.dest = widget.NewLabel("")
	s.dest.Importance = widget.LowImportance
	s.dest.Truncation = fyne.TextTruncateEllipsis
	chapterRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Chapter")), nil, s.picker)
	s.controls = container.NewBorder(nil, nil, container.NewHBox(s.start, s.undo, s.clock, s.save), nil, s.dest)
	top := container.NewVBox(chapterRow, s.status, s.notice, s.controls)

	s.list = container.NewVBox()
	s.scroll = container.NewVScroll(s.list)
	s.fillList()

	// The tap button: wide, and twice a touch target tall, for a thumb
	// on a touch screen.
	big := container.New(&minHeight{h: func() float32 { return 2 * theme.Size(exhibittheme.SizeNameTouchTarget) }}, s.next)
	body := container.NewBorder(container.NewPadded(top), container.NewPadded(big), nil, nil, s.scroll)
	s.update()

	n := e.narrator()
	n.onCue = nil
	n.onState = s.stateChanged
	n.onDevice = func(error) { s.showNotice() }
	return container.NewBorder(bar, nil, nil, nil, pageColumn(theme.TextSize()*60, body))
}

// fillList shows the sentences of the chosen chapter.
func (s *captionTimerScreen) fillList() {
	s.sentences, s.marks, s.ended = nil, nil, false
	s.list.RemoveAll()
	s.rows = nil
	if s.chapter < 0 {
		s.list.Add(widget.NewLabel(lang.L("No chapter of this pack has narration. Add a recording to a chapter in pack.toml first.")))
		return
	}
	s.sentences = captions.ChapterSentences(s.e.pack.Chapters[s.chapter])
	for i, st := range s.sentences {
		r := newSentenceRow(i+1, st.Text)
		s.rows = append(s.rows, r)
		s.list.Add(r)
	}
	s.list.Refresh()
}

func (s *captionTimerScreen) shown() { scrollTo(s.scroll, 0) }

// complete reports whether every sentence has a start: all tapped, or the
// recording ended (the rest start at its end).
func (s *captionTimerScreen) complete() bool {
	return len(s.sentences) > 0 && (len(s.marks) == len(s.sentences) || s.ended)
}

// update shows the state: buttons, help, highlight.
func (s *captionTimerScreen) update() {
	total := len(s.sentences)
	s.status.Importance = widget.MediumImportance
	switch {
	case s.chapter < 0:
		s.status.SetText("")
	case !s.running:
		s.status.SetText(lang.L("Press Start (or Space): the recording plays from the beginning. Press Space — or tap “Next sentence” — each time a new sentence begins. Backspace undoes the last mark; Esc cancels without writing anything."))
	case s.complete() && len(s.marks) < total:
		s.status.SetText(lang.L("The recording has ended. The {{.Count}} sentences not marked will start at its end. Save the captions, or press Start to begin again.", map[string]any{"Count": total - len(s.marks)}))
	case s.complete():
		s.status.SetText(lang.L("All {{.Total}} sentences are marked. Press “Save captions” to write the file.", map[string]any{"Total": total}))
	default:
		s.status.SetText(lang.L("Sentence {{.N}} of {{.Total}} is next: press Space as it begins.", map[string]any{"N": len(s.marks) + 1, "Total": total}))
	}
	if s.chapter >= 0 {
		s.dest.SetText(lang.L("Captions file: {{.File}}", map[string]any{"File": exhibit.CaptionsPathFor(s.e.pack.Chapters[s.chapter])}))
	}
	setEnabled(s.start, s.chapter >= 0 && total > 0)
	if s.running {
		s.start.SetText(lang.L("Start again"))
	} else {
		s.start.SetText(lang.L("Start"))
	}
	setEnabled(s.next, s.running && !s.complete())
	setEnabled(s.undo, s.running && len(s.marks) > 0)
	setEnabled(s.save, s.running && s.complete())
	s.controls.Refresh() // the start button's label changes width
	changed := false
	for i, r := range s.rows {
		at := time.Duration(-1)
		if i < len(s.marks) {
			at = s.marks[i]
		} else if s.ended {
			at = s.duration
		}
		changed = r.set(at, s.running && i == len(s.marks)-1, s.running && i == len(s.marks) && !s.complete()) || changed
	}
	if changed {
		s.list.Refresh() // bold text can take another line
	}
	s.updateClock()
}

func setEnabled(b *keyButton, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// keepInView scrolls the list so the sentence being read and the next one
// are on screen.
func (s *captionTimerScreen) keepInView() {
	i := min(max(len(s.marks)-1, 0), len(s.rows)-1)
	if i < 0 || s.scroll == nil {
		return
	}
	r := s.rows[i]
	top, h := r.Position().Y, s.scroll.Size().Height
	if top < s.scroll.Offset.Y || top+r.Size().Height*2 > s.scroll.Offset.Y+h {
		scrollTo(s.scroll, top-h/4)
	}
}

// begin plays the recording from the start and forgets earlier marks.
func (s *captionTimerScreen) begin() {
	if s.chapter < 0 || len(s.sentences) == 0 {
		return
	}
	n := s.e.narrator()
	n.stopAll()
	s.marks, s.ended, s.running, s.duration = nil, false, true, 0
	s.notice.Hide()
	i := s.chapter
	n.load(i, func(err error) {
		if s.e.current != s || s.chapter != i || !s.running {
			return
		}
		if err != nil {
			s.running = false
			s.showNotice()
			s.update()
			return
		}
		s.duration = n.player.Duration()
		n.player.Seek(0)
		n.player.Play()
		s.showNotice()
		s.update()
	})
	// Space marks from now on, whatever button was used to start.
	s.e.win.Canvas().Unfocus()
	s.update()
	scrollTo(s.scroll, 0)
}

// mark records that the next sentence begins now.
func (s *captionTimerScreen) mark() {
	if !s.running || s.complete() {
		return
	}
	p := s.e.narrator().player
	if st := p.State(); st != audio.Playing && st != audio.Paused {
		return // still loading
	}
	at := max(p.Position()-tapAllowance, 0)
	if k := len(s.marks); k > 0 {
		at = max(at, s.marks[k-1])
	}
	s.marks = append(s.marks, min(at, s.duration))
	s.update()
	s.keepInView()
}

// undoMark forgets the last mark and plays again from a little before it,
// so that sentence can be tapped again.
func (s *captionTimerScreen) undoMark() {
	k := len(s.marks)
	if !s.running || k == 0 {
		return
	}
	undone := s.marks[k-1]
	s.marks = s.marks[:k-1]
	to := max(undone-rewindOnUndo, 0)
	if k > 1 {
		to = max(to, s.marks[k-2])
	}
	p := s.e.narrator().player
	if s.ended || p.State() == audio.Ended {
		s.ended = false
		p.Play() // from Ended, Play starts from the top; the seek follows
	}
	p.Seek(to)
	s.update()
	s.keepInView()
}

// cancel stops the recording and forgets the marks; nothing is written.
func (s *captionTimerScreen) cancel() {
	wasRunning := s.running
	s.running, s.ended = false, false
	s.marks = nil
	if s.e.narr != nil {
		s.e.narr.stopAll()
	}
	if s.status != nil {
		s.update()
		if wasRunning {
			s.status.SetText(lang.L("Cancelled: nothing was written."))
		}
	}
}

// stateChanged follows the player: the clock while playing, the end.
func (s *captionTimerScreen) stateChanged(st audio.State) {
	if s.e.current != s || !s.running {
		return
	}
	switch st {
	case audio.Ended:
		s.ended = true
		s.update()
	case audio.Failed:
		s.running = false
		s.showNotice()
		s.update()
	default:
		s.updateClock()
	}
}

func (s *captionTimerScreen) updateClock() {
	var pos time.Duration
	if s.running && s.e.narr != nil {
		pos = s.e.narr.player.Position()
	}
	if t := preciseClock(pos) + " / " + clock(s.duration); t != s.clock.Text {
		s.clock.SetText(t)
	}
}

// preciseClock formats d as m:ss.t, tenths included: taps are that fine.
func preciseClock(d time.Duration) string {
	t := int(d / (100 * time.Millisecond))
	return fmt.Sprintf("%d:%02d.%d", t/600, t/10%60, t%10)
}

// showNotice says why the recording cannot be heard: no sound device (it
// then runs silently by the clock) or a file that cannot be played.
func (s *captionTimerScreen) showNotice() {
	n := s.e.narrator()
	switch {
	case n.failure() != nil && n.chapter == s.chapter:
		why := audio.Problem(s.e.pack.Chapters[s.chapter].Narration, n.failure()).StringIn(s.e.prefs.Language())
		s.notice.SetText(lang.L("The narration of this chapter cannot be played: {{.Error}}", map[string]any{"Error": why}))
	case n.player.Silent():
		s.notice.SetText(lang.L("No sound device: the recording runs silently at the pace of the clock, so the taps follow the clock, not the voice. Time the captions on a PC with speakers or headphones."))
	default:
		s.notice.Hide()
		return
	}
	s.notice.Show()
}

// cues turns the marks into captions: each sentence from its mark to the
// next one's, the last to the end of the recording.
func (s *captionTimerScreen) cues() []captions.Cue {
	out := make([]captions.Cue, len(s.sentences))
	start := func(i int) time.Duration {
		if i < len(s.marks) {
			return s.marks[i]
		}
		return s.duration
	}
	for i, st := range s.sentences {
		end := s.duration
		if i+1 < len(s.sentences) {
			end = start(i + 1)
		}
		out[i] = captions.Cue{ID: st.ID(), Start: start(i), End: max(end, start(i)), Text: st.Text}
	}
	return out
}

// saveCaptions writes the captions into the pack folder, keeping any file
// they replace, and opens the pack again so the reader uses them.
func (s *captionTimerScreen) saveCaptions() {
	if !s.running || !s.complete() {
		return
	}
	e := s.e
	ch := e.pack.Chapters[s.chapter]
	now := e.clock.Now()
	var buf bytes.Buffer
	note := fmt.Sprintf("Thời gian phụ đề do cán bộ bấm theo bản ghi %s (Trienlam, %s).", ch.Narration, now.Format("02/01/2006 15:04"))
	if err := captions.Write(&buf, s.cues(), note); err != nil {
		dialog.ShowError(err, e.win)
		return
	}
	dest := exhibit.CaptionsPathFor(ch)
	saved, err := exhibit.SaveCaptions(e.packDir, ch.ID, dest, buf.Bytes(), now)
	if err != nil {
		// The marks are kept: staff can try again after fixing the cause.
		dialog.ShowError(fmt.Errorf("%s", lang.L("The captions could not be saved: {{.Error}}", map[string]any{"Error": err})), e.win)
		return
	}
	s.running = false
	e.narr.stopAll()
	msg := []string{lang.L("Saved: the captions of “{{.Chapter}}” are in {{.File}}.", map[string]any{
		"Chapter": ch.Title, "File": filepath.Join(e.packDir, filepath.FromSlash(saved.Path))})}
	if saved.Backup != "" {
		msg = append(msg, lang.L("The previous file was kept as {{.Backup}}.", map[string]any{"Backup": saved.Backup}))
	}
	if saved.ManifestChanged {
		msg = append(msg, lang.L("pack.toml now names these captions for the chapter."))
	}
	if err := e.reloadPack(); err != nil {
		msg = append(msg, lang.L("Open the pack again to use them ({{.Error}}).", map[string]any{"Error": err}))
	} else {
		msg = append(msg, lang.L("The pack has been reloaded: the reader uses the new captions."))
	}
	s.update()
	s.status.SetText(strings.Join(msg, " "))
	s.status.Importance = widget.SuccessImportance
	s.status.Refresh()
	dialog.ShowInformation(lang.L("Captions saved"), strings.Join(msg, "\n\n"), e.win)
}

// typedKey: Space (or a clicker's PageDown) marks, Backspace (PageUp)
// undoes, Esc cancels; arrows scroll the list.
func (s *captionTimerScreen) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyPageDown:
		if !s.running {
			if ev.Name == fyne.KeySpace && !s.start.Disabled() {
				s.begin()
				return true
			}
			return pageKeys(s.scroll, ev)
		}
		s.mark()
		return true
	case fyne.KeyBackspace, fyne.KeyPageUp:
		if !s.running {
			return ev.Name == fyne.KeyPageUp && pageKeys(s.scroll, ev)
		}
		s.undoMark()
		return true
	case fyne.KeyEscape:
		if s.running {
			s.cancel()
			return true
		}
		return false
	}
	return pageKeys(s.scroll, ev)
}

// reloadPack opens the pack folder again after a tool changed files in it,
// so that the exhibit shows what is on disk.
func (e *Exhibit) reloadPack() error {
	if e.packDir == "" {
		return fmt.Errorf("not a pack folder")
	}
	pack, problems, pfs, err := exhibit.LoadPath(e.packDir)
	if err != nil {
		return err
	}
	if e.narr != nil {
		e.narr.stopAll()
	}
	old := e.packFS
	e.pack, e.problems, e.packFS = pack, problems, pfs
	e.index = nil // built again on first search
	if e.reader.chapter >= len(pack.Chapters) {
		e.reader.chapter, e.reader.block = 0, -1
	}
	if old != nil {
		old.Close()
	}
	return nil
}

// sentenceRow is one sentence in the caption timer: its number, the time
// tapped for it, and its text; the sentence being read is highlighted and
// the next one to tap is bold.
type sentenceRow struct {
	widget.BaseWidget
	num  int
	text string

	at            time.Duration // -1 when not marked
	current, next bool

	bg         *canvas.Rectangle
	when, body *widget.Label
}

func newSentenceRow(num int, text string) *sentenceRow {
	r := &sentenceRow{num: num, text: text, at: -1}
	r.bg = canvas.NewRectangle(theme.Color(exhibittheme.ColorNameHighlight))
	r.bg.Hide()
	r.when = widget.NewLabel("")
	r.when.TextStyle = fyne.TextStyle{Monospace: true}
	r.body = widget.NewLabel(text)
	r.body.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	r.show()
	return r
}

// set updates the row and reports whether anything changed; it redraws
// only then.
func (r *sentenceRow) set(at time.Duration, current, next bool) bool {
	if at == r.at && current == r.current && next == r.next {
		return false
	}
	r.at, r.current, r.next = at, current, next
	r.show()
	r.Refresh()
	return true
}

func (r *sentenceRow) show() {
	when := "  –:––.–"
	if r.at >= 0 {
		when = fmt.Sprintf("%8s", preciseClock(r.at))
	}
	r.when.Text = fmt.Sprintf("%3d %s", r.num, when)
	if r.next {
		r.when.Text = fmt.Sprintf("%3d %8s", r.num, "▶")
	}
	r.body.TextStyle = fyne.TextStyle{Bold: r.next || r.current}
	r.body.Importance = widget.MediumImportance
	if r.at < 0 && !r.next {
		r.body.Importance = widget.LowImportance
	}
	r.bg.FillColor = theme.Color(exhibittheme.ColorNameHighlight)
	if r.current {
		r.bg.Show()
	} else {
		r.bg.Hide()
	}
}

// CreateRenderer is part of fyne.Widget.
func (r *sentenceRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, r.when, nil, r.body)))
}

// Refresh redraws the labels after set.
func (r *sentenceRow) Refresh() {
	r.when.Refresh()
	r.body.Refresh()
	r.bg.Refresh()
	r.BaseWidget.Refresh()
}

// minHeight gives its content at least a height computed at layout time.
type minHeight struct{ h func() float32 }

func (m *minHeight) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(s)
	}
}

func (m *minHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(s.Width, max(s.Height, m.h()))
}
