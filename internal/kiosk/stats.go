package kiosk

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// Environment variables of the kiosk-day soak (scripts/bench/soak.sh, its kiosk day).
// They are test hooks: an installed exhibit never has them set.
const (
	// EnvIdleSeconds shortens the idle time before the countdown to this
	// many seconds, so a soak goes through many visitors in little time.
	EnvIdleSeconds = "TRIENLAM_IDLE_SECONDS"
	// EnvStatsFile names a file the exhibit rewrites every few seconds
	// with its goroutine count and heap (WriteStats).
	EnvStatsFile = "TRIENLAM_STATS_FILE"
)

// IdleOverride returns the idle time EnvIdleSeconds asks for, or 0 when
// it is unset or not a positive number of seconds.
func IdleOverride() time.Duration {
	var s int
	if _, err := fmt.Sscan(os.Getenv(EnvIdleSeconds), &s); err != nil || s <= 0 {
		return 0
	}
	return time.Duration(s) * time.Second
}

// WriteStats rewrites path every interval with one line of figures —
// "goroutines=12 heap_inuse_kb=48211 heap_released_kb=1200
// go_sys_kb=70212 num_gc=30" — until stop is closed,
// so a soak script can tell whether goroutines or memory grow over a
// day. The file is replaced whole each time (write, then rename), so a
// reader never sees half a line.
func WriteStats(path string, every time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		writeStats(path)
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

func writeStats(path string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	// go_sys_kb is all the memory the Go runtime holds from the system
	// less what it has given back (heap_released_kb): beside the
	// process's RSS it tells the Go heap from the C side (OpenGL, fonts).
	line := fmt.Sprintf("goroutines=%d heap_inuse_kb=%d heap_released_kb=%d go_sys_kb=%d num_gc=%d\n", runtime.NumGoroutine(),
		m.HeapInuse/1024, m.HeapReleased/1024, (m.Sys-m.HeapReleased)/1024, m.NumGC)
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(line), 0o644); err == nil {
		os.Rename(tmp, path)
	}
}
