//go:build linux

package audio

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// waitState ticks p, as the UI does, until it leaves Playing (the deadline
// only guards against a hang; nothing here asserts a duration).
func waitWhilePlaying(t *testing.T, p *Player) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for p.State() == Playing {
		if time.Now().After(deadline) {
			t.Fatalf("still playing at %s of %s", p.Position(), p.Duration())
		}
		time.Sleep(2 * time.Millisecond)
		p.Tick()
	}
}

// TestSpeakerNullDevice plays real decoded audio through the real speaker
// (ALSA) on the null device that TestMain configured.
func TestSpeakerNullDevice(t *testing.T) {
	out := SpeakerOutput()
	if !out.Available() {
		t.Fatalf("the speaker does not open the ALSA null device: %v", out.Err())
	}
	for _, name := range []string{"sine3s.wav", "sine3s.ogg", "sine3s.flac"} {
		t.Run(name, func(t *testing.T) {
			testdataFile(t, name)
			p := NewPlayer(out, SystemClock())
			rec := &recorder{}
			rec.attach(p)
			if err := load(t, p, os.DirFS("testdata"), name, "sine3s.vtt"); err != nil {
				t.Fatal(err)
			}
			if p.Duration() != 3*time.Second || len(p.Cues()) != 3 {
				t.Fatalf("Duration %s, %d cues", p.Duration(), len(p.Cues()))
			}
			p.Play()
			waitWhilePlaying(t, p)
			if p.State() != Ended {
				t.Fatalf("state %s, error %v", p.State(), p.Err())
			}
			if p.Position() != p.Duration() {
				t.Errorf("Position %s at the end, Duration %s", p.Position(), p.Duration())
			}
			if rec.ended != 1 || len(rec.lost) != 0 || p.Silent() {
				t.Errorf("ended %d times, device lost %v, silent %v", rec.ended, rec.lost, p.Silent())
			}
			cues := rec.takeCues()
			if len(cues) == 0 || cues[len(cues)-1] != -1 {
				t.Errorf("OnCue %v does not end with -1", cues)
			}

			// Pause holds the position while the speaker is suspended.
			p.Seek(time.Second)
			p.Play()
			p.Pause()
			at := p.Position()
			time.Sleep(50 * time.Millisecond)
			if p.Position() != at {
				t.Errorf("position moved while paused: %s → %s", at, p.Position())
			}
			if at < time.Second || at > p.Duration() {
				t.Errorf("position %s after seeking to 1s and playing", at)
			}
			p.Close()
		})
	}
}

// TestSpeakerWithoutDevice runs TestSpeakerWithoutDeviceChild in a child
// process whose ALSA default device is a sound card that does not exist, as
// on a PC without one: the speaker must say it is not available (on
// Windows, beep's speaker.Init succeeds there and only the Resume check
// reveals the missing device), and the Player must go on in silent mode.
func TestSpeakerWithoutDevice(t *testing.T) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "" {
		t.Skip("in the child")
	}
	conf := filepath.Join(t.TempDir(), "asound.conf")
	if err := os.WriteFile(conf, []byte("pcm.!default { type hw card 97 }\npcm.card97 { type hw card 97 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runChild(t, "TestSpeakerWithoutDeviceChild", "TRIENLAM_AUDIO_CHILD=nodevice", "ALSA_CONFIG_PATH="+conf)
	t.Logf("child:\n%s", out)
}

// runChild runs test name of this package in a child process with env
// added, and fails unless it passes; it returns the child's output.
func runChild(t *testing.T, name string, env ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.v")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("child: %v\n%s", err, out)
	}
	return string(out)
}

func TestSpeakerWithoutDeviceChild(t *testing.T) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "nodevice" {
		t.Skip("run by TestSpeakerWithoutDevice")
	}
	out := SpeakerOutput()
	if out.Available() {
		t.Fatal("a missing sound card counts as available")
	}
	t.Logf("Err: %v", out.Err())
	if !errors.Is(out.Err(), ErrNoSoundDevice) {
		t.Errorf("Err %v is not ErrNoSoundDevice", out.Err())
	}
	p := NewPlayer(out, SystemClock())
	rec := &recorder{}
	rec.attach(p)
	if err := load(t, p, os.DirFS("testdata"), "sine3s.wav", "sine3s.vtt"); err != nil {
		t.Fatal(err)
	}
	if !p.Silent() || len(rec.lost) != 1 {
		t.Fatalf("silent %v, OnDeviceLost %v", p.Silent(), rec.lost)
	}
	// Silent mode plays by the clock: Position moves.
	p.Play()
	p.Seek(2900 * time.Millisecond)
	waitWhilePlaying(t, p)
	if p.State() != Ended || rec.ended != 1 {
		t.Errorf("state %s, ended %d", p.State(), rec.ended)
	}
}
