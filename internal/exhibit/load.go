package exhibit

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // photos may be JPEG
	_ "image/png"  // or PNG
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // or WebP
	"golang.org/x/text/language"
)

// MaxPhotoPixels is the largest photo accepted, in pixels. A bigger one
// would need hundreds of megabytes to decode on the old PCs the exhibit
// runs on.
const MaxPhotoPixels = 80_000_000

// MaxTextSize is the largest text file of a pack: pack.toml, a chapter, the
// timeline, captions, the source text. A long chapter is a few hundred
// kilobytes; the limit is checked while reading, so a file of gigabytes
// (or a zip entry that unpacks to one) costs no more memory than this.
const MaxTextSize = 8 << 20

// ErrTooLarge is wrapped by ReadLimited for a file over its limit.
var ErrTooLarge = errors.New("file too large")

// ReadLimited reads a whole file of fsys, refusing it with ErrTooLarge as
// soon as more than limit bytes have come, before anything is parsed.
func ReadLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(len(b)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("%w: more than %d MiB", ErrTooLarge, limit>>20)}
	}
	return b, nil
}

// NarrationExts are the narration file extensions accepted, lower case.
// The first four are played by the built-in player; the rest come from
// phone recorders and are played by the media helper.
var NarrationExts = []string{".ogg", ".mp3", ".wav", ".flac", ".m4a", ".aac", ".opus", ".wma"}

// ErrUnsupportedFormat is wrapped by Load when pack.toml asks for a format
// version this build cannot read.
var ErrUnsupportedFormat = errors.New("unsupported pack format")

// idPattern is what pack, chapter and photo IDs look like: they end up in
// links ("chapter-id#3"), file names and settings keys.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// loader holds the state of one Load call.
type loader struct {
	fsys fs.FS
	// notes are what an import leaves out on purpose (TimelineJS fields
	// the exhibit has no use for, embeds it cannot show offline): said
	// once, never a reason to refuse the file.
	notes []Problem
	probs []Problem
	pack  *Pack
	// declaredPhotos are photo IDs present in the manifest, usable or not,
	// so a chapter naming a broken photo is not also told it is unknown.
	declaredPhotos map[string]bool
	// declaredClips are the clip IDs of the manifest, usable or not.
	declaredClips map[string]bool
	// declaredChapters are the chapter IDs of the manifest, usable or not,
	// so that a timeline link to a chapter that failed to load is dropped
	// quietly: the chapter's own problem says it all, once.
	declaredChapters map[string]string
	// noFiles is set when a timeline is read on its own, outside any
	// pack: paths are checked for their form only and chapter links are
	// kept unchecked.
	noFiles bool
}

// Load reads and validates a pack. It returns what is valid together with
// every problem found. err != nil only when the pack cannot be read at all
// (no pack.toml, pack.toml not TOML or not UTF-8, format missing or not 1):
// then *Pack is nil and the problems say why, with a line where there is one.
func Load(fsys fs.FS) (*Pack, []Problem, error) {
	if fsys == nil {
		return nil, nil, errors.New("load pack: no file system given")
	}
	l := &loader{fsys: fsys, declaredPhotos: map[string]bool{}, declaredClips: map[string]bool{}}
	doc, err := l.readManifest()
	if err != nil {
		return nil, l.probs, err
	}
	l.pack = &Pack{FS: fsys}
	l.manifest(doc)
	sortProblems(l.probs)
	return l.pack, l.probs, nil
}

// sortProblems orders problems by file, files in the order they were first
// reported (pack.toml first), then by line, so a report reads top to bottom
// like the files.
func sortProblems(probs []Problem) {
	order := map[string]int{}
	for _, p := range probs {
		if _, ok := order[p.File]; !ok {
			order[p.File] = len(order)
		}
	}
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i], probs[j]
		if order[a.File] != order[b.File] {
			return order[a.File] < order[b.File]
		}
		return a.Line < b.Line
	})
}

// add records a problem not tied to a TOML field.
func (l *loader) add(file string, line int, field string, w detail) {
	l.probs = append(l.probs, w.at(file, line, field))
}

