package visitlog

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxSize is the size in bytes past which the log file is rotated.
var MaxSize int64 = 10 << 20

// maxID is the longest ID recorded; longer ones are cut.
const maxID = 200

// Record kinds as stored in the file.
const (
	kindStart   = "start"
	kindChapter = "chapter"
	kindEvent   = "event"
	kindEnd     = "end"
	kindClip    = "clip-failed"
)

// record is one line of the log.
type record struct {
	T    time.Time `json:"t"`
	Kind string    `json:"k"`
	ID   string    `json:"id,omitempty"`
	// Why is the short code of what went wrong, for kindClip.
	Why string `json:"why,omitempty"`
}

// Log is an open visitor log. Its methods are safe for concurrent use.
type Log struct {
	path string
	mu   sync.Mutex
	f    *os.File
	size int64
}

// Open opens the log at path for appending, creating it and its folder
// when missing. A last line cut off by a crash is ended, so the next
// record starts on a line of its own.
func Open(path string) (*Log, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	l := &Log{path: path}
	if err := l.open(); err != nil {
		return nil, err
	}
	return l, nil
}

// open opens l.path for appending. l.mu is held or l is new.
func (l *Log) open() error {
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	l.f, l.size = f, st.Size()
	if l.size > 0 {
		// End a line cut off by a crash.
		r, err := os.Open(l.path)
		if err == nil {
			last := make([]byte, 1)
			_, err = r.ReadAt(last, l.size-1)
			r.Close()
			if err == nil && last[0] != '\n' {
				n, _ := f.Write([]byte{'\n'})
				l.size += int64(n)
			}
		}
	}
	return nil
}

// Path returns the log file's path.
func (l *Log) Path() string { return l.path }

// VisitStart records that a visit began at t (a touch after the attract
// loop).
func (l *Log) VisitStart(t time.Time) error { return l.write(record{T: t, Kind: kindStart}) }

// ChapterViewed records that the current visit opened chapter id at t.
func (l *Log) ChapterViewed(id string, t time.Time) error {
	return l.write(record{T: t, Kind: kindChapter, ID: cut(id)})
}

// EventViewed records that the current visit opened timeline event id at t.
func (l *Log) EventViewed(id string, t time.Time) error {
	return l.write(record{T: t, Kind: kindEvent, ID: cut(id)})
}

// ClipFailed records that a clip (its file or ID in the pack) could not be
// played to the visitor at t, and why, as a short code such as
// "no-libmpv" (see media.Reason). Visitors saw its poster instead; staff
// find the event in the exported table's last column.
func (l *Log) ClipFailed(id, why string, t time.Time) error {
	return l.write(record{T: t, Kind: kindClip, ID: cut(id), Why: cut(why)})
}

// VisitEnd records that the current visit ended at t (the idle countdown
// ran out, or staff left kiosk mode).
func (l *Log) VisitEnd(t time.Time) error { return l.write(record{T: t, Kind: kindEnd}) }

// Close closes the file. Later writes fail.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// errClosed is returned by writes after Close.
var errClosed = errors.New("visitlog: the log is closed")

// write appends one record as a line, rotating the file first if the line
// would take it past MaxSize.
func (l *Log) write(r record) error {
	line, err := json.Marshal(r)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return errClosed
	}
	if l.size > 0 && l.size+int64(len(line)) > MaxSize {
		if err := l.rotate(); err != nil {
			return err
		}
	}
	n, err := l.f.Write(line)
	l.size += int64(n)
	return err
}

// rotate renames the file to path+".1" and starts a new one. l.mu is held.
func (l *Log) rotate() error {
	if err := l.f.Close(); err != nil {
		return err
	}
	l.f = nil
	// On Windows Rename does not replace an open file, but the old file
	// is not open: only this Log writes it.
	if err := os.Rename(l.path, l.path+".1"); err != nil {
		// Keep logging into the same file rather than lose records.
		if err2 := l.open(); err2 != nil {
			return err2
		}
		return err
	}
	return l.open()
}

// cut shortens an ID to maxID bytes (on a rune boundary).
func cut(id string) string {
	if len(id) <= maxID {
		return id
	}
	i := maxID
	for i > 0 && id[i]&0xC0 == 0x80 {
		i--
	}
	return id[:i]
}

