// Package nosleep keeps the screen from blanking or locking while the
// exhibit presents to a hall: a projector that goes dark in the middle of
// a talk, or a kiosk that locks, is the failure people remember.
package nosleep

// Inhibit asks the system not to blank the screen, giving reason to the
// user's desktop where it shows one. It returns the function that lifts
// the request; it never fails: where the system offers no way, it does
// nothing (and says so on the log).
func Inhibit(reason string) (release func()) {
	return inhibit(reason)
}
