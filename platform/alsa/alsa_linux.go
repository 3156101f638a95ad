//go:build linux && cgo

package alsa

// #cgo pkg-config: alsa
//
// #include <alsa/asoundlib.h>
// #include <errno.h>
//
// // setup sets the stream up for interleaved signed 16-bit samples at rate
// // (the ALSA plug layer or the sound server converts), with a buffer and
// // a period as near as the device allows to the ones asked for, and
// // start_threshold 1 so that the first write starts it. It returns an
// // ALSA error code, and in *what the name of the call that failed.
// static int setup(snd_pcm_t *pcm, unsigned int channels, unsigned int *rate,
//                  snd_pcm_uframes_t *buffer, snd_pcm_uframes_t *period,
//                  int *canPause, const char **what) {
//     snd_pcm_hw_params_t *hw;
//     snd_pcm_sw_params_t *sw;
//     int err;
//     snd_pcm_hw_params_alloca(&hw);
//     snd_pcm_sw_params_alloca(&sw);
// #define TRY(call) do { err = (call); if (err < 0) { *what = #call; return err; } } while (0)
//     TRY(snd_pcm_hw_params_any(pcm, hw));
//     TRY(snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_RW_INTERLEAVED));
//     TRY(snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S16));
//     TRY(snd_pcm_hw_params_set_channels(pcm, hw, channels));
//     TRY(snd_pcm_hw_params_set_rate_resample(pcm, hw, 1));
//     TRY(snd_pcm_hw_params_set_rate_near(pcm, hw, rate, NULL));
//     TRY(snd_pcm_hw_params_set_buffer_size_near(pcm, hw, buffer));
//     TRY(snd_pcm_hw_params_set_period_size_near(pcm, hw, period, NULL));
//     TRY(snd_pcm_hw_params(pcm, hw));
//     TRY(snd_pcm_hw_params_get_buffer_size(hw, buffer));
//     TRY(snd_pcm_hw_params_get_period_size(hw, period, NULL));
//     *canPause = snd_pcm_hw_params_can_pause(hw);
//     TRY(snd_pcm_sw_params_current(pcm, sw));
//     TRY(snd_pcm_sw_params_set_start_threshold(pcm, sw, 1));
//     TRY(snd_pcm_sw_params_set_avail_min(pcm, sw, *period));
//     TRY(snd_pcm_sw_params(pcm, sw));
// #undef TRY
//     return 0;
// }
import "C"

import (
	"errors"
	"fmt"
	"time"
	"unsafe"
)

// PCM is an open playback stream. Its methods are not safe for concurrent
// use: the caller serialises them.
type PCM struct {
	h        *C.snd_pcm_t
	name     string
	channels int
	rate     int
	buffer   int // frames
	period   int // frames
	canPause bool
}

// Error is an ALSA error: the call that failed, and ALSA's message.
type Error struct {
	Call string
	Code int // negative errno
}

func (e *Error) Error() string {
	return fmt.Sprintf("ALSA %s: %s", e.Call, C.GoString(C.snd_strerror(C.int(e.Code))))
}

// ErrGone is wrapped by the errors of a stream whose device has gone away
// (unplugged, or the sound server stopped): it will not come back.
var ErrGone = errors.New("the sound device has gone away")

func alsaErr(call string, code C.int) error {
	e := &Error{Call: call, Code: int(code)}
	switch -code {
	case C.ENODEV, C.EBADFD, C.EIO, C.ENXIO, C.ESHUTDOWN:
		return fmt.Errorf("%w: %w", ErrGone, e)
	}
	return e
}

// Open opens the playback device name ("default" is the user's sound
// setting) in non-blocking mode for channels interleaved 16-bit channels at
// rate frames a second, with a buffer of about buffer and periods of about
// period. The device may round the buffer and period; Buffer and Period
// give what it chose.
func Open(name string, rate, channels int, buffer, period time.Duration) (*PCM, error) {
	if rate <= 0 || channels <= 0 || buffer <= 0 || period <= 0 || period > buffer {
		return nil, fmt.Errorf("alsa.Open: bad parameters: %d Hz, %d channels, buffer %s, period %s", rate, channels, buffer, period)
	}
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	p := &PCM{name: name, channels: channels}
	if err := C.snd_pcm_open(&p.h, cname, C.SND_PCM_STREAM_PLAYBACK, C.SND_PCM_NONBLOCK); err < 0 {
		return nil, fmt.Errorf("%q: %w", name, alsaErr("snd_pcm_open", err))
	}
	crate := C.uint(rate)
	cbuf := C.snd_pcm_uframes_t(frames(rate, buffer))
	cper := C.snd_pcm_uframes_t(frames(rate, period))
	var what *C.char
	var canPause C.int
	if err := C.setup(p.h, C.uint(channels), &crate, &cbuf, &cper, &canPause, &what); err < 0 {
		C.snd_pcm_close(p.h)
		return nil, fmt.Errorf("%q: %w", name, alsaErr(C.GoString(what), err))
	}
	p.rate, p.buffer, p.period = int(crate), int(cbuf), int(cper)
	p.canPause = canPause != 0
	return p, nil
}

