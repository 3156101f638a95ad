//go:build windows

package single

import (
	"syscall"
	"unsafe"
)

var (
	kernel32     = syscall.NewLazyDLL("kernel32.dll")
	createMutexW = kernel32.NewProc("CreateMutexW")
)

const errorAlreadyExists = 183

// acquire creates a named mutex in the session's namespace.
func acquire(name string) (func(), bool, error) {
	n, err := syscall.UTF16PtrFromString(`Local\` + name)
	if err != nil {
		return func() {}, true, err
	}
	h, _, callErr := createMutexW.Call(0, 0, uintptr(unsafe.Pointer(n)))
	if h == 0 {
		return func() {}, true, callErr
	}
	if errno, ok := callErr.(syscall.Errno); ok && errno == errorAlreadyExists {
		syscall.CloseHandle(syscall.Handle(h))
		return func() {}, false, nil
	}
	return func() { syscall.CloseHandle(syscall.Handle(h)) }, true, nil
}
