package nosleep

// Inhibit asks the system not to blank the screen, giving reason to the
// user's desktop where it shows one. It returns the function that lifts
// the request; it never fails: where the system offers no way, it does
// nothing (and says so on the log).
func Inhibit(reason string) (release func()) {
	return inhibit(reason)
}
