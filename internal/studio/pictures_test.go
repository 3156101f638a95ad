package studio

import (
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
