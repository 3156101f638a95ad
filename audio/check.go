package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/jfreymuth/oggvorbis"

	"trienlam/internal/exhibit"
)

// extOf is the lower-case extension of p.
func extOf(p string) string { return strings.ToLower(path.Ext(p)) }

// ErrUnsupported is wrapped by Decode and Check for an audio file that is
// sound, but coded in a way this player does not decode (a WAV with ADPCM
// or floating-point samples): not damaged, only unsupported.
var ErrUnsupported = errors.New("unsupported audio coding")

// UnsupportedError names the coding of an unsupported file.
type UnsupportedError struct {
	Format string // "WAV"
	Coding string // "IMA ADPCM", "32-bit floating point", …
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("%s with %s coding is not supported, only plain PCM: save it again as 16-bit PCM WAV or as OGG (in Audacity: File → Export)", e.Format, e.Coding)
}

// Unwrap makes errors.Is(err, ErrUnsupported) true.
func (e *UnsupportedError) Unwrap() error { return ErrUnsupported }

// SurroundError is the error of an Ogg Vorbis recording in 5.1 surround
// (six channels), which the decoder cannot decode: the file is sound, and
// a mix to mono or stereo plays.
type SurroundError struct {
	Channels int
}

func (e *SurroundError) Error() string {
	return fmt.Sprintf("an Ogg Vorbis recording with %d channels (5.1 surround) cannot be played: export it again as mono or stereo", e.Channels)
}

// Unwrap makes errors.Is(err, ErrUnsupported) true.
func (e *SurroundError) Unwrap() error { return ErrUnsupported }

// TruncatedError is the error of a recording that ends before the length
// its headers give: the file was cut off, typically by an interrupted copy.
type TruncatedError struct {
	At, Of time.Duration // where the sound stops, and the length claimed; Of is 0 when unknown
}

func (e *TruncatedError) Error() string {
	if e.Of <= 0 {
		return fmt.Sprintf("truncated: the sound stops at %s, and the end of the file is missing (the file was cut off; copy it again)", mss(e.At))
	}
	return fmt.Sprintf("truncated: the sound stops at %s of %s (the file was cut off; copy it again)", mss(e.At), mss(e.Of))
}

// DamagedError is the error of a recording whose sound cannot be decoded
// past a point. The decoder's own words stay out of the message: they mean
// nothing to the staff who read it.
type DamagedError struct {
	At time.Duration
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("damaged: the sound cannot be played past %s; export or copy the recording again", mss(e.At))
}

// Problem words err, an error of Check or Decode about the recording file,
// as a problem of the pack in both of the app's languages (a kind of
// exhibit.ProblemKinds): truncated, damaged, unsupported, not of its
// format, empty, or, for anything else, unreadable with the error as a
// technical detail.
func Problem(file string, err error) exhibit.Problem {
	var (
		tr *TruncatedError
		dm *DamagedError
		un *UnsupportedError
		su *SurroundError
		fe *FormatError
	)
	detail := strings.TrimPrefix(err.Error(), file+": ")
	kind, args := "recording-unreadable", map[string]string{"error": detail}
	switch {
	case errors.As(err, &tr) && tr.Of > 0:
		kind, args = "recording-truncated", map[string]string{"at": mss(tr.At), "of": mss(tr.Of)}
	case errors.As(err, &tr):
		kind, args = "recording-truncated-end", map[string]string{"at": mss(tr.At)}
	case errors.As(err, &dm):
		kind, args = "recording-damaged", map[string]string{"at": mss(dm.At)}
	case errors.As(err, &su):
		kind, args = "recording-surround", map[string]string{"channels": strconv.Itoa(su.Channels)}
	case errors.As(err, &un):
		kind, args = "recording-unsupported", map[string]string{"format": un.Format, "coding": un.Coding}
	case errors.As(err, &fe):
		a, _, _ := strings.Cut(article(fe.Format), " ")
		kind, args = "recording-damaged-start", map[string]string{"format": fe.Format, "a": a, "error": fe.Err.Error()}
		if fe.Wrong {
			kind = "recording-not-format"
		}
	case errors.Is(err, ErrEmpty):
		kind, args = "recording-empty", map[string]string{}
	case errors.Is(err, ErrNeedsMediaHelper):
		kind, args = "recording-needs-helper", map[string]string{}
	case errors.Is(err, fs.ErrNotExist):
		kind, args = "file-not-found", map[string]string{}
	}
	args["file"] = file
	return exhibit.NewProblem(file, 0, kind, args)
}

