package audio

import "errors"

// ErrNoSoundDevice wraps the reason no sound device could be used.
var ErrNoSoundDevice = errors.New("no sound device")

var theSpeaker Speaker

// SpeakerOutput returns the process's sound-device Output. The device is
// opened by the first Init (or Available) and never closed; between tracks
// it is suspended, so it costs nothing.
func SpeakerOutput() *Speaker { return &theSpeaker }

// Available opens the device if that has not been tried yet (this may take a
// moment) and reports whether it works.
func (s *Speaker) Available() bool { return s.open() == nil }

// Err returns why the device cannot be used, nil when it can (or has not
// been tried yet).
func (s *Speaker) Err() error {
	if !s.opened.Load() {
		return nil
	}
	if s.initErr != nil {
		return s.initErr
	}
	return s.lostErr()
}
