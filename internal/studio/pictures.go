package studio

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
)

// Limits of an added picture: those of import-photos.
const (
	pictureMaxSide = 2560
	pictureQuality = 88
	picturesFolder = "photos"
)

// Picture is one [[photos]] entry being edited.
type Picture struct {
	ID, File                   string
	Caption, Credit, Date, Alt string
}

// AddPicture brings the picture file src into the exhibit folder dir the
// way import-photos does (checked by decoding, turned upright, at most
// 2560 px, the camera's date kept) as photos/ID.jpg or .png — a new file,
// never over another — and adds it to the draft with its file name as a
// first caption. It returns the index of the new picture.
func (d *Draft) AddPicture(dir, src string) (int, error) {
	srcDir, name := filepath.Split(src)
	fsys := os.DirFS(filepath.Clean(srcDir + "."))
	info, err := photos.Inspect(fsys, name)
	if err != nil {
		return -1, err
	}
	data, _, err := photos.Prepare(fsys, name, info, pictureMaxSide, pictureQuality)
	if err != nil {
		return -1, err
	}
	ext := ".jpg"
	if info.Format == "png" {
		ext = ".png"
	}
	taken := map[string]bool{}
	for _, p := range d.Pictures {
		taken[p.ID] = true
	}
	base := photos.ID(name)
	id := base
	for n := 2; ; n++ {
		_, statErr := os.Lstat(filepath.Join(dir, picturesFolder, id+ext))
		if !taken[id] && os.IsNotExist(statErr) {
			break
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
	file := path.Join(picturesFolder, id+ext)
	if err := writeAtomic(filepath.Join(dir, filepath.FromSlash(file)), data); err != nil {
		return -1, err
	}
	p := Picture{ID: id, File: file, Caption: strings.TrimSuffix(name, filepath.Ext(name))}
	if !info.Taken.IsZero() {
		p.Date = info.Taken.Format("02/01/2006")
	}
	d.Pictures = append(d.Pictures, p)
	return len(d.Pictures) - 1, nil
}

// picturesFromPack lists the pack's pictures for the draft.
func picturesFromPack(pack *exhibit.Pack) []Picture {
	var out []Picture
	for _, p := range pack.Photos {
		out = append(out, Picture{ID: p.ID, File: p.File, Caption: p.Caption, Credit: p.Credit, Date: p.Date, Alt: p.Alt})
	}
	return out
}

// editPictures writes the draft's pictures into pack.toml: new entries
// appended, changed keys set; a key is written only when its value
// differs from the file's.
func (d *Draft) editPictures(m *exhibit.ManifestEdit, manifest []byte) error {
	var cur struct {
		Photos []map[string]any `toml:"photos"`
	}
	decodeTOML(manifest, &cur)
	have := map[string]map[string]any{}
	for _, p := range cur.Photos {
		if id, ok := p["id"].(string); ok {
			have[id] = p
		}
	}
	for _, p := range d.Pictures {
		keys := [][2]string{{"caption", p.Caption}, {"credit", p.Credit}, {"date", p.Date}, {"alt", p.Alt}}
		old, ok := have[p.ID]
		if !ok {
			kvs := [][2]string{{"id", p.ID}, {"file", p.File}, {"kind", "photo"}}
			for _, kv := range keys {
				if kv[1] != "" || kv[0] == "alt" {
					kvs = append(kvs, kv)
				}
			}
			m.AppendEntry("photos", kvs...)
			continue
		}
		for _, kv := range keys {
			was, _ := old[kv[0]].(string)
			if was != kv[1] {
				if _, err := m.SetEntryKey("photos", p.ID, kv[0], kv[1]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// PictureRef splits a chapter's picture reference, "id" or "id@N", into
// the picture's id and the block it is placed after (-1: after the text).
func PictureRef(ref string) (id string, after int) {
	at := strings.LastIndexByte(ref, '@')
	if at < 0 {
		return strings.TrimSpace(ref), -1
	}
	n, err := strconv.Atoi(strings.TrimSpace(ref[at+1:]))
	if err != nil || n < 0 {
		return strings.TrimSpace(ref[:at]), -1
	}
	return strings.TrimSpace(ref[:at]), n
}

// PlacePicture shows picture id in chapter ch after block after of its
// text, or after the whole text when after is negative.
func (d *Draft) PlacePicture(ch int, id string, after int) {
	if ch < 0 || ch >= len(d.Chapters) {
		return
	}
	ref := id
	if after >= 0 {
		ref += "@" + strconv.Itoa(after)
	}
	c := &d.Chapters[ch]
	c.Photos = append(append([]string(nil), c.Photos...), ref)
	c.PhotosEdited = true
}

// UnplacePicture takes the k-th picture out of chapter ch (the picture
// stays in the exhibit).
func (d *Draft) UnplacePicture(ch, k int) {
	if ch < 0 || ch >= len(d.Chapters) || k < 0 || k >= len(d.Chapters[ch].Photos) {
		return
	}
	c := &d.Chapters[ch]
	c.Photos = append(c.Photos[:k:k], c.Photos[k+1:]...)
	c.PhotosEdited = true
}

// Picture returns the picture of id, or nil.
func (d *Draft) Picture(id string) *Picture {
	for i := range d.Pictures {
		if d.Pictures[i].ID == id {
			return &d.Pictures[i]
		}
	}
	return nil
}

// SetEventPicture attaches picture id to timeline event ev, with the
// picture's caption, credit and alt text; "" takes the event's media
// away.
func (d *Draft) SetEventPicture(ev int, id string) {
	if d.Timeline == nil || ev < 0 || ev >= len(d.Timeline.Events) {
		return
	}
	e := &d.Timeline.Events[ev]
	if p := d.Picture(id); p != nil {
		e.Media = &exhibit.Media{URL: p.File, Caption: p.Caption, Credit: p.Credit, Alt: p.Alt}
	} else {
		e.Media = nil
	}
	d.TimelineChanged = true
}
