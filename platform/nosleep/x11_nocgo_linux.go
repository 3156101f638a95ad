//go:build !cgo

package nosleep

// x11Inhibit needs cgo to reach libX11; a build without it (the command
// line tests) asks only the desktop.
func x11Inhibit() func() { return func() {} }

// xState is the X server's screen saver and DPMS settings.
type xState struct {
	timeout, interval, prefer, allow int
	dpms, dpmsOn                     bool
}

func xGet() (xState, bool)       { return xState{}, false }
func xSet(xState) (xState, bool) { return xState{}, false }
