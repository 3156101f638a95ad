//go:build darwin

package autostart

// Path returns "": macOS is not supported.
func Path() string { return "" }

// Enable returns ErrUnsupported.
func Enable(exe string, args []string) error { return ErrUnsupported }

// Enabled returns false.
func Enabled() bool { return false }
