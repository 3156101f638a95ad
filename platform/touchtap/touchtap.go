package touchtap

import (
	"image"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// Hook returns an invisible object to put in the window's content. The
// first time the window draws it (on the UI thread, with the window's
// OpenGL context current: the only moment Fyne's window can be found from
// outside the driver) it takes over the window's pointer callbacks, hands
// them on to Fyne's, and hides itself. Where the window is not a GLFW
// window (the test driver) it only hides itself.
func Hook() fyne.CanvasObject {
	var r *canvas.Raster
	var once sync.Once
	r = canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() {
			if win := currentWindow(); win != nil {
				install(win)
			}
			// Hidden once the first frame is done: it is not drawn again.
			fyne.Do(r.Hide)
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	})
	r.SetMinSize(fyne.NewSquareSize(1))
	r.Resize(fyne.NewSquareSize(1))
	return r
}

// currentWindow is the GLFW window whose context is current, nil if there
// is none or GLFW is not running (go-gl panics then).
func currentWindow() (win *glfw.Window) {
	defer func() {
		if r := recover(); r != nil {
			win = nil
		}
	}()
	return glfw.GetCurrentContext()
}

// install puts a gate before Fyne's pointer callbacks of win.
func install(win *glfw.Window) {
	g := &gate{post: fyne.Do}
	var fyneMove glfw.CursorPosCallback
	var fynePress glfw.MouseButtonCallback
	fyneMove = win.SetCursorPosCallback(func(w *glfw.Window, x, y float64) {
		g.moved()
		fyneMove(w, x, y)
	})
	fynePress = win.SetMouseButtonCallback(func(w *glfw.Window, b glfw.MouseButton, a glfw.Action, m glfw.ModifierKey) {
		g.button(func() { fynePress(w, b, a, m) })
	})
	if fyneMove == nil || fynePress == nil {
		// Not Fyne's window as expected: give the callbacks back.
		win.SetCursorPosCallback(fyneMove)
		win.SetMouseButtonCallback(fynePress)
		log.Print("touchtap: the window has no pointer callbacks to hand on to; taps are left as they are")
	}
}

// gate holds a button event that comes in the same poll of events as a
// pointer move until the move has been applied. Its methods run on the UI
// thread, during the poll (as GLFW's callbacks do), so it needs no lock;
// post queues a function to run on the UI thread after the poll and after
// Fyne has applied the move (fyne.Do), in the order posted.
type gate struct {
	post    func(func())
	pending bool // a move came in this poll; Fyne has not applied it yet
	held    int  // button events posted and not yet handed on
}

// moved notes a pointer move.
func (g *gate) moved() {
	if !g.pending {
		g.pending = true
		g.post(func() { g.pending = false })
	}
}

// button hands a button event on at once, or, after a move in this poll
// or behind events already held (a release must not overtake its press),
// once the move is applied.
func (g *gate) button(handOn func()) {
	if !g.pending && g.held == 0 {
		handOn()
		return
	}
	g.held++
	g.post(func() {
		g.held--
		handOn()
	})
}
