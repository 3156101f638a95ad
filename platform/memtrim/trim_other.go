//go:build !linux || !cgo

package memtrim

// trimC does nothing here: Windows' and macOS's allocators give free
// memory back on their own, and without cgo there is no C heap to trim.
func trimC() bool { return false }
