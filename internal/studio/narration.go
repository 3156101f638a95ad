package studio

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"trienlam/internal/exhibit"
)

// narrationFolder is where attached recordings go in the exhibit.
const narrationFolder = "audio"

// AttachNarration copies the recording src into the exhibit folder dir as
// audio/CHAPTER-ID.ext — a new file, never over another — and makes it
// chapter ch's narration. Captions of an earlier recording would not fit
// the new one and are let go (their file stays); a WebVTT file beside src
// with its name (a recording that comes with its captions) is copied too.
func (d *Draft) AttachNarration(dir string, ch int, src string) error {
	if ch < 0 || ch >= len(d.Chapters) {
		return fmt.Errorf("no chapter %d", ch+1)
	}
	ext := strings.ToLower(filepath.Ext(src))
	if !slices.Contains(exhibit.NarrationExts, ext) {
		return fmt.Errorf("%s: not a recording the exhibit plays (%s)", filepath.Base(src), strings.Join(exhibit.NarrationExts, ", "))
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	base := d.Chapters[ch].ID
	named := map[string]bool{}
	for _, c := range d.Chapters {
		named[c.Narration], named[c.Captions] = true, true
	}
	name := ""
	for n := 1; ; n++ {
		name = base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		_, e1 := os.Lstat(filepath.Join(dir, narrationFolder, name+ext))
		_, e2 := os.Lstat(filepath.Join(dir, narrationFolder, name+".vtt"))
		if os.IsNotExist(e1) && os.IsNotExist(e2) && !named[path.Join(narrationFolder, name+ext)] && !named[path.Join(narrationFolder, name+".vtt")] {
			break
		}
	}
	file := path.Join(narrationFolder, name+ext)
	if err := writeAtomic(filepath.Join(dir, filepath.FromSlash(file)), data); err != nil {
		return err
	}
	c := &d.Chapters[ch]
	c.Narration, c.Captions, c.NarrationEdited = file, "", true
	if vtt, err := os.ReadFile(strings.TrimSuffix(src, filepath.Ext(src)) + ".vtt"); err == nil {
		capFile := path.Join(narrationFolder, name+".vtt")
		if err := writeAtomic(filepath.Join(dir, filepath.FromSlash(capFile)), vtt); err != nil {
			return err
		}
		c.Captions = capFile
	}
	return nil
}

// DetachNarration takes chapter ch's recording and captions away (their
// files stay in the folder).
func (d *Draft) DetachNarration(ch int) {
	if ch >= 0 && ch < len(d.Chapters) {
		c := &d.Chapters[ch]
		c.Narration, c.Captions, c.NarrationEdited = "", "", true
	}
}

// ReadNarration takes from the exhibit folder's pack.toml the narration
// and captions of the chapters whose narration the draft has not changed:
// after the caption timer, a tool of its own, named new captions there.
func (d *Draft) ReadNarration(dir string) {
	manifest, err := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if err != nil {
		return
	}
	var raw manifestExtras
	if decodeTOML(manifest, &raw) != nil {
		return
	}
	for i := range d.Chapters {
		c := &d.Chapters[i]
		if c.NarrationEdited {
			continue
		}
		entry := raw.chapter(c.ID)
		if v, ok := entry["narration"].(string); ok {
			c.Narration = v
		}
		if v, ok := entry["captions"].(string); ok {
			c.Captions = v
		}
	}
}
