package proto

// Version is the protocol version the helper announces in its hello event.
const Version = 1

// Commands, the Cmd of a Command.
const (
	// CmdLoad loads Path (stopping anything playing) and starts playing it
	// from Start, or holds it paused there when Paused is set.
	CmdLoad = "load"
	// CmdPlay resumes; at the end of an audio file it plays from the start.
	CmdPlay = "play"
	// CmdPause pauses.
	CmdPause = "pause"
	// CmdSeek moves to Seconds from the start.
	CmdSeek = "seek"
	// CmdVolume sets the volume, Volume from 0 to 100.
	CmdVolume = "volume"
	// CmdStop stops playback and closes the video window.
	CmdStop = "stop"
	// CmdQuit stops playback and ends the helper. So does the end of its
	// standard input (the exhibit has gone).
	CmdQuit = "quit"
)

// Command is one line the client writes to the helper.
type Command struct {
	Cmd string `json:"cmd"`
	Seq int64  `json:"seq"`

	// load
	Path      string  `json:"path,omitempty"`
	Subtitles string  `json:"subtitles,omitempty"` // .srt or .vtt for a video
	Start     float64 `json:"start,omitempty"`     // seconds
	Paused    bool    `json:"paused,omitempty"`
	// Video opens a full-screen window (or draws into WID); otherwise the
	// file is played as audio only, with no window.
	Video bool   `json:"video,omitempty"`
	Title string `json:"title,omitempty"` // window title
	WID   int64  `json:"wid,omitempty"`   // native window to draw into, 0 for its own

	// seek
	Seconds float64 `json:"seconds,omitempty"`
	// volume, 0–100
	Volume float64 `json:"volume,omitempty"`
}

// Events, the Event of a Message.
const (
	// EvHello is the first line the helper writes once it runs; Version
	// and MPV (libmpv's client API version, "2.1") are set.
	EvHello = "hello"
	// EvReady: the file is open; Duration is its length in seconds (0 when
	// unknown, as for a live stream).
	EvReady = "ready"
	// EvPosition: Seconds played, about four times a second while playing
	// and never while paused.
	EvPosition = "position"
	// EvPlaying: playback started or resumed (also when the visitor
	// pressed space in the video window).
	EvPlaying = "playing"
	// EvPaused: playback paused at Seconds.
	EvPaused = "paused"
	// EvEnded: the file played to its end. A video's window has closed;
	// an audio file stays loaded at its end (play starts it again).
	EvEnded = "ended"
	// EvClosed: the visitor closed the video (Esc, q, PageDown, →, or the
	// window's close button); the window has gone.
	EvClosed = "closed"
	// EvError: Message says what went wrong, Code what kind of thing: see
	// the Code constants. After an error while loading or playing, the
	// file is closed; the helper goes on.
	EvError = "error"
)

// Error codes, the Code of an error event.
const (
	// CodeNoLibMPV: libmpv could not be loaded or started; the helper
	// exits after sending it.
	CodeNoLibMPV = "no-libmpv"
	// CodeLoad: the file could not be opened or played (missing, corrupt,
	// not a format mpv knows).
	CodeLoad = "load"
	// CodeCommand: a command line was not understood, or came with no
	// file loaded.
	CodeCommand = "command"
)

// Message is one line the helper writes to the client.
type Message struct {
	Event string `json:"event"`
	Seq   int64  `json:"seq"`
	ID    int64  `json:"id,omitempty"`

	Version  int     `json:"version,omitempty"`
	MPV      string  `json:"mpv,omitempty"`
	Duration float64 `json:"duration,omitempty"`
	Seconds  float64 `json:"seconds,omitempty"`
	Message  string  `json:"message,omitempty"`
	Code     string  `json:"code,omitempty"`
}
