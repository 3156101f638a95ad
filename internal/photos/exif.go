package photos

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// jpegHeader is what scanJPEG finds before the image data.
type jpegHeader struct {
	width, height int // as stored, before orientation
	exif          exifInfo
	progressive   bool
	// samples is how many bytes (one a sample) the decoded planes hold:
	// width×height for each component, less for subsampled chroma.
	samples int64
	comps   int
}

// exifInfo is what this package reads from EXIF.
type exifInfo struct {
	orientation int // 1..8
	taken       time.Time
}

// maxExif bounds the APP1 segment read; a segment is at most 64 KB anyway.
const maxExif = 1 << 16

// scanJPEG walks the JPEG markers up to the frame header (SOFn), reading
// the size from it and the orientation and date from an APP1 Exif segment
// on the way. It reads only the header, a few kilobytes.
func scanJPEG(r *bufio.Reader) (jpegHeader, error) {
	h := jpegHeader{exif: exifInfo{orientation: 1}}
	var soi [2]byte
	if _, err := io.ReadFull(r, soi[:]); err != nil {
		return h, eofErr(err)
	}
	seenExif := false
	for {
		// A marker is 0xFF, any number of 0xFF fill bytes, then the code.
		b, err := r.ReadByte()
		if err != nil {
			return h, eofErr(err)
		}
		if b != 0xFF {
			return h, fmt.Errorf("expected a marker, found byte 0x%02x", b)
		}
		code := byte(0xFF)
		for code == 0xFF {
			if code, err = r.ReadByte(); err != nil {
				return h, eofErr(err)
			}
		}
		switch {
		case code == 0xD8 || code == 0x01 || code >= 0xD0 && code <= 0xD7:
			continue // markers without a length
		case code == 0xD9:
			return h, errors.New("the image ends before its frame header")
		case code == 0xDA:
			return h, errors.New("image data starts before the frame header")
		}
		var lb [2]byte
		if _, err := io.ReadFull(r, lb[:]); err != nil {
			return h, eofErr(err)
		}
		n := int(binary.BigEndian.Uint16(lb[:])) - 2
		if n < 0 {
			return h, fmt.Errorf("bad length of marker 0x%02x", code)
		}
		switch {
		case code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC:
			if code != 0xC0 && code != 0xC1 && code != 0xC2 {
				return h, fmt.Errorf("unsupported JPEG variant (%s); save it again as an ordinary JPEG", sofName(code))
			}
			if n < 6 {
				return h, errors.New("frame header too short")
			}
			var sof [6]byte
			if _, err := io.ReadFull(r, sof[:]); err != nil {
				return h, eofErr(err)
			}
			h.height = int(binary.BigEndian.Uint16(sof[1:3]))
			h.width = int(binary.BigEndian.Uint16(sof[3:5]))
			if h.height == 0 {
				return h, errors.New("the height is not given in the frame header (DNL), which is not supported")
			}
			h.progressive = code == 0xC2
			h.comps = int(sof[5])
			// Each component's sampling factors give the size of its
			// plane; Go's decoder pads planes to whole 8×8 blocks of
			// the largest factors (an MCU).
			spec := make([]byte, min(n-6, 3*h.comps))
			if _, err := io.ReadFull(r, spec); err != nil {
				return h, eofErr(err)
			}
			hmax, vmax := 1, 1
			for i := 0; i+2 < len(spec); i += 3 {
				hmax, vmax = max(hmax, int(spec[i+1]>>4)), max(vmax, int(spec[i+1]&15))
			}
			mcuW, mcuH := int64((h.width+8*hmax-1)/(8*hmax)), int64((h.height+8*vmax-1)/(8*vmax))
			for i := 0; i+2 < len(spec); i += 3 {
				hs, vs := max(1, int64(spec[i+1]>>4)), max(1, int64(spec[i+1]&15))
				h.samples += mcuW * 8 * hs * mcuH * 8 * vs
			}
			return h, nil
		case code == 0xE1 && !seenExif:
			seg := make([]byte, n)
			if _, err := io.ReadFull(r, seg); err != nil {
				return h, eofErr(err)
			}
			if strings.HasPrefix(string(seg), "Exif\x00\x00") {
				seenExif = true
				h.exif = parseExif(seg[6:])
			}
		default:
			if _, err := r.Discard(n); err != nil {
				return h, eofErr(err)
			}
		}
	}
}

