package media

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Resolver turns a path inside a pack into a file on disk that mpv can
// open, or returns "" (and no error) when the pack has no such file on
// disk, so that it is copied out with TempCopy instead.
type Resolver func(packPath string) (string, error)

// DirResolver resolves paths of a folder pack at dir (PackFS.Dir()): the
// files are used where they are. With dir == "" (a zip pack) it resolves
// nothing.
func DirResolver(dir string) Resolver {
	return func(p string) (string, error) {
		if dir == "" {
			return "", nil
		}
		if !fs.ValidPath(p) {
			return "", fmt.Errorf("%s: not a path inside the pack", p)
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if _, err := os.Stat(full); err != nil {
			return "", err
		}
		return full, nil
	}
}

// TempCopy copies the file p of fsys (an entry of a zipped pack, say) to a
// new temporary file with the same extension — mpv picks decoders and
// subtitle readers by it — and returns its path and a function that removes
// it.
func TempCopy(fsys fs.FS, p string) (string, func(), error) {
	src, err := fsys.Open(p)
	if err != nil {
		return "", nil, err
	}
	defer src.Close()
	ext := strings.ToLower(path.Ext(p))
	f, err := os.CreateTemp("", "trienlam-*"+ext)
	if err != nil {
		return "", nil, err
	}
	remove := func() { os.Remove(f.Name()) }
	if _, err := io.Copy(f, src); err != nil {
		f.Close()
		remove()
		return "", nil, fmt.Errorf("%s: copy to a temporary file: %w", p, err)
	}
	if err := f.Close(); err != nil {
		remove()
		return "", nil, err
	}
	return f.Name(), remove, nil
}

// localFile returns a path on disk for p: resolve's answer, or a temporary
// copy (cleanup is then non-nil).
func localFile(fsys fs.FS, resolve Resolver, p string) (string, func(), error) {
	if resolve != nil {
		real, err := resolve(p)
		if err != nil {
			return "", nil, err
		}
		if real != "" {
			return real, nil, nil
		}
	}
	if fsys == nil {
		return "", nil, fmt.Errorf("%s: no pack to read it from", p)
	}
	return TempCopy(fsys, p)
}
