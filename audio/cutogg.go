package audio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/gopxl/beep/v2"
	"github.com/jfreymuth/oggvorbis"
)

// DecodeCut opens the part of a cut Ogg Vorbis file that decodes, for
// playing. An Ogg file cut off by an interrupted copy cannot be opened by
// Decode, as a Vorbis stream's length is read from its last page; the
// sound before the cut is still there, and a narration can play it and
// then stop cleanly.
//
// The file is decoded once, without sound, to find where its sound stops
// (about a second for ten minutes); then the stream decodes it again as it
// plays, holding only a page at a time. cut describes what is missing
// (*TruncatedError, the sound stopping at the stream's length); err is not
// nil when the file is not a cut Ogg Vorbis file with sound before the cut.
// The stream ends without an error at the cut.
func DecodeCut(fsys fs.FS, p string) (s beep.StreamSeekCloser, format beep.Format, cut *TruncatedError, err error) {
	if ext := extOf(p); ext != ".ogg" && ext != ".oga" {
		return nil, format, nil, errNotCutOgg
	}
	if !oggCutShort(fsys, p) || oggHeadersOK(fsys, p) != nil {
		return nil, format, nil, errNotCutOgg
	}
	n, rate, channels := oggDecodableSamples(fsys, p)
	if n <= 0 || rate <= 0 || channels <= 0 {
		return nil, format, nil, errNotCutOgg
	}
	c := &cutStream{fsys: fsys, path: p, length: n, channels: channels}
	if err := c.open(); err != nil {
		return nil, format, nil, errNotCutOgg
	}
	format = beep.Format{SampleRate: beep.SampleRate(rate), NumChannels: 2, Precision: 2}
	return c, format, &TruncatedError{At: format.SampleRate.D(n)}, nil
}

// errNotCutOgg is DecodeCut's error for a file it cannot help with.
var errNotCutOgg = errors.New("not a cut Ogg Vorbis file with sound before the cut")

// cutStream plays the first length samples of an Ogg Vorbis file read as a
// plain stream (the reader, given a Seeker, would look for the missing last
// page). Seeking back opens the file again; seeking on decodes up to the
// place, a fraction of a second for minutes of narration.
type cutStream struct {
	fsys     fs.FS
	path     string
	length   int // samples that decode
	channels int

	f   fs.File
	r   *oggvorbis.Reader
	pos int
	buf []float32
	err error
}

// open starts reading the file from its beginning.
func (c *cutStream) open() (err error) {
	if c.f != nil {
		c.f.Close()
	}
	c.f, c.r, c.pos = nil, nil, 0
	if err := oggHeadersOK(c.fsys, c.path); err != nil {
		return err
	}
	f, err := c.fsys.Open(c.path)
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("its start cannot be decoded")
		}
		if err != nil {
			f.Close()
		}
	}()
	r, err := oggvorbis.NewReader(wholePackets(f))
	if err != nil {
		return err
	}
	if r.Channels() != c.channels {
		return errors.New("the channels changed")
	}
	c.f, c.r = f, r
	return nil
}

// Stream decodes up to len(samples) samples, stereo (a mono recording on
// both sides), and ends at the cut.
func (c *cutStream) Stream(samples [][2]float64) (n int, ok bool) {
	if c.r == nil || c.err != nil {
		return 0, false
	}
	want := min(len(samples), c.length-c.pos)
	if want <= 0 {
		return 0, false
	}
	if cap(c.buf) < want*c.channels {
		c.buf = make([]float32, want*c.channels)
	}
	defer func() {
		if r := recover(); r != nil {
			// The reader may panic at the cut itself; before it, the
			// file is damaged.
			if c.pos < c.length {
				c.err = &DamagedError{At: time.Duration(float64(c.pos) / float64(c.r.SampleRate()) * float64(time.Second))}
			}
			c.r = nil
			ok = n > 0
		}
	}()
	for n < want {
		k, err := c.r.Read(c.buf[:(want-n)*c.channels])
		for i := 0; i+c.channels <= k; i += c.channels {
			l := float64(c.buf[i])
			r := l
			if c.channels > 1 {
				r = float64(c.buf[i+1])
			}
			samples[n] = [2]float64{l, r}
			n++
		}
		c.pos += k / c.channels
		if err != nil || k == 0 {
			// The cut: found where the first pass found it.
			if c.pos < c.length {
				c.err = &DamagedError{At: time.Duration(float64(c.pos) / float64(c.r.SampleRate()) * float64(time.Second))}
			}
			break
		}
	}
	return n, n > 0
}

