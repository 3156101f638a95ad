package photos

import (
	"bytes"
	"encoding/binary"
	"errors"
	iofs "io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"trienlam/internal/photos/phototest"
)

// bigPNG writes a w×h PNG into a file of a temporary folder and returns
// the folder as a file system, and the file's name.
func bigPNG(t testing.TB, name string, w, h int, ct, depth byte) (fsDir string) {
	t.Helper()
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := phototest.WritePNG(f, w, h, ct, depth); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// An 80-megapixel picture within the budget is shown, for the cost of its
// decoded pixels (one byte each in grey) and little more: no full-size
// RGBA copy (320 MB) on the way.
func TestLoadBig80MP(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes an 80-megapixel picture")
	}
	dir := bigPNG(t, "scan.png", 10000, 8000, 0, 8)
	var err error
	var w, h int
	n := allocated(func() {
		im, e := Load(os.DirFS(dir), "scan.png", 1920, 1080)
		err = e
		if e == nil {
			w, h = im.Bounds().Dx(), im.Bounds().Dy()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if w != 1350 || h != 1080 {
		t.Errorf("shown at %d×%d, want 1350×1080", w, h)
	}
	if mb := n >> 20; mb > 120 {
		t.Errorf("Load allocated %d MB for an 80 MP grey picture (80 MB decoded); want at most 120", mb)
	}
}

// A picture whose decoding would take more than MaxDecodeBytes is refused
// from its header, before a byte of pixels is allocated, with a message
// naming the file and saying how to save it.
func TestLoadRefusesWhatWouldNotFit(t *testing.T) {
	// 48 MP of 16-bit RGBA: 384 MB decoded, though under MaxPixels.
	dir := bigPNG(t, "scan-16bit.png", 8000, 6000, 6, 16)
	var err error
	n := allocated(func() { _, err = Load(os.DirFS(dir), "scan-16bit.png", 1920, 1080) })
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Load = %v, want ErrTooLarge", err)
	}
	for _, want := range []string{"scan-16bit.png", "8000×6000", "367 MB", "160 MB", "8-bit JPEG"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	// Said to staff in their language, with the figures.
	pr := Problem("scan-16bit.png", err)
	if vi := pr.Text("vi"); pr.Kind != "photo-needs-memory" || !strings.Contains(vi, "367 MB bộ nhớ") || !strings.Contains(vi, "“scan-16bit.png”") {
		t.Errorf("Problem: %s %q", pr.Kind, vi)
	}
	if n > 8<<20 {
		t.Errorf("refusing allocated %d bytes", n)
	}
	// A progressive JPEG with full colour resolution keeps 4 bytes of
	// coefficients a sample: 24 MP take 360 MB. Its header says so.
	var jp bytes.Buffer
	jp.WriteString("\xff\xd8\xff\xc2\x00\x11\x08")
	binary.Write(&jp, binary.BigEndian, [2]uint16{4000, 6000})
	jp.WriteString("\x03\x01\x11\x00\x02\x11\x01\x03\x11\x01")
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "prog.jpg"), jp.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(os.DirFS(dir), "prog.jpg", 1920, 1080)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "prog.jpg") {
		t.Errorf("progressive 4:4:4 24 MP JPEG: %v, want ErrTooLarge naming it", err)
	}
	// The same as a baseline 4:2:0 JPEG (36 MB) is no problem.
	b := bytes.Replace(jp.Bytes(), []byte("\xff\xc2"), []byte("\xff\xc0"), 1)
	b = bytes.Replace(b, []byte("\x01\x11\x00"), []byte("\x01\x22\x00"), 1)
	if info, err := Inspect(fsOf(t, "base.jpg", b), "base.jpg"); err != nil || info.decodeBytes > 40<<20 {
		t.Errorf("baseline 4:2:0 24 MP JPEG: %v, %d bytes to decode", err, info.decodeBytes)
	}
}

// fsOf is a folder holding one file.
func fsOf(t *testing.T, name string, data []byte) iofs.FS {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return os.DirFS(dir)
}

// BenchmarkLoad80MP is the memory of showing an 80-megapixel picture
// (grey PNG, 80 MB decoded): B/op is what one Load allocates, peak-MB the
// largest heap seen, the figures behind MaxDecodeBytes.
func BenchmarkLoad80MP(b *testing.B) {
	dir := bigPNG(b, "scan.png", 10000, 8000, 0, 8)
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		if _, err := Load(fsys, "scan.png", 1920, 1080); err != nil {
			b.Fatal(err)
		}
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapSys)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}
