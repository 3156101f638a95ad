package exhibit

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"flag"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// update regenerates the binary fixtures in testdata: the tiny PNG and WAV
// of the valid pack, the invalid UTF-8 chapter, the corrupt photo and the
// zip packs. They are committed; run `go test ./exhibit -run TestFixtures
// -update` after changing this file.
var update = flag.Bool("update", false, "regenerate binary test fixtures in testdata")

func TestFixtures(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate the binary fixtures")
	}
	write := func(name string, b []byte) {
		t.Helper()
		p := filepath.Join("testdata", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("valid/photos/ban-do.png", tinyPNG(t, 4, 3))
	write("valid/audio/01.wav", silentWAV(2205))
	write("corrupt-photo/photos/hong.jpg", []byte("\xff\xd8\xff\xe0 this is not really a JPEG"))
	write("corrupt-photo/photos/tot.png", tinyPNG(t, 2, 2))
	// Line 3 has a Latin-1 "é" (0xe9), as an old editor would save it.
	write("bad-utf8/chapters/01.md", []byte("# Chương một\n\nCaf\xe9 sáng\n"))

	valid := readTree(t, "testdata/valid")
	write("zips/nested.zip", makeZip(t, "mypack/", valid, nil))
	write("zips/flat.zip", makeZip(t, "", valid, nil))
	good := makeZip(t, "", valid, nil)
	write("zips/truncated.zip", good[:len(good)/2])
	write("zips/not-a-zip.zip", []byte("PK but not a zip at all\n"))
	write("zips/evil-dotdot.zip", makeZip(t, "", valid, []zipExtra{{name: "../evil", body: "x"}}))
	write("zips/evil-abs.zip", makeZip(t, "", valid, []zipExtra{{name: "/etc/evil", body: "x"}}))
	write("zips/evil-drive.zip", makeZip(t, "", valid, []zipExtra{{name: `C:\evil`, body: "x"}}))
	write("zips/evil-backslash.zip", makeZip(t, "", valid, []zipExtra{{name: `photos\..\..\evil`, body: "x"}}))
	write("zips/symlink.zip", makeZip(t, "", valid, []zipExtra{{name: "photos/link.png", body: "/etc/passwd", mode: fs.ModeSymlink | 0o777}}))
}

type zipExtra struct {
	name, body string
	mode       fs.FileMode
}

// readTree reads every file under dir, keyed by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// makeZip zips files under prefix, in sorted order so output is stable,
// then adds raw extra entries exactly as named.
func makeZip(t *testing.T, prefix string, files map[string][]byte, extra []zipExtra) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h := &zip.FileHeader{Name: prefix + n, Method: zip.Deflate}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	for _, e := range extra {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		w, err := zw.CreateRaw(withSizes(h, e.body))
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withSizes fills the sizes and CRC of a stored entry for CreateRaw, which
// writes names as given (CreateHeader would too, but Raw keeps the test
// honest about bytes on disk).
func withSizes(h *zip.FileHeader, body string) *zip.FileHeader {
	h.CompressedSize64 = uint64(len(body))
	h.UncompressedSize64 = uint64(len(body))
	h.CRC32 = crc32.ChecksumIEEE([]byte(body))
	return h
}

// tinyPNG encodes a small real PNG in the exhibit's red.
func tinyPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{0xA5, 0x1C, 0x1C, 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// silentWAV returns a mono 16-bit 22.05 kHz WAV of n silent samples.
func silentWAV(n int) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	data := n * 2
	b.WriteString("RIFF")
	binary.Write(&b, le, uint32(36+data))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, le, uint32(16))
	binary.Write(&b, le, uint16(1))     // PCM
	binary.Write(&b, le, uint16(1))     // mono
	binary.Write(&b, le, uint32(22050)) // sample rate
	binary.Write(&b, le, uint32(44100)) // byte rate
	binary.Write(&b, le, uint16(2))     // block align
	binary.Write(&b, le, uint16(16))    // bits per sample
	b.WriteString("data")
	binary.Write(&b, le, uint32(data))
	b.Write(make([]byte, data))
	return b.Bytes()
}