// Visit is one visit as read back from the log.
type Visit struct {
	Start, End time.Time
	// Ended is false for a visit that never recorded its end (the app was
	// closed or crashed); End is then its last record's time.
	Ended    bool
	Chapters []string // chapter IDs in the order first opened, each once
	Events   []string // event IDs likewise
	// Problems are what could not be shown to the visit, each once, as
	// "clip ID: reason".
	Problems []string
}

// Minutes returns the visit's length in whole minutes, rounded.
func (v Visit) Minutes() int {
	return int(math.Round(v.End.Sub(v.Start).Minutes()))
}

// Visits reads the log (the rotated file, then the current one) and
// returns the visits that started in [from, to), oldest first. A zero from
// or to leaves that side open. A missing file is an empty log; lines that
// do not parse are skipped.
func (l *Log) Visits(from, to time.Time) ([]Visit, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return ReadVisits(l.path, from, to)
}

// ReadVisits is Log.Visits for a log that is not open.
func ReadVisits(path string, from, to time.Time) ([]Visit, error) {
	var all []Visit
	var cur *Visit
	finish := func() {
		if cur != nil {
			all = append(all, *cur)
			cur = nil
		}
	}
	for _, p := range []string{path + ".1", path} {
		f, err := os.Open(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 4096), 1<<20)
		for sc.Scan() {
			var r record
			if json.Unmarshal(sc.Bytes(), &r) != nil || r.T.IsZero() {
				continue
			}
			switch r.Kind {
			case kindStart:
				finish()
				cur = &Visit{Start: r.T, End: r.T}
			case kindChapter, kindEvent:
				if cur == nil {
					continue
				}
				if r.T.After(cur.End) {
					cur.End = r.T
				}
				if r.Kind == kindChapter {
					cur.Chapters = addOnce(cur.Chapters, r.ID)
				} else {
					cur.Events = addOnce(cur.Events, r.ID)
				}
			case kindClip:
				if cur == nil {
					continue
				}
				if r.T.After(cur.End) {
					cur.End = r.T
				}
				cur.Problems = addOnce(cur.Problems, r.ID+": "+r.Why)
			case kindEnd:
				if cur == nil {
					continue
				}
				if r.T.After(cur.End) {
					cur.End = r.T
				}
				cur.Ended = true
				finish()
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil && !errors.Is(err, bufio.ErrTooLong) {
			return nil, err
		}
	}
	finish()
	var out []Visit
	for _, v := range all {
		if (!from.IsZero() && v.Start.Before(from)) || (!to.IsZero() && !v.Start.Before(to)) {
			continue
		}
		out = append(out, v)
	}
	return out, nil
}

// addOnce appends id to list unless it is empty or already there.
func addOnce(list []string, id string) []string {
	if id == "" {
		return list
	}
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}

// Header is the first row of the exported table.
var Header = []string{"Lượt xem", "Bắt đầu", "Kết thúc", "Số phút", "Chương đã xem", "Sự kiện đã xem", "Sự cố"}

// TimeLayout is how times appear in the exported table, a form Excel and
// LibreOffice read as a date and time.
const TimeLayout = "2006-01-02 15:04:05"

// Export writes the visits that started in [from, to) (a zero bound is
// open) as CSV: UTF-8 with a byte-order mark so Excel on Windows reads the
// Vietnamese, CRLF line ends, the Vietnamese Header, then one row per
// visit: its number (1, 2, … within the export), start and end in the
// local time they were recorded in, whole minutes, and the chapter and
// event IDs it opened, separated by "; ", and what could not be shown to it
// ("clip: reason", likewise).
func (l *Log) Export(w io.Writer, from, to time.Time) error {
	visits, err := l.Visits(from, to)
	if err != nil {
		return err
	}
	return WriteCSV(w, visits)
}

// WriteCSV writes visits as Export does.
func WriteCSV(w io.Writer, visits []Visit) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Header); err != nil {
		return err
	}
	for i, v := range visits {
		row := []string{
			strconv.Itoa(i + 1),
			v.Start.Format(TimeLayout),
			v.End.Format(TimeLayout),
			strconv.Itoa(v.Minutes()),
			cell(strings.Join(v.Chapters, "; ")),
			cell(strings.Join(v.Events, "; ")),
			cell(strings.Join(v.Problems, "; ")),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("visitlog: writing the table: %w", err)
	}
	return nil
}

// cell keeps a spreadsheet from reading a text cell as a formula: an ID
// from an edited pack could start with "=".
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
