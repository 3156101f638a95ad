package exhibit

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// timeline reads the [timeline] table of pack.toml and the file it names:
// the pack's own format (§7 of docs/pack-format.md), or TimelineJS3 JSON
// when the name ends in ".json".
func (l *loader) timeline(t table) {
	t.checkKeys("file")
	name, ok := t.packPath("file", t.str("file"))
	if !ok {
		return
	}
	text, ok := l.readText(t.doc, t.field("file"), name)
	if !ok {
		return
	}
	if strings.EqualFold(pathExt(name), ".json") {
		doc, perr := parseJSONDoc(name, []byte(text))
		if perr != nil {
			l.probs = append(l.probs, *perr)
			return
		}
		doc.probs = &l.probs
		l.pack.Timeline = l.timelineJS(doc)
		return
	}
	doc, perr := parseTOML(name, text, 0)
	if perr != nil {
		l.probs = append(l.probs, *perr)
		return
	}
	doc.probs = &l.probs
	l.pack.Timeline = l.timelineDoc(doc)
}

// endBeforeStart is the problem of a span whose end comes before its start.
func endBeforeStart(end, start Date) detail {
	return detail{Kind: "end-before-start", Args: kv{"start": formatDate(start), "end": formatDate(end)}}
}

// addEvent appends ev, and its group when it is the group's first event:
// groups are listed in order of first appearance.
func (tl *Timeline) addEvent(ev Event) {
	tl.Events = append(tl.Events, ev)
	if ev.Group != "" && !slices.Contains(tl.Groups, ev.Group) {
		tl.Groups = append(tl.Groups, ev.Group)
	}
}

// readEra reads the span of the era headed h from startKey and endKey of t
// with readDate (the pack's dates or TimelineJS's); ok is false, the
// problem reported, when either date is bad or the era ends before it
// starts.
func readEra(t table, startKey, endKey string, readDate func(t table, key string, item kv, required bool) (Date, bool), h, text string) (Era, bool) {
	item := kv{"era": h}
	start, ok1 := readDate(t, startKey, item, true)
	end, ok2 := readDate(t, endKey, item, true)
	if !ok1 || !ok2 {
		return Era{}, false
	}
	if before(end, start) {
		t.doc.problem(t.field(endKey), endBeforeStart(end, start).with(item))
		return Era{}, false
	}
	return Era{Start: start, End: end, Headline: h, Text: text}, true
}

// pathExt is path.Ext without importing path here twice.
func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.Contains(p[i:], "/") {
		return p[i:]
	}
	return ""
}

// timelineDoc builds the timeline from a parsed timeline file.
func (l *loader) timelineDoc(doc *tomlDoc) Timeline {
	root := table{doc: doc, m: doc.root}
	root.checkKeys("title", "scale", "eras", "events")
	tl := Timeline{Title: root.str("title"), Scale: root.str("scale")}
	switch tl.Scale {
	case "":
		tl.Scale = "human"
	case "human", "cosmological":
	default:
		doc.problem("scale", detail{Kind: "bad-scale", Args: kv{"value": tl.Scale}})
		tl.Scale = "human"
	}
	for _, t := range root.tables("eras") {
		t.checkKeys("start", "end", "headline", "text")
		if era, ok := readEra(t, "start", "end", dateField, t.str("headline"), t.str("text")); ok {
			tl.Eras = append(tl.Eras, era)
		}
	}
	seen := map[string]string{}
	for _, t := range root.tables("events") {
		ev, ok := l.event(t, seen)
		if !ok {
			continue
		}
		tl.addEvent(ev)
	}
	// A timeline reads in date order whatever order the file lists them
	// in; stable, so same-date events keep the author's order.
	sort.SliceStable(tl.Events, func(i, j int) bool { return dateLess(tl.Events[i].Start, tl.Events[j].Start) })
	sort.SliceStable(tl.Eras, func(i, j int) bool { return dateLess(tl.Eras[i].Start, tl.Eras[j].Start) })
	return tl
}

