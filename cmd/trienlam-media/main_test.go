package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	mpv "github.com/gen2brain/go-mpv"

	"trienlam/audio/media/proto"
)

// runHelper runs the helper's command loop on a pipe and returns a function
// to send a command line and the decoded events.
func runHelper(t *testing.T) (send func(string), events <-chan proto.Message, wait func() int) {
	t.Helper()
	return runHelperWith(t, options{vo: "null", ao: "null"})
}

// runHelperWith is runHelper with the helper's options.
func runHelperWith(t *testing.T, opt options) (send func(string), events <-chan proto.Message, wait func() int) {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	var seq atomic.Int64
	w := &writer{enc: json.NewEncoder(outW), seq: &seq}
	h := &helper{opt: opt, w: w}
	code := make(chan int, 1)
	go func() {
		code <- h.run(inR, &seq)
		outW.Close()
	}()
	ch := make(chan proto.Message, 100)
	go func() {
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			var m proto.Message
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Errorf("not JSON: %q", sc.Text())
				continue
			}
			ch <- m
		}
		close(ch)
	}()
	send = func(line string) {
		if _, err := io.WriteString(inW, line+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	wait = func() int {
		inW.Close()
		select {
		case c := <-code:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("the helper did not end at the end of its input")
		}
		return -1
	}
	return send, ch, wait
}

func nextEvent(t *testing.T, ch <-chan proto.Message) proto.Message {
	t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no event")
	}
	return proto.Message{}
}

// Bad commands get an error event naming what is wrong; the helper goes
// on, and ends with status 0 at the end of its input.
func TestBadCommands(t *testing.T) {
	send, ch, wait := runHelper(t)
	for _, tc := range []struct{ line, code, text string }{
		{`not json`, proto.CodeCommand, "bad command"},
		{`{"cmd":"dance","seq":1}`, proto.CodeCommand, `unknown command "dance"`},
		{`{"cmd":"play","seq":2}`, proto.CodeCommand, "nothing is loaded"},
		{`{"cmd":"load","seq":3,"path":"/no/such/clip.mp4","video":true}`, proto.CodeLoad, "no such file"},
		{`{"cmd":"load","seq":4}`, proto.CodeLoad, "no path"},
	} {
		send(tc.line)
		m := nextEvent(t, ch)
		if m.Event != proto.EvError || m.Code != tc.code || !strings.Contains(m.Message, tc.text) {
			t.Errorf("%s: got %+v, want a %s error about %q", tc.line, m, tc.code, tc.text)
		}
	}
	send(`{"cmd":"volume","seq":5,"volume":40}`) // kept for the next file: no event
	send(`{"cmd":"stop","seq":6}`)
	if code := wait(); code != 0 {
		t.Errorf("exit status %d", code)
	}
	if v := volume.Load().(float64); v != 40 {
		t.Errorf("volume %v, want 40", v)
	}
	volume.Store(100.0)
}

