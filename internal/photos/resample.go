package photos

import (
	"image"
	"math"
)

// contrib is the run of source pixels one target pixel is made from.
type contrib struct {
	first int       // first source index
	w     []float32 // weights, summing to 1
}

// catmullRom is the Catmull-Rom cubic (B=0, C=0.5).
func catmullRom(t float64) float64 {
	t = math.Abs(t)
	switch {
	case t < 1:
		return (1.5*t-2.5)*t*t + 1
	case t < 2:
		return ((-0.5*t+2.5)*t-4)*t + 2
	}
	return 0
}

// contribs computes the Catmull-Rom weights to resample n source pixels
// to m, the filter widened by the reduction so nothing aliases.
func contribs(n, m int) []contrib {
	scale := float64(n) / float64(m)
	fs := math.Max(scale, 1)
	support := 2 * fs
	out := make([]contrib, m)
	for i := range out {
		center := (float64(i) + 0.5) * scale
		lo := max(int(math.Floor(center-support)), 0)
		hi := min(int(math.Ceil(center+support)), n)
		w := make([]float32, 0, hi-lo)
		sum := 0.0
		for j := lo; j < hi; j++ {
			v := catmullRom((float64(j) + 0.5 - center) / fs)
			w = append(w, float32(v))
			sum += v
		}
		// Trim zero weights at the ends.
		for len(w) > 1 && w[0] == 0 {
			w = w[1:]
			lo++
		}
		for len(w) > 1 && w[len(w)-1] == 0 {
			w = w[:len(w)-1]
		}
		if sum != 0 {
			for k := range w {
				w[k] = float32(float64(w[k]) / sum)
			}
		}
		out[i] = contrib{first: lo, w: w}
	}
	return out
}

// rowReader fills out (4 floats a pixel, premultiplied RGBA 0..255) with
// source row y, relative to the bounds' origin.
type rowReader func(y int, out []float32)

// rowsOf returns a rowReader for src, with fast paths for the layouts the
// decoders produce.
func rowsOf(src image.Image) rowReader {
	b := src.Bounds()
	switch s := src.(type) {
	case *image.RGBA:
		return func(y int, out []float32) {
			p := s.Pix[s.PixOffset(b.Min.X, b.Min.Y+y):]
			for i := range out {
				out[i] = float32(p[i])
			}
		}
	case *image.NRGBA:
		return func(y int, out []float32) {
			p := s.Pix[s.PixOffset(b.Min.X, b.Min.Y+y):]
			for i := 0; i < len(out); i += 4 {
				a := float32(p[i+3]) / 255
				out[i], out[i+1], out[i+2], out[i+3] = float32(p[i])*a, float32(p[i+1])*a, float32(p[i+2])*a, float32(p[i+3])
			}
		}
	case *image.YCbCr:
		return func(y int, out []float32) {
			yy := b.Min.Y + y
			yrow := s.Y[s.YOffset(b.Min.X, yy):]
			for x := 0; x < len(out)/4; x++ {
				ci := s.COffset(b.Min.X+x, yy)
				r, g, bl := ycbcrToRGB(yrow[x], s.Cb[ci], s.Cr[ci])
				out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = float32(r), float32(g), float32(bl), 255
			}
		}
	case *image.Gray:
		return func(y int, out []float32) {
			p := s.Pix[s.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := 0; x < len(out)/4; x++ {
				v := float32(p[x])
				out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = v, v, v, 255
			}
		}
	}
	return func(y int, out []float32) {
		for x := 0; x < len(out)/4; x++ {
			r, g, bl, a := src.At(b.Min.X+x, b.Min.Y+y).RGBA()
			out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = float32(r>>8), float32(g>>8), float32(bl>>8), float32(a>>8)
		}
	}
}

// resample scales src to w×h with Catmull-Rom, separably: each source row
// is filtered horizontally once, into a ring of as many rows as the
// vertical filter spans, and each target row is made from that ring. Memory
// is a few rows, whatever the sizes.
func resample(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	return resampleRows(b.Dx(), b.Dy(), rowsOf(src), w, h)
}

// resampleRows is resample of an sw×sh source read row by row, in order.
func resampleRows(sw, sh int, read rowReader, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if sw <= 0 || sh <= 0 || w <= 0 || h <= 0 {
		return dst
	}
	cx, cy := contribs(sw, w), contribs(sh, h)
	ring := 1
	for _, c := range cy {
		ring = max(ring, len(c.w))
	}
	line := make([]float32, 4*sw)
	rows := make([][]float32, ring)
	for i := range rows {
		rows[i] = make([]float32, 4*w)
	}
	next := 0 // next source row to filter
	acc := make([]float32, 4*w)
	for y := 0; y < h; y++ {
		c := cy[y]
		last := c.first + len(c.w)
		for ; next < last; next++ {
			read(next, line)
			out := rows[next%ring]
			for x, cc := range cx {
				var r, g, bl, a float32
				p := line[4*cc.first:]
				for k, wt := range cc.w {
					r += p[4*k] * wt
					g += p[4*k+1] * wt
					bl += p[4*k+2] * wt
					a += p[4*k+3] * wt
				}
				out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = r, g, bl, a
			}
		}
		clear(acc)
		for k, wt := range c.w {
			row := rows[(c.first+k)%ring]
			for i := range acc {
				acc[i] += row[i] * wt
			}
		}
		pix := dst.Pix[dst.PixOffset(0, y):]
		for x := 0; x < w; x++ {
			a := clamp255(acc[4*x+3])
			pix[4*x+3] = a
			pix[4*x] = min(clamp255(acc[4*x]), a)
			pix[4*x+1] = min(clamp255(acc[4*x+1]), a)
			pix[4*x+2] = min(clamp255(acc[4*x+2]), a)
		}
	}
	return dst
}

// clamp255 rounds v to a byte.
func clamp255(v float32) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}
