package media

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"trienlam/audio"
)

// narrationVTT ties three one-second sentences to blocks 0, 1 and 2, as
// cmd/narrate writes them.
const narrationVTT = `WEBVTT

b0:0-9
00:00:00.000 --> 00:00:01.000
Câu một.

b1:0-9
00:00:01.000 --> 00:00:02.000
Câu hai.

b2:0-9
00:00:02.000 --> 00:00:02.900
Câu ba.
`

// recorder collects a NarrationPlayer's callbacks.
type recorder struct {
	mu     sync.Mutex
	cues   []int
	states []audio.State
	ended  int
}

func (r *recorder) attach(p *NarrationPlayer) {
	p.OnCue = func(i int) { r.mu.Lock(); r.cues = append(r.cues, i); r.mu.Unlock() }
	p.OnState = func(s audio.State) { r.mu.Lock(); r.states = append(r.states, s); r.mu.Unlock() }
	p.OnEnded = func() { r.mu.Lock(); r.ended++; r.mu.Unlock() }
}

func (r *recorder) snapshot() ([]int, []audio.State, int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]int(nil), r.cues...), append([]audio.State(nil), r.states...), r.ended
}

// narrationPack is a pack holding the m4a recording and its captions.
func narrationPack(t *testing.T) fstest.MapFS {
	data, err := os.ReadFile(testM4A(t))
	if err != nil {
		t.Fatal(err)
	}
	return fstest.MapFS{
		"audio/01.m4a": {Data: data},
		"audio/01.vtt": {Data: []byte(narrationVTT)},
	}
}

// load loads and waits for onReady.
func loadNarration(t *testing.T, p *NarrationPlayer, fsys fstest.MapFS, audioPath, vtt string) error {
	t.Helper()
	done := make(chan error, 1)
	p.Load(fsys, audioPath, vtt, func(err error) { done <- err })
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("Load never called onReady")
	}
	return nil
}

// tickUntil calls Tick every 50 ms until cond holds.
func tickUntil(t *testing.T, p *NarrationPlayer, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not %s within %s (state %s, position %s)", what, timeout, p.State(), p.Position())
		}
		p.Tick()
		time.Sleep(50 * time.Millisecond)
	}
}

// A phone recording (.m4a) plays through the helper with its WebVTT
// captions: the cues fire in order, tied to their blocks, then the end.
func TestNarrationM4A(t *testing.T) {
	fsys := narrationPack(t)
	p := NewNarrationPlayer(context.Background(), testOptions(t), nil)
	defer p.Shutdown()
	var r recorder
	r.attach(p)

	if err := loadNarration(t, p, fsys, "audio/01.m4a", "audio/01.vtt"); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if p.State() != audio.Ready {
		t.Fatalf("state %s after load, want Ready", p.State())
	}
	if d := p.Duration(); d < 2900*time.Millisecond || d > 3100*time.Millisecond {
		t.Errorf("duration %s, want about 3 s", d)
	}
	if cues := p.Cues(); len(cues) != 3 || cues[1].Block != 1 || cues[1].Text != "Câu hai." {
		t.Fatalf("cues %+v", cues)
	}
	if p.CaptionsErr() != nil {
		t.Errorf("CaptionsErr: %v", p.CaptionsErr())
	}
	p.Play()
	if p.State() != audio.Playing {
		t.Fatalf("state %s after Play", p.State())
	}
	var positions []time.Duration
	tickUntil(t, p, 10*time.Second, "ended", func() bool {
		positions = append(positions, p.Position())
		return p.State() == audio.Ended
	})
	cues, states, ended := r.snapshot()
	if want := []int{0, 1, 2, -1}; !slices.Equal(cues, want) {
		t.Errorf("cues %v, want %v", cues, want)
	}
	if ended != 1 {
		t.Errorf("OnEnded called %d times", ended)
	}
	if want := []audio.State{audio.Loading, audio.Ready, audio.Playing, audio.Ended}; !slices.Equal(states, want) {
		t.Errorf("states %v, want %v", states, want)
	}
	for i := 1; i < len(positions); i++ {
		if positions[i] < positions[i-1]-50*time.Millisecond {
			t.Errorf("position went back: %s → %s", positions[i-1], positions[i])
		}
	}
	if p.Position() != p.Duration() {
		t.Errorf("position %s at the end, duration %s", p.Position(), p.Duration())
	}

	// Seek into the middle sentence, pause, play again from there.
	p.Seek(1500 * time.Millisecond)
	if p.State() != audio.Paused || p.Cue() != 1 {
		t.Errorf("after Seek from Ended: state %s cue %d, want Paused 1", p.State(), p.Cue())
	}
	p.Play()
	tickUntil(t, p, 5*time.Second, "in the third sentence", func() bool { return p.Cue() == 2 })
	p.Pause()
	at := p.Position()
	time.Sleep(400 * time.Millisecond)
	if got := p.Position(); got < at-100*time.Millisecond || got > at+100*time.Millisecond {
		t.Errorf("position moved while paused: %s → %s", at, got)
	}
	p.Stop()
	if p.State() != audio.Ready || p.Position() != 0 || p.Cue() != -1 {
		t.Errorf("after Stop: %s at %s cue %d", p.State(), p.Position(), p.Cue())
	}
	p.Close()
	if p.State() != audio.Idle {
		t.Errorf("after Close: %s", p.State())
	}
}

