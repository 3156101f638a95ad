package studio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// newExhibit makes an exhibit in a temporary library, as the library
// screen's "new exhibit" does.
func newExhibit(t *testing.T, tmpl library.Template) string {
	t.Helper()
	l := library.At(t.TempDir())
	en, err := l.New(tmpl, assets.Pack(), "thu-nghiem", "Thử nghiệm")
	if err != nil {
		t.Fatal(err)
	}
	return en.Dir
}

func TestEditSaveReloadUndo(t *testing.T) {
	dir := newExhibit(t, library.Blank)
	before, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Chapters) != 1 || d.Details.Title != "Thử nghiệm" {
		t.Fatalf("opened %+v", d)
	}
	d.Details.Subtitle = "1943 – 2023"
	d.Details.SourcePublisher = "Ban Tuyên giáo"
	i := d.NewChapter("Bối cảnh")
	d.Chapters[i].Text = "# Bối cảnh\n\nĐoạn **đậm**.\n"
	if j := d.Move(i, -1); j != 0 {
		t.Fatalf("moved to %d", j)
	}
	d.Chapters[1].Title = "Chương một"
	pack, probs, err := Check(dir, d)
	if err != nil || len(probs) > 0 || pack.Chapters[0].ID != "chuong-2" {
		t.Fatalf("check: %v %v %+v", err, probs, pack)
	}
	saved, err := Save(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Open(dir)
	if err != nil || !Equal(again, d) {
		t.Fatalf("reload differs:\n%+v\n%+v %v", again, d, err)
	}
	_, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate after save: %v %v", err, probs)
	}
	pfs.Close()
	after, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	if !strings.HasPrefix(string(after), "# Gói triển lãm mới") || !strings.Contains(string(after), `publisher = "Ban Tuyên giáo"`) {
		t.Errorf("pack.toml:\n%s", after)
	}
	if b, err := os.ReadFile(filepath.Join(saved.Backup, "pack.toml")); err != nil || string(b) != string(before) {
		t.Errorf("backup: %v %q", err, b)
	}
	// Delete a chapter: its file stays.
	d.Delete(0)
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "chapters", "02-chuong-2.md")); err != nil {
		t.Errorf("deleted chapter's file gone: %v", err)
	}
	// Undo of the first save's backup brings back the first pack.toml.
	if err := Undo(saved); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "pack.toml")); string(b) != string(before) {
		t.Errorf("undo left:\n%s", b)
	}
}

func TestDraftKept(t *testing.T) {
	dir := newExhibit(t, library.Blank)
	if d, err := LoadDraft(dir); d != nil || err != nil {
		t.Fatalf("draft before any: %v %v", d, err)
	}
	d, _ := Open(dir)
	d.Chapters[0].Text = "# Chương 1\n\nChưa lưu.\n"
	if err := SaveDraft(dir, d); err != nil {
		t.Fatal(err)
	}
	got, err := LoadDraft(dir)
	if err != nil || !Equal(got, d) {
		t.Fatalf("draft %v %v", got, err)
	}
	// The draft folder is not part of the exhibit.
	if _, probs, pfs, _ := exhibit.LoadPath(dir); len(probs) > 0 {
		t.Errorf("problems with a draft: %v", probs)
	} else {
		pfs.Close()
	}
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	if got, _ := LoadDraft(dir); got != nil {
		t.Error("draft kept after save")
	}
}

// A copy of the built-in exhibit opens and saves unchanged to the byte.
func TestBuiltinCopyUntouched(t *testing.T) {
	dir := newExhibit(t, library.FromBuiltin)
	before, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Save(dir, d)
	if err != nil || len(s.Created) > 0 {
		t.Fatal(err, s.Created)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "pack.toml")); string(after) != string(before) {
		t.Errorf("an unchanged save changed pack.toml")
	}
}
