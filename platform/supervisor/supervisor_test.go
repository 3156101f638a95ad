package supervisor

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	crasher   string
	buildErr  error
	buildOut  []byte
)

// helper builds testdata/crasher once.
func helper(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "supervisor-test-")
		if err != nil {
			buildErr = err
			return
		}
		crasher = filepath.Join(dir, "crasher")
		if runtime.GOOS == "windows" {
			crasher += ".exe"
		}
		buildOut, buildErr = exec.Command("go", "build", "-o", crasher, "./testdata/crasher").CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("building the helper: %v\n%s", buildErr, buildOut)
	}
	return crasher
}

func TestMain(m *testing.M) {
	code := m.Run()
	if crasher != "" {
		os.RemoveAll(filepath.Dir(crasher))
	}
	os.Exit(code)
}

// run supervises the helper in mode with limit; it returns Run's status,
// how many times the helper ran, the waits asked for and the log.
func run(t *testing.T, mode string, limit int, opts Options) (code, runs int, waits []time.Duration, log string) {
	t.Helper()
	counter := filepath.Join(t.TempDir(), "count")
	var logBuf bytes.Buffer
	opts.Log = &logBuf
	if opts.Sleep == nil {
		opts.Sleep = func(d time.Duration) { waits = append(waits, d) }
	}
	done := make(chan int, 1)
	go func() { done <- Run(helper(t), []string{counter, mode, strconv.Itoa(limit)}, opts) }()
	select {
	case code = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("Run did not return")
	}
	data, _ := os.ReadFile(counter)
	runs, _ = strconv.Atoi(strings.TrimSpace(string(data)))
	return code, runs, waits, logBuf.String()
}

func TestCleanExit(t *testing.T) {
	code, runs, waits, log := run(t, "crash", 0, Options{})
	if code != 0 || runs != 1 || len(waits) != 0 || log != "" {
		t.Errorf("code %d, %d runs, waits %v, log %q", code, runs, waits, log)
	}
}

func TestRestartAfterCrashes(t *testing.T) {
	code, runs, waits, log := run(t, "crash", 3, Options{})
	if code != 0 || runs != 4 {
		t.Errorf("code %d after %d runs, want 0 after 4", code, runs)
	}
	if want := []time.Duration{time.Second, 2 * time.Second, 5 * time.Second}; !slices.Equal(waits, want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
	if strings.Count(log, "stopped unexpectedly (exit status 3); starting it again") != 3 {
		t.Errorf("log:\n%s", log)
	}
}

func TestGiveUp(t *testing.T) {
	code, runs, waits, log := run(t, "crash", 100, Options{})
	if code != 3 || runs != 5 {
		t.Errorf("code %d after %d runs, want 3 after 5", code, runs)
	}
	if want := []time.Duration{time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second}; !slices.Equal(waits, want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
	if !strings.Contains(log, "5 times within 2m0s (last exit status 3); giving up") {
		t.Errorf("log:\n%s", log)
	}
}

// Crashes far apart never add up to giving up, and the wait starts again
// from a second.
func TestCrashesFarApart(t *testing.T) {
	now := time.Date(2023, 9, 22, 8, 0, 0, 0, time.UTC)
	var waits []time.Duration
	opts := Options{
		Now:   func() time.Time { return now },
		Sleep: func(d time.Duration) { waits = append(waits, d); now = now.Add(d + 3*time.Minute) },
	}
	code, runs, _, _ := run(t, "crash", 8, opts)
	if code != 0 || runs != 9 {
		t.Errorf("code %d after %d runs, want 0 after 9", code, runs)
	}
	for _, w := range waits {
		if w != time.Second {
			t.Errorf("waits %v, want a second each", waits)
			break
		}
	}
}

func TestKilledBySignal(t *testing.T) {
	code, runs, waits, log := run(t, "signal", 2, Options{})
	if code != 0 || runs != 3 || len(waits) != 2 {
		t.Errorf("code %d, %d runs, waits %v\n%s", code, runs, waits, log)
	}
	if runtime.GOOS != "windows" && !strings.Contains(log, "exit status 137") {
		t.Errorf("SIGKILL not reported as 137:\n%s", log)
	}
}

func TestCannotStart(t *testing.T) {
	var log bytes.Buffer
	code := Run(filepath.Join(t.TempDir(), "missing"), nil, Options{Log: &log, Sleep: func(time.Duration) {}})
	if code != ExitCannotStart || !strings.Contains(log.String(), "cannot start") {
		t.Errorf("code %d, log %q", code, log.String())
	}
}
