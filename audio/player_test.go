package audio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gopxl/beep/v2"
)

// fakeOutput is an Output whose samples are pulled by the test, synchronously,
// with Pull — as a sound card would pull them, but under the test's control.
type fakeOutput struct {
	mu        sync.Mutex
	rate      beep.SampleRate
	streamers []beep.Streamer
	running   bool
	calls     []string
	last      [][2]float64 // the samples of the last Pull

	initErr   error
	resumeErr error
	latency   time.Duration
}

func (f *fakeOutput) log(s string) {
	f.calls = append(f.calls, s)
}

func (f *fakeOutput) Init(rate beep.SampleRate) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log("init")
	f.rate = rate
	return f.initErr
}

func (f *fakeOutput) Play(s beep.Streamer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log("play")
	f.streamers = append(f.streamers, s)
}

func (f *fakeOutput) Clear() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log("clear")
	f.streamers = nil
}

func (f *fakeOutput) Suspend() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log("suspend")
	f.running = false
	return nil
}

func (f *fakeOutput) Resume() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.log("resume")
	if f.resumeErr != nil {
		return f.resumeErr
	}
	f.running = true
	return nil
}

func (f *fakeOutput) Lock()   { f.mu.Lock() }
func (f *fakeOutput) Unlock() { f.mu.Unlock() }

// Latency makes the Player wait before suspending after the end, when set.
func (f *fakeOutput) Latency() time.Duration { return f.latency }

// Pull pulls n samples, as a running device would, and returns how many the
// streamers gave (0 when suspended or empty).
func (f *fakeOutput) Pull(n int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.running || len(f.streamers) == 0 {
		f.last = nil
		return 0
	}
	buf := make([][2]float64, n)
	got := 0
	for i := 0; i < len(f.streamers); i++ {
		k, ok := f.streamers[i].Stream(buf)
		got = max(got, k)
		if !ok || k < n {
			f.streamers = append(f.streamers[:i], f.streamers[i+1:]...)
			i--
		}
	}
	f.last = buf[:got]
	return got
}

// Calls returns the calls made so far and forgets them.
func (f *fakeOutput) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.calls
	f.calls = nil
	return c
}

// recorder records a Player's callbacks.
type recorder struct {
	mu     sync.Mutex
	cues   []int
	states []State
	ended  int
	lost   []error
}

func (r *recorder) attach(p *Player) {
	p.OnCue = func(i int) { r.mu.Lock(); r.cues = append(r.cues, i); r.mu.Unlock() }
	p.OnState = func(s State) { r.mu.Lock(); r.states = append(r.states, s); r.mu.Unlock() }
	p.OnEnded = func() { r.mu.Lock(); r.ended++; r.mu.Unlock() }
	p.OnDeviceLost = func(err error) { r.mu.Lock(); r.lost = append(r.lost, err); r.mu.Unlock() }
}

func (r *recorder) takeCues() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.cues
	r.cues = nil
	return c
}

func (r *recorder) takeStates() []State {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.states
	r.states = nil
	return s
}

// A track of 3 s at 1 000 Hz, so that one sample is one millisecond, with
// three captions: 0.5–1 s, 1–2 s, 2.5–3 s.
const (
	msRate   = 1000
	trackVTT = "WEBVTT\n\nb0:0-10\n00:00.500 --> 00:01.000\nOne.\n\nb0:11-30\n00:01.000 --> 00:02.000\nTwo.\n\nb1:0-5\n00:02.500 --> 00:03.000\nThree.\n"
)

func trackFS() fstest.MapFS {
	return fstest.MapFS{
		"audio/01.wav":    {Data: wavBytes(msRate, constant(3*msRate, 0.5))},
		"audio/01.vtt":    {Data: []byte(trackVTT)},
		"audio/bad.ogg":   {Data: []byte("not ogg at all")},
		"audio/phone.m4a": {Data: []byte("whatever")},
	}
}

var epoch = time.Date(2023, 9, 22, 8, 0, 0, 0, time.UTC)

