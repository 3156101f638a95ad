package exhibit

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// tomlDoc is a parsed TOML file kept as generic values, with the line of
// every table and key. The pack files are decoded by hand from the generic
// values rather than into structs because the struct decoder stops at the
// first wrong type, and validation must report every problem in one run.
// BurntSushi/toml keeps key positions private, so lines are found by a
// small scan of the text (see indexLines).
type tomlDoc struct {
	file       string
	lineOffset int // added to every line: front matter starts below line 1
	root       map[string]any
	lines      map[string]int // field path ("chapters[2].file") → 1-based line
	probs      *[]Problem
	// dropped are the TimelineJS fields present but not used, by their
	// path without entry numbers ("events.media.link"), listed once.
	dropped map[string]bool
}

// parseTOML decodes text as TOML. A syntax error is returned as a Problem
// with the line the parser gives.
func parseTOML(file, text string, lineOffset int) (*tomlDoc, *Problem) {
	root := map[string]any{}
	if _, err := toml.Decode(windowsPaths(text), &root); err != nil {
		why, line, field := err.Error(), 0, ""
		var pe toml.ParseError
		if errors.As(err, &pe) {
			why, line, field = pe.Message, pe.Position.Line+lineOffset, pe.LastKey
		}
		en, vi := tomlHint(why, line)
		p := detail{Kind: "bad-toml", Args: kv{"file": file, "error": why, "hint": en, "hint_vi": vi}}.at(file, line, field)
		return nil, &p
	}
	d := &tomlDoc{file: file, lineOffset: lineOffset, root: root}
	d.lines = indexLines(text, lineOffset)
	return d, nil
}

// tomlHint says what a TOML syntax error usually means, for staff who have
// never heard of TOML, in English and Vietnamese. The parser's own words
// stay in the problem as a technical detail.
func tomlHint(why string, line int) (en, vi string) {
	n := strconv.Itoa(line)
	has := func(s ...string) bool {
		for _, x := range s {
			if strings.Contains(why, x) {
				return true
			}
		}
		return false
	}
	switch {
	case has("strings cannot contain newlines", "unexpected EOF; expected"):
		return "a closing quote is missing on line " + n + `: text must start and end with " on the same line`,
			"thiếu dấu ngoặc kép đóng ở dòng " + n + `: chữ phải mở và đóng bằng dấu " trên cùng một dòng`
	case has("expected value but found"):
		return "the value on line " + n + ` is not in quotes: write text in double quotes, like title = "Kỷ niệm 80 năm"`,
			"giá trị ở dòng " + n + ` chưa đặt trong ngoặc kép: hãy viết chữ trong dấu ngoặc kép, ví dụ title = "Kỷ niệm 80 năm"`
	case has("to end with a newline"):
		return "something follows the value on line " + n + ": write one setting per line, with all of its text inside the quotes",
			"dòng " + n + " còn chữ thừa sau giá trị: mỗi dòng chỉ ghi một mục, và mọi chữ phải nằm trong ngoặc kép"
	case has("has already been defined"):
		return "line " + n + " repeats a setting or a [section] already written above: keep only one",
			"dòng " + n + " ghi lại một mục hoặc một [phần] đã có ở trên: chỉ giữ lại một"
	case has("invalid escape"):
		return "line " + n + ` has a backslash \ that TOML reads as a special character: write / instead, or put the text in single quotes`,
			"dòng " + n + ` có dấu \ mà tệp hiểu là ký tự đặc biệt: hãy viết / thay vào, hoặc đặt chữ trong dấu nháy đơn '…'`
	case has("to end table name", "table name"):
		return "the [section] name on line " + n + " is missing its closing ]",
			"tên [phần] ở dòng " + n + " thiếu dấu ] đóng"
	case has("expected '.' or '='", "expected '='"):
		return "line " + n + " needs the form name = value (a name has no spaces, and = comes before the value)",
			"dòng " + n + " phải có dạng tên = giá trị (tên không có dấu cách, dấu = đứng trước giá trị)"
	case has("nvalid float", "nvalid integer", "nvalid datetime", "nvalid date"):
		return "the number or date on line " + n + ` is not written correctly: write numbers with digits only (1943), and dates in quotes ("1943-09-22")`,
			"số hoặc ngày ở dòng " + n + ` viết chưa đúng: số chỉ gồm chữ số (1943), còn ngày tháng đặt trong ngoặc kép ("1943-09-22")`
	case has("array terminator"):
		return "a list opened with [ on line " + n + " or above is not closed with ]",
			"một danh sách mở bằng [ ở dòng " + n + " hoặc phía trên chưa được đóng bằng ]"
	case has("inline table terminator"):
		return "a { … } group on line " + n + " is not closed with }",
			"một nhóm { … } ở dòng " + n + " chưa được đóng bằng }"
	}
	return "line " + n + " is not written as the file's rules expect: each line is name = value, text in double quotes",
		"dòng " + n + " viết chưa đúng quy tắc: mỗi dòng có dạng tên = giá trị, chữ đặt trong ngoặc kép"
}

