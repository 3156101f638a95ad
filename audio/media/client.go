package media

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"trienlam/audio/media/proto"
)

// ErrHelperMissing is returned (wrapped) by Start when the helper program
// trienlam-media is neither beside the exhibit's executable nor on PATH.
var ErrHelperMissing = errors.New("the media helper trienlam-media is not installed")

// ErrLibMPVMissing is returned (wrapped) by Start when the helper cannot run
// because libmpv is not installed: the dynamic loader refused to start it
// ("error while loading shared libraries: libmpv.so.2"), its Windows build
// could not load libmpv.dll, or it reported code "no-libmpv".
var ErrLibMPVMissing = errors.New("libmpv is not installed")

// ErrHelperCrashed is wrapped by the error of a Crashed event, and returned
// by a Client's methods once its helper has died.
var ErrHelperCrashed = errors.New("the media helper stopped unexpectedly")

// ErrHelperBusy is returned when the helper has not taken a command for
// writeTimeout: it is hung. The Client kills it (a Crashed event follows).
var ErrHelperBusy = errors.New("the media helper does not respond")

// ErrClosed is returned by the methods of a Client after Close.
var ErrClosed = errors.New("media client closed")

// HelperError is an error event from the helper: Code is one of the
// proto.Code constants ("load" for a file that cannot be played).
type HelperError struct {
	Code    string
	Message string
}

func (e *HelperError) Error() string { return e.Message }

// Options say how to start the helper. The zero value finds it with
// FindHelper and runs it as it is.
type Options struct {
	// Helper is the helper's path; "" means FindHelper.
	Helper string
	// Args are extra arguments, e.g. "-vo=null", "-ao=null" in tests.
	Args []string
	// Env is added to the environment the helper inherits.
	Env []string
	// StartTimeout bounds the wait for the helper's hello (default 10 s).
	StartTimeout time.Duration
}

// writeTimeout is how long a command may wait to be written before the
// helper is declared hung.
const writeTimeout = 2 * time.Second

// EventKind says what an Event reports.
type EventKind int

// The kinds of Event.
const (
	// Ready: the loaded file is open; Duration is its length.
	Ready EventKind = iota + 1
	// Position: Position played, about four times a second while playing.
	Position
	// Playing: playback started or resumed.
	Playing
	// Paused: playback paused at Position.
	Paused
	// Ended: the file played to its end.
	Ended
	// Closed: the visitor closed the video (Esc, the clicker, the window's
	// close button).
	Closed
	// Error: Err (a *HelperError) says what; the file is closed.
	Error
	// Crashed: the helper died; Err wraps ErrHelperCrashed. It is the last
	// event: the channel closes after it. Start a new Client to go on.
	Crashed
)

var kindNames = [...]string{"", "Ready", "Position", "Playing", "Paused", "Ended", "Closed", "Error", "Crashed"}

// String returns the kind's name.
func (k EventKind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is something the helper reports.
type Event struct {
	Kind EventKind
	// ID is the ID Load returned for the file the event is about (0 for
	// events about no file, such as Crashed).
	ID int64
	// Seq is the sequence number of the last command the helper had
	// carried out before it looked at what the event reports (a load
	// counts once read): an event with a Seq below that of a command tells
	// of the time before that command.
	Seq      int64
	Duration time.Duration // Ready
	Position time.Duration // Position, Paused
	Err      error         // Error, Crashed
}

// LoadRequest is what to play.
type LoadRequest struct {
	// Path is a file on disk (mpv needs a real path: see TempCopy for
	// files inside a zipped pack).
	Path string
	// Subtitles is an .srt or .vtt file shown over a video ("" for none).
	Subtitles string
	// Start is where to begin.
	Start time.Duration
	// Paused loads the file without starting playback.
	Paused bool
	// Video plays in a full-screen window of the helper's own (or into
	// WID); otherwise the file plays as audio only, with no window.
	Video bool
	// Title is shown in the window title: "Trienlam — <Title>".
	Title string
	// WID is a native window to draw into; 0 for the helper's own window.
	WID int64
}

// Client talks to one running helper process. Its methods never block for
// long on a dead or hung helper: commands are written by a goroutine of the
// Client and time out, and a dead helper makes them return an error at once.
// It is safe for use from several goroutines.
type Client struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *tailBuffer
	mpv    string

	writes chan []byte
	events chan Event
	done   chan struct{} // closed when the process has exited
	queue  *eventQueue

	sendMu   sync.Mutex
	mu       sync.Mutex
	seq      int64
	current  int64 // ID of the last Load
	lastSeek int64 // Seq of the last seek: older positions are stale
	closing  bool
	exitErr  error // why the process ended
}

