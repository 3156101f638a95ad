package exhibit

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Export writes every file of fsys into dir as an editable folder, for
// example to turn the built-in pack or a zip into something staff can edit.
// It refuses when dir exists and is not empty, and creates it otherwise.
//
// Files are written into a temporary folder next to dir that is renamed
// into place at the end, so a failed export never leaves half a pack that
// looks complete.
func Export(fsys fs.FS, dir string) error {
	if entries, err := os.ReadDir(dir); err == nil {
		if len(entries) > 0 {
			return fmt.Errorf("export to %s: the folder is not empty; choose a new or empty folder", dir)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".export-")
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	// MkdirTemp makes the folder private; an exported pack is for people
	// to edit, so give it the usual permissions.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == "." {
			return nil
		}
		rel := filepath.FromSlash(name)
		if !filepath.IsLocal(rel) {
			return fmt.Errorf("%s: not a local file name", name)
		}
		target := filepath.Join(tmp, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(fsys, name, target)
	})
	if err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	// An empty dir that already exists is replaced; os.Remove only removes
	// an empty folder, so nothing of the user's is lost.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	done = true
	return nil
}

// copyFile copies one file of fsys to target. Links are read through fsys,
// which refuses those leading outside the pack.
func copyFile(fsys fs.FS, name, target string) (err error) {
	in, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", name)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
