package exhibit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

// BackupTimeLayout is the time stamp added to the name of a file kept as a
// backup: "audio/01.vtt" becomes "audio/01.vtt.bak-20230922-080000".
const BackupTimeLayout = "20060102-150405"

// CaptionsSaved says what SaveCaptions did, with paths inside the pack.
type CaptionsSaved struct {
	// Path is the captions file written.
	Path string
	// Backup is where the file that was at Path before now is, or "" when
	// there was none.
	Backup string
	// ManifestChanged is set when pack.toml was edited to name Path as the
	// chapter's captions.
	ManifestChanged bool
}

// CaptionsPathFor returns where a chapter's captions go: its captions file
// when it has one, else the narration's path with the extension ".vtt"
// ("audio/01.mp3" → "audio/01.vtt").
func CaptionsPathFor(ch *Chapter) string {
	if ch.Captions != "" {
		return ch.Captions
	}
	if ch.Narration == "" {
		return ""
	}
	return strings.TrimSuffix(ch.Narration, path.Ext(ch.Narration)) + ".vtt"
}

// SaveCaptions writes data, WebVTT captions made by staff, as the captions
// of chapter chapterID of the folder pack at dir, at the pack path
// captions, and makes pack.toml name them. Nothing staff made is lost:
//
//   - a file already at captions is renamed to
//     "<captions>.bak-YYYYMMDD-HHMMSS" (the time now, local), with "-2",
//     "-3", … added if that name is taken;
//   - the new file is written beside it first and renamed into place, so a
//     failure never leaves half a file;
//   - pack.toml is changed only when the chapter's entry lacks the line
//     captions = "<captions>", by adding or replacing that one line
//     (SetChapterKey); the rest of the file stays as written.
//
// pack.toml is checked before anything is written: when the chapter has no
// entry there, nothing is written and the error says so.
func SaveCaptions(dir, chapterID, captions string, data []byte, now time.Time) (CaptionsSaved, error) {
	var saved CaptionsSaved
	name, err := packPath(captions)
	if err != nil {
		return saved, fmt.Errorf("captions %q: %w", captions, err)
	}
	saved.Path = name
	root, err := os.OpenRoot(dir)
	if err != nil {
		return saved, err
	}
	defer root.Close()

	manifest, err := root.ReadFile(ManifestName)
	if err != nil {
		return saved, err
	}
	newManifest, changed, err := SetChapterKey(manifest, chapterID, "captions", name)
	if err != nil {
		return saved, err
	}

	if d := path.Dir(name); d != "." {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return saved, err
		}
	}
	tmp, err := writeTemp(root, name, data)
	if err != nil {
		return saved, err
	}
	if _, err := root.Lstat(name); err == nil {
		backup := name + ".bak-" + now.Format(BackupTimeLayout)
		for n := 2; ; n++ {
			if _, err := root.Lstat(backup); errors.Is(err, fs.ErrNotExist) {
				break
			}
			backup = name + ".bak-" + now.Format(BackupTimeLayout) + "-" + strconv.Itoa(n)
		}
		if err := root.Rename(name, backup); err != nil {
			root.Remove(tmp)
			return saved, fmt.Errorf("keep the old %s: %w; nothing was written", name, err)
		}
		saved.Backup = backup
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		if saved.Backup != "" {
			if root.Rename(saved.Backup, name) == nil {
				saved.Backup = ""
			}
		}
		return saved, err
	}

	if changed {
		tmp, err := writeTemp(root, ManifestName, newManifest)
		if err == nil {
			err = root.Rename(tmp, ManifestName)
			if err != nil {
				root.Remove(tmp)
			}
		}
		if err != nil {
			return saved, fmt.Errorf("%s was written, but %s could not be changed (%w); add captions = %s to the chapter %q by hand",
				name, ManifestName, err, TOMLString(name), chapterID)
		}
		saved.ManifestChanged = true
	}
	return saved, nil
}

// writeTemp writes data to a new file beside name, to be renamed into
// place, and returns its name.
func writeTemp(root *os.Root, name string, data []byte) (string, error) {
	dir, base := path.Split(name)
	for i := 0; ; i++ {
		tmp := dir + "." + base + ".tmp-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(i)
		f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if e := f.Sync(); err == nil {
			err = e
		}
		if e := f.Close(); err == nil {
			err = e
		}
		if err != nil {
			root.Remove(tmp)
			return "", err
		}
		return tmp, nil
	}
}
