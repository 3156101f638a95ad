//go:build !linux

package media

import "os/exec"

// setProcAttr: the helper quits at the end of its input when the exhibit
// goes.
func setProcAttr(cmd *exec.Cmd) {}