// An audio file plays with no window: ready, positions, ended, then the
// events carry the load's ID and the last command's Seq.
func TestPlayAudio(t *testing.T) {
	f := tone(t, t.TempDir(), "giong-noi.opus", "libopus", "1.5")
	send, ch, wait := runHelper(t)
	send(`{"cmd":"load","seq":7,"path":` + quote(f) + `}`)
	m := nextEvent(t, ch)
	if m.Event != proto.EvReady || m.ID != 7 || m.Duration < 1.4 || m.Duration > 1.6 {
		t.Fatalf("first event %+v, want ready for 7 with about 1.5 s", m)
	}
	positions := 0
	for m.Event != proto.EvEnded {
		m = nextEvent(t, ch)
		if m.Event == proto.EvError {
			t.Fatalf("error: %+v", m)
		}
		if m.Event == proto.EvPosition {
			positions++
		}
	}
	if positions < 3 {
		t.Errorf("%d position events in 1.5 s", positions)
	}
	send(`{"cmd":"quit","seq":8}`)
	if code := wait(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// Without a sound device a recording still plays, silently and at its
// normal pace, to its end: narration keeps its captions and a clip ends
// normally instead of looking damaged. ALSA with no device configured is
// a PC without a sound card.
func TestPlayWithoutSoundDevice(t *testing.T) {
	dir := t.TempDir()
	f := tone(t, dir, "giong-noi.m4a", "aac", "1.5")
	conf := filepath.Join(dir, "asound.conf")
	if err := os.WriteFile(conf, []byte("# no sound card\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ALSA_CONFIG_PATH", conf)
	send, ch, wait := runHelperWith(t, options{vo: "null", ao: "alsa"})
	send(`{"cmd":"load","seq":9,"path":` + quote(f) + `}`)
	m := nextEvent(t, ch)
	if m.Event != proto.EvReady {
		t.Fatalf("first event %+v, want ready", m)
	}
	send(`{"cmd":"play","seq":10}`)
	for m.Event != proto.EvEnded {
		m = nextEvent(t, ch)
		if m.Event == proto.EvError {
			t.Fatalf("error without a sound device: %+v", m)
		}
	}
	send(`{"cmd":"quit","seq":11}`)
	if code := wait(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// A play sent just after a paused load's ready must not be undone by a
// "paused" the event loop read before mpv had the play: such an event
// carries the load's Seq, older than the play's, and the client drops it.
// The race is narrow, so it is run many times at slightly different
// moments; under the old rule (Seq counted when a command is read) the
// exhibit's narration test saw Playing, Paused, Playing on a busy machine.
func TestPausedReadBeforePlayIsStale(t *testing.T) {
	f := tone(t, t.TempDir(), "cau.opus", "libopus", "0.3")
	send, ch, wait := runHelper(t)
	seq := int64(0)
	for round := range 100 {
		seq++
		load := seq
		send(fmt.Sprintf(`{"cmd":"load","seq":%d,"paused":true,"path":%s}`, load, quote(f)))
		m := nextEvent(t, ch)
		for m.ID != load || m.Event != proto.EvReady {
			m = nextEvent(t, ch)
		}
		time.Sleep(time.Duration(round%8) * 500 * time.Microsecond)
		seq++
		play := seq
		send(fmt.Sprintf(`{"cmd":"play","seq":%d}`, play))
		for m.Event != proto.EvEnded {
			m = nextEvent(t, ch)
			switch {
			case m.Event == proto.EvError:
				t.Fatalf("round %d: %+v", round, m)
			case m.Event == proto.EvPaused && m.Seq >= play:
				t.Fatalf("round %d: %+v after play %d: a pause read before the play, reported as newer", round, m, play)
			}
		}
	}
	send(fmt.Sprintf(`{"cmd":"quit","seq":%d}`, seq+1))
	if code := wait(); code != 0 {
		t.Errorf("exit status %d", code)
	}
}

// tone makes a 500 Hz tone of seconds in dir/name with ffmpeg's codec,
// and skips the test when ffmpeg is missing.
func tone(t *testing.T, dir, name, codec, seconds string) string {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg is not installed (scripts/deps.sh installs it for the tests)")
	}
	f := filepath.Join(dir, name)
	if out, err := exec.Command(ffmpeg, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=500", "-t", seconds, "-c:a", codec, f).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	return f
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// clientMessage reads mpv's struct { int num_args; const char **args; }.
func TestClientMessage(t *testing.T) {
	a := []byte("trienlam-close\x00")
	b := []byte("x\x00")
	args := []*byte{&a[0], &b[0]}
	msg := struct {
		n    int32
		args unsafe.Pointer
	}{2, unsafe.Pointer(&args[0])}
	got := clientMessage(&mpv.Event{Data: unsafe.Pointer(&msg)})
	if len(got) != 2 || got[0] != closeMessage || got[1] != "x" {
		t.Errorf("clientMessage = %q", got)
	}
	if clientMessage(&mpv.Event{}) != nil {
		t.Error("no data gives arguments")
	}
}
