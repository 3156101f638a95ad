package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"trienlam/internal/atomicfile"
	"trienlam/internal/exhibit"
)

// BuiltinID is the id of the exhibit built into the program. It is always
// listed, can be the start exhibit, and cannot be removed.
const BuiltinID = "chi-kien-80"

// Extension is the extension of an exhibit file to share: a zip of a pack.
const Extension = ".trienlam"

// Folders inside the library that are not exhibits.
const (
	trashDir  = ".trash"    // removed exhibits, restorable by hand
	backupDir = ".backup"   // exhibits replaced by a newer version
	startFile = "start.txt" // the id of the start exhibit, one line
)

// EnvDir names the environment variable that overrides the library folder
// (district IT, tests).
const EnvDir = "TRIENLAM_LIBRARY"

// Library is the exhibits folder of this user.
type Library struct {
	// Dir holds one folder per installed exhibit, named after its id.
	Dir string
	// now tells the time for backup and trash names; tests fix it.
	now func() time.Time
}

// DefaultDir returns the user's exhibits folder: $TRIENLAM_LIBRARY when
// set; else on Windows %APPDATA%\Trienlam\exhibits, on macOS
// ~/Library/Application Support/Trienlam/exhibits, elsewhere
// $XDG_DATA_HOME/trienlam/exhibits (~/.local/share/trienlam/exhibits).
func DefaultDir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("exhibits folder: %w", err)
		}
		return filepath.Join(base, "Trienlam", "exhibits"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "trienlam", "exhibits"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("exhibits folder: %w", err)
	}
	return filepath.Join(home, ".local", "share", "trienlam", "exhibits"), nil
}

// Open returns the library in the user's exhibits folder (DefaultDir). The
// folder is made when an exhibit is first installed.
func Open() (*Library, error) {
	dir, err := DefaultDir()
	if err != nil {
		return nil, err
	}
	return At(dir), nil
}

// At returns the library in dir.
func At(dir string) *Library { return &Library{Dir: dir, now: time.Now} }

// Entry is one installed exhibit.
type Entry struct {
	ID       string
	Title    string
	Subtitle string
	// Dir is the exhibit's folder; "" for the built-in exhibit.
	Dir string
	// Installed is when it was installed (its folder's time).
	Installed time.Time
	// Size is the bytes of its files.
	Size int64
	// Problems is how many validation problems it has.
	Problems int
	// Cover is the path inside the pack of its cover picture ("" for
	// none): the pack's first photograph or illustration.
	Cover string
	// Broken is why the exhibit cannot be opened at all, or "".
	Broken string
}

// SizeText says how big an exhibit is: "850 KB", "12.3 MB".
func SizeText(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%d KB", max(1, (n+500)/1000))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// IsBuiltin reports whether e is the built-in exhibit.
func (e Entry) IsBuiltin() bool { return e.Dir == "" }

// List returns the installed exhibits, sorted by title. The built-in
// exhibit is not among them (see Builtin). An exhibit that cannot be read
// is listed with Broken set, so staff can see and remove it.
func (l *Library) List() ([]Entry, error) {
	des, err := os.ReadDir(l.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("exhibits folder %s: %w", l.Dir, err)
	}
	var out []Entry
	for _, de := range des {
		if !de.IsDir() || strings.HasPrefix(de.Name(), ".") {
			continue
		}
		out = append(out, l.entry(de.Name()))
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)) })
	return out, nil
}

// entry describes the exhibit in folder name.
func (l *Library) entry(name string) Entry {
	dir := filepath.Join(l.Dir, name)
	e := Entry{ID: name, Title: name, Dir: dir}
	if fi, err := os.Stat(dir); err == nil {
		e.Installed = fi.ModTime()
	}
	e.Size = folderSize(dir)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil {
		e.Broken = err.Error()
		e.Problems = len(probs)
		return e
	}
	defer pfs.Close()
	describe(&e, pack, probs)
	return e
}

