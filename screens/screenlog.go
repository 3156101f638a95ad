package screens

import (
	"fmt"
	"os"
	"strings"
)

// ScreenLogEnv names the environment variable that makes the exhibit
// append a line to a file each time the screen changes ("home",
// "reader 3", "reader 2 tour", "viewer", "kiosk attract", …).
// scripts/hall.sh walks the real program with keys and clicks and reads it
// to know where each step took it, so that a step that goes nowhere fails
// at once with its name instead of leaving a wrong picture. Unset, nothing
// is written.
const ScreenLogEnv = "TRIENLAM_SCREEN_LOG"

// logScreen writes the current screen's name, with detail, to the screen
// log when there is one.
func (e *Exhibit) logScreen(detail string) {
	if e.screenLog == "" {
		return
	}
	name := strings.TrimSuffix(strings.TrimPrefix(fmt.Sprintf("%T", e.current), "*screens."), "Screen")
	if r, ok := e.current.(*readerScreen); ok {
		name += fmt.Sprintf(" %d", r.chapter+1)
		if e.touring {
			name += " tour"
		}
	}
	if detail != "" {
		name += " " + detail
	}
	f, err := os.OpenFile(e.screenLog, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return // a test aid: never a reason to stop the exhibit
	}
	fmt.Fprintln(f, name)
	f.Close()
}