// Start starts the helper found by FindHelper; see StartWith.
func Start(ctx context.Context) (*Client, error) {
	return StartWith(ctx, Options{})
}

// StartWith starts the helper and waits for it to say hello. Errors wrap
// ErrHelperMissing when there is no helper, ErrLibMPVMissing when libmpv is
// not installed; Explain words them for visitors and staff. The helper is
// killed when ctx is done.
func StartWith(ctx context.Context, opt Options) (*Client, error) {
	helper := opt.Helper
	if helper == "" {
		var err error
		if helper, err = FindHelper(); err != nil {
			return nil, err
		}
	}
	timeout := opt.StartTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	cmd := exec.Command(helper, opt.Args...)
	cmd.Env = append(os.Environ(), opt.Env...)
	setProcAttr(cmd)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	tail := &tailBuffer{max: 8 << 10}
	cmd.Stderr = tail
	if err := cmd.Start(); err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("%w (%s: %v)", ErrHelperMissing, helper, err)
		}
		return nil, fmt.Errorf("start the media helper %s: %w", helper, err)
	}
	c := &Client{
		cmd: cmd, stdin: stdin, stderr: tail,
		writes: make(chan []byte, 32),
		events: make(chan Event),
		done:   make(chan struct{}),
	}
	c.queue = newEventQueue(c.events)

	hello := make(chan proto.Message, 1)
	go c.read(stdout, hello)
	go c.write()
	go func() {
		select {
		case <-ctx.Done():
			c.kill()
		case <-c.done:
		}
	}()

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case m := <-hello:
		if m.Event == proto.EvHello {
			c.mpv = m.MPV
			return c, nil
		}
		// An error before hello: libmpv missing, or something else.
		c.kill()
		<-c.done
		if m.Code == proto.CodeNoLibMPV {
			return nil, fmt.Errorf("%w: %s", ErrLibMPVMissing, m.Message)
		}
		return nil, fmt.Errorf("the media helper failed to start: %s", m.Message)
	case <-c.done:
		return nil, c.startError(c.exitErr)
	case <-timer.C:
		c.kill()
		<-c.done
		return nil, fmt.Errorf("the media helper did not start within %s%s", timeout, c.stderrNote())
	case <-ctx.Done():
		c.kill()
		<-c.done
		return nil, ctx.Err()
	}
}

// startError words the exit of a helper that never said hello.
func (c *Client) startError(exit error) error {
	if IsLibMPVMissingOutput(c.stderr.String()) {
		return fmt.Errorf("%w: %s", ErrLibMPVMissing, firstLine(c.stderr.String()))
	}
	return fmt.Errorf("the media helper exited at start (%v)%s", exit, c.stderrNote())
}

