//go:build !linux && !windows

package richclip

// read has no clipboard HTML to offer on other systems.
func read() ([]byte, bool) { return nil, false }