// load calls Load and waits for onReady (the wait is a guard, not a timing).
func load(t *testing.T, p *Player, fsys fs.FS, audio, captions string) error {
	t.Helper()
	done := make(chan error, 1)
	p.Load(fsys, audio, captions, func(err error) { done <- err })
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("onReady was never called")
		return nil
	}
}

func newTestPlayer(t *testing.T) (*Player, *fakeOutput, *FakeClock, *recorder) {
	t.Helper()
	out := &fakeOutput{}
	clock := NewFakeClock(epoch)
	p := NewPlayer(out, clock)
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, trackFS(), "audio/01.wav", "audio/01.vtt"); err != nil {
		t.Fatal(err)
	}
	out.Calls()
	rec.takeStates()
	return p, out, clock, rec
}

func wantPos(t *testing.T, p *Player, want time.Duration) {
	t.Helper()
	if got := p.Position(); got != want {
		t.Errorf("Position = %s, want %s", got, want)
	}
}

func wantState(t *testing.T, p *Player, want State) {
	t.Helper()
	if got := p.State(); got != want {
		t.Errorf("State = %s, want %s", got, want)
	}
}

func TestPlayerPlaysToTheEnd(t *testing.T) {
	p, out, _, rec := newTestPlayer(t)
	wantState(t, p, Ready)
	if p.Duration() != 3*time.Second || len(p.Cues()) != 3 || p.CaptionsErr() != nil {
		t.Fatalf("Duration %s, %d cues, captions error %v", p.Duration(), len(p.Cues()), p.CaptionsErr())
	}
	if c := p.Cues()[1]; c.Block != 0 || c.From != 11 || c.To != 30 || c.Text != "Two." {
		t.Errorf("cue 1 = %+v", c)
	}

	p.Play()
	wantState(t, p, Playing)
	if got := out.Calls(); !reflect.DeepEqual(got, []string{"play", "resume"}) {
		t.Errorf("Play called %v, want play, resume", got)
	}
	// Pull the track in steps, checking the exact position and the cue.
	steps := []struct {
		pull int
		pos  time.Duration
		cues []int
	}{
		{400, ms(400), nil},
		{100, ms(500), []int{0}},
		{499, ms(999), nil},
		{1, ms(1000), []int{1}},
		{1000, ms(2000), []int{-1}},
		{600, ms(2600), []int{2}},
		{399, ms(2999), nil},
	}
	for _, s := range steps {
		if got := out.Pull(s.pull); got != s.pull {
			t.Fatalf("pulled %d samples, want %d", got, s.pull)
		}
		wantPos(t, p, s.pos)
		p.Tick()
		if got := rec.takeCues(); !reflect.DeepEqual(got, s.cues) {
			t.Errorf("at %s OnCue got %v, want %v", s.pos, got, s.cues)
		}
	}
	wantState(t, p, Playing)
	if rec.ended != 0 {
		t.Fatal("ended early")
	}

	// The last sample, then the device asks for more: the track is drained.
	if got := out.Pull(512); got != 1 {
		t.Errorf("last pull gave %d samples, want 1", got)
	}
	for range 5 {
		p.Tick()
	}
	wantState(t, p, Ended)
	wantPos(t, p, 3*time.Second)
	if rec.ended != 1 {
		t.Errorf("OnEnded fired %d times, want once", rec.ended)
	}
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{-1}) {
		t.Errorf("at the end OnCue got %v, want [-1]", got)
	}
	if got := rec.takeStates(); !reflect.DeepEqual(got, []State{Playing, Ended}) {
		t.Errorf("states %v", got)
	}
	if got := out.Calls(); !reflect.DeepEqual(got, []string{"suspend"}) {
		t.Errorf("at the end the output got %v, want suspend", got)
	}
	if out.Pull(100) != 0 {
		t.Error("the output still plays after the end")
	}

	// Play after the end starts again from the beginning.
	p.Play()
	wantState(t, p, Playing)
	wantPos(t, p, 0)
	out.Pull(600)
	wantPos(t, p, ms(600))
	p.Tick()
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("after restart OnCue got %v", got)
	}
}

