package nosleep

import "sync"

var (
	mu      sync.Mutex
	holders int
	undo    func()
	// system is what asks the system; tests replace it.
	system = inhibit
)

// Inhibit asks the system not to blank the screen, giving reason to the
// user's desktop where it shows one. It returns the function that lifts
// the request (calling it again does nothing); it never fails: where the
// system offers no way, it does nothing (and says so on the log).
//
// Requests nest: the system is asked once, by the first, and released by
// the last release, so kiosk mode, presenting and the tour can each hold
// the screen on in any order without undoing one another's settings.
func Inhibit(reason string) (release func()) {
	mu.Lock()
	defer mu.Unlock()
	holders++
	if holders == 1 {
		undo = system(reason)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			holders--
			if holders == 0 && undo != nil {
				undo()
				undo = nil
			}
		})
	}
}

// Held reports whether some part of the exhibit holds the screen on.
func Held() bool {
	mu.Lock()
	defer mu.Unlock()
	return holders > 0
}
