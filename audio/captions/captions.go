package captions

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Cue is one caption: normally one sentence of the narration.
type Cue struct {
	// ID is the cue identifier of the WebVTT file ("" when it has none).
	ID string
	// Start and End delimit the cue in the audio: it is showing while
	// Start <= t < End. For a spoken sentence End is when the next one
	// starts (the pause after a sentence belongs to it).
	Start, End time.Duration
	// Text is the caption text, lines joined with "\n", tags removed.
	Text string
	// Block is the index of the chapter block (paragraph) the sentence comes
	// from, and From, To the byte range [From, To) of the sentence in that
	// block's text, when ID has the form "b<block>:<from>-<to>" (see CueID);
	// otherwise Block is -1 and From, To are 0. Parse fills them; Write
	// writes only ID.
	Block    int
	From, To int
}

// CueID returns the identifier that ties a cue to a sentence of a chapter:
// "b<block>:<from>-<to>", the byte range [from, to) of the text of block.
func CueID(block, from, to int) string {
	return "b" + strconv.Itoa(block) + ":" + strconv.Itoa(from) + "-" + strconv.Itoa(to)
}

var cueIDRe = regexp.MustCompile(`^b([0-9]{1,9}):([0-9]{1,9})-([0-9]{1,9})$`)

// ParseCueID parses an identifier made by CueID. ok is false for any other
// identifier (negative numbers, from > to, extra characters).
func ParseCueID(id string) (block, from, to int, ok bool) {
	m := cueIDRe.FindStringSubmatch(id)
	if m == nil {
		return 0, 0, 0, false
	}
	block, _ = strconv.Atoi(m[1])
	from, _ = strconv.Atoi(m[2])
	to, _ = strconv.Atoi(m[3])
	if from > to {
		return 0, 0, 0, false
	}
	return block, from, to, true
}

// File is what a WebVTT file holds for Trienlam: its NOTE blocks and its
// cues.
type File struct {
	// Notes are the texts of the NOTE blocks, in file order.
	Notes []string
	// Cues are sorted by start time.
	Cues []Cue
}

// ReadFile reads the cues of the WebVTT file at p in fsys (see Parse).
// Errors name the file.
func ReadFile(fsys fs.FS, p string) ([]Cue, error) {
	if fsys == nil {
		return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrInvalid}
	}
	data, err := readLimited(fsys, p)
	if err != nil {
		return nil, err
	}
	f, err := Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, inFile(err, p))
	}
	return f.Cues, nil
}

// vttUnescaper undoes the escapes of cue text and the other common
// character references.
var vttUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&nbsp;", "\u00a0", "&lrm;", "\u200e", "&rlm;", "\u200f")

// vttTagRe matches the tags of WebVTT cue text (<i>, <c.x>, <v Name>,
// <00:01.000>).
var vttTagRe = regexp.MustCompile(`<[^>]*>`)

// Parse reads a WebVTT file: its cues with their identifiers, sorted by
// start time, and its NOTE blocks. Tags in cue text are removed and
// character references decoded; STYLE and REGION blocks are skipped. Lines
// may end in "\n", "\r\n" or "\r", as WebVTT allows. Errors give the line.
func Parse(r io.Reader) (File, error) {
	f, err := parseInFileOrder(r)
	if err != nil {
		return f, err
	}
	sort.SliceStable(f.Cues, func(i, j int) bool { return f.Cues[i].Start < f.Cues[j].Start })
	return f, nil
}

// parseInFileOrder is Parse without the sorting, for Check, which reports
// cues out of order.
func parseInFileOrder(r io.Reader) (File, error) {
	var f File
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	sc.Split(scanLines)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return f, err
	}
	if len(lines) == 0 || !strings.HasPrefix(strings.TrimPrefix(lines[0], "\ufeff"), "WEBVTT") {
		return f, &SyntaxError{Line: 1, Kind: "captions-not-webvtt"}
	}
	i := 1
	for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
		i++ // header lines such as X-TIMESTAMP-MAP
	}
	for i < len(lines) {
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		if i >= len(lines) {
			break
		}
		start := i
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			i++
		}
		block := lines[start:i]
		first := strings.TrimSpace(block[0])
		if note, ok := strings.CutPrefix(first, "NOTE"); ok && (note == "" || note[0] == ' ' || note[0] == '\t') {
			f.Notes = append(f.Notes, strings.TrimSpace(strings.Join(append([]string{note}, block[1:]...), "\n")))
			continue
		}
		if first == "STYLE" || first == "REGION" {
			continue
		}
		c := Cue{Block: -1}
		t := 0
		if !strings.Contains(block[0], "-->") {
			c.ID = first
			t = 1
		}
		if t >= len(block) || !strings.Contains(block[t], "-->") {
			return f, &SyntaxError{Line: start + t + 1, Kind: "captions-no-timing"}
		}
		a, b, _ := strings.Cut(block[t], "-->")
		var err error
		line := start + t + 1
		if c.Start, err = parseTimestamp(strings.TrimSpace(a)); err != nil {
			return f, &SyntaxError{Line: line, Kind: "captions-bad-timestamp", Args: map[string]string{"value": strings.TrimSpace(a)}}
		}
		if fs := strings.Fields(b); len(fs) == 0 {
			return f, &SyntaxError{Line: line, Kind: "captions-no-end"}
		} else if c.End, err = parseTimestamp(fs[0]); err != nil {
			return f, &SyntaxError{Line: line, Kind: "captions-bad-timestamp", Args: map[string]string{"value": fs[0]}}
		}
		if c.End < c.Start {
			return f, &SyntaxError{Line: line, Kind: "captions-end-before-start", Args: map[string]string{"end": formatTimestamp(c.End), "start": formatTimestamp(c.Start)}}
		}
		c.Text = vttUnescaper.Replace(vttTagRe.ReplaceAllString(strings.Join(block[t+1:], "\n"), ""))
		if b, from, to, ok := ParseCueID(c.ID); ok {
			c.Block, c.From, c.To = b, from, to
		}
		f.Cues = append(f.Cues, c)
	}
	return f, nil
}

