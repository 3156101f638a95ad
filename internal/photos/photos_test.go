package photos

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

var testdata = os.DirFS("testdata")

// near reports whether two colours are within JPEG's error of each other.
func near(a, b color.Color, tol int) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool {
		diff := int(x>>8) - int(y>>8)
		return diff <= tol && diff >= -tol
	}
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

func TestOrientations(t *testing.T) {
	for o := 1; o <= 8; o++ {
		name := orientFixture(o)
		info, err := Inspect(testdata, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if info.Orientation != o || info.Width != uprightW || info.Height != uprightH || info.Format != "jpeg" {
			t.Errorf("%s: Inspect = %+v, want orientation %d, %d×%d jpeg", name, info, o, uprightW, uprightH)
		}
		want := time.Date(2023, 9, 22, 8, 30, 0, 0, time.UTC)
		if !info.Taken.Equal(want) {
			t.Errorf("%s: Taken = %v, want %v", name, info.Taken, want)
		}
		img, err := Load(testdata, name, 0, 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b != image.Rect(0, 0, uprightW, uprightH) {
			t.Fatalf("%s: loaded bounds %v, want %dx%d", name, b, uprightW, uprightH)
		}
		// The centre of each quadrant must show its upright colour.
		for row := 0; row < 2; row++ {
			for col := 0; col < 2; col++ {
				x, y := uprightW/4+col*uprightW/2, uprightH/4+row*uprightH/2+2
				if got := img.At(x, y); !near(got, quadrant[row][col], 24) {
					t.Errorf("orientation %d: pixel (%d,%d) = %v, want %v", o, x, y, got, quadrant[row][col])
				}
			}
		}
		// The F's stem is at the top left.
		if got := img.At(5, 12); !near(got, color.RGBA{40, 20, 20, 255}, 40) {
			t.Errorf("orientation %d: the F's stem at (5,12) is %v", o, got)
		}
		// Scaled, the turned size still fits the box.
		small, err := Load(testdata, name, 32, 32)
		if err != nil {
			t.Fatal(err)
		}
		if b := small.Bounds(); b.Dx() != 32 || b.Dy() != 20 {
			t.Errorf("orientation %d: Load(32×32) is %v, want 32×20", o, b)
		}
		if !near(small.At(24, 15), quadrant[1][1], 30) {
			t.Errorf("orientation %d: scaled bottom right is %v", o, small.At(24, 15))
		}
	}
}

func TestParseExifTime(t *testing.T) {
	if got := parseExifTime("2023:09:22 08:30:00", "+07:00"); got.Format(time.RFC3339) != "2023-09-22T08:30:00+07:00" {
		t.Errorf("with offset: %v", got)
	}
	for _, blank := range []string{"", "    :  :     :  :  ", "0000:00:00 00:00:00", "garbage"} {
		if got := parseExifTime(blank, ""); !got.IsZero() {
			t.Errorf("%q: %v, want zero", blank, got)
		}
	}
}

func TestExifGarbageIsIgnored(t *testing.T) {
	seg := exifSegment(binary.BigEndian, 6, fixtureDate)
	// Point the Exif IFD far outside the segment and set orientation 42.
	for _, mutate := range []func([]byte){
		func(b []byte) { b[len(b)-1-len(fixtureDate)-1-4-18+2] = 0xFF },
		func(b []byte) { copy(b[10:], "XX") },
		func(b []byte) {},
	} {
		s := append([]byte{}, seg...)
		mutate(s)
		info := parseExif(s[10:])
		if info.orientation < 1 || info.orientation > 8 {
			t.Errorf("orientation %d out of range", info.orientation)
		}
	}
	if info := parseExif([]byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x2a\x00\x00")); info.orientation != 1 {
		t.Errorf("orientation 42 gave %d, want 1", info.orientation)
	}
	if info := parseExif([]byte("II*\x00\xff\xff\xff\xff")); info.orientation != 1 || !info.taken.IsZero() {
		t.Errorf("bad IFD offset: %+v", info)
	}
}

func TestBombRefusedFromHeader(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Inspect(testdata, "bomb.png")
	_, err2 := Load(testdata, "bomb.png", 320, 320)
	runtime.ReadMemStats(&after)
	for _, e := range []error{err, err2} {
		if !errors.Is(e, ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", e)
		}
		if want := "bomb.png: image is 100000×100000 (10000 MP), larger than the 80 MP limit"; e.Error() != want {
			t.Errorf("message %q, want %q", e.Error(), want)
		}
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", grew)
	}
}

func TestTooLargeJPEGMessage(t *testing.T) {
	// A JPEG header claiming 12000×9000 is refused before decoding.
	jpg := encodeJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)), 80)
	i := bytes.Index(jpg, []byte{0xFF, 0xC0})
	jpg[i+5], jpg[i+6] = 9000>>8, 9000&0xFF
	jpg[i+7], jpg[i+8] = 12000>>8, 12000&0xFF
	fsys := fstest.MapFS{"photos/x.jpg": {Data: jpg}}
	_, err := Inspect(fsys, "photos/x.jpg")
	if want := "photos/x.jpg: image is 12000×9000 (108 MP), larger than the 80 MP limit"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestTruncatedJPEG(t *testing.T) {
	info, err := Inspect(testdata, "truncated.jpg")
	if err != nil || info.Width != 200 || info.Height != 150 {
		t.Fatalf("the header is intact: Inspect = %+v, %v", info, err)
	}
	_, err = Load(testdata, "truncated.jpg", 0, 0)
	if !errors.Is(err, ErrDamaged) || err.Error() != "truncated.jpg: truncated or damaged JPEG: the file ends too early" {
		t.Errorf("Load = %v", err)
	}
	// Cut inside the header, Inspect itself says so.
	fsys := fstest.MapFS{"photos/x.jpg": {Data: []byte("\xff\xd8\xff\xe0\x00\x10JFIF")}}
	if _, err := Inspect(fsys, "photos/x.jpg"); err == nil || err.Error() != "photos/x.jpg: truncated or damaged JPEG: the file ends too early" {
		t.Errorf("Inspect = %v", err)
	}
}

