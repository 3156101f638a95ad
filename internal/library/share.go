package library

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"trienlam/internal/exhibit"
)

// Zip writes the pack at src (a folder, a zip, or an installed exhibit's
// folder) as a .trienlam file at out: a zip with pack.toml at its top,
// names in UTF-8 (flagged so), files in a fixed order with a fixed time, so
// the same pack always gives the same file. It never overwrites: out must
// not exist. The file is written beside out and renamed at the end, so a
// stick pulled out mid-way leaves no half file under the final name.
func Zip(src, out string) error {
	pfs, err := exhibit.Open(src)
	if err != nil {
		return err
	}
	defer pfs.Close()
	return ZipFS(pfs, out)
}

// ZipFS writes the pack in fsys (the built-in pack, for instance) as a
// .trienlam file at out, as Zip does.
func ZipFS(fsys fs.FS, out string) (err error) {
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s already exists; nothing was written (choose a new file name: trienlam never overwrites a file)", out)
	}
	if _, err := fs.Stat(fsys, exhibit.ManifestName); err != nil {
		return ErrNotPack
	}
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	zw := zip.NewWriter(f)
	// A fixed time: the file depends only on the pack's content.
	stamp := time.Date(2023, 9, 22, 0, 0, 0, 0, time.UTC)
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(filepath.Base(name), ".") {
			if d.IsDir() && name != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // .trash, .backup, editors' folders
			}
			return nil
		}
		hdr := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp}
		hdr.NonUTF8 = false
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp" || ext == ".ogg" || ext == ".mp3" || ext == ".mp4" || ext == ".m4a" || ext == ".opus" {
			hdr.Method = zip.Store // already compressed
		}
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		in, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer in.Close()
		_, err = io.Copy(w, in)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if _, statErr := os.Lstat(out); statErr == nil {
		return fmt.Errorf("%s already exists; nothing was written", out)
	}
	if err = os.Rename(f.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// Template says what a new exhibit starts from.
type Template int

const (
	// FromBuiltin copies the built-in exhibit, to change into next year's.
	FromBuiltin Template = iota
	// Blank is one empty chapter and nothing else.
	Blank
)

// blankManifest and blankChapter make a new empty exhibit: what a person
// would write first in Notepad, following docs/pack-format.md.
const blankManifest = `# Gói triển lãm mới (định dạng gói v1): xem docs/pack-format.md.
format = 1
id = "new"
title = "Triển lãm mới"
subtitle = ""
language = "vi"

[[chapters]]
id = "chuong-1"
title = "Chương 1"
file = "chapters/01-chuong-1.md"
`

const blankChapter = `# Chương 1

Viết nội dung chương ở đây. Mỗi đoạn cách nhau một dòng trống.
`

// New makes a new exhibit in the library with the given id and title, from
// the built-in exhibit (builtin is its file system) or blank, ready to
// edit, and returns its entry. The id must be new.
func (l *Library) New(t Template, builtin fs.FS, id, title string) (Entry, error) {
	if !validID(id) || id == BuiltinID {
		return Entry{}, fmt.Errorf("%q cannot be an exhibit id: use lower-case letters without accents, digits and hyphens, e.g. lich-su-xa-2024", id)
	}
	if l.hasFolder(id) {
		return Entry{}, &ExistsError{ID: id, Existing: l.entry(id)}
	}
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return Entry{}, fmt.Errorf("exhibits folder: %w", err)
	}
	tmp := filepath.Join(l.Dir, ".new-"+id+"-"+l.stamp())
	var err error
	switch t {
	case FromBuiltin:
		err = exhibit.Export(builtin, tmp)
	default:
		err = writeBlank(tmp)
	}
	if err == nil {
		err = setIdentity(tmp, id, title)
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(l.Dir, id))
	}
	if err != nil {
		os.RemoveAll(tmp)
		return Entry{}, fmt.Errorf("new exhibit %s: %w", id, err)
	}
	return l.entry(id), nil
}

// writeBlank writes the blank template into dir.
func writeBlank(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "chapters"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, exhibit.ManifestName), []byte(blankManifest), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "chapters", "01-chuong-1.md"), []byte(blankChapter), 0o644)
}

// setIdentity gives the pack in dir its id and title, through the one
// pack.toml editor, so the rest of the file stays as it was.
func setIdentity(dir, id, title string) error {
	path := filepath.Join(dir, exhibit.ManifestName)
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m := exhibit.EditManifest(b)
	m.SetKey("", "id", id)
	if strings.TrimSpace(title) != "" {
		m.SetKey("", "title", title)
	}
	if !m.Changed() {
		return errors.New("pack.toml was not changed")
	}
	return os.WriteFile(path, m.Bytes(), 0o644)
}

// ErrNotPack is Zip's error for a folder or zip without pack.toml at its
// top.
var ErrNotPack = errors.New("not an exhibit pack: no " + exhibit.ManifestName + " at its top")