func TestPlayerPauseStopsTheClock(t *testing.T) {
	p, out, _, rec := newTestPlayer(t)
	p.Play()
	out.Pull(700)
	p.Tick()
	p.Pause()
	wantState(t, p, Paused)
	calls := out.Calls()
	if calls[len(calls)-1] != "suspend" {
		t.Errorf("Pause did not suspend the output: %v", calls)
	}
	if n := out.Pull(1000); n != 0 {
		t.Errorf("a paused player gave %d samples", n)
	}
	wantPos(t, p, ms(700))
	p.Tick() // does nothing when paused
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("OnCue %v", got)
	}

	p.Toggle()
	wantState(t, p, Playing)
	out.Pull(300)
	wantPos(t, p, ms(1000))
	p.Toggle()
	wantState(t, p, Paused)

	// Stop rewinds and suspends.
	p.Play()
	out.Pull(100)
	p.Stop()
	wantState(t, p, Ready)
	wantPos(t, p, 0)
	if calls := out.Calls(); calls[len(calls)-1] != "suspend" && !contains(calls, "suspend") {
		t.Errorf("Stop did not suspend: %v", calls)
	}
	if got := rec.takeCues(); len(got) == 0 || got[len(got)-1] != -1 {
		t.Errorf("Stop did not clear the cue: %v", got)
	}
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func TestPlayerSilentModeFollowsTheClock(t *testing.T) {
	clock := NewFakeClock(epoch)
	p := NewPlayer(SilentOutput(clock), clock)
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, trackFS(), "audio/01.wav", "audio/01.vtt"); err != nil {
		t.Fatal(err)
	}
	wantPos(t, p, 0)
	clock.Advance(time.Second) // nothing plays before Play
	wantPos(t, p, 0)

	p.Play()
	clock.Advance(ms(600))
	wantPos(t, p, ms(600))
	p.Tick()
	p.Pause()
	clock.Advance(10 * time.Second) // paused: the position stays
	wantPos(t, p, ms(600))
	p.Play()
	for range 30 { // a UI ticker, 10 times a second
		clock.Advance(100 * time.Millisecond)
		p.Tick()
	}
	wantState(t, p, Ended)
	wantPos(t, p, 3*time.Second)
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{0, 1, -1, 2, -1}) {
		t.Errorf("OnCue %v, want [0 1 -1 2 -1]", got)
	}
	if rec.ended != 1 {
		t.Errorf("OnEnded %d times", rec.ended)
	}
	if clock.Pending() != 0 {
		t.Errorf("%d timers left after the end", clock.Pending())
	}
}

func TestPlayerSeekAndSkipClamp(t *testing.T) {
	p, out, _, rec := newTestPlayer(t)

	p.Seek(ms(1500)) // from Ready: Paused at 1.5 s, caption 1 showing
	wantState(t, p, Paused)
	wantPos(t, p, ms(1500))
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("OnCue after Seek: %v", got)
	}
	p.Seek(-time.Second)
	wantPos(t, p, 0)
	p.Seek(time.Hour)
	wantPos(t, p, 3*time.Second)
	p.SkipBy(-10 * time.Second)
	wantPos(t, p, 0)
	p.SkipBy(10 * time.Second)
	wantPos(t, p, 3*time.Second)
	p.Seek(ms(1000))
	p.SkipBy(-ms(250))
	wantPos(t, p, ms(750))
	p.SkipBy(ms(1750))
	wantPos(t, p, ms(2500))
	rec.takeCues()

	// While playing, the output gets the streamer back at once and pulls
	// from the new position.
	p.Play()
	out.Pull(100)
	wantPos(t, p, ms(2600))
	out.Calls()
	p.Seek(ms(1200))
	if got := out.Calls(); !reflect.DeepEqual(got, []string{"clear", "play"}) {
		t.Errorf("Seek while playing called %v", got)
	}
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("OnCue after Seek: %v", got)
	}
	out.Pull(300)
	wantPos(t, p, ms(1500))
	wantState(t, p, Playing)

	// Skipping past the end ends the track at the next Tick.
	p.SkipBy(10 * time.Second)
	out.Pull(10)
	p.Tick()
	wantState(t, p, Ended)
	if rec.ended != 1 {
		t.Errorf("OnEnded %d times", rec.ended)
	}
	// Seeking an ended track pauses it there.
	p.Seek(ms(100))
	wantState(t, p, Paused)
	wantPos(t, p, ms(100))
}

