package nosleep

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// standIn is org.freedesktop.ScreenSaver as a desktop offers it: it
// hands out cookies and records what is inhibited.
type standIn struct {
	mu      sync.Mutex
	next    uint32
	held    map[uint32]string
	uninhib []uint32
}

func (s *standIn) Inhibit(app, reason string) (uint32, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	s.held[s.next] = app + ": " + reason
	return s.next, nil
}

func (s *standIn) UnInhibit(cookie uint32) *dbus.Error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.held, cookie)
	s.uninhib = append(s.uninhib, cookie)
	return nil
}

// privateBus starts a session bus of the test's own and points the
// session bus address at it.
func privateBus(t *testing.T) string {
	t.Helper()
	exe, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("dbus-daemon is not installed")
	}
	cmd := exec.Command(exe, "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case addr := <-line:
		if addr == "" {
			t.Fatal("dbus-daemon printed no address")
		}
		return addr
	case <-time.After(20 * time.Second):
		t.Fatal("dbus-daemon did not start")
	}
	return ""
}

// The desktop's screen saver is asked on the session bus, with the
// reason, and released with the cookie it gave.
func TestDesktopScreenSaverIsInhibitedAndReleased(t *testing.T) {
	addr := privateBus(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	desk, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()
	s := &standIn{held: map[uint32]string{}}
	if err := desk.Export(s, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"); err != nil {
		t.Fatal(err)
	}
	if reply, err := desk.RequestName("org.freedesktop.ScreenSaver", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("stand-in name: %v %v", reply, err)
	}

	release := busInhibit("Kiosk mode")
	s.mu.Lock()
	held := len(s.held)
	reason := s.held[1]
	s.mu.Unlock()
	if held != 1 || reason != "Trienlam: Kiosk mode" {
		t.Fatalf("the desktop holds %d inhibitions (%q), want Trienlam's", held, reason)
	}
	release()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.held) != 0 || len(s.uninhib) != 1 || s.uninhib[0] != 1 {
		t.Errorf("after release: held %v, released %v", s.held, s.uninhib)
	}
}

// The X server's own screen saver and DPMS are turned off while held and
// put back as they were after. Needs an X server (Xvfb).
func TestXScreenSaverAndDPMSOffWhileHeld(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X server (DISPLAY unset)")
	}
	before, ok := xGet()
	if !ok {
		t.Skip("no X server reachable")
	}
	t.Cleanup(func() { xSet(before) })
	// A blanking setup, as a PC left to its defaults has: 10 minutes.
	blanking := before
	blanking.timeout, blanking.interval, blanking.dpmsOn = 600, 600, true
	if _, ok := xSet(blanking); !ok {
		t.Fatal("cannot set the screen saver")
	}
	release := x11Inhibit()
	held, _ := xGet()
	if held.timeout != 0 || (held.dpms && held.dpmsOn) {
		t.Errorf("while held: timeout %d, DPMS on %v (capable %v); want 0 and off", held.timeout, held.dpmsOn, held.dpms)
	}
	release()
	after, _ := xGet()
	if after.timeout != 600 || after.interval != 600 || (after.dpms && !after.dpmsOn) {
		t.Errorf("after release: %+v; want the 600 s screen saver and DPMS back", after)
	}
	t.Logf("X server: DPMS capable %v", held.dpms)
}
