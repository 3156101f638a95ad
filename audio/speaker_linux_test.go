package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gopxl/beep/v2"
)

// The chirp the PulseAudio tests play: 3 s from 200 to 2,000 Hz at 22,050
// Hz. Each stretch of it is unlike every other, so a sample lost or played
// twice shows as a misalignment.
const (
	chirpRate = 22050
	chirpLen  = 3 * chirpRate
)

func chirpSample(i int) float64 {
	t := float64(i) / chirpRate
	// phase of a linear sweep: 2π(f0 t + (f1-f0) t²/(2T))
	return 0.5 * math.Cos(2*math.Pi*(200*t+1800*t*t/6))
}

// chirp streams the chirp, in stereo, once.
type chirp struct{ pos int }

func (c *chirp) Stream(samples [][2]float64) (int, bool) {
	n := 0
	for n < len(samples) && c.pos < chirpLen {
		v := chirpSample(c.pos)
		samples[n] = [2]float64{v, v}
		n++
		c.pos++
	}
	return n, n > 0
}

func (c *chirp) Err() error { return nil }

// pulseServer starts a private PulseAudio server with one null sink, which
// consumes sound in real time as a sound card does, at 22,050 Hz mono so
// that the chirp reaches it unchanged, and records the sink into a file
// with parec. It returns the ALSA configuration that plays into it, the
// recording's path, and a function that stops the recording.
func pulseServer(t *testing.T) (alsaConf, recording string, stopRecording func(), server *exec.Cmd) {
	t.Helper()
	pa, err := exec.LookPath("pulseaudio")
	if err != nil {
		t.Skip("needs pulseaudio, parec and libasound2-plugins (make deps)")
	}
	parec, err := exec.LookPath("parec")
	if err != nil {
		t.Skip("needs parec (pulseaudio-utils; make deps)")
	}
	if matches, _ := filepath.Glob("/usr/lib*/*/alsa-lib/libasound_module_pcm_pulse.so"); len(matches) == 0 {
		t.Skip("needs ALSA's pulse plugin (libasound2-plugins; make deps)")
	}
	dir, err := os.MkdirTemp("", "trienlam-pulse-") // short: a socket path has a limit
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	socket := filepath.Join(dir, "native")
	server = exec.Command(pa, "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
		"--disable-shm=yes", "-n", "--log-target=stderr",
		"--load=module-null-sink sink_name=test rate=22050 channels=1 format=s16le norewinds=1",
		"--load=module-native-protocol-unix auth-anonymous=1 socket="+socket)
	server.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+dir, "HOME="+dir, "PULSE_STATE_PATH="+dir, "PULSE_RUNTIME_PATH="+dir)
	var serverLog strings.Builder
	server.Stderr = &serverLog
	if err := server.Start(); err != nil {
		t.Fatalf("pulseaudio: %v", err)
	}
	t.Cleanup(func() {
		server.Process.Kill()
		server.Wait()
	})
	for i := 0; ; i++ {
		if c, err := net.Dial("unix", socket); err == nil {
			c.Close()
			break
		}
		if i == 100 {
			t.Fatalf("pulseaudio did not start:\n%s", serverLog.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	alsaConf = filepath.Join(dir, "asound.conf")
	conf := fmt.Sprintf("pcm.!default { type pulse server \"unix:%s\" }\nctl.!default { type pulse server \"unix:%s\" }\n", socket, socket)
	if err := os.WriteFile(alsaConf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	recording = filepath.Join(dir, "heard.raw")
	rec := exec.Command(parec, "--server=unix:"+socket, "-d", "test.monitor",
		"--format=s16le", "--rate=22050", "--channels=1", "--raw", "--latency-msec=20", recording)
	if err := rec.Start(); err != nil {
		t.Fatalf("parec: %v", err)
	}
	// Wait until parec records (the sink's silence), or the start of
	// what is played would be missed.
	for i := 0; ; i++ {
		if fi, err := os.Stat(recording); err == nil && fi.Size() >= chirpRate/5 {
			break
		}
		if i == 200 {
			rec.Process.Kill()
			t.Fatal("parec records nothing")
		}
		time.Sleep(25 * time.Millisecond)
	}
	stopped := false
	stopRecording = func() {
		if !stopped {
			stopped = true
			rec.Process.Signal(os.Interrupt)
			rec.Wait()
		}
	}
	t.Cleanup(stopRecording)
	return alsaConf, recording, stopRecording, server
}

// TestSpeakerPauseLosesNothing plays the chirp through the real Speaker
// (ALSA) into a PulseAudio server, pausing it for 400 ms a second in, and
// checks the recording of what was heard: the chirp whole, in order, and a
// silence where it was paused, begun at once, not once the device's buffer
// had played out. On a device that can pause (PulseAudio can), Suspend
// pauses it: every sample is heard once. On one that cannot (ALSA's dmix),
// Suspend drops what the device holds and writes it again on Resume,
// counted by the device's own estimate of what it still holds: nothing may
// be lost, and at most 50 ms heard twice.
func TestSpeakerPauseLosesNothing(t *testing.T) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "" {
		t.Skip("in the child")
	}
	for _, c := range []struct {
		name  string
		twice int // samples that may be heard twice
	}{{"device pauses", 4}, {"device cannot pause", chirpRate / 20}} {
		t.Run(c.name, func(t *testing.T) {
			conf, recording, stop, _ := pulseServer(t)
			env := []string{"TRIENLAM_AUDIO_CHILD=pulse", "ALSA_CONFIG_PATH=" + conf}
			if c.twice > 4 {
				env = append(env, "TRIENLAM_TEST_NOPAUSE=1")
			}
			out := runChild(t, "TestSpeakerPauseLosesNothingChild", env...)
			t.Logf("child:\n%s", out)
			time.Sleep(300 * time.Millisecond) // the recorder's own latency
			stop()
			checkHeard(t, readS16(t, recording), c.twice)
		})
	}
}

// checkHeard checks that heard is the chirp, paused once, with at most
// twice samples heard twice at the pause and none lost.
func checkHeard(t *testing.T, heard []int16, twice int) {
	// Skip the silence before the chirp began.
	i := 0
	for i < len(heard) && heard[i] == 0 {
		i++
	}
	if i == len(heard) {
		t.Fatalf("nothing was heard (%d samples recorded)", len(heard))
	}
	same := func(a int16, j int) bool { return math.Abs(float64(a)-chirpSample(j)*(1<<15-1)) <= 3 }
	// The first part, up to the pause.
	j := 0
	for i < len(heard) && j < chirpLen && same(heard[i], j) {
		i, j = i+1, j+1
	}
	paused := j
	if paused < chirpRate/2 || paused >= chirpLen {
		t.Fatalf("the first part heard is %d samples of the chirp; want about a second of it, then the pause", paused)
	}
	// The pause: silence.
	gap := 0
	for i < len(heard) && math.Abs(float64(heard[i])) <= 3 {
		i, gap = i+1, gap+1
	}
	if gap < chirpRate/4 {
		t.Errorf("the pause is %d ms of silence; want most of the 400 ms paused (the device should stop at once)", gap*1000/chirpRate)
	}
	// Where the chirp goes on: where it stopped, or up to twice samples
	// before, but never after (give or take the samples too quiet to tell
	// from the silence): nothing may be lost.
	resumed := -1
	for k := max(0, paused-twice); k <= paused+4 && resumed < 0; k++ {
		ok := i+2000 <= len(heard)
		for m := 0; ok && m < 2000; m++ {
			ok = same(heard[i+m], k+m)
		}
		if ok {
			resumed = k
		}
	}
	if resumed < 0 {
		t.Fatalf("after the pause (%d ms), what is heard is not the chirp from where it stopped (sample %d) or up to %d ms before", gap*1000/chirpRate, paused, twice*1000/chirpRate)
	}
	j = resumed
	for i < len(heard) && j < chirpLen && same(heard[i], j) {
		i, j = i+1, j+1
	}
	if j != chirpLen {
		t.Errorf("the rest of the chirp breaks off at sample %d of %d", j, chirpLen)
	}
	t.Logf("heard: %d samples, paused at %d, silence %d ms, went on at %d, to the end", len(heard), paused, gap*1000/chirpRate, resumed)
}

func TestSpeakerPauseLosesNothingChild(t *testing.T) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "pulse" {
		t.Skip("run by TestSpeakerPauseLosesNothing")
	}
	out := SpeakerOutput()
	out.noPause = os.Getenv("TRIENLAM_TEST_NOPAUSE") != ""
	if err := out.Init(chirpRate); err != nil {
		t.Fatal(err)
	}
	c := &chirp{}
	out.Play(c)
	if err := out.Resume(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if l := out.Latency(); l <= 0 || l > speakerBuffer+100*time.Millisecond {
		t.Errorf("Latency %s while playing; want what the device holds, up to its buffer (%s)", l, speakerBuffer)
	}
	if err := out.Suspend(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(400 * time.Millisecond)
	if err := out.Resume(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		out.Lock()
		done := c.pos == chirpLen
		out.Unlock()
		if done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the chirp was not pulled to its end (at %d of %d)", c.pos, chirpLen)
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(out.Latency() + 100*time.Millisecond)
	if err := out.Suspend(); err != nil {
		t.Fatal(err)
	}
}

// TestSpeakerDeviceGoesAway stops the sound server in the middle of a
// track: the Player must notice (OnDeviceLost), go on in silent mode and
// reach the end.
func TestSpeakerDeviceGoesAway(t *testing.T) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "" {
		t.Skip("in the child")
	}
	conf, _, _, server := pulseServer(t)
	pid := fmt.Sprint(server.Process.Pid)
	out := runChild(t, "TestSpeakerDeviceGoesAwayChild", "TRIENLAM_AUDIO_CHILD=gone", "ALSA_CONFIG_PATH="+conf, "TRIENLAM_TEST_PULSE_PID="+pid)
	t.Logf("child:\n%s", out)
}

func TestSpeakerDeviceGoesAwayChild(t *testing.T) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "gone" {
		t.Skip("run by TestSpeakerDeviceGoesAway")
	}
	var pid int
	fmt.Sscan(os.Getenv("TRIENLAM_TEST_PULSE_PID"), &pid)
	server, err := os.FindProcess(pid)
	if err != nil {
		t.Fatal(err)
	}
	out := SpeakerOutput()
	p := NewPlayer(out, SystemClock())
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, os.DirFS("testdata"), "sine3s.ogg", "sine3s.vtt"); err != nil {
		t.Fatal(err)
	}
	if p.Silent() {
		t.Fatalf("the sound server was not found: %v", out.Err())
	}
	p.Play()
	time.Sleep(700 * time.Millisecond)
	if err := server.Kill(); err != nil {
		t.Fatal(err)
	}
	waitWhilePlaying(t, p)
	if p.State() != Ended || rec.ended != 1 {
		t.Errorf("state %s, ended %d times", p.State(), rec.ended)
	}
	if !p.Silent() || len(rec.lost) != 1 || !errors.Is(rec.lost[0], ErrNoSoundDevice) {
		t.Errorf("silent %v, OnDeviceLost %v", p.Silent(), rec.lost)
	}
	t.Logf("device lost: %v", rec.lost)
}

func readS16(t *testing.T, path string) []int16 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := make([]int16, len(b)/2)
	for i := range s {
		s[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	return s
}

var _ beep.Streamer = (*chirp)(nil)
