package nosleep

import (
	"runtime"
	"syscall"
)

const (
	esContinuous      = 0x80000000
	esDisplayRequired = 0x00000002
	esSystemRequired  = 0x00000001
)

var setThreadExecutionState = syscall.NewLazyDLL("kernel32.dll").NewProc("SetThreadExecutionState")

// inhibit uses SetThreadExecutionState, the documented way for
// presentation software to keep the display on. The state belongs to the
// calling thread, and goroutines move between threads, so one goroutine
// locked to its own thread sets it and later clears it.
func inhibit(string) func() {
	done := make(chan struct{})
	set := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		// Never unlocked: the thread ends with the goroutine, which
		// clears whatever it still held.
		setThreadExecutionState.Call(esContinuous | esDisplayRequired | esSystemRequired)
		close(set)
		<-done
		setThreadExecutionState.Call(esContinuous)
	}()
	<-set
	return func() { close(done) }
}
