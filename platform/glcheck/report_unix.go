//go:build !windows

package glcheck

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"time"
)

// driverAdvice is what to do about a missing OpenGL driver on Linux.
const driverAdvice = "cài đặt hoặc cập nhật trình điều khiển đồ hoạ " +
	"(trên Debian/Ubuntu: sudo apt install libgl1-mesa-dri), rồi khởi động lại máy và mở lại Trienlam."

// Report tells the user about err: on standard error, and as a desktop
// notification when notify-send is installed and a session bus answers
// (it gives up after a few seconds).
func Report(err error, stderr io.Writer) {
	msg := Message(err)
	fmt.Fprintf(stderr, "trienlam: %s\n\n%s\n", Title, msg)
	path, lerr := exec.LookPath("notify-send")
	if lerr != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = exec.CommandContext(ctx, path, "--app-name=Trienlam", "--icon=vn.trienlam.exhibit",
		"--urgency=critical", Title, msg).Run()
}
