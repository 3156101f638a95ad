package audio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/asticode/go-astisub"
)

// Cue is one caption: normally one sentence of the narration.
type Cue struct {
	// Start and End delimit the cue in the audio: it is showing while
	// Start <= t < End.
	Start, End time.Duration
	// Text is the caption text, lines joined with "\n", tags removed.
	Text string
	// ID is the cue identifier of the WebVTT file ("" when it has none).
	ID string
	// Block is the index of the chapter block (paragraph) the sentence comes
	// from, and From, To the byte range [From, To) of the sentence in that
	// block's text, when ID has the form "b<block>:<from>-<to>" (see CueID);
	// otherwise Block is -1 and From, To are 0.
	Block    int
	From, To int
}

// CueID returns the identifier that ties a cue to a sentence of a chapter:
// "b<block>:<from>-<to>", the byte range [from, to) of the text of block.
func CueID(block, from, to int) string {
	return "b" + strconv.Itoa(block) + ":" + strconv.Itoa(from) + "-" + strconv.Itoa(to)
}

// ParseCueID parses an identifier made by CueID. ok is false for any other
// identifier (negative numbers, from > to, extra characters).
func ParseCueID(id string) (block, from, to int, ok bool) {
	rest, found := strings.CutPrefix(id, "b")
	if !found {
		return 0, 0, 0, false
	}
	b, rng, found := strings.Cut(rest, ":")
	if !found {
		return 0, 0, 0, false
	}
	f, t, found := strings.Cut(rng, "-")
	if !found {
		return 0, 0, 0, false
	}
	var err error
	num := func(s string) int {
		if err != nil {
			return 0
		}
		if s == "" || strings.TrimLeft(s, "0123456789") != "" || len(s) > 9 {
			err = errors.New("not a number")
			return 0
		}
		n, e := strconv.Atoi(s)
		err = e
		return n
	}
	block, from, to = num(b), num(f), num(t)
	if err != nil || from > to {
		return 0, 0, 0, false
	}
	return block, from, to, true
}

// ReadCaptions reads the WebVTT file at p in fsys (see ParseVTT). Errors
// name the file.
func ReadCaptions(fsys fs.FS, p string) ([]Cue, error) {
	if fsys == nil {
		return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrInvalid}
	}
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	cues, err := ParseVTT(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return cues, nil
}

// ParseVTT parses WebVTT captions with go-astisub, and adds what astisub
// drops: the cue identifiers. The cues come back sorted by start time; an
// identifier of the form "b<block>:<from>-<to>" fills Block, From and To.
func ParseVTT(r io.Reader) ([]Cue, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	ids, err := vttIdentifiers(data)
	if err != nil {
		return nil, err
	}
	// astisub decodes &amp; &lt; &nbsp; but not &gt;, the escape that keeps
	// "-->" out of cue text: stand in a private-use character for it.
	gt := bytes.Contains(data, []byte("&gt;"))
	if gt {
		data = bytes.ReplaceAll(data, []byte("&gt;"), []byte(gtStandIn))
	}
	subs, err := astisub.ReadFromWebVTT(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a valid WebVTT file: %w", err)
	}
	if len(subs.Items) != len(ids) {
		return nil, fmt.Errorf("not a valid WebVTT file: found %d cue timings but read %d cues", len(ids), len(subs.Items))
	}
	cues := make([]Cue, 0, len(subs.Items))
	for i, it := range subs.Items {
		lines := make([]string, 0, len(it.Lines))
		for _, l := range it.Lines {
			lines = append(lines, l.String())
		}
		text := strings.Join(lines, "\n")
		if gt {
			text = strings.ReplaceAll(text, gtStandIn, ">")
		}
		c := Cue{Start: it.StartAt, End: it.EndAt, Text: text, ID: ids[i], Block: -1}
		if b, f, t, ok := ParseCueID(c.ID); ok {
			c.Block, c.From, c.To = b, f, t
		}
		if c.End < c.Start {
			return nil, fmt.Errorf("cue %d (%s): ends at %s, before it starts at %s", i+1, c.ID, c.End, c.Start)
		}
		cues = append(cues, c)
	}
	sort.SliceStable(cues, func(i, j int) bool { return cues[i].Start < cues[j].Start })
	return cues, nil
}

// gtStandIn replaces "&gt;" while astisub reads a file.
const gtStandIn = "\uE03E"

