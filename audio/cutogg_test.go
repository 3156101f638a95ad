package audio

import (
	"errors"
	"math"
	"os"
	"testing"
	"testing/fstest"
	"time"
)

// cutOgg is testdata/tone10s.ogg, a real Vorbis recording, cut in half as an
// interrupted copy leaves it.
func cutOgg(t *testing.T) fstest.MapFS {
	t.Helper()
	data, err := os.ReadFile("testdata/tone10s.ogg")
	if err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{"audio/cut.ogg": {Data: data[:len(data)/2]}}
}

// The sound before the cut decodes, as real sound, and the stream ends
// there without an error; the length agrees with what validate reports.
func TestDecodeCutPlaysTheWholePart(t *testing.T) {
	fsys := cutOgg(t)
	if _, _, err := Decode(fsys, "audio/cut.ogg"); err == nil {
		t.Fatal("the cut file opens with Decode; the test needs one that does not")
	}
	s, format, cut, err := DecodeCut(fsys, "audio/cut.ogg")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if cut == nil || cut.At < 3*time.Second || cut.At > 6*time.Second {
		t.Fatalf("cut = %+v, want the sound to stop near 5 s of 10", cut)
	}
	checked, cerr := Check(fsys, "audio/cut.ogg")
	var tr *TruncatedError
	if !errors.As(cerr, &tr) || (checked-cut.At).Abs() > time.Second/2 {
		t.Errorf("Check says %v at %s; DecodeCut plays to %s", cerr, checked, cut.At)
	}
	buf := make([][2]float64, 4096)
	n, loud := 0, 0.0
	for {
		k, ok := s.Stream(buf)
		for _, x := range buf[:k] {
			loud = math.Max(loud, math.Abs(x[0]))
		}
		n += k
		if !ok {
			break
		}
	}
	if n != s.Len() || s.Err() != nil {
		t.Errorf("streamed %d samples of %d, error %v; want all, no error", n, s.Len(), s.Err())
	}
	if got := format.SampleRate.D(n); (got - cut.At).Abs() > 10*time.Millisecond {
		t.Errorf("streamed %s, cut says %s", got, cut.At)
	}
	if loud < 0.1 {
		t.Errorf("the sound before the cut is silent (peak %.3f)", loud)
	}
	// Seeking back opens the file again; seeking on decodes up to the
	// place: the sound is the same either way.
	if err := s.Seek(n / 2); err != nil || s.Position() != n/2 {
		t.Fatalf("Seek(%d): %v, at %d", n/2, err, s.Position())
	}
	mid := make([][2]float64, 64)
	s.Stream(mid)
	if err := s.Seek(0); err != nil || s.Position() != 0 {
		t.Fatalf("Seek(0): %v, at %d", err, s.Position())
	}
	if err := s.Seek(n / 2); err != nil {
		t.Fatal(err)
	}
	again := make([][2]float64, 64)
	s.Stream(again)
	if mid[10] != again[10] || mid[63] != again[63] {
		t.Errorf("the sound at the middle differs after seeking back and on: %v, %v", mid[10], again[10])
	}
	if err := s.Seek(n + 1); err == nil {
		t.Error("Seek past the cut succeeded")
	}
	// A whole recording is not DecodeCut's, nor another format.
	whole, _ := os.ReadFile("testdata/tone10s.ogg")
	for name, data := range map[string][]byte{"whole.ogg": whole, "x.wav": whole, "corrupt.ogg": []byte("OggS not at all")} {
		if _, _, _, err := DecodeCut(fstest.MapFS{name: {Data: data}}, name); err == nil {
			t.Errorf("DecodeCut(%s) opened it", name)
		}
	}
}

// The narration player plays a cut Ogg file up to the cut and ends cleanly
// (Ended, not Failed), and says what is wrong with it.
func TestPlayerPlaysCutOggToTheCut(t *testing.T) {
	out := &fakeOutput{}
	p := NewPlayer(out, NewFakeClock(epoch))
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, cutOgg(t), "audio/cut.ogg", ""); err != nil {
		t.Fatalf("Load: %v", err)
	}
	wantState(t, p, Ready)
	var tr *TruncatedError
	if d := p.Damage(); !errors.As(d, &tr) || d.Error()[:len("audio/cut.ogg")] != "audio/cut.ogg" {
		t.Errorf("Damage() = %v, want a TruncatedError naming the file", d)
	}
	if p.Duration() < 3*time.Second || p.Duration() > 6*time.Second {
		t.Errorf("Duration = %s, want the part before the cut", p.Duration())
	}
	p.Play()
	pulled := 0
	for range 1000 {
		k := out.Pull(4410)
		pulled += k
		p.Tick()
		if k == 0 {
			break
		}
	}
	for range 3 {
		p.Tick()
	}
	wantState(t, p, Ended)
	if p.Err() != nil || rec.ended != 1 {
		t.Errorf("Err %v, OnEnded %d times; want no error, ended once", p.Err(), rec.ended)
	}
	if got := p.Position(); (got - p.Duration()).Abs() > 10*time.Millisecond {
		t.Errorf("ended at %s of %s", got, p.Duration())
	}
	// Another chapter's whole recording forgets the damage.
	if err := load(t, p, trackFS(), "audio/01.wav", ""); err != nil || p.Damage() != nil {
		t.Errorf("after a whole recording: %v, damage %v", err, p.Damage())
	}
}
