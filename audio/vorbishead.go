package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/bits"
)

// The Vorbis decoder (jfreymuth/vorbis) trusts the sizes a file's headers
// give: a comment header claiming four thousand million comments, or a
// codebook of 16 million entries of 65,535 dimensions, has it allocate tens
// of gigabytes, and the whole program dies of it; a codebook with no entries
// makes it allocate about 16 GB for its tree. A recovered panic cannot help with
// that. So every Ogg file is read by checkVorbisHeaders before the decoder
// sees it: its three headers are taken apart here, as the Vorbis I
// specification lays them out, and sizes that no encoder writes are refused
// as damage.
const (
	// maxVorbisHeaders bounds the bytes of the three headers. Comment
	// headers carry tags and sometimes a cover picture; a few MB at most.
	maxVorbisHeaders = 16 << 20
	// maxCodebookCells bounds what all codebooks need together: entries
	// (each two tree cells) plus the vector values of the books with a
	// lookup table. libvorbis's books total well under a million.
	maxCodebookCells = 8 << 20
	// maxCodebookDimensions bounds one book's vector length; the residue
	// decoder allocates per packet in proportion to it. libvorbis's
	// books have at most 8.
	maxCodebookDimensions = 4096
)

// checkVorbisHeaders reads the first three packets of an Ogg stream and
// reports, as an error saying what is wrong, headers the decoder cannot be
// trusted with: missing, out of order, cut, or claiming sizes beyond what
// the file holds or what any recording needs. It reads at most the headers.
func checkVorbisHeaders(r io.Reader) error {
	_, err := vorbisHeaders(r)
	return err
}

// vorbisHeaders is checkVorbisHeaders, giving the stream's channels too
// (0 with an error).
func vorbisHeaders(r io.Reader) (channels int, err error) {
	packets, err := firstOggPackets(r, 3, maxVorbisHeaders)
	if err != nil {
		return 0, err
	}
	for i, p := range packets {
		want := byte(2*i + 1) // identification 1, comment 3, setup 5
		if len(p) < 7 || p[0] != want || string(p[1:7]) != "vorbis" {
			return 0, fmt.Errorf("its Vorbis header %d of 3 is missing", i+1)
		}
	}
	if err := checkIdentHeader(packets[0][7:]); err != nil {
		return 0, err
	}
	if err := checkCommentHeader(packets[1][7:]); err != nil {
		return 0, err
	}
	if err := checkSetupHeader(packets[2][7:]); err != nil {
		return 0, err
	}
	return int(packets[0][11]), nil
}

// errHeadersCut is the error for a file that ends within its headers; it is
// an io.ErrUnexpectedEOF, as the decoder's own error for it is.
var errHeadersCut error = headersCut{}

type headersCut struct{}

func (headersCut) Error() string { return "it ends before its Vorbis headers do" }
func (headersCut) Unwrap() error { return io.ErrUnexpectedEOF }

// firstOggPackets assembles the first n packets of an Ogg stream from its
// pages' lacing, as the Ogg reader the decoder uses does (a first page
// continuing a packet from before the file drops that piece), holding at
// most limit bytes.
func firstOggPackets(r io.Reader, n, limit int) ([][]byte, error) {
	var packets [][]byte
	var rest []byte // a packet continuing on the next page
	total := 0
	first := true
	var hdr [27]byte
	for len(packets) < n {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return nil, errHeadersCut
		}
		if string(hdr[:4]) != "OggS" {
			return nil, fmt.Errorf("its Vorbis headers are not in whole Ogg pages")
		}
		segs := make([]byte, hdr[26])
		if _, err := io.ReadFull(r, segs); err != nil {
			return nil, errHeadersCut
		}
		size := 0
		for _, s := range segs {
			size += int(s)
		}
		if total += size; total > limit {
			return nil, fmt.Errorf("its Vorbis headers take more than %d MB", limit>>20)
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, errHeadersCut
		}
		skip := first && hdr[5]&1 != 0 // continues a packet not in the file
		first = false
		at := 0
		for _, s := range segs {
			rest = append(rest, body[at:at+int(s)]...)
			at += int(s)
			if s < 255 {
				if skip {
					skip = false
				} else if len(packets) < n {
					packets = append(packets, rest)
				}
				rest = nil
			}
		}
	}
	return packets, nil
}

// maxVorbisChannels is the most channels a recording may have: Vorbis I
// lays out 1 to 8 (mono to 7.1), and decoding each packet costs in
// proportion to them, so a crafted header claiming 255 made every page of
// empty packets cost ~48 ms to decode.
const maxVorbisChannels = 8

// checkIdentHeader checks the identification header's fields after its
// "\x01vorbis" start.
func checkIdentHeader(h []byte) error {
	if len(h) < 23 {
		return errors.New("its Vorbis identification header is cut short")
	}
	channels, rate := h[4], binary.LittleEndian.Uint32(h[5:])
	small, large := h[21]&0x0f, h[21]>>4
	switch {
	case binary.LittleEndian.Uint32(h) != 0:
		return fmt.Errorf("it is Vorbis version %d, not 0", binary.LittleEndian.Uint32(h))
	case channels == 0 || rate == 0:
		return fmt.Errorf("its Vorbis header gives %d channels at %d Hz", channels, rate)
	case channels > maxVorbisChannels:
		return fmt.Errorf("its Vorbis header gives %d channels; a recording has at most %d", channels, maxVorbisChannels)
	case small < 6 || large > 13 || small > large:
		return fmt.Errorf("its Vorbis header gives block sizes %d and %d", 1<<small, 1<<large)
	case h[22]&1 == 0:
		return errors.New("its Vorbis identification header is damaged")
	}
	return nil
}

