package media

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Explain words an error of this package for the people in the hall, in
// Vietnamese: what happened and what staff can do. The exhibit itself is
// never affected, and the message says so where it might worry someone.
func Explain(err error) string {
	var he *HelperError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrLibMPVMissing):
		return "Không phát được đoạn phim vì máy chưa có thư viện libmpv. " +
			"Trên Ubuntu/Debian: sudo apt install libmpv2. " +
			"Trên Windows: đặt tệp libmpv-2.dll (trong gói mpv-dev) cạnh tệp cài đặt setup.exe rồi cài lại Trienlam, " +
			"hoặc chép nó vào thư mục cài đặt Trienlam với tên libmpv.dll (xem Hướng dẫn cán bộ)."
	case errors.Is(err, ErrHelperMissing):
		return "Không phát được đoạn phim vì thiếu chương trình trienlam-media (đi kèm Trienlam). Hãy cài đặt lại Trienlam."
	case errors.Is(err, ErrHelperCrashed), errors.Is(err, ErrHelperBusy):
		return "Trình phát phim gặp sự cố và đã dừng; phần còn lại của triển lãm vẫn chạy bình thường. Hãy thử phát lại."
	case errors.As(err, &he) && he.Code == "load":
		return "Không phát được tệp này: tệp bị hỏng hoặc không phải định dạng phim/âm thanh được hỗ trợ."
	}
	return "Không phát được đoạn phim: " + err.Error()
}

// Reason is a short, stable code for an error of this package, for logs
// and the visitor log: "no-libmpv", "no-helper", "crashed", "load" (the
// file would not play) or "other".
func Reason(err error) string {
	var he *HelperError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrLibMPVMissing):
		return "no-libmpv"
	case errors.Is(err, ErrHelperMissing):
		return "no-helper"
	case errors.Is(err, ErrHelperCrashed), errors.Is(err, ErrHelperBusy):
		return "crashed"
	case errors.As(err, &he) && he.Code == "load":
		return "load"
	}
	return "other"
}

// CanOpenExternally reports whether OpenExternally is offered: on Windows,
// where clips can go to the system's default player when libmpv is missing.
// The exhibit offers it only to staff, never in kiosk mode: the system's
// player would lead a visitor out of the exhibit.
func CanOpenExternally() bool { return runtime.GOOS == "windows" }

// OpenExternally opens a file (a real path, see TempCopy) in the system's
// default program for it, and returns once that program has started.
func OpenExternally(path string) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32.exe", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
