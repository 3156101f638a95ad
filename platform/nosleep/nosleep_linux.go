package nosleep

import (
	"log"

	"github.com/godbus/dbus/v5"
)

// inhibit asks both ways a Linux desktop blanks the screen: the desktop's
// screen saver, through the freedesktop ScreenSaver interface on the
// session bus (GNOME, KDE, Xfce, Cinnamon; that inhibition also ends by
// itself if the app dies), and the X server's own screen saver and DPMS
// power saving, which blank a PC with no desktop session at all (a kiosk
// started straight into X, or a desktop that ignores the first).
func inhibit(reason string) func() {
	undoX := x11Inhibit()
	undoBus := busInhibit(reason)
	return func() {
		undoBus()
		undoX()
	}
}

func busInhibit(reason string) func() {
	conn, err := dbus.SessionBus()
	if err != nil {
		log.Printf("nosleep: no session bus, the desktop's screen saver is not asked: %v", err)
		return func() {}
	}
	obj := conn.Object("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")
	var cookie uint32
	if err := obj.Call("org.freedesktop.ScreenSaver.Inhibit", 0, "Trienlam", reason).Store(&cookie); err != nil {
		log.Printf("nosleep: the desktop offers no screen saver inhibition: %v", err)
		return func() {}
	}
	return func() {
		if call := obj.Call("org.freedesktop.ScreenSaver.UnInhibit", 0, cookie); call.Err != nil {
			log.Printf("nosleep: releasing the screen saver: %v", call.Err)
		}
	}
}
