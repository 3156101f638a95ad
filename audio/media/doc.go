// Package media plays video clips and recordings that the built-in player
// (package audio, beep) cannot decode — m4a/AAC, Opus, WMA from phones,
// documentary clips in mp4/webm/mkv/avi — through libmpv, by way of the
// helper program cmd/trienlam-media.
//
// libmpv never enters the exhibit's own process: this package imports
// neither mpv nor Fyne. It starts the helper (Start), talks to it with the
// JSON lines of package media/proto and turns a missing helper, a missing
// libmpv, a crash or a hang into errors and events (ErrHelperMissing,
// ErrLibMPVMissing, Crashed) that Explain words in Vietnamese. Whatever
// happens to the helper, the exhibit goes on; a new helper is started for
// the next clip.
//
// Client is the low-level connection: load, play, pause, seek, volume,
// stop. NarrationPlayer plays a chapter's narration through it with the
// same surface as audio.Player — captions, cues and the highlight work the
// same way — so the reader can use either.
//
// Where the helper is: FindHelper looks beside the exhibit's executable
// (trienlam-media, trienlam-media.exe on Windows), then on PATH; the
// environment variable TRIENLAM_MEDIA_HELPER overrides both.
package media
