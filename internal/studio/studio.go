// Package studio is the exhibit editor's model (the Soạn screen): what
// staff change in an installed exhibit — its details and its chapters —
// kept as a Draft, checked by loading it as the exhibit would be loaded,
// kept safe as an automatic draft file, and saved as the same plain files
// a person edits in Notepad: pack.toml through the one pack.toml editor
// (exhibit.EditManifest) and one Markdown file per chapter. Saving is
// atomic, keeps a backup of every file it replaces, and can be undone.
// It imports no Fyne.
package studio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"

	"trienlam/internal/atomicfile"
	"trienlam/internal/exhibit"
)

// Details are the exhibit's own fields in pack.toml.
type Details struct {
	Title, Subtitle              string
	SourceTitle, SourcePublisher string
	SourceReference              string
	// Cover is the path of the cover picture in the pack ("cover" in
	// pack.toml); "" for none: the home screen shows the title plate alone.
	Cover string
}

// Credit is one [[credits]] entry: who made what. Orig is the entry's
// place among the [[credits]] of pack.toml as last read or saved (from
// 0), or -1 for a credit added in the editor: credits have no id, so the
// editor finds each one's lines by place.
type Credit struct {
	Role, Name string
	Orig       int
}

// Chapter is one chapter being edited: its id, title, Markdown file and
// that file's whole text (front matter included, as written).
type Chapter struct {
	ID, Title, File string
	Text            string
	// Photos are the chapter's pictures as the pack writes them: a photo
	// id, or "id@N" for a picture placed after block N of the text.
	// PhotosEdited says the editor changed them: they are then written
	// into the chapter's pack.toml entry (which wins over front matter).
	Photos       []string `json:",omitempty"`
	PhotosEdited bool     `json:",omitempty"`
	// Narration and Captions are the paths of the chapter's recording and
	// its WebVTT captions ("" for none). NarrationEdited says the editor
	// changed them: both are then written into the chapter's entry.
	Narration, Captions string `json:",omitempty"`
	NarrationEdited     bool   `json:",omitempty"`
}

// Draft is the exhibit as being edited.
type Draft struct {
	Details  Details
	Chapters []Chapter
	// Timeline is the exhibit's timeline; TimelineChanged says it was
	// edited, and is then written as timeline.toml.
	Timeline        *exhibit.Timeline
	TimelineChanged bool
	// Pictures are the exhibit's [[photos]].
	Pictures []Picture
	// Credits are the exhibit's [[credits]], in order.
	Credits []Credit
}

// Clone returns a deep copy of d, for undo.
func (d *Draft) Clone() *Draft {
	c := *d
	c.Chapters = append([]Chapter(nil), d.Chapters...)
	c.Pictures = append([]Picture(nil), d.Pictures...)
	c.Credits = append([]Credit(nil), d.Credits...)
	if d.Timeline != nil {
		tl := *d.Timeline
		tl.Events = append([]exhibit.Event(nil), tl.Events...)
		tl.Eras = append([]exhibit.Era(nil), tl.Eras...)
		c.Timeline = &tl
	}
	return &c
}

// studioDir is the folder inside an exhibit where the studio keeps its
// draft and backups; the loader never reads it.
const studioDir = ".soan"

// draftName is the automatic draft, inside studioDir.
const draftName = "draft.json"

