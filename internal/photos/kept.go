package photos

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"trienlam/internal/atomicfile"
)

// Kept is a folder of pictures kept as Load decoded and scaled them, so
// that a picture shown at every start — the pack's cover, on the first
// screen — is decoded once, not at every start: hashing the picture's file
// and reading the kept copy back costs about a millisecond where decoding
// and scaling the built-in cover cost ~90 ms of CPU (bench/startup.sh).
// Its files are the program's own, in the user's cache folder; one that
// is not whole (cut short, a header or checksum that does not match) is
// decoded again and replaced.
type Kept struct {
	// Dir is the folder; "" keeps nothing.
	Dir string
	// Max is how many pictures the folder holds; the least recently
	// written go first. 0 means keptMax.
	Max int
}

// keptMax is how many pictures a Kept holds by default: a few packs'
// covers, each at a few window sizes.
const keptMax = 12

// keptBudget bounds the bytes of the pictures a Kept holds; a picture
// larger than a quarter of it is not kept.
const keptBudget = 96 << 20

// keptMagic starts every kept file. Its version must change whenever what
// Load makes of a picture changes (its scaling, its orientation): files
// kept by an older program are then decoded again, not shown.
const keptMagic = "TRLPIC1\n"

// keptHeader is the magic, then the width, the height and the CRC-32
// (IEEE) of the pixels (uint32 each, big endian); the RGBA pixels, row by
// row, follow.
const keptHeader = len(keptMagic) + 12

// Load returns the picture at path in fsys as Load(fsys, path, maxW, maxH)
// does, read from the folder when it holds it (the same file bytes scaled
// for the same bounds), decoded and put in the folder when not. A folder
// that cannot be written keeps nothing and costs only the decode.
func (k Kept) Load(fsys fs.FS, path string, maxW, maxH int) (image.Image, error) {
	if k.Dir == "" {
		return Load(fsys, path, maxW, maxH)
	}
	sum, err := fileSum(fsys, path)
	if err != nil {
		return nil, err
	}
	name := filepath.Join(k.Dir, fmt.Sprintf("%s-%dx%d.pic", sum, max(maxW, 0), max(maxH, 0)))
	if img, err := readKept(name, maxW, maxH); err == nil {
		return img, nil
	}
	img, err := Load(fsys, path, maxW, maxH)
	if err != nil {
		return nil, err
	}
	if rgba, ok := img.(*image.RGBA); ok && len(rgba.Pix) <= keptBudget/4 {
		// Not kept is only slower next time.
		_ = k.write(name, rgba)
	}
	return img, nil
}

// fileSum names a file by its bytes: a pack replaced by a new one with the
// same paths keeps nothing of the old.
func fileSum(fsys fs.FS, path string) (string, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return "", fileError(path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fileError(path, err)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// errKept says a kept file is not one this program wrote.
var errKept = errors.New("not a kept picture")

// readKept reads a kept file, refusing one whose header does not fit
// maxW×maxH (<= 0: no limit, but never more than MaxDecodeBytes of pixels)
// or whose size does not match its header, before allocating anything.
func readKept(name string, maxW, maxH int) (*image.RGBA, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return decodeKept(f, st.Size(), maxW, maxH)
}

// decodeKept reads a kept picture of size bytes from r.
func decodeKept(r io.Reader, size int64, maxW, maxH int) (*image.RGBA, error) {
	var head [keptHeader]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || !bytes.Equal(head[:len(keptMagic)], []byte(keptMagic)) {
		return nil, errKept
	}
	w := int64(binary.BigEndian.Uint32(head[len(keptMagic):]))
	h := int64(binary.BigEndian.Uint32(head[len(keptMagic)+4:]))
	sum := binary.BigEndian.Uint32(head[len(keptMagic)+8:])
	// w and h are below 2^32: w > max/h is checked before w*h*4 can
	// overflow.
	if w < 1 || h < 1 || (maxW > 0 && w > int64(maxW)) || (maxH > 0 && h > int64(maxH)) ||
		w > MaxDecodeBytes/4/h || size != int64(keptHeader)+w*h*4 {
		return nil, errKept
	}
	img := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
	if _, err := io.ReadFull(r, img.Pix); err != nil || crc32.ChecksumIEEE(img.Pix) != sum {
		return nil, errKept
	}
	return img, nil
}

// write puts img in the folder under name (whole: atomicfile), then lets
// the folder hold at most Max pictures.
func (k Kept) write(name string, img *image.RGBA) error {
	if err := os.MkdirAll(k.Dir, 0o700); err != nil {
		return err
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	buf := make([]byte, keptHeader, keptHeader+w*h*4)
	copy(buf, keptMagic)
	binary.BigEndian.PutUint32(buf[len(keptMagic):], uint32(w))
	binary.BigEndian.PutUint32(buf[len(keptMagic)+4:], uint32(h))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := img.PixOffset(b.Min.X, y)
		buf = append(buf, img.Pix[i:i+w*4]...)
	}
	binary.BigEndian.PutUint32(buf[len(keptMagic)+8:], crc32.ChecksumIEEE(buf[keptHeader:]))
	if err := atomicfile.Write(name, buf, 0o600); err != nil {
		return err
	}
	k.trim()
	return nil
}

// trim removes the least recently written pictures beyond Max or beyond
// keptBudget bytes, and what an interrupted write left.
func (k Kept) trim() {
	limit := k.Max
	if limit <= 0 {
		limit = keptMax
	}
	entries, err := os.ReadDir(k.Dir)
	if err != nil {
		return
	}
	type kept struct {
		name string
		mod  int64
		size int64
	}
	var pics []kept
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			continue
		}
		switch {
		case strings.HasSuffix(e.Name(), ".pic"):
			pics = append(pics, kept{e.Name(), info.ModTime().UnixNano(), info.Size()})
		case atomicfile.IsTemp(e.Name()) && time.Since(info.ModTime()) > time.Hour:
			// A write cut short (the program stopped, the disk
			// filled); a recent one may be another start's.
			os.Remove(filepath.Join(k.Dir, e.Name()))
		}
	}
	sort.Slice(pics, func(i, j int) bool { return pics[i].mod > pics[j].mod })
	var total int64
	for i, p := range pics {
		total += p.size
		if i >= limit || total > keptBudget {
			os.Remove(filepath.Join(k.Dir, p.name))
		}
	}
}
