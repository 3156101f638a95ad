package exhibit

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// EditTimelineTOML writes timeline t over old, the text of a timeline.toml
// a person may have written and commented, changing only what differs:
// an entry whose values are unchanged keeps its lines exactly, comments
// included; in a changed entry only the lines of the changed keys are
// rewritten (as TimelineTOML writes them), keys added go after its last
// key and keys taken away lose their lines. Events are matched by id,
// eras by name, then span, then place. Entries keep the file's order; new
// eras follow the last era, new events come last. When old is empty or not TOML the result is
// TimelineTOML(t) under a short comment saying what the file is.
func EditTimelineTOML(old []byte, t Timeline) []byte {
	fresh := TimelineTOML(t)
	var probe map[string]any
	if len(strings.TrimSpace(string(old))) == 0 || toml.Unmarshal([]byte(strings.TrimPrefix(string(old), "\ufeff")), &probe) != nil {
		return append([]byte(timelineHeader), fresh...)
	}
	m := EditManifest(old)
	oldDoc := splitTimeline(m)
	newDoc := splitTimeline(EditManifest(fresh))

	// Match the new entries to the old ones.
	eraOf := map[int]int{} // old era → new era
	var newEras []tlEntry  // eras with no old entry
	usedEra := map[int]bool{}
	for j, ne := range newDoc.eras {
		if k := matchEra(oldDoc.eras, usedEra, ne); k >= 0 {
			usedEra[k] = true
			eraOf[k] = j
		} else {
			newEras = append(newEras, ne)
		}
	}
	oldEvents := map[string]int{}
	for k, b := range oldDoc.events {
		if id := b.value("id"); id != "" {
			if _, dup := oldEvents[id]; !dup {
				oldEvents[id] = k
			}
		}
	}
	eventOf := map[int]int{} // old event → new event
	var newEvents []tlEntry
	for j, ne := range newDoc.events {
		if k, ok := oldEvents[ne.value("id")]; ok {
			delete(oldEvents, ne.value("id"))
			eventOf[k] = j
		} else {
			newEvents = append(newEvents, ne)
		}
	}
	// The old entries stay in the file's order; new eras follow the last
	// era (or open the entries), new events come last.
	out := editKeys(oldDoc.header, newDoc.header, 0, "header")
	lastEra := -1
	for p, e := range oldDoc.order {
		if e.era {
			lastEra = p
		}
	}
	// add puts new entries after the last key of what is written so far,
	// before the comments that open the next entry.
	add := func(entries []tlEntry) {
		if len(entries) == 0 {
			return
		}
		at := lastKey(out, 0)
		var lines []string
		for _, ne := range entries {
			lines = append(lines, "")
			lines = append(lines, trimBlank(entryLines(ne))...)
		}
		if at < len(out) && strings.TrimSpace(out[at]) != "" {
			lines = append(lines, "")
		}
		out = append(out[:at], append(lines, out[at:]...)...)
	}
	addEras := func() { add(newEras) }
	if lastEra < 0 {
		addEras()
	}
	for p, e := range oldDoc.order {
		switch {
		case e.era:
			if j, ok := eraOf[e.k]; ok {
				out = append(out, editEntry(oldDoc.eras[e.k], newDoc.eras[j])...)
			} else {
				out = append(out, dropped(oldDoc.eras[e.k])...)
			}
		default:
			if j, ok := eventOf[e.k]; ok {
				out = append(out, editEntry(oldDoc.events[e.k], newDoc.events[j])...)
			} else {
				out = append(out, dropped(oldDoc.events[e.k])...)
			}
		}
		if p == lastEra {
			addEras()
		}
	}
	add(newEvents)
	m.lines = out
	m.dirty = true
	return m.Bytes()
}

// timelineHeader opens a timeline.toml the editor writes anew.
const timelineHeader = "# Dòng thời gian của triển lãm (định dạng: docs/pack-format.md, mục 7).\n" +
	"# Sửa được bằng Notepad; lưu với mã UTF-8. Ngày viết \"1943\", \"1943-09\" hoặc \"1943-09-22\".\n\n"

// tlEntry is one [[eras]] or [[events]] entry of a timeline file: its
// lines from its header to the next entry, and those of the [events.media]
// table that belongs to it (nil for none).
type tlEntry struct {
	lines []string
	media []string
}

// value returns the one-line string value of key in the entry.
func (b tlEntry) value(key string) string {
	for _, sp := range keySpans(b.lines, 1) {
		if sp.key == key {
			v, _ := spanValue(b.lines, sp)
			s, _ := v.(string)
			return s
		}
	}
	return ""
}