func frames(rate int, d time.Duration) int {
	return max(1, int(int64(rate)*int64(d)/int64(time.Second)))
}

// Rate is the frame rate the device took (as asked, with resampling on).
func (p *PCM) Rate() int { return p.rate }

// Buffer is the device's buffer, in frames.
func (p *PCM) Buffer() int { return p.buffer }

// Period is the device's period, in frames.
func (p *PCM) Period() int { return p.period }

// Avail is how many frames can be written now without waiting. An underrun
// (the buffer ran dry) is recovered from silently; other errors are
// returned.
func (p *PCM) Avail() (int, error) {
	n := C.snd_pcm_avail_update(p.h)
	if n < 0 {
		if err := p.recover(C.int(n)); err != nil {
			return 0, err
		}
		n = C.snd_pcm_avail_update(p.h)
		if n < 0 {
			return 0, alsaErr("snd_pcm_avail_update", C.int(n))
		}
	}
	return min(int(n), p.buffer), nil
}

// Write writes interleaved samples (a whole number of frames) without
// waiting, and returns how many frames the device took: fewer than given
// when its buffer is full. An underrun is recovered from and the write
// tried again.
func (p *PCM) Write(samples []int16) (int, error) {
	n := len(samples) / p.channels
	if n == 0 {
		return 0, nil
	}
	for try := 0; ; try++ {
		got := C.snd_pcm_writei(p.h, unsafe.Pointer(&samples[0]), C.snd_pcm_uframes_t(n))
		switch {
		case got >= 0:
			return int(got), nil
		case -got == C.EAGAIN:
			return 0, nil
		case try > 0:
			return 0, alsaErr("snd_pcm_writei", C.int(got))
		}
		if err := p.recover(C.int(got)); err != nil {
			return 0, err
		}
	}
}

// Delay is how many frames written have yet to be heard (0 when the stream
// is not running).
func (p *PCM) Delay() int {
	if !p.Running() {
		return 0
	}
	var d C.snd_pcm_sframes_t
	if C.snd_pcm_delay(p.h, &d) < 0 || d < 0 {
		return 0
	}
	return int(d)
}

// CanPause reports whether the device can pause (not every one can: ALSA's
// dmix, for one, cannot).
func (p *PCM) CanPause() bool { return p.canPause }

// Pause pauses a running stream, keeping what it holds, or (on false)
// lets a paused one go on.
func (p *PCM) Pause(on bool) error {
	v := C.int(0)
	if on {
		v = 1
	}
	if err := C.snd_pcm_pause(p.h, v); err < 0 {
		return alsaErr("snd_pcm_pause", err)
	}
	return nil
}

// Running reports whether the stream is playing (not prepared, paused or
// stopped by an underrun).
func (p *PCM) Running() bool { return C.snd_pcm_state(p.h) == C.SND_PCM_STATE_RUNNING }

// Drop stops the stream at once, dropping what it holds, and prepares it
// for the next write.
func (p *PCM) Drop() error {
	if err := C.snd_pcm_drop(p.h); err < 0 {
		return alsaErr("snd_pcm_drop", err)
	}
	if err := C.snd_pcm_prepare(p.h); err < 0 {
		return alsaErr("snd_pcm_prepare", err)
	}
	return nil
}

// Close closes the stream, dropping what it holds.
func (p *PCM) Close() {
	if p.h != nil {
		C.snd_pcm_close(p.h)
		p.h = nil
	}
}

func (p *PCM) recover(code C.int) error {
	if err := C.snd_pcm_recover(p.h, code, 1); err < 0 {
		return alsaErr("snd_pcm_recover", err)
	}
	return nil
}
