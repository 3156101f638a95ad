package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
	"trienlam/screens/timeline"
)

func TestTimelineScreenCardAndChapterLink(t *testing.T) {
	timeline.ScrollDuration = 0
	e, _ := newTestExhibit(t, 1280, 720)
	e.openTimeline("")
	s, ok := e.current.(*timelineScreen)
	if !ok {
		t.Fatalf("openTimeline shows %T", e.current)
	}
	evs := e.pack.Timeline.Events
	if s.date.Text != evs[0].Display || s.headline.Text != evs[0].Headline {
		t.Errorf("card shows %q / %q, want the first event %q / %q", s.date.Text, s.headline.Text, evs[0].Display, evs[0].Headline)
	}
	// The clicker's next goes to the next event, and the card follows.
	key(e, fyne.KeyPageDown)
	if s.tl.Selected() != 1 || s.date.Text != evs[1].Display {
		t.Errorf("after PageDown: selected %d, card %q", s.tl.Selected(), s.date.Text)
	}
	// Find the founding of the cell and read on in its chapter.
	found := -1
	for i, ev := range evs {
		if ev.Display == "Đêm 22/9/1943" {
			found = i
		}
	}
	if found < 0 {
		t.Fatal("the built-in timeline lacks “Đêm 22/9/1943”")
	}
	s.tl.Select(found)
	key(e, fyne.KeyReturn)
	if e.current != e.reader {
		t.Fatalf("Enter on an event should open the reader, got %T", e.current)
	}
	ev := evs[found]
	if e.reader.ch().ID != ev.Chapter {
		t.Errorf("opened chapter %q, want %q", e.reader.ch().ID, ev.Chapter)
	}
	marks := e.reader.view.Marks()[ev.Block]
	if len(marks) != 1 {
		t.Fatalf("the event's excerpt is not highlighted in block %d: %v", ev.Block, e.reader.view.Marks())
	}
	text := e.reader.ch().Blocks[ev.Block].Text()
	if got := text[marks[0][0]:marks[0][1]]; got != ev.Text {
		t.Errorf("highlighted %q, want the event's text", got)
	}
	// Esc returns to the timeline with the same event selected.
	key(e, fyne.KeyEscape)
	back, ok := e.current.(*timelineScreen)
	if !ok || back.tl.Selected() != found {
		t.Errorf("Esc from the chapter: %T, selected %d, want the timeline at %d", e.current, back.tl.Selected(), found)
	}
}

func TestWebMediaIsNeverFetched(t *testing.T) {
	timeline.ScrollDuration = 0
	e, _ := newTestExhibit(t, 1280, 720)
	e.pack.Timeline.Events[0].Media = &exhibit.Media{URL: "https://example.org/anh.jpg", Caption: "Ảnh tư liệu"}
	e.openTimeline(e.pack.Timeline.Events[0].ID)
	s := e.current.(*timelineScreen)
	if !strings.Contains(s.media.Text, "không có khi ngoại tuyến") || !strings.Contains(s.media.Text, "Ảnh tư liệu") {
		t.Errorf("web media note = %q", s.media.Text)
	}
	if s.picture.Visible() {
		t.Error("a web picture must not be shown (it would need the network)")
	}
}

// TestEraChipDescribesTheEra checks that choosing an era shows its
// description, where the built-in pack says which bounds are the editors'
// placement rather than dates of the source.
func TestEraChipDescribesTheEra(t *testing.T) {
	timeline.ScrollDuration = 0
	e, _ := newTestExhibit(t, 1280, 720)
	e.openTimeline("")
	s, ok := e.current.(*timelineScreen)
	if !ok {
		t.Fatalf("openTimeline shows %T", e.current)
	}
	var era exhibit.Era
	for _, er := range e.pack.Timeline.Eras {
		if er.Start.Year == 1944 {
			era = er
		}
	}
	if era.Headline == "" || !strings.Contains(strings.ToLower(era.Text), "người biên tập") {
		t.Fatalf("the built-in era from 1944 does not say it is the editors' placement: %+v", era)
	}
	s.showEra(era)
	if s.date.Text != "1944 – 1954" || s.headline.Text != era.Headline {
		t.Errorf("card shows %q / %q, want the era's years and name", s.date.Text, s.headline.Text)
	}
	if got := s.text.String(); !strings.Contains(strings.ToLower(got), "người biên tập") {
		t.Errorf("card text %q does not show the era's description", got)
	}
	if s.read.Visible() {
		t.Errorf("an era links to no chapter, but “Read in the chapter” is shown")
	}
}