// event validates one [[events]] entry.
func (l *loader) event(t table, seen map[string]string) (Event, bool) {
	t.checkKeys("id", "start", "end", "precision", "display", "headline", "text", "group", "chapter", "block", "background", "media")
	ev := Event{ID: t.requiredStr("id"), Line: t.doc.line(t.path)}
	if ev.ID == "" {
		return ev, false
	}
	item := kv{"event": ev.ID}
	if !claimEventID(t, "id", ev.ID, seen, item) {
		return ev, false
	}
	ok := true
	ev.Headline = t.str("headline")
	if strings.TrimSpace(ev.Headline) == "" {
		t.doc.problem(t.field("headline"), detail{Kind: "headline-missing", Args: kv{}}.with(item))
		ok = false
	}
	sok, spanOK := eventSpan(t, &ev, "start", "end", dateField, item)
	ok = ok && spanOK
	if sok {
		applyPrecision(t, &ev, item)
	}
	if !ok {
		return ev, false
	}
	ev.Display = t.str("display")
	ev.Start.Display = ev.Display
	ev.Text = t.str("text")
	ev.Group = t.str("group")
	ev.Background = t.str("background")
	if ev.Background != "" && !l.background(t, "background", item, ev.Background) {
		ev.Background = ""
	}
	l.eventChapter(t, &ev, item)
	if m, has := t.sub("media"); has {
		ev.Media = l.media(m, item)
	}
	return ev, true
}

// claimEventID records id in seen (event id → where it was first used),
// or, when an earlier event has it, reports the duplicate at t's key and
// returns false: the event is left out.
func claimEventID(t table, key, id string, seen map[string]string, item kv) bool {
	if first, dup := seen[id]; dup {
		t.doc.problem(t.field(key), detail{Kind: "duplicate-event-id", Args: kv{"first": first}}.with(item))
		return false
	}
	seen[id] = t.path
	return true
}

// eventSpan reads an event's start (required) and end (optional) with
// readDate, the timeline format's date reader, and sets them on ev. sok
// says the start is good; ok that the whole span is (an end before the
// start is reported and leaves the event out).
func eventSpan(t table, ev *Event, startKey, endKey string, readDate func(t table, key string, item kv, required bool) (Date, bool), item kv) (sok, ok bool) {
	start, sok := readDate(t, startKey, item, true)
	ok = sok
	ev.Start = start
	if t.has(endKey) {
		end, eok := readDate(t, endKey, item, false)
		switch {
		case !eok:
			ok = false
		case sok && before(end, start):
			t.doc.problem(t.field(endKey), endBeforeStart(end, start).with(item))
			ok = false
		default:
			ev.End = &end
		}
	}
	return sok, ok
}

// eventChapter reads the chapter and block keys of t, an event's link
// into the pack's text, and sets the link on ev when it can be followed.
func (l *loader) eventChapter(t table, ev *Event, item kv) {
	if ch := t.str("chapter"); ch != "" {
		block, hasBlock := t.integer("block")
		ev.Chapter, ev.Block = l.chapterLink(t, item, ch, block, hasBlock)
	} else if t.has("block") {
		t.doc.problem(t.field("block"), detail{Kind: "block-without-chapter", Args: kv{}}.with(item))
	}
}

// applyPrecision reads the precision key of t, which says how much of the
// event's date is known, and applies it to the event's start (and caps
// its end). It may say less than the date gives, never more.
func applyPrecision(t table, ev *Event, item kv) {
	p := t.str("precision")
	if p == "" {
		return
	}
	prec, known := precisionNames[p]
	switch {
	case !known:
		t.doc.problem(t.field("precision"), detail{Kind: "bad-precision", Args: kv{"value": p, "allowed": "year, season, month, day, time"}}.with(item))
	case prec > ev.Start.Precision:
		// A finer precision than the date gives would invent detail
		// the source does not have; "season" needs a month to say
		// which season.
		t.doc.problem(t.field("precision"), detail{Kind: "precision-too-fine", Args: kv{"value": p, "date": formatDate(ev.Start)}}.with(item))
	default:
		ev.Start.Precision = prec
		if ev.End != nil && ev.End.Precision > prec {
			ev.End.Precision = prec
		}
	}
}

// chapterLink checks an event's link to a chapter (and block) and returns
// it, or "" and 0 when it cannot be followed. Outside a pack (noFiles)
// the link is kept unchecked.
func (l *loader) chapterLink(t table, item kv, ch string, block int64, hasBlock bool) (string, int) {
	if l.noFiles {
		return ch, int(block)
	}
	c := l.pack.Chapter(ch)
	switch {
	case c == nil && l.declaredChapters[ch] != "":
		// Declared but not loaded: already reported for the chapter.
	case c == nil:
		t.doc.problem(t.field("chapter"), detail{Kind: "unknown-chapter", Args: kv{"chapter": ch}}.with(item))
	case hasBlock && (block < 0 || block >= int64(len(c.Blocks))):
		last := len(c.Blocks) - 1
		t.doc.problem(t.field("block"), detail{Kind: "bad-block", Args: kv{"chapter": ch, "last": itoa(last), "block": strconv.FormatInt(block, 10)}}.with(item))
	default:
		return ch, int(block)
	}
	return "", 0
}

