package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
)

// Limits of import-photos.
const (
	// importMaxSide is the longest side of an imported photo: sharp on a
	// 2560×1440 screen, a few hundred kilobytes as a JPEG.
	importMaxSide = 2560
	// importQuality is the JPEG quality of re-encoded photos.
	importQuality = 88
	// photosFolder is where imported photos go inside the pack.
	photosFolder = "photos"
)

// importResult is what happened to one file of the import folder.
type importResult struct {
	name   string // the file's name in the import folder
	target string // pack path written, when imported
	id     string
	note   string      // how it was changed, or why it was skipped
	warn   string      // e.g. an extension that does not match the content
	entry  [][2]string // the keys of the [[photos]] entry appended to pack.toml
}

// runImportPhotos copies the photos of a folder into a pack folder's
// photos/, resized and turned upright, and adds a [[photos]] entry for
// each to pack.toml. It never overwrites a file or an entry: what is
// already there is skipped and said so, which makes running it twice
// harmless.
func runImportPhotos(e *env, args []string) int {
	src, dir, code, done := e.importArgs("import-photos", args, "one folder of photos", "folder", "the photos")
	if done {
		return code
	}
	for _, d := range []struct{ flag, path string }{{"", src}, {"--pack ", dir}} {
		if msg := checkExists(d.path); msg != "" {
			e.errorf("%s%s: %s", d.flag, shorten(d.path), msg)
			return ExitUsage
		}
		if info, err := os.Stat(d.path); err == nil && !info.IsDir() {
			e.errorf("%s%s: not a folder", d.flag, shorten(d.path))
			return ExitUsage
		}
	}
	manifestPath := filepath.Join(dir, exhibit.ManifestName)
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		e.errorf("import-photos: --pack %s: %v (is it a pack folder?)", shorten(dir), unwrapPath(err))
		return ExitUsage
	}
	var m struct {
		Photos []struct {
			ID   string `toml:"id"`
			File string `toml:"file"`
		} `toml:"photos"`
	}
	if _, err := toml.Decode(string(manifest), &m); err != nil {
		e.errorf("import-photos: %s: %v; nothing was written (run trienlam validate %s)", manifestPath, err, shorten(dir))
		return ExitFailure
	}
	ids, files := map[string]bool{}, map[string]bool{}
	for _, p := range m.Photos {
		ids[p.ID] = true
		files[path.Clean(p.File)] = true
	}

	entries, err := os.ReadDir(src)
	if err != nil {
		e.errorf("import-photos: %s: %v", shorten(src), unwrapPath(err))
		return ExitFailure
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	if err := os.MkdirAll(filepath.Join(dir, photosFolder), 0o755); err != nil {
		e.errorf("import-photos: %v", err)
		return ExitFailure
	}

	srcFS := os.DirFS(src)
	var imported, skipped []importResult
	var written []string
	failed := false
	var hidden []string
	thisRun := map[string]bool{} // ids given in this run
	for _, de := range entries {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			// .DS_Store, .thumbnails and the like: not imported, but
			// said, since a photo may have been hidden by mistake.
			hidden = append(hidden, name)
			continue
		}
		r := importResult{name: name}
		if !de.Type().IsRegular() {
			if de.IsDir() {
				r.note = "a folder (import-photos does not look inside folders)"
			} else {
				r.note = "not a regular file"
			}
			skipped = append(skipped, r)
			continue
		}
		info, err := photos.Inspect(srcFS, name)
		if err != nil {
			r.note = skipReason(err)
			skipped = append(skipped, r)
			continue
		}
		if w := photos.CheckExtension(name, info.Format); w != nil {
			r.warn = strings.TrimPrefix(w.Error(), name+": ")
		}
		r.id = photos.ID(name)
		ext := ".jpg"
		if info.Format == "png" {
			ext = ".png"
		}
		// Two files of this run whose names fold to the same id ("anh 1.jpg",
		// "Ảnh 1.jpg") both come in: anh-1, anh-1-2. An id already in
		// pack.toml from an earlier run is skipped instead, so running
		// twice adds nothing.
		if thisRun[r.id] {
			base := r.id
			for n := 2; ; n++ {
				id := fmt.Sprintf("%s-%d", base, n)
				target := photosFolder + "/" + id + ext
				_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(target)))
				if !ids[id] && !files[target] && errors.Is(err, fs.ErrNotExist) {
					r.id = id
					break
				}
			}
		}
		r.target = photosFolder + "/" + r.id + ext
		switch {
		case ids[r.id]:
			r.note = fmt.Sprintf("already in pack.toml (a photo with id %q)", r.id)
		case files[r.target]:
			r.note = fmt.Sprintf("already in pack.toml (%s)", r.target)
		}
		if r.note == "" {
			if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(r.target))); err == nil {
				r.note = fmt.Sprintf("exists: %s is already in the pack folder (not in pack.toml: add an entry by hand, or move the file away and run again)", r.target)
			}
		}
		if r.note != "" {
			skipped = append(skipped, r)
			continue
		}
		data, how, err := photos.Prepare(srcFS, name, info, importMaxSide, importQuality)
		if err != nil {
			r.note = skipReason(err)
			skipped = append(skipped, r)
			continue
		}
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(r.target)), data); err != nil {
			e.errorf("import-photos: %v", err)
			failed = true
			break
		}
		written = append(written, filepath.Join(dir, filepath.FromSlash(r.target)))
		r.note = how
		r.entry = photoEntry(r.id, r.target, name, info)
		ids[r.id], files[r.target], thisRun[r.id] = true, true, true
		imported = append(imported, r)
	}

	if len(imported) > 0 && !failed {
		m := exhibit.EditManifest(manifest)
		for _, r := range imported {
			m.AppendEntry("photos", r.entry...)
		}
		if err := replaceFile(manifestPath, m.Bytes()); err != nil {
			e.errorf("import-photos: %v", err)
			failed = true
		}
	}
	if failed {
		for _, w := range written {
			os.Remove(w)
		}
		e.errorf("import-photos: nothing was imported (the photos written so far were removed)")
		return ExitFailure
	}

	if len(imported) == 0 {
		fmt.Fprintf(e.stdout, "imported no photos; %s was not changed\n", manifestPath)
	} else {
		fmt.Fprintf(e.stdout, "imported %d photos into %s and added them to %s:\n",
			len(imported), filepath.Join(dir, photosFolder), manifestPath)
		for _, r := range imported {
			fmt.Fprintf(e.stdout, "  %s → %s (id %q; %s)\n", r.name, r.target, r.id, r.note)
		}
	}
	for _, r := range imported {
		if r.warn != "" {
			fmt.Fprintf(e.stdout, "note: %s: %s\n", r.name, r.warn)
		}
	}
	// Photos already in the pack from an earlier run are no failure; any
	// other skipped file is, so a script sees that something was left out.
	refused := 0
	if len(skipped) > 0 {
		fmt.Fprintf(e.stdout, "skipped %d:\n", len(skipped))
		for _, r := range skipped {
			fmt.Fprintf(e.stdout, "  %s: %s\n", r.name, r.note)
			if !strings.HasPrefix(r.note, "already in pack.toml") && !strings.HasPrefix(r.note, "a folder") {
				refused++
			}
		}
	}
	if len(hidden) > 0 {
		fmt.Fprintf(e.stdout, "hidden files not imported (their names start with a dot; rename one to import it): %s\n", strings.Join(hidden, ", "))
	}
	if len(imported) > 0 {
		fmt.Fprintf(e.stdout, "captions are the file names for now: write real captions, credits and alt text in %s\n", manifestPath)
		// What was written must load without a problem.
		if _, probs, pfs, err := exhibit.LoadPath(dir); err == nil {
			pfs.Close()
			bad := 0
			for _, p := range probs {
				for _, r := range imported {
					if strings.Contains(p.String(), r.target) || strings.Contains(p.String(), `"`+r.id+`"`) {
						fmt.Fprintln(e.stdout, p.StringIn(e.lang))
						bad++
						break
					}
				}
			}
			if bad > 0 {
				e.errorf("import-photos: %d problems with the imported photos (a bug in Trienlam: please report it)", bad)
				return ExitFailure
			}
		}
	}
	if refused > 0 {
		e.errorf("import-photos: %d files were not imported (see the list above)", refused)
		return ExitFailure
	}
	return ExitOK
}

// skipReason words why a file was not imported.
func skipReason(err error) string {
	var pe *photos.Error
	detail := err.Error()
	if errors.As(err, &pe) {
		detail = pe.Detail
	}
	switch {
	case errors.Is(err, photos.ErrNotImage):
		return detail // "not a JPEG, PNG or WebP image (it is a GIF)"
	case errors.Is(err, photos.ErrTooLarge):
		return "too large: " + detail
	case errors.Is(err, photos.ErrDamaged):
		return "damaged: " + detail
	}
	return "could not be read: " + detail
}

// photoEntry is the [[photos]] table appended to pack.toml for an imported
// photo: the file name as a provisional caption, the EXIF date as
// DD/MM/YYYY when the camera recorded one, alt text left for people to
// write.
func photoEntry(id, target, name string, info photos.Info) [][2]string {
	kvs := [][2]string{
		{"id", id},
		{"file", target},
		{"kind", "photo"},
		{"caption", strings.TrimSuffix(name, filepath.Ext(name))},
	}
	if !info.Taken.IsZero() {
		kvs = append(kvs, [2]string{"date", info.Taken.Format("02/01/2006")})
	}
	return append(kvs, [2]string{"alt", ""})
}