// Err is nil at the cut, which is the stream's end; a decoding error before
// it (the file changed since it was opened) is a *DamagedError.
func (c *cutStream) Err() error { return c.err }

// Len is the number of samples before the cut.
func (c *cutStream) Len() int { return c.length }

// Position is the number of samples streamed.
func (c *cutStream) Position() int { return c.pos }

// Seek moves to sample n.
func (c *cutStream) Seek(n int) error {
	if n < 0 || n > c.length {
		return fmt.Errorf("seek to %d: out of range [0, %d]", n, c.length)
	}
	if n < c.pos || c.r == nil {
		if err := c.open(); err != nil {
			return err
		}
	}
	c.err = nil
	skip := make([][2]float64, 4096)
	for c.pos < n {
		if k, _ := c.Stream(skip[:min(len(skip), n-c.pos)]); k == 0 {
			return fmt.Errorf("seek to %d: the sound stops at %d", n, c.pos)
		}
	}
	return nil
}

// Close closes the file.
func (c *cutStream) Close() error {
	if c.f == nil {
		return nil
	}
	err := c.f.Close()
	c.f, c.r = nil, nil
	return err
}

// wholePackets reads an Ogg stream as it is up to where it is cut, and ends
// it there cleanly: the page the cut falls in is given with the packets it
// holds whole (its segment table shortened, its granule position "none"
// and its checksum made again), and nothing after. The Vorbis reader then
// decodes every whole packet and meets a clean end of file, where reading
// the cut page as it is would fail on the whole page. One page is held at
// a time.
func wholePackets(r io.Reader) io.Reader { return &repairReader{src: r} }

// repairReader is wholePackets' reader.
type repairReader struct {
	src  io.Reader
	out  []byte // what is left to give of the current page
	done bool
}

func (r *repairReader) Read(p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.done {
			return 0, io.EOF
		}
		r.nextPage()
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

// nextPage reads the next page into out, whole or repaired; done is set at
// the end of the stream or at the cut.
func (r *repairReader) nextPage() {
	hdr := make([]byte, 27, 27+255)
	if _, err := io.ReadFull(r.src, hdr); err != nil || string(hdr[:4]) != "OggS" {
		r.done = true
		return
	}
	segs := make([]byte, hdr[26])
	if _, err := io.ReadFull(r.src, segs); err != nil {
		r.done = true
		return
	}
	size := 0
	for _, s := range segs {
		size += int(s)
	}
	body := make([]byte, size)
	n, err := io.ReadFull(r.src, body)
	if err == nil {
		r.out = append(append(hdr, segs...), body...)
		return
	}
	// The cut: keep the packets that end within the bytes there are.
	r.done = true
	keep, bytes := 0, 0
	for i, sum := 0, 0; i < len(segs); i++ {
		sum += int(segs[i])
		if sum > n {
			break
		}
		if segs[i] < 255 {
			keep, bytes = i+1, sum
		}
	}
	if keep == 0 {
		return
	}
	hdr[26] = byte(keep)
	for i := 6; i < 14; i++ {
		hdr[i] = 0xff // granule position -1: no packet's end is timed here
	}
	hdr[5] &^= 4 // not the end of the stream: the file's end is
	page := append(append(hdr, segs[:keep]...), body[:bytes]...)
	page[22], page[23], page[24], page[25] = 0, 0, 0, 0
	crc := oggCRC(page)
	page[22], page[23], page[24], page[25] = byte(crc), byte(crc>>8), byte(crc>>16), byte(crc>>24)
	r.out = page
}

// oggCRCTable is the table of Ogg's CRC-32 (polynomial 0x04c11db7, not
// reflected).
var oggCRCTable = func() (t [256]uint32) {
	for i := range t {
		c := uint32(i) << 24
		for range 8 {
			if c&0x80000000 != 0 {
				c = c<<1 ^ 0x04c11db7
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return t
}()

// oggCRC is the checksum of an Ogg page whose checksum field is zero.
func oggCRC(page []byte) uint32 {
	var c uint32
	for _, b := range page {
		c = c<<8 ^ oggCRCTable[byte(c>>24)^b]
	}
	return c
}
