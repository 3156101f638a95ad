// Package atomicfile replaces a file whole: the new content goes to a
// temporary file beside it, is flushed to the disk, and is renamed over
// the file, so that a crash, a power cut or a full disk leaves the old
// file or the new one, never half of one. It is the one way the program
// writes a file that must never be half-written: staff's pack files and
// drafts, the exhibit library, autostart entries, pictures kept in the
// cache folder.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// tempMark is in the name of every temporary file Write makes, which is
// "." + the file's name + tempMark + a random number.
const tempMark = ".tmp-"

// Write writes data to the file name with the permissions perm, through a
// temporary file in the same folder (which must exist). Errors name the
// file.
func Write(name string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+tempMark+"*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), perm)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// IsTemp reports whether a file's base name is that of a temporary file
// Write made: one left by a write that was cut short.
func IsTemp(base string) bool {
	return strings.HasPrefix(base, ".") && strings.Contains(base, tempMark)
}