// readText reads a UTF-8 text file of the pack. Any failure is reported
// against field (at line of the manifest) and ok is false.
func (l *loader) readText(doc *tomlDoc, field, name string) (string, bool) {
	b, err := ReadLimited(l.fsys, name, MaxTextSize)
	if err != nil {
		doc.problem(field, fileError(name, err))
		return "", false
	}
	if line := checkUTF8(b); line > 0 {
		l.add(name, line, "", detail{Kind: "invalid-utf8", Args: kv{"file": name}})
		return "", false
	}
	return strings.TrimPrefix(string(b), "\ufeff"), true
}

// fileError words a failure to open a file of the pack.
func fileError(name string, err error) detail {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return detail{Kind: "file-not-found", Args: kv{"file": name}}
	case errors.Is(err, ErrTooLarge):
		return detail{Kind: "file-too-large", Args: kv{"file": name, "limit": itoa(MaxTextSize >> 20)}}
	case errors.Is(err, ErrOutsidePack):
		return detail{Kind: "file-outside-pack", Args: kv{"file": name}}
	}
	return detail{Kind: "file-unreadable", Args: kv{"file": name, "error": err.Error()}}
}

// packPath checks a path written in a pack file and returns it cleaned.
// Backslashes, common from Windows users, are read as slashes.
func packPath(p string) (string, error) {
	p = strings.ReplaceAll(strings.TrimSpace(p), `\`, "/")
	if p == "" {
		return "", detail{Kind: "path-empty", Args: kv{}}
	}
	if strings.HasPrefix(p, "/") || (len(p) >= 2 && p[1] == ':') {
		return "", detail{Kind: "path-absolute", Args: kv{"path": p}}
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") || !fs.ValidPath(c) {
		return "", detail{Kind: "path-outside-pack", Args: kv{"path": p}}
	}
	return c, nil
}

// readManifest reads and parses pack.toml; an error means the pack cannot
// be loaded at all.
func (l *loader) readManifest() (*tomlDoc, error) {
	b, err := ReadLimited(l.fsys, ManifestName, MaxTextSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.add(ManifestName, 0, "", detail{Kind: "manifest-not-found", Args: kv{"file": ManifestName}})
			return nil, fmt.Errorf("%s not found: not an exhibit pack", ManifestName)
		}
		l.add(ManifestName, 0, "", fileError(ManifestName, err))
		return nil, fmt.Errorf("read %s: %w", ManifestName, err)
	}
	if line := checkUTF8(b); line > 0 {
		l.add(ManifestName, line, "", detail{Kind: "invalid-utf8", Args: kv{"file": ManifestName}})
		return nil, fmt.Errorf("%s:%d: not valid UTF-8 text", ManifestName, line)
	}
	doc, perr := parseTOML(ManifestName, strings.TrimPrefix(string(b), "\ufeff"), 0)
	if perr != nil {
		l.probs = append(l.probs, *perr)
		return nil, errors.New(perr.String())
	}
	doc.probs = &l.probs
	root := table{doc: doc, m: doc.root}
	if !root.has("format") {
		doc.problem("format", detail{Kind: "format-missing", Args: kv{"format": itoa(FormatVersion)}})
		return nil, fmt.Errorf("%s: format missing: %w", ManifestName, ErrUnsupportedFormat)
	}
	f, ok := root.integer("format")
	if !ok {
		return nil, fmt.Errorf("%s: format is not a number: %w", ManifestName, ErrUnsupportedFormat)
	}
	if f != FormatVersion {
		doc.problem("format", detail{Kind: "format-unsupported", Args: kv{"format": strconv.FormatInt(f, 10), "supported": itoa(FormatVersion)}})
		return nil, fmt.Errorf("%s: format %d: %w", ManifestName, f, ErrUnsupportedFormat)
	}
	return doc, nil
}

// manifest fills the pack from pack.toml and the files it names.
func (l *loader) manifest(doc *tomlDoc) {
	p := l.pack
	root := table{doc: doc, m: doc.root}
	root.checkKeys("format", "id", "title", "subtitle", "language", "cover", "notes", "source", "credits", "chapters", "photos", "clips", "timeline")
	p.Format = FormatVersion
	p.ID = root.requiredStr("id")
	if p.ID != "" && !idPattern.MatchString(p.ID) {
		doc.problem("id", badID(p.ID))
	}
	p.Title = root.requiredStr("title")
	p.Subtitle = root.str("subtitle")
	p.Language = root.str("language")
	if p.Language == "" {
		p.Language = "vi"
	} else if _, err := language.Parse(p.Language); err != nil {
		doc.problem("language", detail{Kind: "bad-language", Args: kv{"value": p.Language}})
	}
	p.Notes = root.strList("notes")
	if cover := root.str("cover"); cover != "" {
		p.Cover = l.imageRef(root, "cover", cover, func(name string, err error) detail {
			return detail{Kind: "cover-not-image", Args: kv{"file": name, "error": err.Error()}}
		})
	}

	if src, ok := root.sub("source"); ok {
		src.checkKeys("title", "publisher", "reference", "original")
		p.Source = Source{Title: src.str("title"), Publisher: src.str("publisher"), Reference: src.str("reference")}
		if orig := src.str("original"); orig != "" {
			if name, err := packPath(orig); err != nil {
				doc.problem(src.field("original"), detailOf(err))
			} else if text, ok := l.readText(doc, src.field("original"), name); ok {
				p.Source.Original, p.Source.OriginalText = name, text
				p.Source.OriginalBlocks, _, _ = safeParseBlocks([]byte(text), 1)
			}
		}
	}
	for _, c := range root.tables("credits") {
		c.checkKeys("role", "name")
		cr := Credit{Role: c.str("role"), Name: c.requiredStr("name")}
		if cr.Name != "" {
			p.Credits = append(p.Credits, cr)
		}
	}

	// Photos and clips first: chapters refer to them.
	for _, t := range root.tables("photos") {
		l.photo(t)
	}
	for _, t := range root.tables("clips") {
		l.clip(t)
	}
	chapters := root.tables("chapters")
	if len(chapters) == 0 && !root.has("chapters") {
		doc.problem("chapters", detail{Kind: "no-chapters", Args: kv{}})
	}
	seen := map[string]string{}
	for _, t := range chapters {
		l.chapter(t, seen)
	}
	l.declaredChapters = seen
	if tl, ok := root.sub("timeline"); ok {
		l.timeline(tl)
	}
}

// badID is the problem of an id with characters ids may not have.
func badID(id string) detail {
	return detail{Kind: "bad-id", Args: kv{"id": id}}
}

// claimEntryID records the id of a [[photos]] or [[clips]] entry. A
// repeated id is reported as dup and the entry refused; a malformed one is
// reported and the entry kept.
func claimEntryID(t table, seen map[string]bool, id string, dup detail) bool {
	if seen[id] {
		t.doc.problem(t.field("id"), dup)
		return false
	}
	seen[id] = true
	if !idPattern.MatchString(id) {
		t.doc.problem(t.field("id"), badID(id))
	}
	return true
}

// photo validates one [[photos]] entry and adds it when usable.
func (l *loader) photo(t table) {
	t.checkKeys("id", "file", "kind", "caption", "credit", "date", "alt")
	ph := &Photo{
		ID: t.requiredStr("id"), Caption: t.str("caption"), Credit: t.str("credit"),
		Date: t.str("date"), Alt: t.str("alt"), Kind: KindPhoto,
	}
	if ph.ID == "" {
		return
	}
	if !claimEntryID(t, l.declaredPhotos, ph.ID, detail{Kind: "duplicate-photo-id", Args: kv{"id": ph.ID}}) {
		return
	}
	if k := t.str("kind"); k != "" {
		switch PhotoKind(k) {
		case KindPhoto, KindIllustration:
			ph.Kind = PhotoKind(k)
		default:
			// Honest labelling matters more than the picture: an unknown
			// kind is shown as an illustration, never passed off as a photo.
			t.doc.problem(t.field("kind"), detail{Kind: "bad-photo-kind", Args: kv{"value": k}})
			ph.Kind = KindIllustration
		}
	}
	name, ok := t.packPath("file", t.requiredStr("file"))
	if !ok {
		return
	}
	ph.File = name
	f, err := l.fsys.Open(name)
	if err != nil {
		t.doc.problem(t.field("file"), fileError(name, err))
		return
	}
	// DecodeConfig reads only the header, so checking photos stays fast
	// however large they are.
	cfg, format, err := image.DecodeConfig(f)
	f.Close()
	if err != nil {
		if isHEIC(l.fsys, name) {
			t.doc.problem(t.field("file"), detail{Kind: "photo-heic", Args: kv{"file": name}})
			return
		}
		t.doc.problem(t.field("file"), detail{Kind: "bad-image", Args: kv{"file": name, "error": err.Error()}})
		return
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPhotoPixels {
		mp := float64(cfg.Width) * float64(cfg.Height) / 1e6
		t.doc.problem(t.field("file"), detail{Kind: "photo-too-large", Args: kv{
			"file": name, "width": itoa(cfg.Width), "height": itoa(cfg.Height),
			"megapixels": fmt.Sprintf("%.0f", mp), "limit": itoa(MaxPhotoPixels / 1_000_000),
		}})
		return
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		t.doc.problem(t.field("file"), detail{Kind: "photo-empty", Args: kv{"file": name, "format": format}})
		return
	}
	ph.Width, ph.Height = cfg.Width, cfg.Height
	l.pack.Photos = append(l.pack.Photos, ph)
}

// isHEIC reports whether a file is a HEIC/HEIF picture, as iPhones save
// photos, whatever its name says.
func isHEIC(fsys fs.FS, name string) bool {
	f, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [12]byte
	if _, err := io.ReadFull(f, b[:]); err != nil || string(b[4:8]) != "ftyp" {
		return false
	}
	switch string(b[8:12]) {
	case "heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis":
		return true
	}
	return false
}

// chapterFields are the keys a [[chapters]] entry may have; front matter
// may have the same ones except id and file.
var chapterFields = []string{"id", "file", "title", "narration", "captions", "photos", "clips", "notes"}

// chapter validates one [[chapters]] entry, reads its Markdown file and
// adds it when usable. seen maps chapter IDs to the field that first used them.
func (l *loader) chapter(t table, seen map[string]string) {
	t.checkKeys(chapterFields...)
	id := t.requiredStr("id")
	file := t.requiredStr("file")
	if id == "" {
		return
	}
	if first, dup := seen[id]; dup {
		t.doc.problem(t.field("id"), detail{Kind: "duplicate-chapter-id", Args: kv{"id": id, "first": first}})
		return
	}
	seen[id] = t.path
	if !idPattern.MatchString(id) {
		t.doc.problem(t.field("id"), badID(id))
	}
	name, ok := t.packPath("file", file)
	if !ok {
		return
	}
	b, err := ReadLimited(l.fsys, name, MaxTextSize)
	if err != nil {
		t.doc.problem(t.field("file"), fileError(name, err))
		return
	}
	ch := &Chapter{ID: id, File: name}
	fm, ok := l.parseChapter(ch, b)
	if !ok {
		return
	}
	// Manifest values win over front matter where both are set.
	pick := func(key string) (table, bool) {
		if t.has(key) {
			return t, true
		}
		if fm.m != nil && fm.has(key) {
			return fm, true
		}
		return table{}, false
	}
	if src, ok := pick("title"); ok {
		ch.Title = strings.TrimSpace(src.str("title"))
	}
	if ch.Title == "" {
		for _, bl := range ch.Blocks {
			if bl.Kind == Heading {
				ch.Title = strings.TrimSpace(bl.Text())
				break
			}
		}
	}
	if ch.Title == "" {
		t.doc.problem(t.field("title"), detail{Kind: "chapter-no-title", Args: kv{"id": id}})
		ch.Title = id
	}
	if src, ok := pick("narration"); ok {
		ch.Narration = l.narration(src, src.str("narration"))
	}
	if src, ok := pick("captions"); ok {
		ch.Captions = l.captions(src, src.str("captions"))
	}
	if src, ok := pick("photos"); ok {
		for _, ref := range src.strList("photos") {
			pid, after, placed := l.photoPlace(src, ch, ref)
			switch {
			case l.pack.Photo(pid) != nil:
				ch.Photos = append(ch.Photos, pid)
				if placed {
					if ch.PhotoAfter == nil {
						ch.PhotoAfter = map[string]int{}
					}
					ch.PhotoAfter[pid] = after
				}
			case l.declaredPhotos[pid]:
				src.doc.problem(src.field("photos"), detail{Kind: "photo-unusable", Args: kv{"id": pid}})
			default:
				src.doc.problem(src.field("photos"), detail{Kind: "unknown-photo", Args: kv{"id": pid}})
			}
		}
	}
	if src, ok := pick("clips"); ok {
		ch.Clips = l.clipRefs(src)
	}
	if src, ok := pick("notes"); ok {
		ch.PresenterNotes = src.str("notes")
	}
	if len(ch.Blocks) == 0 {
		l.add(name, 0, "", detail{Kind: "chapter-empty", Args: kv{"id": id}})
		return
	}
	l.pack.Chapters = append(l.pack.Chapters, ch)
}

// photoPlace splits a chapter's photo reference, "id" or "id@block", into
// the photo id and the block the picture follows. A placement that cannot
// be used is reported, and the picture goes after the chapter's text.
func (l *loader) photoPlace(t table, ch *Chapter, ref string) (id string, after int, placed bool) {
	at := strings.LastIndexByte(ref, '@')
	if at < 0 {
		return strings.TrimSpace(ref), 0, false
	}
	id = strings.TrimSpace(ref[:at])
	num := strings.TrimSpace(ref[at+1:])
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		t.doc.problem(t.field("photos"), detail{Kind: "photo-place-bad", Args: kv{"ref": ref, "id": id}})
		return id, 0, false
	}
	if n >= len(ch.Blocks) {
		last := max(0, len(ch.Blocks)-1)
		t.doc.problem(t.field("photos"), detail{Kind: "photo-place-range", Args: kv{"ref": ref, "id": id, "block": itoa(n), "last": itoa(last), "file": ch.File}})
		return id, 0, false
	}
	return id, n, true
}

// narration checks a narration path and returns it cleaned, or "" when it
// cannot be used.
func (l *loader) narration(t table, file string) string {
	return l.typedFile(t, "narration", file, NarrationExts, "narration-format")
}

// captions checks a WebVTT path and returns it cleaned, or "" when it
// cannot be used. Only the header is checked; cues are read by the player.
func (l *loader) captions(t table, file string) string {
	name, f, ok := l.open(t, "captions", file)
	if !ok {
		return ""
	}
	defer f.Close()
	head := make([]byte, 9)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) || bytes.HasPrefix(head, []byte("W\x00E\x00")) {
		// Notepad's "Unicode": it shows WEBVTT, but every letter is two bytes.
		t.doc.problem(t.field("captions"), detail{Kind: "captions-utf16", Args: kv{"file": name}})
		return ""
	}
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	if !bytes.HasPrefix(head, []byte("WEBVTT")) {
		t.doc.problem(t.field("captions"), detail{Kind: "captions-not-webvtt", Args: kv{"file": name}})
		return ""
	}
	return name
}

// present reports whether the file name is in the pack; when it is not,
// the problem is reported at key of t.
func (l *loader) present(t table, key, name string) bool {
	if _, err := fs.Stat(l.fsys, name); err != nil {
		t.doc.problem(t.field(key), fileError(name, err))
		return false
	}
	return true
}

// open opens file, the value of key in t, in the pack; a bad path or a
// file that cannot be opened is reported at key, and ok is false.
func (l *loader) open(t table, key, file string) (name string, f fs.File, ok bool) {
	name, ok = t.packPath(key, file)
	if !ok {
		return "", nil, false
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		t.doc.problem(t.field(key), fileError(name, err))
		return "", nil, false
	}
	return name, f, true
}

// typedFile checks file, the value of key in t: a path inside the pack,
// ending in one of exts (else a problem of kind wrongExt, with the file, its
// extension and the allowed ones), of a file that is there. It returns the
// path cleaned, or "" when it cannot be used.
func (l *loader) typedFile(t table, key, file string, exts []string, wrongExt string) string {
	name, ok := t.packPath(key, file)
	if !ok {
		return ""
	}
	if !hasExt(name, exts) {
		ext := strings.ToLower(path.Ext(name))
		t.doc.problem(t.field(key), detail{Kind: wrongExt, Args: kv{"file": name, "ext": ext, "allowed": strings.Join(exts, " ")}})
		return ""
	}
	if !l.present(t, key, name) {
		return ""
	}
	return name
}
