package photos

import (
	"bufio"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// Load decodes an image, applies its EXIF orientation and scales it down
// (never up) to fit maxW×maxH with a good filter (a fast box or bilinear
// reduction to about twice the final size, then Catmull-Rom); maxW or
// maxH <= 0 means no limit on that side.
//
// The result is an *image.RGBA whose bounds start at (0, 0). The decoded
// full-size image is dropped as soon as it is scaled, so a 24-megapixel
// photo costs its full size in memory only while Load runs.
func Load(fsys fs.FS, path string, maxW, maxH int) (image.Image, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	info, err := inspect(bufio.NewReaderSize(f, 4096), path)
	if err != nil {
		return nil, err
	}
	// Start again from the first byte: fs.File need not seek, so reopen.
	f.Close()
	if f, err = fsys.Open(path); err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	src, err := decode(bufio.NewReaderSize(f, 64<<10), info.Format)
	if err != nil {
		return nil, &Error{Path: path, Kind: ErrDamaged,
			Detail: "truncated or damaged " + formatNames[info.Format] + ": " + cleanDecodeErr(err)}
	}
	w, h := Fit(info.Width, info.Height, maxW, maxH)
	if info.Orientation >= 5 {
		w, h = h, w // scale in stored orientation, then turn
	}
	scaled := scale(src, w, h)
	src = nil // the full-size pixels can go now
	return orient(scaled, info.Orientation), nil
}

// decode runs the decoder of format.
func decode(r io.Reader, format string) (image.Image, error) {
	switch format {
	case "jpeg":
		return jpeg.Decode(r)
	case "png":
		return png.Decode(r)
	case "webp":
		return webp.Decode(r)
	}
	return nil, errors.New("unknown format " + format)
}

// cleanDecodeErr words a decoder's error for people.
func cleanDecodeErr(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "the file ends too early"
	}
	var fe jpeg.FormatError
	if errors.As(err, &fe) {
		return string(fe)
	}
	var ue jpeg.UnsupportedError
	if errors.As(err, &ue) {
		return "unsupported: " + string(ue)
	}
	return cleanErr(err)
}

// Fit returns the size of a w×h image scaled down to fit maxW×maxH,
// keeping its aspect ratio, never scaled up; maxW or maxH <= 0 means no
// limit on that side. Neither side is less than 1.
func Fit(w, h, maxW, maxH int) (int, int) {
	if w <= 0 || h <= 0 {
		return 0, 0
	}
	s := 1.0
	if maxW > 0 && w > maxW {
		s = float64(maxW) / float64(w)
	}
	if maxH > 0 && float64(h)*s > float64(maxH) {
		s = float64(maxH) / float64(h)
	}
	if s >= 1 {
		return w, h
	}
	nw, nh := int(float64(w)*s+0.5), int(float64(h)*s+0.5)
	if maxW > 0 && nw > maxW {
		nw = maxW
	}
	if maxH > 0 && nh > maxH {
		nh = maxH
	}
	return max(nw, 1), max(nh, 1)
}

