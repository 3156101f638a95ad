package exhibit

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestCover checks the manifest's cover picture: kept when it is a
// picture in the pack, reported by line and field (and left out) when it is
// missing, outside the pack or not a picture.
func TestCover(t *testing.T) {
	png := readTree(t, "testdata/valid")["photos/ban-do.png"]
	manifest := func(cover string) []byte {
		return []byte("format = 1\nid = \"x\"\ntitle = \"T\"\ncover = \"" + cover + "\"\n[[chapters]]\nid = \"a\"\nfile = \"a.md\"\n")
	}
	for _, tt := range []struct {
		cover, want string
		problem     []string
	}{
		{"bia.png", "bia.png", nil},
		{"khong-co.png", "", []string{`pack.toml:4: cover: File “khong-co.png” not found. Copy it into the pack or correct the path.`}},
		{"../bia.png", "", []string{`pack.toml:4: cover: Path “../bia.png” points outside the pack.`}},
		{"a.md", "", []string{`pack.toml:4: cover: Cover picture “a.md” is not a readable JPEG, PNG or WebP image: image: unknown format. The home screen is shown without it.`}},
	} {
		fsys := fstest.MapFS{
			ManifestName: {Data: manifest(tt.cover)},
			"a.md":       {Data: []byte("# A\n\nMột đoạn.\n")},
			"bia.png":    {Data: png},
		}
		pack, probs, err := Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if pack.Cover != tt.want {
			t.Errorf("cover %q: Cover = %q, want %q", tt.cover, pack.Cover, tt.want)
		}
		if got := problemStrings(probs); len(got)+len(tt.problem) > 0 && !reflect.DeepEqual(got, tt.problem) {
			t.Errorf("cover %q: problems\n got %q\nwant %q", tt.cover, got, tt.problem)
		}
	}
}
