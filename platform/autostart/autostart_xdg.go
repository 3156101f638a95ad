//go:build !windows && !darwin

package autostart

import (
	"errors"
	"os"
	"path/filepath"
)

// Path returns where the autostart entry is, "" when the configuration
// folder is unknown (no XDG_CONFIG_HOME and no HOME).
func Path() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "autostart", ID+".desktop")
}

// Enable writes the autostart entry running exe (best an absolute path,
// os.Executable) with args, replacing any entry there.
func Enable(exe string, args []string) error {
	p := Path()
	if p == "" {
		return errors.New("autostart: no configuration folder (set HOME or XDG_CONFIG_HOME)")
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return writeFile(p, []byte(DesktopEntry(exe, args)))
}

// Enabled reports whether the autostart entry exists and is switched on.
func Enabled() bool {
	p := Path()
	if p == "" {
		return false
	}
	data, err := os.ReadFile(p)
	return err == nil && enabledIn(string(data))
}
