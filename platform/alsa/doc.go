// Package alsa is the exhibit's own way to the sound card on Linux: one
// ALSA playback stream, opened in non-blocking mode, that the caller
// writes on its own timer. It replaces oto's ALSA driver (under beep's
// speaker), whose writes block in C for a tenth of a second each: Go's
// scheduler watches every such call closely, and that watching, oto's
// mixing goroutine and the copies between beep's, oto's and ALSA's
// buffers cost narration more CPU than the sound itself (issue 18).
package alsa