// A sound device plays what it pulled a buffer later: the sentence lights
// up when it is heard, not when its samples are pulled — but a seek or a
// start shows the sentence at once.
func TestPlayerCuesFollowWhatIsHeard(t *testing.T) {
	p, out, _, rec := newTestPlayer(t)
	out.latency = 300 * time.Millisecond
	p.Play()
	steps := []struct {
		pull int
		cues []int
	}{
		{500, nil},       // pulled to 0.5 s, heard to 0.2 s
		{299, nil},       // heard to 0.499 s
		{1, []int{0}},    // heard to 0.5 s: "One."
		{1000, []int{1}}, // heard to 1.5 s: "Two."
	}
	for _, s := range steps {
		out.Pull(s.pull)
		p.Tick()
		if got := rec.takeCues(); !reflect.DeepEqual(got, s.cues) {
			t.Errorf("pulled to %s: OnCue got %v, want %v", p.Position(), got, s.cues)
		}
	}
	p.Seek(ms(2600))
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{2}) {
		t.Errorf("seek into the third sentence: OnCue %v", got)
	}
	out.Pull(100)
	p.Tick()
	if got := rec.takeCues(); len(got) != 0 {
		t.Errorf("just after the seek the highlight went back: OnCue %v", got)
	}
}

func TestPlayerEndedOnceAndSuspendAfterLatency(t *testing.T) {
	p, out, clock, rec := newTestPlayer(t)
	out.latency = 100 * time.Millisecond
	p.Play()
	out.Pull(5000)
	for range 10 {
		p.Tick()
	}
	wantState(t, p, Ended)
	if rec.ended != 1 {
		t.Errorf("OnEnded fired %d times, want 1", rec.ended)
	}
	out.Calls()
	if clock.Pending() != 1 {
		t.Fatalf("%d timers pending at the end, want 1 (suspend once the buffer has played)", clock.Pending())
	}
	clock.Advance(99 * time.Millisecond)
	if got := out.Calls(); len(got) != 0 {
		t.Errorf("suspended before the buffer played out: %v", got)
	}
	clock.Advance(time.Millisecond)
	if got := out.Calls(); !reflect.DeepEqual(got, []string{"suspend"}) {
		t.Errorf("after the latency the output got %v, want suspend", got)
	}
	if clock.Pending() != 0 {
		t.Errorf("%d timers left", clock.Pending())
	}

	// Playing again before the pending suspend cancels it.
	p.Play()
	out.Pull(5000)
	p.Tick()
	p.Play()
	clock.Advance(time.Second)
	if got := out.Calls(); contains(got[2:], "suspend") {
		t.Errorf("a stale suspend hit the new playback: %v", got)
	}
	wantState(t, p, Playing)
}

func TestPlayerCallbacksMayCallBack(t *testing.T) {
	p, out, _, _ := newTestPlayer(t)
	loops := 0
	p.OnEnded = func() {
		loops++
		if loops < 3 {
			p.Play() // an attract loop: play again
		}
	}
	p.OnCue = func(int) { _ = p.Position(); _ = p.State() }
	p.Play()
	for range 10 {
		out.Pull(4000)
		p.Tick()
	}
	if loops != 3 {
		t.Errorf("looped %d times, want 3", loops)
	}
	wantState(t, p, Ended)
}

