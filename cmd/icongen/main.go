// Command icongen draws Trienlam's application icon — the exhibit's
// emblem: a deep red rounded square, a thin gold ring and a bold gold
// "80" for the 80th anniversary — at every size the installers need, from
// code, so the icon never drifts from the emblem and can be regenerated
// with `go generate ./assets`.
//
// It writes, relative to -root (the repository):
//
//	assets/icon.png                        512×512, the app icon (FyneApp.toml)
//	assets/window-icon.png                 128×128, the window's own icon
//	packaging/icons/icon-N.png             N = 16, 24, 32, 48, 64, 128, 256
//	packaging/windows/trienlam.ico         16…256 for Windows (installer, exe)
//	packaging/windows/welcome.bmp          164×314, the installer's welcome and
//	                                       finish pages: the emblem on red
//
// The digits are Fyne's bundled Noto Sans Bold, the same font the app
// uses. Each size is drawn at that size (not scaled down from 512), and
// the smallest sizes leave out the ring, which would blur into the edge.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// The emblem's colours (DESIGN.md, "Look and feel").
var (
	red  = color.NRGBA{0xA5, 0x1C, 0x1C, 0xFF}
	gold = color.NRGBA{0xD9, 0xB4, 0x4A, 0xFF}
)

// windowIconSize is the size of the icon the program gives its window
// (assets.WindowIcon): taskbars and window switchers show 16–64 pixels,
// 128 at twice the density. Every start decodes it and sends it to the
// display; the 512-pixel one cost a start ~40 ms (bench/startup.sh).
const windowIconSize = 128

// pngSizes are the packaging PNGs; icoSizes the sizes in the Windows icon
// (256 is stored as PNG inside the .ico, the rest as 32-bit bitmaps).
var (
	pngSizes = []int{16, 24, 32, 48, 64, 128, 256}
	icoSizes = []int{16, 24, 32, 48, 64, 128, 256}
)

