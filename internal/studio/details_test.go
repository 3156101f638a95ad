package studio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// Credits are edited, removed and added by place, each kept entry keeping
// its comment; the cover is set to a picture of the pack and then taken
// away (the title plate alone).
func TestCreditsAndCover(t *testing.T) {
	dir := newExhibit(t, library.FromBuiltin)
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Credits) != 3 || d.Details.Cover != "illustrations/tieu-de-80-nam.png" {
		t.Fatalf("opened credits %+v cover %q", d.Credits, d.Details.Cover)
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	text := strings.Replace(string(manifest), "[[credits]]\nrole = \"Biên tập số\"", "[[credits]]\n# ghi chú của người soạn\nrole = \"Biên tập số\"", 1)
	if text == string(manifest) {
		t.Fatal("the built-in pack.toml changed: fix the test")
	}
	os.WriteFile(filepath.Join(dir, exhibit.ManifestName), []byte(text), 0o644)

	d.Credits = append(d.Credits[:0:0], d.Credits[1:]...) // the first removed
	d.Credits[0].Name = "Nhà văn hoá xã"
	d.Credits = append(d.Credits, Credit{Role: "Ảnh", Name: "Ông Nguyễn Văn A", Orig: -1})
	d.Details.Cover = d.Pictures[len(d.Pictures)-1].File
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	got := []string{}
	for _, c := range pack.Credits {
		got = append(got, c.Role+": "+c.Name)
	}
	want := "Biên tập số: Nhà văn hoá xã|Giọng đọc tổng hợp (espeak-ng): Giọng đọc tiếng Việt tổng hợp bằng máy (espeak-ng), không phải người đọc|Ảnh: Ông Nguyễn Văn A"
	if strings.Join(got, "|") != want {
		t.Errorf("credits %q", got)
	}
	if pack.Cover != d.Details.Cover {
		t.Errorf("cover %q, want %q", pack.Cover, d.Details.Cover)
	}
	after, _ := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if !strings.Contains(string(after), "# ghi chú của người soạn\nrole = \"Biên tập số\"\nname = \"Nhà văn hoá xã\"") {
		t.Errorf("the credit's comment was not kept:\n%s", after)
	}
	// A second save after more edits finds the entries where they now are.
	d.Credits[2].Role = "Ảnh tư liệu"
	d.Details.Cover = ""
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	again, err := Open(dir)
	if err != nil || !Equal(again, d) {
		t.Fatalf("reload: %v\n%+v\n%+v", err, again.Credits, d.Credits)
	}
	if again.Details.Cover != "" {
		t.Errorf("cover kept: %q", again.Details.Cover)
	}
}
