package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// oggPage lays out one Ogg page holding whole packets.
func oggPage(flags byte, granule uint64, seq uint32, packets ...[]byte) []byte {
	var segs, body []byte
	for _, p := range packets {
		n := len(p)
		for ; n >= 255; n -= 255 {
			segs = append(segs, 255)
		}
		segs = append(segs, byte(n))
		body = append(body, p...)
	}
	page := []byte("OggS\x00")
	page = append(page, flags)
	page = binary.LittleEndian.AppendUint64(page, granule)
	page = binary.LittleEndian.AppendUint32(page, 0x1234)
	page = binary.LittleEndian.AppendUint32(page, seq)
	page = append(page, 0, 0, 0, 0, byte(len(segs)))
	page = append(append(page, segs...), body...)
	binary.LittleEndian.PutUint32(page[22:], oggCRC(page))
	return page
}

// rebuiltOgg returns sine3s.ogg with its three headers replaced by what
// change makes of them (the Vorbis packets, each from its type byte on),
// and its sound pages as they were.
func rebuiltOgg(t *testing.T, change func(ident, comment, setup []byte) (a, b, c []byte)) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/sine3s.ogg")
	if err != nil {
		t.Fatal(err)
	}
	packets, err := firstOggPackets(bytes.NewReader(b), 3, maxVorbisHeaders)
	if err != nil {
		t.Fatal(err)
	}
	// The sound starts at the first page with a granule position.
	at := 0
	for binary.LittleEndian.Uint64(b[at+6:]) == 0 {
		size := 27 + int(b[at+26])
		for _, s := range b[at+27 : at+27+int(b[at+26])] {
			size += int(s)
		}
		at += size
	}
	clone := func(p []byte) []byte { return append([]byte(nil), p...) }
	ident, comment, setup := change(clone(packets[0]), clone(packets[1]), clone(packets[2]))
	out := oggPage(2, 0, 0, ident)
	out = append(out, oggPage(0, 0, 1, comment, setup)...)
	// The sound pages keep their sequence numbers: the header pages
	// were two in sine3s.ogg as here.
	return append(out, b[at:]...)
}

func TestRebuiltOggStillPlays(t *testing.T) {
	same := rebuiltOgg(t, func(a, b, c []byte) ([]byte, []byte, []byte) { return a, b, c })
	d, err := Check(fstest.MapFS{"a.ogg": {Data: same}}, "a.ogg")
	if err != nil || d < 2900e6 || d > 3100e6 {
		t.Fatalf("the unchanged headers: %v, %v", d, err)
	}
}

// Headers that claim sizes the decoder would allocate whole are refused
// before it sees them. Each of these crashed the whole program (out of
// memory) or hung it before checkVorbisHeaders.
func TestVorbisHeadersClaimingTooMuch(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(ident, comment, setup []byte) ([]byte, []byte, []byte)
		want   string
	}{
		{"four thousand million comments", func(a, b, c []byte) ([]byte, []byte, []byte) {
			vendor := binary.LittleEndian.Uint32(b[7:])
			binary.LittleEndian.PutUint32(b[11+vendor:], 0xffffffff)
			return a, b, c
		}, "comment header claims more than it holds"},
		{"a vendor longer than the header", func(a, b, c []byte) ([]byte, []byte, []byte) {
			binary.LittleEndian.PutUint32(b[7:], 1<<30)
			return a, b, c
		}, "comment header claims more than it holds"},
		{"a codebook of 65,535 dimensions", func(a, b, c []byte) ([]byte, []byte, []byte) {
			c[11], c[12] = 0xff, 0xff // after type, "vorbis", count and "BCV"
			return a, b, c
		}, "codebook 1 of"},
		{"a codebook with no entries", func(a, b, c []byte) ([]byte, []byte, []byte) {
			c[13], c[14], c[15] = 0, 0, 0
			return a, b, c
		}, "claims 0 entries"},
		{"a setup header cut in half", func(a, b, c []byte) ([]byte, []byte, []byte) {
			return a, b, c[:len(c)/2]
		}, "is cut short"},
		{"block sizes of 32 K", func(a, b, c []byte) ([]byte, []byte, []byte) {
			a[28] = 0xff
			return a, b, c
		}, "block sizes"},
		{"255 channels", func(a, b, c []byte) ([]byte, []byte, []byte) {
			a[11] = 255 // after type, "vorbis" and version
			return a, b, c
		}, "255 channels; a recording has at most 8"},
		{"the setup before the comments", func(a, b, c []byte) ([]byte, []byte, []byte) {
			return a, c, b
		}, "header 2 of 3 is missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"audio/a.ogg": {Data: rebuiltOgg(t, tc.change)}}
			if _, _, err := Decode(fsys, "audio/a.ogg"); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "audio/a.ogg: damaged") {
				t.Errorf("Decode: %v, want the file named as damaged and %q", err, tc.want)
			}
			if _, err := Check(fsys, "audio/a.ogg"); err == nil {
				t.Error("Check: no error")
			}
			if _, _, _, err := DecodeCut(fsys, "audio/a.ogg"); err == nil {
				t.Error("DecodeCut: no error")
			}
		})
	}
}

// A file cut within its headers is an unexpected end of file, as the
// decoder says; cut before its sound, it has no sound to play either.
func TestVorbisHeadersCut(t *testing.T) {
	b, err := os.ReadFile("testdata/sine3s.ogg")
	if err != nil {
		t.Fatal(err)
	}
	err = checkVorbisHeaders(bytes.NewReader(b[:3000]))
	if err == nil || !errors.Is(err, errHeadersCut) {
		t.Fatalf("cut at 3,000 bytes: %v", err)
	}
	// Check calls it what it is: cut off, by an interrupted copy.
	_, err = Check(fstest.MapFS{"a.ogg": {Data: b[:3000]}}, "a.ogg")
	var cut *TruncatedError
	if !errors.As(err, &cut) || cut.At != 0 {
		t.Errorf("Check of the file cut within its headers: %v, want truncated at 0:00", err)
	}
	for _, name := range []string{"sine3s.ogg", "tone10s.ogg"} {
		f, err := os.Open("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkVorbisHeaders(f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		f.Close()
	}
}

// A 5.1 recording is sound the decoder cannot decode: it is said to be
// unsupported, with what to do, not damaged.
func TestSurroundOggIsUnsupportedNotDamaged(t *testing.T) {
	fsys := os.DirFS("testdata")
	for name, err := range map[string]error{
		"Decode": func() error { _, _, err := Decode(fsys, "surround51.ogg"); return err }(),
		"Check":  func() error { _, err := Check(fsys, "surround51.ogg"); return err }(),
	} {
		var su *SurroundError
		if !errors.As(err, &su) || su.Channels != 6 || !errors.Is(err, ErrUnsupported) || !strings.HasPrefix(err.Error(), "surround51.ogg: ") {
			t.Errorf("%s: %v, want the file named and 6 channels unsupported", name, err)
		}
		if p := Problem("audio/surround51.ogg", err); p.Kind != "recording-surround" || !strings.Contains(p.Message, "mono or stereo") {
			t.Errorf("%s: problem %q %q", name, p.Kind, p.Message)
		}
	}
}