// IsLibMPVMissingOutput reports whether a helper's standard error says that
// libmpv could not be loaded: the dynamic loader's "error while loading
// shared libraries: libmpv…" (Linux), or go-mpv's "cannot load library
// libmpv.dll" panic (the Windows build without cgo).
func IsLibMPVMissingOutput(stderr string) bool {
	s := strings.ToLower(stderr)
	if strings.Contains(s, "error while loading shared libraries: libmpv") {
		return true
	}
	if strings.Contains(s, "cannot load library") && strings.Contains(s, "libmpv") {
		return true
	}
	// macOS's dyld.
	return strings.Contains(s, "library not loaded") && strings.Contains(s, "libmpv")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func (c *Client) stderrNote() string {
	if s := strings.TrimSpace(c.stderr.String()); s != "" {
		return ": " + s
	}
	return ""
}

// MPVVersion returns libmpv's client API version the helper reported.
func (c *Client) MPVVersion() string { return c.mpv }

// PID returns the helper's process ID.
func (c *Client) PID() int { return c.cmd.Process.Pid }

// Events returns the channel of events. It closes when the helper has
// exited: after a Crashed event, or after Close. Read it continuously:
// events queue up until read (positions are coalesced, so the queue stays
// short).
func (c *Client) Events() <-chan Event { return c.events }

// Done is closed when the helper process has exited.
func (c *Client) Done() <-chan struct{} { return c.done }

// Alive reports whether the helper process is still running.
func (c *Client) Alive() bool {
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

// read decodes events until the helper's stdout ends, then reaps it.
func (c *Client) read(stdout io.Reader, hello chan<- proto.Message) {
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	greeted := false
	for sc.Scan() {
		var m proto.Message
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			continue // not the protocol: ignore
		}
		if !greeted {
			greeted = true
			hello <- m
			if m.Event != proto.EvHello {
				break
			}
			continue
		}
		c.dispatch(m)
	}
	// Drain, so that Wait does not wait on a full pipe.
	_, _ = io.Copy(io.Discard, stdout)
	err := c.cmd.Wait()
	if err == nil {
		err = errors.New("exit status 0")
	}
	c.mu.Lock()
	closing := c.closing
	c.exitErr = err
	c.mu.Unlock()
	// Done first: whoever sees Crashed finds the Client dead.
	close(c.done)
	if greeted && !closing {
		c.queue.push(Event{Kind: Crashed, Err: fmt.Errorf("%w (%v)%s", ErrHelperCrashed, err, c.stderrNote())})
	}
	c.queue.close()
}

// dispatch turns a message into an Event, dropping those of an older file
// and positions from before the last seek.
func (c *Client) dispatch(m proto.Message) {
	c.mu.Lock()
	current, lastSeek := c.current, c.lastSeek
	c.mu.Unlock()
	if m.ID != 0 && m.ID != current {
		return
	}
	ev := Event{ID: m.ID, Seq: m.Seq}
	switch m.Event {
	case proto.EvReady:
		ev.Kind, ev.Duration = Ready, seconds(m.Duration)
	case proto.EvPosition:
		if m.Seq < lastSeek {
			return
		}
		ev.Kind, ev.Position = Position, seconds(m.Seconds)
	case proto.EvPlaying:
		ev.Kind = Playing
	case proto.EvPaused:
		ev.Kind, ev.Position = Paused, seconds(m.Seconds)
	case proto.EvEnded:
		ev.Kind = Ended
	case proto.EvClosed:
		ev.Kind = Closed
	case proto.EvError:
		ev.Kind, ev.Err = Error, &HelperError{Code: m.Code, Message: m.Message}
	default:
		return
	}
	c.queue.push(ev)
}

func seconds(s float64) time.Duration {
	if s != s || s < 0 {
		return 0
	}
	return time.Duration(s * float64(time.Second))
}

// write writes queued commands; a failed write means the helper is gone.
func (c *Client) write() {
	for {
		select {
		case b := <-c.writes:
			if _, err := c.stdin.Write(b); err != nil {
				c.kill()
				return
			}
		case <-c.done:
			return
		}
	}
}

// send queues a command, giving it the next sequence number; update, run
// before the command is queued, records what it changes.
func (c *Client) send(cmd proto.Command, update func(seq int64)) (int64, error) {
	c.sendMu.Lock() // keeps sequence numbers in write order
	defer c.sendMu.Unlock()
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return 0, ErrClosed
	}
	select {
	case <-c.done:
		c.mu.Unlock()
		return 0, c.goneErr()
	default:
	}
	c.seq++
	cmd.Seq = c.seq
	if update != nil {
		update(cmd.Seq)
	}
	c.mu.Unlock()
	b, err := json.Marshal(cmd)
	if err != nil {
		return 0, err
	}
	b = append(b, '\n')
	t := time.NewTimer(writeTimeout)
	defer t.Stop()
	select {
	case c.writes <- b:
		return cmd.Seq, nil
	case <-c.done:
		return 0, c.goneErr()
	case <-t.C:
		c.kill()
		return 0, ErrHelperBusy
	}
}

