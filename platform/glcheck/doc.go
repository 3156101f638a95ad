// Package glcheck finds out, before the exhibit window is created, whether
// this computer can give the program a window with OpenGL 2.1 — what Fyne
// draws with — and, when it cannot, tells the person at the computer in
// Vietnamese what is wrong and what to do, instead of the program vanishing
// (Fyne logs "failed to initialise GLFW" or "WGL: the driver does not
// appear to support OpenGL" and then panics, hangs or exits).
//
// Check asks GLFW, the library Fyne uses, for a hidden 1×1 window with the
// same context hints as Fyne's, then closes the window. It leaves GLFW
// initialised, so Fyne's own glfw.Init does nothing and its window finds
// the OpenGL driver already loaded: the check then costs little more than
// the start it guards (loading Mesa's software driver twice took ~110 ms
// at every start). On a Wayland session, where Fyne picks GLFW's platform
// before initialising it, GLFW is closed again so that Fyne's choice holds.
// Report shows the message: a message box on
// Windows; on Linux standard error and, when notify-send is installed, a
// desktop notification.
//
// Like Fyne's own GLFW calls, Check must run on the main goroutine (Fyne's
// driver locks it to the main thread).
package glcheck
