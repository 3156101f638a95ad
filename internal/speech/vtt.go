package speech

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Cue is one caption of a narration: a sentence of a chapter and when it is
// spoken.
type Cue struct {
	// ID names the sentence, "b<block>:<start>-<end>": the index of the
	// block in exhibit.Chapter.Blocks and the sentence's byte range in that
	// block's Text(), as Sentences returns it. Empty when the captions were
	// not made by cmd/narrate.
	ID string
	// Start is when the sentence starts being spoken; End is when the next
	// one starts (the pause after a sentence belongs to it), or the end of
	// the recording for the last cue.
	Start, End time.Duration
	// Text is the sentence as written in the chapter.
	Text string
}

// CueID returns the ID of the sentence text[start:end] of block block.
func CueID(block, start, end int) string {
	return fmt.Sprintf("b%d:%d-%d", block, start, end)
}

var cueIDRe = regexp.MustCompile(`^b(\d+):(\d+)-(\d+)$`)

// ParseCueID reads an ID made by CueID; ok is false for any other text.
func ParseCueID(id string) (block, start, end int, ok bool) {
	m := cueIDRe.FindStringSubmatch(id)
	if m == nil {
		return 0, 0, 0, false
	}
	var err error
	if block, err = strconv.Atoi(m[1]); err != nil {
		return 0, 0, 0, false
	}
	if start, err = strconv.Atoi(m[2]); err != nil {
		return 0, 0, 0, false
	}
	if end, err = strconv.Atoi(m[3]); err != nil || end < start {
		return 0, 0, 0, false
	}
	return block, start, end, true
}

// FormatTimestamp writes d as a WebVTT timestamp, "hh:mm:ss.ttt", rounded
// to the millisecond.
func FormatTimestamp(d time.Duration) string {
	ms := (d + time.Millisecond/2) / time.Millisecond
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// vttEscaper escapes what WebVTT cue text cannot hold as written.
var vttEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// WriteVTT writes cues as a WebVTT file: a NOTE block for each note (such
// as the credit of a synthetic voice), then one cue per Cue, with its ID as
// the cue identifier when it has one. Cue text is escaped (&, <, >).
func WriteVTT(w io.Writer, cues []Cue, notes ...string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("WEBVTT\n")
	for _, n := range notes {
		n = strings.TrimSpace(strings.ReplaceAll(n, "-->", "->"))
		for strings.Contains(n, "\n\n") {
			n = strings.ReplaceAll(n, "\n\n", "\n")
		}
		fmt.Fprintf(bw, "\nNOTE %s\n", n)
	}
	for _, c := range cues {
		bw.WriteString("\n")
		if c.ID != "" {
			bw.WriteString(c.ID + "\n")
		}
		fmt.Fprintf(bw, "%s --> %s\n", FormatTimestamp(c.Start), FormatTimestamp(c.End))
		text := strings.TrimSpace(c.Text)
		for strings.Contains(text, "\n\n") {
			text = strings.ReplaceAll(text, "\n\n", "\n")
		}
		bw.WriteString(vttEscaper.Replace(text) + "\n")
	}
	return bw.Flush()
}

// vttUnescaper undoes vttEscaper and the other common character
// references.
var vttUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&nbsp;", "\u00a0", "&lrm;", "\u200e", "&rlm;", "\u200f")

// vttTagRe matches the tags of WebVTT cue text (<i>, <c.x>, <00:01.000>).
var vttTagRe = regexp.MustCompile(`<[^>]*>`)

// ReadVTT reads the cues of a WebVTT file, keeping their identifiers (which
// astisub, the captions library, drops unless they are numbers). Tags in
// cue text are removed and character references decoded; NOTE, STYLE and
// REGION blocks are skipped. Lines are numbered in errors.
func ReadVTT(r io.Reader) ([]Cue, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var lines []string
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(lines) == 0 || !strings.HasPrefix(strings.TrimPrefix(lines[0], "\ufeff"), "WEBVTT") {
		return nil, fmt.Errorf("line 1: not a WebVTT file (the first line must start with WEBVTT)")
	}
	var cues []Cue
	i := 1
	for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
		i++ // header lines such as X-TIMESTAMP-MAP
	}
	for i < len(lines) {
		// Skip to the next block.
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
		if first == "NOTE" || strings.HasPrefix(first, "NOTE ") || first == "STYLE" || first == "REGION" {
			continue
		}
		var c Cue
		t := 0
		if !strings.Contains(block[0], "-->") {
			c.ID = strings.TrimSpace(block[0])
			t = 1
		}
		if t >= len(block) || !strings.Contains(block[t], "-->") {
			return nil, fmt.Errorf("line %d: expected a cue timing line (start --> end)", start+t+1)
		}
		a, b, _ := strings.Cut(block[t], "-->")
		var err error
		if c.Start, err = ParseTimestamp(strings.TrimSpace(a)); err != nil {
			return nil, fmt.Errorf("line %d: %v", start+t+1, err)
		}
		if f := strings.Fields(b); len(f) == 0 {
			return nil, fmt.Errorf("line %d: the cue has no end time", start+t+1)
		} else if c.End, err = ParseTimestamp(f[0]); err != nil {
			return nil, fmt.Errorf("line %d: %v", start+t+1, err)
		}
		text := strings.Join(block[t+1:], "\n")
		c.Text = vttUnescaper.Replace(vttTagRe.ReplaceAllString(text, ""))
		cues = append(cues, c)
	}
	return cues, nil
}

// ParseTimestamp reads a WebVTT timestamp, "hh:mm:ss.ttt" or "mm:ss.ttt".
func ParseTimestamp(s string) (time.Duration, error) {
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
		if !isDigits(p) || (i > 0 && len(p) != 2) {
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