// Open reads the editable parts of the exhibit in folder dir.
func Open(dir string) (*Draft, error) {
	pack, _, pfs, err := exhibit.LoadPath(dir)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	pfs.Close()
	manifest, err := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	var raw manifestExtras
	decodeTOML(manifest, &raw)
	d := &Draft{Details: Details{
		Title: pack.Title, Subtitle: pack.Subtitle,
		SourceTitle: pack.Source.Title, SourcePublisher: pack.Source.Publisher, SourceReference: pack.Source.Reference,
		Cover: raw.Cover,
	}}
	for i, c := range raw.Credits {
		d.Credits = append(d.Credits, Credit{Role: c.Role, Name: c.Name, Orig: i})
	}
	tl := pack.Timeline
	d.Timeline = &tl
	d.Pictures = picturesFromPack(pack)
	for _, ch := range pack.Chapters {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(ch.File)))
		if err != nil {
			return nil, fmt.Errorf("open chapter %s: %w", ch.File, err)
		}
		c := Chapter{ID: ch.ID, Title: ch.Title, File: ch.File, Text: string(b)}
		if refs, ok := raw.chapter(ch.ID)["photos"].([]any); ok {
			for _, r := range refs {
				if r, ok := r.(string); ok {
					c.Photos = append(c.Photos, r)
				}
			}
		} else {
			// From the front matter: what loaded.
			for _, id := range ch.Photos {
				if n, ok := ch.PhotoAfter[id]; ok {
					id += "@" + strconv.Itoa(n)
				}
				c.Photos = append(c.Photos, id)
			}
		}
		c.Narration, c.Captions = ch.Narration, ch.Captions
		entry := raw.chapter(ch.ID)
		if v, ok := entry["narration"].(string); ok {
			c.Narration = v // as written, even when its file is missing
		}
		if v, ok := entry["captions"].(string); ok {
			c.Captions = v
		}
		d.Chapters = append(d.Chapters, c)
	}
	return d, nil
}

// NewChapter adds a chapter at the end with a new id and file name and a
// first heading, and returns its index.
func (d *Draft) NewChapter(title string) int {
	taken := map[string]bool{}
	files := map[string]bool{}
	for _, ch := range d.Chapters {
		taken[ch.ID] = true
		files[ch.File] = true
	}
	n := len(d.Chapters) + 1
	id := fmt.Sprintf("chuong-%d", n)
	for ; taken[id]; n++ {
		id = fmt.Sprintf("chuong-%d", n)
	}
	file := fmt.Sprintf("chapters/%02d-%s.md", len(d.Chapters)+1, id)
	for i := 2; files[file]; i++ {
		file = fmt.Sprintf("chapters/%02d-%s-%d.md", len(d.Chapters)+1, id, i)
	}
	d.Chapters = append(d.Chapters, Chapter{ID: id, Title: title, File: file, Text: "# " + title + "\n\n"})
	return len(d.Chapters) - 1
}

// Move moves chapter i by delta places (-1 up, +1 down) and returns its new
// index; it stays when it cannot move.
func (d *Draft) Move(i, delta int) int {
	j := i + delta
	if i < 0 || i >= len(d.Chapters) || j < 0 || j >= len(d.Chapters) {
		return i
	}
	d.Chapters[i], d.Chapters[j] = d.Chapters[j], d.Chapters[i]
	return j
}

// Delete removes chapter i from the exhibit. Its Markdown file stays in
// the folder (nothing typed is deleted); Save only drops its entry.
func (d *Draft) Delete(i int) {
	if i >= 0 && i < len(d.Chapters) {
		d.Chapters = append(d.Chapters[:i], d.Chapters[i+1:]...)
	}
}