// scanLines splits lines ending in "\n", "\r\n" or "\r".
func scanLines(data []byte, atEOF bool) (int, []byte, error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // need more data to tell "\r" from "\r\n"
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// parseTimestamp reads a WebVTT timestamp, "hh:mm:ss.ttt" or "mm:ss.ttt".
func parseTimestamp(s string) (time.Duration, error) {
	bad := fmt.Errorf("bad timestamp %q (want hh:mm:ss.ttt)", s)
	main, frac, ok := strings.Cut(s, ".")
	if !ok || len(frac) != 3 || !isDigits(frac) {
		return 0, bad
	}
	parts := strings.Split(main, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, bad
	}
	var d time.Duration
	for i, p := range parts {
		if !isDigits(p) || (i > 0 && len(p) != 2) || len(p) > 9 {
			return 0, bad
		}
		n, _ := strconv.Atoi(p)
		if i > 0 && n > 59 {
			return 0, bad
		}
		d = d*60 + time.Duration(n)
	}
	ms, _ := strconv.Atoi(frac)
	return d*time.Second + time.Duration(ms)*time.Millisecond, nil
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// formatTimestamp writes d as a WebVTT timestamp, "hh:mm:ss.ttt", rounded
// to the millisecond.
func formatTimestamp(d time.Duration) string {
	ms := d.Round(time.Millisecond) / time.Millisecond
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// vttEscaper escapes what WebVTT cue text cannot hold as written; escaping
// ">" too keeps a "-->" in the text from looking like a timing line.
var vttEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Write writes cues as a WebVTT file: a NOTE block for each note (such as
// the credit of a synthetic voice), then each cue with its identifier (none
// when ID is empty), times rounded to the millisecond, and its text (&, <
// and > escaped, lines trimmed, blank lines dropped, as a blank line would
// end the cue). An empty list gives a file with only the WEBVTT header.
func Write(w io.Writer, cues []Cue, notes ...string) error {
	for i, c := range cues {
		if strings.Contains(c.ID, "-->") || strings.ContainsAny(c.ID, "\r\n") || strings.TrimSpace(c.ID) != c.ID {
			return fmt.Errorf("cue %d: identifier %q cannot be written to WebVTT", i+1, c.ID)
		}
		if start, end := c.Start.Round(time.Millisecond), c.End.Round(time.Millisecond); start < 0 || end < start {
			return fmt.Errorf("cue %d (%s): bad times %s --> %s", i+1, c.ID, c.Start, c.End)
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("WEBVTT\n")
	for _, n := range notes {
		fmt.Fprintf(bw, "\nNOTE %s\n", strings.Join(textLines(strings.ReplaceAll(n, "-->", "->")), "\n"))
	}
	for _, c := range cues {
		bw.WriteString("\n")
		if c.ID != "" {
			bw.WriteString(c.ID + "\n")
		}
		fmt.Fprintf(bw, "%s --> %s\n", formatTimestamp(c.Start), formatTimestamp(c.End))
		for _, l := range textLines(c.Text) {
			bw.WriteString(vttEscaper.Replace(l) + "\n")
		}
	}
	return bw.Flush()
}

// textLines splits text into trimmed lines, leaving out blank ones.
func textLines(text string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// CueAt returns the index of the cue showing at t — the one with
// Start <= t < End — or -1 when t falls between cues, before the first or
// after the last. cues must be sorted by Start and not overlap (as
// ReadFile returns them for sentence captions). It is a binary search.
func CueAt(cues []Cue, t time.Duration) int {
	i := sort.Search(len(cues), func(i int) bool { return cues[i].Start > t }) - 1
	if i >= 0 && t < cues[i].End {
		return i
	}
	return -1
}
