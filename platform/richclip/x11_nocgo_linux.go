//go:build !cgo

package richclip

// read needs cgo to reach libX11; a build without it (the command line
// tests) has no HTML to offer.
func read() ([]byte, bool) { return nil, false }