func (c *Client) goneErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Errorf("%w (%v)", ErrHelperCrashed, c.exitErr)
}

// Load loads a file, stopping what played before, and returns its ID, which
// the file's events carry. Events of earlier files are dropped from then on.
func (c *Client) Load(r LoadRequest) (int64, error) {
	return c.send(proto.Command{
		Cmd: proto.CmdLoad, Path: r.Path, Subtitles: r.Subtitles, Start: r.Start.Seconds(),
		Paused: r.Paused, Video: r.Video, Title: r.Title, WID: r.WID,
	}, func(seq int64) { c.current, c.lastSeek = seq, seq })
}

// Play resumes playback (from the start after the end of an audio file).
func (c *Client) Play() error {
	_, err := c.send(proto.Command{Cmd: proto.CmdPlay}, nil)
	return err
}

// Pause pauses playback.
func (c *Client) Pause() error {
	_, err := c.send(proto.Command{Cmd: proto.CmdPause}, nil)
	return err
}

// Seek moves to d from the start. Position events from before it are
// dropped.
func (c *Client) Seek(d time.Duration) error {
	_, err := c.send(proto.Command{Cmd: proto.CmdSeek, Seconds: max(d, 0).Seconds()}, func(seq int64) { c.lastSeek = seq })
	return err
}

// SetVolume sets the volume from 0 to 100 (clamped); it also applies to
// files loaded later.
func (c *Client) SetVolume(v float64) error {
	if v != v {
		v = 100
	}
	_, err := c.send(proto.Command{Cmd: proto.CmdVolume, Volume: min(max(v, 0), 100)}, nil)
	return err
}

// Stop stops playback and closes the video window; the helper stays.
func (c *Client) Stop() error {
	_, err := c.send(proto.Command{Cmd: proto.CmdStop}, func(int64) { c.current = -1 })
	return err
}

// Close asks the helper to quit and waits for it briefly (killing it after
// 2 s). No Crashed event is sent; the events channel closes.
func (c *Client) Close() error {
	select {
	case <-c.done:
		c.mu.Lock()
		c.closing = true
		c.mu.Unlock()
		return nil
	default:
	}
	_, _ = c.send(proto.Command{Cmd: proto.CmdQuit}, nil)
	c.mu.Lock()
	c.closing = true
	c.mu.Unlock()
	// Let the writer flush the quit, then end the input.
	go func() {
		time.Sleep(100 * time.Millisecond)
		c.stdin.Close()
	}()
	t := time.NewTimer(2 * time.Second)
	defer t.Stop()
	select {
	case <-c.done:
	case <-t.C:
		c.kill()
		<-c.done
	}
	return nil
}

// Kill ends the helper at once (SIGKILL). Unless Close was called, a
// Crashed event follows.
func (c *Client) Kill() { c.kill() }

func (c *Client) kill() {
	if c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
	}
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append([]byte(nil), t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}

// eventQueue hands events to a channel without ever blocking the reader: an
// unbounded queue in which a Position replaces a Position still waiting.
type eventQueue struct {
	mu     sync.Mutex
	items  []Event
	closed bool
	wake   chan struct{}
}

func newEventQueue(out chan<- Event) *eventQueue {
	q := &eventQueue{wake: make(chan struct{}, 1)}
	go q.run(out)
	return q
}

func (q *eventQueue) push(ev Event) {
	q.mu.Lock()
	if n := len(q.items); ev.Kind == Position && n > 0 && q.items[n-1].Kind == Position {
		q.items[n-1] = ev
	} else {
		q.items = append(q.items, ev)
	}
	q.mu.Unlock()
	q.signal()
}

func (q *eventQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.signal()
}

func (q *eventQueue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *eventQueue) run(out chan<- Event) {
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			closed := q.closed
			q.mu.Unlock()
			if closed {
				close(out)
				return
			}
			<-q.wake
			continue
		}
		ev := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		out <- ev
	}
}
