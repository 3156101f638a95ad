package photos

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"image/color"
	"image/png"

	"golang.org/x/image/webp"

	"trienlam/internal/exhibit"
)

// MaxPixels is the largest image accepted (80 megapixels): bigger ones are
// refused before decoding.
const MaxPixels = 80_000_000

// MaxDecodeBytes bounds the memory decoding pictures may take: the
// decoders' full-size pixels, before they are scaled to the screen, of one
// picture and of all those decoding at once (Load shares it). It is worked
// out from the header before decoding (inspect). A 24-megapixel camera JPEG
// takes 36 MB, an 80-megapixel one 120 MB; the exhibit itself takes about
// 190 MB at 1920×1080, so with this it stays under 400 MB whatever a pack
// holds (measured: a gallery of 80-megapixel photos). Pictures over it (a
// 16-bit PNG scan, a 40-megapixel PNG, a progressive JPEG of 10 megapixels
// or more with full colour resolution) are refused with a message saying
// how to save them.
const MaxDecodeBytes = 160 << 20

// Info is what is known from a file's header, without decoding it.
type Info struct {
	// Width and Height are the size as displayed, after EXIF orientation:
	// a portrait photo stored sideways with orientation 6 is taller than wide.
	Width, Height int
	// Orientation is the EXIF orientation, 1..8; 1 when the file has none.
	Orientation int
	// Format is "jpeg", "png" or "webp", from the file's content.
	Format string
	// Taken is the EXIF DateTimeOriginal, zero when there is none. EXIF
	// gives the camera's wall clock: Taken is in that wall clock, in the
	// zone of OffsetTimeOriginal when the file gives one and UTC otherwise,
	// so Taken.Format shows the date and time the camera showed.
	Taken time.Time

	decodeBytes int64 // the memory decoding takes (see MaxDecodeBytes)
}

// Pixels returns Width×Height.
func (i Info) Pixels() int64 { return int64(i.Width) * int64(i.Height) }

// The kinds of error Inspect and Load return, for errors.Is. The errors
// themselves are *Error values whose message names the file.
var (
	// ErrNotImage: the file is not a JPEG, PNG or WebP image.
	ErrNotImage = errors.New("not a JPEG, PNG or WebP image")
	// ErrTooLarge: the image has more than MaxPixels pixels.
	ErrTooLarge = errors.New("image too large")
	// ErrDamaged: the file is truncated or damaged.
	ErrDamaged = errors.New("truncated or damaged image")
	// ErrDropped is given to a Cache.Request's done function when the
	// request waited too long behind newer ones and was dropped; ask again
	// if the image is still wanted.
	ErrDropped = errors.New("photos: request dropped: too many newer requests waiting")
)

// Error is an error about one image file. Its message starts with the
// file's path: "photos/x.jpg: image is 12000×9000 (108 MP), larger than
// the 80 MP limit".
type Error struct {
	Path string // the path as given to Inspect or Load
	// Kind is ErrNotImage, ErrTooLarge, ErrDamaged, or the fs error
	// (fs.ErrNotExist, …) when the file could not be read.
	Kind error
	// Detail is the message without the path.
	Detail string
	// Args, for a picture refused as too large, are its size and what
	// showing it takes, as Problem words them.
	Args map[string]string
}

// Error returns "path: detail".
func (e *Error) Error() string { return e.Path + ": " + e.Detail }

// Unwrap returns Kind, so errors.Is(err, ErrTooLarge) works.
func (e *Error) Unwrap() error { return e.Kind }

// formatNames are the human names of formats, for messages.
var formatNames = map[string]string{"jpeg": "JPEG", "png": "PNG", "webp": "WebP"}

