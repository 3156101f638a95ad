package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/exhibittheme"
)

// settingsScreen lets staff choose the language, the colours and the text
// size. Each choice takes effect at once and is kept across restarts.
type settingsScreen struct {
	e      *Exhibit
	scroll *container.Scroll
}

func newSettingsScreen(e *Exhibit) *settingsScreen { return &settingsScreen{e: e} }

// stepNames names the text size steps for people, smallest first.
func stepNames() []string {
	return []string{lang.L("Desk screen"), lang.L("Medium"), lang.L("Large"), lang.L("Projector")}
}

func (s *settingsScreen) content() fyne.CanvasObject {
	e := s.e
	st := e.prefs
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := topBar([]fyne.CanvasObject{back}, title, nil)

	languages := []string{"Tiếng Việt", "English"}
	language := widget.NewRadioGroup(languages, nil)
	language.Horizontal = true
	if st.Language() == languageEnglish {
		language.Selected = languages[1]
	} else {
		language.Selected = languages[0]
	}
	language.OnChanged = func(v string) {
		code := defaultLanguage
		if v == languages[1] {
			code = languageEnglish
		}
		if code != st.Language() {
			st.SetLanguage(code)
			e.refreshCurrent()
		}
	}

	themes := []string{lang.L("Light (paper)"), lang.L("Dark")}
	colours := widget.NewRadioGroup(themes, nil)
	colours.Horizontal = true
	colours.Selected = themes[0]
	if st.Variant() == exhibittheme.Dark {
		colours.Selected = themes[1]
	}
	colours.OnChanged = func(v string) {
		if v == themes[1] {
			st.SetVariant(exhibittheme.Dark)
		} else {
			st.SetVariant(exhibittheme.Light)
		}
	}

	names := stepNames()
	size := widget.NewRadioGroup(names, nil)
	// One under the other: four choices side by side at the projector
	// size are wider than a 1024 px display.
	size.Horizontal = false
	size.Selected = names[st.TextStep()]
	size.OnChanged = func(v string) {
		for i, n := range names {
			if n == v {
				st.SetTextStep(exhibittheme.Step(i))
			}
		}
	}

	loop := widget.NewCheck(lang.L("Start the guided tour again after the last chapter"), st.SetTourLoop)
	loop.Checked = st.TourLoop()
	volume := widget.NewSlider(0, 1)
	volume.Step = 0.05
	volume.Value = st.Volume()
	volume.OnChangeEnded = func(v float64) {
		st.SetVolume(v)
		if e.narr != nil {
			e.narr.player.SetVolume(v)
		}
	}

	sample := widget.NewLabel(lang.L("Sample: Bắc Kạn là tỉnh miền núi thuộc khu vực Đông Bắc Việt Nam."))
	sample.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Language"), language),
		widget.NewFormItem(lang.L("Colours"), colours),
		widget.NewFormItem(lang.L("Text size"), size),
		widget.NewFormItem(lang.L("Narration volume"), volume),
		widget.NewFormItem(lang.L("Guided tour"), wrapCheck(loop)),
	)
	form.Append(lang.L("Exhibits"), container.NewHBox(newKeyButton(e, lang.L("Exhibit library"), theme.StorageIcon(), e.openLibrary)))
	// Labels above their choices: side by side they are wider than a
	// 1024 px display at the larger text sizes.
	form.Orientation = widget.Vertical
	if e.packDir != "" && e.hasAnyNarration() {
		// Only a pack folder can be written to: not the built-in pack, not a zip.
		form.Append(lang.L("For staff"), container.NewHBox(newKeyButton(e, lang.L("Time the captions"), theme.MediaRecordIcon(), e.openCaptionTimer)))
	}
	hint := widget.NewLabel(lang.L("Tip: Ctrl and + or – change the text size anywhere; F11 switches full screen."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	s.scroll = container.NewVScroll(pageColumn(theme.TextSize()*48, container.NewPadded(container.NewVBox(
		form, sample, hint, widget.NewSeparator(), s.kioskSettings(), widget.NewSeparator(), s.about()))))
	return container.NewBorder(bar, nil, nil, nil, s.scroll)
}

func (s *settingsScreen) shown() {}

func (s *settingsScreen) typedKey(ev *fyne.KeyEvent) bool { return pageKeys(s.scroll, ev) }

// wrapCheck shows a check box with its text as a label that wraps, since
// a check's own text stays on one line however long it is.
func wrapCheck(c *widget.Check) fyne.CanvasObject {
	text := c.Text
	c.Text = ""
	return container.NewBorder(nil, nil, c, nil, wrapped(text))
}
