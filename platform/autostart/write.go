package autostart

import (
	"errors"
	"io/fs"
	"os"

	"trienlam/internal/atomicfile"
)

// writeFile writes data to path whole (atomicfile): a crash never leaves
// half an entry.
func writeFile(path string, data []byte) error {
	return atomicfile.Write(path, data, 0o644)
}

// Disable removes the autostart entry (the Startup shortcut on Windows);
// no entry, or a system with none, is not an error.
func Disable() error {
	p := Path()
	if p == "" {
		return nil
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
