package photos

import (
	"bufio"
	"errors"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"runtime/debug"
	"sync"

	"golang.org/x/image/webp"
)

// Load decodes an image, applies its EXIF orientation and scales it down
// (never up) to fit maxW×maxH with a good filter (a box filter for big
// reductions, then Catmull-Rom); maxW or
// maxH <= 0 means no limit on that side.
//
// The result is an *image.RGBA whose bounds start at (0, 0). The decoded
// full-size image is dropped as soon as it is scaled, so a 24-megapixel
// photo costs its full size in memory only while Load runs. Pictures whose
// decoding would take more than MaxDecodeBytes are refused from their
// header (ErrTooLarge, naming the file), and decodes running at once
// share that budget: a gallery loading several big photos together waits
// rather than holding them all in memory.
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
	decodeBudget.acquire(info.decodeBytes)
	defer decodeBudget.release(info.decodeBytes)
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
	if info.decodeBytes >= bigDecode {
		// Hand the pixels back to the system now: the garbage collector
		// would otherwise let the heap grow to twice what is live before
		// collecting, and the next big photo would come on top.
		debug.FreeOSMemory()
	}
	return orient(scaled, info.Orientation), nil
}

// bigDecode is the size of a decode after which Load returns its memory to
// the system at once (a 30-megapixel photo or more).
const bigDecode = 48 << 20

// decodeBudget is shared by every Load: the bytes the decodes running at
// once may take together.
var decodeBudget = newBudget(MaxDecodeBytes)

// budget is a counting semaphore of bytes.
type budget struct {
	mu    sync.Mutex
	freed *sync.Cond
	left  int64
}