// mss formats d as m:ss, rounded to the second.
func mss(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Check decodes the whole audio file at p, as playing it would but without
// sound, and returns its length. It finds what opening alone cannot: a
// recording cut off part way (compared with the length the MP3 Xing/Info
// or VBRI header, the WAV data size or the last Ogg page claims, and with
// an Ogg stream that never reaches its last page), sound that stops
// decoding part way, and a decoder that crashes (recovered). Errors name
// the file and wrap *TruncatedError, *DamagedError, *UnsupportedError or
// ErrNeedsMediaHelper.
func Check(fsys fs.FS, p string) (time.Duration, error) {
	s, format, err := Decode(fsys, p)
	if err != nil {
		// A cut Ogg file cannot even be opened for playing, as its length
		// is read from its last page; decode what there is instead. One
		// cut within its headers is as cut, with no sound before the cut.
		if !errors.Is(err, ErrUnsupported) && oggCutShort(fsys, p) && oggHeadersWholeOrCut(fsys, p) {
			at := oggDecodable(fsys, p)
			return at, fmt.Errorf("%s: %w", p, &TruncatedError{At: at})
		}
		return 0, err
	}
	defer s.Close()
	claimed := s.Len()
	if c, ok := claimedSamples(fsys, p, format.SampleRate); ok {
		claimed = c
	}
	buf := make([][2]float64, 8192)
	n := 0
	err = func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("decoder crashed: %v", r)
			}
		}()
		for {
			k, ok := s.Stream(buf)
			n += k
			if !ok {
				return s.Err()
			}
			if k == 0 {
				// beep's WAV decoder reports ok with no samples at the
				// end of a cut data chunk, for ever.
				return nil
			}
		}
	}()
	at := format.SampleRate.D(n)
	of := format.SampleRate.D(claimed)
	// A tenth of a second (or a frame or two of padding) is rounding.
	short := claimed-n > int(format.SampleRate)/10
	switch {
	case err != nil && short:
		return at, fmt.Errorf("%s: %w", p, &TruncatedError{At: at, Of: of})
	case err != nil && oggCutShort(fsys, p):
		return at, fmt.Errorf("%s: %w", p, &TruncatedError{At: at})
	case err != nil:
		return at, fmt.Errorf("%s: %w", p, &DamagedError{At: at})
	case short:
		return at, fmt.Errorf("%s: %w", p, &TruncatedError{At: at, Of: of})
	case oggCutShort(fsys, p):
		return at, fmt.Errorf("%s: %w", p, &TruncatedError{At: at})
	}
	return at, nil
}

// claimedSamples returns the length an MP3's Xing/Info or VBRI header
// claims, in samples at rate. beep measures an MP3 by its frames, so a cut
// MP3 would otherwise look whole.
func claimedSamples(fsys fs.FS, p string, rate interface{ N(time.Duration) int }) (int, bool) {
	if ext := extOf(p); ext != ".mp3" {
		return 0, false
	}
	f, err := fsys.Open(p)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	frames, spf, sr, ok := mp3Header(f)
	if !ok || sr <= 0 {
		return 0, false
	}
	d := time.Duration(float64(frames) * float64(spf) / float64(sr) * float64(time.Second))
	return rate.N(d), true
}

// mp3Header reads the first MPEG frame after any ID3v2 tag and returns the
// frame count its Xing/Info or VBRI header claims, the samples per frame
// and the sample rate.
func mp3Header(r io.Reader) (frames, samplesPerFrame, rate int, ok bool) {
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	pos := 0
	if n >= 10 && string(head[:3]) == "ID3" {
		size := int(head[6]&0x7f)<<21 | int(head[7]&0x7f)<<14 | int(head[8]&0x7f)<<7 | int(head[9]&0x7f)
		pos = 10 + size
		if head[5]&0x10 != 0 {
			pos += 10 // footer
		}
	}
	for ; pos+4 <= len(head); pos++ {
		if head[pos] == 0xff && head[pos+1]&0xe0 == 0xe0 {
			break
		}
	}
	if pos+4 > len(head) {
		return 0, 0, 0, false
	}
	h := head[pos:]
	version := (h[1] >> 3) & 3 // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
	layer := (h[1] >> 1) & 3   // 1 = Layer III
	rateIdx := (h[2] >> 2) & 3
	mono := h[3]>>6 == 3
	if layer != 1 || version == 1 || rateIdx == 3 {
		return 0, 0, 0, false
	}
	rate = []int{44100, 48000, 32000}[rateIdx]
	samplesPerFrame = 1152
	side := 32
	if mono {
		side = 17
	}
	switch version {
	case 2:
		rate /= 2
	case 0:
		rate /= 4
	}
	if version != 3 {
		samplesPerFrame = 576
		side = 17
		if mono {
			side = 9
		}
	}
	if x := 4 + side; len(h) >= x+12 && (string(h[x:x+4]) == "Xing" || string(h[x:x+4]) == "Info") {
		flags := binary.BigEndian.Uint32(h[x+4:])
		if flags&1 == 0 {
			return 0, 0, 0, false
		}
		return int(binary.BigEndian.Uint32(h[x+8:])), samplesPerFrame, rate, true
	}
	if x := 4 + 32; len(h) >= x+18 && string(h[x:x+4]) == "VBRI" {
		return int(binary.BigEndian.Uint32(h[x+14:])), samplesPerFrame, rate, true
	}
	return 0, 0, 0, false
}

