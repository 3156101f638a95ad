package glcheck

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/go-gl/glfw/v3.4/glfw"
)

// Kind says what is missing.
type Kind int

const (
	// NoDisplay: there is no graphical session to open a window in (no X
	// server or Wayland compositor reachable).
	NoDisplay Kind = iota + 1
	// NoOpenGL: there is a display, but no OpenGL 2.1 driver for it.
	NoOpenGL
)

// Error is what Check returns when no window with OpenGL can be made.
type Error struct {
	Kind Kind
	// Detail is GLFW's own description, in English, for technical staff.
	Detail string
}

func (e *Error) Error() string {
	switch e.Kind {
	case NoDisplay:
		return "no display to open a window on: " + e.Detail
	default:
		return "no OpenGL 2.1 driver: " + e.Detail
	}
}

// Display reports whether there is a display to open a window on. It
// initialises GLFW and leaves it initialised for Fyne (see KeepsGLFW), so
// it costs almost nothing; it returns a NoDisplay *Error when there is no
// display. Whether OpenGL works is known once Fyne has tried to make the
// exhibit's window: Check tells why when it could not.
func Display() error {
	keep, err := initGLFW()
	if err == nil && !keep {
		glfw.Terminate()
	}
	return err
}

// Check reports whether a window with an OpenGL 2.1 context can be
// created, by making a hidden one. It returns nil when it can, and an
// *Error when it cannot. Making the window loads the OpenGL driver, which
// costs a start ~200 ms in software OpenGL, so the program calls it only
// to explain a window that could not be made.
func Check() error {
	keep, err := initGLFW()
	if err != nil {
		return err
	}
	defer func() {
		if !keep {
			glfw.Terminate()
		}
	}()
	return tryWindow()
}

// WindowFailed says why the program's window could not be made: Check's
// *Error, or a NoOpenGL *Error when a hidden window can be made after all
// (the driver refused only the program's own window).
func WindowFailed() error {
	if err := Check(); err != nil {
		return err
	}
	return &Error{Kind: NoOpenGL, Detail: "the window could not be made, although a hidden test window could"}
}

// initGLFW initialises GLFW; keep says whether it may stay initialised
// for Fyne (when not, the caller terminates it after use).
func initGLFW() (keep bool, err error) {
	defer func() {
		// go-gl/glfw panics on errors it considers programming errors,
		// such as using GLFW after a failed initialisation.
		if r := recover(); r != nil {
			err = classify(fmt.Errorf("%v", r), true)
		}
	}()
	if err := glfw.Init(); err != nil {
		return false, classify(err, true)
	}
	return KeepsGLFW(), nil
}

// tryWindow makes and closes a hidden window with the context hints
// Fyne asks for.
func tryWindow() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = classify(fmt.Errorf("%v", r), false)
		}
	}()
	glfw.DefaultWindowHints()
	defer glfw.DefaultWindowHints()
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	win, err := glfw.CreateWindow(1, 1, "Trienlam", nil, nil)
	if err != nil {
		return classify(err, false)
	}
	if win == nil {
		return &Error{Kind: NoOpenGL, Detail: "GLFW could not create a window with an OpenGL 2.1 context"}
	}
	win.Destroy()
	return nil
}

// KeepsGLFW reports whether a successful Check leaves GLFW initialised for
// Fyne: not when Fyne chooses GLFW's platform itself before initialising
// it (a Wayland session, or FYNE_PLATFORM set).
func KeepsGLFW() bool {
	return os.Getenv("WAYLAND_DISPLAY") == "" && os.Getenv("FYNE_PLATFORM") == ""
}

// classify turns a GLFW error into an *Error. atInit says whether it came
// from initialising GLFW (which fails when there is no display at all).
func classify(err error, atInit bool) *Error {
	detail := err.Error()
	var ge *glfw.Error
	if errors.As(err, &ge) {
		if ge.Code == glfw.PlatformUnavailable {
			return &Error{Kind: NoDisplay, Detail: detail}
		}
	}
	d := strings.ToLower(detail)
	if atInit && (strings.Contains(d, "display") || strings.Contains(d, "platform") ||
		strings.Contains(d, "not initialized")) {
		return &Error{Kind: NoDisplay, Detail: detail}
	}
	return &Error{Kind: NoOpenGL, Detail: detail}
}

// Title is the title of the message (a window title or notification
// summary).
const Title = "Trienlam – không mở được cửa sổ"

// Message is the Vietnamese text that explains err and what to do, with
// GLFW's English detail at the end for technical staff.
func Message(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Kind: NoOpenGL, Detail: err.Error()}
	}
	var b strings.Builder
	switch e.Kind {
	case NoDisplay:
		b.WriteString("Trienlam không tìm thấy màn hình để mở cửa sổ trình chiếu.\n\n")
		b.WriteString("Cách khắc phục: hãy mở Trienlam từ màn hình nền (desktop) của máy tính, " +
			"sau khi đã đăng nhập, chứ không phải từ một cửa sổ dòng lệnh điều khiển từ xa.\n")
	default:
		b.WriteString("Trienlam không mở được cửa sổ trình chiếu vì máy tính này chưa có " +
			"trình điều khiển đồ hoạ (driver card màn hình) hỗ trợ OpenGL 2.1.\n\n")
		b.WriteString("Cách khắc phục: " + driverAdvice + "\n")
	}
	b.WriteString("Nếu vẫn không được, hãy nhờ cán bộ kỹ thuật giúp và gửi kèm dòng dưới đây.\n\n")
	b.WriteString("Chi tiết kỹ thuật: " + e.Error())
	return b.String()
}
