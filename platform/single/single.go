// Package single keeps one copy of the exhibit running per user: a kiosk
// PC started twice at login (a Startup shortcut from the installer and one
// from the settings), or a visitor double-clicking the icon again, must not
// end up with two exhibits fighting over the screen and the sound card.
package single

// Acquire takes the per-user instance lock called name. It reports false
// when another process holds it. release gives the lock back; the system
// also drops it when the process ends, even by a crash, so a restarted
// exhibit is never locked out.
func Acquire(name string) (release func(), ok bool, err error) {
	return acquire(name)
}