// tlDoc is a timeline file cut into its parts.
type tlDoc struct {
	header       []string
	eras, events []tlEntry
	// order is the entries in file order: era or event, and which.
	order []struct {
		era bool
		k   int
	}
}

// dropped is what stays of a deleted entry: the comments and blank lines
// after its last key, which belong to the entry that follows.
func dropped(b tlEntry) []string {
	lines := entryLines(b)
	return lines[lastKey(lines, 1):]
}

// splitTimeline cuts the lines of m into the top-level keys and the
// entries. A table of another name stays with the part before it.
func splitTimeline(m *ManifestEdit) tlDoc {
	var d tlDoc
	tables, _ := m.tables()
	top := tables[0]
	d.header = append([]string(nil), m.lines[:top.to]...)
	var last *[]string = &d.header
	for _, t := range tables[1:] {
		lines := append([]string(nil), m.lines[t.from:t.to]...)
		switch {
		case t.array && t.name == "eras":
			d.eras = append(d.eras, tlEntry{lines: lines})
			d.order = append(d.order, struct {
				era bool
				k   int
			}{true, len(d.eras) - 1})
			last = &d.eras[len(d.eras)-1].lines
		case t.array && t.name == "events":
			d.events = append(d.events, tlEntry{lines: lines})
			d.order = append(d.order, struct {
				era bool
				k   int
			}{false, len(d.events) - 1})
			last = &d.events[len(d.events)-1].lines
		case !t.array && t.name == "events.media" && len(d.events) > 0 && d.events[len(d.events)-1].media == nil:
			d.events[len(d.events)-1].media = lines
			last = &d.events[len(d.events)-1].media
		default:
			*last = append(*last, lines...)
		}
	}
	return d
}

// trimBlank drops the blank lines at the end of lines.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// entryLines is a new entry as written, media table included.
func entryLines(b tlEntry) []string {
	return append(append([]string(nil), b.lines...), b.media...)
}

// matchEra finds the old era for a new one: same name, else same span,
// else the first unused.
func matchEra(old []tlEntry, used map[int]bool, ne tlEntry) int {
	name, span := ne.value("headline"), eraSpan(ne)
	for k, b := range old {
		if !used[k] && name != "" && b.value("headline") == name {
			return k
		}
	}
	for k, b := range old {
		if !used[k] && eraSpan(b) == span {
			return k
		}
	}
	for k := range old {
		if !used[k] {
			return k
		}
	}
	return -1
}

// eraSpan is an era entry's bounds, as comparable text.
func eraSpan(b tlEntry) string {
	var s []string
	for _, sp := range keySpans(b.lines, 1) {
		if sp.key == "start" || sp.key == "end" {
			v, _ := spanValue(b.lines, sp)
			s = append(s, sp.key+"="+normTimelineValue(sp.key, v))
		}
	}
	return strings.Join(s, " ")
}

// editEntry edits an old entry into the new one, its media table too.
func editEntry(old, ne tlEntry) []string {
	lines := editKeys(old.lines, ne.lines, 1, "entry")
	switch {
	case old.media != nil && ne.media != nil:
		return append(lines, editKeys(old.media, ne.media, 1, "media")...)
	case ne.media != nil:
		at := lastKey(lines, 1)
		media := append([]string{""}, ne.media...)
		for len(media) > 0 && strings.TrimSpace(media[len(media)-1]) == "" {
			media = media[:len(media)-1]
		}
		return append(append(append([]string(nil), lines[:at]...), media...), lines[at:]...)
	case old.media != nil:
		// The table goes; what follows its last key (comments and blank
		// lines before the next entry) stays.
		return append(trimBlank(lines), old.media[lastKey(old.media, 1):]...)
	}
	return lines
}

// tlSpan is a key's lines in a part: [from, to).
type tlSpan struct {
	key      string
	from, to int
}

var tlKeyRe = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+|"[^"]*")\s*=`)

// keySpans finds the keys of lines from start on, each with the lines its
// value takes (a multi-line string or list).
func keySpans(lines []string, start int) []tlSpan {
	var out []tlSpan
	for i := start; i < len(lines); i++ {
		m := tlKeyRe.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		sp := tlSpan{key: strings.Trim(m[1], `"`), from: i, to: i + 1}
		rest := lines[i][len(m[0]):]
		switch {
		case strings.Count(rest, `"""`)%2 == 1 || strings.Count(rest, `'''`)%2 == 1:
			q := `"""`
			if strings.Count(rest, `'''`)%2 == 1 {
				q = `'''`
			}
			for sp.to < len(lines) && !strings.Contains(lines[sp.to], q) {
				sp.to++
			}
			sp.to = min(sp.to+1, len(lines)) // the closing line
		case listDepth(rest) > 0:
			for depth := listDepth(rest); depth > 0 && sp.to < len(lines); sp.to++ {
				depth += listDepth(lines[sp.to])
			}
		}
		out = append(out, sp)
		i = sp.to - 1
	}
	return out
}

