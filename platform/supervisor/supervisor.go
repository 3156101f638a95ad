package supervisor

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Options tune Run. The zero value is what the app uses.
type Options struct {
	// Stdin, Stdout and Stderr are the child's; nil means the supervisor's
	// own (os.Stdin, os.Stdout, os.Stderr).
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Log receives the supervisor's own messages (English, one line each,
	// "trienlam: …"); nil means os.Stderr.
	Log io.Writer
	// Env is the child's environment; nil means the supervisor's.
	Env []string

	// Backoff lists the waits before each restart after crashes close
	// together: the first restart waits Backoff[0], the next Backoff[1] and
	// so on, the last repeating. nil means DefaultBackoff.
	Backoff []time.Duration
	// MaxCrashes crashes within Window make Run give up. 0 means 5 and 2
	// minutes.
	MaxCrashes int
	Window     time.Duration

	// Sleep waits before a restart; nil means a wait that a signal cuts
	// short. Tests pass a function that only records the wait.
	Sleep func(time.Duration)
	// Now reads the clock for the crash window; nil means time.Now.
	Now func() time.Time
}

// DefaultBackoff is the wait before the 1st, 2nd, … restart of crashes
// close together.
var DefaultBackoff = []time.Duration{1 * time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 20 * time.Second, 30 * time.Second}

// Exit statuses Run returns for its own failures.
const (
	// ExitCannotStart: the program could not be started at all.
	ExitCannotStart = 127
)

// Run starts exe with args as a child process and waits for it. When the
// child exits cleanly (status 0) Run returns 0. When it crashes — a
// non-zero status or death by a signal — Run waits (Options.Backoff: 1 s,
// 2 s, 5 s … up to 30 s, counted over the crashes of the last Window) and
// starts it again, unless that makes MaxCrashes crashes within Window: then
// it prints why it gives up and returns the last status.
//
// SIGINT and SIGTERM (Ctrl+C, a log-out, "kill") are passed on to the child
// and end the supervision: Run returns the child's status without a
// restart. On Windows, where a process cannot be sent SIGINT, the child is
// killed instead (a console child gets Ctrl+C from the console itself).
//
// A child killed by signal n gives status 128+n, as shells report it. If
// exe cannot be started, Run returns ExitCannotStart.
func Run(exe string, args []string, opts Options) int {
	opts.defaults()
	log := func(format string, a ...any) { fmt.Fprintf(opts.Log, "trienlam: "+format+"\n", a...) }

	s := &state{stop: make(chan struct{})}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case sig := <-sigs:
				s.signal(sig)
			case <-done:
				return
			}
		}
	}()

	var crashes []time.Time
	for {
		if s.stopped() {
			return 0
		}
		cmd := exec.Command(exe, args...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = opts.Stdin, opts.Stdout, opts.Stderr, opts.Env
		if err := s.start(cmd); err != nil {
			log("cannot start %s: %v", exe, err)
			return ExitCannotStart
		}
		code := exitCode(cmd.Wait())
		stopped := s.exited()
		if code == 0 || stopped {
			return code
		}

		now := opts.Now()
		keep := crashes[:0]
		for _, c := range crashes {
			if now.Sub(c) < opts.Window {
				keep = append(keep, c)
			}
		}
		crashes = append(keep, now)
		if len(crashes) >= opts.MaxCrashes {
			log("the exhibit stopped unexpectedly %d times within %v (last exit status %d); giving up",
				len(crashes), opts.Window, code)
			return code
		}
		wait := opts.Backoff[min(len(crashes), len(opts.Backoff))-1]
		log("the exhibit stopped unexpectedly (exit status %d); starting it again in %v", code, wait)
		if opts.Sleep != nil {
			opts.Sleep(wait)
		} else {
			select {
			case <-time.After(wait):
			case <-s.stop:
			}
		}
	}
}

// defaults fills in the zero fields of o.
func (o *Options) defaults() {
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.Stdout == nil {
		o.Stdout = os.Stdout
	}
	if o.Stderr == nil {
		o.Stderr = os.Stderr
	}
	if o.Log == nil {
		o.Log = os.Stderr
	}
	if len(o.Backoff) == 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxCrashes <= 0 {
		o.MaxCrashes = 5
	}
	if o.Window <= 0 {
		o.Window = 2 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// state is what the signal goroutine and the loop share.
type state struct {
	mu      sync.Mutex
	child   *os.Process
	stopReq bool
	stop    chan struct{} // closed on the first signal
}

// start starts cmd and notes its process, unless a signal came first.
func (s *state) start(cmd *exec.Cmd) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := cmd.Start(); err != nil {
		return err
	}
	s.child = cmd.Process
	if s.stopReq {
		forward(cmd.Process, os.Interrupt)
	}
	return nil
}

// exited forgets the child and reports whether a signal asked to stop.
func (s *state) exited() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.child = nil
	return s.stopReq
}

// stopped reports whether a signal asked to stop.
func (s *state) stopped() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopReq
}

// signal passes sig on to the child and ends supervision.
func (s *state) signal(sig os.Signal) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.stopReq {
		s.stopReq = true
		close(s.stop)
	}
	if s.child != nil {
		forward(s.child, sig)
	}
}

// forward sends sig to p, or kills p where signals cannot be sent
// (Windows).
func forward(p *os.Process, sig os.Signal) {
	if err := p.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		p.Kill()
	}
}

// exitCode turns what Wait returned into an exit status: 0, the child's
// status, or 128+n for death by signal n.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if c := ee.ExitCode(); c >= 0 {
			return c
		}
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal())
		}
	}
	return 1
}