func TestContentDecidesTheDecoder(t *testing.T) {
	info, err := Inspect(testdata, "png-named.jpg")
	if err != nil || info.Format != "png" {
		t.Fatalf("Inspect = %+v, %v", info, err)
	}
	if _, err := Load(testdata, "png-named.jpg", 0, 0); err != nil {
		t.Errorf("Load: %v", err)
	}
	if err := CheckExtension("photos/x.jpg", "png"); err == nil || err.Error() != "photos/x.jpg: named .jpg but is a PNG" {
		t.Errorf("CheckExtension = %v", err)
	}
	if err := CheckExtension("photos/x.png", "jpeg"); err == nil || err.Error() != "photos/x.png: named .png but is a JPEG" {
		t.Errorf("CheckExtension = %v", err)
	}
	for _, ok := range [][2]string{{"a.JPG", "jpeg"}, {"a.jpeg", "jpeg"}, {"a.png", "png"}, {"b.WebP", "webp"}} {
		if err := CheckExtension(ok[0], ok[1]); err != nil {
			t.Errorf("CheckExtension(%q, %q) = %v", ok[0], ok[1], err)
		}
	}
}

func TestNotAnImage(t *testing.T) {
	_, err := Inspect(testdata, "gif-named.jpg")
	if !errors.Is(err, ErrNotImage) || err.Error() != "gif-named.jpg: not a JPEG, PNG or WebP image (it is a GIF)" {
		t.Errorf("Inspect = %v", err)
	}
	cases := map[string]string{
		"":                                 "not a JPEG, PNG or WebP image (it is an empty file)",
		"\x00\x00\x00\x18ftypheic\x00\x00": "not a JPEG, PNG or WebP image (it is a HEIC/HEIF photo, as iPhones save them; export it as JPEG)",
		"hello, world":                     "not a JPEG, PNG or WebP image",
		"%PDF-1.4":                         "not a JPEG, PNG or WebP image (it is a PDF document)",
	}
	for data, want := range cases {
		f, err := Sniff(strings.NewReader(data))
		if f != "" || err == nil || err.Error() != want || !errors.Is(err, ErrNotImage) {
			t.Errorf("Sniff(%q) = %q, %v; want %q", data, f, err, want)
		}
	}
	if _, err := Inspect(testdata, "missing.jpg"); !errors.Is(err, fs.ErrNotExist) || err.Error() != "missing.jpg: file not found" {
		t.Errorf("missing file: %v", err)
	}
}

