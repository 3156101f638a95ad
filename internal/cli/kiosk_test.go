package cli

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"trienlam/platform/supervisor"
)

// superviseCall is one call of the fake supervisor.
type superviseCall struct {
	exe  string
	args []string
	opts supervisor.Options
}

var (
	superviseMu    sync.Mutex
	superviseCalls []superviseCall
	superviseCode  = 0
)

// No test may run the real supervisor: it would start this test binary
// again with --kiosk.
func init() {
	executable = func() (string, error) { return "/opt/trienlam/trienlam", nil }
	supervise = func(exe string, args []string, opts supervisor.Options) int {
		superviseMu.Lock()
		defer superviseMu.Unlock()
		superviseCalls = append(superviseCalls, superviseCall{exe, args, opts})
		return superviseCode
	}
}

// takeSupervised returns and forgets the fake supervisor's calls.
func takeSupervised() []superviseCall {
	superviseMu.Lock()
	defer superviseMu.Unlock()
	c := superviseCalls
	superviseCalls = nil
	return c
}

func TestKioskAndPresenterFlags(t *testing.T) {
	good := filepath.Join("testdata", "good")
	takeSupervised()
	tests := []struct {
		args []string
		want GUIOptions
	}{
		{[]string{"--presenter"}, GUIOptions{Presenter: true}},
		{[]string{"--presenter", "--pack", good}, GUIOptions{Presenter: true, PackPath: good}},
		{[]string{"--kiosk", "--supervised"}, GUIOptions{Kiosk: true}},
		{[]string{"--supervised", "--kiosk", "--pack=" + good}, GUIOptions{Kiosk: true, PackPath: good}},
		{[]string{"--kiosk=false", "--presenter"}, GUIOptions{Presenter: true}},
	}
	for _, tt := range tests {
		r := run(tt.args...)
		if r.code != 0 || len(r.gui) != 1 || r.gui[0] != tt.want || r.stderr != "" {
			t.Errorf("Run(%q) = %d, gui %v, stderr %q; want gui(%+v)", tt.args, r.code, r.gui, r.stderr, tt.want)
		}
	}
	if c := takeSupervised(); len(c) != 0 {
		t.Errorf("supervisor ran: %v", c)
	}
}

// "trienlam --kiosk" does not start the GUI itself: it supervises itself
// started with --kiosk --supervised.
func TestKioskSupervises(t *testing.T) {
	good := filepath.Join("testdata", "good")
	takeSupervised()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--kiosk"}, "--kiosk --supervised"},
		{[]string{"--pack", good, "--kiosk"}, "--kiosk --supervised --pack " + good},
	} {
		var out, errOut bytes.Buffer
		var gui []GUIOptions
		code := Run(tt.args, &out, &errOut, func(o GUIOptions) int { gui = append(gui, o); return 0 })
		calls := takeSupervised()
		if code != 0 || len(gui) != 0 || len(calls) != 1 {
			t.Fatalf("Run(%q) = %d, gui %v, supervised %v", tt.args, code, gui, calls)
		}
		c := calls[0]
		if c.exe != "/opt/trienlam/trienlam" || strings.Join(c.args, " ") != tt.want {
			t.Errorf("Run(%q) supervised %q %q, want %q", tt.args, c.exe, c.args, tt.want)
		}
		if c.opts.Stdout != &out || c.opts.Stderr != &errOut || c.opts.Log != &errOut {
			t.Errorf("Run(%q): the supervisor does not write where Run does", tt.args)
		}
	}

	// The supervisor's exit code is Run's.
	superviseCode = 3
	defer func() { superviseCode = 0 }()
	if r := run("--kiosk"); r.code != 3 || len(r.gui) != 0 {
		t.Errorf("Run(--kiosk) = %d, want the supervisor's 3", r.code)
	}
	takeSupervised()

	// No program path: say so.
	executable = func() (string, error) { return "", errors.New("no /proc") }
	defer func() { executable = func() (string, error) { return "/opt/trienlam/trienlam", nil } }()
	if r := run("--kiosk"); r.code != ExitFailure || !strings.Contains(r.stderr, "cannot find its own program") {
		t.Errorf("Run(--kiosk) without a program path = %d, %q", r.code, r.stderr)
	}
	// A build with no GUI says so before supervising anything.
	var errOut bytes.Buffer
	if code := Run([]string{"--kiosk"}, nil, &errOut, nil); code != ExitFailure || len(takeSupervised()) != 0 {
		t.Errorf("Run(--kiosk) with no gui = %d", code)
	}
}

func TestUsageListsKioskAndPresenter(t *testing.T) {
	r := run("--help")
	for _, want := range []string{"--kiosk", "--presenter"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help lacks %s:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "--supervised") {
		t.Error("help lists the internal --supervised")
	}
}

// A kiosk whose pack is missing (the USB stick not plugged in) still
// starts under the supervisor, with the path, so the window can explain it
// over the built-in exhibit.
func TestKioskWithMissingPack(t *testing.T) {
	takeSupervised()
	missing := filepath.Join("testdata", "no-such-pack")
	r := run("--kiosk", "--pack", missing)
	calls := takeSupervised()
	if r.code != ExitOK || len(calls) != 1 || strings.Join(calls[0].args, " ") != "--kiosk --supervised --pack "+missing {
		t.Fatalf("code %d, supervised %+v; want the supervised kiosk with --pack %s", r.code, calls, missing)
	}
	if !strings.Contains(r.stderr, "built-in exhibit") {
		t.Errorf("stderr %q does not say the built-in exhibit is shown", r.stderr)
	}
	// The supervised child starts the GUI with the path too.
	r = run("--kiosk", "--supervised", "--pack", missing)
	if r.code != ExitOK || len(r.gui) != 1 || r.gui[0] != (GUIOptions{Kiosk: true, PackPath: missing}) {
		t.Errorf("child: code %d, gui %+v", r.code, r.gui)
	}
}