// background checks an event background, the value of key in t: a
// colour, a picture in the pack, or a picture on the web (kept, never
// fetched: the exhibit runs offline).
func (l *loader) background(t table, key string, item kv, bg string) bool {
	if strings.HasPrefix(bg, "#") {
		if hexColour.MatchString(bg) {
			return true
		}
		t.doc.problem(t.field(key), detail{Kind: "bad-colour", Args: kv{"value": bg}}.with(item))
		return false
	}
	if isWebRef(bg) {
		return true
	}
	return l.localFile(t, key, item, bg)
}

var hexColour = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// media checks an event's media table; nil when it has no usable URL.
func (l *loader) media(t table, item kv) *Media {
	t.checkKeys("url", "caption", "credit", "thumbnail", "alt")
	m := &Media{URL: t.str("url"), Caption: t.str("caption"), Credit: t.str("credit"), Thumbnail: t.str("thumbnail"), Alt: t.str("alt")}
	if m.URL == "" {
		t.doc.problem(t.field("url"), detail{Kind: "media-url-missing", Args: kv{}}.with(item))
		return nil
	}
	if !l.mediaRef(t, "url", item, &m.URL) {
		return nil
	}
	if m.Thumbnail != "" && !l.mediaRef(t, "thumbnail", item, &m.Thumbnail) {
		m.Thumbnail = ""
	}
	if m.IsVideo() && !l.noFiles {
		m.Subtitles = l.subtitlesBeside(m.URL)
	}
	return m
}

// mediaRef accepts a web address as it is (never fetched: the exhibit runs
// offline) or a path that must exist in the pack, cleaned in place.
func (l *loader) mediaRef(t table, key string, item kv, ref *string) bool {
	if isWebRef(*ref) {
		return true
	}
	if i := strings.Index(*ref, ":"); i > 1 && !strings.ContainsAny((*ref)[:i], "/\\") {
		t.doc.problem(t.field(key), detail{Kind: "bad-media-ref", Args: kv{"value": *ref}}.with(item))
		return false
	}
	if !l.localFile(t, key, item, *ref) {
		return false
	}
	*ref, _ = packPath(*ref)
	return true
}

// localFile reports whether a path in the pack exists, reporting why not.
// Outside a pack (noFiles) only the form of the path is checked.
func (l *loader) localFile(t table, key string, item kv, ref string) bool {
	name, err := packPath(ref)
	if err != nil {
		t.doc.problem(t.field(key), detailOf(err).with(item))
		return false
	}
	if l.noFiles {
		return true
	}
	if _, err := fs.Stat(l.fsys, name); err != nil {
		t.doc.problem(t.field(key), fileError(name, err).with(item))
		return false
	}
	return true
}

// precisionNames maps the precision keywords of the format.
var precisionNames = map[string]Precision{
	"year": PrecisionYear, "season": PrecisionSeason, "month": PrecisionMonth,
	"day": PrecisionDay, "time": PrecisionTime,
}

// dateValue returns the value of the date key of t. A missing date is a
// problem of kind missing when it is required.
func (t table) dateValue(key string, item kv, required bool, missing string) (any, bool) {
	v, ok := t.m[key]
	if !ok && required {
		t.doc.problem(t.field(key), detail{Kind: missing, Args: kv{"key": key}}.with(item))
	}
	return v, ok
}

// dateField reads a date value. TOML dates (start = 1943-09-22, no
// quotes) and plain years (start = 1943) are accepted too, since both are
// natural to type.
func dateField(t table, key string, item kv, required bool) (Date, bool) {
	v, ok := t.dateValue(key, item, required, "date-missing")
	if !ok {
		return Date{}, false
	}
	var d Date
	var err error
	switch v := v.(type) {
	case string:
		d, err = ParseDate(v)
	case int64:
		d = Date{Year: v, Precision: PrecisionYear}
	case time.Time:
		d = Date{Year: int64(v.Year()), Month: int(v.Month()), Day: v.Day(), Precision: PrecisionDay}
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 {
			d.Hour, d.Minute, d.Second, d.Precision = v.Hour(), v.Minute(), v.Second(), PrecisionTime
		}
	default:
		err = detail{Kind: "date-wrong-type", Args: kv{"got": tomlType(v)}}
	}
	if err != nil {
		t.doc.problem(t.field(key), detailOf(err).with(kv{"key": key}).with(item))
		return Date{}, false
	}
	return d, true
}