// sofName names a JPEG frame type that Go cannot decode.
func sofName(code byte) string {
	switch {
	case code == 0xC3 || code == 0xC7 || code == 0xCB || code == 0xCF:
		return "lossless"
	case code >= 0xC9:
		return "arithmetic coding"
	default:
		return "hierarchical"
	}
}

// eofErr words an early end of file.
func eofErr(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("the file ends too early")
	}
	return err
}

// EXIF tags read.
const (
	tagOrientation       = 0x0112
	tagExifIFD           = 0x8769
	tagDateTimeOriginal  = 0x9003
	tagOffsetTimeOriginl = 0x9011
)

// parseExif reads the orientation from IFD0 and DateTimeOriginal (with
// OffsetTimeOriginal) from the Exif sub-IFD of a TIFF structure, in
// either byte order. Anything malformed is ignored: a damaged EXIF block
// leaves the defaults (orientation 1, no date), it never makes the photo
// unusable.
func parseExif(t []byte) exifInfo {
	info := exifInfo{orientation: 1}
	if len(t) < 8 {
		return info
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return info
	}
	// entries calls f for each 12-byte entry of the IFD at off.
	entries := func(off uint32, f func(tag, typ uint16, count uint32, value []byte)) {
		if off < 8 || uint64(off)+2 > uint64(len(t)) {
			return
		}
		n := int(bo.Uint16(t[off:]))
		for i := 0; i < n; i++ {
			e := uint64(off) + 2 + uint64(i)*12
			if e+12 > uint64(len(t)) {
				return
			}
			f(bo.Uint16(t[e:]), bo.Uint16(t[e+2:]), bo.Uint32(t[e+4:]), t[e+8:e+12])
		}
	}
	// ascii returns an ASCII value, inline when it fits in 4 bytes.
	ascii := func(typ uint16, count uint32, value []byte) string {
		if typ != 2 || count == 0 || count > 64 {
			return ""
		}
		var b []byte
		if count <= 4 {
			b = value[:count]
		} else {
			off := uint64(bo.Uint32(value))
			if off+uint64(count) > uint64(len(t)) {
				return ""
			}
			b = t[off : off+uint64(count)]
		}
		return strings.TrimRight(string(b), "\x00 ")
	}
	var exifIFD uint32
	entries(bo.Uint32(t[4:]), func(tag, typ uint16, count uint32, value []byte) {
		switch tag {
		case tagOrientation:
			var o int
			switch typ {
			case 3: // SHORT
				o = int(bo.Uint16(value))
			case 4: // LONG, seen in the wild
				o = int(bo.Uint32(value))
			}
			if o >= 1 && o <= 8 {
				info.orientation = o
			}
		case tagExifIFD:
			if typ == 4 || typ == 13 { // LONG or IFD
				exifIFD = bo.Uint32(value)
			}
		}
	})
	var date, offset string
	if exifIFD != 0 {
		entries(exifIFD, func(tag, typ uint16, count uint32, value []byte) {
			switch tag {
			case tagDateTimeOriginal:
				date = ascii(typ, count, value)
			case tagOffsetTimeOriginl:
				offset = ascii(typ, count, value)
			}
		})
	}
	info.taken = parseExifTime(date, offset)
	return info
}

// parseExifTime parses "2006:01:02 15:04:05" with an optional offset
// "+07:00"; it returns the zero time for blank ("    :  :  ") or invalid
// dates.
func parseExifTime(date, offset string) time.Time {
	if date == "" {
		return time.Time{}
	}
	loc := time.UTC
	if offset != "" {
		if o, err := time.Parse("-07:00", offset); err == nil {
			_, secs := o.Zone()
			loc = time.FixedZone(offset, secs)
		}
	}
	for _, layout := range []string{"2006:01:02 15:04:05", "2006:01:02 15:04", "2006:01:02"} {
		if tm, err := time.ParseInLocation(layout, date, loc); err == nil {
			if tm.Year() < 1826 { // before photography: a camera with no clock set
				return time.Time{}
			}
			return tm
		}
	}
	return time.Time{}
}
