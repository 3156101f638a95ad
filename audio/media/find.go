package media

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// HelperName is the helper's file name on this system.
var HelperName = func() string {
	if runtime.GOOS == "windows" {
		return "trienlam-media.exe"
	}
	return "trienlam-media"
}()

// FindHelper returns the path of the helper program: $TRIENLAM_MEDIA_HELPER
// when set, else trienlam-media beside the running executable (how both
// installers lay it out, and where `make build` puts it), else the first on
// PATH. The error wraps ErrHelperMissing.
func FindHelper() (string, error) {
	if p := os.Getenv("TRIENLAM_MEDIA_HELPER"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%w: TRIENLAM_MEDIA_HELPER=%s: %v", ErrHelperMissing, p, err)
		}
		return p, nil
	}
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		p := filepath.Join(filepath.Dir(exe), HelperName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	// A helper found only through "." on PATH (exec.ErrDot) is not used:
	// that is not where the exhibit installs it.
	if p, err := exec.LookPath(HelperName); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%w: not beside the exhibit's executable nor on PATH", ErrHelperMissing)
}
