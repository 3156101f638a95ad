package glcheck

import (
	"fmt"
	"io"
	"syscall"
	"unsafe"
)

// driverAdvice is what to do about a missing OpenGL driver on Windows.
const driverAdvice = "cài đặt hoặc cập nhật trình điều khiển đồ hoạ (driver card màn hình) " +
	"từ trang web của hãng sản xuất máy tính hoặc card đồ hoạ (Intel, AMD, NVIDIA), " +
	"hoặc qua Windows Update, rồi khởi động lại máy và mở lại Trienlam."

// Report tells the user about err in a message box (a program built with
// -H windowsgui has no console), and on stderr for when it has one.
func Report(err error, stderr io.Writer) {
	msg := Message(err)
	fmt.Fprintf(stderr, "trienlam: %s\n\n%s\n", Title, msg)
	text, err1 := syscall.UTF16PtrFromString(msg)
	title, err2 := syscall.UTF16PtrFromString(Title)
	if err1 != nil || err2 != nil {
		return
	}
	const (
		mbOK            = 0x00000000
		mbIconError     = 0x00000010
		mbSetForeground = 0x00010000
		mbTopMost       = 0x00040000
	)
	proc := syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")
	if proc.Find() != nil {
		return
	}
	_, _, _ = proc.Call(0, uintptr(unsafe.Pointer(text)), uintptr(unsafe.Pointer(title)),
		mbOK|mbIconError|mbSetForeground|mbTopMost)
}
