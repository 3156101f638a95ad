package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trienlam/screens/chapterview"
	"trienlam/screens/exhibittheme"
)

// findAll returns every object under o (widgets through their renderers)
// for which keep is true.
func findAll(o fyne.CanvasObject, keep func(fyne.CanvasObject) bool) []fyne.CanvasObject {
	var found []fyne.CanvasObject
	if keep(o) {
		found = append(found, o)
	}
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		found = append(found, findAll(k, keep)...)
	}
	return found
}

func TestOriginalTextIsFormatted(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openOriginal()
	views := findAll(e.win.Content(), func(o fyne.CanvasObject) bool { _, ok := o.(*chapterview.View); return ok })
	if len(views) != 1 {
		t.Fatalf("the original text should be set as formatted text (one chapter view), found %d", len(views))
	}
	texts := findAll(e.win.Content(), func(o fyne.CanvasObject) bool {
		tx, ok := o.(*canvas.Text)
		return ok && strings.Contains(tx.Text, "**")
	})
	if len(texts) > 0 {
		t.Errorf("raw Markdown marks shown: %q", texts[0].(*canvas.Text).Text)
	}
}

func TestVisitorCreditsNameNoCode(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	for _, p := range e.pack.Photos {
		if strings.Contains(p.Credit, "cmd/") || strings.Contains(p.Credit, ".go") {
			t.Errorf("photo %s credit %q names a program path; visitors read it", p.ID, p.Credit)
		}
	}
	for _, c := range e.pack.Credits {
		if strings.Contains(c.Name, "cmd/") || strings.Contains(c.Role, "cmd/") {
			t.Errorf("credit %q names a program path", c.Role+": "+c.Name)
		}
	}
}

// A switch to the dark colours repaints the bars of the screen on show
// at once; the settings screen, where the switch is made, stays open.
func TestThemeSwitchRepaintsBars(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	for _, open := range []func(){e.openSettings, func() { e.openChapter(0, -1, nil) }} {
		e.prefs.SetVariant(exhibittheme.Light)
		open()
		e.prefs.SetVariant(exhibittheme.Dark)
		want := exhibittheme.New(exhibittheme.Dark, e.prefs.TextStep()).Color(theme.ColorNameHeaderBackground, theme.VariantDark)
		rects := findAll(e.win.Content(), func(o fyne.CanvasObject) bool { _, ok := o.(*themedRect); return ok })
		if len(rects) == 0 {
			t.Fatalf("%T: no bar background found", e.current)
		}
		for _, r := range rects {
			got := test.WidgetRenderer(r.(*themedRect)).Objects()[0].(*canvas.Rectangle).FillColor
			if got != want {
				t.Errorf("%T: a bar is %v after the switch to dark, want %v", e.current, got, want)
			}
		}
		e.goHome()
	}
}

// At 1024 px with the projector text a result's context wraps; its row
// must be tall enough that the divider under it does not cross the text.
func TestSearchRowsFitWrappedText(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 700)
	e.prefs.SetTextStep(exhibittheme.StepProjector)
	e.openSearch()
	s := e.current.(*searchScreen)
	test.Type(s.entry, "chi bo")
	if len(s.hits) == 0 {
		t.Fatal("“chi bo” found nothing")
	}
	// The window lays out again on its next frame, as the real one does.
	e.win.Resize(fyne.NewSize(1024, 701))
	e.win.Resize(fyne.NewSize(1024, 700))
	one := newResultRow(nil).MinSize().Height
	wrapped := 0
	rows := findAll(e.win.Content(), func(o fyne.CanvasObject) bool { _, ok := o.(*resultRow); return ok && o.Visible() })
	if len(rows) == 0 {
		t.Fatal("no result rows shown")
	}
	for i, o := range rows {
		row := o.(*resultRow)
		need := row.MinSize().Height // at the width the list gave it
		if need > one*1.2 {
			wrapped++
		}
		if got := row.Size().Height; got < need-0.5 {
			t.Errorf("result row %d: %.0f px tall, its wrapped text needs %.0f", i, got, need)
		}
	}
	if wrapped == 0 {
		t.Error("no result wrapped at 1024 px with the projector text; the test shows nothing")
	}
}

// windowContent is what the current screen put in the window, inside the
// holder that watches the window's size for the hall scale.
func windowContent(e *Exhibit) fyne.CanvasObject {
	c := e.win.Content()
	if h, ok := c.(*fyne.Container); ok {
		if _, hall := h.Layout.(*hallLayout); hall && len(h.Objects) == 1 {
			return h.Objects[0]
		}
	}
	return c
}
