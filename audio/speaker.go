package audio

import "errors"

// ErrNoSoundDevice wraps the reason no sound device could be used.
var ErrNoSoundDevice = errors.New("no sound device")

var theSpeaker Speaker

// SpeakerOutput returns the process's sound-device Output. The device is
// opened by the first Init (or Available) and never closed; between tracks
// it is suspended, so it costs nothing.
func SpeakerOutput() *Speaker { return &theSpeaker }
