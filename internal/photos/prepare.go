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

// Prepare returns the bytes to write for an imported photo and says
// what was done. Every photo is decoded, so a damaged one is caught here
// and not in the hall. A JPEG or PNG that needs neither shrinking nor
// turning is then copied byte for byte; the others are turned upright,
// shrunk to maxSide (import-photos: 2560 px) and encoded again (WebP as JPEG: Go has no WebP
// encoder).
func Prepare(fsys fs.FS, name string, info Info, maxSide, quality int) ([]byte, string, error) {
	w, h := Fit(info.Width, info.Height, maxSide, maxSide)
	fits := w == info.Width && h == info.Height
	img, err := Load(fsys, name, maxSide, maxSide)
	if err != nil {
		return nil, "", err
	}
	if fits && info.Orientation == 1 && info.Format != "webp" {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, "", err
		}
		return data, fmt.Sprintf("%d×%d, copied unchanged", info.Width, info.Height), nil
	}
	var how []string
	if !fits {
		how = append(how, fmt.Sprintf("%d×%d shrunk to %d×%d", info.Width, info.Height, w, h))
	} else {
		how = append(how, fmt.Sprintf("%d×%d", w, h))
	}
	if info.Orientation != 1 {
		how = append(how, "turned upright")
	}
	var buf bytes.Buffer
	if info.Format == "png" {
		err = png.Encode(&buf, img)
	} else {
		if info.Format == "webp" {
			how = append(how, "WebP saved as JPEG")
		}
		err = jpeg.Encode(&buf, OnWhite(img), &jpeg.Options{Quality: quality})
	}
	if err != nil {
		return nil, "", err
	}
	return buf.Bytes(), strings.Join(how, ", "), nil
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