// scale returns src scaled to w×h as a new RGBA image. Big reductions
// first shrink by an integer factor with a box filter (or bilinear for
// pixel layouts the box filter does not know) to at least twice the
// target, then finish with Catmull-Rom, which is sharp but costs in
// proportion to the reduction when used alone.
func scale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	if k := min(b.Dx()/(2*w), b.Dy()/(2*h)); k >= 2 {
		if small := boxShrink(src, k); small != nil {
			src = small
		} else {
			mid := image.NewRGBA(image.Rect(0, 0, 2*w, 2*h))
			draw.ApproxBiLinear.Scale(mid, mid.Bounds(), src, b, draw.Src, nil)
			src = mid
		}
		b = src.Bounds()
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if b.Dx() == w && b.Dy() == h {
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

// boxShrink averages k×k blocks of src into one pixel. It handles the
// layouts the decoders produce for photos (YCbCr from JPEG, RGBA, NRGBA
// and Gray from PNG) and returns nil for others. Edge pixels that do not
// fill a whole block are left out (at most k-1 rows and columns).
func boxShrink(src image.Image, k int) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx()/k, b.Dy()/k
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	n := uint32(k * k)
	switch s := src.(type) {
	case *image.YCbCr:
		// Average Y over the block; take Cb/Cr averaged over the same
		// area of the (possibly subsampled) chroma planes.
		for y := 0; y < h; y++ {
			y0 := b.Min.Y + y*k
			for x := 0; x < w; x++ {
				x0 := b.Min.X + x*k
				var sy, scb, scr uint32
				for yy := y0; yy < y0+k; yy++ {
					row := s.Y[(yy-s.Rect.Min.Y)*s.YStride+(x0-s.Rect.Min.X):]
					for xx := 0; xx < k; xx++ {
						sy += uint32(row[xx])
					}
					for xx := x0; xx < x0+k; xx++ {
						ci := s.COffset(xx, yy)
						scb += uint32(s.Cb[ci])
						scr += uint32(s.Cr[ci])
					}
				}
				r, g, bb := ycbcrToRGB(uint8(sy/n), uint8(scb/n), uint8(scr/n))
				i := dst.PixOffset(x, y)
				dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = r, g, bb, 0xFF
			}
		}
	case *image.RGBA:
		shrink4(dst, s.Pix, s.Stride, s.PixOffset(b.Min.X, b.Min.Y), k, false)
	case *image.NRGBA:
		shrink4(dst, s.Pix, s.Stride, s.PixOffset(b.Min.X, b.Min.Y), k, true)
	case *image.Gray:
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				var sum uint32
				for yy := 0; yy < k; yy++ {
					row := s.Pix[s.PixOffset(b.Min.X+x*k, b.Min.Y+y*k+yy):]
					for xx := 0; xx < k; xx++ {
						sum += uint32(row[xx])
					}
				}
				v := uint8(sum / n)
				i := dst.PixOffset(x, y)
				dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = v, v, v, 0xFF
			}
		}
	default:
		return nil
	}
	return dst
}

// shrink4 box-averages 4-byte pixels starting at off into dst; with
// straight (non-premultiplied) alpha the colours are weighted by alpha.
func shrink4(dst *image.RGBA, pix []uint8, stride, off, k int, straight bool) {
	b := dst.Bounds()
	n := uint32(k * k)
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			var r, g, bl, a uint32
			for yy := 0; yy < k; yy++ {
				p := pix[off+(y*k+yy)*stride+x*k*4:]
				for xx := 0; xx < k*4; xx += 4 {
					pa := uint32(p[xx+3])
					if straight {
						r += uint32(p[xx]) * pa / 255
						g += uint32(p[xx+1]) * pa / 255
						bl += uint32(p[xx+2]) * pa / 255
					} else {
						r += uint32(p[xx])
						g += uint32(p[xx+1])
						bl += uint32(p[xx+2])
					}
					a += pa
				}
			}
			i := dst.PixOffset(x, y)
			dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = uint8(r/n), uint8(g/n), uint8(bl/n), uint8(a/n)
		}
	}
}

// ycbcrToRGB is color.YCbCrToRGB, inlined by the compiler.
func ycbcrToRGB(y, cb, cr uint8) (uint8, uint8, uint8) {
	yy1 := int32(y) * 0x10101
	cb1 := int32(cb) - 128
	cr1 := int32(cr) - 128
	clamp := func(v int32) uint8 {
		if uint32(v)&0xff000000 == 0 {
			return uint8(v >> 16)
		}
		return uint8(^(v >> 31))
	}
	return clamp(yy1 + 91881*cr1), clamp(yy1 - 22554*cb1 - 46802*cr1), clamp(yy1 + 116130*cb1)
}

// orient returns img turned as EXIF orientation o says, so that it
// displays upright: 2 mirrors, 3 turns 180°, 4 flips, 5 transposes, 6
// turns 90° clockwise, 7 transverses, 8 turns 90° anticlockwise.
func orient(img *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return img
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			// (sx, sy) is the stored pixel shown at (x, y).
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			si := img.PixOffset(sx, sy)
			di := dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], img.Pix[si:si+4])
		}
	}
	return dst
}
