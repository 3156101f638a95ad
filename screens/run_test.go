package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// A --pack on a USB stick that is not plugged in opens the built-in
// exhibit, says why on the home screen in Vietnamese, and leads the
// problems list with it — in kiosk mode too.
func TestMissingPackShowsTheBuiltInExhibitAndSaysWhy(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "USB", "trien-lam-2024")
	pack, problems, pfs, unopened, err := openPack(missing, "")
	if err != nil {
		t.Fatal(err)
	}
	if pfs != nil {
		t.Error("a pack that was not opened has no files to close")
	}
	builtin, _, _ := exhibit.Load(assets.Pack())
	if pack.ID != builtin.ID || unopened == nil || len(problems) == 0 || problems[0].Kind != "pack-missing" || problems[0].File != missing {
		t.Fatalf("pack %q, unopened %v, problems %v; want the built-in pack and pack-missing first", pack.ID, unopened, problems)
	}
	for _, kioskMode := range []bool{false, true} {
		a := test.NewTempApp(t)
		win := test.NewWindow(nil)
		e := New(a, win, pack, problems)
		e.inhibit = noInhibit
		win.Resize(fyne.NewSize(1024, 768))
		e.notice = unopened
		if kioskMode {
			e.startKiosk()
			e.kiosk.idle.Stop()
		} else {
			e.refreshCurrent()
		}
		txt := renderedText(win.Content())
		for _, want := range []string{"Không tìm thấy gói triển lãm", "trien-lam-2024", "triển lãm có sẵn"} {
			if !strings.Contains(txt, want) {
				t.Errorf("kiosk %v: the home screen does not say %q", kioskMode, want)
			}
		}
		// The problems list is for staff: on home outside kiosk mode, behind
		// the PIN in it.
		if got := strings.Contains(txt, "Lỗi trong gói (1)"); got == kioskMode {
			t.Errorf("kiosk %v: the problems button shown: %v", kioskMode, got)
		}
		win.Close()
	}

	// A file that is not a pack at all says it cannot be opened, with why.
	bad := filepath.Join(t.TempDir(), "hong.zip")
	if err := os.WriteFile(bad, []byte("không phải zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, problems, _, unopened, err = openPack(bad, "")
	if err != nil || unopened == nil || problems[0].Kind != "pack-unreadable" || !strings.Contains(problems[0].Text("vi"), "Không mở được gói triển lãm") {
		t.Errorf("unreadable pack: %v, %v", unopened, problems)
	}
	// The library's start exhibit, uninstalled: the built-in one, and why.
	pack, problems, _, unopened, err = openPack("", "trien-lam-2024")
	if err != nil || pack.ID != builtin.ID || unopened == nil || problems[0].Kind != "start-exhibit-missing" ||
		!strings.Contains(unopened.Text("vi"), "trien-lam-2024") {
		t.Errorf("missing start exhibit: %v, %v", unopened, problems)
	}
	// A good pack opens as itself, with no notice.
	_, _, pfs, unopened, err = openPack(filepath.Join("..", "internal", "exhibit", "testdata", "valid"), "")
	if pfs != nil {
		pfs.Close()
	}
	if err != nil || unopened != nil {
		t.Errorf("a good pack: unopened %v, err %v", unopened, err)
	}
}
