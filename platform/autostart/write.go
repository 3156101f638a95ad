package autostart

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// writeFile writes data to path through a temporary file and a rename, so
// a crash never leaves half an entry.
func writeFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".trienlam-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
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
