package photos

import (
	"bytes"
	"image/jpeg"
	"sync"
	"testing"
	"testing/fstest"

	"trienlam/internal/photos/phototest"
)

// photo24MP is a 6000×4000 JPEG made once per test binary, like a photo
// from a 24-megapixel camera.
var photo24MP = sync.OnceValue(func() fstest.MapFS {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, phototest.Photo(6000, 4000, 1), &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return fstest.MapFS{"photo.jpg": {Data: b.Bytes()}}
})

// BenchmarkThumbnail: a 24 MP JPEG to a 320 px thumbnail.
func BenchmarkThumbnail(b *testing.B) { benchLoad(b, 320, 320) }

// BenchmarkScreen: a 24 MP JPEG to fit a 1920×1080 screen.
func BenchmarkScreen(b *testing.B) { benchLoad(b, 1920, 1080) }

func benchLoad(b *testing.B, w, h int) {
	fsys := photo24MP()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Load(fsys, "photo.jpg", w, h); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}

// BenchmarkDecodeOnly is the JPEG decode alone, to see what scaling adds.
func BenchmarkDecodeOnly(b *testing.B) {
	data := photo24MP()["photo.jpg"].Data
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