func main() {
	root := flag.String("root", ".", "the repository folder to write into")
	flag.Parse()
	if err := run(*root); err != nil {
		fmt.Fprintln(os.Stderr, "icongen:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	f, err := sfnt.Parse(theme.DefaultTextBoldFont().Content())
	if err != nil {
		return fmt.Errorf("parsing Fyne's bold font: %w", err)
	}
	digits, err := outline(f, "80")
	if err != nil {
		return err
	}
	write := func(rel string, data []byte) error {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	big, err := encodePNG(Draw(512, digits))
	if err != nil {
		return err
	}
	if err := write("assets/icon.png", big); err != nil {
		return err
	}
	small, err := encodePNG(Draw(windowIconSize, digits))
	if err != nil {
		return err
	}
	if err := write("assets/window-icon.png", small); err != nil {
		return err
	}
	for _, n := range pngSizes {
		b, err := encodePNG(Draw(n, digits))
		if err != nil {
			return err
		}
		if err := write(fmt.Sprintf("packaging/icons/icon-%d.png", n), b); err != nil {
			return err
		}
	}
	var imgs []*image.NRGBA
	for _, n := range icoSizes {
		imgs = append(imgs, Draw(n, digits))
	}
	ico, err := encodeICO(imgs)
	if err != nil {
		return err
	}
	if err := write("packaging/windows/trienlam.ico", ico); err != nil {
		return err
	}
	return write("packaging/windows/welcome.bmp", encodeBMP(welcome(digits)))
}

// welcome is the side picture of the installer's welcome and finish pages
// (NSIS Modern UI: 164×314): the emblem's ring and "80" on its red, with a
// thin gold rule below.
func welcome(digits *text) *image.NRGBA {
	const w, h = 164, 314
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(red), image.Point{}, draw.Src)
	e := Draw(140, digits)
	at := image.Pt((w-140)/2, 70)
	draw.Draw(img, e.Bounds().Add(at), e, image.Point{}, draw.Over)
	rule := image.Rect(32, 236, w-32, 238)
	draw.Draw(img, rule, image.NewUniform(gold), image.Point{}, draw.Src)
	return img
}

// encodeBMP writes an opaque 24-bit Windows bitmap, what NSIS wants for
// its pictures.
func encodeBMP(img *image.NRGBA) []byte {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	stride := (w*3 + 3) &^ 3
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString("BM")
	_ = binary.Write(&b, le, uint32(14+40+stride*h))
	_ = binary.Write(&b, le, uint32(0))
	_ = binary.Write(&b, le, uint32(14+40))
	hdr := struct {
		Size                        uint32
		Width, Height               int32
		Planes, BitCount            uint16
		Compression, SizeImage      uint32
		XPels, YPels, Used, Importa uint32
	}{40, int32(w), int32(h), 1, 24, 0, uint32(stride * h), 2835, 2835, 0, 0}
	_ = binary.Write(&b, le, hdr)
	row := make([]byte, stride)
	for y := h - 1; y >= 0; y-- { // bottom-up
		for x := 0; x < w; x++ {
			p := img.NRGBAAt(x, y)
			row[3*x], row[3*x+1], row[3*x+2] = p.B, p.G, p.R
		}
		b.Write(row)
	}
	return b.Bytes()
}

// segment is one piece of a glyph outline in font units, y pointing down.
type segment struct {
	op  sfnt.SegmentOp
	pts [3][2]float64
}

// text is the outline of a string with its bounding box.
type text struct {
	segs                   []segment
	minX, minY, maxX, maxY float64
}

// outline lays out s on one line with the font's advances and kerning and
// returns its outline at 1000 units per em.
func outline(f *sfnt.Font, s string) (*text, error) {
	var buf sfnt.Buffer
	const ppem = fixed.Int26_6(1000 << 6)
	t := &text{minX: math.Inf(1), minY: math.Inf(1), maxX: math.Inf(-1), maxY: math.Inf(-1)}
	x := 0.0
	prev := sfnt.GlyphIndex(0)
	for i, r := range s {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return nil, fmt.Errorf("the font has no glyph for %q", r)
		}
		if i > 0 {
			k, err := f.Kern(&buf, prev, g, ppem, 0)
			if err == nil {
				x += float64(k) / 64
			}
		}
		segs, err := f.LoadGlyph(&buf, g, ppem, nil)
		if err != nil {
			return nil, err
		}
		for _, sg := range segs {
			var out segment
			out.op = sg.Op
			for j, p := range sg.Args {
				px, py := x+float64(p.X)/64, float64(p.Y)/64
				out.pts[j] = [2]float64{px, py}
				if j < argCount(sg.Op) {
					t.minX, t.maxX = math.Min(t.minX, px), math.Max(t.maxX, px)
					t.minY, t.maxY = math.Min(t.minY, py), math.Max(t.maxY, py)
				}
			}
			t.segs = append(t.segs, out)
		}
		adv, err := f.GlyphAdvance(&buf, g, ppem, 0)
		if err != nil {
			return nil, err
		}
		x += float64(adv) / 64
		prev = g
	}
	return t, nil
}

func argCount(op sfnt.SegmentOp) int {
	switch op {
	case sfnt.SegmentOpQuadTo:
		return 2
	case sfnt.SegmentOpCubeTo:
		return 3
	}
	return 1
}

// Draw renders the emblem at n×n pixels.
func Draw(n int, digits *text) *image.NRGBA {
	s := float64(n)
	img := image.NewRGBA(image.Rect(0, 0, n, n))

	// A margin of 1/32 of the size (none at 16 px, where every pixel counts).
	m := math.Floor(s / 32)
	w := s - 2*m
	c := s / 2

	// The red rounded square.
	r := vector.NewRasterizer(n, n)
	roundedRect(r, m, m, w, w, 0.19*w)
	fill(img, r, red)

	// The gold ring, from 48 px up.
	withRing := n >= 48
	if withRing {
		thick := math.Max(1, math.Round(0.028*w*2)/2)
		outer := 0.405 * w
		r = vector.NewRasterizer(n, n)
		circle(r, c, c, outer, false)
		circle(r, c, c, outer-thick, true)
		fill(img, r, gold)
	}

	// The bold "80", centred on its own outline (not on the font's line box).
	h := 0.36 * w
	if !withRing {
		h = 0.52 * w
	}
	k := h / (digits.maxY - digits.minY)
	if tw := (digits.maxX - digits.minX) * k; tw > 0.86*w {
		k *= 0.86 * w / tw // never wider than the square
	}
	bx := (digits.minX + digits.maxX) / 2
	by := (digits.minY + digits.maxY) / 2
	tx := func(p [2]float64) (float32, float32) {
		return float32(c + (p[0]-bx)*k), float32(c + (p[1]-by)*k)
	}
	r = vector.NewRasterizer(n, n)
	for _, sg := range digits.segs {
		switch sg.op {
		case sfnt.SegmentOpMoveTo:
			r.MoveTo(tx(sg.pts[0]))
		case sfnt.SegmentOpLineTo:
			r.LineTo(tx(sg.pts[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := tx(sg.pts[0])
			x2, y2 := tx(sg.pts[1])
			r.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := tx(sg.pts[0])
			x2, y2 := tx(sg.pts[1])
			x3, y3 := tx(sg.pts[2])
			r.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	r.ClosePath()
	fill(img, r, gold)

	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, image.Point{}, draw.Src)
	return out
}

// fill paints colour col through the rasterizer's coverage.
func fill(dst *image.RGBA, r *vector.Rasterizer, col color.NRGBA) {
	r.Draw(dst, dst.Bounds(), image.NewUniform(col), image.Point{})
}

// kappa places cubic Bézier control points for a quarter circle.
const kappa = 0.5522847498

// roundedRect adds a rounded rectangle to r.
func roundedRect(r *vector.Rasterizer, x, y, w, h, rad float64) {
	f := func(v float64) float32 { return float32(v) }
	q := rad * kappa
	r.MoveTo(f(x+rad), f(y))
	r.LineTo(f(x+w-rad), f(y))
	r.CubeTo(f(x+w-rad+q), f(y), f(x+w), f(y+rad-q), f(x+w), f(y+rad))
	r.LineTo(f(x+w), f(y+h-rad))
	r.CubeTo(f(x+w), f(y+h-rad+q), f(x+w-rad+q), f(y+h), f(x+w-rad), f(y+h))
	r.LineTo(f(x+rad), f(y+h))
	r.CubeTo(f(x+rad-q), f(y+h), f(x), f(y+h-rad+q), f(x), f(y+h-rad))
	r.LineTo(f(x), f(y+rad))
	r.CubeTo(f(x), f(y+rad-q), f(x+rad-q), f(y), f(x+rad), f(y))
	r.ClosePath()
}

// circle adds a circle to r; reverse winds it the other way, so a smaller
// reversed circle inside a larger one cuts a hole (a ring).
func circle(r *vector.Rasterizer, cx, cy, rad float64, reverse bool) {
	f := func(v float64) float32 { return float32(v) }
	q := rad * kappa
	s := 1.0
	if reverse {
		s = -1
	}
	r.MoveTo(f(cx+rad), f(cy))
	r.CubeTo(f(cx+rad), f(cy+s*q), f(cx+q), f(cy+s*rad), f(cx), f(cy+s*rad))
	r.CubeTo(f(cx-q), f(cy+s*rad), f(cx-rad), f(cy+s*q), f(cx-rad), f(cy))
	r.CubeTo(f(cx-rad), f(cy-s*q), f(cx-q), f(cy-s*rad), f(cx), f(cy-s*rad))
	r.CubeTo(f(cx+q), f(cy-s*rad), f(cx+rad), f(cy-s*q), f(cx+rad), f(cy))
	r.ClosePath()
}

func encodePNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encodeICO writes a Windows icon: 256 px as PNG, smaller sizes as 32-bit
// BGRA bitmaps with an all-zero AND mask (alpha does the masking), which
// every Windows version and NSIS read.
func encodeICO(imgs []*image.NRGBA) ([]byte, error) {
	var data [][]byte
	for _, img := range imgs {
		n := img.Bounds().Dx()
		if n >= 256 {
			b, err := encodePNG(img)
			if err != nil {
				return nil, err
			}
			data = append(data, b)
			continue
		}
		data = append(data, bitmap(img))
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	put16 := func(v uint16) { _ = binary.Write(&b, le, v) }
	put32 := func(v uint32) { _ = binary.Write(&b, le, v) }
	put16(0)
	put16(1) // icon
	put16(uint16(len(imgs)))
	offset := 6 + 16*len(imgs)
	for i, img := range imgs {
		n := img.Bounds().Dx()
		dim := byte(n)
		if n >= 256 {
			dim = 0
		}
		b.WriteByte(dim)
		b.WriteByte(dim)
		b.WriteByte(0) // no palette
		b.WriteByte(0)
		put16(1)  // planes
		put16(32) // bits per pixel
		put32(uint32(len(data[i])))
		put32(uint32(offset))
		offset += len(data[i])
	}
	for _, d := range data {
		b.Write(d)
	}
	return b.Bytes(), nil
}

// bitmap is one icon image in the .ico DIB format.
func bitmap(img *image.NRGBA) []byte {
	n := img.Bounds().Dx()
	var b bytes.Buffer
	le := binary.LittleEndian
	maskRow := ((n + 31) / 32) * 4
	hdr := struct {
		Size                        uint32
		Width, Height               int32
		Planes, BitCount            uint16
		Compression, SizeImage      uint32
		XPels, YPels, Used, Importa uint32
	}{40, int32(n), int32(2 * n), 1, 32, 0, uint32(n*n*4 + maskRow*n), 0, 0, 0, 0}
	_ = binary.Write(&b, le, hdr)
	for y := n - 1; y >= 0; y-- { // bottom-up
		for x := 0; x < n; x++ {
			p := img.NRGBAAt(x, y)
			b.Write([]byte{p.B, p.G, p.R, p.A})
		}
	}
	b.Write(make([]byte, maskRow*n))
	return b.Bytes()
}
