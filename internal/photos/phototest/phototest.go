package phototest

import "image"

// Photo returns a w×h 4:2:0 YCbCr picture for seed.
func Photo(w, h int, seed uint32) *image.YCbCr {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	s := seed*2654435761 + 12345
	rnd := func() uint32 {
		s ^= s << 13
		s ^= s >> 17
		s ^= s << 5
		return s
	}
	// A few discs of different brightness on a diagonal gradient.
	type disc struct{ x, y, r2, dy int }
	discs := make([]disc, 6)
	for i := range discs {
		r := int(rnd()%uint32(h/4)) + h/16
		discs[i] = disc{int(rnd() % uint32(w)), int(rnd() % uint32(h)), r * r, int(rnd()%120) - 60}
	}
	tilt := int(seed%7) + 1
	for y := 0; y < h; y++ {
		row := img.Y[y*img.YStride:]
		for x := 0; x < w; x++ {
			v := 40 + (x*tilt+y*(8-tilt))*150/(w*tilt+h*(8-tilt))
			for _, d := range discs {
				if dx, dy := x-d.x, y-d.y; dx*dx+dy*dy < d.r2 {
					v += d.dy
				}
			}
			v += int(rnd()%17) - 8 // grain
			row[x] = uint8(min(max(v, 0), 255))
		}
	}
	cw, ch := (w+1)/2, (h+1)/2
	for y := 0; y < ch; y++ {
		for x := 0; x < cw; x++ {
			img.Cb[y*img.CStride+x] = uint8(128 + (x*60/cw - 30) + int(seed%20) - 10)
			img.Cr[y*img.CStride+x] = uint8(128 + (y*50/ch - 25))
		}
	}
	return img
}
