package photos

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzInspect reads arbitrary photo headers, EXIF included: no input may
// make Inspect (or Load, for what Inspect accepts) panic or allocate
// without bound. The seeds are the real photos and broken files of
// testdata, each also cut in half as an interrupted copy leaves it.
func FuzzInspect(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil || len(b) > 256<<10 {
			continue
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte("\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01"))
	f.Add([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fsys := fstest.MapFS{"p": {Data: b}}
		info, err := Inspect(fsys, "p")
		if err != nil {
			return
		}
		if info.Width <= 0 || info.Height <= 0 {
			t.Fatalf("accepted an image of %d×%d", info.Width, info.Height)
		}
		if int64(info.Width)*int64(info.Height) <= 4<<20 {
			Load(fsys, "p", 64, 64)
		}
	})
}
