package screens

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/cli"
	"trienlam/internal/kiosk"
	"trienlam/platform/autostart"
)

// kioskSettings is the part of the settings screen for an unattended
// hall: kiosk mode at start, the idle time, the staff PIN and the visitor
// log.
func (s *settingsScreen) kioskSettings() *widget.Form {
	e := s.e
	st := e.prefs

	atStart := widget.NewCheck(lang.L("Start in kiosk mode (full screen, left only with the staff PIN)"), st.SetKioskAtStart)
	atStart.Checked = st.KioskAtStart()

	voice := widget.NewCheck(lang.L("Play the guided tour's voice between visitors"), st.SetAttractVoice)
	voice.Checked = st.AttractVoice()

	minutes := []string{"1", "2", "3", "5", "10", "15"}
	idle := widget.NewSelect(minutes, func(v string) {
		if m, err := strconv.Atoi(v); err == nil {
			st.SetIdleMinutes(m)
		}
	})
	idle.Selected = strconv.Itoa(int(st.IdleAfter() / time.Minute))

	pinState := widget.NewLabel(lang.L("No staff PIN set"))
	if st.PINHash() != "" {
		pinState.SetText(lang.L("A staff PIN is set"))
	}
	setPIN := newKeyButton(e, lang.L("Set the PIN"), theme.AccountIcon(), func() { s.askNewPIN(pinState) })
	start := newKeyButton(e, lang.L("Start kiosk mode now"), theme.ViewFullScreenIcon(), e.startKiosk)
	export := newKeyButton(e, lang.L("Export the visitor log (CSV)"), theme.DocumentSaveIcon(), s.exportVisits)
	if e.visits == nil {
		export.Disable()
	}
	login := widget.NewCheck(lang.L("Start with the computer, in kiosk mode"), nil)
	login.Checked = autostart.Enabled()
	login.OnChanged = func(on bool) {
		var err error
		if on {
			var exe string
			if exe, err = os.Executable(); err == nil {
				err = autostart.Enable(exe, []string{"--kiosk"})
			}
		} else {
			err = autostart.Disable()
		}
		if err != nil {
			dialog.ShowError(fmt.Errorf("%s: %w", autostart.Path(), err), e.win)
			login.Checked = autostart.Enabled()
			login.Refresh()
		}
	}
	f := widget.NewForm(
		widget.NewFormItem(lang.L("Kiosk"), wrapCheck(atStart)),
		widget.NewFormItem("", wrapCheck(login)),
		widget.NewFormItem(lang.L("Idle minutes before returning to the start"), idle),
		widget.NewFormItem("", voice),
		widget.NewFormItem(lang.L("Staff PIN"), container.NewHBox(pinState, setPIN)),
		widget.NewFormItem("", container.NewHBox(start)),
		widget.NewFormItem(lang.L("Visitor log"), container.NewHBox(export)),
	)
	f.Orientation = widget.Vertical // as the settings above
	return f
}

// askNewPIN sets the staff PIN: 4 to 8 digits, typed twice. Only its
// salted hash is stored.
func (s *settingsScreen) askNewPIN(state *widget.Label) {
	e := s.e
	first, second := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	first.SetPlaceHolder(lang.L("New PIN (4 to 8 digits)"))
	second.SetPlaceHolder(lang.L("The same PIN again"))
	dialog.ShowCustomConfirm(lang.L("Staff PIN"), lang.L("Save"), lang.L("Cancel"), container.NewVBox(first, second), func(ok bool) {
		if !ok {
			return
		}
		if first.Text != second.Text {
			dialog.ShowInformation(lang.L("Staff PIN"), lang.L("The two PINs differ; nothing was changed."), e.win)
			return
		}
		if err := kiosk.ValidPIN(first.Text); err != nil {
			dialog.ShowInformation(lang.L("Staff PIN"), lang.L("A PIN is 4 to 8 digits; nothing was changed."), e.win)
			return
		}
		h, err := kiosk.HashPIN(first.Text)
		if err != nil {
			dialog.ShowError(err, e.win)
			return
		}
		e.prefs.SetPINHash(h)
		state.SetText(lang.L("A staff PIN is set"))
	}, e.win)
}

// exportVisits writes the visitor log as CSV where staff choose.
func (s *settingsScreen) exportVisits() {
	e := s.e
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if err := e.visits.Export(w, time.Time{}, e.now()); err != nil {
			dialog.ShowError(fmt.Errorf("%s: %w", w.URI().Path(), err), e.win)
			return
		}
		dialog.ShowInformation(lang.L("Visitor log"), lang.L("Saved to {{.Path}}", map[string]any{"Path": w.URI().Path()}), e.win)
	}, e.win)
	d.SetFileName("trienlam-luot-xem-" + e.now().Format("2006-01-02") + ".csv")
	d.Show()
}

// about is "Giới thiệu": what the program is, its version and licence,
// and the exhibit's credits, including the synthetic voice.
func (s *settingsScreen) about() fyne.CanvasObject {
	e := s.e
	box := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("About"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(lang.L("Trienlam {{.Version}} — an offline exhibition program. Free software under the GNU General Public License, version 3 or later; the licences of the libraries it uses are in THIRD_PARTY_NOTICES.md beside it. It never uses the network and collects nothing.", map[string]any{"Version": cli.Version})),
	)
	if len(e.pack.Credits) > 0 {
		box.Add(widget.NewLabelWithStyle(lang.L("Credits of this exhibit"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, c := range e.pack.Credits {
			box.Add(wrapped(c.Role + ": " + c.Name))
		}
	}
	if e.pack.Source.Title != "" {
		box.Add(wrapped(lang.L("Source: {{.Source}}", map[string]any{"Source": e.pack.Source.Title + " (" + e.pack.Source.Reference + ")"})))
	}
	return box
}

func wrapped(t string) *widget.Label {
	l := widget.NewLabel(t)
	l.Wrapping = fyne.TextWrapWord
	return l
}
