package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/library"
)

// tapButton taps the first button labelled text in the window's overlays
// (dialogs) or content; it fails the test when there is none.
func tapButton(t *testing.T, e *Exhibit, text string) {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
				return
			}
		case *keyButton:
			if w.Text == text {
				found = &w.Button
				return
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wd).Objects() {
				walk(c)
			}
		}
	}
	c := e.win.Canvas()
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	walk(c.Content())
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	test.Tap(found)
}

// smallPack writes a pack folder with the given id and title.
func smallPack(t *testing.T, id, title string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), id)
	os.MkdirAll(filepath.Join(dir, "chapters"), 0o755)
	manifest := "format = 1\nid = \"" + id + "\"\ntitle = \"" + title + "\"\nlanguage = \"vi\"\n\n[[chapters]]\nid = \"mot\"\ntitle = \"Chương một\"\nfile = \"chapters/mot.md\"\n"
	os.WriteFile(filepath.Join(dir, "pack.toml"), []byte(manifest), 0o644)
	os.WriteFile(filepath.Join(dir, "chapters", "mot.md"), []byte("# Chương một\n\nMột đoạn văn.\n"), 0o644)
	return dir
}

// TestLibraryInstallOpenReplaceRemove drives the library as staff do: add
// an exhibit (as a drop or the file dialog would), open it, add a newer
// version and confirm the replacement, then remove it with a confirmation.
func TestLibraryInstallOpenReplaceRemove(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	e.lib = library.At(filepath.Join(t.TempDir(), "exhibits"))
	e.openLibrary()
	if _, ok := e.current.(*libraryScreen); !ok {
		t.Fatalf("openLibrary showed %T", e.current)
	}

	e.installExhibit(smallPack(t, "lich-su-xa", "Lịch sử xã"))
	tapButton(t, e, "Mở ngay") // "Open it now" in the confirmation
	if e.pack.ID != "lich-su-xa" || e.current != screen(e.homeS) {
		t.Fatalf("after opening: pack %q on %T", e.pack.ID, e.current)
	}
	if e.packDir == "" || !strings.HasPrefix(e.packDir, e.lib.Dir) {
		t.Errorf("the exhibit shows from %q, not from the library's copy", e.packDir)
	}

	// A newer version with the same id: replaced after a confirmation,
	// the old one kept as a backup.
	e.openLibrary()
	e.installExhibit(smallPack(t, "lich-su-xa", "Lịch sử xã (bản mới)"))
	tapButton(t, e, "Thay")
	tapButton(t, e, "Đóng")
	list, _ := e.lib.List()
	if len(list) != 1 || list[0].Title != "Lịch sử xã (bản mới)" {
		t.Fatalf("library after replace: %+v", list)
	}
	backups, _ := os.ReadDir(filepath.Join(e.lib.Dir, ".backup"))
	if len(backups) != 1 {
		t.Errorf("%d backups, want the replaced version", len(backups))
	}

	// Remove: confirmed, moved to the trash, nothing deleted.
	s := e.current.(*libraryScreen)
	s.remove(list[0])
	tapButton(t, e, "Xoá")
	if l, _ := e.lib.List(); len(l) != 0 {
		t.Errorf("still listed after remove: %+v", l)
	}
	trash, _ := os.ReadDir(filepath.Join(e.lib.Dir, ".trash"))
	if len(trash) != 1 {
		t.Errorf("%d exhibits in the trash, want 1", len(trash))
	}
	if e.pack.ID != library.BuiltinID {
		t.Errorf("removing the exhibit on show left %q showing", e.pack.ID)
	}
}

// TestLibraryNotInKiosk keeps the library out of visitors' reach.
func TestLibraryNotInKiosk(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	e.lib = library.At(t.TempDir())
	e.startKiosk()
	e.openLibrary()
	if _, ok := e.current.(*libraryScreen); ok {
		t.Error("the library opened in kiosk mode")
	}
}

// TestLibraryGolden shows the library with the built-in exhibit and one
// installed exhibit at the smallest projector size.
func TestLibraryGolden(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	queue := make(chan func(), 16)
	e.post = func(f func()) { queue <- f }
	e.lib = library.At(filepath.Join(t.TempDir(), "exhibits"))
	res, err := e.lib.Install(smallPack(t, "lich-su-xa", "Lịch sử xã Thượng Ân qua các thời kỳ"), false)
	if err != nil {
		t.Fatal(err)
	}
	// The date it was added, fixed for the picture.
	added := time.Date(2026, 9, 22, 9, 0, 0, 0, time.Local)
	os.Chtimes(res.Entry.Dir, added, added)
	e.openLibrary()
	if got := e.win.Canvas().Content().MinSize(); got.Width > 1024 {
		t.Errorf("library needs %v px wide at 1024×768", got.Width)
	}
	drain(t, queue, 1) // the built-in exhibit's cover, the title plate
	s := e.current.(*libraryScreen)
	// The folder's path differs per run: hide it for the picture.
	s.list.Objects = s.list.Objects[:len(s.list.Objects)-2]
	s.list.Refresh()
	test.AssertImageMatches(t, "library_1024x768.png", e.win.Canvas().Capture())
}

func TestExhibitID(t *testing.T) {
	for in, want := range map[string]string{
		"Lịch sử xã Thượng Ân": "lich-su-xa-thuong-an",
		"Kỷ niệm 81 năm!":      "ky-niem-81-nam",
		"  Đảng bộ  ":          "dang-bo",
	} {
		if got := exhibitID(in); got != want {
			t.Errorf("exhibitID(%q) = %q, want %q", in, got, want)
		}
	}
}
