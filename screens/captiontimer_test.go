package screens

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trienlam/assets"
	"trienlam/audio"
	"trienlam/audio/captions"
	"trienlam/internal/exhibit"
)

// folderExhibit exports the built-in pack into a temporary folder, lets
// edit change it, and opens it as a folder pack, with narration played
// silently at the pace of a fake clock (see silentExhibit).
func folderExhibit(t *testing.T, edit func(dir string)) (*Exhibit, *audio.FakeClock, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "goi")
	if err := exhibit.Export(assets.Pack(), dir); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(dir)
	}
	pack, problems, pfs, err := exhibit.LoadPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	e := New(a, win, pack, problems)
	win.Resize(fyne.NewSize(1280, 720))
	e.inhibit = noInhibit // tests never change the machine's screen saver
	e.packFS, e.packDir = pfs, pfs.Dir()
	t.Cleanup(func() { e.packFS.Close() })
	return e, silence(t, e), dir
}

// findButton returns the button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *keyButton {
	switch v := o.(type) {
	case *keyButton:
		if v.Text == text {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case *container.Scroll:
		return findButton(v.Content, text)
	case *widget.Form:
		for _, it := range v.Items {
			if b := findButton(it.Widget, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// openTimer opens the caption timer from the settings screen, as staff do,
// on chapter i.
func openTimer(t *testing.T, e *Exhibit, i int) *captionTimerScreen {
	t.Helper()
	e.openSettings()
	b := findButton(e.win.Content(), lang.L("Time the captions"))
	if b == nil {
		t.Fatal("the settings of a folder pack offer no “Time the captions”")
	}
	test.Tap(b)
	s, ok := e.current.(*captionTimerScreen)
	if !ok {
		t.Fatalf("the button opened %T", e.current)
	}
	s.picker.SetSelected(strconv.Itoa(i+1) + ". " + e.pack.Chapters[i].Title)
	if s.chapter != i {
		t.Fatalf("picked chapter %d, want %d", s.chapter, i)
	}
	return s
}

// tapAt moves the fake clock to at from the start of playback and presses
// Space.
func tapAt(e *Exhibit, clock *audio.FakeClock, start time.Time, at time.Duration) {
	clock.Advance(start.Add(at).Sub(clock.Now()))
	e.narrator().tick()
	key(e, fyne.KeySpace)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCaptionTimerWritesTheTappedTimes(t *testing.T) {
	const ch = 5 // "muc-tieu": six sentences, captions named in pack.toml
	e, clock, dir := folderExhibit(t, nil)
	vtt := filepath.Join(dir, "audio", "06-muc-tieu.vtt")
	old := readFile(t, vtt)
	manifest := readFile(t, filepath.Join(dir, "pack.toml"))

	s := openTimer(t, e, ch)
	if len(s.sentences) != 6 {
		t.Fatalf("%d sentences, want 6", len(s.sentences))
	}
	key(e, fyne.KeySpace) // Space starts
	waitState(t, e, audio.Playing)
	start := clock.Now()
	var want []time.Duration
	for i := range s.sentences {
		at := time.Duration(i)*17*time.Second + 1500*time.Millisecond
		tapAt(e, clock, start, at)
		want = append(want, at-tapAllowance)
	}
	if !s.complete() || s.save.Disabled() || !s.next.Disabled() {
		t.Fatalf("after the last sentence: complete %v, save disabled %v", s.complete(), s.save.Disabled())
	}
	key(e, fyne.KeySpace) // one too many: nothing
	if len(s.marks) != 6 {
		t.Fatalf("%d marks", len(s.marks))
	}
	test.Tap(s.save)

	// The captions: one cue per sentence, from its tap to the next.
	cues, err := captions.ReadFile(os.DirFS(dir), "audio/06-muc-tieu.vtt")
	if err != nil {
		t.Fatal(err)
	}
	if len(cues) != 6 {
		t.Fatalf("%d cues", len(cues))
	}
	chapter := e.pack.Chapters[ch] // reloaded
	for i, c := range cues {
		if c.Start != want[i] {
			t.Errorf("cue %d starts at %v, tapped at %v", i, c.Start, want[i])
		}
		end := s.duration
		if i+1 < len(want) {
			end = want[i+1]
		}
		if c.End != end.Round(time.Millisecond) {
			t.Errorf("cue %d ends at %v, want %v", i, c.End, end)
		}
		if c.Block < 0 || c.Block >= len(chapter.Blocks) {
			t.Fatalf("cue %d: id %q names no block", i, c.ID)
		}
		if got := chapter.Blocks[c.Block].Text()[c.From:c.To]; got != c.Text {
			t.Errorf("cue %d: id %q is %q, text %q", i, c.ID, got, c.Text)
		}
	}
	// The same sentences, with the same ids, as the generator's captions.
	oldFile, err := captions.Parse(strings.NewReader(old))
	oldCues := oldFile.Cues
	if err != nil {
		t.Fatal(err)
	}
	for i := range oldCues {
		if oldCues[i].ID != cues[i].ID {
			t.Errorf("cue %d: id %q, the generator wrote %q", i, cues[i].ID, oldCues[i].ID)
		}
	}
	// Nothing lost: the old file is kept; the manifest named the file already.
	backup := vtt + ".bak-20230922-" + clock.Now().Format("150405")
	if got := readFile(t, backup); got != old {
		t.Errorf("backup %s does not hold the old captions", backup)
	}
	if readFile(t, filepath.Join(dir, "pack.toml")) != manifest {
		t.Error("pack.toml changed though it named the captions")
	}
	if !strings.Contains(s.status.Text, vtt) || !strings.Contains(s.status.Text, filepath.Base(backup)) {
		t.Errorf("the confirmation does not name the files: %q", s.status.Text)
	}
	if e.narrator().player.State() != audio.Idle {
		t.Errorf("after saving the player is %v", e.narrator().player.State())
	}
}

func TestCaptionTimerAddsTheCaptionsLine(t *testing.T) {
	const ch = 1 // "chang-duong"
	e, clock, dir := folderExhibit(t, func(dir string) {
		name := filepath.Join(dir, "pack.toml")
		b, _ := os.ReadFile(name)
		b = bytes.Replace(b, []byte("captions = \"audio/02-chang-duong.vtt\"\n"), nil, 1)
		os.WriteFile(name, b, 0o644)
		os.Remove(filepath.Join(dir, "audio", "02-chang-duong.vtt"))
	})
	if e.pack.Chapters[ch].Captions != "" {
		t.Fatal("the edit did not remove the captions")
	}
	s := openTimer(t, e, ch)
	test.Tap(s.start)
	waitState(t, e, audio.Playing)
	start := clock.Now()
	tapAt(e, clock, start, time.Second)
	tapAt(e, clock, start, 9*time.Second)
	// The recording ends before the rest is tapped: they start at its end.
	p := e.narrator().player
	p.Seek(p.Duration() - time.Second)
	clock.Advance(2 * time.Second)
	e.narrator().tick()
	if !s.ended || !s.complete() || s.save.Disabled() {
		t.Fatalf("at the end: ended %v, complete %v", s.ended, s.complete())
	}
	test.Tap(s.save)
	cues, err := captions.ReadFile(os.DirFS(dir), "audio/02-chang-duong.vtt")
	if err != nil {
		t.Fatal(err)
	}
	if len(cues) != len(s.sentences) || cues[1].Start != 9*time.Second-tapAllowance || cues[2].Start != s.duration.Round(time.Millisecond) {
		t.Errorf("cues %d (want %d), cue 1 at %v, cue 2 at %v", len(cues), len(s.sentences), cues[1].Start, cues[2].Start)
	}
	if m := readFile(t, filepath.Join(dir, "pack.toml")); !strings.Contains(m, "narration = \"audio/02-chang-duong.ogg\"\ncaptions = \"audio/02-chang-duong.vtt\"\n") {
		t.Errorf("pack.toml lacks the captions line:\n%s", m)
	}
	if e.pack.Chapters[ch].Captions != "audio/02-chang-duong.vtt" {
		t.Errorf("the reloaded pack does not use the captions: %q", e.pack.Chapters[ch].Captions)
	}
	if len(e.problems) != 0 {
		t.Errorf("the reloaded pack has problems: %v", e.problems)
	}
}

func TestCaptionTimerUndoAndEscape(t *testing.T) {
	e, clock, dir := folderExhibit(t, nil)
	before := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			before[p] = readFile(t, p)
		}
		return nil
	})
	s := openTimer(t, e, 0)
	key(e, fyne.KeySpace)
	waitState(t, e, audio.Playing)
	start := clock.Now()
	tapAt(e, clock, start, 2*time.Second)
	tapAt(e, clock, start, 10*time.Second)
	tapAt(e, clock, start, 20*time.Second)
	if s.rows[2].current != true || s.rows[3].next != true {
		t.Errorf("row 3 should be highlighted as being read, row 4 as next")
	}
	// Backspace undoes the last mark and plays again from 3 s before it.
	key(e, fyne.KeyBackspace)
	if len(s.marks) != 2 {
		t.Fatalf("after undo %d marks", len(s.marks))
	}
	p := e.narrator().player
	if got, want := p.Position(), 20*time.Second-tapAllowance-rewindOnUndo; (got - want).Abs() > time.Millisecond {
		t.Errorf("after undo playing from %v, want %v", got, want)
	}
	if e.current != s {
		t.Fatal("Backspace left the screen")
	}
	clock.Advance(4 * time.Second)
	e.narrator().tick()
	key(e, fyne.KeySpace)
	if got, want := s.marks[2], 20*time.Second-tapAllowance-rewindOnUndo+4*time.Second-tapAllowance; (got - want).Abs() > time.Millisecond {
		t.Errorf("tapped again at %v, want %v", got, want)
	}
	// The touch button marks too.
	test.Tap(s.next)
	if len(s.marks) != 4 {
		t.Errorf("“Next sentence” did not mark: %d marks", len(s.marks))
	}

	// Esc cancels: nothing written, the recording stops, the screen stays.
	key(e, fyne.KeyEscape)
	if s.running || len(s.marks) != 0 || p.State() != audio.Idle || e.current != s {
		t.Errorf("after Esc: running %v, %d marks, player %v, screen %T", s.running, len(s.marks), p.State(), e.current)
	}
	after := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			after++
			if b, ok := before[p]; !ok || readFile(t, p) != b {
				t.Errorf("Esc wrote %s", p)
			}
		}
		return nil
	})
	if after != len(before) {
		t.Errorf("%d files after Esc, %d before", after, len(before))
	}
	// A second Esc leaves for the settings.
	key(e, fyne.KeyEscape)
	if _, ok := e.current.(*settingsScreen); !ok {
		t.Errorf("second Esc: %T", e.current)
	}
}