// describe fills e from a loaded pack.
func describe(e *Entry, pack *exhibit.Pack, probs []exhibit.Problem) {
	if pack.ID != "" {
		e.ID = pack.ID
	}
	if pack.Title != "" {
		e.Title = pack.Title
	}
	e.Subtitle = pack.Subtitle
	e.Problems = len(probs)
	switch {
	case pack.Cover != "": // the pack's own cover picture first
		e.Cover = pack.Cover
	case len(pack.Photos) > 0:
		e.Cover = pack.Photos[0].File
	}
}

// Describe returns the Entry of a loaded pack that is not installed: the
// built-in exhibit, or one opened from a file.
func Describe(pack *exhibit.Pack, probs []exhibit.Problem) Entry {
	var e Entry
	describe(&e, pack, probs)
	return e
}

// folderSize adds up the sizes of the files under dir.
func folderSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// Path returns the folder of the installed exhibit id, or "" when it is not
// installed (the built-in exhibit included).
func (l *Library) Path(id string) string {
	if !validID(id) {
		return ""
	}
	dir := filepath.Join(l.Dir, id)
	if fi, err := os.Stat(filepath.Join(dir, exhibit.ManifestName)); err == nil && fi.Mode().IsRegular() {
		return dir
	}
	return ""
}

// validID reports whether id can name an exhibit's folder: the pack ids
// the format allows (lower-case letters, digits, hyphens), nothing that
// could leave the library.
func validID(id string) bool {
	if id == "" || len(id) > 100 || id[0] == '-' || id[0] == '.' {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// ExistsError is returned by Install when an exhibit with the same id is
// installed and replace was not asked for.
type ExistsError struct {
	ID       string
	Existing Entry
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("an exhibit with the id %q is already installed (%s)", e.ID, e.Existing.Title)
}

// Installed is what Install did.
type Installed struct {
	Entry Entry
	// Backup is where the replaced exhibit was moved, or "".
	Backup string
}

// Install copies the pack at src (a folder, a .zip or a .trienlam file)
// into the library, in a folder named after its id. A pack that cannot be
// read at all, or has no valid id, is refused; one with problems is
// installed (its problems are counted). When an exhibit with the same id is
// installed, Install returns an *ExistsError unless replace is set; then
// the installed one is moved to the library's backup folder first, never
// deleted. The copy is made beside its final place and renamed into it, so
// a failure (a stick pulled out) leaves the library as it was.
func (l *Library) Install(src string, replace bool) (Installed, error) {
	pack, probs, pfs, err := exhibit.LoadPath(src)
	if err != nil {
		return Installed{}, err
	}
	defer pfs.Close()
	if !validID(pack.ID) {
		return Installed{}, fmt.Errorf("%s: the pack has no usable id in %s (lower-case letters, digits and hyphens), so it cannot be installed", src, exhibit.ManifestName)
	}
	if pack.ID == BuiltinID {
		return Installed{}, fmt.Errorf("%s: its id %q is the built-in exhibit's; give the copy its own id in %s", src, BuiltinID, exhibit.ManifestName)
	}
	if abs, err := filepath.Abs(src); err == nil && l.Path(pack.ID) != "" && sameFile(abs, l.Path(pack.ID)) {
		return Installed{}, fmt.Errorf("%s is already the installed exhibit %q", src, pack.ID)
	}
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return Installed{}, fmt.Errorf("exhibits folder: %w", err)
	}
	target := filepath.Join(l.Dir, pack.ID)
	var res Installed
	if _, err := os.Lstat(target); err == nil {
		existing := l.entry(pack.ID)
		if !replace {
			return Installed{}, &ExistsError{ID: pack.ID, Existing: existing}
		}
	}
	// Copy first, into a temporary folder in the library: Export refuses
	// to write over anything and renames into place at the end.
	tmp := filepath.Join(l.Dir, ".install-"+pack.ID+"-"+l.stamp())
	if err := exhibit.Export(pfs, tmp); err != nil {
		os.RemoveAll(tmp)
		return Installed{}, fmt.Errorf("install %s: %w", src, err)
	}
	if _, err := os.Lstat(target); err == nil {
		backup, err := l.moveAside(pack.ID, backupDir)
		if err != nil {
			os.RemoveAll(tmp)
			return Installed{}, err
		}
		res.Backup = backup
	}
	if err := os.Rename(tmp, target); err != nil {
		os.RemoveAll(tmp)
		return Installed{}, fmt.Errorf("install %s: %w", src, err)
	}
	// The folder's time is when it was installed.
	now := l.now()
	os.Chtimes(target, now, now)
	res.Entry = l.entry(pack.ID)
	res.Entry.Problems = len(probs)
	return res, nil
}

// sameFile reports whether two paths name the same folder.
func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// stamp is a time for file names: 2026-12-06-103015.
func (l *Library) stamp() string { return l.now().Format("2006-01-02-150405") }

// moveAside moves the exhibit id into the library's folder kind (trash or
// backup) under a name with the time, and returns where it went.
func (l *Library) moveAside(id, kind string) (string, error) {
	dir := filepath.Join(l.Dir, kind)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("exhibits folder: %w", err)
	}
	dest := filepath.Join(dir, id+"-"+l.stamp())
	for i := 2; ; i++ {
		if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dest = filepath.Join(dir, fmt.Sprintf("%s-%s-%d", id, l.stamp(), i))
	}
	if err := os.Rename(filepath.Join(l.Dir, id), dest); err != nil {
		return "", fmt.Errorf("move %s aside: %w", id, err)
	}
	return dest, nil
}