func newBudget(n int64) *budget {
	b := &budget{left: n}
	b.freed = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are left, and takes them. n is at most the
// whole budget (inspect refuses bigger decodes).
func (b *budget) acquire(n int64) {
	b.mu.Lock()
	for b.left < n {
		b.freed.Wait()
	}
	b.left -= n
	b.mu.Unlock()
}

// release gives n bytes back.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.left += n
	b.mu.Unlock()
	b.freed.Broadcast()
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
		if fe == "short Huffman data" { // what a cut-off JPEG gives
			return "the file ends too early"
		}
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

// Scale returns src scaled to w×h (each at least 1) as a new, packed RGBA
// image, as Load scales what it decodes. A screen that shows a picture at
// exactly the pixels it has spares Fyne's painter its own scaling
// (golang.org/x/image/draw's Catmull-Rom, slower than this package's).
func Scale(src image.Image, w, h int) *image.RGBA {
	return scale(src, max(w, 1), max(h, 1))
}

// scale returns src scaled to w×h as a new RGBA image. Big reductions
// first average k×k blocks (a box filter, one pass over the pixels) down
// to about 1.5–3 times the target, then Catmull-Rom finishes: sharp, and
// cheap once the image is small. Catmull-Rom is this package's own
// (resample): golang.org/x/image/draw's kernels allocate 32 bytes for
// every target column times every source row, 200 MB for a 24-megapixel
// photo scaled to screen size, where resample needs a few rows.
func scale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	if b.Dx() == w && b.Dy() == h {
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
		return dst
	}
	if k := int(min(float64(b.Dx())/float64(w), float64(b.Dy())/float64(h)) / 1.5); k >= 2 {
		// A JPEG's planes are averaged row by row as the filter reads
		// them, with no intermediate image.
		if sw, sh, read, ok := ycbcrBoxRows(src, k); ok {
			return resampleRows(sw, sh, read, w, h)
		}
		if small := boxShrink(src, k); small != nil {
			src = small
		}
	}
	return resample(src, w, h)
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
		sx, sy, ok := chromaFactors(s.SubsampleRatio)
		if !ok || s.Rect.Min != (image.Point{}) {
			return nil
		}
		// Average each plane over the block's area of that plane.
		lumaX, lumaY := blockRanges(w, k, 1), blockRanges(h, k, 1)
		chromaX, chromaY := blockRanges(w, k, sx), blockRanges(h, k, sy)
		ys := planeBox(s.Y, s.YStride, b.Dx(), lumaX, lumaY)
		cbs := planeBox(s.Cb, s.CStride, (b.Dx()+sx-1)/sx, chromaX, chromaY)
		crs := planeBox(s.Cr, s.CStride, (b.Dx()+sx-1)/sx, chromaX, chromaY)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				r, g, bb := ycbcrToRGB(ys[i], cbs[i], crs[i])
				o := dst.PixOffset(x, y)
				dst.Pix[o], dst.Pix[o+1], dst.Pix[o+2], dst.Pix[o+3] = r, g, bb, 0xFF
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

// chromaFactors returns how many pixels share one chroma sample
// horizontally and vertically.
func chromaFactors(r image.YCbCrSubsampleRatio) (sx, sy int, ok bool) {
	switch r {
	case image.YCbCrSubsampleRatio444:
		return 1, 1, true
	case image.YCbCrSubsampleRatio422:
		return 2, 1, true
	case image.YCbCrSubsampleRatio420:
		return 2, 2, true
	case image.YCbCrSubsampleRatio440:
		return 1, 2, true
	case image.YCbCrSubsampleRatio411:
		return 4, 1, true
	case image.YCbCrSubsampleRatio410:
		return 4, 2, true
	}
	return 0, 0, false
}

// blockRanges returns, for each of n blocks of k pixels, the range of
// plane samples it covers when one sample serves f pixels.
func blockRanges(n, k, f int) [][2]int {
	r := make([][2]int, n)
	for i := range r {
		r[i] = [2]int{i * k / f, (i*k+k-1)/f + 1}
	}
	return r
}

// planeBox averages a plane of samples over the rectangles xr×yr.
func planeBox(pix []uint8, stride, pw int, xr, yr [][2]int) []uint8 {
	out := make([]uint8, len(xr)*len(yr))
	cols := make([]uint32, pw)
	for j, ry := range yr {
		planeRowBox(pix, stride, xr, ry, cols, out[j*len(xr):(j+1)*len(xr)])
	}
	return out
}

// planeRowBox averages the plane rows ry over each column range of xr into
// out, through column sums (cols, one per plane column) so memory is read
// in order.
func planeRowBox(pix []uint8, stride int, xr [][2]int, ry [2]int, cols []uint32, out []uint8) {
	clear(cols)
	for y := ry[0]; y < ry[1]; y++ {
		row := pix[y*stride : y*stride+len(cols)]
		for x, v := range row {
			cols[x] += uint32(v)
		}
	}
	rows := uint32(ry[1] - ry[0])
	for i, rx := range xr {
		var sum uint32
		for _, c := range cols[rx[0]:rx[1]] {
			sum += c
		}
		out[i] = uint8(sum / (rows * uint32(rx[1]-rx[0])))
	}
}

// ycbcrBoxRows returns src averaged over k×k blocks as rows for
// resampleRows, computed as they are read. ok is false when src is not a
// YCbCr image this can read.
func ycbcrBoxRows(src image.Image, k int) (w, h int, read rowReader, ok bool) {
	s, isYCbCr := src.(*image.YCbCr)
	if !isYCbCr || s.Rect.Min != (image.Point{}) {
		return 0, 0, nil, false
	}
	sx, sy, known := chromaFactors(s.SubsampleRatio)
	if !known {
		return 0, 0, nil, false
	}
	w, h = s.Rect.Dx()/k, s.Rect.Dy()/k
	lumaX, chromaX := blockRanges(w, k, 1), blockRanges(w, k, sx)
	cw := (s.Rect.Dx() + sx - 1) / sx
	lcols, ccols := make([]uint32, s.Rect.Dx()), make([]uint32, cw)
	ys, cbs, crs := make([]uint8, w), make([]uint8, w), make([]uint8, w)
	read = func(y int, out []float32) {
		planeRowBox(s.Y, s.YStride, lumaX, [2]int{y * k, y*k + k}, lcols, ys)
		cr := [2]int{y * k / sy, (y*k+k-1)/sy + 1}
		planeRowBox(s.Cb, s.CStride, chromaX, cr, ccols, cbs)
		planeRowBox(s.Cr, s.CStride, chromaX, cr, ccols, crs)
		for x := 0; x < w; x++ {
			r, g, b := ycbcrToRGB(ys[x], cbs[x], crs[x])
			out[4*x], out[4*x+1], out[4*x+2], out[4*x+3] = float32(r), float32(g), float32(b), 255
		}
	}
	return w, h, read, true
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
