package kiosk

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"trienlam/audio"
)

var t0 = time.Date(2023, 9, 22, 8, 0, 0, 0, time.UTC)

func TestHashPIN(t *testing.T) {
	h1, err := HashPIN("1943")
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPIN("1943")
	if h1 == h2 {
		t.Error("same hash twice: no salt")
	}
	if !strings.HasPrefix(h1, "pbkdf2-sha256$150000$") || strings.Count(h1, "$") != 3 {
		t.Errorf("encoding %q", h1)
	}
	if !CheckPIN(h1, "1943") || !CheckPIN(h2, "1943") {
		t.Error("right PIN refused")
	}
	if CheckPIN(h1, "1944") || CheckPIN(h1, "") || CheckPIN(h1, "19430") {
		t.Error("wrong PIN accepted")
	}
	for _, bad := range []string{"", "123", "123456789", "12a4", "12 34", "١٢٣٤"} {
		if _, err := HashPIN(bad); err == nil {
			t.Errorf("HashPIN(%q) accepted", bad)
		}
	}
	if _, err := HashPIN("12345678"); err != nil {
		t.Error(err)
	}
}

func TestCheckPINTampered(t *testing.T) {
	h, _ := HashPIN("2209")
	parts := strings.Split(h, "$")
	flip := func(s string) string {
		b := []byte(s)
		if b[3] == 'A' {
			b[3] = 'B'
		} else {
			b[3] = 'A'
		}
		return string(b)
	}
	for name, enc := range map[string]string{
		"scheme":      "pbkdf2-sha1$" + strings.Join(parts[1:], "$"),
		"iterations":  parts[0] + "$150001$" + parts[2] + "$" + parts[3],
		"few":         parts[0] + "$1000$" + parts[2] + "$" + parts[3],
		"huge":        parts[0] + "$999999999999$" + parts[2] + "$" + parts[3],
		"plus":        parts[0] + "$+150000$" + parts[2] + "$" + parts[3],
		"salt":        parts[0] + "$" + parts[1] + "$" + flip(parts[2]) + "$" + parts[3],
		"hash":        parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + flip(parts[3]),
		"short hash":  parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + parts[3][:8],
		"bad base64":  parts[0] + "$" + parts[1] + "$" + parts[2] + "$!!" + parts[3][2:],
		"extra field": h + "$x",
		"missing":     parts[0] + "$" + parts[1] + "$" + parts[2],
		"empty":       "",
		"plain pin":   "2209",
	} {
		if CheckPIN(enc, "2209") {
			t.Errorf("%s: tampered hash %q accepted", name, enc)
		}
	}
}

func TestLock(t *testing.T) {
	clock := audio.NewFakeClock(t0)
	h, _ := HashPIN("1234")
	l := NewLock(clock)
	for i := 1; i < MaxTries; i++ {
		if ok, d := l.Try(h, "0000"); ok || d != 0 {
			t.Fatalf("try %d: %v %v", i, ok, d)
		}
	}
	if l.TriesLeft() != 1 {
		t.Errorf("tries left %d", l.TriesLeft())
	}
	if ok, d := l.Try(h, "0000"); ok || d != time.Minute {
		t.Fatalf("fifth wrong try: %v %v, want a minute's lock", ok, d)
	}
	clock.Advance(20 * time.Second)
	if ok, d := l.Try(h, "1234"); ok || d != 40*time.Second {
		t.Fatalf("right PIN during the lock: %v %v", ok, d)
	}
	clock.Advance(40 * time.Second)
	if l.RetryIn() != 0 || l.TriesLeft() != MaxTries {
		t.Errorf("after a minute: retry in %v, %d tries left", l.RetryIn(), l.TriesLeft())
	}
	if ok, _ := l.Try(h, "1234"); !ok {
		t.Fatal("right PIN refused after the lock ran out")
	}
	// A right PIN resets the count.
	for i := 0; i < MaxTries-1; i++ {
		l.Try(h, "9999")
	}
	l.Try(h, "1234")
	if ok, d := l.Try(h, "9999"); ok || d != 0 {
		t.Errorf("count not reset by a right PIN: %v %v", ok, d)
	}
}

// recorder collects an Idle's callbacks.
type recorder struct {
	mu  sync.Mutex
	got []string
}

func (r *recorder) add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, s)
}

func (r *recorder) take() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := strings.Join(r.got, " ")
	r.got = nil
	return s
}

func newIdle(clock audio.Clock) (*Idle, *recorder) {
	r := &recorder{}
	i := NewIdle(clock, 3*time.Minute, 10*time.Second)
	i.OnWarning = func(d time.Duration) { r.add("warn:" + d.String()) }
	i.OnTick = func(d time.Duration) { r.add(d.String()) }
	i.OnAttract = func() { r.add("attract") }
	i.OnActive = func() { r.add("active") }
	return i, r
}

