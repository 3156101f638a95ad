package photos

import (
	"bytes"
	"encoding/binary"
	"flag"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// update regenerates the files in testdata: go test ./photos -run TestFixtures -update
var update = flag.Bool("update", false, "regenerate the test fixtures in testdata/")

// The upright test picture: four quadrants of distinct colours, wider than
// tall, with a dark "F" in the top-left quadrant for people looking at the
// files. Sampling the centre of each quadrant tells all eight EXIF
// orientations apart.
const uprightW, uprightH = 64, 40

var quadrant = [2][2]color.RGBA{ // [row][column]
	{{220, 30, 30, 255}, {30, 180, 30, 255}},  // top: red, green
	{{30, 60, 220, 255}, {240, 220, 40, 255}}, // bottom: blue, yellow
}

// upright returns the colour of the upright picture at (x, y).
func upright(x, y int) color.RGBA {
	c := quadrant[btoi(y >= uprightH/2)][btoi(x >= uprightW/2)]
	// The "F": a stem and two arms, inside the red quadrant's margin so
	// the quadrant centres stay solid.
	if x >= 4 && x < 7 && y >= 3 && y < 17 || y >= 3 && y < 6 && x >= 4 && x < 14 || y >= 9 && y < 11 && x >= 4 && x < 11 {
		c = color.RGBA{40, 20, 20, 255}
	}
	return c
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// stored returns the picture as a camera stores it for EXIF orientation o,
// straight from the standard's definition of the tag ("the 0th row is the
// visual right-hand side, the 0th column the visual top", …), written
// independently of orient so that the test checks one against the other.
func stored(o int) *image.RGBA {
	W, H := uprightW, uprightH
	sw, sh := W, H
	if o >= 5 {
		sw, sh = H, W
	}
	img := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for y := 0; y < sh; y++ {
		for x := 0; x < sw; x++ {
			var X, Y int // the upright pixel stored at (x, y)
			switch o {
			case 1:
				X, Y = x, y
			case 2: // 0th row top, 0th column right
				X, Y = W-1-x, y
			case 3: // bottom, right
				X, Y = W-1-x, H-1-y
			case 4: // bottom, left
				X, Y = x, H-1-y
			case 5: // 0th row left side, 0th column top
				X, Y = y, x
			case 6: // right side, top
				X, Y = W-1-y, x
			case 7: // right side, bottom
				X, Y = W-1-y, H-1-x
			case 8: // left side, bottom
				X, Y = y, H-1-x
			}
			img.SetRGBA(x, y, upright(X, Y))
		}
	}
	return img
}

// exifSegment builds an APP1 Exif segment with the orientation in IFD0
// and, when date is not empty, DateTimeOriginal in the Exif sub-IFD.
func exifSegment(bo binary.ByteOrder, orientation int, date string) []byte {
	var t bytes.Buffer
	if bo == binary.LittleEndian {
		t.WriteString("II*\x00")
	} else {
		t.WriteString("MM\x00*")
	}
	u16 := func(v uint16) { binary.Write(&t, bo, v) }
	u32 := func(v uint32) { binary.Write(&t, bo, v) }
	u32(8) // IFD0 right after the header
	// IFD0: 2 entries (orientation, Exif IFD pointer) = 2+2*12+4 = 30 bytes.
	u16(2)
	u16(0x0112)
	u16(3)
	u32(1)
	u16(uint16(orientation))
	u16(0)
	u16(0x8769)
	u16(4)
	u32(1)
	u32(8 + 30) // Exif IFD follows
	u32(0)      // no IFD1
	// Exif IFD: 1 entry = 18 bytes, then the date string.
	n := uint16(0)
	if date != "" {
		n = 1
	}
	u16(n)
	if date != "" {
		u16(0x9003)
		u16(2)
		u32(uint32(len(date) + 1))
		u32(8 + 30 + 18)
	}
	u32(0)
	t.WriteString(date)
	t.WriteByte(0)

	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// withExif inserts an Exif segment right after a JPEG's SOI marker.
func withExif(jpg, seg []byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// encodeJPEG encodes img at quality q.
func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fixtureDate is the DateTimeOriginal written into the orientation
// fixtures.
const fixtureDate = "2023:09:22 08:30:00"

// orientFixture is the name of the fixture with orientation o.
func orientFixture(o int) string { return "orient-" + string(rune('0'+o)) + ".jpg" }

// pngChunk encodes one PNG chunk.
func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// bombPNG is a 57-byte PNG whose header claims 100000×100000 RGBA pixels
// (40 GB decoded).
func bombPNG() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 100000)
	binary.BigEndian.PutUint32(ihdr[4:], 100000)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	b.Write(pngChunk("IHDR", ihdr))
	b.Write(pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}))
	b.Write(pngChunk("IEND", nil))
	return b.Bytes()
}

// TestFixtures regenerates testdata/ with -update, and otherwise checks
// that the committed fixtures are what the generator makes (except the
// WebP, made by ImageMagick's libwebp when it is installed).
func TestFixtures(t *testing.T) {
	files := map[string][]byte{}
	for o := 1; o <= 8; o++ {
		bo := binary.ByteOrder(binary.BigEndian)
		if o%2 == 0 {
			bo = binary.LittleEndian // both byte orders are tested
		}
		files[orientFixture(o)] = withExif(encodeJPEG(t, stored(o), 95), exifSegment(bo, o, fixtureDate))
	}
	up := stored(1)
	full := encodeJPEG(t, noise(200, 150, 7), 90)
	files["truncated.jpg"] = full[:len(full)*6/10]
	files["bomb.png"] = bombPNG()
	var p bytes.Buffer
	if err := png.Encode(&p, up); err != nil {
		t.Fatal(err)
	}
	files["png-named.jpg"] = p.Bytes()
	files["upright.png"] = p.Bytes()
	var g bytes.Buffer
	if err := gif.Encode(&g, up, nil); err != nil {
		t.Fatal(err)
	}
	files["gif-named.jpg"] = g.Bytes()

	for name, want := range files {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./photos -run TestFixtures -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes; regenerate with -update", path)
		}
	}
	if *update {
		if convert, err := exec.LookPath("convert"); err == nil {
			out, err := exec.Command(convert, filepath.Join("testdata", "upright.png"),
				"-quality", "90", filepath.Join("testdata", "upright.webp")).CombinedOutput()
			if err != nil {
				t.Fatalf("convert: %v: %s", err, out)
			}
		} else {
			t.Log("ImageMagick convert not found: testdata/upright.webp kept as it is")
		}
	}
}

// noise is a deterministic w×h picture with detail everywhere, so a JPEG
// of it has plenty of entropy-coded data to cut short.
func noise(w, h int, seed uint32) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	s := seed*2654435761 + 1
	for i := 0; i < len(img.Pix); i += 4 {
		s ^= s << 13
		s ^= s >> 17
		s ^= s << 5
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(s), uint8(s>>8), uint8(s>>16), 255
	}
	return img
}
