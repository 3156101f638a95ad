package audio

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

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
