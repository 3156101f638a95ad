package media

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"

	"trienlam/internal/exhibit"
)

// Explain words an error of this package for the people in the hall, in
// the language with the given code ("vi" or "en"): what happened and what
// staff can do. The exhibit itself is never affected, and the message says
// so where it might worry someone. The words are kinds of
// exhibit.ProblemKinds ("clip-play-…"), like every problem the app shows.
func Explain(err error, language string) string {
	var he *HelperError
	kind, args := "clip-play-failed", map[string]string{}
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrLibMPVMissing):
		kind = "clip-play-no-libmpv"
	case errors.Is(err, ErrHelperMissing):
		kind = "clip-play-no-helper"
	case errors.Is(err, ErrHelperCrashed), errors.Is(err, ErrHelperBusy):
		kind = "clip-play-crashed"
	case errors.As(err, &he) && he.Code == "load":
		kind = "clip-play-load"
	default:
		args["error"] = err.Error()
	}
	return exhibit.NewProblem("", 0, kind, args).Text(language)
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
