package audio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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

// ErrEmpty is returned (wrapped, with the file name) by Decode for an
// empty file.
var ErrEmpty = errors.New("empty file")

// FormatError is the error of a recording that cannot even start playing:
// not of the format its extension says (Wrong), or damaged at its start.
type FormatError struct {
	Format string // "Ogg Vorbis", "MP3", …
	Wrong  bool
	Err    error // the decoder's words: a technical detail
}

func (e *FormatError) Error() string {
	if e.Wrong {
		return fmt.Sprintf("not %s file: %v", article(e.Format), e.Err)
	}
	return fmt.Sprintf("damaged or truncated %s file: %v", e.Format, e.Err)
}

// Unwrap returns the decoder's error.
func (e *FormatError) Unwrap() error { return e.Err }

// maxInMemory bounds how much of a non-seekable file (an entry of a zipped
// pack) Decode keeps in memory: a narration of an hour in OGG Vorbis is
// about 12 MB. A bigger entry (an hour of WAV is 150 MB) is copied to a
// temporary file instead, so memory stays bounded whatever the pack holds;
// maxSpooled bounds that copy (a zip entry is at most 512 MiB anyway).
const (
	maxInMemory = 16 << 20
	maxSpooled  = 1 << 30
)

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
// corrupt file, and an Ogg file's headers are checked (checkVorbisHeaders)
// before the decoder allocates what they claim. The caller closes the
// stream, which closes the file.
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
		return nil, beep.Format{}, fmt.Errorf("%s: %w", p, ErrEmpty)
	}
	rsc, err := seekable(f)
	if err != nil {
		f.Close()
		return nil, beep.Format{}, fmt.Errorf("%s: %w", p, err)
	}
	wrong := false // the file is not of the format at all
	channels := 0  // an Ogg Vorbis stream's, once its headers are read
	defer func() {
		if r := recover(); r != nil {
			// The decoder's panic text means nothing to staff.
			err = errors.New("its start cannot be decoded")
		}
		if err != nil && channels == 6 {
			// The decoder fails on libvorbis's 5.1 set-up at 44.1 kHz
			// (3, 4, 5 and 8 channels decode, and some 5.1): most
			// likely not damage, and staff can mix it down.
			err = &SurroundError{Channels: channels}
		}
		if err != nil {
			rsc.Close()
			s = nil
			if errors.Is(err, ErrUnsupported) {
				err = fmt.Errorf("%s: %w", p, err)
			} else if wrong {
				err = fmt.Errorf("%s: %w", p, &FormatError{Format: formatName(ext), Wrong: true, Err: err})
			} else {
				err = fmt.Errorf("%s: %w", p, &FormatError{Format: formatName(ext), Err: err})
			}
		}
	}()
	if err = sniff(rsc, ext); err != nil {
		wrong = true
		return nil, beep.Format{}, err
	}
	if ext == ".wav" {
		if err = checkWAV(rsc); err != nil {
			return nil, beep.Format{}, err
		}
	}
	if ext == ".ogg" || ext == ".oga" {
		channels, err = vorbisHeaders(rsc)
		if _, serr := rsc.Seek(0, io.SeekStart); err == nil {
			err = serr
		}
		if err != nil {
			return nil, beep.Format{}, err
		}
	}
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

// sniff checks the first bytes of the file against the format its extension
// names, so that a wrong file is reported as such rather than as damaged.
func sniff(r io.ReadSeeker, ext string) error {
	var head [12]byte
	n, err := io.ReadFull(r, head[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return err
	}
	h := head[:n]
	var want string
	switch ext {
	case ".ogg", ".oga":
		want = "OggS"
	case ".wav":
		want = "RIFF"
		if bytes.HasPrefix(h, []byte(want)) && n == 12 && string(h[8:12]) != "WAVE" {
			return fmt.Errorf("a RIFF file of type %q, not WAVE", h[8:12])
		}
	case ".flac":
		want = "fLaC"
	case ".mp3":
		want = "ID3"
		if n >= 2 && h[0] == 0xFF && h[1]&0xE0 == 0xE0 { // an MPEG frame
			return nil
		}
	}
	if !bytes.HasPrefix(h, []byte(want)) {
		return fmt.Errorf("it starts with %q, not %q", h[:min(n, 4)], want)
	}
	return nil
}

// formatName names the format of an extension.
func formatName(ext string) string {
	switch ext {
	case ".ogg", ".oga":
		return "Ogg Vorbis"
	case ".mp3":
		return "MP3"
	case ".wav":
		return "WAV"
	case ".flac":
		return "FLAC"
	}
	return "audio"
}

// article prefixes a or an.
func article(name string) string {
	if strings.ContainsRune("AEIOU", rune(name[0])) || name == "MP3" || name == "FLAC" {
		return "an " + name
	}
	return "a " + name
}

// readSeekCloser is what every beep decoder accepts.
type readSeekCloser interface {
	io.ReadSeeker
	io.Closer
}

// seekable returns f itself when it can seek (os.DirFS, embed.FS), else its
// contents read into memory when small, or copied to a temporary file that
// is removed on Close (archive/zip entries).
func seekable(f fs.File) (readSeekCloser, error) {
	if rsc, ok := f.(readSeekCloser); ok {
		return rsc, nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInMemory+1))
	if err != nil {
		return nil, err
	}
	if len(data) <= maxInMemory {
		return nopCloser{bytes.NewReader(data)}, nil
	}
	tmp, err := os.CreateTemp("", "trienlam-audio-*")
	if err != nil {
		return nil, fmt.Errorf("file larger than %d MiB and no temporary folder to unpack it: %w", maxInMemory>>20, err)
	}
	spool := &tempFile{tmp}
	n, err := io.Copy(tmp, io.MultiReader(bytes.NewReader(data), io.LimitReader(f, maxSpooled-int64(len(data))+1)))
	if err == nil && n > maxSpooled {
		err = fmt.Errorf("file larger than %d MiB", maxSpooled>>20)
	}
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		spool.Close()
		return nil, err
	}
	return spool, nil
}

// tempFile is a temporary copy of a file, removed when closed.
type tempFile struct{ *os.File }

func (t *tempFile) Close() error {
	err := t.File.Close()
	os.Remove(t.Name())
	return err
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
