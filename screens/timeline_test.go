package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"trienlam/internal/exhibit"
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
