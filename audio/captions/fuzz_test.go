package captions

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzParse reads arbitrary captions, as ParseVTT (the player) and
// Check (validate) do: never a panic. The seeds are the real
// captions and broken captions of the tests, and a UTF-16 one.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"../testdata/*.vtt", "../../internal/cli/testdata/damaged-audio/audio/*.vtt", "testdata/*.vtt"} {
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
		f, err := Parse(bytes.NewReader(b))
		cues := f.Cues
		if err == nil {
			for i := 1; i < len(cues); i++ {
				if cues[i].Start < cues[i-1].Start {
					t.Fatal("cues not sorted")
				}
			}
			CueAt(cues, time.Second)
		}
		Check(fstest.MapFS{"a.vtt": {Data: b}}, "a.vtt", 3*time.Second)
	})
}
