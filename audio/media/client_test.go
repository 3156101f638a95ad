package media

import (
	"bytes"
	"context"
	"errors"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// A short clip plays to its end with position reports that grow, about
// four a second, and Ready gives its length.
func TestPlayClip(t *testing.T) {
	clip := testClip(t)
	c := startClient(t)
	if c.MPVVersion() == "" {
		t.Error("no libmpv version in the hello")
	}
	id, err := c.Load(LoadRequest{Path: clip, Video: true, Title: "Thử nghiệm"})
	if err != nil {
		t.Fatal(err)
	}
	ready, _ := waitFor(t, c, Ready, 10*time.Second)
	if ready.ID != id {
		t.Errorf("Ready for file %d, loaded %d", ready.ID, id)
	}
	if d := ready.Duration; d < 2900*time.Millisecond || d > 3100*time.Millisecond {
		t.Errorf("duration %s, want about 3 s", d)
	}
	start := time.Now()
	_, before := waitFor(t, c, Ended, 10*time.Second)
	took := time.Since(start)
	var last time.Duration = -1
	n := 0
	for _, ev := range before {
		if ev.Kind != Position {
			continue
		}
		if ev.Position < last {
			t.Errorf("position went back from %s to %s", last, ev.Position)
		}
		last = ev.Position
		n++
	}
	if n < 8 {
		t.Errorf("%d position events in %s of playing (%v); want about 4 a second", n, took, kinds(before))
	}
	if last < 2500*time.Millisecond {
		t.Errorf("last position %s before the end of a 3 s clip", last)
	}
	if took < 2500*time.Millisecond {
		t.Errorf("a 3 s clip ended after %s: not played in real time", took)
	}
}

// Pause stops the position reports; seek moves them; positions from before
// the seek are dropped.
func TestPauseSeekAudio(t *testing.T) {
	clip := testM4A(t)
	c := startClient(t)
	if _, err := c.Load(LoadRequest{Path: clip}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c, Ready, 10*time.Second)
	waitFor(t, c, Position, 5*time.Second)
	if err := c.Pause(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c, Paused, 5*time.Second)
	// Nothing while paused.
	select {
	case ev := <-c.Events():
		if ev.Kind == Position {
			t.Errorf("position event while paused: %+v", ev)
		}
	case <-time.After(700 * time.Millisecond):
	}
	if err := c.Seek(2 * time.Second); err != nil {
		t.Fatal(err)
	}
	if err := c.Play(); err != nil {
		t.Fatal(err)
	}
	ev, _ := waitFor(t, c, Position, 5*time.Second)
	if ev.Position < 1900*time.Millisecond {
		t.Errorf("first position after seeking to 2 s: %s", ev.Position)
	}
	waitFor(t, c, Ended, 5*time.Second)
	// An audio file stays loaded at its end: play starts it again.
	if err := c.Play(); err != nil {
		t.Fatal(err)
	}
	ev, _ = waitFor(t, c, Position, 5*time.Second)
	if ev.Position > time.Second {
		t.Errorf("play after the end went on at %s, want the start", ev.Position)
	}
}

// A helper killed in the middle of a clip gives a Crashed event; the Client
// then answers at once with an error, and a new helper plays again.
func TestKillHelperMidClip(t *testing.T) {
	clip := testClip(t)
	c := startClient(t)
	if _, err := c.Load(LoadRequest{Path: clip, Video: true}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c, Ready, 10*time.Second)
	waitFor(t, c, Position, 5*time.Second)
	proc, err := os.FindProcess(c.PID())
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Kill(); err != nil { // SIGKILL on Unix
		t.Fatal(err)
	}
	ev, _ := waitFor(t, c, Crashed, 5*time.Second)
	isErr(t, ev.Err, ErrHelperCrashed)
	if _, ok := <-c.Events(); ok {
		t.Error("events channel still open after Crashed")
	}
	start := time.Now()
	err = c.Play()
	isErr(t, err, ErrHelperCrashed)
	if _, err := c.Load(LoadRequest{Path: clip}); err == nil {
		t.Error("Load on a dead helper succeeded")
	}
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Errorf("calls on a dead helper took %s", d)
	}
	if got := Explain(ev.Err, "vi"); !strings.Contains(got, "vẫn chạy bình thường") {
		t.Errorf("Explain(crash) = %q", got)
	}
	if got := Reason(ev.Err); got != "crashed" {
		t.Errorf("Reason(crash) = %q", got)
	}

	c2 := startClient(t)
	if _, err := c2.Load(LoadRequest{Path: clip, Video: true}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c2, Ready, 10*time.Second)
	waitFor(t, c2, Position, 5*time.Second)
}

