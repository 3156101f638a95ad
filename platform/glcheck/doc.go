// Package glcheck finds out whether this computer can give the program a
// window with OpenGL 2.1 — what Fyne
// draws with — and, when it cannot, tells the person at the computer in
// Vietnamese what is wrong and what to do, instead of the program vanishing
// (Fyne logs "failed to initialise GLFW" or "WGL: the driver does not
// appear to support OpenGL" and then panics, hangs or exits).
//
// Display, called before the window is made, initialises GLFW, the
// library Fyne uses, and reports when there is no display; it leaves GLFW
// initialised, so Fyne's own glfw.Init does nothing (on a Wayland session,
// where Fyne picks GLFW's platform before initialising it, GLFW is closed
// again so that Fyne's choice holds). Whether OpenGL works is learnt from
// the window itself: when the program's window could not be made,
// WindowFailed asks GLFW for a hidden 1×1 window with the same context
// hints as Fyne's (Check) and returns GLFW's reason. The hidden window is
// not made at every start because making it loads the OpenGL driver on
// the UI thread, before the window: ~200 ms in software OpenGL, while
// the first screen's fonts are prepared on another core only during the
// window's own making (bench/startup.sh).
//
// Report shows the message: a message box on Windows; on Linux standard
// error and, when notify-send is installed, a desktop notification.
//
// Like Fyne's own GLFW calls, Display, Check and WindowFailed must run on
// the main goroutine (Fyne's driver locks it to the main thread).
package glcheck