func TestCaptionTimerGolden(t *testing.T) {
	e, clock, _ := folderExhibit(t, nil)
	s := openTimer(t, e, 3)
	key(e, fyne.KeySpace)
	waitState(t, e, audio.Playing)
	start := clock.Now()
	tapAt(e, clock, start, 600*time.Millisecond)
	tapAt(e, clock, start, 9*time.Second)
	tapAt(e, clock, start, 14*time.Second)
	clock.Advance(1200 * time.Millisecond)
	e.narrator().tick()
	if s.clock.Text != "0:15.2 / 2:28" {
		t.Errorf("clock %q", s.clock.Text)
	}
	test.AssertImageMatches(t, "captiontimer_1280x720.png", e.win.Canvas().Capture())
}

func TestCaptionTimerNotOfferedForTheBuiltInPack(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openSettings()
	if findButton(e.win.Content(), lang.L("Time the captions")) != nil {
		t.Error("the built-in pack is read-only, yet the caption timer is offered")
	}
}

func TestCorruptNarrationNamesTheFile(t *testing.T) {
	e, _, _ := folderExhibit(t, func(dir string) {
		junk := make([]byte, 64<<10)
		rand.New(rand.NewSource(1)).Read(junk)
		if err := os.WriteFile(filepath.Join(dir, "audio", "02-chang-duong.ogg"), junk, 0o644); err != nil {
			t.Fatal(err)
		}
	})
	e.openChapter(1, -1, nil)
	r := e.reader
	key(e, fyne.KeyP)
	waitState(t, e, audio.Failed)
	waitUI(t, e, "the notice", func() bool { return r.player.notice.Visible() })
	if !r.player.notice.Visible() || !strings.Contains(r.player.notice.Text, "audio/02-chang-duong.ogg") {
		t.Errorf("notice (visible %v): %q; it should name the file", r.player.notice.Visible(), r.player.notice.Text)
	}
	// Why, in the exhibit's language only.
	if !strings.Contains(r.player.notice.Text, "không phải là tệp Ogg Vorbis") || strings.Contains(r.player.notice.Text, "not an Ogg") {
		t.Errorf("notice %q does not say why in Vietnamese alone", r.player.notice.Text)
	}
	// The text is still there, and the next chapter plays.
	if len(r.view.Marks()) != 0 || r.ch().ID != "chang-duong" {
		t.Errorf("chapter %q", r.ch().ID)
	}
	key(e, fyne.KeyRight)
	if r.chapter != 2 {
		t.Fatalf("Right after a failed narration: chapter %d", r.chapter+1)
	}
	key(e, fyne.KeyP)
	waitState(t, e, audio.Playing)
	if r.player.notice.Visible() {
		t.Errorf("the next chapter still shows the notice %q", r.player.notice.Text)
	}
}

