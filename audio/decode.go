package audio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/gopxl/beep/v2"
	"github.com/gopxl/beep/v2/flac"
	"github.com/gopxl/beep/v2/mp3"
	"github.com/gopxl/beep/v2/vorbis"
	"github.com/gopxl/beep/v2/wav"
)

// ErrNeedsMediaHelper is returned (wrapped, with the file name) by Decode and
// Player.Load for audio formats that beep cannot decode — .m4a, .aac, .opus,
// .wma and the like, typical of phone recordings. Such files are played by the
// external media helper (mpv) instead; test with errors.Is.
var ErrNeedsMediaHelper = errors.New("this audio format needs the media helper (mpv)")

// ErrUnknownFormat is returned (wrapped, with the file name) by Decode for a
// file whose extension is not an audio format at all.
var ErrUnknownFormat = errors.New("not a known audio format (use .ogg, .mp3, .wav or .flac)")

// maxInMemory bounds how much of a non-seekable file (an entry of a zipped
// pack) Decode reads into memory: a narration of an hour in OGG Vorbis is
// about 12 MB, so this is generous.
const maxInMemory = 256 << 20

// helperExts are the extensions of formats played by the media helper.
var helperExts = map[string]bool{
	".m4a": true, ".aac": true, ".opus": true, ".wma": true,
	".mp4": true, ".m4b": true, ".webm": true, ".amr": true, ".3gp": true,
}

// IsNative reports whether Decode can play the file at p itself, judging by
// its extension (.ogg/.oga, .mp3, .wav, .flac).
func IsNative(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".ogg", ".oga", ".mp3", ".wav", ".flac":
		return true
	}
	return false
}

// Decode opens the audio file at p in fsys and returns a seekable stream of
// its samples and their format. The decoder is chosen by the extension:
// .ogg/.oga (Ogg Vorbis), .mp3, .wav and .flac. Extensions of formats that
// only the media helper plays give an error wrapping ErrNeedsMediaHelper.
//
// Every error names the file, for example
// "audio/01.ogg: not an Ogg Vorbis file: ogg/vorbis: …"; a missing file gives
// an *fs.PathError (errors.Is(err, fs.ErrNotExist)). Decode never panics on a
// corrupt file. The caller closes the stream, which closes the file.
//
// Files that are not seekable (entries of a zip) are read into memory first,
// so seeking always works.
func Decode(fsys fs.FS, p string) (s beep.StreamSeekCloser, format beep.Format, err error) {
	ext := strings.ToLower(path.Ext(p))
	if helperExts[ext] {
		return nil, beep.Format{}, fmt.Errorf("%s: %w", p, ErrNeedsMediaHelper)
	}
	if !IsNative(p) {
		return nil, beep.Format{}, fmt.Errorf("%s: %w", p, ErrUnknownFormat)
	}
	if fsys == nil {
		return nil, beep.Format{}, &fs.PathError{Op: "open", Path: p, Err: fs.ErrInvalid}
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, beep.Format{}, err
	}
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		f.Close()
		return nil, beep.Format{}, fmt.Errorf("%s: empty file", p)
	}
	rsc, err := seekable(f)
	if err != nil {
		f.Close()
		return nil, beep.Format{}, fmt.Errorf("%s: %w", p, err)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decoder crashed: %v", r)
		}
		if err != nil {
			rsc.Close()
			s = nil
			what := formatName(ext)
			if errors.Is(err, io.ErrUnexpectedEOF) {
				what = "truncated or damaged file"
			}
			err = fmt.Errorf("%s: %s: %w", p, what, err)
		}
	}()
	switch ext {
	case ".ogg", ".oga":
		s, format, err = vorbis.Decode(rsc)
	case ".mp3":
		s, format, err = mp3.Decode(rsc)
	case ".wav":
		s, format, err = wav.Decode(rsc)
	case ".flac":
		s, format, err = flac.Decode(rsc)
	}
	if err != nil {
		return nil, beep.Format{}, err
	}
	if format.SampleRate <= 0 || format.NumChannels <= 0 {
		s.Close()
		return nil, beep.Format{}, fmt.Errorf("bad format (%d Hz, %d channels)", format.SampleRate, format.NumChannels)
	}
	if s.Len() <= 0 {
		s.Close()
		return nil, beep.Format{}, errors.New("no audio in the file (or its length is unknown)")
	}
	return s, format, nil
}

// formatName is the "not a … file" phrase of Decode's errors.
func formatName(ext string) string {
	switch ext {
	case ".ogg", ".oga":
		return "not an Ogg Vorbis file"
	case ".mp3":
		return "not an MP3 file"
	case ".wav":
		return "not a WAV file"
	case ".flac":
		return "not a FLAC file"
	}
	return "not an audio file"
}

// readSeekCloser is what every beep decoder accepts.
type readSeekCloser interface {
	io.ReadSeeker
	io.Closer
}

// seekable returns f itself when it can seek (os.DirFS, embed.FS), else its
// contents read into memory (archive/zip entries).
func seekable(f fs.File) (readSeekCloser, error) {
	if rsc, ok := f.(readSeekCloser); ok {
		return rsc, nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInMemory+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInMemory {
		return nil, fmt.Errorf("file larger than %d MiB", maxInMemory>>20)
	}
	return nopCloser{bytes.NewReader(data)}, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