// A corrupt file gives an error event; the helper goes on and plays the
// next file.
func TestCorruptFile(t *testing.T) {
	clip := testClip(t)
	bad := filepath.Join(t.TempDir(), "hong.mp4")
	junk := make([]byte, 64<<10)
	rand.New(rand.NewSource(1)).Read(junk)
	if err := os.WriteFile(bad, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	// A real clip cut in half, too.
	data, err := os.ReadFile(clip)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.mp4")
	os.WriteFile(cut, data[:len(data)/3], 0o644)

	c := startClient(t)
	for _, f := range []string{bad, filepath.Join(t.TempDir(), "missing.mp4")} {
		if _, err := c.Load(LoadRequest{Path: f, Video: true}); err != nil {
			t.Fatal(err)
		}
		ev, _ := waitFor(t, c, Error, 10*time.Second)
		var he *HelperError
		if !errors.As(ev.Err, &he) || he.Code != "load" {
			t.Errorf("%s: error %v, want a load error", filepath.Base(f), ev.Err)
		}
		if got := Explain(ev.Err, "vi"); !strings.Contains(got, "tệp bị hỏng") {
			t.Errorf("Explain = %q", got)
		}
	}
	// The truncated clip: an error or a short play, but never a dead helper.
	if _, err := c.Load(LoadRequest{Path: cut, Video: true}); err != nil {
		t.Fatal(err)
	}
	deadline := time.After(10 * time.Second)
wait:
	for {
		select {
		case ev := <-c.Events():
			if ev.Kind == Crashed {
				t.Fatalf("helper crashed on a truncated clip: %v", ev.Err)
			}
			if ev.Kind == Error || ev.Kind == Ended {
				break wait
			}
		case <-deadline:
			t.Fatal("no end or error for the truncated clip")
		}
	}
	if _, err := c.Load(LoadRequest{Path: clip, Video: true}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c, Ready, 10*time.Second)
	waitFor(t, c, Position, 5*time.Second)
}

// writeScript writes an executable shell script standing in for the helper.
func writeScript(t *testing.T, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("fake helpers are shell scripts")
	}
	p := filepath.Join(t.TempDir(), "fake-helper")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// Without libmpv, Start says so, and Explain tells staff what to install.
func TestNoLibMPV(t *testing.T) {
	for name, script := range map[string]string{
		"helper reports it": `echo '{"event":"error","code":"no-libmpv","message":"mpv_create failed"}'; exit 3`,
		"dynamic loader":    `echo "$0: error while loading shared libraries: libmpv.so.2: cannot open shared object file: No such file or directory" >&2; exit 127`,
		"nocgo build":       `echo "panic: cannot load library libmpv.dll: The specified module could not be found." >&2; echo "goroutine 1 [running]:" >&2; exit 2`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := StartWith(context.Background(), Options{Helper: writeScript(t, script)})
			isErr(t, err, ErrLibMPVMissing)
			if got := Reason(err); got != "no-libmpv" {
				t.Errorf("Reason = %q", got)
			}
			msg := Explain(err, "vi")
			for _, want := range []string{"libmpv", "sudo apt install libmpv2", "Windows", "libmpv-2.dll", "setup.exe"} {
				if !strings.Contains(msg, want) {
					t.Errorf("Explain = %q, lacks %q", msg, want)
				}
			}
		})
	}
}

