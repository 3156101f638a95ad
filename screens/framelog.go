package screens

import (
	"fmt"
	"os"
	"time"
)

// FrameLogEnv names the environment variable that makes the exhibit
// append a line to a file for every glide of the timeline: how many frames
// it drew and in how long. It is the app's own frame counter: a glide
// moves the axis once per frame, each move is painted before the next
// (Fyne ticks animations, then draws, at most 60 times a second), so the
// moves counted are the frames shown. scripts/bench/timeline.sh reads it.
// Unset, nothing is measured.
const FrameLogEnv = "TRIENLAM_FRAME_LOG"

// frameLog counts the frames of one glide at a time and writes a line for
// each glide that ran to its end.
type frameLog struct {
	path    string
	started time.Time // the glide being counted
	frames  int
	last    time.Time // the previous frame, or the start
	longest time.Duration
}

// glideFrame is a timeline.Timeline's OnGlideFrame.
func (f *frameLog) glideFrame(started time.Time, progress float32) {
	now := time.Now()
	if !started.Equal(f.started) {
		f.started, f.frames, f.last, f.longest = started, 0, started, 0
	}
	f.frames++
	f.longest = max(f.longest, now.Sub(f.last))
	f.last = now
	if progress < 1 {
		return
	}
	took := now.Sub(f.started)
	fps := float64(f.frames) / took.Seconds()
	out, err := os.OpenFile(f.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return // a benchmark aid: never a reason to stop the exhibit
	}
	fmt.Fprintf(out, "timeline-glide frames=%d ms=%.1f fps=%.1f longest_frame_ms=%.1f\n",
		f.frames, float64(took)/1e6, fps, float64(f.longest)/1e6)
	out.Close()
}
