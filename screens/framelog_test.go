package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The frame log writes one line per glide that ran to its end, counting
// its frames; a glide cut short by the next leaves no line.
func TestFrameLogCountsGlides(t *testing.T) {
	path := filepath.Join(t.TempDir(), "frames.log")
	f := &frameLog{path: path}
	first := time.Now().Add(-time.Second)
	for _, p := range []float32{0.2, 0.6, 1} {
		f.glideFrame(first, p)
	}
	cut := first.Add(time.Millisecond)
	f.glideFrame(cut, 0.5) // interrupted: never reaches 1
	last := cut.Add(time.Millisecond)
	f.glideFrame(last, 0.4)
	f.glideFrame(last, 1)

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, one per finished glide, got %q", lines)
	}
	for i, want := range []string{"frames=3 ", "frames=2 "} {
		if !strings.HasPrefix(lines[i], "timeline-glide ") || !strings.Contains(lines[i], want) {
			t.Errorf("line %d = %q, want a timeline-glide with %s", i+1, lines[i], want)
		}
	}
}