// pathKeys are the keys whose values are paths inside the pack (or web
// addresses, which hold no backslash).
var pathKeys = map[string]bool{
	"file": true, "narration": true, "captions": true, "original": true, "poster": true,
	"subtitles": true, "url": true, "thumbnail": true, "background": true,
}

// windowsPaths rewrites the backslashes in double-quoted path values to
// slashes before the text is decoded. Staff copy paths from Windows
// Explorer ("chapters\thanh-tuu.md"), and in a TOML basic string "\t"
// would be a tab, "\0" or "\u" an error that makes the whole file
// unreadable; the docs promise a backslash is read as "/". A run of
// backslashes ("\\", TOML's own escaped backslash) becomes one slash;
// a backslash before the closing quote is left alone. Only "key = ..."
// assignments of the keys in pathKeys are touched, and the number of
// lines never changes, so line numbers stay right.
func windowsPaths(text string) string {
	if !strings.Contains(text, `\`) {
		return text
	}
	lines := strings.Split(text, "\n")
	changed := false
	for i, line := range lines {
		if !strings.Contains(line, `\`) {
			continue
		}
		if out := windowsPathsLine(line); out != line {
			lines[i], changed = out, true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "\n")
}

// windowsPathsLine applies windowsPaths to one line, which may hold several
// assignments in an inline table: media = { url = "photos\a.jpg" }.
func windowsPathsLine(line string) string {
	var b strings.Builder
	i := 0
	for i < len(line) {
		eq := strings.IndexByte(line[i:], '=')
		if eq < 0 {
			break
		}
		eq += i
		// The key is the word just before '='.
		k := eq
		for k > i && (line[k-1] == ' ' || line[k-1] == '\t') {
			k--
		}
		start := k
		for start > i && isBareKeyByte(line[start-1]) {
			start--
		}
		key := line[start:k]
		v := eq + 1
		for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
			v++
		}
		if !pathKeys[key] || v >= len(line) || line[v] != '"' || strings.HasPrefix(line[v:], `"""`) {
			b.WriteString(line[i : eq+1])
			i = eq + 1
			continue
		}
		b.WriteString(line[i : v+1])
		j := v + 1
		for j < len(line) && line[j] != '"' {
			if line[j] != '\\' {
				b.WriteByte(line[j])
				j++
				continue
			}
			run := j
			for j < len(line) && line[j] == '\\' {
				j++
			}
			if j >= len(line) || line[j] == '"' {
				// A backslash closing the string is TOML's escaped
				// quote or an unfinished line: leave it to the parser.
				b.WriteString(line[run:j])
				if j < len(line) {
					b.WriteByte('"')
					j++
				}
				continue
			}
			b.WriteByte('/')
		}
		i = j
	}
	b.WriteString(line[i:])
	return b.String()
}

// isBareKeyByte reports whether c may appear in a bare TOML key.
func isBareKeyByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// indexLines finds the line of each table header and key assignment. Array
// tables are numbered from 1 as people count them: the second [[chapters]]
// is "chapters[2]". It is a best effort: keys inside inline tables or
// multi-line arrays map to the line of their enclosing key.
func indexLines(text string, lineOffset int) map[string]int {
	lines := map[string]int{}
	counts := map[string]int{} // array table path (unindexed) → entries so far
	prefix := ""
	inMulti := "" // the delimiter of an open multi-line string
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1 + lineOffset
		s := strings.TrimSpace(raw)
		if inMulti != "" {
			if strings.Count(s, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if strings.HasPrefix(s, "[[") {
			if end := strings.Index(s, "]]"); end > 0 {
				name := normalizeKey(s[2:end])
				counts[name]++
				prefix = indexedPath(name, counts)
				lines[prefix] = n
			}
			continue
		}
		if s[0] == '[' {
			if end := strings.Index(s, "]"); end > 0 {
				prefix = indexedPath(normalizeKey(s[1:end]), counts)
				lines[prefix] = n
			}
			continue
		}
		eq := strings.Index(s, "=")
		if eq <= 0 {
			continue
		}
		key := normalizeKey(s[:eq])
		if key == "" {
			continue
		}
		full := key
		if prefix != "" {
			full = prefix + "." + key
		}
		if _, seen := lines[full]; !seen {
			lines[full] = n
		}
		val := s[eq+1:]
		for _, delim := range []string{`"""`, `'''`} {
			if strings.Count(val, delim)%2 == 1 {
				inMulti = delim
			}
		}
	}
	return lines
}

// normalizeKey turns `a . "b"` into `a.b`, dropping quotes and spaces, so
// header and key paths compare with field paths built in Go.
func normalizeKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
			p = p[1 : len(p)-1]
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}

// indexedPath adds the current entry number to each part of a header path
// that names an array of tables: "events.media" → "events[3].media".
func indexedPath(name string, counts map[string]int) string {
	parts := strings.Split(name, ".")
	var b strings.Builder
	plain := ""
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('.')
			plain += "."
		}
		plain += p
		b.WriteString(p)
		if c := counts[plain]; c > 0 {
			fmt.Fprintf(&b, "[%d]", c)
		}
	}
	return b.String()
}

// line returns the line of a field path, or of its nearest enclosing table
// when the field itself has no line of its own, or 0.
func (d *tomlDoc) line(field string) int {
	for field != "" {
		if n, ok := d.lines[field]; ok {
			return n
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			break
		}
		field = field[:i]
	}
	return 0
}

// problem records a problem at the line of field.
func (d *tomlDoc) problem(field string, w detail) {
	*d.probs = append(*d.probs, w.at(d.file, d.line(field), field))
}

// table is one TOML table being read, with the field path that leads to it.
type table struct {
	doc  *tomlDoc
	path string
	m    map[string]any
}

func (t table) field(key string) string {
	if t.path == "" {
		return key
	}
	return t.path + "." + key
}

// checkKeys reports every key of the table that the format does not know,
// in file order, so a misspelt key ("narattion") is not silently ignored.
func (t table) checkKeys(known ...string) {
	var unknown []string
	for k := range t.m {
		found := false
		for _, kk := range known {
			if k == kk {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, k)
		}
	}
	sort.Slice(unknown, func(i, j int) bool {
		li, lj := t.doc.line(t.field(unknown[i])), t.doc.line(t.field(unknown[j]))
		if li != lj {
			return li < lj
		}
		return unknown[i] < unknown[j]
	})
	for _, k := range unknown {
		t.doc.problem(t.field(k), detail{Kind: "unknown-key", Args: kv{"key": k, "known": strings.Join(known, ", ")}})
	}
}

// has reports whether the key is set.
func (t table) has(key string) bool {
	_, ok := t.m[key]
	return ok
}

// str returns a string value; a value of another type is reported and
// treated as absent.
func (t table) str(key string) string {
	v, ok := t.m[key]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.doc.problem(t.field(key), detail{Kind: "not-text", Args: kv{"key": key, "got": tomlType(v)}})
		return ""
	}
	return s
}

// requiredStr is str that also reports an absent or blank value.
func (t table) requiredStr(key string) string {
	if !t.has(key) {
		t.doc.problem(t.field(key), detail{Kind: "required-missing", Args: kv{"key": key}})
		return ""
	}
	s := t.str(key)
	if strings.TrimSpace(s) == "" && t.has(key) {
		if _, isStr := t.m[key].(string); isStr {
			t.doc.problem(t.field(key), detail{Kind: "required-empty", Args: kv{"key": key}})
		}
	}
	return s
}

// strList returns a list of strings; a single string is accepted as a list
// of one because that is an easy slip to make by hand.
func (t table) strList(key string) []string {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				t.doc.problem(t.field(key), detail{Kind: "list-item-not-text", Args: kv{"key": key, "item": itoa(i + 1), "got": tomlType(e)}})
				continue
			}
			out = append(out, s)
		}
		return out
	}
	t.doc.problem(t.field(key), detail{Kind: "not-text-list", Args: kv{"key": key, "got": tomlType(v)}})
	return nil
}

// integer returns an integer value and whether one was set and valid.
func (t table) integer(key string) (int64, bool) {
	v, ok := t.m[key]
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		t.doc.problem(t.field(key), detail{Kind: "not-whole-number", Args: kv{"key": key, "got": tomlType(v)}})
		return 0, false
	}
	return n, true
}

// sub returns a nested table; ok is false when it is absent or not a table.
func (t table) sub(key string) (table, bool) {
	v, ok := t.m[key]
	if !ok {
		return table{}, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.doc.problem(t.field(key), detail{Kind: "not-table", Args: kv{"table": t.field(key), "got": tomlType(v)}})
		return table{}, false
	}
	return table{doc: t.doc, path: t.field(key), m: m}, true
}

// tables returns the entries of an array of tables ([[key]]), numbered
// from 1 in their field paths.
func (t table) tables(key string) []table {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	var list []map[string]any
	switch v := v.(type) {
	case []map[string]any:
		list = v
	case []any:
		for i, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				t.doc.problem(fmt.Sprintf("%s[%d]", t.field(key), i+1), detail{Kind: "not-table-entry", Args: kv{"table": t.field(key), "got": tomlType(e)}})
				list = append(list, nil)
				continue
			}
			list = append(list, m)
		}
	default:
		t.doc.problem(t.field(key), detail{Kind: "not-table-list", Args: kv{"table": t.field(key), "got": tomlType(v)}})
		return nil
	}
	out := make([]table, 0, len(list))
	for i, m := range list {
		if m == nil {
			continue
		}
		out = append(out, table{doc: t.doc, path: fmt.Sprintf("%s[%d]", t.field(key), i+1), m: m})
	}
	return out
}

// tomlType names a decoded value's TOML type for messages.
func tomlType(v any) string {
	switch v := v.(type) {
	case string:
		return "a text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	case nil:
		return "null"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// checkUTF8 returns the 1-based line of the first invalid UTF-8 byte, or 0.
func checkUTF8(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	line := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[size:]
	}
	return line
}

// itoa is strconv.Itoa, shortened for messages.
func itoa(n int) string { return strconv.Itoa(n) }

// packPath cleans file, the value of key in t, as a path inside the pack
// (see packPath); a bad path is reported at key, and ok is false. An empty
// file is no path, reported by whoever requires the key (requiredStr).
func (t table) packPath(key, file string) (name string, ok bool) {
	if file == "" {
		return "", false
	}
	name, err := packPath(file)
	if err != nil {
		t.doc.problem(t.field(key), detailOf(err))
		return "", false
	}
	return name, true
}
