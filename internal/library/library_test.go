package library

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// testLibrary is an empty library in a temporary folder, with a clock.
func testLibrary(t *testing.T) *Library {
	t.Helper()
	l := At(filepath.Join(t.TempDir(), "exhibits"))
	at := time.Date(2026, 12, 6, 10, 30, 0, 0, time.UTC)
	l.now = func() time.Time { at = at.Add(time.Second); return at }
	return l
}

// writePack writes a small valid pack with the given id and title into a
// new folder and returns it.
func writePack(t *testing.T, id, title string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), id)
	os.MkdirAll(filepath.Join(dir, "chapters"), 0o755)
	manifest := strings.ReplaceAll(strings.ReplaceAll(blankManifest, `id = "new"`, `id = "`+id+`"`), `title = "Triển lãm mới"`, `title = "`+title+`"`)
	if err := os.WriteFile(filepath.Join(dir, "pack.toml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "chapters", "01-chuong-1.md"), []byte(blankChapter), 0o644)
	return dir
}

func TestInstallReplaceRemove(t *testing.T) {
	l := testLibrary(t)
	if list, err := l.List(); err != nil || len(list) != 0 {
		t.Fatalf("new library lists %v, %v", list, err)
	}
	src := writePack(t, "lich-su-xa", "Lịch sử xã")
	res, err := l.Install(src, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Entry.ID != "lich-su-xa" || res.Entry.Title != "Lịch sử xã" || res.Backup != "" || res.Entry.Problems != 0 || res.Entry.Size == 0 {
		t.Errorf("installed %+v", res)
	}
	// The copy stays when the stick (src) is gone.
	os.RemoveAll(src)
	if p := l.Path("lich-su-xa"); p == "" {
		t.Fatal("installed exhibit has no path")
	} else if _, probs, pfs, err := exhibit.LoadPath(p); err != nil || len(probs) != 0 {
		t.Fatalf("installed copy: %v %v", err, probs)
	} else {
		pfs.Close()
	}

	// Same id again: refused without replace, naming the installed one.
	newer := writePack(t, "lich-su-xa", "Lịch sử xã (bản 2)")
	_, err = l.Install(newer, false)
	var exists *ExistsError
	if !errors.As(err, &exists) || exists.Existing.Title != "Lịch sử xã" {
		t.Fatalf("second install: %v, want ExistsError naming the installed title", err)
	}
	res, err = l.Install(newer, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Entry.Title != "Lịch sử xã (bản 2)" || res.Backup == "" {
		t.Errorf("replace: %+v", res)
	}
	// The old version is kept as a backup, whole.
	if b, err := os.ReadFile(filepath.Join(res.Backup, "pack.toml")); err != nil || !strings.Contains(string(b), `title = "Lịch sử xã"`) {
		t.Errorf("backup of the old version: %v %q", err, b)
	}
	list, _ := l.List()
	if len(list) != 1 || list[0].Title != "Lịch sử xã (bản 2)" {
		t.Errorf("list after replace: %+v (backups must not be listed)", list)
	}

	// Start exhibit, then remove: to the trash, and the start falls back.
	if err := l.SetStart("lich-su-xa"); err != nil {
		t.Fatal(err)
	}
	if p, missing := l.StartPath(); p != l.Path("lich-su-xa") || missing != "" {
		t.Errorf("StartPath = %q, %q", p, missing)
	}
	trash, err := l.Remove("lich-su-xa")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(trash, "pack.toml")); err != nil {
		t.Errorf("removed exhibit not in the trash: %v", err)
	}
	if l.Path("lich-su-xa") != "" || l.Start() != BuiltinID {
		t.Errorf("after remove: path %q, start %q", l.Path("lich-su-xa"), l.Start())
	}
	if _, err := l.Remove(BuiltinID); err == nil {
		t.Error("the built-in exhibit was removed")
	}
	if _, err := l.Remove("khong-co"); err == nil {
		t.Error("removing a missing exhibit did not fail")
	}
	if err := l.SetStart("khong-co"); err == nil {
		t.Error("a missing exhibit became the start exhibit")
	}
}

func TestStartMissing(t *testing.T) {
	l := testLibrary(t)
	if _, err := l.Install(writePack(t, "nam-sau", "Năm sau"), false); err != nil {
		t.Fatal(err)
	}
	l.SetStart("nam-sau")
	// Staff delete the folder by hand: the built-in opens, and why is known.
	os.RemoveAll(l.Path("nam-sau"))
	if p, missing := l.StartPath(); p != "" || missing != "nam-sau" {
		t.Errorf("StartPath = %q, %q; want the built-in and the missing id", p, missing)
	}
}

func TestInstallZipAndTrienlam(t *testing.T) {
	l := testLibrary(t)
	src := writePack(t, "tu-zip", "Từ tệp")
	out := filepath.Join(t.TempDir(), "tu-zip.trienlam")
	if err := Zip(src, out); err != nil {
		t.Fatal(err)
	}
	// Same pack, same bytes; and never over an existing file.
	again := filepath.Join(t.TempDir(), "again.trienlam")
	if err := Zip(src, again); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two zips of the same pack differ")
	}
	if err := Zip(src, out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("zip over an existing file: %v", err)
	}
	if res, err := l.Install(out, false); err != nil || res.Entry.ID != "tu-zip" {
		t.Fatalf("install .trienlam: %+v %v", res, err)
	}
	// A broken file is refused whole, and the library is unchanged.
	bad := filepath.Join(t.TempDir(), "hong.trienlam")
	os.WriteFile(bad, a[:len(a)/2], 0o644)
	if _, err := l.Install(bad, false); err == nil {
		t.Error("a cut .trienlam was installed")
	}
	list, _ := l.List()
	if len(list) != 1 {
		t.Errorf("library after a failed install: %+v", list)
	}
	entries, _ := os.ReadDir(l.Dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".install-") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

func TestInstallRefusals(t *testing.T) {
	l := testLibrary(t)
	// The built-in exhibit's own id: exported as is, it must get its own.
	dir := filepath.Join(t.TempDir(), "copy")
	if err := exhibit.Export(assets.Pack(), dir); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Install(dir, false); err == nil || !strings.Contains(err.Error(), BuiltinID) {
		t.Errorf("installing the built-in id: %v", err)
	}
	if _, err := l.Install(filepath.Join(t.TempDir(), "missing"), false); err == nil {
		t.Error("a missing path was installed")
	}
}

func TestNewExhibits(t *testing.T) {
	l := testLibrary(t)
	for _, tt := range []struct {
		tmpl Template
		id   string
	}{{FromBuiltin, "ky-niem-81-nam"}, {Blank, "lich-su-xa"}} {
		e, err := l.New(tt.tmpl, assets.Pack(), tt.id, "Tên mới")
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != tt.id || e.Title != "Tên mới" || e.Broken != "" {
			t.Errorf("new %s: %+v", tt.id, e)
		}
		_, probs, pfs, err := exhibit.LoadPath(e.Dir)
		if err != nil || len(probs) != 0 {
			t.Errorf("new %s: %v %v", tt.id, err, probs)
		} else {
			pfs.Close()
		}
	}
	// Comments of the copied pack.toml are kept: one editor of pack.toml.
	b, _ := os.ReadFile(filepath.Join(l.Path("ky-niem-81-nam"), "pack.toml"))
	if !strings.HasPrefix(string(b), "#") || !strings.Contains(string(b), `id = "ky-niem-81-nam"`) {
		t.Errorf("copied pack.toml lost its comments or id:\n%.300s", b)
	}
	if _, err := l.New(Blank, nil, "lich-su-xa", ""); err == nil {
		t.Error("a second exhibit with the same id was made")
	}
	if _, err := l.New(Blank, nil, "Có Dấu", ""); err == nil {
		t.Error("an id with capitals and accents was accepted")
	}
	if list, _ := l.List(); len(list) != 2 {
		t.Errorf("library lists %d exhibits, want 2", len(list))
	}
}

func TestBrokenExhibitListed(t *testing.T) {
	l := testLibrary(t)
	os.MkdirAll(filepath.Join(l.Dir, "hong"), 0o755)
	os.WriteFile(filepath.Join(l.Dir, "hong", "pack.toml"), []byte("format = 1\nid = \"hong\"\ntitle = \"Hỏng\n"), 0o644)
	list, err := l.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %+v %v", list, err)
	}
	if list[0].Broken == "" && list[0].Problems == 0 {
		t.Errorf("a broken exhibit is listed as fine: %+v", list[0])
	}
	if _, err := l.Remove("hong"); err != nil {
		t.Errorf("a broken exhibit cannot be removed: %v", err)
	}
}
