//go:build cgo

package richclip

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startXvfb starts a private Xvfb (it picks a free display number itself
// and tells it on a pipe), points DISPLAY at it and stops it when the test
// ends.
func startXvfb(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed (make deps installs it)")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var xlog bytes.Buffer
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "320x240x24", "-noreset", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stdout, cmd.Stderr = &xlog, &xlog
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		<-exited
		t.Fatalf("Xvfb did not start: %v\n%s", err, xlog.String())
	}
	t.Setenv("DISPLAY", ":"+strings.TrimSpace(line))
}

// ownClipboard makes xclip hold the CLIPBOARD selection with data as the
// given target, until the test ends.
func ownClipboard(t *testing.T, target string, data []byte) {
	t.Helper()
	args := []string{"-quiet", "-selection", "clipboard", "-i"}
	if target != "" {
		args = append(args, "-t", target)
	}
	cmd := exec.Command("xclip", args...)
	cmd.Stdin = bytes.NewReader(data)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// xclip owns the selection once it has read its input; wait for it
	// with the real API (any answer at all, HTML or a refusal).
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ownerSet() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("xclip did not take the clipboard: %s", out.String())
}

// ownerSet reports whether some program owns CLIPBOARD, asking xclip for
// the targets it offers.
func ownerSet() bool {
	out, err := exec.Command("xclip", "-o", "-selection", "clipboard", "-t", "TARGETS").Output()
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

// The X11 reader against a real X server and a real clipboard owner
// (xclip): UTF-8 and UTF-16 HTML, plain text only, no owner, a transfer
// in INCR chunks and one over the size cap.
func TestX11Clipboard(t *testing.T) {
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Skip("xclip is not installed (make deps installs it)")
	}
	startXvfb(t)

	if s, ok := HTML(); ok {
		t.Errorf("empty clipboard: HTML() = %q, true", s)
	}

	t.Run("utf-8", func(t *testing.T) {
		ownClipboard(t, "text/html", []byte(viHTML))
		if s, ok := HTML(); !ok || s != viHTML {
			t.Errorf("HTML() = %q, %v; want %q", s, ok, viHTML)
		}
	})
	t.Run("utf-16 with mark, as Firefox", func(t *testing.T) {
		ownClipboard(t, "text/html", utf16Bytes(viHTML, binary.LittleEndian, true))
		if s, ok := HTML(); !ok || s != viHTML {
			t.Errorf("HTML() = %q, %v; want %q", s, ok, viHTML)
		}
	})
	t.Run("plain text only", func(t *testing.T) {
		ownClipboard(t, "", []byte("<b>chỉ là chữ</b>"))
		if s, ok := HTML(); ok {
			t.Errorf("HTML() = %q, true; want no HTML from a plain-text copy", s)
		}
	})
	t.Run("large, in INCR chunks", func(t *testing.T) {
		// xclip sends anything over about 1 MiB (the server's largest
		// request) in chunks.
		big := strings.Repeat("<p>Đồng chí <b>Chí Kiên</b></p>\n", 3<<20/40)
		ownClipboard(t, "text/html", []byte(big))
		if s, ok := HTML(); !ok || s != big {
			t.Errorf("HTML() = %d bytes, %v; want %d bytes", len(s), ok, len(big))
		}
	})
	t.Run("over the cap", func(t *testing.T) {
		huge := bytes.Repeat([]byte("<p>x</p>"), MaxBytes/8+1024)
		ownClipboard(t, "text/html", huge)
		if s, ok := HTML(); ok {
			t.Errorf("HTML() = %d bytes, true; want a refusal over %d bytes", len(s), MaxBytes)
		}
	})
}
