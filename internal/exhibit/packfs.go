package exhibit

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Limits on zip packs. A zip is refused whole when it breaks one, so a
// crafted or damaged archive cannot fill the disk or memory of the
// exhibition PC.
const (
	MaxZipEntrySize = 512 << 20 // uncompressed bytes per entry
	MaxZipTotalSize = 2 << 30   // uncompressed bytes for the whole zip
	MaxZipEntries   = 20_000
)

// ErrOutsidePack is returned when opening a file of a folder pack that is a
// symbolic link to somewhere outside the pack folder.
var ErrOutsidePack = errors.New("link points outside the pack")

// ErrUnsafeZip is wrapped by Open when a zip pack holds an entry that could
// write or read outside the pack, or breaks the size limits.
var ErrUnsafeZip = errors.New("unsafe zip pack")

// ErrDamagedZip is wrapped by Open for a file that is not a whole zip: cut
// short by an interrupted copy, or not an archive at all.
var ErrDamagedZip = errors.New("not a complete zip archive (truncated or damaged)")

// OpenErrorText says why LoadPath could not open a pack, in the language
// with the given code ("vi" or "en"), for a dialog that is all in one
// language: the first of probs when loading failed on a problem, else the
// kind of err. Anything else is given in English, as a last resort.
func OpenErrorText(err error, probs []Problem, language string) string {
	if len(probs) > 0 {
		return probs[0].StringIn(language)
	}
	vi := language == "vi"
	var nz *NotZipError
	switch {
	case errors.As(err, &nz):
		if vi {
			return "đây là tệp nén " + nz.Kind + ", không phải tệp zip: hãy giải nén bằng 7-Zip hoặc WinRAR rồi mở thư mục, hoặc nén lại thư mục bằng Windows (Send to → Compressed (zipped) folder)"
		}
		return nz.Error()
	case errors.Is(err, fs.ErrNotExist):
		if vi {
			return "không tìm thấy tệp hay thư mục này"
		}
		return "there is no such file or folder"
	case errors.Is(err, ErrDamagedZip):
		if vi {
			return "tệp zip bị cắt cụt hoặc hỏng (có thể do chép chưa xong): hãy chép lại tệp"
		}
		return "the zip is cut short or damaged (perhaps the copy did not finish): copy it again"
	case errors.Is(err, ErrUnsafeZip):
		if vi {
			return "tệp zip có mục có thể ghi ra ngoài gói, hoặc quá lớn, nên bị từ chối để bảo vệ máy (" + err.Error() + ")"
		}
		return err.Error()
	case errors.Is(err, ErrUnsupportedFormat):
		if vi {
			return "gói được làm cho một phiên bản Trienlam khác: pack.toml phải bắt đầu bằng format = 1"
		}
	}
	return err.Error()
}

// PackFS is an opened pack: a folder or a zip file. It is an fs.FS rooted
// at the pack's top level (where pack.toml is) and must be closed.
type PackFS struct {
	fs.FS
	path   string
	closer io.Closer
}

// Path returns the path the pack was opened from.
func (p *PackFS) Path() string { return p.path }

// Dir returns the absolute path of the pack's folder (links resolved) when
// the pack is a folder, where staff's tools may write; "" for a zip pack,
// which is read-only.
func (p *PackFS) Dir() string {
	if d, ok := p.FS.(dirFS); ok {
		return d.dir
	}
	return ""
}

// Close releases the folder or zip file.
func (p *PackFS) Close() error {
	if p == nil || p.closer == nil {
		return nil
	}
	err := p.closer.Close()
	p.closer = nil
	return err
}

// Open opens a pack at a path: a directory or a .zip file (any file is
// tried as a zip). A path to a pack.toml file opens the folder holding it.
// The returned PackFS must be closed.
func Open(path string) (*PackFS, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open pack: %w", err)
	}
	if !fi.IsDir() && filepath.Base(path) == ManifestName {
		return openDir(path, filepath.Dir(path))
	}
	if fi.IsDir() {
		return openDir(path, path)
	}
	return openZip(path)
}

