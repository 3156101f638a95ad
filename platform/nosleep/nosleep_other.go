//go:build !linux && !windows

package nosleep

// inhibit does nothing on systems without a known way.
func inhibit(string) func() { return func() {} }
