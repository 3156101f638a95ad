package media

import (
	"os/exec"
	"syscall"
)

// setProcAttr makes the helper die with the exhibit: the kernel sends it
// SIGKILL when the thread that started it ends. (It also quits at the end
// of its input, which covers the other systems.)
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
