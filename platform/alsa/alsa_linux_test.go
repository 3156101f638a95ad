package alsa

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestNullDevice opens ALSA's null device (every ALSA set-up has it; it
// takes whatever is written) and writes to it without waiting.
func TestNullDevice(t *testing.T) {
	p, err := Open("null", 22050, 2, 600*time.Millisecond, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if p.Rate() != 22050 {
		t.Errorf("rate %d, asked 22050 with resampling allowed", p.Rate())
	}
	// The buffer and period as asked, give or take the device's rounding.
	if p.Buffer() < 22050/2 || p.Buffer() > 22050 || p.Period() < 22050/10 || p.Period() > p.Buffer()/2 {
		t.Errorf("buffer %d, period %d frames; asked 13230 and 4410", p.Buffer(), p.Period())
	}
	room, err := p.Avail()
	if err != nil || room != p.Buffer() {
		t.Fatalf("Avail of a new stream: %d, %v; want the whole buffer (%d)", room, err, p.Buffer())
	}
	samples := make([]int16, 2*room)
	for i := range 3 {
		wrote, err := p.Write(samples)
		if err != nil || wrote <= 0 {
			t.Fatalf("write %d: %d frames, %v", i, wrote, err)
		}
	}
	if n, err := p.Write(samples[:1]); n != 0 || err != nil {
		t.Errorf("writing half a frame: %d, %v; want nothing written", n, err)
	}
	if err := p.Drop(); err != nil {
		t.Errorf("Drop: %v", err)
	}
	if p.Running() || p.Delay() != 0 {
		t.Errorf("after Drop: running %v, delay %d", p.Running(), p.Delay())
	}
}

// TestMissingDevice: a sound card that is not there is an error that names
// the device and says what ALSA said; so is a device name ALSA does not
// know.
func TestMissingDevice(t *testing.T) {
	for _, name := range []string{"hw:97", "no-such-device"} {
		_, err := Open(name, 44100, 2, 400*time.Millisecond, 100*time.Millisecond)
		if err == nil {
			t.Fatalf("%s opened", name)
		}
		var ae *Error
		if !errors.As(err, &ae) || ae.Call != "snd_pcm_open" || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v; want an *Error from snd_pcm_open naming the device", name, err)
		}
		t.Log(err)
	}
}

func TestBadParameters(t *testing.T) {
	for _, c := range []struct {
		rate, channels int
		buffer, period time.Duration
	}{
		{0, 2, time.Second, time.Second / 4},
		{44100, 0, time.Second, time.Second / 4},
		{44100, 2, time.Second / 4, time.Second},
		{44100, 2, 0, 0},
	} {
		if p, err := Open("null", c.rate, c.channels, c.buffer, c.period); err == nil {
			p.Close()
			t.Errorf("Open(%d Hz, %d channels, %s, %s) succeeded", c.rate, c.channels, c.buffer, c.period)
		}
	}
}