// The timer writes the cue identifiers cmd/narrate wrote: for every
// narrated chapter of the built-in pack, the timer's cues have exactly the
// identifiers of the captions narrate made, in order.
func TestCaptionTimerCueIDsAreNarrates(t *testing.T) {
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	win := test.NewWindow(nil)
	defer win.Close()
	e := New(a, win, p, nil)
	s := newCaptionTimerScreen(e)
	s.content()
	if len(s.chapters) < 2 {
		t.Fatalf("only %d narrated chapters in the built-in pack", len(s.chapters))
	}
	for _, i := range s.chapters {
		ch := p.Chapters[i]
		made, err := captions.ReadFile(p.FS, ch.Captions)
		if err != nil {
			t.Fatal(err)
		}
		s.chapter = i
		s.fillList()
		timed := s.cues()
		if len(timed) != len(made) {
			t.Errorf("%s: the timer has %d sentences, narrate captioned %d", ch.ID, len(timed), len(made))
			continue
		}
		for k := range made {
			if timed[k].ID != made[k].ID || timed[k].Text != made[k].Text {
				t.Errorf("%s: cue %d: timer %q %q, narrate %q %q", ch.ID, k+1, timed[k].ID, timed[k].Text, made[k].ID, made[k].Text)
			}
		}
	}
}
