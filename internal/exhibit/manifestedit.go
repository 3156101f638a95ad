package exhibit

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// ErrNoChapterEntry is returned (wrapped) by SetEntryKey and SetChapterKey
// when pack.toml has no entry of the array of tables with the id asked for.
var ErrNoChapterEntry = errors.New("no entry with that id")

var tableHeaderRe = regexp.MustCompile(`^\s*\[`)

// TOMLString writes s as a TOML basic string, quotes included.
func TOMLString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s) + `"`
}

// ManifestEdit is the one editor of pack.toml: it sets a key in a table or
// in one entry of an array of tables, and appends entries, as text edits
// of whole lines. Everything it does not touch stays as written: comments,
// blank lines, the order of keys and tables, Windows line endings and a
// UTF-8 byte order mark. A pack.toml staff wrote by hand stays theirs.
//
// It expects the usual layout, which is what the format documentation
// shows: table headers on their own lines, and the keys it edits or matches
// on (such as id) as one-line strings in the table's own lines. Values it
// writes are strings.
type ManifestEdit struct {
	orig     []byte
	lines    []string
	bom      bool // the file starts with a UTF-8 byte order mark
	crlf     bool // the file uses Windows line endings
	finalEOL bool // the file ends with a line ending (or is empty)
	dirty    bool // a line was changed or added
}

