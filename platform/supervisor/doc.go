// Package supervisor keeps a kiosk running: it starts the exhibit as a
// child process and starts it again when it crashes.
//
// Why a supervisor inside the program rather than the operating system's
// service manager: the same few lines work on Windows and on Linux; they
// need no administrator rights, no systemd unit and no Task Scheduler job
// that district IT would have to set up (and could get wrong) on each
// hall's PC; and they go wherever the exhibit goes, including a copy run
// from a USB stick. "trienlam --kiosk" is all staff start (or autostart
// starts); it runs this supervisor, which runs the exhibit. A crash in the
// graphics driver, a bad picture or a library bug then costs the hall a
// few seconds of blank screen, not a dead kiosk until someone comes.
//
// A clean exit (status 0: staff left kiosk mode with the PIN, or closed the
// window) ends the supervisor too. A crash loop — five crashes within two
// minutes, as when the PC has no working OpenGL — gives up with a message
// instead of flashing a window forever. The package knows nothing of Fyne.
package supervisor
