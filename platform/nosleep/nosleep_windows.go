package nosleep

import "syscall"

const (
	esContinuous      = 0x80000000
	esDisplayRequired = 0x00000002
	esSystemRequired  = 0x00000001
)

var setThreadExecutionState = syscall.NewLazyDLL("kernel32.dll").NewProc("SetThreadExecutionState")

// inhibit uses SetThreadExecutionState, the documented way for
// presentation software to keep the display on.
func inhibit(string) func() {
	setThreadExecutionState.Call(esContinuous | esDisplayRequired | esSystemRequired)
	return func() { setThreadExecutionState.Call(esContinuous) }
}
