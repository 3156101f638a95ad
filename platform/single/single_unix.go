//go:build unix

package single

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// acquire takes an flock on a file in the user's cache folder.
func acquire(name string) (func(), bool, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "trienlam")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return func() {}, true, fmt.Errorf("instance lock: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(dir, name+".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return func() {}, true, fmt.Errorf("instance lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return func() {}, false, nil
		}
		// A file system without locks must not stop the exhibit.
		return func() {}, true, fmt.Errorf("instance lock: %w", err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, true, nil
}