// vttIdentifiers returns the identifier ("" for none) of every cue of a
// WebVTT file, in file order. It follows go-astisub's reading of the blocks
// (astisub keeps only numeric identifiers, as an index): a timing line is any
// line containing "-->", and its identifier is the non-blank line just above
// it when that line starts no NOTE, STYLE or Region block.
func vttIdentifiers(data []byte) ([]string, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	sc.Split(scanVTTLines)
	header := false
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		if f := strings.Fields(line); len(f) > 0 && f[0] == "WEBVTT" {
			header = true
			break
		}
	}
	if !header {
		if err := sc.Err(); err != nil {
			return nil, err
		}
		return nil, errors.New("not a WebVTT file: no WEBVTT header line")
	}
	var ids []string
	var block, candidate string // block: "", "note", "style", "cue"
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "NOTE "):
			block = "note"
		case line == "":
			block, candidate = "", ""
		case strings.HasPrefix(line, "Region: "):
		case strings.HasPrefix(line, "STYLE"):
			block = "style"
		case strings.Contains(line, "-->"):
			ids = append(ids, candidate)
			block, candidate = "cue", ""
		case block == "":
			candidate = line
		}
	}
	return ids, sc.Err()
}

// scanVTTLines splits lines ending in "\n", "\r\n" or "\r", as WebVTT allows.
func scanVTTLines(data []byte, atEOF bool) (int, []byte, error) {
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

// CueAt returns the index of the cue showing at t — the one with
// Start <= t < End — or -1 when t falls between cues, before the first or
// after the last. cues must be sorted by Start and not overlap (as
// ReadCaptions returns them for sentence captions). It is a binary search.
func CueAt(cues []Cue, t time.Duration) int {
	i := sort.Search(len(cues), func(i int) bool { return cues[i].Start > t }) - 1
	if i >= 0 && t < cues[i].End {
		return i
	}
	return -1
}

// WriteVTT writes cues as a WebVTT file with go-astisub: each cue with its
// identifier (none when ID is empty), times rounded to the millisecond, and
// its text (blank lines dropped, as a blank line would end the cue).
// An empty list gives a file with only the WEBVTT header.
func WriteVTT(w io.Writer, cues []Cue) error {
	if len(cues) == 0 {
		_, err := io.WriteString(w, "WEBVTT\n")
		return err
	}
	subs := astisub.NewSubtitles()
	for i, c := range cues {
		if strings.Contains(c.ID, "-->") || strings.ContainsAny(c.ID, "\r\n") || strings.TrimSpace(c.ID) != c.ID {
			return fmt.Errorf("cue %d: identifier %q cannot be written to WebVTT", i+1, c.ID)
		}
		start, end := c.Start.Round(time.Millisecond), c.End.Round(time.Millisecond)
		if start < 0 || end < start {
			return fmt.Errorf("cue %d (%s): bad times %s --> %s", i+1, c.ID, c.Start, c.End)
		}
		it := &astisub.Item{Index: i + 1, StartAt: start, EndAt: end}
		for _, l := range strings.FieldsFunc(c.Text, func(r rune) bool { return r == '\n' || r == '\r' }) {
			if l = strings.TrimSpace(l); l != "" {
				it.Lines = append(it.Lines, astisub.Line{Items: []astisub.LineItem{{Text: l}}})
			}
		}
		subs.Items = append(subs.Items, it)
	}
	var buf bytes.Buffer
	if err := subs.WriteToWebVTT(&buf); err != nil {
		return err
	}
	// astisub numbers the cues 1, 2, …: put the identifiers in their place.
	// It escapes & and < in the text but not >: escape that too, so a "-->"
	// in the text cannot end up looking like a timing line.
	lines := strings.Split(buf.String(), "\n")
	out := make([]string, 0, len(lines))
	k := 0
	inText := false
	for i, l := range lines {
		switch {
		case l == "":
			inText = false
		case inText:
			l = strings.ReplaceAll(l, ">", "&gt;")
		case k < len(cues) && i+1 < len(lines) && strings.Contains(lines[i+1], "-->") && l == strconv.Itoa(k+1):
			if cues[k].ID != "" {
				out = append(out, cues[k].ID)
			}
			k++
			continue
		case strings.Contains(l, "-->"):
			inText = true
		}
		out = append(out, l)
	}
	if k != len(cues) {
		return errors.New("webvtt: could not place the cue identifiers")
	}
	s := strings.Join(out, "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	_, err := io.WriteString(w, s)
	return err
}
