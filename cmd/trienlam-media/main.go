// Command trienlam-media is the exhibit's media helper: it plays video clips
// and phone recordings (m4a/AAC, Opus, WMA …) through libmpv, in a process
// of its own, so that a missing libmpv, a decoder crash or a corrupt file can
// never stop the exhibit. The exhibit (package trienlam/media) starts it and
// talks to it with JSON lines, commands on stdin and events on stdout; the
// protocol is in package trienlam/media/proto.
//
// A video opens a full-screen mpv window of its own, on top, with mpv's
// on-screen controller (play/pause, seek bar, volume) and subtitles from the
// .srt or .vtt file named in the load command. Esc, q, PageDown and → (a
// presenter's clicker sends PageDown) close it and return to the exhibit:
// the helper says "closed". Audio plays with no window.
//
// Options (also from the environment, for tests): -vo (TRIENLAM_MEDIA_VO),
// -ao (TRIENLAM_MEDIA_AO): mpv's video and audio outputs, e.g. "null" for
// both in tests. Standard error gets diagnostics only.
//
// Built with cgo (the default on Linux) it links libmpv.so.2, so without
// libmpv it does not start at all: the dynamic loader's error, which the
// exhibit recognises. Built with -tags nocgo (Windows, where no import
// library is needed) it loads libmpv.dll at start and panics without it,
// which the exhibit recognises too.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	mpv "github.com/gen2brain/go-mpv"

	"trienlam/audio/media/proto"
)

// positionEvery is how often the position is reported while playing.
const positionEvery = 250 * time.Millisecond

// stopTimeout is how long mpv may take to shut down before the helper gives
// up on it and exits (the exhibit then starts a new helper).
const stopTimeout = 5 * time.Second

// closeMessage is the script message the video window's keys send.
const closeMessage = "trienlam-close"

// closeKeys are the keys that close a video and return to the exhibit.
var closeKeys = []string{"ESC", "q", "Q", "PGDWN", "RIGHT"}

// options are the command-line settings.
type options struct {
	vo, ao string
}

// writer sends events, one JSON line each, safe from any goroutine.
type writer struct {
	mu  sync.Mutex
	enc *json.Encoder
	seq *atomic.Int64 // the last command carried out (a load: read)
}

// send sends m with the Seq of the last command carried out by now.
func (w *writer) send(m proto.Message) {
	w.sendAt(m, w.seq.Load())
}

// sendAt sends m with the given Seq: that of the last command carried out
// when the sender began to look at what m reports.
func (w *writer) sendAt(m proto.Message, seq int64) {
	m.Seq = seq
	w.mu.Lock()
	defer w.mu.Unlock()
	// A failed write means the exhibit has gone; the end of stdin follows.
	_ = w.enc.Encode(m)
}

func main() {
	var opt options
	flag.StringVar(&opt.vo, "vo", os.Getenv("TRIENLAM_MEDIA_VO"), "mpv video output for clips (default: gpu, then x11 / direct3d)")
	flag.StringVar(&opt.ao, "ao", os.Getenv("TRIENLAM_MEDIA_AO"), "mpv audio output (default: mpv's choice)")
	version := flag.Bool("version", false, "print the protocol and libmpv versions and exit")
	flag.Parse()

	in, out := protocolFiles()
	var seq atomic.Int64
	w := &writer{enc: json.NewEncoder(out), seq: &seq}
	w.enc.SetEscapeHTML(false)

	api := mpv.New()
	if handle(api) == nil {
		w.send(proto.Message{Event: proto.EvError, Code: proto.CodeNoLibMPV, Message: "mpv_create failed: libmpv cannot start"})
		os.Exit(3)
	}
	v := api.APIVersion()
	api.TerminateDestroy()
	mpvVersion := fmt.Sprintf("%d.%d", v>>16, v&0xffff)
	if *version {
		fmt.Fprintf(out, "trienlam-media protocol %d, libmpv client API %s\n", proto.Version, mpvVersion)
		return
	}
	w.send(proto.Message{Event: proto.EvHello, Version: proto.Version, MPV: mpvVersion})

	h := &helper{opt: opt, w: w}
	os.Exit(h.run(in, &seq))
}

