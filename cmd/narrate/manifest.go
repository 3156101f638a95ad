package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"trienlam/internal/exhibit"
)

var (
	headerRe = regexp.MustCompile(`^\s*\[`)
	roleRe   = regexp.MustCompile(`^\s*role\s*=\s*"` + regexp.QuoteMeta(Credit) + `"`)
)

// segment is a table of a TOML file: its header line and the lines up to
// the next header, [from, to).
type segment struct {
	header   string // trimmed header line, "" for the top level
	from, to int
}

// segments splits lines into tables, ignoring "[" at the start of lines
// inside multi-line strings.
func segments(lines []string) []segment {
	segs := []segment{{from: 0}}
	inString := false
	for i, l := range lines {
		if !inString && headerRe.MatchString(l) {
			segs[len(segs)-1].to = i
			segs = append(segs, segment{header: strings.TrimSpace(l), from: i})
		}
		if strings.Count(l, `"""`)%2 == 1 || strings.Count(l, `'''`)%2 == 1 {
			inString = !inString
		}
	}
	segs[len(segs)-1].to = len(lines)
	return segs
}

// lastContent returns the index after the last line of seg that is neither
// blank nor a comment.
func lastContent(lines []string, seg segment) int {
	for i := seg.to - 1; i > seg.from; i-- {
		t := strings.TrimSpace(lines[i])
		if t != "" && !strings.HasPrefix(t, "#") {
			return i + 1
		}
	}
	return seg.from + 1
}

// updateManifest sets narration and captions of each track's chapter in the
// pack.toml at name (with exhibit.SetChapterKey), and adds the credit of the
// synthetic voice when the credits lack it. Everything else in the file is
// kept as written.
func updateManifest(name string, tracks []track) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	edited := b
	for _, t := range tracks {
		for _, kv := range [][2]string{{"narration", t.narration}, {"captions", t.captions}} {
			edited, _, err = exhibit.SetChapterKey(edited, t.id, kv[0], kv[1])
			if errors.Is(err, exhibit.ErrNoChapterEntry) {
				fmt.Fprintf(os.Stderr, "narrate: %s: no [[chapters]] table with id = %q; add by hand:\n  narration = %s\n  captions = %s\n",
					name, t.id, exhibit.TOMLString(t.narration), exhibit.TOMLString(t.captions))
				break
			}
			if err != nil {
				return err
			}
		}
	}

	text := string(edited)
	eol := "\n"
	if strings.Contains(text, "\r\n") {
		eol = "\r\n"
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")

	hasCredit := false
	for _, l := range lines {
		hasCredit = hasCredit || roleRe.MatchString(l)
	}
	if !hasCredit {
		credit := []string{"", "[[credits]]", "role = " + exhibit.TOMLString(Credit), "name = " + exhibit.TOMLString(CreditName)}
		segs := segments(lines)
		at := -1
		for _, seg := range segs {
			if seg.header == "[[credits]]" {
				at = lastContent(lines, seg)
			}
		}
		if at < 0 {
			// Before the first array of tables, after the top-level keys.
			for _, seg := range segs[1:] {
				if strings.HasPrefix(seg.header, "[[") {
					at = seg.from
					credit = append(credit[1:], "")
					break
				}
			}
		}
		if at < 0 {
			at = len(lines)
		}
		lines = append(lines[:at], append(credit, lines[at:]...)...)
	}
	out := strings.Join(lines, "\n") + "\n"
	if eol != "\n" {
		out = strings.ReplaceAll(out, "\n", eol)
	}
	if out == string(b) {
		return nil
	}
	return os.WriteFile(name, []byte(out), 0o644)
}
