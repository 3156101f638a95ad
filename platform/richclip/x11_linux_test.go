//go:build cgo

package richclip

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"net"
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

// hangOwner connects to the X server speaking the protocol itself (no
// Xlib in a test file), takes the CLIPBOARD selection with a window of its
// own and then never answers a request for it: a program that holds the
// clipboard but hangs.
func hangOwner(t *testing.T) {
	t.Helper()
	display := strings.TrimPrefix(os.Getenv("DISPLAY"), ":")
	c, err := net.Dial("unix", "/tmp/.X11-unix/X"+display)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	le := binary.LittleEndian
	// Connection set-up: little-endian, protocol 11.0, no authorisation
	// (a private Xvfb has no access control).
	if _, err := c.Write([]byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}); err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil || head[0] != 1 {
		t.Fatalf("X set-up refused: %v %v", err, head)
	}
	info := make([]byte, int(le.Uint16(head[6:]))*4)
	if _, err := io.ReadFull(c, info); err != nil {
		t.Fatal(err)
	}
	idBase := le.Uint32(info[4:])
	vendor := int(le.Uint16(info[16:]))
	formats := int(info[21])
	root := le.Uint32(info[32+(vendor+3)/4*4+8*formats:])
	wid := idBase | 1

	var req []byte
	put32 := func(v uint32) { req = le.AppendUint32(req, v) }
	// CreateWindow: an input-only 1×1 window under the root.
	req = append(req, 1, 0)
	req = le.AppendUint16(req, 8)
	put32(wid)
	put32(root)
	req = append(req, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 2, 0) // x, y, width, height, border, class InputOnly
	put32(0)                                              // visual: the parent's
	put32(0)                                              // no values
	// InternAtom "CLIPBOARD".
	name := "CLIPBOARD"
	req = append(req, 16, 0)
	req = le.AppendUint16(req, uint16(2+(len(name)+3)/4))
	req = le.AppendUint16(req, uint16(len(name)))
	req = append(req, 0, 0)
	req = append(req, name...)
	req = append(req, make([]byte, (4-len(name)%4)%4)...)
	if _, err := c.Write(req); err != nil {
		t.Fatal(err)
	}
	reply := func() []byte {
		for {
			b := make([]byte, 32)
			if _, err := io.ReadFull(c, b); err != nil {
				t.Fatal(err)
			}
			switch b[0] {
			case 0:
				t.Fatalf("X error %d", b[1])
			case 1:
				if n := le.Uint32(b[4:]); n > 0 {
					extra := make([]byte, n*4)
					_, _ = io.ReadFull(c, extra)
				}
				return b
			}
		}
	}
	clipboard := le.Uint32(reply()[8:])
	// SetSelectionOwner, then GetSelectionOwner to know it took effect.
	req = req[:0]
	req = append(req, 22, 0)
	req = le.AppendUint16(req, 4)
	put32(wid)
	put32(clipboard)
	put32(0)
	req = append(req, 23, 0)
	req = le.AppendUint16(req, 2)
	put32(clipboard)
	if _, err := c.Write(req); err != nil {
		t.Fatal(err)
	}
	if owner := le.Uint32(reply()[8:]); owner != wid {
		t.Fatalf("the hanging owner did not take the clipboard: owner %#x, want %#x", owner, wid)
	}
	// From here on nothing reads the connection: requests for the
	// clipboard go unanswered.
}

// A program that holds the clipboard and never answers: the reader gives
// up (after its timeout) and reports no HTML, so the paste falls back to
// the text instead of hanging the editor.
func TestX11ClipboardOwnerHangs(t *testing.T) {
	startXvfb(t)
	hangOwner(t)
	if s, ok := HTML(); ok {
		t.Errorf("HTML() = %q, true from an owner that never answers", s)
	}
}