// EditManifest starts an edit of manifest, the text of a pack.toml.
func EditManifest(manifest []byte) *ManifestEdit {
	m := &ManifestEdit{orig: manifest}
	text := string(manifest)
	text, m.bom = strings.CutPrefix(text, "\ufeff")
	if m.crlf = strings.Contains(text, "\r\n"); m.crlf {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	m.finalEOL = strings.HasSuffix(text, "\n") || text == ""
	m.lines = strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if text == "" {
		m.lines = nil
	}
	return m
}

// Bytes returns the edited text, with the file's line endings and byte
// order mark; the very bytes it was given when nothing was edited.
func (m *ManifestEdit) Bytes() []byte {
	if !m.dirty {
		return m.orig
	}
	s := strings.Join(m.lines, "\n")
	if m.finalEOL {
		s += "\n"
	}
	if m.crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	if m.bom {
		s = "\ufeff" + s
	}
	return []byte(s)
}

// Changed reports whether the edit changed the text.
func (m *ManifestEdit) Changed() bool { return m.dirty }

// manifestTable is a table of a TOML file: its header line and the lines
// up to the next header, [from, to).
type manifestTable struct {
	name     string // "chapters" for [[chapters]], "" for the top level
	array    bool   // an entry of an array of tables, [[name]]
	from, to int
}

// headerName returns the table name of a header line: "timeline" for
// [timeline] or [ "timeline" ] # comment, and whether it is [[an array]].
func headerName(line string) (name string, array bool) {
	s := strings.TrimSpace(line)
	open, closing := "[", "]"
	if strings.HasPrefix(s, "[[") {
		open, closing, array = "[[", "]]", true
	}
	s = strings.TrimPrefix(s, open)
	if i := strings.Index(s, closing); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(strings.TrimSpace(s), `"'`), array
}

// tables splits the lines into tables. inString[i] is set for lines that
// begin inside a multi-line string: a "[" or a key there is text, not TOML.
func (m *ManifestEdit) tables() (tables []manifestTable, inString []bool) {
	tables = []manifestTable{{from: -1}}
	inString = make([]bool, len(m.lines))
	in := false
	for i, l := range m.lines {
		inString[i] = in
		if !in && tableHeaderRe.MatchString(l) {
			tables[len(tables)-1].to = i
			name, array := headerName(l)
			tables = append(tables, manifestTable{name: name, array: array, from: i})
		}
		if strings.Count(l, `"""`)%2 == 1 || strings.Count(l, `'''`)%2 == 1 {
			in = !in
		}
	}
	tables[len(tables)-1].to = len(m.lines)
	return tables, inString
}

// keyRe matches the line of key and captures its value when that is a
// one-line basic (1) or literal (2) string.
func keyRe(key string) *regexp.Regexp {
	k := regexp.QuoteMeta(key)
	return regexp.MustCompile(`^\s*(?:` + k + `|"` + k + `")\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')?`)
}

// keyLine returns the index of the line setting key in t, or -1, and the
// key's value when it is a one-line string.
func (m *ManifestEdit) keyLine(t manifestTable, inString []bool, key string) (int, string) {
	re := keyRe(key)
	for i := t.from + 1; i < t.to; i++ {
		if inString[i] {
			continue
		}
		if sub := re.FindStringSubmatchIndex(m.lines[i]); sub != nil {
			switch l := m.lines[i]; {
			case sub[2] >= 0:
				return i, unescapeBasic(l[sub[2]:sub[3]])
			case sub[4] >= 0:
				return i, l[sub[4]:sub[5]]
			}
			return i, ""
		}
	}
	return -1, ""
}

// unescapeBasic undoes the escapes TOMLString writes.
func unescapeBasic(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\n`, "\n", `\r`, "\r", `\t`, "\t").Replace(s)
}

// lastKeyLine returns the index after the last line of t that is neither
// blank nor a comment: where a new key of the table goes, so that comments
// and blank lines before the next table stay where they are.
func (m *ManifestEdit) lastKeyLine(t manifestTable) int {
	for i := t.to - 1; i > t.from; i-- {
		s := strings.TrimSpace(m.lines[i])
		if s != "" && !strings.HasPrefix(s, "#") {
			return i + 1
		}
	}
	return t.from + 1
}

// insert puts lines at index at.
func (m *ManifestEdit) insert(at int, lines ...string) {
	m.dirty = true
	if at == len(m.lines) {
		m.finalEOL = true
	}
	m.lines = append(m.lines[:at], append(lines, m.lines[at:]...)...)
}

// setIn sets key = "value" in table t: the key's line is replaced in place,
// or a line added after the table's last key. changed is false when the
// line was already there.
func (m *ManifestEdit) setIn(t manifestTable, inString []bool, key, value string) (changed bool) {
	line := key + " = " + TOMLString(value)
	if i, _ := m.keyLine(t, inString, key); i >= 0 {
		if m.lines[i] == line {
			return false
		}
		m.lines[i] = line
		m.dirty = true
		return true
	}
	m.insert(m.lastKeyLine(t), line)
	return true
}

// HasTable reports whether the file has a [name] table header.
func (m *ManifestEdit) HasTable(name string) bool {
	tables, _ := m.tables()
	for _, t := range tables[1:] {
		if t.name == name && !t.array {
			return true
		}
	}
	return false
}

// SetKey sets key = "value" in the table [table], or among the top-level
// keys when table is ""; the table is added at the end of the file when it
// has none. changed is false when the line was already there.
func (m *ManifestEdit) SetKey(table, key, value string) (changed bool) {
	tables, inString := m.tables()
	if table == "" {
		return m.setIn(tables[0], inString, key, value)
	}
	for _, t := range tables[1:] {
		if t.name == table && !t.array {
			return m.setIn(t, inString, key, value)
		}
	}
	m.insert(len(m.lines), "", "["+table+"]", key+" = "+TOMLString(value))
	return true
}

// entry returns the entry of [[array]] whose key is value.
func (m *ManifestEdit) entry(array, key, value string) (manifestTable, []bool, bool) {
	tables, inString := m.tables()
	for _, t := range tables[1:] {
		if t.name != array || !t.array {
			continue
		}
		if i, v := m.keyLine(t, inString, key); i >= 0 && v == value {
			return t, inString, true
		}
	}
	return manifestTable{}, nil, false
}

// HasEntry reports whether an entry of [[array]] has key = "value".
func (m *ManifestEdit) HasEntry(array, key, value string) bool {
	_, _, ok := m.entry(array, key, value)
	return ok
}

// SetEntryKey sets key = "value" in the entry of [[array]] whose id is id.
// When there is no such entry nothing changes, and the error wraps
// ErrNoChapterEntry and says what line to add by hand.
func (m *ManifestEdit) SetEntryKey(array, id, key, value string) (changed bool, err error) {
	t, inString, ok := m.entry(array, "id", id)
	if !ok {
		return false, fmt.Errorf("%s: %w: [[%s]] id %q; add this line to its entry by hand: %s = %s",
			ManifestName, ErrNoChapterEntry, array, id, key, TOMLString(value))
	}
	return m.setIn(t, inString, key, value), nil
}

// AppendEntry adds a [[array]] entry with the keys and values of kvs, in
// order: after the last entry of that array, or at the end of the file
// when it has none.
func (m *ManifestEdit) AppendEntry(array string, kvs ...[2]string) {
	at := len(m.lines)
	tables, _ := m.tables()
	for _, t := range tables[1:] {
		if t.name == array && t.array {
			at = m.lastKeyLine(t)
		}
	}
	lines := []string{"", "[[" + array + "]]"}
	for _, kv := range kvs {
		lines = append(lines, kv[0]+" = "+TOMLString(kv[1]))
	}
	m.insert(at, lines...)
}

// SetChapterKey returns manifest, the text of a pack.toml, with the line
// key = "value" in the [[chapters]] entry whose id is chapterID (see
// ManifestEdit.SetEntryKey). changed is false when the line was already
// there; on error manifest is returned unchanged.
func SetChapterKey(manifest []byte, chapterID, key, value string) (out []byte, changed bool, err error) {
	m := EditManifest(manifest)
	changed, err = m.SetEntryKey("chapters", chapterID, key, value)
	if err != nil || !changed {
		return manifest, false, err
	}
	return m.Bytes(), true, nil
}

// entryBlocks returns the line ranges of the entries of [[array]], in file
// order, each from its header to the next table, with the value of key.
func (m *ManifestEdit) entryBlocks(array, key string) (blocks []manifestTable, values []string) {
	tables, inString := m.tables()
	for _, t := range tables[1:] {
		if t.name == array && t.array {
			_, v := m.keyLine(t, inString, key)
			blocks = append(blocks, t)
			values = append(values, v)
		}
	}
	return blocks, values
}

// RemoveEntry removes the entry of [[array]] whose id is id, with the
// comments and blank lines up to the next table. removed is false when
// there is no such entry.
func (m *ManifestEdit) RemoveEntry(array, id string) (removed bool) {
	blocks, ids := m.entryBlocks(array, "id")
	for i, b := range blocks {
		if ids[i] == id {
			m.lines = append(m.lines[:b.from], m.lines[b.to:]...)
			m.dirty = true
			return true
		}
	}
	return false
}

// OrderEntries puts the entries of [[array]] in the order of ids: the
// places where entries of the array stand in the file stay, and receive
// the entries in the new order, each with its own lines. Entries not in
// ids keep their relative order after those named. changed is false when
// the order was already so.
func (m *ManifestEdit) OrderEntries(array string, ids []string) (changed bool) {
	blocks, have := m.entryBlocks(array, "id")
	rank := map[string]int{}
	for i, id := range ids {
		rank[id] = i
	}
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ra, oka := rank[have[order[a]]]
		rb, okb := rank[have[order[b]]]
		switch {
		case oka && okb:
			return ra < rb
		default:
			return oka && !okb
		}
	})
	for i := range order {
		if order[i] != i {
			changed = true
		}
	}
	if !changed {
		return false
	}
	texts := make([][]string, len(blocks))
	for i, b := range blocks {
		texts[i] = append([]string(nil), m.lines[b.from:b.to]...)
	}
	// Rebuild from the end so earlier line numbers stay valid.
	for slot := len(blocks) - 1; slot >= 0; slot-- {
		b := blocks[slot]
		repl := append([]string(nil), texts[order[slot]]...)
		if b.to < len(m.lines) && strings.TrimSpace(repl[len(repl)-1]) != "" {
			repl = append(repl, "") // keep a blank line before the next table
		}
		m.lines = append(m.lines[:b.from], append(repl, m.lines[b.to:]...)...)
	}
	m.dirty = true
	return true
}

// RemoveKey removes the line setting key in the table [table], or among
// the top-level keys when table is "". removed is false when there is no
// such line. Only a key written on one line is removed.
func (m *ManifestEdit) RemoveKey(table, key string) (removed bool) {
	tables, inString := m.tables()
	for _, t := range tables {
		if t.name != table || t.array || (table == "" && t.from != -1) {
			continue
		}
		if i, _ := m.keyLine(t, inString, key); i >= 0 {
			m.lines = append(m.lines[:i], m.lines[i+1:]...)
			m.dirty = true
			return true
		}
	}
	return false
}

// SetNthEntryKey sets key = "value" in the n-th entry (from 0) of
// [[array]], for arrays whose entries have no id, such as [[credits]].
// It returns an error when the file has no such entry.
func (m *ManifestEdit) SetNthEntryKey(array string, n int, key, value string) (changed bool, err error) {
	blocks, _ := m.entryBlocks(array, key)
	if n < 0 || n >= len(blocks) {
		return false, fmt.Errorf("%s: %w: [[%s]] number %d", ManifestName, ErrNoChapterEntry, array, n+1)
	}
	_, inString := m.tables()
	return m.setIn(blocks[n], inString, key, value), nil
}

// RemoveNthEntry removes the n-th entry (from 0) of [[array]], with the
// comments and blank lines up to the next table. removed is false when
// there is no such entry.
func (m *ManifestEdit) RemoveNthEntry(array string, n int) (removed bool) {
	blocks, _ := m.entryBlocks(array, "")
	if n < 0 || n >= len(blocks) {
		return false
	}
	b := blocks[n]
	m.lines = append(m.lines[:b.from], m.lines[b.to:]...)
	m.dirty = true
	return true
}

// SetEntryList sets key = ["a", "b"] on one line in the entry of [[array]]
// whose id is id, replacing the key's lines when the old list spanned
// several. The error is that of SetEntryKey when there is no such entry.
func (m *ManifestEdit) SetEntryList(array, id, key string, values []string) error {
	t, inString, ok := m.entry(array, "id", id)
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = TOMLString(v)
	}
	line := key + " = [" + strings.Join(quoted, ", ") + "]"
	if !ok {
		return fmt.Errorf("%s: %w: [[%s]] id %q; add this line to its entry by hand: %s",
			ManifestName, ErrNoChapterEntry, array, id, line)
	}
	i, _ := m.keyLine(t, inString, key)
	if i < 0 {
		m.insert(m.lastKeyLine(t), line)
		return nil
	}
	end := i + 1
	for depth := listDepth(m.lines[i]); depth > 0 && end < t.to; end++ {
		depth += listDepth(m.lines[end])
	}
	if end == i+1 && m.lines[i] == line {
		return nil
	}
	m.lines = append(m.lines[:i], append([]string{line}, m.lines[end:]...)...)
	m.dirty = true
	return nil
}

// listDepth is how many more "[" than "]" a line of a TOML list holds,
// outside strings and comments.
func listDepth(line string) int {
	depth := 0
	var quote rune
	escaped := false
	for _, r := range line {
		switch {
		case escaped:
			escaped = false
		case quote == '"' && r == '\\':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '#':
			return depth
		case r == '[':
			depth++
		case r == ']':
			depth--
		}
	}
	return depth
}

// RemoveEntryKey removes the line of key in the entry of [[array]] whose
// id is id. removed is false when there is no such line.
func (m *ManifestEdit) RemoveEntryKey(array, id, key string) (removed bool) {
	t, inString, ok := m.entry(array, "id", id)
	if !ok {
		return false
	}
	if i, _ := m.keyLine(t, inString, key); i >= 0 {
		m.lines = append(m.lines[:i], m.lines[i+1:]...)
		m.dirty = true
		return true
	}
	return false
}
