package exhibit

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrNoChapterEntry is returned (wrapped) by SetChapterKey when pack.toml
// has no [[chapters]] entry with the chapter's id.
var ErrNoChapterEntry = errors.New("no [[chapters]] entry with that id")

var (
	tableHeaderRe = regexp.MustCompile(`^\s*\[`)
	chapterIDRe   = regexp.MustCompile(`^\s*id\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// TOMLString writes s as a TOML basic string, quotes included.
func TOMLString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + `"`
}

// manifestTable is a table of a TOML file: its header line and the lines
// up to the next header, [from, to).
type manifestTable struct {
	header   string // trimmed header line, "" for the top level
	from, to int
}

// manifestTables splits lines into tables. inString[i] is set for lines
// that begin inside a multi-line string: a "[" or a key there is text,
// not TOML.
func manifestTables(lines []string) (tables []manifestTable, inString []bool) {
	tables = []manifestTable{{from: 0}}
	inString = make([]bool, len(lines))
	in := false
	for i, l := range lines {
		inString[i] = in
		if !in && tableHeaderRe.MatchString(l) {
			tables[len(tables)-1].to = i
			tables = append(tables, manifestTable{header: strings.TrimSpace(l), from: i})
		}
		if strings.Count(l, `"""`)%2 == 1 || strings.Count(l, `'''`)%2 == 1 {
			in = !in
		}
	}
	tables[len(tables)-1].to = len(lines)
	return tables, inString
}

// lastKeyLine returns the index after the last line of t that is neither
// blank nor a comment: where a new key of the table goes, so that comments
// and blank lines before the next table stay where they are.
func lastKeyLine(lines []string, t manifestTable) int {
	for i := t.to - 1; i > t.from; i-- {
		s := strings.TrimSpace(lines[i])
		if s != "" && !strings.HasPrefix(s, "#") {
			return i + 1
		}
	}
	return t.from + 1
}

// SetChapterKey returns manifest, the text of a pack.toml, with the line
// key = "value" in the [[chapters]] entry whose id is chapterID. An
// existing line for the key is replaced in place; otherwise the line is
// added after the entry's last key. Nothing else changes: comments, blank
// lines, the order of keys, Windows line endings and a UTF-8 BOM are kept
// as written. changed is false when the line was already there.
//
// It is a text edit, not a TOML rewrite, so that a pack.toml staff have
// written by hand stays theirs. It expects the usual layout (the id as a
// one-line string in the entry's own lines); when there is no such entry
// the error wraps ErrNoChapterEntry and says what line to add by hand.
func SetChapterKey(manifest []byte, chapterID, key, value string) (out []byte, changed bool, err error) {
	text := string(manifest)
	crlf := strings.Contains(text, "\r\n")
	if crlf {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	finalEOL := strings.HasSuffix(text, "\n") || text == ""
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	line := key + " = " + TOMLString(value)
	keyRe := regexp.MustCompile(`^\s*(?:` + regexp.QuoteMeta(key) + `|"` + regexp.QuoteMeta(key) + `")\s*=`)

	tables, inString := manifestTables(lines)
	found := false
	for _, t := range tables {
		if t.header != "[[chapters]]" {
			continue
		}
		isIt := false
		for i := t.from + 1; i < t.to; i++ {
			if m := chapterIDRe.FindStringSubmatch(lines[i]); m != nil && !inString[i] {
				isIt = m[1] == chapterID || (m[1] == "" && m[2] == chapterID)
			}
		}
		if !isIt {
			continue
		}
		found = true
		replaced := false
		for i := t.from + 1; i < t.to; i++ {
			if !inString[i] && keyRe.MatchString(lines[i]) {
				if lines[i] != line {
					lines[i] = line
					changed = true
				}
				replaced = true
				break
			}
		}
		if !replaced {
			at := lastKeyLine(lines, t)
			lines = append(lines[:at], append([]string{line}, lines[at:]...)...)
			changed = true
		}
		break
	}
	if !found {
		return manifest, false, fmt.Errorf("%s: %w %q; add this line to the chapter's entry by hand: %s", ManifestName, ErrNoChapterEntry, chapterID, line)
	}
	if !changed {
		return manifest, false, nil
	}
	s := strings.Join(lines, "\n")
	if finalEOL {
		s += "\n"
	}
	if crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return []byte(s), true, nil
}