// LoadPath opens and loads the pack at path. On success (err == nil) the
// caller closes the PackFS once the pack is no longer used: media files are
// read from it while the exhibit runs.
func LoadPath(path string) (*Pack, []Problem, *PackFS, error) {
	pfs, err := Open(path)
	if err != nil {
		return nil, nil, nil, err
	}
	pack, probs, err := Load(pfs)
	if err != nil {
		pfs.Close()
		return nil, probs, nil, fmt.Errorf("%s: %w", path, err)
	}
	return pack, probs, pfs, nil
}

// openDir opens a folder pack through os.Root, which refuses links and
// ".." that lead outside the folder; dirFS turns that refusal into
// ErrOutsidePack with a clear message.
func openDir(path, dir string) (*PackFS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open pack: %w", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		root.Close()
		return nil, fmt.Errorf("open pack: %w", err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return &PackFS{FS: dirFS{root: root, fsys: root.FS(), dir: abs}, path: path, closer: root}, nil
}

// dirFS is a folder pack. Reads go through os.Root so they cannot escape
// the folder even if a link changes between check and use.
type dirFS struct {
	root *os.Root
	fsys fs.FS
	dir  string // absolute, links resolved
}

// Open opens a file of the pack.
func (d dirFS) Open(name string) (fs.File, error) {
	f, err := d.fsys.Open(name)
	if err != nil {
		return nil, d.explain("open", name, err)
	}
	return f, nil
}

// Stat describes a file of the pack.
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(d.fsys, name)
	if err != nil {
		return nil, d.explain("stat", name, err)
	}
	return fi, nil
}

// ReadFile reads a whole file of the pack.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(d.fsys, name)
	if err != nil {
		return nil, d.explain("read", name, err)
	}
	return b, nil
}

// ReadDir lists a folder of the pack.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(d.fsys, name)
	if err != nil {
		return nil, d.explain("readdir", name, err)
	}
	return es, nil
}

// explain turns os.Root's refusal of an escaping link into ErrOutsidePack,
// checked with EvalSymlinks, so the problem report says what happened.
func (d dirFS) explain(op, name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return err
	}
	real, e := filepath.EvalSymlinks(filepath.Join(d.dir, filepath.FromSlash(name)))
	if e != nil {
		return err
	}
	rel, e := filepath.Rel(d.dir, real)
	if e == nil && !filepath.IsLocal(rel) && rel != "." {
		return &fs.PathError{Op: op, Path: name, Err: ErrOutsidePack}
	}
	return err
}

// openZip opens a zip pack after checking every entry.
func openZip(path string) (*PackFS, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		if kind := archiveKind(path); kind != "" {
			return nil, fmt.Errorf("%s: %w", path, &NotZipError{Kind: kind})
		}
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: %w: %w", path, ErrDamagedZip, err)
		}
		if !errors.Is(err, zip.ErrInsecurePath) {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		// ErrInsecurePath comes with a usable reader; checkZip below
		// names the entry at fault.
	}
	fixZipNames(zr.File)
	if err := checkZip(zr.File); err != nil {
		zr.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var fsys fs.FS = zr
	if top := zipTopFolder(zr.File); top != "" {
		sub, err := fs.Sub(zr, top)
		if err != nil {
			zr.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		fsys = sub
	}
	return &PackFS{FS: fsys, path: path, closer: zr}, nil
}

// checkZip refuses a zip whose entries could escape the pack, are links or
// devices, repeat a name, or exceed the size limits.
func checkZip(files []*zip.File) error {
	if len(files) > MaxZipEntries {
		return fmt.Errorf("%w: %d entries, more than the limit of %d", ErrUnsafeZip, len(files), MaxZipEntries)
	}
	var total uint64
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		if err := zipNameOK(f.Name); err != nil {
			return fmt.Errorf("%w: entry %q: %v", ErrUnsafeZip, f.Name, err)
		}
		mode := f.Mode()
		if mode&fs.ModeSymlink != 0 {
			return fmt.Errorf("%w: entry %q is a symbolic link; zip packs may hold only files and folders", ErrUnsafeZip, f.Name)
		}
		if mode&(fs.ModeDevice|fs.ModeNamedPipe|fs.ModeSocket|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
			return fmt.Errorf("%w: entry %q is not a regular file", ErrUnsafeZip, f.Name)
		}
		clean := strings.TrimSuffix(f.Name, "/")
		if seen[clean] {
			return fmt.Errorf("%w: entry %q appears twice", ErrUnsafeZip, f.Name)
		}
		seen[clean] = true
		// archive/zip fails a read that runs past the declared size, so
		// the declared sizes bound what can really be read.
		if f.UncompressedSize64 > MaxZipEntrySize {
			return fmt.Errorf("%w: entry %q is %d MiB uncompressed, more than the limit of %d MiB",
				ErrUnsafeZip, f.Name, (f.UncompressedSize64+1<<20-1)>>20, MaxZipEntrySize>>20)
		}
		total += f.UncompressedSize64
		if total > MaxZipTotalSize {
			return fmt.Errorf("%w: entries up to %q add up to more than the limit of %d GiB uncompressed",
				ErrUnsafeZip, f.Name, MaxZipTotalSize>>30)
		}
	}
	return nil
}