// A folder pack's file is played where it is (DirResolver); Play during
// Loading starts once ready.
func TestNarrationFolderPack(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "audio"), 0o755)
	for name, f := range narrationPack(t) {
		os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), f.Data, 0o644)
	}
	p := NewNarrationPlayer(context.Background(), testOptions(t), DirResolver(dir))
	defer p.Shutdown()
	ready := make(chan error, 1)
	p.Load(os.DirFS(dir), "audio/01.m4a", "audio/01.vtt", func(err error) { ready <- err })
	p.Play() // while Loading
	if err := <-ready; err != nil {
		t.Fatal(err)
	}
	if p.State() != audio.Playing {
		t.Fatalf("state %s after a Play during Loading", p.State())
	}
	tickUntil(t, p, 5*time.Second, "in the second sentence", func() bool { return p.Cue() == 1 })
	// No temporary copy was made.
	if p.cleanup != nil {
		t.Error("a folder pack's file was copied")
	}
}

// When the helper dies during narration, the player fails with the crash
// and Play starts a new helper and goes on from where the voice was.
func TestNarrationRecoversFromCrash(t *testing.T) {
	fsys := narrationPack(t)
	p := NewNarrationPlayer(context.Background(), testOptions(t), nil)
	defer p.Shutdown()
	if err := loadNarration(t, p, fsys, "audio/01.m4a", "audio/01.vtt"); err != nil {
		t.Fatal(err)
	}
	p.Play()
	tickUntil(t, p, 5*time.Second, "past 1 s", func() bool { return p.Position() > time.Second })
	p.mu.Lock()
	c := p.client
	p.mu.Unlock()
	proc, _ := os.FindProcess(c.PID())
	proc.Kill()
	tickUntil(t, p, 5*time.Second, "Failed", func() bool { return p.State() == audio.Failed })
	if !errors.Is(p.Err(), ErrHelperCrashed) {
		t.Fatalf("Err %v", p.Err())
	}
	p.Play()
	tickUntil(t, p, 10*time.Second, "playing again", func() bool { return p.State() == audio.Playing })
	if pos := p.Position(); pos < 900*time.Millisecond {
		t.Errorf("resumed at %s, want where it stopped (past 1 s)", pos)
	}
	tickUntil(t, p, 5*time.Second, "ended", func() bool { return p.State() == audio.Ended })
}

// Without the helper, Load fails with ErrHelperMissing, explained.
func TestNarrationWithoutHelper(t *testing.T) {
	p := NewNarrationPlayer(context.Background(), Options{Helper: filepath.Join(t.TempDir(), "none")}, nil)
	fsys := fstest.MapFS{"a.m4a": {Data: []byte("x")}}
	err := loadNarration(t, p, fsys, "a.m4a", "")
	isErr(t, err, ErrHelperMissing)
	if p.State() != audio.Failed || !strings.HasPrefix(p.Err().Error(), "a.m4a: ") {
		t.Errorf("state %s, err %v", p.State(), p.Err())
	}
	if !strings.Contains(Explain(err, "vi"), "trienlam-media") {
		t.Errorf("Explain = %q", Explain(err, "vi"))
	}
}

// A file mpv cannot play fails the load with a load error; bad captions do
// not.
func TestNarrationBadFile(t *testing.T) {
	p := NewNarrationPlayer(context.Background(), testOptions(t), nil)
	defer p.Shutdown()
	fsys := fstest.MapFS{"a.m4a": {Data: []byte(strings.Repeat("không phải âm thanh ", 500))}, "a.vtt": {Data: []byte("not vtt")}}
	err := loadNarration(t, p, fsys, "a.m4a", "a.vtt")
	var he *HelperError
	if !errors.As(err, &he) || he.Code != "load" {
		t.Fatalf("Load: %v, want a load error", err)
	}
	fsys = narrationPack(t)
	fsys["bad.vtt"] = &fstest.MapFile{Data: []byte("not vtt")}
	if err := loadNarration(t, p, fsys, "audio/01.m4a", "bad.vtt"); err != nil {
		t.Fatalf("Load with bad captions: %v", err)
	}
	if p.CaptionsErr() == nil || len(p.Cues()) != 0 {
		t.Errorf("CaptionsErr %v, cues %v", p.CaptionsErr(), p.Cues())
	}
}