// Remove moves the installed exhibit id to the library's trash folder (it
// is never deleted outright) and returns where it went. When it was the
// start exhibit, the built-in one becomes the start exhibit.
func (l *Library) Remove(id string) (string, error) {
	if id == BuiltinID {
		return "", ErrBuiltinRemove
	}
	if l.Path(id) == "" && !l.hasFolder(id) {
		return "", &NotInstalledError{ID: id}
	}
	dest, err := l.moveAside(id, trashDir)
	if err != nil {
		return "", err
	}
	if l.Start() == id {
		if err := l.SetStart(BuiltinID); err != nil {
			return dest, err
		}
	}
	return dest, nil
}

// hasFolder reports whether the library has a folder for id, readable or
// not (a broken exhibit can still be removed).
func (l *Library) hasFolder(id string) bool {
	if !validID(id) {
		return false
	}
	fi, err := os.Stat(filepath.Join(l.Dir, id))
	return err == nil && fi.IsDir()
}

// Start returns the id of the exhibit that opens at start: the one chosen
// with SetStart, else the built-in one.
func (l *Library) Start() string {
	b, err := os.ReadFile(filepath.Join(l.Dir, startFile))
	if err != nil {
		return BuiltinID
	}
	id := strings.TrimSpace(string(b))
	if !validID(id) {
		return BuiltinID
	}
	return id
}

// SetStart chooses the exhibit that opens at start (a plain start, kiosk
// mode and the autostart entry alike): BuiltinID or an installed id.
func (l *Library) SetStart(id string) error {
	if id != BuiltinID && l.Path(id) == "" {
		return &NotInstalledError{ID: id}
	}
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return fmt.Errorf("exhibits folder: %w", err)
	}
	return atomicfile.Write(filepath.Join(l.Dir, startFile), []byte(id+"\n"), 0o600)
}

// StartPath returns the folder of the start exhibit, "" for the built-in
// one. missing is set when the chosen exhibit is no longer installed: the
// caller opens the built-in exhibit and says why.
func (l *Library) StartPath() (path string, missing string) {
	id := l.Start()
	if id == BuiltinID {
		return "", ""
	}
	if p := l.Path(id); p != "" {
		return p, ""
	}
	return "", id
}

// ErrBuiltinRemove is Remove's error for the built-in exhibit, which is
// part of the program.
var ErrBuiltinRemove = errors.New("the built-in exhibit cannot be removed")

// NotInstalledError is the error of Remove and SetStart for an id no
// installed exhibit has.
type NotInstalledError struct{ ID string }

func (e *NotInstalledError) Error() string {
	return fmt.Sprintf("no installed exhibit has the id %q", e.ID)
}
