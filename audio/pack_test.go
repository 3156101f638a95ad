package audio

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"trienlam/audio/captions"
)

// TestBuiltInNarration decodes every narration of the built-in pack and
// reads its captions: each cue is tied to a sentence (b<block>:<from>-<to>),
// the cues are in order without overlaps, and they fit in the recording.
func TestBuiltInNarration(t *testing.T) {
	const pack = "../assets/pack"
	fsys := os.DirFS(pack)
	oggs, _ := fs.Glob(fsys, "audio/*.ogg")
	if len(oggs) == 0 {
		t.Skip("no narration in " + pack + "/audio yet")
	}
	for _, ogg := range oggs {
		t.Run(path.Base(ogg), func(t *testing.T) {
			s, format, err := Decode(fsys, ogg)
			if err != nil {
				t.Fatal(err)
			}
			length := format.SampleRate.D(s.Len())
			s.Close()
			cues, err := captions.ReadFile(fsys, strings.TrimSuffix(ogg, ".ogg")+".vtt")
			if err != nil {
				t.Fatal(err)
			}
			if len(cues) == 0 {
				t.Fatal("no cues")
			}
			for i, c := range cues {
				if c.Block < 0 || c.To <= c.From {
					t.Errorf("cue %d: id %q is not b<block>:<from>-<to>", i, c.ID)
				}
				if i > 0 && c.Start < cues[i-1].End {
					t.Errorf("cue %d (%s) starts at %s, before cue %d ends at %s", i, c.ID, c.Start, i-1, cues[i-1].End)
				}
				if captions.CueAt(cues, c.Start) != i || captions.CueAt(cues, c.End-time.Millisecond) != i {
					t.Errorf("CueAt does not find cue %d (%s)", i, c.ID)
				}
			}
			if last := cues[len(cues)-1].End; last > length+50*time.Millisecond {
				t.Errorf("the last cue ends at %s, after the recording (%s)", last, length)
			}
			t.Logf("%s, %d cues", length.Round(time.Second), len(cues))
		})
	}
}