// handle returns the mpv_handle inside m: go-mpv's New does not say when
// mpv_create fails.
func handle(m *mpv.Mpv) unsafe.Pointer {
	if m == nil {
		return nil
	}
	return *(*unsafe.Pointer)(unsafe.Pointer(m))
}

// helper reads commands and runs one session (one loaded file) at a time.
type helper struct {
	opt  options
	w    *writer
	sess *session
}

// run reads commands until quit or the end of input and returns the exit
// status.
func (h *helper) run(in io.Reader, seq *atomic.Int64) int {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var c proto.Command
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			h.w.send(proto.Message{Event: proto.EvError, Code: proto.CodeCommand, Message: "bad command: " + err.Error()})
			continue
		}
		// A play, pause or seek counts once mpv has it: an event that read
		// mpv's state before then must carry the older Seq, or the client
		// would take a "paused" read just before a play as news. A load
		// counts at once: its file's events must never look older than it.
		if c.Cmd == proto.CmdLoad || c.Cmd == proto.CmdQuit {
			storeMax(seq, c.Seq)
		}
		if c.Cmd == proto.CmdQuit {
			break
		}
		ok := h.command(c)
		storeMax(seq, c.Seq)
		if !ok {
			return 4
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "trienlam-media: reading commands:", err)
	}
	if !h.stop() {
		return 4
	}
	return 0
}

// storeMax raises seq to n; commands come from one reader, in order.
func storeMax(seq *atomic.Int64, n int64) {
	if n > seq.Load() {
		seq.Store(n)
	}
}

// command runs one command; false when mpv hung and the helper must exit.
func (h *helper) command(c proto.Command) bool {
	if c.Cmd == proto.CmdVolume {
		volume.Store(clampVolume(c.Volume)) // for this file and the next
	}
	switch c.Cmd {
	case proto.CmdLoad:
		if !h.stop() {
			return false
		}
		s, err := h.start(c)
		if err != nil {
			h.w.send(proto.Message{Event: proto.EvError, ID: c.Seq, Code: proto.CodeLoad, Message: err.Error()})
			return true
		}
		h.sess = s
	case proto.CmdStop:
		return h.stop()
	case proto.CmdPlay, proto.CmdPause, proto.CmdSeek, proto.CmdVolume:
		s := h.sess
		if s == nil || s.isDone() {
			if c.Cmd == proto.CmdVolume {
				return true // kept for the next file (above)
			}
			h.w.send(proto.Message{Event: proto.EvError, Code: proto.CodeCommand, Message: c.Cmd + ": nothing is loaded"})
			return true
		}
		s.control(c)
	default:
		h.w.send(proto.Message{Event: proto.EvError, Code: proto.CodeCommand, Message: fmt.Sprintf("unknown command %q", c.Cmd)})
	}
	return true
}

// volume is the volume for new sessions, 0–100.
var volume = func() *atomic.Value {
	var v atomic.Value
	v.Store(100.0)
	return &v
}()

func clampVolume(v float64) float64 {
	if v != v {
		return 100
	}
	return min(max(v, 0), 100)
}

// stop ends the current session, if any; false when mpv did not shut down
// in time.
func (h *helper) stop() bool {
	s := h.sess
	h.sess = nil
	if s == nil {
		return true
	}
	return s.stop()
}

// session is one file loaded into one mpv instance. Each file gets a fresh
// instance: a video and an audio file need different outputs, and destroying
// the instance is what closes the video window.
type session struct {
	id    int64
	m     *mpv.Mpv
	video bool
	subs  string // subtitle file, added once the video is open
	w     *writer
	done  chan struct{}

	stopping atomic.Bool // the exhibit asked: no "closed" event

	// life guards the mpv instance against being called from the command
	// goroutine while the event loop destroys it (libmpv aborts then):
	// callers hold it for reading and give up once destroyed is set.
	life      sync.RWMutex
	destroyed bool

	// Touched only by the event loop.
	loaded  bool
	paused  bool
	eof     bool
	seeking bool
	seen    int64 // Seq carried out when this turn of the loop began
}

