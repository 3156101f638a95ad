//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// protocolFiles moves the protocol off file descriptors 0 and 1 and returns
// the command and event streams. libmpv 0.35 closes descriptor 0 when its
// DRM video output fails to set up the VT switcher (it does on machines with
// no GPU, probing after OpenGL), and libraries may print to descriptor 1:
// either would break the protocol. Afterwards 0 is /dev/null and 1 goes to
// standard error.
func protocolFiles() (in, out *os.File) {
	inFD, err1 := unix.FcntlInt(0, unix.F_DUPFD_CLOEXEC, 3)
	outFD, err2 := unix.FcntlInt(1, unix.F_DUPFD_CLOEXEC, 3)
	if err1 != nil || err2 != nil {
		return os.Stdin, os.Stdout
	}
	if null, err := unix.Open(os.DevNull, unix.O_RDONLY, 0); err == nil {
		_ = unix.Dup2(null, 0)
		if null != 0 {
			unix.Close(null)
		}
	}
	_ = unix.Dup2(2, 1)
	return os.NewFile(uintptr(inFD), "commands"), os.NewFile(uintptr(outFD), "events")
}

// refillStdin puts /dev/null back on descriptor 0 if libmpv closed it, so
// that the next file mpv opens (an X connection, say) does not get
// descriptor 0 and is not closed by the same bug.
func refillStdin() {
	if _, err := unix.FcntlInt(0, unix.F_GETFD, 0); err == nil {
		return
	}
	if null, err := unix.Open(os.DevNull, unix.O_RDONLY, 0); err == nil && null != 0 {
		_ = unix.Dup2(null, 0)
		unix.Close(null)
	}
}

// gpuContext is the OpenGL context for mpv's gpu output: the session's own
// (Wayland or X11 EGL). Left to itself, mpv also probes "drm", which needs a
// console of its own and is what closes descriptor 0. libmpv 0.35 takes one
// name only, not a list.
func gpuContext() string {
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		return "wayland"
	}
	return "x11egl"
}
