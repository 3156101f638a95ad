package studio

import (
	"encoding/json"
	"image"
	_ "image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// A picture added in the editor goes through the import pipeline (a
// camera's sideways photo turned upright), gets an entry with its
// caption, credit, date and alt text, and the exhibit validates.
func TestAddPicture(t *testing.T) {
	dir := newExhibit(t, library.Blank)
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "photos", "testdata", "orient-6.jpg")
	i, err := d.AddPicture(dir, src)
	if err != nil {
		t.Fatal(err)
	}
	p := &d.Pictures[i]
	if p.ID != "orient-6" || p.File != "photos/orient-6.jpg" || p.Caption != "orient-6" {
		t.Fatalf("picture %+v", p)
	}
	if j, err := d.AddPicture(dir, src); err != nil || d.Pictures[j].ID != "orient-6-2" {
		t.Fatalf("second add: %v %+v", err, d.Pictures)
	}
	p = &d.Pictures[i]
	p.Caption, p.Credit, p.Date, p.Alt = "Mít tinh", "Bảo tàng tỉnh", "9/1945", "Đám đông trước đình"
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 || len(pack.Photos) != 2 {
		t.Fatalf("validate: %v %v %d", err, probs, len(pack.Photos))
	}
	pfs.Close()
	if ph := pack.Photo("orient-6"); ph == nil || ph.Caption != "Mít tinh" || ph.Credit != "Bảo tàng tỉnh" || ph.Alt != "Đám đông trước đình" || ph.Date != "9/1945" {
		t.Errorf("saved %+v", ph)
	}
	// Turned upright: orientation 6 is a portrait stored as landscape.
	f, _ := os.Open(filepath.Join(dir, "photos", "orient-6.jpg"))
	cfg, _, err := image.DecodeConfig(f)
	f.Close()
	srcF, _ := os.Open(src)
	scfg, _, _ := image.DecodeConfig(srcF)
	srcF.Close()
	if err != nil || cfg.Width != scfg.Height || cfg.Height != scfg.Width {
		t.Errorf("not turned: %dx%d from %dx%d (%v)", cfg.Width, cfg.Height, scfg.Width, scfg.Height, err)
	}
	// Editing a caption again sets only that line.
	d.Pictures[i].Caption = "Mít tinh mừng độc lập"
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	if again, _ := Open(dir); !Equal(again, d) {
		t.Errorf("reload differs: %+v", again.Pictures)
	}
	if _, err := d.AddPicture(dir, filepath.Join("..", "photos", "testdata", "bomb.png")); err == nil {
		t.Error("a decompression bomb was added")
	}
}

// A picture placed after a paragraph and one attached to an event are
// saved and load back so.
func TestPlacePictureAndEventPicture(t *testing.T) {
	dir := newExhibit(t, library.Blank)
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddPicture(dir, filepath.Join("..", "photos", "testdata", "orient-6.jpg")); err != nil {
		t.Fatal(err)
	}
	d.Chapters[0].Text = "# Mở đầu\n\nĐoạn một.\n\nĐoạn hai.\n"
	d.PlacePicture(0, "orient-6", 1)
	ev := d.NewEvent(exhibit.Date{Year: 1943, Precision: exhibit.PrecisionYear}, "Mít tinh")
	d.SetEventPicture(ev, "orient-6")
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	ch := pack.Chapters[0]
	if len(ch.Photos) != 1 || ch.PhotoAfter["orient-6"] != 1 {
		t.Errorf("chapter pictures %v %v", ch.Photos, ch.PhotoAfter)
	}
	if m := pack.Timeline.Events[0].Media; m == nil || m.URL != "photos/orient-6.jpg" {
		t.Errorf("event media %+v", m)
	}
	again, err := Open(dir)
	if err != nil || !Equal(again, d) {
		a, _ := json.Marshal(comparable(again))
		b, _ := json.Marshal(comparable(d))
		t.Fatalf("reload: %v\n%s\n%s", err, a, b)
	}
	again.UnplacePicture(0, 0)
	if _, err := Save(dir, again); err != nil {
		t.Fatal(err)
	}
	if pack, _, pfs, _ := exhibit.LoadPath(dir); len(pack.Chapters[0].Photos) != 0 {
		t.Errorf("unplaced picture still in the chapter")
	} else {
		pfs.Close()
	}
}
