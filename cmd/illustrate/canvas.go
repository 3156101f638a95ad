package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"golang.org/x/text/unicode/norm"
)

// The exhibit's colours (DESIGN.md, "Look and feel").
var (
	red     = color.NRGBA{0xA5, 0x1C, 0x1C, 0xFF}
	darkRed = color.NRGBA{0x6E, 0x0F, 0x0F, 0xFF}
	gold    = color.NRGBA{0xD9, 0xB4, 0x4A, 0xFF}
	paleGld = color.NRGBA{0xF1, 0xDF, 0xA8, 0xFF}
	deepGld = color.NRGBA{0x9A, 0x74, 0x16, 0xFF}
	paper   = color.NRGBA{0xFB, 0xF6, 0xEC, 0xFF}
	card    = color.NRGBA{0xFF, 0xFD, 0xF8, 0xFF}
	ink     = color.NRGBA{0x2B, 0x22, 0x20, 0xFF}
	muted   = color.NRGBA{0x6B, 0x5E, 0x57, 0xFF}
	rule    = color.NRGBA{0xE3, 0xD6, 0xC0, 0xFF}
	track   = color.NRGBA{0xEE, 0xE4, 0xD3, 0xFF}
	cream   = color.NRGBA{0xFF, 0xF4, 0xDC, 0xFF}
)

// fonts are Fyne's bundled Noto Sans, regular and bold: the app's own
// typeface, with every Vietnamese letter.
type fonts struct{ regular, bold *sfnt.Font }

func loadFonts() (*fonts, error) {
	r, err := opentype.Parse(theme.DefaultTextFont().Content())
	if err != nil {
		return nil, fmt.Errorf("parsing Fyne's regular font: %w", err)
	}
	b, err := opentype.Parse(theme.DefaultTextBoldFont().Content())
	if err != nil {
		return nil, fmt.Errorf("parsing Fyne's bold font: %w", err)
	}
	return &fonts{regular: r, bold: b}, nil
}

// canvas is one illustration being drawn. It records every text it draws,
// so tests can check each figure against the source.
type canvas struct {
	img   *image.NRGBA
	fonts *fonts
	faces map[faceKey]font.Face
	texts []string
}

type faceKey struct {
	bold bool
	size float64
}

func newCanvas(f *fonts, w, h int, bg color.Color) *canvas {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	return &canvas{img: img, fonts: f, faces: map[faceKey]font.Face{}}
}

func (c *canvas) face(bold bool, size float64) font.Face {
	k := faceKey{bold, size}
	if f, ok := c.faces[k]; ok {
		return f
	}
	src := c.fonts.regular
	if bold {
		src = c.fonts.bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // only for a bad size, a bug here
	}
	c.faces[k] = f
	return f
}

// style is how a text is set.
type style struct {
	size  float64
	bold  bool
	color color.Color
	align int // alignLeft (the default), alignCenter or alignRight of x
	track float64
}

// Text alignments.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

// width returns how wide s is in st.
func (c *canvas) width(s string, st style) float64 {
	s = norm.NFC.String(s)
	w := float64(font.MeasureString(c.face(st.bold, st.size), s)) / 64
	if st.track != 0 {
		w += st.track * float64(len([]rune(s))-1)
	}
	return w
}

// text draws s with its baseline at y.
func (c *canvas) text(s string, x, y float64, st style) {
	s = norm.NFC.String(s)
	c.texts = append(c.texts, s)
	w := c.width(s, st)
	switch st.align {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(st.color), Face: c.face(st.bold, st.size)}
	if st.track == 0 {
		d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
		d.DrawString(s)
		return
	}
	for _, r := range s {
		d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
		d.DrawString(string(r))
		x += float64(font.MeasureString(d.Face, string(r)))/64 + st.track
	}
}

// wrap breaks s into lines no wider than w.
func (c *canvas) wrap(s string, w float64, st style) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && c.width(try, st) > w {
			lines = append(lines, line)
			line = word
		} else {
			line = try
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// paragraph draws s wrapped to w from baseline y, and returns the baseline
// after the last line.
func (c *canvas) paragraph(s string, x, y, w, lineHeight float64, st style) float64 {
	for _, l := range c.wrap(s, w, st) {
		c.text(l, x, y, st)
		y += lineHeight
	}
	return y
}

// pt is a point in pixels.
type pt struct{ x, y float64 }

// fill fills the polygons (non-zero winding, anti-aliased) with col.
func (c *canvas) fill(col color.Color, polys ...[]pt) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, q := range p {
			minX, minY = math.Min(minX, q.x), math.Min(minY, q.y)
			maxX, maxY = math.Max(maxX, q.x), math.Max(maxY, q.y)
		}
	}
	b := c.img.Bounds()
	x0, y0 := max(int(math.Floor(minX))-1, b.Min.X), max(int(math.Floor(minY))-1, b.Min.Y)
	x1, y1 := min(int(math.Ceil(maxX))+1, b.Max.X), min(int(math.Ceil(maxY))+1, b.Max.Y)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	r := vector.NewRasterizer(x1-x0, y1-y0)
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		r.MoveTo(float32(p[0].x-float64(x0)), float32(p[0].y-float64(y0)))
		for _, q := range p[1:] {
			r.LineTo(float32(q.x-float64(x0)), float32(q.y-float64(y0)))
		}
		r.ClosePath()
	}
	r.Draw(c.img, image.Rect(x0, y0, x1, y1), image.NewUniform(col), image.Point{})
}

