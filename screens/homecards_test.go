package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// At the Projector text size a chapter title can take three or four lines
// in a narrow column; every card must show its title whole, and be tall
// enough for it and its excerpt, in a window that starts small and is
// then made full screen (F11 on a 1920×1080 projector) as well as in one
// that starts large.
func TestHomeCardsHoldTheirText(t *testing.T) {
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	for _, sizes := range [][]fyne.Size{
		{firstWindow, fyne.NewSize(1920, 1080)},
		{fyne.NewSize(1920, 1080)},
		{fyne.NewSize(1920, 1080), fyne.NewSize(1024, 768)},
	} {
		a := test.NewTempApp(t)
		win := test.NewWindow(nil)
		e := newExhibit(a, win, p, nil)
		e.inhibit = noInhibit
		e.prefs.SetTextStep(exhibittheme.StepProjector)
		for _, s := range sizes {
			win.Resize(s)
			e.show(e.home(), false)
			// Two passes, as Fyne's frames give: the grid's height
			// follows the cards' once they are laid out.
			win.Canvas().Content().Refresh()
		}
		cards := findAll(win.Canvas().Content(), func(o fyne.CanvasObject) bool { _, ok := o.(*card); return ok })
		if len(cards) != len(p.Chapters) {
			t.Fatalf("%v: %d cards, want %d", sizes, len(cards), len(p.Chapters))
		}
		threeLines := false
		for _, o := range cards {
			c := o.(*card)
			r := test.TempWidgetRenderer(t, c).(*cardRenderer)
			threeLines = threeLines || r.titleLines >= 3
			var title []string
			for _, l := range r.lines[:r.titleLines] {
				title = append(title, l.(*canvas.Text).Text)
			}
			if got := strings.Join(title, " "); got != c.title {
				t.Errorf("%v: card shows the title %q, want it whole: %q", sizes, got, c.title)
			}
			for _, l := range r.lines {
				if bottom := l.Position().Y + l.Size().Height; bottom > c.Size().Height+1 {
					t.Errorf("%v: card %q: a line ends at %.0f, below the card's %.0f", sizes, c.title, bottom, c.Size().Height)
					break
				}
			}
		}
		if sizes[len(sizes)-1].Width == 1920 && !threeLines {
			t.Errorf("%v: no title took three lines; the test no longer checks the narrow case", sizes)
		}
		win.Close()
	}
}