func (s *session) isDone() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// start creates and initialises mpv for c and loads its file.
func (h *helper) start(c proto.Command) (*session, error) {
	if c.Path == "" {
		return nil, fmt.Errorf("load: no path")
	}
	if _, err := os.Stat(c.Path); err != nil {
		return nil, fmt.Errorf("load: %v", err)
	}
	refillStdin()
	m := mpv.New()
	if handle(m) == nil {
		return nil, fmt.Errorf("load: mpv_create failed")
	}
	s := &session{id: c.Seq, m: m, video: c.Video, subs: c.Subtitles, w: h.w, done: make(chan struct{}), paused: c.Paused, seen: c.Seq}
	set := func(name, value string) error {
		if err := m.SetOptionString(name, value); err != nil {
			return fmt.Errorf("mpv option %s=%s: %w", name, value, err)
		}
		return nil
	}
	opts := [][2]string{
		{"config", "no"}, // no user mpv.conf: the same behaviour everywhere
		{"terminal", "no"},
		{"idle", "yes"},
		{"ytdl", "no"}, // never on the network
		{"pause", yesNo(c.Paused)},
		{"volume", fmt.Sprintf("%g", volume.Load().(float64))},
		{"volume-max", "100"},
		// Without a sound device (a kiosk PC with no sound card, HDMI
		// unplugged) mpv refuses to load the file; with this it plays
		// silently at the normal pace, so narration keeps its captions
		// and a clip ends normally instead of looking damaged.
		{"audio-fallback-to-null", "yes"},
	}
	if c.Start > 0 {
		opts = append(opts, [2]string{"start", fmt.Sprintf("%.3f", c.Start)})
	}
	if f := os.Getenv("TRIENLAM_MEDIA_LOG"); f != "" {
		opts = append(opts, [2]string{"log-file", f})
	}
	if h.opt.ao != "" {
		opts = append(opts, [2]string{"ao", h.opt.ao})
	}
	if c.Video {
		vo := h.opt.vo
		if vo == "" {
			vo = defaultVO()
		}
		title := "Trienlam"
		if c.Title != "" {
			title = "Trienlam — " + c.Title
		}
		opts = append(opts,
			[2]string{"vo", vo},
			[2]string{"keep-open", "no"},
			[2]string{"fullscreen", "yes"},
			[2]string{"ontop", "yes"},
			[2]string{"force-window", "yes"},
			[2]string{"title", title},
			[2]string{"osc", "yes"},
			[2]string{"input-default-bindings", "yes"},
			[2]string{"input-vo-keyboard", "yes"},
			[2]string{"cursor-autohide", "1000"},
			[2]string{"sub-auto", "no"},
		)
		if gc := gpuContext(); gc != "" {
			opts = append(opts, [2]string{"gpu-context", gc})
		}
		if c.WID != 0 {
			opts = append(opts, [2]string{"wid", fmt.Sprint(c.WID)})
		}
	} else {
		opts = append(opts,
			[2]string{"vo", "null"},
			[2]string{"vid", "no"}, // no cover art
			[2]string{"keep-open", "yes"},
			[2]string{"force-window", "no"},
			[2]string{"osc", "no"},
			[2]string{"input-default-bindings", "no"},
		)
	}
	for _, o := range opts {
		if err := set(o[0], o[1]); err != nil {
			m.TerminateDestroy()
			return nil, err
		}
	}
	if err := m.Initialize(); err != nil {
		m.TerminateDestroy()
		return nil, fmt.Errorf("mpv cannot start: %w", err)
	}
	_ = m.ObserveProperty(1, "pause", mpv.FormatNone)
	_ = m.ObserveProperty(2, "eof-reached", mpv.FormatNone)
	if c.Video {
		for _, k := range closeKeys {
			if err := m.Command([]string{"keybind", k, "script-message " + closeMessage}); err != nil {
				fmt.Fprintf(os.Stderr, "trienlam-media: keybind %s: %v\n", k, err)
			}
		}
	}
	if err := m.Command([]string{"loadfile", c.Path}); err != nil {
		m.TerminateDestroy()
		return nil, fmt.Errorf("load %s: %w", c.Path, err)
	}
	go s.loop()
	return s, nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// defaultVO is the video output for clips: OpenGL (gpu), else a plain one.
func defaultVO() string {
	if runtime.GOOS == "windows" {
		return "gpu,direct3d,"
	}
	return "gpu,x11,"
}

// send sends an event of the event loop, with the loop's Seq.
func (s *session) send(m proto.Message) {
	m.ID = s.id
	s.w.sendAt(m, s.seen)
}

// control runs play, pause, seek and volume; mpv's client API may be called
// from any thread.
func (s *session) control(c proto.Command) {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.destroyed {
		return
	}
	var err error
	switch c.Cmd {
	case proto.CmdPlay:
		if b, e := s.m.GetProperty("eof-reached", mpv.FormatFlag); e == nil && b.(bool) {
			err = s.m.Command([]string{"seek", "0", "absolute+exact"})
		}
		if err == nil {
			err = s.m.SetPropertyString("pause", "no")
		}
	case proto.CmdPause:
		err = s.m.SetPropertyString("pause", "yes")
	case proto.CmdSeek:
		flags := "absolute+exact"
		if s.video {
			flags = "absolute"
		}
		err = s.m.Command([]string{"seek", fmt.Sprintf("%.3f", max(c.Seconds, 0)), flags})
	case proto.CmdVolume:
		err = s.m.SetPropertyString("volume", fmt.Sprintf("%g", clampVolume(c.Volume)))
	}
	if err != nil {
		// Not s.send: that is the event loop's, and this runs beside it.
		s.w.send(proto.Message{Event: proto.EvError, ID: s.id, Code: proto.CodeCommand, Message: c.Cmd + ": " + err.Error()})
	}
}

// stop shuts the session's mpv down and waits for it; false if it hangs.
func (s *session) stop() bool {
	if s.isDone() {
		return true
	}
	s.stopping.Store(true)
	s.life.RLock()
	if !s.destroyed {
		_ = s.m.Command([]string{"quit"})
	}
	s.life.RUnlock()
	select {
	case <-s.done:
		return true
	case <-time.After(stopTimeout):
		fmt.Fprintln(os.Stderr, "trienlam-media: mpv did not stop; exiting")
		return false
	}
}

// loop is the only caller of WaitEvent, and destroys the instance at the end.
func (s *session) loop() {
	defer close(s.done)
	defer func() {
		s.life.Lock()
		s.destroyed = true
		s.life.Unlock()
		s.m.TerminateDestroy()
	}()
	next := time.Now()
	quitting := false
	quit := func() {
		if !quitting {
			quitting = true
			_ = s.m.Command([]string{"quit"})
		}
	}
	for {
		timeout := 1.0
		playing := s.loaded && !s.paused && !s.eof
		if playing {
			timeout = max(time.Until(next).Seconds(), 0)
		}
		ev := s.m.WaitEvent(timeout)
		// Taken before this turn reads mpv's state: what it reports is at
		// least as new as these commands (see helper.run).
		s.seen = s.w.seq.Load()
		if playing && !time.Now().Before(next) {
			next = time.Now().Add(positionEvery)
			if !s.seeking {
				if t, err := s.m.GetProperty("time-pos", mpv.FormatDouble); err == nil {
					s.send(proto.Message{Event: proto.EvPosition, Seconds: ms(t.(float64))})
				}
			}
		}
		switch ev.EventID {
		case mpv.EventNone:
		case mpv.EventShutdown:
			if !s.stopping.Load() && !quitting {
				// The window's close button (or a key we did not bind).
				s.send(proto.Message{Event: proto.EvClosed})
			}
			return
		case mpv.EventFileLoaded:
			s.loaded = true
			d := 0.0
			if v, err := s.m.GetProperty("duration", mpv.FormatDouble); err == nil {
				d = v.(float64)
			}
			if s.subs != "" {
				// sub-add, not the sub-files option: a list option would
				// split a path at ':' (or ';' on Windows).
				if err := s.m.Command([]string{"sub-add", s.subs, "select"}); err != nil {
					fmt.Fprintf(os.Stderr, "trienlam-media: subtitles %s: %v\n", s.subs, err)
				}
			}
			s.send(proto.Message{Event: proto.EvReady, Duration: ms(d)})
			s.updatePause()
			if !s.paused {
				s.send(proto.Message{Event: proto.EvPlaying})
				next = time.Now()
			}
		case mpv.EventSeek:
			s.seeking = true
		case mpv.EventPlaybackRestart:
			// After a seek or the start: the position is settled. Read
			// pause afresh: a play or pause may have come in since.
			s.seeking = false
			was := s.paused
			s.updatePause()
			if s.loaded && s.paused {
				s.sendPaused()
			} else if s.loaded && was {
				s.send(proto.Message{Event: proto.EvPlaying})
			}
			next = time.Now()
		case mpv.EventPropertyChange:
			switch ev.ReplyUserdata {
			case 1:
				was := s.paused
				s.updatePause()
				if s.paused && !s.video && s.atEOF() {
					// keep-open pauses at the end: that is the end, not a pause.
					if !s.eof && s.loaded {
						s.send(proto.Message{Event: proto.EvEnded})
					}
					s.eof = true
					continue
				}
				if s.loaded && was != s.paused {
					if s.paused {
						s.sendPaused()
					} else {
						s.send(proto.Message{Event: proto.EvPlaying})
						next = time.Now()
					}
				}
			case 2:
				eof := s.atEOF()
				if eof && !s.eof && s.loaded {
					s.send(proto.Message{Event: proto.EvEnded})
				}
				s.eof = eof
			}
		case mpv.EventEnd:
			ef := ev.EndFile()
			switch ef.Reason {
			case mpv.EndFileEOF:
				s.send(proto.Message{Event: proto.EvEnded})
				quit()
			case mpv.EndFileError:
				msg := "cannot play the file"
				if ef.Error != nil {
					msg += ": " + ef.Error.Error()
				}
				s.send(proto.Message{Event: proto.EvError, Code: proto.CodeLoad, Message: msg})
				quit()
			case mpv.EndFileQuit:
			default:
				if !s.stopping.Load() && !quitting {
					quit()
				}
			}
			s.loaded = false
		case mpv.EventClientMessage:
			if args := clientMessage(ev); len(args) > 0 && args[0] == closeMessage && !quitting {
				s.send(proto.Message{Event: proto.EvClosed})
				quit()
			}
		}
	}
}

func (s *session) atEOF() bool {
	v, err := s.m.GetProperty("eof-reached", mpv.FormatFlag)
	return err == nil && v.(bool)
}

func (s *session) updatePause() {
	if v, err := s.m.GetProperty("pause", mpv.FormatFlag); err == nil {
		s.paused = v.(bool)
	}
}

func (s *session) sendPaused() {
	t := 0.0
	if v, err := s.m.GetProperty("time-pos", mpv.FormatDouble); err == nil {
		t = v.(float64)
	}
	s.send(proto.Message{Event: proto.EvPaused, Seconds: ms(t)})
}

// clientMessage returns the arguments of an MPV_EVENT_CLIENT_MESSAGE, which
// go-mpv does not decode: struct { int num_args; const char **args; }.
func clientMessage(ev *mpv.Event) []string {
	if ev.Data == nil {
		return nil
	}
	msg := (*struct {
		n    int32
		args unsafe.Pointer
	})(ev.Data)
	if msg.n <= 0 || msg.n > 64 || msg.args == nil {
		return nil
	}
	ptrs := unsafe.Slice((**byte)(msg.args), msg.n)
	out := make([]string, 0, len(ptrs))
	for _, p := range ptrs {
		out = append(out, cString(p))
	}
	return out
}

// cString copies a NUL-terminated C string (at most 4 KiB of it).
func cString(p *byte) string {
	if p == nil {
		return ""
	}
	var b []byte
	for i := 0; i < 4096; i++ {
		c := *(*byte)(unsafe.Add(unsafe.Pointer(p), i))
		if c == 0 {
			break
		}
		b = append(b, c)
	}
	return string(b)
}

// ms rounds seconds to the millisecond, to keep event lines short.
func ms(t float64) float64 { return math.Round(t*1000) / 1000 }
