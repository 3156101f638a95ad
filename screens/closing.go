package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/exhibittheme"
)

// closingScreen is the page after the last chapter: the title plate and
// "Hết", with the way on to chapter 1 and home. A clicker's "next" reads
// the exhibit again from chapter 1, so paging through never loops or
// stops.
type closingScreen struct {
	e *Exhibit
}

// openClosing shows the closing page. The reading position goes back to
// the start, so that "Continue reading" on the home screen starts the
// exhibit again rather than reopening its last page.
func (e *Exhibit) openClosing() {
	if len(e.pack.Chapters) > 0 {
		e.prefs.SetPosition(e.pack, e.pack.Chapters[0].ID, -1)
	}
	e.show(&closingScreen{e: e}, true)
}

func (c *closingScreen) content() fyne.CanvasObject {
	e := c.e
	p := e.pack
	title := newPlate(p.Title, p.Subtitle, "")
	end := canvas.NewText(lang.L("The end"), theme.Color(exhibittheme.ColorNameHeading))
	end.TextSize = theme.Size(exhibittheme.SizeNameTitle) * 1.6
	end.TextStyle.Bold = true
	end.Alignment = fyne.TextAlignCenter
	again := newKeyButton(e, lang.L("Read again from chapter 1"), theme.MediaReplayIcon(), c.again)
	again.Importance = widget.HighImportance
	home := newKeyButton(e, lang.L("Home"), theme.HomeIcon(), e.goHome)
	body := container.NewVBox(
		title,
		spacer(theme.TextSize()),
		end,
		spacer(theme.TextSize()),
		container.NewCenter(container.NewHBox(again, home)),
	)
	return container.NewVScroll(pageColumn(1400, container.NewPadded(body)))
}

// again opens chapter 1 at its top, in place of the closing page.
func (c *closingScreen) again() { c.toChapter(0, -1) }

// toChapter leaves the closing page for chapter i at block, going back
// into the reader it came from rather than stacking a second one.
func (c *closingScreen) toChapter(i, block int) {
	e := c.e
	if n := len(e.history); n > 0 && e.history[n-1] == screen(e.reader) {
		e.back()
	}
	e.openChapter(i, block, nil)
}

func (c *closingScreen) shown() {}

// typedKey: "next" reads again from chapter 1, "previous" returns to the
// end of the last chapter; Esc goes back as everywhere.
func (c *closingScreen) typedKey(ev *fyne.KeyEvent) bool {
	e := c.e
	switch ev.Name {
	case fyne.KeyPageDown, fyne.KeyRight, fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		c.again()
	case fyne.KeyPageUp, fyne.KeyLeft:
		last := len(e.pack.Chapters) - 1
		if last < 0 {
			return false
		}
		c.toChapter(last, len(e.pack.Chapters[last].Blocks)-1)
	default:
		return false
	}
	return true
}
