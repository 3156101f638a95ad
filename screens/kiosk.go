package screens

import (
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/kiosk"
	"trienlam/screens/exhibittheme"
)

// kioskWarnFor is how long the "returning to the start" countdown lasts.
const kioskWarnFor = 10 * time.Second

// kioskMode runs the exhibit unattended: full screen with no way out but
// the staff PIN, a visitor's session that ends after some idle minutes
// with a short countdown, and the attract loop (attractScreen) until the
// next visitor touches it, who starts fresh.
type kioskMode struct {
	e    *Exhibit
	idle *kiosk.Idle
	lock *kiosk.Lock

	layer     *fyne.Container // over the exhibit: the countdown
	countdown *fyne.Container
	countText *canvas.Text
	state     kiosk.IdleState
	// textStep is the text size staff chose; each visitor starts with it.
	textStep exhibittheme.Step
	// windowSize is the window's size before kiosk mode, to return to.
	windowSize  fyne.Size
	startedFull bool
	// awake releases kiosk mode's hold on the screen: an unattended PC
	// must never blank or sleep.
	awake func()
}

// startKiosk switches the exhibit into kiosk mode.
func (e *Exhibit) startKiosk() {
	if e.kiosk != nil {
		return
	}
	e.enterKiosk()
	e.kiosk.begin()
	e.goHome()
}

// enterKiosk puts the exhibit in kiosk mode without showing a screen or
// starting anything: the window is made full screen and closing it asks
// for the PIN; the next screen shown is wrapped in the kiosk's layers. A
// start in kiosk mode enters it before the window is shown, so that its
// first frame is the kiosk's home, and begins it once the window is made
// (Run); a window that cannot be made leaves nothing behind.
func (e *Exhibit) enterKiosk() {
	k := &kioskMode{e: e, lock: kiosk.NewLock(e.clock)}
	e.kiosk = k
	idleAfter := e.prefs.IdleAfter()
	if e.idleOverride > 0 {
		idleAfter = e.idleOverride
	}
	k.idle = kiosk.NewIdle(e.clock, idleAfter, kioskWarnFor)
	k.idle.OnWarning = func(d time.Duration) { e.post(func() { k.warn(d) }) }
	k.idle.OnTick = func(d time.Duration) { e.post(func() { k.tick(d) }) }
	k.idle.OnAttract = func() { e.post(k.attract) }
	k.idle.OnActive = func() { e.post(k.active) }
	k.windowSize, k.startedFull = e.win.Canvas().Size(), e.win.FullScreen()
	// Alt+F4 or a close button must not end an unattended exhibit: the
	// supervisor takes a clean exit for staff leaving on purpose.
	e.win.SetCloseIntercept(k.askPIN)
	e.win.SetFullScreen(true)
	k.textStep = e.prefs.TextStep()
	k.freshVisitor()
}

// begin starts what kiosk mode runs: the hold on the screen (an
// unattended PC must never blank or sleep), the idle timer, and the first
// visit in the visitor log.
func (k *kioskMode) begin() {
	k.awake = k.e.inhibit(lang.L("Kiosk"))
	k.idle.Start()
	k.e.visitStart()
}

// stopKiosk leaves kiosk mode, after the staff PIN.
func (e *Exhibit) stopKiosk() {
	k := e.kiosk
	if k == nil {
		return
	}
	k.idle.Stop()
	k.awake()
	if e.attractS != nil {
		e.attractS.stop()
	}
	e.win.SetPadded(true)
	e.kiosk = nil
	e.win.SetCloseIntercept(nil)
	e.visitEnd()
	e.stopTour()
	if _, ok := e.current.(*attractScreen); ok {
		e.goHome()
	}
	e.refreshCurrent()
	full := e.prefs.FullScreen()
	e.win.SetFullScreen(full)
	if !full && k.windowSize.Width > 0 && !k.startedFull {
		e.win.Resize(k.windowSize) // see presenter.stopPresenter
	}
}

// wrap puts the kiosk's layers over a screen: a transparent layer that
// notices every pointer move (a touch moves the pointer too) without
// taking taps from the widgets beneath, and the invitation/countdown.
func (k *kioskMode) wrap(content fyne.CanvasObject) fyne.CanvasObject {
	if _, ok := k.e.current.(*attractScreen); ok {
		// The attract screen fills the window alone; it has no
		// countdown, and staff reach their button from home.
		k.layer = nil
		return container.NewStack(content, newTouchNotice(k.touched))
	}
	k.countdown = k.makeCountdown()
	k.layer = container.NewStack()
	staff := newKeyButton(k.e, lang.L("Staff"), theme.SettingsIcon(), k.askPIN)
	staff.Importance = widget.LowImportance
	// A thin strip of its own, so the staff button covers nothing.
	strip := container.NewBorder(nil, nil, nil, staff)
	k.show(k.state)
	return container.NewBorder(nil, strip, nil, nil,
		container.NewStack(content, newTouchNotice(k.touched), k.layer))
}

// touched is any sign of a visitor.
func (k *kioskMode) touched() {
	k.idle.Touch()
}

func (k *kioskMode) warn(d time.Duration) {
	k.state = kiosk.Warning
	k.tick(d)
	k.show(kiosk.Warning)
	k.e.attract().preload()
}

