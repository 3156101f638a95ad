package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/screens/exhibittheme"
)

// keyboardRows are the keys of the on-screen keyboard: digits for years,
// letters without diacritics (search ignores them, and finds "đ" from
// "d"), in the QWERTY order Vietnamese keyboards use.
var keyboardRows = []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}

// minKeySide is the smallest side of a key of the on-screen keyboard: a
// fingertip's width.
const minKeySide = 48

// touchKeyboard is an on-screen keyboard for a kiosk's touch screen with
// no keyboard: it types into a text field. Only what search needs: digits,
// letters, space, backspace and clearing the field.
type touchKeyboard struct {
	widget.BaseWidget
	target keyTarget
	text   func() string
	// keys are the key buttons by the text they type; "⌫" and the
	// space bar and the clear key under their own names.
	keys map[string]*keyButton
	box  *fyne.Container
}

// keyTarget is the text field a touchKeyboard types into. Keys always
// add at the end (a visitor at a kiosk has no way to move the cursor), and
// SetText runs the field's OnChanged as typing does.
type keyTarget interface {
	SetText(string)
}

// newTouchKeyboard returns a keyboard typing into target, whose OnChanged
// runs after every key as if the visitor had typed.
func newTouchKeyboard(e *Exhibit, target keyTarget, text func() string) *touchKeyboard {
	k := &touchKeyboard{target: target, text: text, keys: map[string]*keyButton{}}
	rows := container.NewVBox()
	for _, row := range keyboardRows {
		line := container.NewHBox()
		for _, r := range row {
			r := r
			line.Add(k.sized(k.key(e, string(r), func() { k.typeRune(r) })))
		}
		if row == keyboardRows[len(keyboardRows)-1] {
			back := k.key(e, "⌫", k.backspace)
			// The bundled font has no ⌫: an arrow and a word instead.
			back.Icon, back.Text = theme.NavigateBackIcon(), lang.L("Backspace")
			line.Add(k.sized(back))
		}
		rows.Add(container.NewCenter(line))
	}
	space := k.key(e, lang.L("Space"), func() { k.typeRune(' ') })
	space.Text = lang.L("Space")
	clear := k.key(e, lang.L("Clear"), func() { k.target.SetText("") })
	clear.Text = lang.L("Clear")
	clear.Icon = theme.ContentClearIcon()
	rows.Add(container.NewCenter(container.NewHBox(container.New(&minWidth{w: func() float32 { return k.side() * 6 }}, k.sized(space)), k.sized(clear))))
	k.box = rows
	k.ExtendBaseWidget(k)
	return k
}

// key makes one key, at least a fingertip wide and tall.
func (k *touchKeyboard) key(e *Exhibit, name string, tapped func()) *keyButton {
	b := newKeyButton(e, name, nil, tapped)
	k.keys[name] = b
	return b
}

// sized keeps a key at least side×side.
func (k *touchKeyboard) sized(b *keyButton) fyne.CanvasObject {
	return container.New(&minWidth{w: k.side, h: k.side}, b)
}

// side is the side of a letter key: grows with the text size.
func (k *touchKeyboard) side() float32 {
	return max(minKeySide, theme.Size(exhibittheme.SizeNameTouchTarget), theme.TextSize()*2.4)
}

func (k *touchKeyboard) typeRune(r rune) {
	k.target.SetText(k.text() + string(r))
}

func (k *touchKeyboard) backspace() {
	if r := []rune(k.text()); len(r) > 0 {
		k.target.SetText(string(r[:len(r)-1]))
	}
}

// CreateRenderer is part of fyne.Widget.
func (k *touchKeyboard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.box)
}

// minWidth gives its content at least a width, and a height when h is
// set, computed at layout time.
type minWidth struct{ w, h func() float32 }

func (m *minWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(s)
	}
}

func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	h := s.Height
	if m.h != nil {
		h = max(h, m.h())
	}
	return fyne.NewSize(max(s.Width, m.w()), h)
}
