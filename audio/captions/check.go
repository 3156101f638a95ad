package captions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"trienlam/internal/exhibit"
)

// MaxSize is the largest captions file read: an hour of captions is about
// 100 KB. It is checked while reading, before parsing.
const MaxSize = 8 << 20

// readLimited reads the captions at p, refusing UTF-16 text and files over
// MaxSize. Errors name the file.
func readLimited(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: %w", p, errTooLarge)
	}
	if IsUTF16(data) {
		return nil, fmt.Errorf("%s: %w", p, ErrUTF16)
	}
	return data, nil
}

// ErrUTF16 is returned for captions saved as UTF-16, as Windows Notepad's
// "Unicode" choice does: the text looks right in an editor, but every
// letter is two bytes.
var ErrUTF16 = errors.New("the file is saved as UTF-16 (\"Unicode\"): save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)")

// IsUTF16 reports whether data looks like UTF-16 text: a UTF-16 byte order
// mark, or a NUL beside every ASCII letter of its start.
func IsUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	head := data[:min(len(data), 12)]
	return len(head) >= 4 && (bytes.HasPrefix(head, []byte("W\x00E\x00")) || bytes.HasPrefix(head, []byte("\x00W\x00E")))
}

// Check reads the captions at p and returns what is wrong with
// their timing against a recording of the given length (0 when unknown):
// cues past the end of the recording, cues that start before the one
// above them in the file, and cues that overlap the next. A file that
// cannot be read or parsed gives a single error instead (Problem words
// it). Each problem names the cue; the first few of each kind are given.
func Check(fsys fs.FS, p string, length time.Duration) ([]exhibit.Problem, error) {
	data, err := readLimited(fsys, p)
	if err != nil {
		return nil, err
	}
	file, err := parseInFileOrder(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, inFile(err, p))
	}
	cues := file.Cues
	const most = 3 // of each kind: one wrong timing often shifts the rest
	var out []exhibit.Problem
	past, order, overlap := 0, 0, 0
	// cue names cue i by its number, and by its identifier when that says
	// more than the number.
	cue := func(args map[string]string, num, id string, i int) {
		args[num], args[id] = strconv.Itoa(i+1), ""
		if c := cues[i].ID; c != "" && c != strconv.Itoa(i+1) {
			args[id] = c
		}
	}
	add := func(kind string, args map[string]string) {
		args["file"] = p
		out = append(out, exhibit.NewProblem(p, 0, kind, args))
	}
	for i, c := range cues {
		if length > 0 && c.End > length+time.Second/2 {
			if past++; past <= most {
				args := map[string]string{"end": vttTime(c.End), "length": vttTime(length)}
				cue(args, "cue", "id", i)
				add("captions-past-end", args)
			}
		}
		if i == 0 {
			continue
		}
		prev := cues[i-1]
		switch {
		case c.Start < prev.Start:
			if order++; order <= most {
				args := map[string]string{"start": vttTime(c.Start), "prevstart": vttTime(prev.Start)}
				cue(args, "cue", "id", i)
				cue(args, "prev", "previd", i-1)
				add("captions-out-of-order", args)
			}
		case c.Start < prev.End:
			if overlap++; overlap <= most {
				args := map[string]string{"start": vttTime(c.Start), "prevend": vttTime(prev.End)}
				cue(args, "cue", "id", i)
				cue(args, "prev", "previd", i-1)
				add("captions-overlap", args)
			}
		}
	}
	for _, k := range []struct {
		n     int
		which string
	}{{past, "past"}, {order, "order"}, {overlap, "overlap"}} {
		if k.n > most {
			add("captions-more", map[string]string{"n": strconv.Itoa(k.n - most), "which": k.which})
		}
	}
	return out, nil
}

// SyntaxError is an error of a WebVTT file that does not parse: its line
// and a kind of exhibit.ProblemKinds, which words it in both languages.
type SyntaxError struct {
	File string // the file's path, when known
	Line int
	Kind string
	Args map[string]string
}

// problem is the error as a problem of its file.
func (e *SyntaxError) problem() exhibit.Problem {
	args := map[string]string{"file": e.File}
	for k, v := range e.Args {
		args[k] = v
	}
	return exhibit.NewProblem(e.File, e.Line, e.Kind, args)
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.problem().Text("en"))
}

// inFile names the file p in err when it is a *SyntaxError.
func inFile(err error, p string) error {
	var se *SyntaxError
	if errors.As(err, &se) {
		se.File = p
	}
	return err
}

// Problem words err, an error of Check or ReadFile about the captions file,
// as a problem of the pack in both of the app's languages: the line that
// does not parse, UTF-16 text, a file too large, or one that cannot be read.
func Problem(file string, err error) exhibit.Problem {
	var se *SyntaxError
	switch {
	case errors.As(err, &se):
		se.File = file
		return se.problem()
	case errors.Is(err, ErrUTF16):
		return exhibit.NewProblem(file, 0, "captions-utf16", map[string]string{"file": file})
	case errors.Is(err, errTooLarge):
		return exhibit.NewProblem(file, 0, "captions-too-large", map[string]string{"file": file, "limit": strconv.Itoa(MaxSize >> 20)})
	case errors.Is(err, fs.ErrNotExist):
		return exhibit.NewProblem(file, 0, "file-not-found", map[string]string{"file": file})
	}
	return exhibit.NewProblem(file, 0, "captions-unreadable", map[string]string{"file": file, "error": strings.TrimPrefix(err.Error(), file+": ")})
}

// errTooLarge is wrapped by the error of a captions file over MaxSize.
var errTooLarge = fmt.Errorf("larger than %d MiB, far more than captions need; is it the right file?", MaxSize>>20)

// vttTime formats d as WebVTT writes times, to the millisecond: m:ss.mmm,
// or h:mm:ss.mmm from an hour.
func vttTime(d time.Duration) string {
	ms := int(d / time.Millisecond)
	h, m, s := ms/3600000, ms/60000%60, ms/1000%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d.%03d", h, m, s, ms%1000)
	}
	return fmt.Sprintf("%d:%02d.%03d", m, s, ms%1000)
}