func (k *kioskMode) tick(d time.Duration) {
	secs := int((d + time.Second - 1) / time.Second)
	k.countText.Text = lang.L("The screen returns to the start in {{.N}} seconds", map[string]any{"N": secs})
	// One line of large text: smaller on a narrow display rather than
	// wider than it.
	k.countText.TextSize = theme.Size(theme.SizeNameHeadingText)
	room := k.e.win.Canvas().Size().Width * 0.8
	if w := fyne.MeasureText(k.countText.Text, k.countText.TextSize, k.countText.TextStyle).Width; w > room && room > 0 {
		k.countText.TextSize *= room / w
	}
	k.countText.Refresh()
}

// attract ends the visitor's session and starts the attract loop.
func (k *kioskMode) attract() {
	e := k.e
	k.state = kiosk.Attract
	e.visitEnd()
	e.stopTour()
	if e.narr != nil {
		e.narr.stopAll()
	}
	e.history = nil
	k.show(kiosk.Attract)
	// Edge to edge: the window's padding would frame the pictures.
	e.win.SetPadded(false)
	e.show(e.attract(), false)
}

// active is a visitor arriving: the loop stops and the visitor starts
// fresh at home.
func (k *kioskMode) active() {
	e := k.e
	was := k.state
	k.state = kiosk.Active
	k.show(kiosk.Active)
	if was == kiosk.Attract {
		e.attract().stop()
		e.win.SetPadded(true)
		k.freshVisitor()
		e.goHome()
		e.visitStart()
	}
}

// freshVisitor forgets the previous visitor: the home screen offers "Bắt
// đầu xem", not "Đọc tiếp" at their place, and the text is at the size
// staff chose, whatever the last visitor made it.
func (k *kioskMode) freshVisitor() {
	e := k.e
	e.prefs.ClearPosition()
	if e.prefs.TextStep() != k.textStep {
		e.prefs.SetTextStep(k.textStep)
	}
}

func (k *kioskMode) show(s kiosk.IdleState) {
	if k.layer == nil {
		return
	}
	k.layer.RemoveAll()
	k.e.logScreen("kiosk " + strings.ToLower(s.String()))
	if s == kiosk.Warning {
		k.layer.Add(k.countdown)
	}
	k.layer.Refresh()
}

// makeCountdown is the warning before a session ends.
func (k *kioskMode) makeCountdown() *fyne.Container {
	k.countText = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	k.countText.TextSize = theme.Size(theme.SizeNameHeadingText)
	k.countText.TextStyle.Bold = true
	k.countText.Alignment = fyne.TextAlignCenter
	cont := newKeyButton(k.e, lang.L("Keep viewing"), theme.MediaPlayIcon(), k.touched)
	cont.Importance = widget.HighImportance
	panel := container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)),
		container.NewPadded(container.NewVBox(k.countText, container.NewCenter(cont))))
	shade := canvas.NewRectangle(color.NRGBA{A: 0x80})
	return container.NewStack(shade, container.NewCenter(panel))
}

// askPIN asks for the staff PIN; the right one leaves kiosk mode.
func (k *kioskMode) askPIN() {
	e := k.e
	// For the hall test (scripts/hall.sh): the staff button was reached.
	e.logScreen("kiosk staff")
	stored := e.prefs.PINHash()
	if stored == "" {
		// No PIN set yet: say how to set one instead of locking staff out.
		dialog.ShowInformation(lang.L("Staff"), lang.L("No staff PIN is set. Set one in Settings before using kiosk mode; until then kiosk mode can be left with Esc."), e.win)
		return
	}
	entry := widget.NewPasswordEntry()
	entry.SetPlaceHolder(lang.L("PIN"))
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(widget.NewLabel(lang.L("Enter the staff PIN to leave kiosk mode.")), entry, status)
	var d dialog.Dialog
	try := func() {
		ok, wait := k.lock.Try(stored, entry.Text)
		entry.SetText("")
		switch {
		case ok:
			d.Hide()
			e.stopKiosk()
			e.openSettings()
		case wait > 0:
			status.SetText(lang.L("Too many wrong PINs. Try again in {{.N}} seconds.", map[string]any{"N": strconv.Itoa(int(wait.Round(time.Second) / time.Second))}))
		default:
			status.SetText(lang.L("Wrong PIN. {{.N}} tries left.", map[string]any{"N": k.lock.TriesLeft()}))
		}
	}
	entry.OnSubmitted = func(string) { try() }
	d = dialog.NewCustomConfirm(lang.L("Staff"), lang.L("OK"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			try()
		}
	}, e.win)
	d.Show()
	e.win.Canvas().Focus(entry)
}

// touchNotice is a transparent layer over the whole exhibit that notices
// pointer movement. It is Hoverable only: taps, drags and scrolls go on to
// the widgets beneath.
type touchNotice struct {
	widget.BaseWidget
	onMove func()
}

func newTouchNotice(f func()) *touchNotice {
	t := &touchNotice{onMove: f}
	t.ExtendBaseWidget(t)
	return t
}

// MouseIn is part of desktop.Hoverable.
func (t *touchNotice) MouseIn(*desktop.MouseEvent) { t.onMove() }

// MouseMoved is part of desktop.Hoverable.
func (t *touchNotice) MouseMoved(*desktop.MouseEvent) { t.onMove() }

// MouseOut is part of desktop.Hoverable.
func (t *touchNotice) MouseOut() {}

// CreateRenderer is part of fyne.Widget.
func (t *touchNotice) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func withAlphaColor(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