func TestPlayerVolume(t *testing.T) {
	p, out, _, _ := newTestPlayer(t)
	if p.Volume() != 1 {
		t.Errorf("default volume %v", p.Volume())
	}
	p.Play()
	level := func() float64 {
		out.Pull(10)
		return out.last[9][0]
	}
	const full = 16384.0 / 32768 // the WAV's 0.5, as 16 bits store it
	for _, tc := range []struct{ v, gain float64 }{
		{1, 1}, {0.5, 0.1}, {0.75, math.Pow(10, -0.5)}, {0, 0}, {2, 1}, {-1, 0},
	} {
		p.SetVolume(tc.v)
		if got, want := level(), full*tc.gain; math.Abs(got-want) > 1e-3 {
			t.Errorf("SetVolume(%v): level %.4f, want %.4f", tc.v, got, want)
		}
	}
	if p.Volume() != 0 {
		t.Errorf("Volume() = %v after SetVolume(-1)", p.Volume())
	}
	// The volume outlives a Load.
	p.SetVolume(0.5)
	if err := load(t, p, trackFS(), "audio/01.wav", ""); err != nil {
		t.Fatal(err)
	}
	p.Play()
	if got := level(); math.Abs(got-full*0.1) > 1e-3 {
		t.Errorf("after Load level %.4f, want %.4f", got, full*0.1)
	}
}

func TestPlayerLoadFailures(t *testing.T) {
	p := NewPlayer(&fakeOutput{}, NewFakeClock(epoch))
	rec := &recorder{}
	rec.attach(p)
	for _, tc := range []struct {
		path string
		want string
		is   error
	}{
		{"audio/missing.ogg", "audio/missing.ogg", fs.ErrNotExist},
		{"audio/bad.ogg", "audio/bad.ogg: not an Ogg Vorbis file", nil},
		{"audio/phone.m4a", "audio/phone.m4a", ErrNeedsMediaHelper},
	} {
		err := load(t, p, trackFS(), tc.path, "audio/01.vtt")
		if err == nil || !strings.Contains(err.Error(), tc.want) || (tc.is != nil && !errors.Is(err, tc.is)) {
			t.Errorf("Load(%s): %v, want an error naming %s", tc.path, err, tc.want)
		}
		wantState(t, p, Failed)
		if p.Err() != err {
			t.Errorf("Err() = %v, want %v", p.Err(), err)
		}
		p.Play() // does nothing
		wantState(t, p, Failed)
		p.Tick()
		wantPos(t, p, 0)
	}
	if got := rec.takeStates(); !reflect.DeepEqual(got, []State{Loading, Failed, Loading, Failed, Loading, Failed}) {
		t.Errorf("states %v", got)
	}
}

func TestPlayerMissingCaptionsStillPlays(t *testing.T) {
	out := &fakeOutput{}
	p := NewPlayer(out, NewFakeClock(epoch))
	if err := load(t, p, trackFS(), "audio/01.wav", "audio/missing.vtt"); err != nil {
		t.Fatal(err)
	}
	wantState(t, p, Ready)
	if !errors.Is(p.CaptionsErr(), fs.ErrNotExist) || p.Cues() != nil {
		t.Errorf("CaptionsErr %v, cues %v", p.CaptionsErr(), p.Cues())
	}
	p.Play()
	out.Pull(3000)
	out.Pull(1)
	p.Tick()
	wantState(t, p, Ended)

	if err := load(t, p, trackFS(), "audio/01.wav", "audio/01.wav"); err != nil {
		t.Fatal(err)
	}
	if err := p.CaptionsErr(); err == nil || !strings.HasPrefix(err.Error(), "audio/01.wav: ") {
		t.Errorf("CaptionsErr for a WAV read as captions: %v", err)
	}
}