// Sniff reads the start of r and returns the image format it holds:
// "jpeg", "png" or "webp". For anything else it returns an error wrapping
// ErrNotImage that says what the content is when it can tell ("not a
// JPEG, PNG or WebP image (it is a GIF)"). It reads at most 32 bytes.
func Sniff(r io.Reader) (format string, err error) {
	var buf [32]byte
	n, err := io.ReadFull(r, buf[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	return sniff(buf[:n])
}

// sniff is Sniff on bytes already read.
func sniff(b []byte) (string, error) {
	has := func(prefix string) bool { return bytes.HasPrefix(b, []byte(prefix)) }
	switch {
	case has("\xff\xd8\xff"):
		return "jpeg", nil
	case has("\x89PNG\r\n\x1a\n"):
		return "png", nil
	case has("RIFF") && len(b) >= 12 && string(b[8:12]) == "WEBP":
		return "webp", nil
	}
	what := ""
	switch {
	case len(b) == 0:
		what = "an empty file"
	case has("GIF87a"), has("GIF89a"):
		what = "a GIF"
	case has("BM"):
		what = "a BMP"
	case has("II*\x00"), has("MM\x00*"):
		what = "a TIFF or camera raw file"
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		switch brand := string(b[8:12]); brand {
		case "heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis":
			what = "a HEIC/HEIF photo, as iPhones save them; export it as JPEG"
		case "avif", "avis":
			what = "an AVIF image"
		default:
			what = "a video or other media file"
		}
	case has("\x00\x00\x00\x0cJXL "), has("\xff\x0a"):
		what = "a JPEG XL image"
	case has("%PDF"):
		what = "a PDF document"
	case has("8BPS"):
		what = "a Photoshop document"
	case has("\x00\x00\x01\x00"):
		what = "an icon (.ico)"
	case has("PK\x03\x04"):
		what = "a zip archive or office document"
	case has("<?xml"), has("<svg"):
		what = "an SVG or other XML file"
	}
	if what == "" {
		return "", fmt.Errorf("%w", ErrNotImage)
	}
	return "", fmt.Errorf("%w (it is %s)", ErrNotImage, what)
}

// CheckExtension returns a warning when the file name's extension does
// not match format as found by Sniff or Inspect: "photos/x.png: named .png
// but is a JPEG". It returns nil when they match, and for formats it does
// not know. The image is still usable: the content decides the decoder.
func CheckExtension(name, format string) error {
	ext := strings.ToLower(path.Ext(name))
	var want []string
	switch format {
	case "jpeg":
		want = []string{".jpg", ".jpeg", ".jpe", ".jfif"}
	case "png":
		want = []string{".png"}
	case "webp":
		want = []string{".webp"}
	default:
		return nil
	}
	for _, w := range want {
		if ext == w {
			return nil
		}
	}
	if ext == "" {
		return fmt.Errorf("%s: has no extension but is a %s; name it %s", name, formatNames[format], want[0])
	}
	return fmt.Errorf("%s: named %s but is a %s", name, ext, formatNames[format])
}

// Inspect reads the header of the image at path in fsys and returns its
// size, orientation, format and EXIF date, without decoding the pixels.
// It refuses images over MaxPixels with an error wrapping ErrTooLarge,
// files that are not JPEG, PNG or WebP with ErrNotImage, and headers that
// are cut short or corrupt with ErrDamaged.
func Inspect(fsys fs.FS, path string) (Info, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return Info{}, fileError(path, err)
	}
	defer f.Close()
	return inspect(bufio.NewReaderSize(f, 4096), path)
}

// inspect is Inspect on an open file.
func inspect(r *bufio.Reader, name string) (Info, error) {
	head, _ := r.Peek(32)
	format, err := sniff(head)
	if err != nil {
		return Info{}, &Error{Path: name, Kind: ErrNotImage, Detail: err.Error()}
	}
	info := Info{Format: format, Orientation: 1}
	var decode int64 // bytes the decoder will allocate, worked out below
	switch format {
	case "jpeg":
		h, err := scanJPEG(r)
		if err != nil {
			return Info{}, &Error{Path: name, Kind: ErrDamaged, Detail: "truncated or damaged JPEG: " + err.Error()}
		}
		info.Width, info.Height = h.width, h.height
		info.Orientation, info.Taken = h.exif.orientation, h.exif.taken
		// Go's decoder keeps 1 byte a sample; a progressive JPEG also
		// keeps every coefficient (4 bytes a sample) until its last
		// scan; four components (CMYK) are converted into a new
		// 4-byte-a-pixel image.
		decode = h.samples
		if h.progressive {
			decode += 4 * h.samples
		}
		if h.comps == 4 {
			decode += 4 * int64(h.width) * int64(h.height)
		}
	case "png":
		interlaced := len(head) > 28 && head[28] == 1 // read before r moves on
		cfg, err := png.DecodeConfig(r)
		if err != nil {
			return Info{}, &Error{Path: name, Kind: ErrDamaged, Detail: "truncated or damaged PNG: " + cleanErr(err)}
		}
		info.Width, info.Height = cfg.Width, cfg.Height
		decode = int64(cfg.Width) * int64(cfg.Height) * int64(bytesPerPixel(cfg.ColorModel))
		if interlaced {
			decode *= 2 // Adam7: each pass is decoded into an image of its own, then copied
		}
	case "webp":
		cfg, err := webp.DecodeConfig(r)
		if err != nil {
			return Info{}, &Error{Path: name, Kind: ErrDamaged, Detail: "truncated or damaged WebP: " + cleanErr(err)}
		}
		info.Width, info.Height = cfg.Width, cfg.Height
		px := int64(cfg.Width) * int64(cfg.Height)
		switch cfg.ColorModel {
		case color.NRGBAModel:
			decode = 12 * px // lossless: ARGB words, transforms, then NRGBA
		case color.NYCbCrAModel:
			decode = px*3/2 + px // 4:2:0 and an alpha plane
		default:
			decode = px * 3 / 2
		}
	}
	if info.Width <= 0 || info.Height <= 0 {
		return Info{}, &Error{Path: name, Kind: ErrDamaged,
			Detail: fmt.Sprintf("damaged %s: the header gives a size of %d×%d pixels", formatNames[format], info.Width, info.Height)}
	}
	if px := int64(info.Width) * int64(info.Height); px > MaxPixels {
		return Info{}, &Error{Path: name, Kind: ErrTooLarge,
			Detail: fmt.Sprintf("image is %d×%d (%d MP), larger than the %d MP limit",
				info.Width, info.Height, (px+500_000)/1_000_000, MaxPixels/1_000_000),
			Args: map[string]string{"width": strconv.Itoa(info.Width), "height": strconv.Itoa(info.Height),
				"megapixels": strconv.FormatInt((px+500_000)/1_000_000, 10), "limit": strconv.Itoa(MaxPixels / 1_000_000)}}
	}
	if decode > MaxDecodeBytes {
		what := formatNames[format]
		if format == "jpeg" {
			what = "JPEG (progressive or with full colour resolution)"
		}
		mb := (decode + (1 << 20) - 1) >> 20
		return Info{}, &Error{Path: name, Kind: ErrTooLarge,
			Detail: fmt.Sprintf("showing this %d×%d %s would take %d MB of memory, more than the %d MB allowed for one picture; save it smaller (for example 6000 pixels wide), as an ordinary 8-bit JPEG",
				info.Width, info.Height, what, mb, MaxDecodeBytes>>20),
			Args: map[string]string{"width": strconv.Itoa(info.Width), "height": strconv.Itoa(info.Height),
				"mb": strconv.FormatInt(mb, 10), "limit": strconv.Itoa(MaxDecodeBytes >> 20)}}
	}
	info.decodeBytes = decode
	if info.Orientation >= 5 {
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// bytesPerPixel is how many bytes Go's PNG decoder keeps a pixel for an
// image of colour model m.
func bytesPerPixel(m color.Model) int {
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.RGBAModel, color.NRGBAModel:
		return 4
	}
	return 1 // a palette
}

// Problem words err, an error of Inspect or Load about the picture file,
// as a problem of the pack in both of the app's languages: too large to
// show (in pixels, or in the memory decoding takes), damaged or not a
// picture, missing, or unreadable.
func Problem(file string, err error) exhibit.Problem {
	var pe *Error
	detail := err.Error()
	if errors.As(err, &pe) {
		detail = pe.Detail
	}
	args := map[string]string{"file": file}
	kind := "file-unreadable"
	switch {
	case errors.Is(err, ErrTooLarge) && pe != nil && pe.Args["mb"] != "":
		kind = "photo-needs-memory"
	case errors.Is(err, ErrTooLarge) && pe != nil && pe.Args["megapixels"] != "":
		kind = "photo-too-large"
	case errors.Is(err, ErrDamaged), errors.Is(err, ErrNotImage), errors.Is(err, ErrTooLarge):
		kind = "bad-image"
	case errors.Is(err, fs.ErrNotExist):
		kind = "file-not-found"
	}
	if pe != nil {
		for k, v := range pe.Args {
			args[k] = v
		}
	}
	if kind == "bad-image" || kind == "file-unreadable" {
		args["error"] = detail
	}
	return exhibit.NewProblem(file, 0, kind, args)
}

// fileError wraps an error opening or reading a file.
func fileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	detail := err.Error()
	switch {
	case errors.Is(err, fs.ErrNotExist):
		detail = "file not found"
	case errors.Is(err, fs.ErrPermission):
		detail = "permission denied"
	}
	return &Error{Path: name, Kind: err, Detail: detail}
}

// cleanErr returns a decoder's error message without its package prefix
// ("png: invalid format: …" → "invalid format: …").
func cleanErr(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "the file ends too early"
	}
	s := err.Error()
	for _, p := range []string{"png: ", "webp: ", "vp8: ", "vp8l: ", "riff: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}