// The real helper, made to need a libmpv that is not there (its ELF asks
// for libmpv.so.9), fails in the dynamic loader: ErrLibMPVMissing.
func TestNoLibMPVRealLoader(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF only")
	}
	b, err := os.ReadFile(helperPath(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("libmpv.so.2\x00")) {
		t.Skip("the helper does not name libmpv.so.2 (not a cgo build?)")
	}
	p := filepath.Join(t.TempDir(), HelperName)
	if err := os.WriteFile(p, bytes.ReplaceAll(b, []byte("libmpv.so.2\x00"), []byte("libmpv.so.9\x00")), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err = StartWith(context.Background(), Options{Helper: p})
	isErr(t, err, ErrLibMPVMissing)
	if !strings.Contains(err.Error(), "libmpv.so.9") {
		t.Errorf("error %q does not quote the loader", err)
	}
}

func TestHelperMissing(t *testing.T) {
	_, err := StartWith(context.Background(), Options{Helper: filepath.Join(t.TempDir(), "trienlam-media")})
	isErr(t, err, ErrHelperMissing)
	if got := Explain(err, "vi"); !strings.Contains(got, "trienlam-media") {
		t.Errorf("Explain = %q", got)
	}
	if got := Reason(err); got != "no-helper" {
		t.Errorf("Reason = %q", got)
	}
	t.Setenv("TRIENLAM_MEDIA_HELPER", filepath.Join(t.TempDir(), "nothing"))
	_, err = FindHelper()
	isErr(t, err, ErrHelperMissing)
	_, err = Start(context.Background())
	isErr(t, err, ErrHelperMissing)
}

// A helper that dies right after its hello: Crashed, and every call
// returns at once.
func TestHelperDiesAfterHello(t *testing.T) {
	c, err := StartWith(context.Background(), Options{Helper: writeScript(t,
		`echo '{"event":"hello","version":1,"mpv":"2.0"}'; echo oops >&2; exit 9`)})
	if err != nil {
		t.Fatal(err)
	}
	ev, _ := waitFor(t, c, Crashed, 5*time.Second)
	if !strings.Contains(ev.Err.Error(), "oops") || !strings.Contains(ev.Err.Error(), "exit status 9") {
		t.Errorf("crash error %q lacks the exit status and stderr", ev.Err)
	}
	start := time.Now()
	for i := 0; i < 100; i++ {
		if err := c.Seek(time.Second); err == nil {
			t.Fatal("Seek on a dead helper succeeded")
		}
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("100 calls on a dead helper took %s", d)
	}
	if err := c.Close(); err != nil {
		t.Error(err)
	}
}

// A helper that stops reading its commands is declared hung after a
// bounded wait and killed; the caller is never stuck.
func TestHungHelper(t *testing.T) {
	c, err := StartWith(context.Background(), Options{Helper: writeScript(t,
		`echo '{"event":"hello","version":1,"mpv":"2.0"}'; exec sleep 60`)})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var last error
	for i := 0; i < 20000 && last == nil; i++ {
		last = c.Seek(time.Duration(i) * time.Millisecond)
	}
	if !errors.Is(last, ErrHelperBusy) && !errors.Is(last, ErrHelperCrashed) {
		t.Fatalf("after many commands to a hung helper: %v", last)
	}
	if d := time.Since(start); d > writeTimeout+3*time.Second {
		t.Errorf("hung helper held the caller %s", d)
	}
	waitFor(t, c, Crashed, 5*time.Second)
}

// Close ends the helper without a Crashed event and closes the channel.
func TestClose(t *testing.T) {
	c := startClient(t)
	done := make(chan struct{})
	var evs []Event
	go func() {
		for ev := range c.Events() {
			evs = append(evs, ev)
		}
		close(done)
	}()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("events not closed after Close")
	}
	for _, ev := range evs {
		if ev.Kind == Crashed {
			t.Errorf("Crashed after Close: %v", ev.Err)
		}
	}
	isErr(t, c.Play(), ErrClosed)
}

// The helper quits when the exhibit goes: the end of its input.
func TestHelperQuitsAtEndOfInput(t *testing.T) {
	cmd := exec.Command(helperPath(t), "-vo=null", "-ao=null")
	cmd.Stdin = strings.NewReader(`{"cmd":"volume","seq":1,"volume":50}` + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper: %v", err)
	}
	if !bytes.HasPrefix(out, []byte(`{"event":"hello"`)) {
		t.Errorf("output %q", out)
	}
}

// The exhibit itself never links libmpv: only the helper does.
func TestMainBinaryDoesNotLinkMPV(t *testing.T) {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	for _, pkg := range []string{"trienlam", "trienlam/audio/media"} {
		out, err := exec.Command(gobin, "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		deps := string(out)
		if !strings.Contains(deps, "\n"+pkg+"\n") && !strings.HasSuffix(deps, pkg+"\n") {
			t.Fatalf("go list -deps %s does not list %s itself:\n%s", pkg, pkg, deps)
		}
		for _, bad := range []string{"github.com/gen2brain/go-mpv", "fyne.io/fyne/v2\n"} {
			if bad == "fyne.io/fyne/v2\n" && pkg == "trienlam" {
				continue
			}
			if strings.Contains(deps, bad) {
				t.Errorf("%s depends on %s", pkg, strings.TrimSpace(bad))
			}
		}
	}
}

// TestExplainLanguage checks that Explain speaks the exhibit's language:
// English in the English exhibit, Vietnamese in the Vietnamese one, for
// every error it words.
func TestExplainLanguage(t *testing.T) {
	for _, err := range []error{ErrLibMPVMissing, ErrHelperMissing, ErrHelperCrashed, ErrHelperBusy, &HelperError{Code: "load", Message: "x"}, errors.New("odd")} {
		en, vi := Explain(err, "en"), Explain(err, "vi")
		if en == "" || vi == "" || en == vi {
			t.Errorf("%v: en %q, vi %q", err, en, vi)
		}
		if strings.Contains(en, "Không") || !strings.Contains(vi, "Không") && !strings.Contains(vi, "sự cố") {
			t.Errorf("%v: en %q, vi %q: not in their languages", err, en, vi)
		}
	}
}