// fixZipNames rewrites entry names the way the zip's maker meant them, in
// place, before the zip is used as a file system. Windows Explorer's "Send
// to → Compressed folder" writes names in the OEM code page (1258 on
// Vietnamese Windows, 437 on English) without the UTF-8 flag, and some
// Windows tools separate folders with backslashes. Names are decoded with
// the code page that reads best (see guessCodePage) and put in Unicode's
// composed form, as pack.toml is usually written; backslashes become
// slashes. zipNameOK then checks the result, so "..\x" is still refused.
func fixZipNames(files []*zip.File) {
	var raw []string
	for _, f := range files {
		if f.NonUTF8 && !utf8.ValidString(f.Name) {
			raw = append(raw, f.Name)
		}
	}
	cm := guessCodePage(raw)
	for _, f := range files {
		name := f.Name
		if f.NonUTF8 && !utf8.ValidString(name) {
			if dec, err := cm.NewDecoder().String(name); err == nil {
				name = norm.NFC.String(dec)
			}
		}
		f.Name = strings.ReplaceAll(name, `\`, "/")
	}
}

// guessCodePage picks the code page of names that are not UTF-8: Windows
// 1258 (Vietnamese) unless code page 437 reads them with fewer stray
// symbols. Bytes 0x80–0xFF are letters in 1258, but many are box-drawing
// characters in 437, and a 1258 tone mark left standing alone after
// composition means the guess was wrong.
func guessCodePage(names []string) *charmap.Charmap {
	odd := func(cm *charmap.Charmap) int {
		n := 0
		for _, name := range names {
			s, err := cm.NewDecoder().String(name)
			if err != nil {
				return 1 << 30
			}
			s = norm.NFC.String(s)
			prev := rune(0)
			for _, r := range s {
				switch {
				case r < 0x80:
				case unicode.Is(unicode.Mn, r) && !unicode.IsLetter(prev):
					n += 2
				case unicode.Is(unicode.Mn, r):
					n++
				case !unicode.IsLetter(r):
					n++
				}
				prev = r
			}
		}
		return n
	}
	if len(names) > 0 && odd(charmap.CodePage437) < odd(charmap.Windows1258) {
		return charmap.CodePage437
	}
	return charmap.Windows1258
}

// NotZipError is the error of a pack file that is an archive of another
// kind (7-Zip, RAR, …) or a compressed file, named by what it really is,
// whatever its name says.
type NotZipError struct {
	Kind string // "7-Zip", "RAR", "gzip", …
}

func (e *NotZipError) Error() string {
	return fmt.Sprintf("this is a %s archive, not a zip: open it with 7-Zip or WinRAR and extract it, then open the folder (or zip the folder with Windows' Send to → Compressed folder)", e.Kind)
}

// archiveMagic are the first bytes of archive and compression formats
// staff may rename to .zip.
var archiveMagic = []struct {
	at    int
	magic string
	kind  string
}{
	{0, "7z\xbc\xaf\x27\x1c", "7-Zip"},
	{0, "Rar!\x1a\x07", "RAR"},
	{0, "\x1f\x8b", "gzip"},
	{0, "BZh", "bzip2"},
	{0, "\xfd7zXZ\x00", "xz"},
	{0, "\x28\xb5\x2f\xfd", "Zstandard"},
	{0, "MSCF", "Microsoft Cabinet"},
	{257, "ustar", "tar"},
}

// archiveKind names the archive format of the file at path by its first
// bytes, or returns "" when it is none of archiveMagic.
func archiveKind(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	for _, m := range archiveMagic {
		if len(head) >= m.at+len(m.magic) && string(head[m.at:m.at+len(m.magic)]) == m.magic {
			return m.kind
		}
	}
	return ""
}

// zipNameOK checks that an entry name stays inside the pack on every
// system: no absolute paths, drive letters, backslashes (a separator on
// Windows; fixZipNames has turned them into slashes already), ".." or NUL.
func zipNameOK(name string) error {
	switch {
	case name == "":
		return errors.New("empty name")
	case strings.ContainsRune(name, 0):
		return errors.New("name contains a NUL byte")
	case strings.Contains(name, `\`):
		return errors.New(`name contains a backslash`)
	case strings.HasPrefix(name, "/"):
		return errors.New("absolute path")
	case strings.Contains(name, ":"):
		return errors.New("name contains ':' (a drive letter or Windows stream)")
	}
	clean := strings.TrimSuffix(name, "/")
	for _, part := range strings.Split(clean, "/") {
		if part == ".." {
			return errors.New("path escapes the pack with ..")
		}
	}
	if !fs.ValidPath(clean) {
		return errors.New("not a clean relative path")
	}
	return nil
}

// zipTopFolder returns the single top folder holding pack.toml when the
// zip was made by zipping a pack folder, or "" when pack.toml is at the
// top already (or there is no such folder). macOS's __MACOSX folder and
// .DS_Store files are ignored.
func zipTopFolder(files []*zip.File) string {
	top := ""
	for _, f := range files {
		name := strings.TrimSuffix(f.Name, "/")
		if name == ManifestName {
			return ""
		}
		first, _, _ := strings.Cut(name, "/")
		if first == "__MACOSX" || first == ".DS_Store" {
			continue
		}
		if top == "" {
			top = first
		} else if top != first {
			return ""
		}
	}
	for _, f := range files {
		if f.Name == top+"/"+ManifestName {
			return top
		}
	}
	return ""
}

// UnopenedPack is the problem reported when the pack at path cannot be
// opened or loaded at all (a USB stick not plugged in, a changed drive
// letter, a damaged zip) and the built-in exhibit is shown instead. Its
// kind says which: "pack-missing" when nothing is at path, else
// "pack-unreadable" with the error.
func UnopenedPack(path string, err error) Problem {
	if errors.Is(err, fs.ErrNotExist) {
		return detail{Kind: "pack-missing", Args: kv{"file": path}}.at(path, 0, "")
	}
	return detail{Kind: "pack-unreadable", Args: kv{"file": path, "error": err.Error()}}.at(path, 0, "")
}

// MissingStartExhibit is the problem reported when the start exhibit
// chosen in the library is no longer installed and the built-in exhibit is
// shown instead.
func MissingStartExhibit(id string) Problem {
	return detail{Kind: "start-exhibit-missing", Args: kv{"id": id}}.at(id, 0, "")
}

// UnplayableNarration is the note for staff when a chapter's narration
// file cannot be played while the exhibit runs (a damaged file, a format
// this PC cannot decode): the guided tour goes on silently, on the
// chapter's captions. why is what is wrong with the file (audio.Problem),
// said in each language with the note.
func UnplayableNarration(file string, why Problem) Problem {
	return detail{Kind: "narration-unplayable", Args: kv{"file": file, "error": why.Text("en"), "why_vi": why.Text("vi")}}.at(file, 0, "")
}