// spanValue decodes a key's value from its lines.
func spanValue(lines []string, sp tlSpan) (any, bool) {
	var m map[string]any
	if _, err := toml.Decode(windowsPaths(strings.Join(lines[sp.from:sp.to], "\n")), &m); err != nil {
		return nil, false
	}
	v, ok := m[sp.key]
	return v, ok
}

// normTimelineValue writes a value for comparison: dates in the form
// TimelineTOML writes them, so "1943-9-22", 1943-09-22 and "1943-09-22"
// are the same date.
func normTimelineValue(key string, v any) string {
	if key == "start" || key == "end" {
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case int64:
			s = strconv.FormatInt(v, 10)
		case time.Time:
			s = v.Format("2006-01-02T15:04:05")
			if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
				s = v.Format("2006-01-02")
			}
		}
		if d, err := ParseDate(s); err == nil {
			return tomlDate(d)
		}
	}
	switch v := v.(type) {
	case string:
		return "s:" + v
	case int64:
		return "i:" + strconv.FormatInt(v, 10)
	}
	return "?" + reflect.TypeOf(v).String()
}

// lastKey is the index after the last line from start that is neither
// blank nor a comment.
func lastKey(lines []string, start int) int {
	for i := len(lines) - 1; i >= start; i-- {
		if s := strings.TrimSpace(lines[i]); s != "" && !strings.HasPrefix(s, "#") {
			return i + 1
		}
	}
	return start
}

// editKeys edits old, a part of the file, into ne, the same part as
// TimelineTOML writes it: lines of changed keys replaced, of keys no
// longer set removed, of new keys added after the last key. Keys whose
// absence says the same as the old line (the default scale, block 0, a
// precision the date implies) keep their line.
func editKeys(old, ne []string, start int, part string) []string {
	out := append([]string(nil), old...)
	newSpans := map[string]tlSpan{}
	var order []string
	for _, sp := range keySpans(ne, start) {
		newSpans[sp.key] = sp
		order = append(order, sp.key)
	}
	oldSpans := keySpans(old, start)
	had := map[string]bool{}
	for k := len(oldSpans) - 1; k >= 0; k-- {
		sp := oldSpans[k]
		had[sp.key] = true
		ov, ok := spanValue(old, sp)
		ns, isNew := newSpans[sp.key]
		var repl []string
		switch {
		case !isNew && ok && keptDefault(part, sp.key, ov, ne, newSpans):
			continue
		case !isNew:
			repl = nil
		default:
			nv, _ := spanValue(ne, ns)
			if ok && normTimelineValue(sp.key, ov) == normTimelineValue(sp.key, nv) {
				continue
			}
			repl = ne[ns.from:ns.to]
		}
		out = append(out[:sp.from], append(append([]string(nil), repl...), out[sp.to:]...)...)
	}
	// New keys go after the key that comes before them in TimelineTOML's
	// order (precision after start and end), else first.
	for n, key := range order {
		if had[key] {
			continue
		}
		if v, _ := spanValue(ne, newSpans[key]); part == "header" && key == "scale" && v == "human" {
			continue // the default, which the file need not say
		}
		at := start
		spans := keySpans(out, start)
		for p := n - 1; p >= 0 && at == start; p-- {
			for _, sp := range spans {
				if sp.key == order[p] {
					at = sp.to
				}
			}
		}
		if at == start && len(spans) > 0 && n > 0 {
			at = lastKey(out, start)
		}
		add := ne[newSpans[key].from:newSpans[key].to]
		out = append(out[:at], append(append([]string(nil), add...), out[at:]...)...)
	}
	return out
}

// keptDefault reports whether an old key the new text leaves out says what
// its absence says.
func keptDefault(part, key string, v any, ne []string, newSpans map[string]tlSpan) bool {
	switch {
	case part == "header" && key == "scale":
		return v == "human"
	case part == "entry" && key == "block":
		return v == int64(0)
	case part == "entry" && key == "precision":
		sp, ok := newSpans["start"]
		if !ok {
			return false
		}
		sv, _ := spanValue(ne, sp)
		d, err := ParseDate(strings.TrimPrefix(normTimelineValue("start", sv), "s:"))
		return err == nil && precisionWords[impliedPrecision(d)] == v
	}
	return false
}
