package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
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
	kept   bool        // skipped but no failure: already in the pack, or a folder
	warn   string      // e.g. an extension that does not match the content
	entry  [][2]string // the keys of the [[photos]] entry appended to pack.toml
}

// runImportPhotos copies the photos of a folder into a pack folder's
// photos/, resized and turned upright, and adds a [[photos]] entry for
// each to pack.toml. It never overwrites a file or an entry: what is
// already there is skipped and said so, which makes running it twice
// harmless.
func runImportPhotos(e *env, args []string) int {
	src, dir, code, done := e.importArgs("import-photos", args, "takes-one-photo-folder", "what-folder", "the-photos")
	if done {
		return code
	}
	for _, d := range []struct{ flag, path string }{{"", src}, {"--pack ", dir}} {
		if err := checkExists(d.path); err != nil {
			e.fail("path-problem", "path", d.flag+shorten(d.path), "why", e.errText(err))
			return ExitUsage
		}
		if info, err := os.Stat(d.path); err == nil && !info.IsDir() {
			e.fail("path-not-folder", "path", d.flag+shorten(d.path))
			return ExitUsage
		}
	}
	manifestPath := filepath.Join(dir, exhibit.ManifestName)
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		e.fail("import-photos-not-pack", "dir", shorten(dir), "error", e.errText(unwrapPath(err)))
		return ExitUsage
	}
	var m struct {
		Photos []struct {
			ID   string `toml:"id"`
			File string `toml:"file"`
		} `toml:"photos"`
	}
	if _, err := toml.Decode(string(manifest), &m); err != nil {
		e.fail("import-photos-toml", "manifest", manifestPath, "error", err.Error(), "dir", shorten(dir))
		return ExitFailure
	}
	ids, files := map[string]bool{}, map[string]bool{}
	for _, p := range m.Photos {
		ids[p.ID] = true
		files[path.Clean(p.File)] = true
	}

	entries, err := os.ReadDir(src)
	if err != nil {
		e.fail("import-photos-read-failed", "dir", shorten(src), "error", e.errText(unwrapPath(err)))
		return ExitFailure
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	if err := os.MkdirAll(filepath.Join(dir, photosFolder), 0o755); err != nil {
		e.fail("import-photos-failed", "error", e.errText(err))
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
				r.note, r.kept = e.text("skip-folder"), true
			} else {
				r.note = e.text("skip-not-regular")
			}
			skipped = append(skipped, r)
			continue
		}
		info, err := photos.Inspect(srcFS, name)
		if err != nil {
			r.note = e.skipReason(err)
			skipped = append(skipped, r)
			continue
		}
		if w := photos.CheckExtension(name, info.Format); w != nil {
			r.warn = e.text("photo-ext-mismatch", "warning", strings.TrimPrefix(w.Error(), name+": "), "format", strings.ToUpper(info.Format))
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
			r.note, r.kept = e.text("skip-id-taken", "id", strconv.Quote(r.id)), true
		case files[r.target]:
			r.note, r.kept = e.text("skip-in-manifest", "target", r.target), true
		}
		if r.note == "" {
			if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(r.target))); err == nil {
				r.note = e.text("skip-exists", "target", r.target)
			}
		}
		if r.note != "" {
			skipped = append(skipped, r)
			continue
		}
		data, how, err := photos.Prepare(srcFS, name, info, importMaxSide, importQuality)
		if err != nil {
			r.note = e.skipReason(err)
			skipped = append(skipped, r)
			continue
		}
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(r.target)), data); err != nil {
			e.fail("import-photos-failed", "error", e.errText(err))
			failed = true
			break
		}
		written = append(written, filepath.Join(dir, filepath.FromSlash(r.target)))
		r.note = e.changeText(how)
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
			e.fail("import-photos-failed", "error", e.errText(err))
			failed = true
		}
	}
	if failed {
		for _, w := range written {
			os.Remove(w)
		}
		e.fail("import-photos-rolled-back")
		return ExitFailure
	}

	if len(imported) == 0 {
		e.say("import-photos-none", "manifest", manifestPath)
	} else {
		e.say("import-photos-done", "n", strconv.Itoa(len(imported)), "dir", filepath.Join(dir, photosFolder), "manifest", manifestPath)
		for _, r := range imported {
			e.say("import-photos-line", "name", r.name, "target", r.target, "id", strconv.Quote(r.id), "how", r.note)
		}
	}
	for _, r := range imported {
		if r.warn != "" {
			e.say("note", "note", r.name+": "+r.warn)
		}
	}
	// Photos already in the pack from an earlier run are no failure; any
	// other skipped file is, so a script sees that something was left out.
	refused := 0
	if len(skipped) > 0 {
		e.say("import-photos-skipped", "n", strconv.Itoa(len(skipped)))
		for _, r := range skipped {
			fmt.Fprintf(e.stdout, "  %s: %s\n", r.name, r.note)
			if !r.kept {
				refused++
			}
		}
	}
	if len(hidden) > 0 {
		e.say("import-photos-hidden", "files", strings.Join(hidden, ", "))
	}
	if len(imported) > 0 {
		e.say("import-photos-write-captions", "manifest", manifestPath)
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
				e.fail("import-photos-bug", "n", strconv.Itoa(bad))
				return ExitFailure
			}
		}
	}
	if refused > 0 {
		e.fail("import-photos-refused", "n", strconv.Itoa(refused))
		return ExitFailure
	}
	return ExitOK
}

// skipReason words why a file was not imported.
func (e *env) skipReason(err error) string {
	var pe *photos.Error
	detail := err.Error()
	if errors.As(err, &pe) {
		detail = pe.Detail
	}
	switch {
	case errors.Is(err, photos.ErrNotImage):
		return e.text("skip-not-image", "error", detail) // "not a JPEG, PNG or WebP image (it is a GIF)"
	case errors.Is(err, photos.ErrTooLarge):
		return e.text("skip-too-large", "error", detail)
	case errors.Is(err, photos.ErrDamaged):
		return e.text("skip-damaged", "error", detail)
	}
	return e.text("skip-unreadable", "error", detail)
}

// changeText says what photos.Prepare did to a photo.
func (e *env) changeText(c photos.Change) string {
	size := func(w, h int) string { return fmt.Sprintf("%d×%d", w, h) }
	if c.Unchanged {
		return e.text("how-unchanged", "size", size(c.FromW, c.FromH))
	}
	var how []string
	if c.W != c.FromW || c.H != c.FromH {
		how = append(how, e.text("how-shrunk", "from", size(c.FromW, c.FromH), "to", size(c.W, c.H)))
	} else {
		how = append(how, size(c.W, c.H))
	}
	if c.Upright {
		how = append(how, e.text("how-upright"))
	}
	if c.WebPAsJPEG {
		how = append(how, e.text("how-webp"))
	}
	return strings.Join(how, ", ")
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
