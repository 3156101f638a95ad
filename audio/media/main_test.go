package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests build the real helper once (it links libmpv: scripts/deps.sh
// installs libmpv-dev) and make their clips with ffmpeg (installed by
// scripts/deps.sh for the tests; without it those tests skip, saying so).

var (
	buildOnce sync.Once
	helperBin string
	buildErr  error
	tmpRoot   string
)

func TestMain(m *testing.M) {
	var err error
	tmpRoot, err = os.MkdirTemp("", "trienlam-media-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// helperPath builds cmd/trienlam-media into a temporary folder, once.
func helperPath(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		helperBin = filepath.Join(tmpRoot, "bin", HelperName)
		gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
		cmd := exec.Command(gobin, "build", "-o", helperBin, "trienlam/cmd/trienlam-media")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			buildErr = fmt.Errorf("go build trienlam/cmd/trienlam-media (needs libmpv-dev: scripts/deps.sh installs it): %v\n%s", err, out.String())
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return helperBin
}

// testOptions runs the real helper with no window and no sound.
func testOptions(t *testing.T) Options {
	return Options{Helper: helperPath(t), Args: []string{"-vo=null", "-ao=null"}}
}

var clipMu sync.Mutex

// makeMedia runs ffmpeg once per output name; args are its arguments
// between the inputs and the output.
func makeMedia(t *testing.T, name string, args ...string) string {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg is not installed (scripts/deps.sh installs it for the tests): cannot make test clips")
	}
	clipMu.Lock()
	defer clipMu.Unlock()
	out := filepath.Join(tmpRoot, name)
	if _, err := os.Stat(out); err == nil {
		return out
	}
	full := append([]string{"-hide_banner", "-loglevel", "error", "-y"}, args...)
	full = append(full, out)
	if b, err := exec.Command(ffmpeg, full...).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg %s: %v\n%s", strings.Join(full, " "), err, b)
	}
	return out
}

// testClip is a 3 s video (testsrc) with a 440 Hz tone: H.264/AAC in MP4,
// or MPEG-4/MP3 when this ffmpeg has no libx264.
func testClip(t *testing.T) string {
	t.Helper()
	in := []string{"-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "3"}
	if ffmpegHas(t, "libx264") {
		return makeMedia(t, "clip.mp4", append(in, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac")...)
	}
	return makeMedia(t, "clip-mpeg4.mp4", append(in, "-c:v", "mpeg4", "-c:a", "mp3")...)
}

// testM4A is a 3 s AAC tone in an .m4a, like a phone recording.
func testM4A(t *testing.T) string {
	t.Helper()
	return makeMedia(t, "voice.m4a", "-f", "lavfi", "-i", "sine=frequency=330", "-t", "3", "-c:a", "aac", "-b:a", "64k")
}

func ffmpegHas(t *testing.T, encoder string) bool {
	out, err := exec.Command("ffmpeg", "-hide_banner", "-encoders").Output()
	return err == nil && bytes.Contains(out, []byte(" "+encoder+" "))
}

// startClient starts the real helper and closes it at the end of the test.
func startClient(t *testing.T) *Client {
	t.Helper()
	c, err := StartWith(context.Background(), testOptions(t))
	if err != nil {
		t.Fatalf("StartWith: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// next returns the next event, failing after timeout.
func next(t *testing.T, c *Client, timeout time.Duration) (Event, bool) {
	t.Helper()
	select {
	case ev, ok := <-c.Events():
		return ev, ok
	case <-time.After(timeout):
		t.Fatalf("no event within %s", timeout)
	}
	return Event{}, false
}

// waitFor reads events until one of kind k, returning those before it too.
func waitFor(t *testing.T, c *Client, k EventKind, timeout time.Duration) (Event, []Event) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var seen []Event
	for {
		left := time.Until(deadline)
		if left <= 0 {
			t.Fatalf("no %s event within %s; saw %v", k, timeout, kinds(seen))
		}
		ev, ok := next(t, c, left)
		if !ok {
			t.Fatalf("events closed before %s; saw %v", k, kinds(seen))
		}
		if ev.Kind == k {
			return ev, seen
		}
		if ev.Kind == Crashed || (ev.Kind == Error && k != Error) {
			t.Fatalf("waiting for %s: got %s: %v", k, ev.Kind, ev.Err)
		}
		seen = append(seen, ev)
	}
}

func kinds(evs []Event) string {
	var s []string
	for _, e := range evs {
		s = append(s, e.Kind.String())
	}
	return strings.Join(s, " ")
}

// isErr is errors.Is with a message naming the error.
func isErr(t *testing.T, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error %v; want one wrapping %v", err, target)
	}
}
