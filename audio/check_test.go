package audio

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// cutFS serves testdata/name cut to its first frac of bytes, as an
// interrupted copy leaves it.
func cutFS(t *testing.T, name string, num, den int) fstest.MapFS {
	t.Helper()
	data, err := os.ReadFile(testdataFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{name: {Data: data[:len(data)*num/den]}}
}

// TestCheckWhole checks that whole recordings pass, with their length.
func TestCheckWhole(t *testing.T) {
	for name, want := range map[string]time.Duration{"tone10s.mp3": 10 * time.Second, "tone10s.ogg": 10 * time.Second, "sine3s.wav": 3 * time.Second, "sine3s.flac": 3 * time.Second} {
		testdataFile(t, name)
		d, err := Check(os.DirFS("testdata"), name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if d.Round(time.Second) != want {
			t.Errorf("%s: length %s, want %s", name, d, want)
		}
	}
}

// TestCheckTruncated cuts real recordings part way: each is reported as
// truncated with where the sound stops and the length it should have,
// never with a decoder's crash text.
func TestCheckTruncated(t *testing.T) {
	for _, tt := range []struct {
		name     string
		num, den int
		want     string
	}{
		{"tone10s.mp3", 1, 2, "tone10s.mp3: truncated: the sound stops at 0:05 of 0:10"},
		{"tone10s.mp3", 9, 10, "tone10s.mp3: truncated: the sound stops at 0:09 of 0:10"},
		{"tone10s.ogg", 1, 2, "tone10s.ogg: truncated: the sound stops at"},
		{"tone10s.ogg", 3, 4, "tone10s.ogg: truncated: the sound stops at"},
		{"sine3s.wav", 1, 2, "sine3s.wav: truncated: the sound stops at 0:01 of 0:03"},
	} {
		_, err := Check(cutFS(t, tt.name, tt.num, tt.den), tt.name)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s cut to %d/%d: %v, want %q…", tt.name, tt.num, tt.den, err, tt.want)
			continue
		}
		var tr *TruncatedError
		if !errors.As(err, &tr) {
			t.Errorf("%s: %v is not a TruncatedError", tt.name, err)
		}
	}
}

// TestCheckOggEveryCut cuts an OGG at many places: every cut is reported,
// and no message carries a Go runtime error.
func TestCheckOggEveryCut(t *testing.T) {
	data, err := os.ReadFile(testdataFile(t, "tone10s.ogg"))
	if err != nil {
		t.Fatal(err)
	}
	for cut := 200; cut < len(data); cut += 331 {
		_, err := Check(fstest.MapFS{"a.ogg": {Data: data[:cut]}}, "a.ogg")
		if err == nil {
			t.Errorf("cut at %d of %d bytes: no problem found", cut, len(data))
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "runtime") || strings.Contains(msg, "index out of range") || strings.Contains(msg, "crash") {
			t.Errorf("cut at %d: %s", cut, msg)
		}
	}
}

// wavWithTag is a WAV header with the given format tag and some data.
func wavWithTag(tag uint16, bits uint16) []byte {
	b := wavBytes(8000, constant(800, 0.1))
	binary.LittleEndian.PutUint16(b[20:], tag)
	binary.LittleEndian.PutUint16(b[34:], bits)
	return b
}

// TestCheckUnsupportedWAV checks that ADPCM and float WAVs are called
// unsupported, naming the coding, not damaged.
func TestCheckUnsupportedWAV(t *testing.T) {
	for name, data := range map[string][]byte{
		"adpcm.wav":   wavWithTag(0x11, 4),
		"float.wav":   wavWithTag(3, 32),
		"msadpcm.wav": wavWithTag(2, 4),
	} {
		_, err := Check(fstest.MapFS{name: {Data: data}}, name)
		if !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: %v, want ErrUnsupported", name, err)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "damaged") || !strings.Contains(msg, "not supported") {
			t.Errorf("%s: %s", name, msg)
		}
	}
}

// TestCheckHugeWAVChunk gives a WAV a chunk claiming 4 GB: refused as
// damaged, without the decoder allocating it.
func TestCheckHugeWAVChunk(t *testing.T) {
	b := wavBytes(8000, constant(800, 0.1))
	// Insert a LIST chunk claiming 0xfffffff0 bytes before "fmt ".
	huge := append([]byte{}, b[:12]...)
	huge = append(huge, 'L', 'I', 'S', 'T', 0xf0, 0xff, 0xff, 0xff)
	huge = append(huge, b[12:]...)
	_, err := Check(fstest.MapFS{"a.wav": {Data: huge}}, "a.wav")
	if err == nil || !strings.Contains(err.Error(), "more than the file holds") {
		t.Errorf("got %v", err)
	}
}