func TestPlayerFallsBackToSilentWhenResumeFails(t *testing.T) {
	clock := NewFakeClock(epoch)
	out := &fakeOutput{resumeErr: errors.New("oto: ALSA error at snd_pcm_open: no such device")}
	p := NewPlayer(out, clock)
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, trackFS(), "audio/01.wav", "audio/01.vtt"); err != nil {
		t.Fatal(err)
	}
	p.Play()
	wantState(t, p, Playing)
	if len(rec.lost) != 1 || !errors.Is(rec.lost[0], out.resumeErr) || !p.Silent() || p.DeviceErr() != rec.lost[0] {
		t.Fatalf("OnDeviceLost %v, Silent %v, DeviceErr %v", rec.lost, p.Silent(), p.DeviceErr())
	}
	// Captions still progress, by the clock.
	clock.Advance(ms(1200))
	p.Tick()
	wantPos(t, p, ms(1200))
	if got := rec.takeCues(); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("OnCue %v", got)
	}
	clock.Advance(2 * time.Second)
	p.Tick()
	wantState(t, p, Ended)
	if len(rec.lost) != 1 {
		t.Errorf("OnDeviceLost fired %d times", len(rec.lost))
	}
}

func TestPlayerFallsBackWhenTheDeviceStalls(t *testing.T) {
	p, out, clock, rec := newTestPlayer(t)
	p.Play()
	out.Pull(500)
	p.Tick()
	// The device stops taking samples; the UI keeps ticking.
	for range 29 {
		clock.Advance(100 * time.Millisecond)
		p.Tick()
	}
	if len(rec.lost) != 0 {
		t.Fatal("gave up the device before the stall timeout")
	}
	clock.Advance(100 * time.Millisecond)
	p.Tick()
	if len(rec.lost) != 1 || !errors.Is(rec.lost[0], ErrNoSoundDevice) || !p.Silent() {
		t.Fatalf("OnDeviceLost %v, Silent %v", rec.lost, p.Silent())
	}
	// It goes on silently from where it was.
	wantPos(t, p, ms(500))
	clock.Advance(ms(600))
	p.Tick()
	wantPos(t, p, ms(1100))
	if out.Pull(100) != 0 {
		t.Error("the lost device still gets samples")
	}
}

func TestPlayerFallsBackWhenInitFails(t *testing.T) {
	out := &fakeOutput{initErr: fmt.Errorf("%w: oto: no driver", ErrNoSoundDevice)}
	p := NewPlayer(out, NewFakeClock(epoch))
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, trackFS(), "audio/01.wav", ""); err != nil {
		t.Fatalf("a missing device must not fail the load: %v", err)
	}
	if !p.Silent() || len(rec.lost) != 1 || !errors.Is(p.DeviceErr(), ErrNoSoundDevice) {
		t.Errorf("Silent %v, lost %v", p.Silent(), rec.lost)
	}
	wantState(t, p, Ready)
}

// blockingFS holds Open until release is closed, and records Close.
type blockingFS struct {
	fs.FS
	release chan struct{}
	closed  chan string
}

// closeRecorder is a seekable file that reports its Close.
type closeRecorder struct {
	io.ReadSeeker
	f      fs.File
	name   string
	closed chan string
}

func (c closeRecorder) Stat() (fs.FileInfo, error) { return c.f.Stat() }

func (c closeRecorder) Close() error {
	c.closed <- c.name
	return c.f.Close()
}

func (b blockingFS) Open(name string) (fs.File, error) {
	<-b.release
	f, err := b.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return closeRecorder{f.(io.ReadSeeker), f, name, b.closed}, nil
}

func TestPlayerPlayWhileLoadingAutoplays(t *testing.T) {
	out := &fakeOutput{}
	p := NewPlayer(out, NewFakeClock(epoch))
	bfs := blockingFS{trackFS(), make(chan struct{}), make(chan string, 10)}
	ready := make(chan error, 1)
	p.Load(bfs, "audio/01.wav", "", func(err error) { ready <- err })
	wantState(t, p, Loading)
	p.Play()
	p.Position() // never blocks on the load
	close(bfs.release)
	if err := <-ready; err != nil {
		t.Fatal(err)
	}
	wantState(t, p, Playing)
	if out.Pull(100) != 100 {
		t.Error("not playing")
	}
}

