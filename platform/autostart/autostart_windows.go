//go:build windows

package autostart

import (
	"errors"
	"os"
	"path/filepath"
)

// Path returns where the Startup shortcut is, "" when APPDATA is not set.
func Path() string {
	appData := os.Getenv("APPDATA")
	if appData == "" {
		return ""
	}
	return filepath.Join(appData, "Microsoft", "Windows", "Start Menu", "Programs", "Startup", "Trienlam.lnk")
}

// Enable writes the Startup shortcut running exe (a full path, as from
// os.Executable) with args in exe's folder, replacing any shortcut there.
func Enable(exe string, args []string) error {
	p := Path()
	if p == "" {
		return errors.New("autostart: APPDATA is not set")
	}
	data, err := ShellLink(exe, args, windowsDir(exe))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return writeFile(p, data)
}

// Enabled reports whether the Startup shortcut exists.
func Enabled() bool {
	p := Path()
	if p == "" {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
