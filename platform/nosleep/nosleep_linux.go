package nosleep

import (
	"log"

	"github.com/godbus/dbus/v5"
)

// inhibit uses the freedesktop ScreenSaver interface on the session bus,
// which GNOME, KDE, Xfce and Cinnamon implement; the inhibition also ends
// by itself if the app dies.
func inhibit(reason string) func() {
	conn, err := dbus.SessionBus()
	if err != nil {
		log.Printf("nosleep: no session bus, the screen may blank: %v", err)
		return func() {}
	}
	obj := conn.Object("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")
	var cookie uint32
	if err := obj.Call("org.freedesktop.ScreenSaver.Inhibit", 0, "Trienlam", reason).Store(&cookie); err != nil {
		log.Printf("nosleep: the desktop offers no screen saver inhibition, the screen may blank: %v", err)
		return func() {}
	}
	return func() {
		obj.Call("org.freedesktop.ScreenSaver.UnInhibit", 0, cookie)
	}
}