// Zoomed in and moved along, the visitor reads an event's chapter; Esc
// brings back the timeline as it was left, not the whole span again.
func TestTimelineZoomKeptAfterChapter(t *testing.T) {
	timeline.ScrollDuration = 0
	for _, sz := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}} {
		e, _ := newTestExhibit(t, sz.Width, sz.Height)
		e.openTimeline("")
		s := e.current.(*timelineScreen)
		whole, wholeTo := s.tl.Range()
		key(e, fyne.KeyPlus)
		key(e, fyne.KeyPlus)
		for i := 0; i < 5; i++ {
			key(e, fyne.KeyRight)
		}
		from, to := s.tl.Range()
		if to-from >= (wholeTo-whole)/2 {
			t.Fatalf("+ + did not zoom in: %v–%v of %v–%v", from, to, whole, wholeTo)
		}
		found := -1
		for i := s.tl.Selected(); i < len(e.pack.Timeline.Events); i++ {
			if e.pack.Timeline.Events[i].Chapter != "" {
				found = i
				break
			}
		}
		s.tl.Select(found)
		from, to = s.tl.Range()
		key(e, fyne.KeyReturn)
		if e.current != e.reader {
			t.Fatalf("Enter shows %T, want the chapter", e.current)
		}
		key(e, fyne.KeyEscape)
		back := e.current.(*timelineScreen)
		if f, t2 := back.tl.Range(); f != from || t2 != to || back.tl.Selected() != found {
			t.Errorf("%v: back from the chapter the timeline shows %.2f–%.2f, event %d; want %.2f–%.2f, event %d",
				sz, f, t2, back.tl.Selected(), from, to, found)
		}
		// The era chips stand in one row, whatever the width.
		var chips []fyne.CanvasObject
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			if c, ok := o.(*fyne.Container); ok {
				for _, x := range c.Objects {
					walk(x)
				}
			}
			if sc, ok := o.(*container.Scroll); ok && sc.Direction == container.ScrollHorizontalOnly {
				chips = sc.Content.(*fyne.Container).Objects
			}
		}
		walk(e.win.Content())
		if len(chips) != len(e.pack.Timeline.Eras) {
			t.Fatalf("%v: %d era chips in a sideways row, want %d", sz, len(chips), len(e.pack.Timeline.Eras))
		}
		for _, c := range chips[1:] {
			if c.Position().Y != chips[0].Position().Y {
				t.Errorf("%v: era chips on more than one row", sz)
				break
			}
		}
	}
}

// The event card shows all of an event's text: at 1024×768 the longest
// text scrolls within the card, and scrolled to the end it ends in view.
func TestTimelineCardShowsWholeText(t *testing.T) {
	timeline.ScrollDuration = 0
	e, _ := newTestExhibit(t, 1024, 768)
	e.openTimeline("")
	s := e.current.(*timelineScreen)
	longest := 0
	for i, ev := range e.pack.Timeline.Events {
		if len(ev.Text) > len(e.pack.Timeline.Events[longest].Text) {
			longest = i
		}
	}
	s.tl.Select(longest)
	e.win.Canvas().Capture() // a frame: the window lays out what changed
	content := s.cardScroll.Content
	need := content.MinSize().Height
	if content.Size().Height < need-0.5 {
		t.Errorf("the card is %v px tall, its text needs %v", content.Size().Height, need)
	}
	s.cardScroll.ScrollToBottom()
	if bottom := s.cardScroll.Offset.Y + s.cardScroll.Size().Height; bottom < need-0.5 {
		t.Errorf("scrolled to the end the card shows %v of %v px", bottom, need)
	}
	if !strings.Contains(s.text.String(), strings.Fields(e.pack.Timeline.Events[longest].Text)[0]) {
		t.Errorf("the card does not show the event's text")
	}
}

// The era chips are a second row of buttons: on a 1024×768 projector at the
// Projector text size they give way so that the event card keeps several
// lines, and at the usual sizes they are there.
func TestEraChipsGiveWayOnAShortScreen(t *testing.T) {
	for _, c := range []struct {
		w, h  float32
		step  exhibittheme.Step
		shown bool
	}{
		{1280, 720, exhibittheme.StepDesk, true},
		{1024, 700, exhibittheme.StepProjector, false},
	} {
		e, _ := newTestExhibit(t, c.w, c.h)
		e.prefs.SetTextStep(c.step)
		e.openTimeline("")
		s := e.current.(*timelineScreen)
		if s.chips.Visible() != c.shown {
			t.Errorf("%.0f×%.0f, text step %d: chips shown %v, want %v", c.w, c.h, c.step, s.chips.Visible(), c.shown)
		}
		if card := s.cardScroll.Size().Height; card < cardRoom() {
			t.Errorf("%.0f×%.0f, text step %d: the event card has %.0f px, less than %.0f", c.w, c.h, c.step, card, cardRoom())
		}
		if got := e.win.Content().Size(); got.Height > c.h {
			t.Errorf("%.0f×%.0f: the screen is %.0f px tall", c.w, c.h, got.Height)
		}
	}
}