// Files returns the files a save of d into the exhibit folder dir writes,
// by slash path in the pack: pack.toml, edited from its current text,
// each chapter's Markdown, and the timeline when it was edited.
func (d *Draft) Files(dir string, manifest []byte) (map[string][]byte, error) {
	m := exhibit.EditManifest(manifest)
	m.SetKey("", "title", d.Details.Title)
	var cur struct {
		Subtitle *string        `toml:"subtitle"`
		Source   map[string]any `toml:"source"`
	}
	decodeTOML(manifest, &cur)
	// An empty field is written only over a value that was there.
	if d.Details.Subtitle != "" || cur.Subtitle != nil {
		m.SetKey("", "subtitle", d.Details.Subtitle)
	}
	src := [][2]string{{"title", d.Details.SourceTitle}, {"publisher", d.Details.SourcePublisher}, {"reference", d.Details.SourceReference}}
	for _, kv := range src {
		if _, had := cur.Source[kv[0]]; kv[1] != "" || had {
			m.SetKey("source", kv[0], kv[1])
		}
	}
	switch {
	case d.Details.Cover != "":
		m.SetKey("", "cover", d.Details.Cover)
	default:
		m.RemoveKey("", "cover")
	}
	if err := d.editCredits(m, manifest); err != nil {
		return nil, err
	}
	// Chapters: removed ones lose their entry, new ones get one, titles
	// are set, and the entries take the draft's order.
	ids := make([]string, len(d.Chapters))
	keep := map[string]bool{}
	for i, ch := range d.Chapters {
		ids[i] = ch.ID
		keep[ch.ID] = true
	}
	for _, old := range manifestChapterIDs(manifest) {
		if !keep[old] {
			m.RemoveEntry("chapters", old)
		}
	}
	out := map[string][]byte{}
	for _, ch := range d.Chapters {
		if !m.HasEntry("chapters", "id", ch.ID) {
			m.AppendEntry("chapters", [2]string{"id", ch.ID}, [2]string{"title", ch.Title}, [2]string{"file", ch.File})
		} else if _, err := m.SetEntryKey("chapters", ch.ID, "title", ch.Title); err != nil {
			return nil, err
		}
		out[ch.File] = []byte(ch.Text)
		if ch.PhotosEdited {
			if err := m.SetEntryList("chapters", ch.ID, "photos", ch.Photos); err != nil {
				return nil, err
			}
		}
		if ch.NarrationEdited {
			for _, kv := range [][2]string{{"narration", ch.Narration}, {"captions", ch.Captions}} {
				if kv[1] == "" {
					m.RemoveEntryKey("chapters", ch.ID, kv[0])
				} else if _, err := m.SetEntryKey("chapters", ch.ID, kv[0], kv[1]); err != nil {
					return nil, err
				}
			}
		}
	}
	m.OrderEntries("chapters", ids)
	if err := d.editPictures(m, manifest); err != nil {
		return nil, err
	}
	if d.TimelineChanged && d.Timeline != nil {
		// Written over the timeline.toml the pack names, keeping what a
		// person wrote there (comments, unchanged entries) as it was.
		name := timelineName
		var cur struct {
			Timeline struct {
				File string `toml:"file"`
			} `toml:"timeline"`
		}
		decodeTOML(manifest, &cur)
		if f := strings.ReplaceAll(cur.Timeline.File, `\`, "/"); strings.EqualFold(path.Ext(f), ".toml") && checkName(f) == nil {
			name = f
		}
		old, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		out[name] = exhibit.EditTimelineTOML(old, *d.Timeline)
		m.SetKey("timeline", "file", name)
	}
	out[exhibit.ManifestName] = m.Bytes()
	return out, nil
}

// manifestExtras are the keys of pack.toml the editor reads as written
// rather than as loaded: the cover (kept even when its file is missing,
// so that staff see what is named) and the credits.
type manifestExtras struct {
	Cover   string `toml:"cover"`
	Credits []struct {
		Role string `toml:"role"`
		Name string `toml:"name"`
	} `toml:"credits"`
	Chapters []map[string]any `toml:"chapters"`
}

// chapter returns the keys of the [[chapters]] entry of id (nil for none).
func (x manifestExtras) chapter(id string) map[string]any {
	for _, c := range x.Chapters {
		if c["id"] == id {
			return c
		}
	}
	return nil
}

// editCredits writes the draft's credits into pack.toml: entries the
// draft no longer has are removed, the others' role and name set where
// they changed (each entry keeps its own comments), and new ones
// appended after them.
func (d *Draft) editCredits(m *exhibit.ManifestEdit, manifest []byte) error {
	var cur manifestExtras
	decodeTOML(manifest, &cur)
	kept := map[int]bool{}
	for _, c := range d.Credits {
		if c.Orig >= 0 && c.Orig < len(cur.Credits) {
			kept[c.Orig] = true
		}
	}
	// Remove from the last so that the places of earlier ones hold.
	for i := len(cur.Credits) - 1; i >= 0; i-- {
		if !kept[i] {
			m.RemoveNthEntry("credits", i)
		}
	}
	// place[i] is where original entry i now stands.
	place, n := map[int]int{}, 0
	for i := range cur.Credits {
		if kept[i] {
			place[i] = n
			n++
		}
	}
	for _, c := range d.Credits {
		if c.Orig >= 0 && c.Orig < len(cur.Credits) {
			old := cur.Credits[c.Orig]
			for _, kv := range [][2]string{{"role", c.Role}, {"name", c.Name}} {
				was := old.Role
				if kv[0] == "name" {
					was = old.Name
				}
				if was == kv[1] {
					continue
				}
				if _, err := m.SetNthEntryKey("credits", place[c.Orig], kv[0], kv[1]); err != nil {
					return err
				}
			}
			continue
		}
		kvs := [][2]string{}
		if c.Role != "" {
			kvs = append(kvs, [2]string{"role", c.Role})
		}
		kvs = append(kvs, [2]string{"name", c.Name})
		m.AppendEntry("credits", kvs...)
	}
	return nil
}

// manifestChapterIDs lists the ids of the [[chapters]] entries.
func manifestChapterIDs(manifest []byte) []string {
	var m struct {
		Chapters []struct {
			ID string `toml:"id"`
		} `toml:"chapters"`
	}
	if err := decodeTOML(manifest, &m); err != nil {
		return nil
	}
	ids := make([]string, len(m.Chapters))
	for i, c := range m.Chapters {
		ids[i] = c.ID
	}
	return ids
}

// decodeTOML decodes pack.toml text, byte order mark and all.
func decodeTOML(b []byte, v any) error {
	_, err := toml.Decode(strings.TrimPrefix(string(b), "\ufeff"), v)
	return err
}

// Check loads the exhibit as saving d would leave it, without writing
// anything, and returns what it loaded and its problems: the live
// validation of the editor.
func Check(dir string, d *Draft) (*exhibit.Pack, []exhibit.Problem, error) {
	manifest, err := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if err != nil {
		return nil, nil, err
	}
	files, err := d.Files(dir, manifest)
	if err != nil {
		return nil, nil, err
	}
	return exhibit.Load(overlay{base: os.DirFS(dir), over: files})
}

// overlay is a folder with some files replaced by the draft's.
type overlay struct {
	base fs.FS
	over map[string][]byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if b, ok := o.over[name]; ok {
		return fstest.MapFS{name: &fstest.MapFile{Data: b, Mode: 0o644}}.Open(name)
	}
	return o.base.Open(name)
}

// Saved is what a save replaced, for Undo.
type Saved struct {
	Dir string
	// Backup is the folder holding the previous version of every file
	// the save replaced; Created lists the files the save made new.
	Backup  string
	Created []string
}

// Save writes d into the exhibit folder dir: every changed file is written
// to a temporary file and renamed over the old one, after the old one is
// copied into a backup folder (dir/.soan/backup/TIME/). Unchanged files
// are not touched. The automatic draft is removed once all is written.
func Save(dir string, d *Draft) (Saved, error) {
	manifest, err := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if err != nil {
		return Saved{}, fmt.Errorf("save: %w", err)
	}
	files, err := d.Files(dir, manifest)
	if err != nil {
		return Saved{}, fmt.Errorf("save: %w", err)
	}
	s := Saved{Dir: dir, Backup: filepath.Join(dir, studioDir, "backup", time.Now().Format("2006-01-02-150405.000"))}
	// Chapters first, pack.toml last: a crash half-way leaves a pack.toml
	// that names only files that exist.
	names := make([]string, 0, len(files))
	for name := range files {
		if name != exhibit.ManifestName {
			names = append(names, name)
		}
	}
	names = append(names, exhibit.ManifestName)
	for _, name := range names {
		if err := checkName(name); err != nil {
			return s, fmt.Errorf("save: %w", err)
		}
		full := filepath.Join(dir, filepath.FromSlash(name))
		old, err := os.ReadFile(full)
		switch {
		case err == nil && bytes.Equal(old, files[name]):
			continue
		case err == nil:
			if err := writeAtomic(filepath.Join(s.Backup, filepath.FromSlash(name)), old); err != nil {
				return s, fmt.Errorf("save: backup of %s: %w", name, err)
			}
		case errors.Is(err, fs.ErrNotExist):
			s.Created = append(s.Created, name)
		default:
			return s, fmt.Errorf("save: %w", err)
		}
		if err := writeAtomic(full, files[name]); err != nil {
			return s, fmt.Errorf("save: %w", err)
		}
	}
	os.Remove(filepath.Join(dir, studioDir, draftName))
	// The file now lists the draft's credits in its order, and holds
	// what was edited: later saves leave what other tools write there
	// (the caption timer names its captions) as it is.
	for i := range d.Credits {
		d.Credits[i].Orig = i
	}
	for i := range d.Chapters {
		d.Chapters[i].PhotosEdited, d.Chapters[i].NarrationEdited = false, false
	}
	return s, nil
}

// checkName refuses a path that would leave the exhibit folder.
func checkName(name string) error {
	if !fs.ValidPath(name) || strings.HasPrefix(name, studioDir+"/") || name == studioDir {
		return fmt.Errorf("%q is not a file name inside the exhibit", name)
	}
	return nil
}

// Undo puts back the files a save replaced, from its backup, and moves
// the files it made into the backup folder (never deleting them).
func Undo(s Saved) error {
	err := filepath.WalkDir(s.Backup, func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		rel, err := filepath.Rel(s.Backup, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeAtomic(filepath.Join(s.Dir, rel), b)
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("undo save: %w", err)
	}
	for _, name := range s.Created {
		to := filepath.Join(s.Backup, "made", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return fmt.Errorf("undo save: %w", err)
		}
		if err := os.Rename(filepath.Join(s.Dir, filepath.FromSlash(name)), to); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("undo save: %w", err)
		}
	}
	return nil
}

// writeAtomic writes a file whole (atomicfile), making its folder first.
func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(name, data, 0o600)
}

// SaveDraft keeps d as the exhibit's automatic draft, so that nothing
// typed is lost when the app closes or the PC loses power.
func SaveDraft(dir string, d *Draft) error {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, studioDir, draftName), b)
}

// LoadDraft returns the automatic draft of the exhibit in dir, or nil when
// there is none (or it cannot be read, which is said in err).
func LoadDraft(dir string) (*Draft, error) {
	b, err := os.ReadFile(filepath.Join(dir, studioDir, draftName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var d Draft
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("draft %s: %w", path.Join(studioDir, draftName), err)
	}
	return &d, nil
}

// DiscardDraft removes the automatic draft.
func DiscardDraft(dir string) error {
	err := os.Remove(filepath.Join(dir, studioDir, draftName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Equal reports whether two drafts say the same.
// Where events were written and whether the timeline was edited are not
// compared.
func Equal(a, b *Draft) bool {
	ja, _ := json.Marshal(comparable(a))
	jb, _ := json.Marshal(comparable(b))
	return bytes.Equal(ja, jb)
}

func comparable(d *Draft) *Draft {
	c := d.Clone()
	c.TimelineChanged = false
	for i := range c.Chapters {
		c.Chapters[i].PhotosEdited, c.Chapters[i].NarrationEdited = false, false
	}
	if c.Timeline != nil {
		if c.Timeline.Scale == "" {
			c.Timeline.Scale = "human" // the default, as saved
		}
		for i := range c.Timeline.Events {
			c.Timeline.Events[i].Line = 0
		}
		if len(c.Timeline.Events) == 0 {
			c.Timeline.Events = nil
		}
		if len(c.Timeline.Eras) == 0 {
			c.Timeline.Eras = nil
		}
		if len(c.Timeline.Groups) == 0 {
			c.Timeline.Groups = nil
		}
	}
	return c
}
