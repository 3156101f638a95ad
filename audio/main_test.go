package audio

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain points ALSA at its null device before anything opens the speaker,
// so that the tests and benchmarks that use the real SpeakerOutput run on
// machines without a sound card (CI) and never make a sound on those with
// one. On the null device playback runs faster than real time.
func TestMain(m *testing.M) {
	if os.Getenv("TRIENLAM_AUDIO_CHILD") != "" { // a child process with its own ALSA set-up
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "trienlam-audio-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	conf := filepath.Join(dir, "asound.conf")
	if err := os.WriteFile(conf, []byte("pcm.!default { type null }\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("ALSA_CONFIG_PATH", conf)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
