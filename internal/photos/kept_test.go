package photos

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// keptFS is a pack with one 640×360 PNG whose colour is c.
func keptFS(t *testing.T, c color.RGBA) fstest.MapFS {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 640, 360))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{"cover.png": {Data: b.Bytes()}}
}

func keptFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.pic"))
	return m
}

// The second Load of the same picture for the same bounds reads the file
// the first one kept, not the pack's picture.
func TestKeptDecodesOnceThenReadsIt(t *testing.T) {
	dir := t.TempDir()
	k := Kept{Dir: dir}
	fsys := keptFS(t, color.RGBA{200, 30, 30, 255})
	first, err := k.Load(fsys, "cover.png", 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	if b := first.Bounds(); b.Dx() != 320 || b.Dy() != 180 {
		t.Fatalf("first load %v, want 320×180", b)
	}
	files := keptFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("%d kept files after one load, want 1", len(files))
	}
	// Mark the kept copy: a load that shows the mark read it.
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	data[keptHeader], data[keptHeader+1] = 1, 2
	binary.BigEndian.PutUint32(data[len(keptMagic)+8:], crc32.ChecksumIEEE(data[keptHeader:]))
	if err := os.WriteFile(files[0], data, 0o600); err != nil {
		t.Fatal(err)
	}
	again, err := k.Load(fsys, "cover.png", 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r, g, _, _ := again.At(0, 0).RGBA(); r>>8 != 1 || g>>8 != 2 {
		t.Fatalf("the second load decoded the picture again (pixel %d,%d), not the kept copy", r>>8, g>>8)
	}
	if b := again.Bounds(); b.Dx() != 320 || b.Dy() != 180 {
		t.Errorf("kept copy read as %v, want 320×180", b)
	}

	// Other bounds, or another picture at the same path, are not it.
	other, err := k.Load(fsys, "cover.png", 160, 0)
	if err != nil || other.Bounds().Dx() != 160 {
		t.Fatalf("load for 160 px: %v, %v", other, err)
	}
	changed := keptFS(t, color.RGBA{10, 200, 10, 255})
	img, err := k.Load(changed, "cover.png", 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r, g, _, _ := img.At(5, 5).RGBA(); r>>8 != 10 || g>>8 != 200 {
		t.Errorf("a replaced picture showed the old one's kept copy (%d,%d)", r>>8, g>>8)
	}
}

// A kept file that is cut short, not ours, or claims a huge picture is
// decoded again and replaced; nothing is allocated for its claim.
func TestKeptRefusesBrokenFiles(t *testing.T) {
	fsys := keptFS(t, color.RGBA{200, 30, 30, 255})
	for name, spoil := range map[string]func([]byte) []byte{
		"cut short":    func(b []byte) []byte { return b[:len(b)/2] },
		"not ours":     func(b []byte) []byte { return append([]byte("PNG?"), b[4:]...) },
		"claims a lot": func(b []byte) []byte { b[len(keptMagic)] = 0x7f; return b },
		"empty":        func([]byte) []byte { return nil },
		"pixels changed": func(b []byte) []byte {
			b[len(b)-1] ^= 0xff
			return b
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			k := Kept{Dir: dir}
			if _, err := k.Load(fsys, "cover.png", 320, 0); err != nil {
				t.Fatal(err)
			}
			f := keptFiles(t, dir)[0]
			good, _ := os.ReadFile(f)
			if err := os.WriteFile(f, spoil(append([]byte(nil), good...)), 0o600); err != nil {
				t.Fatal(err)
			}
			img, err := k.Load(fsys, "cover.png", 320, 0)
			if err != nil {
				t.Fatal(err)
			}
			if r, _, _, _ := img.At(3, 3).RGBA(); r>>8 != 200 || img.Bounds().Dx() != 320 {
				t.Errorf("got %v with red %d from a broken kept file", img.Bounds(), r>>8)
			}
			if now, _ := os.ReadFile(f); !bytes.Equal(now, good) {
				t.Errorf("the broken kept file was not replaced")
			}
		})
	}
}

// The folder holds at most Max pictures, the newest; a folder that cannot
// be made keeps nothing and the picture still loads.
func TestKeptStaysSmallAndNeverFailsALoad(t *testing.T) {
	dir := t.TempDir()
	k := Kept{Dir: dir, Max: 2}
	fsys := keptFS(t, color.RGBA{200, 30, 30, 255})
	// Written an hour ago, then a minute ago (what trim goes by), then now.
	for i, w := range []int{100, 200, 300} {
		if _, err := k.Load(fsys, "cover.png", w, 0); err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			when := time.Now().Add([]time.Duration{-time.Hour, -time.Minute}[i])
			f, _ := filepath.Glob(filepath.Join(dir, fmt.Sprintf("*-%dx0.pic", w)))
			if len(f) != 1 || os.Chtimes(f[0], when, when) != nil {
				t.Fatalf("kept file for %d px: %v", w, f)
			}
		}
	}
	files := keptFiles(t, dir)
	if len(files) != 2 {
		t.Fatalf("%d kept files, want at most 2", len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, "-100x0.pic") {
			t.Errorf("the oldest picture was kept and a newer one removed: %v", files)
		}
	}
	// What an interrupted write left long ago goes; a recent one stays.
	old, recent := filepath.Join(dir, ".a-1x0.pic.tmp-1"), filepath.Join(dir, ".a-1x0.pic.tmp-2")
	os.WriteFile(old, []byte("x"), 0o600)
	os.WriteFile(recent, []byte("x"), 0o600)
	long := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, long, long)
	if _, err := k.Load(fsys, "cover.png", 50, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err == nil {
		t.Errorf("an old unfinished write was left in the folder")
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("a recent unfinished write (another start's) was removed")
	}
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	img, err := Kept{Dir: filepath.Join(blocker, "pictures")}.Load(fsys, "cover.png", 100, 0)
	if err != nil || img.Bounds().Dx() != 100 {
		t.Errorf("load with an unusable folder: %v, %v", img, err)
	}
	if _, err := (Kept{Dir: dir}).Load(fsys, "missing.png", 100, 0); err == nil {
		t.Errorf("a missing picture loaded")
	}
}

// FuzzDecodeKept reads arbitrary kept files: none may panic, allocate
// beyond its bounds, or come back larger than asked.
func FuzzDecodeKept(f *testing.F) {
	var good bytes.Buffer
	good.WriteString(keptMagic)
	good.Write([]byte{0, 0, 0, 2, 0, 0, 0, 1})
	binary.Write(&good, binary.BigEndian, crc32.ChecksumIEEE(make([]byte, 8)))
	good.Write(make([]byte, 8))
	f.Add(good.Bytes())
	f.Add(good.Bytes()[:12])
	f.Add([]byte(keptMagic + "\xff\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00"))
	f.Add([]byte(keptMagic + "\x80\x00\x00\x00\x80\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, max := range []int{64, 0} {
			img, err := decodeKept(bytes.NewReader(b), int64(len(b)), max, max)
			if err != nil {
				continue
			}
			d := img.Bounds()
			if (max > 0 && (d.Dx() > max || d.Dy() > max)) || len(img.Pix) != d.Dx()*d.Dy()*4 || len(img.Pix) > len(b) {
				t.Fatalf("bounds %d: accepted %v with %d bytes of pixels from %d bytes", max, d, len(img.Pix), len(b))
			}
		}
	})
}
