package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/test"

	"trienlam/internal/exhibit"
)

// Staff choose a cover among the pictures, add a credit, delete one and
// undo the delete; after saving the exhibit validates with them.
func TestStudioCreditsCover(t *testing.T) {
	_, s, dir := studioFor(t, 1024, 768)
	s.tabs.SelectIndex(2)
	s.pics.add(filepath.Join("..", "internal", "photos", "testdata", "orient-6.jpg"))
	s.tabs.SelectIndex(0)
	if n := len(s.det.cover.Options); n != 2 {
		t.Fatalf("cover options %q", s.det.cover.Options)
	}
	s.det.cover.SetSelectedIndex(1)
	if s.draft.Details.Cover != "photos/orient-6.jpg" {
		t.Fatalf("cover %q", s.draft.Details.Cover)
	}
	before := len(s.draft.Credits)
	test.Tap(s.det.addCredit)
	if len(s.det.creditRows) != before+1 {
		t.Fatalf("%d rows for %d credits", len(s.det.creditRows), before+1)
	}
	row := s.det.creditRows[before]
	test.Type(row.role, "Ảnh")
	s.check()
	if row = s.det.creditRows[before]; row.probs.Hidden {
		t.Errorf("a credit without a name: no problem beside it (%v)", s.problems)
	}
	test.Type(row.name, "Ông Nguyễn Văn A")
	s.check()
	if !s.det.creditRows[before].probs.Hidden {
		t.Errorf("problem still shown: %q", s.det.creditRows[before].probs.Text)
	}
	test.Tap(s.det.creditRows[before].del)
	if len(s.draft.Credits) != before {
		t.Fatal("delete did nothing")
	}
	test.Tap(s.undoBtn)
	if len(s.draft.Credits) != before+1 || s.det.creditRows[before].name.Text != "Ông Nguyễn Văn A" {
		t.Fatalf("undo: %+v", s.draft.Credits)
	}
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	last := pack.Credits[len(pack.Credits)-1]
	if pack.Cover != "photos/orient-6.jpg" || last.Role != "Ảnh" || last.Name != "Ông Nguyễn Văn A" {
		t.Errorf("saved cover %q credit %+v", pack.Cover, last)
	}
	// None: the title plate alone.
	s.det.cover.SetSelectedIndex(0)
	test.Tap(s.saveBtn)
	pack, _, pfs, _ = exhibit.LoadPath(dir)
	pfs.Close()
	if pack.Cover != "" {
		t.Errorf("cover %q after choosing none", pack.Cover)
	}
}

// Staff place a picture after a paragraph of a chapter (the preview shows
// it there) and attach it to a timeline event; saved, the reader and the
// timeline have it.
func TestStudioPlacePictures(t *testing.T) {
	_, s, dir := studioFor(t, 1024, 768)
	s.tabs.SelectIndex(2)
	s.pics.add(filepath.Join("..", "internal", "photos", "testdata", "orient-6.jpg"))
	s.tabs.SelectIndex(1)
	s.chText.SetText("# Mở đầu\n\nĐoạn một.\n\nĐoạn hai có hình.\n\nĐoạn ba.\n")
	s.check()
	test.Tap(s.chPics.add)
	if s.chPics.form == nil || len(s.chPics.form.place.Options) != 5 {
		t.Fatalf("place form %+v", s.chPics.form)
	}
	if got := s.chPics.form.place.Options[3]; !strings.Contains(got, "Đoạn hai có hình.") {
		t.Errorf("block 2 offered as %q", got)
	}
	s.chPics.placeFromForm(0, 3) // after block 2
	if got := s.draft.Chapters[0].Photos; len(got) != 1 || got[0] != "orient-6@2" {
		t.Fatalf("chapter pictures %q", got)
	}
	if len(s.chPics.rows.Objects) != 1 {
		t.Errorf("%d rows listed", len(s.chPics.rows.Objects))
	}
	s.tabs.SelectIndex(3)
	test.Tap(s.tl.addBtn)
	s.tl.picture.SetSelectedIndex(1)
	if m := s.events()[0].Media; m == nil || m.URL != "photos/orient-6.jpg" {
		t.Fatalf("event media %+v", m)
	}
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	if ch := pack.Chapters[0]; ch.PhotoAfter["orient-6"] != 2 {
		t.Errorf("saved placement %v", ch.PhotoAfter)
	}
	if m := pack.Timeline.Events[0].Media; m == nil || m.URL != "photos/orient-6.jpg" {
		t.Errorf("saved event media %+v", m)
	}
	// Taken out again, with undo of that.
	s.tabs.SelectIndex(1)
	del := s.chPics.rows.Objects[0].(*fyne.Container).Objects[1].(*widget.Button)
	test.Tap(del)
	if len(s.draft.Chapters[0].Photos) != 0 {
		t.Error("picture not taken out")
	}
}
