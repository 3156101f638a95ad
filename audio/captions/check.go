package captions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"time"
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
		return nil, fmt.Errorf("%s: larger than %d MiB, far more than captions need; is it the right file?", p, MaxSize>>20)
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
// cannot be read or parsed gives a single error instead. Each problem is
// one sentence naming the cue; the first few of each kind are given.
func Check(fsys fs.FS, p string, length time.Duration) ([]string, error) {
	data, err := readLimited(fsys, p)
	if err != nil {
		return nil, err
	}
	file, err := parseInFileOrder(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	cues := file.Cues
	const most = 3 // of each kind: one wrong timing often shifts the rest
	var out []string
	past, order, overlap := 0, 0, 0
	name := func(i int) string {
		if id := cues[i].ID; id != "" && id != strconv.Itoa(i+1) {
			return fmt.Sprintf("cue %d (%s)", i+1, cues[i].ID)
		}
		return fmt.Sprintf("cue %d", i+1)
	}
	for i, c := range cues {
		if length > 0 && c.End > length+time.Second/2 {
			if past++; past <= most {
				out = append(out, fmt.Sprintf("%s runs to %s, past the end of the recording at %s", name(i), vttTime(c.End), vttTime(length)))
			}
		}
		if i == 0 {
			continue
		}
		prev := cues[i-1]
		switch {
		case c.Start < prev.Start:
			if order++; order <= most {
				out = append(out, fmt.Sprintf("%s starts at %s, before %s above it (%s): put the cues in time order", name(i), vttTime(c.Start), name(i-1), vttTime(prev.Start)))
			}
		case c.Start < prev.End:
			if overlap++; overlap <= most {
				out = append(out, fmt.Sprintf("%s starts at %s, before %s above it ends (%s): two captions would show at once", name(i), vttTime(c.Start), name(i-1), vttTime(prev.End)))
			}
		}
	}
	for _, k := range []struct {
		n    int
		what string
	}{{past, "past the end"}, {order, "out of order"}, {overlap, "overlapping"}} {
		if k.n > most {
			out = append(out, fmt.Sprintf("%d more cues %s", k.n-most, k.what))
		}
	}
	return out, nil
}

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
