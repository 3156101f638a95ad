package speech_test

import (
	"bytes"
	"io/fs"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gopxl/beep/v2/vorbis"

	"trienlam/assets"
	"trienlam/audio/captions"
	"trienlam/internal/exhibit"
)

// regenerate is the advice when the narration no longer fits the text.
const regenerate = "(the chapter text changed? run `make narration` and commit assets/pack)"

// TestBuiltinNarration checks the committed narration of the built-in pack:
// every chapter has a recording and captions; every cue names a sentence of
// its chapter, by block and byte range, and holds that sentence's text;
// every sentence has its cue, in order; cues follow each other without
// overlapping; the recording is mono 22.05 kHz, as long as its captions and
// not silent; and the pack credits the synthetic voice.
func TestBuiltinNarration(t *testing.T) {
	p, problems, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range problems {
		t.Errorf("built-in pack problem: %s", pr)
	}
	credited := false
	for _, c := range p.Credits {
		credited = credited || (c.Role == "Giọng đọc tổng hợp (espeak-ng)" && strings.Contains(c.Name, "tổng hợp"))
	}
	if !credited {
		t.Errorf("the pack's credits do not name the synthetic voice: %+v", p.Credits)
	}
	var total time.Duration
	for _, ch := range p.Chapters {
		if ch.Narration == "" || ch.Captions == "" {
			t.Errorf("chapter %s: no narration or captions", ch.ID)
			continue
		}
		cues := checkCaptions(t, p, ch)
		if len(cues) == 0 {
			continue
		}
		d := checkRecording(t, p, ch, cues)
		total += d
		t.Logf("%-16s %3d cues  %v", ch.ID, len(cues), d.Round(100*time.Millisecond))
	}
	t.Logf("total %v", total.Round(time.Second))
}

// checkCaptions checks a chapter's captions against its text and returns
// the cues.
func checkCaptions(t *testing.T, p *exhibit.Pack, ch *exhibit.Chapter) []captions.Cue {
	t.Helper()
	data, err := fs.ReadFile(p.FS, ch.Captions)
	if err != nil {
		t.Errorf("chapter %s: %v", ch.ID, err)
		return nil
	}
	f, err := captions.Parse(bytes.NewReader(data))
	cues := f.Cues
	if err != nil {
		t.Errorf("%s: %v", ch.Captions, err)
		return nil
	}
	// The sentences narrated: all but those with nothing to say and those
	// of the masthead, which is shown, not read.
	var want []string
	for _, s := range captions.ChapterSentences(ch) {
		want = append(want, s.ID())
	}
	var got []string
	for i, c := range cues {
		got = append(got, c.ID)
		b, s, e, ok := captions.ParseCueID(c.ID)
		switch {
		case !ok:
			t.Errorf("%s: cue %d has identifier %q, want b<block>:<start>-<end>", ch.Captions, i+1, c.ID)
		case b >= len(ch.Blocks) || e > len(ch.Blocks[b].Text()):
			t.Errorf("%s: cue %s is outside the chapter %s", ch.Captions, c.ID, regenerate)
		case ch.Blocks[b].Text()[s:e] != c.Text:
			t.Errorf("%s: cue %s reads %q, but the chapter has %q there %s", ch.Captions, c.ID, c.Text, ch.Blocks[b].Text()[s:e], regenerate)
		}
		if c.Start >= c.End {
			t.Errorf("%s: cue %s is empty or reversed: %v --> %v", ch.Captions, c.ID, c.Start, c.End)
		}
		if i == 0 && c.Start <= 0 {
			t.Errorf("%s: the first cue starts at %v, want after the lead-in", ch.Captions, c.Start)
		}
		if i > 0 && c.Start != cues[i-1].End {
			t.Errorf("%s: cue %s starts at %v, the previous one ends at %v (cues must follow each other)", ch.Captions, c.ID, c.Start, cues[i-1].End)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s: cues\n%v\nwant one per sentence:\n%v\n%s", ch.Captions, got, want, regenerate)
	}
	return cues
}

// checkRecording checks a chapter's recording against its cues and returns
// its length.
func checkRecording(t *testing.T, p *exhibit.Pack, ch *exhibit.Chapter, cues []captions.Cue) time.Duration {
	t.Helper()
	f, err := p.FS.Open(ch.Narration)
	if err != nil {
		t.Errorf("chapter %s: %v", ch.ID, err)
		return 0
	}
	s, format, err := vorbis.Decode(f)
	if err != nil {
		t.Errorf("%s: %v", ch.Narration, err)
		return 0
	}
	defer s.Close()
	if format.SampleRate != 22050 || format.NumChannels != 1 {
		t.Errorf("%s: %d Hz, %d channels; want 22050 Hz mono", ch.Narration, format.SampleRate, format.NumChannels)
	}
	d := format.SampleRate.D(s.Len())
	last := cues[len(cues)-1].End
	if diff := d - last; diff < -100*time.Millisecond || diff > 100*time.Millisecond {
		t.Errorf("%s lasts %v, its last cue ends at %v %s", ch.Narration, d, last, regenerate)
	}
	// A second of speech from the middle of every fifth cue is not silent.
	buf := make([][2]float64, int(format.SampleRate))
	for i := 0; i < len(cues); i += 5 {
		c := cues[i]
		mid := c.Start + (c.End-c.Start)/2 - 500*time.Millisecond
		if err := s.Seek(format.SampleRate.N(max(c.Start, mid))); err != nil {
			t.Fatalf("%s: seek: %v", ch.Narration, err)
		}
		n, _ := s.Stream(buf)
		var sum, peak float64
		for _, v := range buf[:n] {
			sum += v[0] * v[0]
			peak = max(peak, math.Abs(v[0]))
		}
		rms := math.Sqrt(sum / float64(max(n, 1)))
		if rms < 0.02 || peak < 0.1 || peak > 1 {
			t.Errorf("%s: cue %s: RMS %.3f, peak %.3f: silent or clipped?", ch.Narration, c.ID, rms, peak)
		}
	}
	return d
}
