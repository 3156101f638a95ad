//go:build unix

package supervisor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A SIGTERM to the supervisor reaches the child and ends supervision even
// though the child then exits with an error status.
func TestForwardSignal(t *testing.T) {
	dir := t.TempDir()
	counter := filepath.Join(dir, "count")
	var log bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run(helper(t), []string{counter, "wait"}, Options{Log: &log, Sleep: func(time.Duration) {}})
	}()
	deadline := time.Now().Add(time.Minute)
	for {
		if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the helper never got ready")
		}
		time.Sleep(10 * time.Millisecond)
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case code := <-done:
		data, _ := os.ReadFile(counter)
		if code != 7 || strings.TrimSpace(string(data)) != "1" {
			t.Errorf("code %d, runs %s, log %q", code, data, log.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("Run did not return after SIGTERM")
	}
}