func TestPlayerCloseAbandonsLoadAndReleasesFile(t *testing.T) {
	out := &fakeOutput{}
	p := NewPlayer(out, NewFakeClock(epoch))
	bfs := blockingFS{trackFS(), make(chan struct{}), make(chan string, 10)}
	called := make(chan error, 1)
	p.Load(bfs, "audio/01.wav", "", func(err error) { called <- err })
	p.Close()
	wantState(t, p, Idle)
	close(bfs.release)
	select {
	case name := <-bfs.closed: // the abandoned load closes its file
		if name != "audio/01.wav" {
			t.Errorf("closed %s", name)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the abandoned load never closed its file")
	}
	select {
	case err := <-called:
		t.Errorf("onReady of an abandoned load was called (%v)", err)
	default:
	}
	wantState(t, p, Idle)

	// Close of a loaded track closes its file.
	bfs2 := blockingFS{trackFS(), make(chan struct{}), make(chan string, 10)}
	close(bfs2.release)
	if err := load(t, p, bfs2, "audio/01.wav", ""); err != nil {
		t.Fatal(err)
	}
	select {
	case name := <-bfs2.closed:
		t.Fatalf("%s closed while loaded", name)
	default:
	}
	p.Close()
	if name := <-bfs2.closed; name != "audio/01.wav" {
		t.Errorf("closed %s", name)
	}
	wantState(t, p, Idle)
	wantPos(t, p, 0)
	if p.Duration() != 0 {
		t.Errorf("Duration after Close: %s", p.Duration())
	}
}

func TestPlayerPostRunsLoadCallbacks(t *testing.T) {
	p := NewPlayer(&fakeOutput{}, NewFakeClock(epoch))
	queue := make(chan func(), 10)
	p.Post = func(f func()) { queue <- f }
	var states []State
	p.OnState = func(s State) { states = append(states, s) }
	ready := false
	p.Load(trackFS(), "audio/01.wav", "", func(err error) { ready = err == nil })
	f := <-queue // the load's callbacks arrive only through Post
	if ready || len(states) != 1 {
		t.Fatalf("callbacks ran before Post: ready %v, states %v", ready, states)
	}
	f()
	if !ready || !reflect.DeepEqual(states, []State{Loading, Ready}) {
		t.Errorf("ready %v, states %v", ready, states)
	}
}

func TestPlayerLeavesNothingRunning(t *testing.T) {
	before := runtime.NumGoroutine()
	p, out, clock, _ := newTestPlayer(t)
	p.Play()
	out.Pull(1000)
	p.Tick()
	p.Pause()
	if clock.Pending() != 0 {
		t.Errorf("%d timers pending while paused", clock.Pending())
	}
	p.Play()
	out.Pull(5000)
	p.Tick()
	clock.Advance(time.Second)
	p.Close()
	if clock.Pending() != 0 {
		t.Errorf("%d timers pending when idle", clock.Pending())
	}
	// The load goroutine has ended (allow the runtime a moment to reap it).
	for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left (had %d)", n, before)
	}
}

// TestPlayerConcurrentPulls runs the output on its own goroutine, as the
// speaker does, while the "UI" drives the Player (meant for -race).
func TestPlayerConcurrentPulls(t *testing.T) {
	p, out, _, _ := newTestPlayer(t)
	p.Play()
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				out.Pull(7)
				runtime.Gosched()
			}
		}
	}()
	for i := range 300 {
		p.Tick()
		_ = p.Position()
		switch i % 50 {
		case 10:
			p.Pause()
		case 20:
			p.Play()
		case 30:
			p.SkipBy(-time.Second)
		case 40:
			p.SetVolume(float64(i%100) / 100)
		}
		if p.State() == Ended {
			p.Play()
		}
	}
	close(stop)
	<-done
}

// A gap between Ticks (the PC slept, the UI was busy) is not a stall.
func TestPlayerMissedTicksAreNoStall(t *testing.T) {
	p, out, clock, rec := newTestPlayer(t)
	p.Play()
	out.Pull(100)
	p.Tick()
	clock.Advance(time.Hour)
	p.Tick()
	if len(rec.lost) != 0 || p.Silent() {
		t.Errorf("a gap between ticks counted as a stalled device: %v", rec.lost)
	}
	out.Pull(100)
	p.Tick()
	wantPos(t, p, ms(200))
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }
