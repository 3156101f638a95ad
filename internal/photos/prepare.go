package photos

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io/fs"
	"path/filepath"
	"strings"

	"trienlam/internal/search"
)

// The import pipeline, shared by import-photos and the exhibit editor:
// a picture is checked by decoding it, turned upright, shrunk to fit and
// given an id from its file name.

// ID makes a pack id from a file name: its name without extension,
// diacritics folded (đ → d), lower case ASCII letters and digits joined
// by single hyphens: "Ảnh Đình Hồng Thái (1).jpg" → "anh-dinh-hong-thai-1".
func ID(name string) string {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	var b strings.Builder
	dash := false
	for _, r := range search.Fold(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "anh"
	}
	return b.String()
}

// Change is what Prepare did to a photo.
type Change struct {
	FromW, FromH int  // the photo's size
	W, H         int  // the size written
	Unchanged    bool // copied byte for byte
	Upright      bool // turned upright after its EXIF orientation
	WebPAsJPEG   bool // a WebP photo saved as JPEG
}

// String says what was done, in English: "4000×3000 shrunk to 2560×1920,
// turned upright".
func (c Change) String() string {
	if c.Unchanged {
		return fmt.Sprintf("%d×%d, copied unchanged", c.FromW, c.FromH)
	}
	var how []string
	if c.W != c.FromW || c.H != c.FromH {
		how = append(how, fmt.Sprintf("%d×%d shrunk to %d×%d", c.FromW, c.FromH, c.W, c.H))
	} else {
		how = append(how, fmt.Sprintf("%d×%d", c.W, c.H))
	}
	if c.Upright {
		how = append(how, "turned upright")
	}
	if c.WebPAsJPEG {
		how = append(how, "WebP saved as JPEG")
	}
	return strings.Join(how, ", ")
}

// Prepare returns the bytes to write for an imported photo and says
// what was done. Every photo is decoded, so a damaged one is caught here
// and not in the hall. A JPEG or PNG that needs neither shrinking nor
// turning is then copied byte for byte; the others are turned upright,
// shrunk to maxSide (import-photos: 2560 px) and encoded again (WebP as JPEG: Go has no WebP
// encoder).
func Prepare(fsys fs.FS, name string, info Info, maxSide, quality int) ([]byte, Change, error) {
	w, h := Fit(info.Width, info.Height, maxSide, maxSide)
	fits := w == info.Width && h == info.Height
	c := Change{FromW: info.Width, FromH: info.Height, W: w, H: h}
	img, err := Load(fsys, name, maxSide, maxSide)
	if err != nil {
		return nil, c, err
	}
	if fits && info.Orientation == 1 && info.Format != "webp" {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, c, err
		}
		c.Unchanged = true
		return data, c, nil
	}
	c.Upright = info.Orientation != 1
	var buf bytes.Buffer
	if info.Format == "png" {
		err = png.Encode(&buf, img)
	} else {
		c.WebPAsJPEG = info.Format == "webp"
		err = jpeg.Encode(&buf, OnWhite(img), &jpeg.Options{Quality: quality})
	}
	if err != nil {
		return nil, c, err
	}
	return buf.Bytes(), c, nil
}

// OnWhite lays an image with transparent parts over white, for JPEG,
// which has no transparency.
func OnWhite(img image.Image) image.Image {
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		return img
	}
	dst := image.NewRGBA(img.Bounds())
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Over)
	return dst
}