func TestWebP(t *testing.T) {
	info, err := Inspect(testdata, "upright.webp")
	if err != nil || info.Format != "webp" || info.Width != uprightW || info.Height != uprightH || info.Orientation != 1 {
		t.Fatalf("Inspect = %+v, %v", info, err)
	}
	img, err := Load(testdata, "upright.webp", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !near(img.At(48, 30), quadrant[1][1], 30) {
		t.Errorf("bottom right is %v", img.At(48, 30))
	}
}

func TestFit(t *testing.T) {
	for _, c := range []struct{ w, h, mw, mh, ww, wh int }{
		{6000, 4000, 320, 320, 320, 213},
		{4000, 6000, 320, 320, 213, 320},
		{6000, 4000, 1920, 1080, 1620, 1080},
		{100, 50, 1920, 1080, 100, 50}, // never up
		{6000, 4000, 0, 1080, 1620, 1080},
		{6000, 4000, 2560, 0, 2560, 1707},
		{6000, 4000, 0, 0, 6000, 4000},
		{10000, 1, 100, 100, 100, 1},
	} {
		if w, h := Fit(c.w, c.h, c.mw, c.mh); w != c.ww || h != c.wh {
			t.Errorf("Fit(%d,%d,%d,%d) = %d×%d, want %d×%d", c.w, c.h, c.mw, c.mh, w, h, c.ww, c.wh)
		}
	}
}

func TestScaleBigReduction(t *testing.T) {
	// A YCbCr picture like a JPEG's, half red half blue, scaled by 1/20.
	src := image.NewYCbCr(image.Rect(0, 0, 2000, 1000), image.YCbCrSubsampleRatio420)
	for y := 0; y < 1000; y++ {
		for x := 0; x < 2000; x++ {
			c := color.RGBA{200, 0, 0, 255}
			if x >= 1000 {
				c = color.RGBA{0, 0, 200, 255}
			}
			yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
			src.Y[src.YOffset(x, y)] = yy
			src.Cb[src.COffset(x, y)] = cb
			src.Cr[src.COffset(x, y)] = cr
		}
	}
	dst := scale(src, 100, 50)
	if !near(dst.At(10, 25), color.RGBA{200, 0, 0, 255}, 6) || !near(dst.At(90, 25), color.RGBA{0, 0, 200, 255}, 6) {
		t.Errorf("colours after scaling: %v %v", dst.At(10, 25), dst.At(90, 25))
	}
	nrgba := image.NewNRGBA(image.Rect(0, 0, 800, 800))
	for i := range nrgba.Pix {
		nrgba.Pix[i] = 0x80
	}
	if got := scale(nrgba, 50, 50).RGBAAt(25, 25); got.A != 0x80 || got.R != 0x40 {
		t.Errorf("half-transparent grey scaled to %v, want premultiplied 40,40,40,80", got)
	}
}

// Scale gives exactly the pixels asked for, packed (a row is 4×width
// bytes, as Fyne's painter hands an RGBA to OpenGL), from a sub-image too,
// and at least one pixel.
func TestScaleExactSize(t *testing.T) {
	big := image.NewRGBA(image.Rect(0, 0, 512, 288))
	for i := range big.Pix {
		big.Pix[i] = 0xff
	}
	for _, tc := range []struct {
		src  image.Image
		w, h int
	}{
		{big, 402, 226}, {big, 512, 288}, {big.SubImage(image.Rect(100, 50, 300, 150)), 150, 75}, {big, 0, -3},
	} {
		got := Scale(tc.src, tc.w, tc.h)
		w, h := max(tc.w, 1), max(tc.h, 1)
		if b := got.Bounds(); b != image.Rect(0, 0, w, h) || got.Stride != 4*w {
			t.Errorf("Scale to %d×%d: bounds %v stride %d", tc.w, tc.h, b, got.Stride)
			continue
		}
		if c := got.RGBAAt(w/2, h/2); c != (color.RGBA{255, 255, 255, 255}) {
			t.Errorf("Scale to %d×%d: white became %v", tc.w, tc.h, c)
		}
	}
}

func TestCache(t *testing.T) {
	c := NewCache(3 * uprightW * uprightH * 4) // room for three full-size images
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[string]image.Image{}
	for o := 1; o <= 4; o++ {
		for rep := 0; rep < 3; rep++ { // repeats merge
			wg.Add(1)
			name := orientFixture(o)
			c.Request(testdata, name, 100, 100, func(img image.Image, err error) {
				defer wg.Done()
				if err != nil {
					t.Errorf("%s: %v", name, err)
					return
				}
				mu.Lock()
				got[name] = img
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	if len(got) != 4 {
		t.Fatalf("got %d images", len(got))
	}
	cached := 0
	for o := 1; o <= 4; o++ {
		if _, ok := c.Get(testdata, orientFixture(o), 100, 100); ok {
			cached++
		}
	}
	if cached != 3 || c.Used() != 3*uprightW*uprightH*4 {
		t.Errorf("%d cached, %d bytes; want 3 within the budget", cached, c.Used())
	}
	if _, ok := c.Get(testdata, orientFixture(1), 50, 50); ok {
		t.Error("another size is another key")
	}
	// A cached image is delivered from another goroutine, after Request returns.
	returned := false
	ch := make(chan bool)
	var lock sync.Mutex
	lock.Lock()
	c.Request(testdata, orientFixture(4), 100, 100, func(img image.Image, err error) {
		lock.Lock()
		ch <- returned && err == nil && img != nil
		lock.Unlock()
	})
	returned = true
	lock.Unlock()
	if !<-ch {
		t.Error("cached image not delivered after Request returned")
	}
	// Errors are delivered too, and not cached.
	errc := make(chan error)
	c.Request(testdata, "bomb.png", 100, 100, func(_ image.Image, err error) { errc <- err })
	if err := <-errc; !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb: %v", err)
	}
	// Different file systems do not share entries, even uncomparable ones.
	mapfs := fstest.MapFS{orientFixture(4): {Data: mustRead(t, orientFixture(1))}}
	c.Request(mapfs, orientFixture(4), 100, 100, func(img image.Image, err error) {
		errc <- err
		if err == nil && !near(img.At(5, 30), quadrant[1][0], 30) {
			t.Errorf("MapFS image mixed up with the directory's: %v", img.At(5, 30))
		}
	})
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	c.Forget()
	if _, ok := c.Get(testdata, orientFixture(4), 100, 100); ok || c.Used() != 0 {
		t.Error("Forget kept images")
	}
}

func TestCacheDropsOldestWhenQueueIsFull(t *testing.T) {
	c := NewCache(1 << 20)
	block := make(chan struct{})
	fsys := blockingFS{FS: testdata, block: block}
	var wg sync.WaitGroup
	var mu sync.Mutex
	dropped := 0
	n := QueueLimit + Decoders + 5
	for i := 0; i < n; i++ {
		wg.Add(1)
		// Different sizes make different keys of the same file.
		c.Request(fsys, orientFixture(1), 10+i, 10+i, func(_ image.Image, err error) {
			defer wg.Done()
			if errors.Is(err, ErrDropped) {
				mu.Lock()
				dropped++
				mu.Unlock()
			} else if err != nil {
				t.Error(err)
			}
		})
	}
	close(block)
	wg.Wait()
	// The first Decoders requests were taken by the workers at once; of
	// the rest, QueueLimit wait and the oldest are dropped.
	if dropped < n-Decoders-QueueLimit || dropped > n-QueueLimit {
		t.Errorf("%d dropped of %d", dropped, n)
	}
}

// blockingFS delays every Open until block is closed.
type blockingFS struct {
	fs.FS
	block chan struct{}
}

func (b blockingFS) Open(name string) (fs.File, error) {
	<-b.block
	return b.FS.Open(name)
}

func mustRead(t *testing.T, name string) []byte {
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
