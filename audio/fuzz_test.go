package audio

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzParseVTT reads arbitrary captions, as ParseVTT (the player) and
// CheckCaptions (validate) do: never a panic. The seeds are the real
// captions and broken captions of the tests, and a UTF-16 one.
func FuzzParseVTT(f *testing.F) {
	for _, glob := range []string{"testdata/*.vtt", "../internal/cli/testdata/damaged-audio/audio/*.vtt"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("\xff\xfeW\x00E\x00B\x00V\x00T\x00T\x00"))
	f.Add([]byte("WEBVTT\n\nNOTE x\n\nb1:2-1\n99:99:99.999 --> 00:00.000\n&gt;&amp;<b>x</b>\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cues, err := ParseVTT(bytes.NewReader(b))
		if err == nil {
			for i := 1; i < len(cues); i++ {
				if cues[i].Start < cues[i-1].Start {
					t.Fatal("cues not sorted")
				}
			}
			CueAt(cues, time.Second)
		}
		CheckCaptions(fstest.MapFS{"a.vtt": {Data: b}}, "a.vtt", 3*time.Second)
	})
}

// FuzzCheckAudio decodes arbitrary bytes as each native format, as
// validate does: no decoder panic or hang may get out, and no allocation
// beyond what the file holds.
func FuzzCheckAudio(f *testing.F) {
	for _, name := range []string{"sine3s.ogg", "truncated.ogg", "corrupt.ogg", "tone10s.mp3"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b[:min(len(b), 16<<10)], uint8(0))
		}
	}
	f.Add(wavBytes(8000, constant(100, 0.5)), uint8(2))
	f.Fuzz(func(t *testing.T, b []byte, kind uint8) {
		name := []string{"a.ogg", "a.mp3", "a.wav", "a.flac"}[kind%4]
		Check(fstest.MapFS{name: {Data: b}}, name)
	})
}