// oggCutShort reports whether an Ogg file ends without its end-of-stream
// page: the last page lacks the flag, or is itself cut part way.
func oggCutShort(fsys fs.FS, p string) bool {
	if ext := extOf(p); ext != ".ogg" && ext != ".oga" {
		return false
	}
	f, err := fsys.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	var hdr [27]byte
	eos := false
	for {
		if _, err := io.ReadFull(f, hdr[:]); err != nil {
			// A clean end comes right after a whole page.
			return !(errors.Is(err, io.EOF) && eos)
		}
		if string(hdr[:4]) != "OggS" {
			return true
		}
		eos = hdr[5]&4 != 0
		segs := make([]byte, hdr[26])
		if _, err := io.ReadFull(f, segs); err != nil {
			return true
		}
		body := 0
		for _, s := range segs {
			body += int(s)
		}
		if k, err := io.CopyN(io.Discard, f, int64(body)); err != nil || k != int64(body) {
			return true
		}
	}
}

// oggHeadersWholeOrCut reports whether the Ogg file's Vorbis headers are
// whole and sound, or the file ends within them: what a cut file has.
func oggHeadersWholeOrCut(fsys fs.FS, p string) bool {
	err := oggHeadersOK(fsys, p)
	return err == nil || errors.Is(err, errHeadersCut)
}

// oggDecodable decodes an Ogg Vorbis file as a stream, without seeking to
// its end, and returns how much sound comes out before the first error.
func oggDecodable(fsys fs.FS, p string) time.Duration {
	n, rate, _ := oggDecodableSamples(fsys, p)
	if rate <= 0 {
		return 0
	}
	return time.Duration(float64(n) / float64(rate) * float64(time.Second))
}

// oggDecodableSamples is oggDecodable in samples, with the stream's sample
// rate and channels (0 when it does not start).
func oggDecodableSamples(fsys fs.FS, p string) (n, rate, channels int) {
	if oggHeadersOK(fsys, p) != nil {
		return 0, 0, 0
	}
	f, err := fsys.Open(p)
	if err != nil {
		return 0, 0, 0
	}
	defer f.Close()
	// A reader cut part way through a page may panic there (index out
	// of range): the sound before it counts.
	defer func() { recover() }()
	// Through a plain io.Reader: given a Seeker, the reader looks for the
	// last page first, and fails just as playing did. The page the cut
	// falls in gives its whole packets (wholePackets), as when playing a
	// cut file (DecodeCut).
	r, err := oggvorbis.NewReader(wholePackets(f))
	if err != nil || r.SampleRate() <= 0 || r.Channels() <= 0 {
		return 0, 0, 0
	}
	rate, channels = r.SampleRate(), r.Channels()
	buf := make([]float32, 8192*channels)
	for {
		k, err := r.Read(buf)
		n += k / channels
		if err != nil || k == 0 {
			return n, rate, channels
		}
	}
}

// checkWAV walks the chunks of a WAV file before beep reads it: a format
// other than PCM is unsupported (named), and a chunk claiming more bytes
// than the file holds is damage that beep would try to allocate whole.
// The data chunk may be short: that is a cut recording, found by Check.
func checkWAV(r io.ReadSeeker) error {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	defer r.Seek(0, io.SeekStart)
	if _, err := r.Seek(12, io.SeekStart); err != nil {
		return err
	}
	pos := int64(12)
	var hdr [8]byte
	for {
		if _, err := io.ReadFull(r, hdr[:]); err != nil {
			return nil // beep says what is missing
		}
		id, n := string(hdr[:4]), int64(binary.LittleEndian.Uint32(hdr[4:]))
		pos += 8
		if id == "data" {
			return nil
		}
		if n > size-pos {
			return fmt.Errorf("its %q part claims %d bytes, more than the file holds", id, n)
		}
		if id == "fmt " && n >= 2 {
			body := make([]byte, min(n, 40))
			if _, err := io.ReadFull(r, body); err != nil {
				return nil
			}
			tag := binary.LittleEndian.Uint16(body)
			if tag == 0xfffe && len(body) >= 26 { // WAVE_FORMAT_EXTENSIBLE: the sub-format
				tag = binary.LittleEndian.Uint16(body[24:])
			}
			if tag != 1 {
				return &UnsupportedError{Format: "WAV", Coding: wavCoding(tag)}
			}
			if _, err := r.Seek(pos+n+n%2, io.SeekStart); err != nil {
				return err
			}
		} else if _, err := r.Seek(n+n%2, io.SeekCurrent); err != nil {
			return err
		}
		pos += n + n%2
	}
}

// wavCoding names a WAV format tag.
func wavCoding(tag uint16) string {
	switch tag {
	case 2:
		return "Microsoft ADPCM"
	case 3:
		return "32-bit floating point"
	case 6:
		return "A-law"
	case 7:
		return "µ-law"
	case 0x11:
		return "IMA ADPCM"
	case 0x31:
		return "GSM"
	case 0x55:
		return "MP3"
	}
	return fmt.Sprintf("format %#04x", tag)
}