// checkCommentHeader checks that the comment header's vendor string and
// each comment fit in it, before the decoder allocates what they claim.
func checkCommentHeader(h []byte) error {
	damaged := errors.New("its Vorbis comment header claims more than it holds")
	take := func(n uint64) bool {
		if n > uint64(len(h)) {
			return false
		}
		h = h[n:]
		return true
	}
	if len(h) < 4 {
		return damaged
	}
	vendor := uint64(binary.LittleEndian.Uint32(h))
	if !take(4) || !take(vendor) || len(h) < 4 {
		return damaged
	}
	count := uint64(binary.LittleEndian.Uint32(h))
	if !take(4) || count > uint64(len(h))/4 {
		return damaged
	}
	for range count {
		if len(h) < 4 {
			return damaged
		}
		n := uint64(binary.LittleEndian.Uint32(h))
		if !take(4) || !take(n) {
			return damaged
		}
	}
	return nil
}

// checkSetupHeader walks the setup header's codebooks (Vorbis I spec
// 3.2.1), the one part whose sizes are large: each book's entries and
// dimensions, its code lengths (which must make a whole prefix code, as
// libvorbis requires; a book with no entry in use makes the decoder's
// lookups loop for ever) and its lookup table. The rest
// of the setup holds only small counts.
func checkSetupHeader(h []byte) error {
	b := &vorbisBits{data: h}
	books := int(b.read(8)) + 1
	cells := 0
	for i := range books {
		if err := checkCodebook(b, &cells); err != nil {
			return fmt.Errorf("its Vorbis codebook %d of %d %s", i+1, books, err)
		}
	}
	return nil
}

// checkCodebook reads one codebook and adds the cells it needs to *cells.
func checkCodebook(b *vorbisBits, cells *int) error {
	if b.read(24) != 0x564342 {
		return errors.New("is damaged")
	}
	dims, entries := int(b.read(16)), int(b.read(24))
	if b.eof {
		return errors.New("is cut short")
	}
	// libvorbis refuses the same: no entries, no dimensions, or more than
	// 2^24 values in the book.
	if entries == 0 || dims == 0 || bits.Len(uint(dims))+bits.Len(uint(entries)) > 24 || dims > maxCodebookDimensions {
		return fmt.Errorf("claims %d entries of %d dimensions", entries, dims)
	}
	if *cells += 2 * entries; *cells > maxCodebookCells {
		return errors.New("makes the codebooks larger than any recording needs")
	}
	// Code lengths; the Kraft sum of a whole prefix code is exactly 1
	// (in units of 2^-32), or the book has a single entry.
	var kraft uint64
	used := 0
	if b.read(1) == 0 { // not ordered
		sparse := b.read(1) == 1
		for range entries {
			if sparse && b.read(1) == 0 {
				continue
			}
			kraft += 1 << (32 - (b.read(5) + 1))
			used++
			if b.eof {
				return errors.New("is cut short")
			}
		}
	} else {
		length := b.read(5) + 1
		for at := 0; at < entries; length++ {
			if length > 32 || b.eof {
				return errors.New("is damaged")
			}
			num := int(b.read(uint(bits.Len(uint(entries - at)))))
			if num > entries-at {
				return errors.New("is damaged")
			}
			kraft += uint64(num) << (32 - length)
			used += num
			at += num
		}
	}
	if used > 1 && kraft != 1<<32 || used == 0 {
		return errors.New("has code lengths that make no whole code")
	}
	switch lookup := b.read(4); lookup {
	case 0:
	case 1, 2:
		b.read(32) // minimum value
		b.read(32) // delta value
		valueBits := int(b.read(4)) + 1
		b.read(1) // sequence
		values := entries * dims
		if lookup == 1 {
			values = int(math.Floor(math.Pow(float64(entries), 1/float64(dims))))
		}
		if *cells += entries * dims; *cells > maxCodebookCells {
			return errors.New("makes the codebooks larger than any recording needs")
		}
		if !b.skip(values * valueBits) {
			return errors.New("is cut short")
		}
	default:
		return fmt.Errorf("has lookup type %d", lookup)
	}
	if b.eof {
		return errors.New("is cut short")
	}
	return nil
}

// vorbisBits reads a Vorbis packet's bits, least significant first; past
// the end it gives zeros and sets eof.
type vorbisBits struct {
	data []byte
	pos  int // in bits
	eof  bool
}

// read returns the next n bits (n ≤ 32).
func (b *vorbisBits) read(n uint) uint32 {
	var v uint32
	for i := range n {
		if b.pos>>3 >= len(b.data) {
			b.eof = true
			return 0
		}
		v |= uint32(b.data[b.pos>>3]>>(b.pos&7)&1) << i
		b.pos++
	}
	return v
}

// skip passes n bits, reporting whether there were that many.
func (b *vorbisBits) skip(n int) bool {
	if n < 0 || n > len(b.data)*8-b.pos {
		b.eof = true
		return false
	}
	b.pos += n
	return true
}

// oggHeadersOK opens the Ogg file at p and checks its Vorbis headers
// (checkVorbisHeaders), for the readers that open it as a plain stream.
func oggHeadersOK(fsys fs.FS, p string) error {
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	return checkVorbisHeaders(f)
}