func TestIdleCountdown(t *testing.T) {
	clock := audio.NewFakeClock(t0)
	i, r := newIdle(clock)
	i.Start()
	clock.Advance(3*time.Minute - time.Second)
	if i.State() != Active || r.take() != "" {
		t.Fatalf("before the idle time: %v", i.State())
	}
	clock.Advance(time.Second)
	if i.State() != Warning || i.Remaining() != 10*time.Second {
		t.Fatalf("at the idle time: %v, %v left", i.State(), i.Remaining())
	}
	if got := r.take(); got != "warn:10s" {
		t.Errorf("callbacks %q", got)
	}
	clock.Advance(2500 * time.Millisecond)
	if i.Remaining() != 7500*time.Millisecond {
		t.Errorf("remaining %v", i.Remaining())
	}
	clock.Advance(7500 * time.Millisecond)
	if got := r.take(); got != "9s 8s 7s 6s 5s 4s 3s 2s 1s attract" {
		t.Errorf("countdown %q", got)
	}
	if i.State() != Attract || i.Remaining() != 0 {
		t.Errorf("after the countdown: %v", i.State())
	}
	if clock.Pending() != 0 {
		t.Errorf("%d timers pending in Attract: nothing should run", clock.Pending())
	}
	clock.Advance(time.Hour)
	if r.take() != "" {
		t.Error("callbacks in Attract")
	}
	// A touch ends Attract and starts the idle time again.
	i.Touch()
	if i.State() != Active || r.take() != "active" {
		t.Errorf("touch in Attract: %v", i.State())
	}
	clock.Advance(3*time.Minute + 10*time.Second)
	if i.State() != Attract {
		t.Errorf("second session: %v", i.State())
	}
	i.Stop()
	if clock.Pending() != 0 {
		t.Errorf("%d timers pending after Stop", clock.Pending())
	}
}

func TestIdleTouch(t *testing.T) {
	clock := audio.NewFakeClock(t0)
	i, r := newIdle(clock)
	i.Start()
	// Touches while active push the idle time back without extra timers.
	for k := 0; k < 100; k++ {
		clock.Advance(time.Minute)
		i.Touch()
		if clock.Pending() != 1 {
			t.Fatalf("%d timers pending", clock.Pending())
		}
	}
	if i.State() != Active || r.take() != "" {
		t.Fatalf("kept touching: %v", i.State())
	}
	clock.Advance(3*time.Minute + 3*time.Second)
	if i.State() != Warning {
		t.Fatalf("state %v", i.State())
	}
	i.Touch()
	if got := r.take(); got != "warn:10s 9s 8s 7s active" || i.State() != Active {
		t.Errorf("touch during Warning: %q, %v", got, i.State())
	}
	clock.Advance(3*time.Minute - time.Second)
	if i.State() != Active || r.take() != "" {
		t.Errorf("idle time not restarted by the touch: %v", i.State())
	}
	clock.Advance(time.Second)
	if i.State() != Warning {
		t.Errorf("state %v", i.State())
	}
	i.Stop()
	if clock.Pending() != 0 {
		t.Errorf("%d timers pending after Stop", clock.Pending())
	}
	clock.Advance(time.Hour)
	if got := r.take(); got != "warn:10s" {
		t.Errorf("callbacks after Stop: %q", got)
	}
	i.Touch() // a stopped Idle ignores touches
	if r.take() != "" || clock.Pending() != 0 {
		t.Error("touch after Stop")
	}
	i.Start()
	if i.State() != Active || clock.Pending() != 1 {
		t.Errorf("restart: %v, %d pending", i.State(), clock.Pending())
	}
	i.Stop()
}

// TestIdleRealClock runs a short session on the system clock, with touches
// from another goroutine, for the race detector.
func TestIdleRealClock(t *testing.T) {
	i := NewIdle(audio.SystemClock(), 30*time.Millisecond, 20*time.Millisecond)
	done := make(chan struct{})
	var once sync.Once
	i.OnAttract = func() { once.Do(func() { close(done) }) }
	i.OnTick = func(time.Duration) {}
	i.Start()
	defer i.Stop()
	for k := 0; k < 20; k++ {
		i.Touch()
		time.Sleep(time.Millisecond)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("never reached Attract")
	}
}

func TestSoakHooks(t *testing.T) {
	t.Setenv(EnvIdleSeconds, "12")
	if d := IdleOverride(); d != 12*time.Second {
		t.Errorf("IdleOverride = %v, want 12s", d)
	}
	for _, bad := range []string{"", "0", "-3", "ba"} {
		t.Setenv(EnvIdleSeconds, bad)
		if d := IdleOverride(); d != 0 {
			t.Errorf("IdleOverride with %q = %v, want 0", bad, d)
		}
	}
	path := filepath.Join(t.TempDir(), "stats")
	stop := make(chan struct{})
	close(stop)
	WriteStats(path, time.Hour, stop) // writes once, then sees stop
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g, heap, released, sys, gc int
	if n, _ := fmt.Sscanf(string(data), "goroutines=%d heap_inuse_kb=%d heap_released_kb=%d go_sys_kb=%d num_gc=%d",
		&g, &heap, &released, &sys, &gc); n != 5 || g < 1 || heap <= 0 || sys < heap || released < 0 {
		t.Errorf("stats line %q", data)
	}
}