// dateSyntax is the date grammar: a year with an optional sign and any
// number of digits, then optional month, day and time.
var dateSyntax = regexp.MustCompile(`^([+-]?)([0-9]+)(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$`)

// ParseDate parses a timeline date: "YYYY", "YYYY-MM", "YYYY-MM-DD", each
// optionally followed by "THH:MM" or "THH:MM:SS". Years may be negative
// ("-500" is 501 BCE in astronomical numbering) or have many digits. The
// precision is that of the most detailed part given. Days are checked
// against the real length of the month, leap years included.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, detail{Kind: "date-empty", Args: kv{"value": s}}
	}
	if strings.HasPrefix(s, "--") || strings.HasPrefix(s, "T") {
		return Date{}, detail{Kind: "date-no-year", Args: kv{"value": s}}
	}
	m := dateSyntax.FindStringSubmatch(s)
	if m == nil {
		return Date{}, detail{Kind: "bad-date", Args: kv{"value": s}}
	}
	y, err := strconv.ParseInt(m[2], 10, 64)
	if err != nil {
		return Date{}, detail{Kind: "year-too-large", Args: kv{"value": s}}
	}
	if m[1] == "-" {
		y = -y
	}
	d := Date{Year: y, Precision: PrecisionYear}
	if m[3] != "" {
		d.Month, _ = strconv.Atoi(m[3])
		if d.Month < 1 || d.Month > 12 {
			return Date{}, detail{Kind: "bad-month", Args: kv{"value": s, "month": itoa(d.Month)}}
		}
		d.Precision = PrecisionMonth
	}
	if m[4] != "" {
		d.Day, _ = strconv.Atoi(m[4])
		if n := daysIn(d.Year, d.Month); d.Day < 1 || d.Day > n {
			return Date{}, detail{Kind: "bad-day", Args: kv{"value": s, "day": itoa(d.Day), "max": itoa(n)}}
		}
		d.Precision = PrecisionDay
	}
	if m[5] != "" {
		if m[4] == "" {
			return Date{}, detail{Kind: "time-without-day", Args: kv{"value": s}}
		}
		d.Hour, _ = strconv.Atoi(m[5])
		d.Minute, _ = strconv.Atoi(m[6])
		if m[7] != "" {
			d.Second, _ = strconv.Atoi(m[7])
		}
		if d.Hour > 23 || d.Minute > 59 || d.Second > 59 {
			clock := fmt.Sprintf("%02d:%02d:%02d", d.Hour, d.Minute, d.Second)
			return Date{}, detail{Kind: "bad-time", Args: kv{"value": s, "time": clock}}
		}
		d.Precision = PrecisionTime
	}
	return d, nil
}

// daysIn returns the length of a month in the proleptic Gregorian calendar.
func daysIn(year int64, month int) int {
	switch month {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// formatDate writes a date back in the syntax ParseDate reads.
func formatDate(d Date) string {
	s := strconv.FormatInt(d.Year, 10)
	if d.Precision >= PrecisionMonth && d.Month > 0 {
		s += fmt.Sprintf("-%02d", d.Month)
	}
	if d.Precision >= PrecisionDay && d.Day > 0 {
		s += fmt.Sprintf("-%02d", d.Day)
	}
	if d.Precision >= PrecisionTime {
		s += fmt.Sprintf("T%02d:%02d", d.Hour, d.Minute)
		if d.Second > 0 {
			s += fmt.Sprintf(":%02d", d.Second)
		}
	}
	return s
}

// dateKey returns the parts of a date down to precision p, unknown parts 0.
func dateKey(d Date, p Precision) [6]int64 {
	k := [6]int64{d.Year}
	if p >= PrecisionMonth {
		k[1] = int64(d.Month)
	}
	if p >= PrecisionDay {
		k[2] = int64(d.Day)
	}
	if p >= PrecisionTime {
		k[3], k[4], k[5] = int64(d.Hour), int64(d.Minute), int64(d.Second)
	}
	return k
}

func lessKey(a, b [6]int64) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// before reports whether end is before start, compared at the coarser of
// their precisions: "1943-09" does not end before "1943-09-22", since the
// month contains the day.
func before(end, start Date) bool {
	p := min(end.Precision, start.Precision)
	return lessKey(dateKey(end, p), dateKey(start, p))
}

// dateLess orders dates for display; a coarser date sorts before the finer
// dates it contains.
func dateLess(a, b Date) bool {
	return lessKey(dateKey(a, PrecisionTime), dateKey(b, PrecisionTime))
}