// rect fills an axis-aligned rectangle.
func (c *canvas) rect(x, y, w, h float64, col color.Color) {
	c.fill(col, []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}})
}

// roundRect fills a rectangle with rounded corners of radius r.
func (c *canvas) roundRect(x, y, w, h, r float64, col color.Color) {
	c.fill(col, roundRectPath(x, y, w, h, r))
}

func roundRectPath(x, y, w, h, r float64) []pt {
	var p []pt
	corner := func(cx, cy, a0 float64) {
		for i := 0; i <= 12; i++ {
			a := a0 + float64(i)/12*math.Pi/2
			p = append(p, pt{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
	}
	corner(x+w-r, y+r, -math.Pi/2)
	corner(x+w-r, y+h-r, 0)
	corner(x+r, y+h-r, math.Pi/2)
	corner(x+r, y+r, math.Pi)
	return p
}

// circlePath is a circle as a polygon.
func circlePath(cx, cy, r float64) []pt {
	n := max(24, int(r*2))
	p := make([]pt, n)
	for i := range p {
		a := float64(i) / float64(n) * 2 * math.Pi
		p[i] = pt{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return p
}

// reversed returns p in the other direction, to cut holes with non-zero
// winding.
func reversed(p []pt) []pt {
	q := make([]pt, len(p))
	for i := range p {
		q[len(p)-1-i] = p[i]
	}
	return q
}

// disc fills a circle.
func (c *canvas) disc(cx, cy, r float64, col color.Color) { c.fill(col, circlePath(cx, cy, r)) }

// ring draws a circle outline of width w.
func (c *canvas) ring(cx, cy, r, w float64, col color.Color) {
	c.fill(col, circlePath(cx, cy, r+w/2), reversed(circlePath(cx, cy, r-w/2)))
}

// line draws a segment of width w with square ends.
func (c *canvas) line(a, b pt, w float64, col color.Color) {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	c.fill(col, []pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}})
}

// dashed draws a dashed segment.
func (c *canvas) dashed(a, b pt, w, dash, gap float64, col color.Color) {
	l := math.Hypot(b.x-a.x, b.y-a.y)
	for s := 0.0; s < l; s += dash + gap {
		e := math.Min(s+dash, l)
		c.line(lerp(a, b, s/l), lerp(a, b, e/l), w, col)
	}
}

func lerp(a, b pt, t float64) pt { return pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t} }

// arrow draws a line from a to b ending in an arrowhead at b, stopping
// short of a and b by the given gaps (the radii of the nodes they join).
func (c *canvas) arrow(a, b pt, gapA, gapB, w float64, col color.Color, dashed bool) {
	l := math.Hypot(b.x-a.x, b.y-a.y)
	ux, uy := (b.x-a.x)/l, (b.y-a.y)/l
	a = pt{a.x + ux*gapA, a.y + uy*gapA}
	tip := pt{b.x - ux*gapB, b.y - uy*gapB}
	head := w * 3.6
	base := pt{tip.x - ux*head, tip.y - uy*head}
	if dashed {
		c.dashed(a, base, w, 16, 10, col)
	} else {
		c.line(a, pt{base.x + ux, base.y + uy}, w, col)
	}
	nx, ny := -uy*head*0.55, ux*head*0.55
	c.fill(col, []pt{tip, {base.x + nx, base.y + ny}, {base.x - nx, base.y - ny}})
}

// diamond fills a small rhombus, the ornament of the title plate and the
// rules.
func (c *canvas) diamond(cx, cy, rx, ry float64, col color.Color) {
	c.fill(col, []pt{{cx, cy - ry}, {cx + rx, cy}, {cx, cy + ry}, {cx - rx, cy}})
}

// ornamentRule draws a rule with a diamond in the middle: ——◆——.
func (c *canvas) ornamentRule(cx, y, half float64, col color.Color) {
	c.line(pt{cx - half, y}, pt{cx - 22, y}, 2, col)
	c.line(pt{cx + 22, y}, pt{cx + half, y}, 2, col)
	c.diamond(cx, y, 12, 12, col)
	c.diamond(cx-34, y, 5, 5, col)
	c.diamond(cx+34, y, 5, 5, col)
}
