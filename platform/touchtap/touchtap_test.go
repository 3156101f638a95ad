package touchtap

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// loop stands for Fyne's UI loop: poll runs a poll's callbacks, then the
// driver applies the last move (as Fyne does after polling), then the
// queued functions run in order.
type loop struct {
	queue   []func()
	applied string // where Fyne thinks the pointer is
	newPos  string
	got     []string // button events Fyne handled, with where it thought the pointer was
}

func (l *loop) post(f func()) { l.queue = append(l.queue, f) }

func (l *loop) poll(events func()) {
	events()
	l.applied = l.newPos
	for len(l.queue) > 0 {
		f := l.queue[0]
		l.queue = l.queue[1:]
		f()
	}
}

func (l *loop) move(g *gate, to string) {
	g.moved()
	l.newPos = to
}

func (l *loop) press(g *gate, what string) {
	g.button(func() { l.got = append(l.got, what+"@"+l.applied) })
}

// TestTapLandsWhereTouched: a touch moves the pointer and presses in the
// same poll; Fyne must see the press and the release where the finger
// touched, in order.
func TestTapLandsWhereTouched(t *testing.T) {
	l := &loop{applied: "centre", newPos: "centre"}
	g := &gate{post: l.post}
	l.poll(func() {
		l.move(g, "gallery")
		l.press(g, "press")
		l.press(g, "release")
	})
	l.poll(func() {
		l.move(g, "timeline")
		l.press(g, "press")
	})
	l.poll(func() { l.press(g, "release") })
	want := []string{"press@gallery", "release@gallery", "press@timeline", "release@timeline"}
	if !reflect.DeepEqual(l.got, want) {
		t.Errorf("Fyne handled %v, want %v", l.got, want)
	}
	if g.pending || g.held != 0 {
		t.Errorf("after the polls: pending %v, held %d", g.pending, g.held)
	}
}

// TestMouseClickNotHeld: a click with no move in its poll (a mouse that
// rested before clicking) is handed on at once, during the poll.
func TestMouseClickNotHeld(t *testing.T) {
	l := &loop{applied: "button", newPos: "button"}
	g := &gate{post: l.post}
	handed := false
	l.poll(func() {
		g.button(func() { handed = true })
		if !handed {
			t.Error("a click without a move was held")
		}
	})
	// A move after the press in the same poll (a drag starting) does not
	// hold the press either: it came first.
	l.poll(func() {
		l.press(g, "press")
		l.move(g, "elsewhere")
		l.press(g, "release")
	})
	want := []string{"press@button", "release@elsewhere"}
	if !reflect.DeepEqual(l.got, want) {
		t.Errorf("Fyne handled %v, want %v", l.got, want)
	}
}

// TestHookOutsideGLFW: in the test driver there is no GLFW window; the
// hook draws, finds none, and hides itself without failing.
func TestHookOutsideGLFW(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("hook")
	h := Hook()
	w.SetContent(h)
	w.Resize(h.MinSize().AddWidthHeight(10, 10))
	if _, ok := h.(*canvas.Raster); !ok {
		t.Fatalf("Hook is a %T", h)
	}
	_ = w.Canvas().Capture() // draws it
	if h.Visible() {
		t.Error("the hook is still shown after its first frame")
	}
}
