package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// go test ./audio -run TestTestdata -update regenerates the files in testdata/
// (the OGG and FLAC files need oggenc and flac, from vorbis-tools and flac).
var update = flag.Bool("update", false, "regenerate the audio files in testdata/")

// wavBytes returns a 16-bit PCM mono WAV file holding samples (each in -1..1).
func wavBytes(rate int, samples []float64) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	data := len(samples) * 2
	b.WriteString("RIFF")
	binary.Write(&b, le, uint32(36+data))
	b.WriteString("WAVEfmt ")
	binary.Write(&b, le, uint32(16))
	binary.Write(&b, le, uint16(1))      // PCM
	binary.Write(&b, le, uint16(1))      // mono
	binary.Write(&b, le, uint32(rate))   // sample rate
	binary.Write(&b, le, uint32(rate*2)) // byte rate
	binary.Write(&b, le, uint16(2))      // block align
	binary.Write(&b, le, uint16(16))     // bits per sample
	b.WriteString("data")
	binary.Write(&b, le, uint32(data))
	for _, s := range samples {
		binary.Write(&b, le, int16(math.Round(max(-1, min(1, s))*32767)))
	}
	return b.Bytes()
}

// sine returns seconds of a sine wave at freq Hz and amplitude amp.
func sine(rate int, seconds, freq, amp float64) []float64 {
	s := make([]float64, int(float64(rate)*seconds))
	for i := range s {
		s[i] = amp * math.Sin(2*math.Pi*freq*float64(i)/float64(rate))
	}
	return s
}

// constant returns n samples of value v.
func constant(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}

const testRate = 22050 // narration is mono 22.05 kHz

// testdataFile returns the path of testdata/name, making it when -update is
// set or it is missing. Files that need a missing encoder skip the test.
func testdataFile(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join("testdata", name)
	if _, err := os.Stat(p); err == nil && !*update {
		return p
	}
	if err := makeTestdata(t, name); err != nil {
		var skip errSkip
		if errors.As(err, &skip) {
			t.Skipf("testdata/%s is missing and cannot be made: %v", name, err)
		}
		t.Fatalf("making testdata/%s: %v", name, err)
	}
	return p
}

type errSkip struct{ error }

func makeTestdata(t testing.TB, name string) error {
	p := filepath.Join("testdata", name)
	encode := func(tool string, args ...string) error {
		if _, err := exec.LookPath(tool); err != nil {
			return errSkip{err}
		}
		out, err := exec.Command(tool, args...).CombinedOutput()
		if err != nil {
			return errors.New(tool + ": " + err.Error() + ": " + string(out))
		}
		return nil
	}
	tempWAV := func(seconds float64) string {
		w := filepath.Join(t.TempDir(), "in.wav")
		if err := os.WriteFile(w, wavBytes(testRate, sine(testRate, seconds, 440, 0.5)), 0o644); err != nil {
			t.Fatal(err)
		}
		return w
	}
	switch name {
	case "sine3s.wav": // 3 s, 440 Hz, amplitude 0.5, mono 22 050 Hz
		return os.WriteFile(p, wavBytes(testRate, sine(testRate, 3, 440, 0.5)), 0o644)
	case "sine3s.ogg": // the same, as narration is encoded (oggenc -q 0)
		return encode("oggenc", "-Q", "-q", "0", "-o", p, tempWAV(3))
	case "tone10s.ogg": // 10 s for the CPU benchmarks
		return encode("oggenc", "-Q", "-q", "0", "-o", p, tempWAV(10))
	case "tone10s.mp3": // 10 s with a LAME Info header, as MP3 encoders write
		return encode("ffmpeg", "-y", "-hide_banner", "-loglevel", "error", "-i", tempWAV(10), "-c:a", "libmp3lame", "-b:a", "16k", p)
	case "surround51.ogg": // 1 s of it in six channels (5.1) at 44 100 Hz, which the decoder fails on
		return encode("ffmpeg", "-y", "-hide_banner", "-loglevel", "error", "-i", tempWAV(1), "-ar", "44100", "-ac", "6", "-c:a", "libvorbis", "-q:a", "3", p)
	case "sine3s.flac":
		return encode("flac", "-s", "-f", "-o", p, tempWAV(3))
	case "truncated.ogg": // the first 40 % of sine3s.ogg
		data, err := os.ReadFile(testdataFile(t, "sine3s.ogg"))
		if err != nil {
			return err
		}
		return os.WriteFile(p, data[:len(data)*4/10], 0o644)
	case "corrupt.ogg": // random bytes with an .ogg name
		r := rand.New(rand.NewPCG(1, 2))
		data := make([]byte, 4096)
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		return os.WriteFile(p, data, 0o644)
	}
	return fs.ErrNotExist
}

// TestTestdata checks that every test file is there (run with -update to
// make them again).
func TestTestdata(t *testing.T) {
	for _, name := range []string{"sine3s.wav", "sine3s.ogg", "tone10s.ogg", "tone10s.mp3", "sine3s.flac", "truncated.ogg", "corrupt.ogg", "surround51.ogg"} {
		t.Run(name, func(t *testing.T) {
			p := testdataFile(t, name)
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Size() > 200<<10 {
				t.Errorf("%s is %d bytes: keep test files small", p, fi.Size())
			}
		})
	}
}
