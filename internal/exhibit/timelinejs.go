package exhibit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/image/colornames"
	"golang.org/x/text/unicode/norm"
)

// TimelineJS3 (https://timeline.knightlab.com) is what exhibit teams
// already author timelines in. Its JSON is one object: "title" (a slide),
// "events" (slides), "eras" and "scale". A slide has "start_date" and
// "end_date" (objects with year, month, day, hour, minute, second,
// display_date; each part a number or a string of digits), "text"
// {headline, text} in HTML, "media" {url, caption, credit, thumbnail, alt},
// "group", "display_date", "background" {url, color}, "autolink" and
// "unique_id". Trienlam reads it into the same Timeline as its own format
// and writes it back.
//
// What TimelineJS cannot say — a date known only to the season, and the
// link from an event to the paragraph of a chapter that tells it — travels
// in an extra slide property, "trienlam": {"precision", "chapter",
// "block"}. TimelineJS ignores properties it does not know.

// jsExtension is the slide property holding what TimelineJS cannot say.
const jsExtension = "trienlam"

// jsHumanYears is the range of years TimelineJS's "human" scale can place
// (JavaScript dates); a timeline reaching beyond needs "cosmological".
const (
	jsMinHumanYear = -271820
	jsMaxHumanYear = 275759
)

// ParseTimelineJS reads a TimelineJS3 JSON timeline. file names it in
// problems. It returns what is valid and every problem found, located by
// the line of the JSON file and a field path such as
// "events[3].start_date.month" (entries counted from 1). A bad event is
// left out and named by its unique_id, or its headline when it has none.
//
// HTML in headlines and texts becomes the pack's Markdown (texts) or plain
// text (headlines, captions, credits, display dates, groups). Media on the
// web are kept as they are and never fetched; paths are checked for form
// only, since there is no pack to look in (see ImportTimelineJS).
func ParseTimelineJS(data []byte, file string) (Timeline, []Problem) {
	l := &loader{pack: &Pack{}, noFiles: true}
	tl := l.readTimelineJS(data, file)
	sortProblems(l.probs)
	return tl, l.probs
}

// ImportTimelineJS is ParseTimelineJS that also checks the timeline
// against a pack: media and background paths must be files of pack.FS and
// chapter links must name chapters of the pack.
//
// notes say what the import leaves out on purpose: fields the exhibit has
// no use for (listed once), embedded web media it cannot show offline.
func ImportTimelineJS(pack *Pack, data []byte, file string) (tl Timeline, probs, notes []Problem) {
	l := &loader{fsys: nil, pack: &Pack{}, noFiles: true}
	if pack != nil && pack.FS != nil {
		l = &loader{fsys: pack.FS, pack: pack}
	}
	tl = l.readTimelineJS(data, file)
	sortProblems(l.probs)
	return tl, l.probs, l.notes
}

// readTimelineJS parses TimelineJS JSON, recording problems in l.
func (l *loader) readTimelineJS(data []byte, file string) Timeline {
	if line := checkUTF8(data); line > 0 {
		l.add(file, line, "", detail{Kind: "invalid-utf8", Args: kv{"file": file}})
		return Timeline{Scale: "human"}
	}
	doc, perr := parseJSONDoc(file, bytes.TrimPrefix(data, []byte("\ufeff")))
	if perr != nil {
		l.probs = append(l.probs, *perr)
		return Timeline{Scale: "human"}
	}
	doc.probs = &l.probs
	return l.timelineJS(doc)
}

// parseJSONDoc decodes JSON into the same generic form as a TOML file
// (objects as map[string]any, whole numbers as int64, other numbers as
// float64, null as absent) with the line of every key and array entry, so
// the TOML table helpers read and report on it alike.
func parseJSONDoc(file string, data []byte) (*tomlDoc, *Problem) {
	starts := lineStarts(data)
	lineAt := func(off int64) int {
		return sort.Search(len(starts), func(i int) bool { return int64(starts[i]) > off })
	}
	bad := func(off int64, msg string) *Problem {
		line := lineAt(max(0, min(off, int64(len(data)))))
		p := detail{Kind: "timelinejs-bad-json", Args: kv{"file": file, "error": msg}}.at(file, line, "")
		return &p
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			return nil, bad(se.Offset-1, se.Error())
		case errors.Is(err, io.EOF):
			return nil, bad(0, "the file is empty")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, bad(int64(len(data)), "the file ends too early (a } or ] is missing)")
		}
		return nil, bad(dec.InputOffset(), err.Error())
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, bad(dec.InputOffset(), "there is more after the timeline's closing }")
	}
	root, ok := v.(map[string]any)
	if !ok {
		return nil, bad(0, fmt.Sprintf("a TimelineJS timeline is an object {…}, not %s", tomlType(jsonValue(v))))
	}
	d := &tomlDoc{file: file, root: jsonValue(root).(map[string]any), lines: map[string]int{}}
	// A second pass over the tokens finds the lines; the data is known
	// to be valid JSON by now.
	w := &jsonWalker{dec: json.NewDecoder(bytes.NewReader(data)), lines: d.lines, lineAt: lineAt}
	w.dec.UseNumber()
	if tok, err := w.dec.Token(); err == nil {
		w.value("", tok)
	}
	return d, nil
}

// lineStarts returns the byte offset where each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// jsonValue converts decoded JSON to the generic TOML form.
func jsonValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if e == nil {
				delete(v, k)
				continue
			}
			v[k] = jsonValue(e)
		}
		return v
	case []any:
		for i, e := range v {
			v[i] = jsonValue(e)
		}
		return v
	case json.Number:
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return n
		}
		f, _ := strconv.ParseFloat(string(v), 64)
		return f
	}
	return v
}

// jsonWalker records the line of every object key and array entry.
type jsonWalker struct {
	dec    *json.Decoder
	lines  map[string]int
	lineAt func(int64) int
}

// value walks the value that starts with tok, at path.
func (w *jsonWalker) value(path string, tok json.Token) {
	switch tok {
	case json.Delim('{'):
		for w.dec.More() {
			kt, err := w.dec.Token()
			if err != nil {
				return
			}
			key, _ := kt.(string)
			p := key
			if path != "" {
				p = path + "." + key
			}
			if _, seen := w.lines[p]; !seen {
				w.lines[p] = w.lineAt(w.dec.InputOffset() - 1)
			}
			vt, err := w.dec.Token()
			if err != nil {
				return
			}
			w.value(p, vt)
		}
		w.dec.Token() // the closing }
	case json.Delim('['):
		for i := 1; w.dec.More(); i++ {
			vt, err := w.dec.Token()
			if err != nil {
				return
			}
			p := fmt.Sprintf("%s[%d]", path, i)
			w.lines[p] = w.lineAt(w.dec.InputOffset() - 1)
			w.value(p, vt)
		}
		w.dec.Token() // the closing ]
	}
}

// slideKeys are the keys of a TimelineJS slide; jsExtension is Trienlam's.
var slideKeys = []string{"start_date", "end_date", "text", "media", "group", "display_date", "background", "unique_id", jsExtension}

// jsKeys notes the keys of a TimelineJS object other than used as dropped:
// TimelineJS files carry many settings the exhibit has no use for
// (autolink, type, media link, background opacity, millisecond…), and
// TimelineJS itself ignores keys it does not know. They are listed once
// per path by the import (timelinejs-fields-dropped), never refused.
func (t table) jsKeys(used ...string) {
	for k := range t.m {
		found := false
		for _, u := range used {
			found = found || k == u
		}
		if found {
			continue
		}
		if t.doc.dropped == nil {
			t.doc.dropped = map[string]bool{}
		}
		t.doc.dropped[entryNumbers.ReplaceAllString(t.field(k), "")] = true
	}
}

// entryNumbers are the "[3]" of field paths.
var entryNumbers = regexp.MustCompile(`\[\d+\]`)

// timelineJS builds the timeline from a parsed TimelineJS document.
func (l *loader) timelineJS(doc *tomlDoc) Timeline {
	root := table{doc: doc, m: doc.root}
	root.jsKeys("title", "events", "eras", "scale")
	tl := Timeline{Scale: root.str("scale")}
	if title, ok := root.sub("title"); ok {
		title.jsKeys("text")
		if txt, ok := title.sub("text"); ok {
			txt.jsKeys("headline")
			tl.Title = htmlToPlain(txt.str("headline"))
		}
	}
	if !root.has("events") {
		doc.problem("events", detail{Kind: "timelinejs-events-missing", Args: kv{"file": doc.file}})
	}
	for _, t := range root.tables("eras") {
		t.jsKeys("start_date", "end_date", "text", "unique_id")
		var h, text string
		if txt, ok := t.sub("text"); ok {
			txt.jsKeys("headline", "text")
			h, text = htmlToPlain(txt.str("headline")), htmlToMarkdown(txt.str("text"))
		}
		if era, ok := readEra(t, "start_date", "end_date", jsDate, h, text); ok {
			tl.Eras = append(tl.Eras, era)
		}
	}
	slides := root.tables("events")
	ids := jsIDs(slides)
	seen := map[string]string{}
	for i, t := range slides {
		ev, ok := l.jsEvent(t, ids[i], seen)
		if !ok {
			continue
		}
		tl.addEvent(ev)
	}
	switch tl.Scale {
	case "":
		// As TimelineJS does: human, unless a year is beyond its reach.
		tl.Scale = "human"
		for _, ev := range tl.Events {
			if ev.Start.Year < jsMinHumanYear || ev.Start.Year > jsMaxHumanYear {
				tl.Scale = "cosmological"
			}
		}
	case "human", "cosmological":
	default:
		doc.problem("scale", detail{Kind: "bad-scale", Args: kv{"value": tl.Scale}})
		tl.Scale = "human"
	}
	sort.SliceStable(tl.Events, func(i, j int) bool { return dateLess(tl.Events[i].Start, tl.Events[j].Start) })
	sort.SliceStable(tl.Eras, func(i, j int) bool { return dateLess(tl.Eras[i].Start, tl.Eras[j].Start) })
	if len(doc.dropped) > 0 {
		fields := make([]string, 0, len(doc.dropped))
		for f := range doc.dropped {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		l.notes = append(l.notes, detail{Kind: "timelinejs-fields-dropped", Args: kv{"file": doc.file, "fields": strings.Join(fields, ", ")}}.at(doc.file, 0, ""))
	}
	return tl
}

// jsID is the id of a slide: its unique_id, or one made from the headline
// as TimelineJS does, and whether it was written.
type jsID struct {
	id       string
	written  bool
	headline string
}

// jsIDs finds or makes the id of every slide. Made ids never take an id
// written on another slide.
func jsIDs(slides []table) []jsID {
	out := make([]jsID, len(slides))
	taken := map[string]bool{}
	for i, t := range slides {
		if txt, ok := t.m["text"].(map[string]any); ok {
			if h, ok := txt["headline"].(string); ok {
				out[i].headline = htmlToPlain(h)
			}
		}
		switch v := t.m["unique_id"].(type) {
		case string:
			out[i].id = strings.TrimSpace(v)
		case int64:
			out[i].id = strconv.FormatInt(v, 10)
		}
		if out[i].id != "" {
			out[i].written = true
			taken[out[i].id] = true
		}
	}
	for i := range out {
		if out[i].written {
			continue
		}
		base := slug(out[i].headline)
		if base == "" {
			base = "event-" + itoa(i+1)
		}
		id := base
		for n := 2; taken[id]; n++ {
			id = base + "-" + itoa(n)
		}
		taken[id] = true
		out[i].id = id
	}
	return out
}

// slug makes an id from a headline: lower case ASCII letters and digits
// joined by "-", Vietnamese diacritics dropped ("Đêm 22/9" → "dem-22-9").
func slug(s string) string {
	s = strings.NewReplacer("đ", "d", "Đ", "d").Replace(s)
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return b.String()
}

// jsEvent validates one TimelineJS slide of "events".
func (l *loader) jsEvent(t table, id jsID, seen map[string]string) (Event, bool) {
	t.jsKeys(slideKeys...)
	ev := Event{ID: id.id, Line: t.doc.line(t.path), Headline: id.headline}
	if v, has := t.m["unique_id"]; has {
		if _, isNumber := v.(int64); !isNumber {
			t.str("unique_id") // reports a unique_id that is neither text nor a number
		}
	}
	name := ev.ID
	if !id.written && ev.Headline != "" {
		name = ev.Headline
	}
	item := kv{"event": name}
	if !claimEventID(t, "unique_id", ev.ID, seen, item) {
		return ev, false
	}
	ok := true
	txt, hasText := t.sub("text")
	if hasText {
		txt.jsKeys("headline", "text")
		ev.Text = htmlToMarkdown(txt.str("text"))
	}
	if ev.Headline == "" {
		field := t.field("text")
		if hasText {
			field = txt.field("headline")
		}
		t.doc.problem(field, detail{Kind: "timelinejs-headline-missing", Args: kv{}}.with(item))
		ok = false
	}
	sok, spanOK := eventSpan(t, &ev, "start_date", "end_date", jsDate, item)
	ok = ok && spanOK
	ext, hasExt := t.sub(jsExtension)
	if hasExt {
		ext.checkKeys("precision", "chapter", "block")
		if sok {
			applyPrecision(ext, &ev, item)
		}
	}
	if !ok {
		return ev, false
	}
	ev.Display = htmlToPlain(t.str("display_date"))
	if ev.Display == "" {
		ev.Display = jsCombinedDisplay(ev.Start, ev.End)
	}
	ev.Group = htmlToPlain(t.str("group"))
	if bg, has := t.sub("background"); has {
		ev.Background = l.jsBackground(bg, item)
	}
	if hasExt {
		l.eventChapter(ext, &ev, item)
	}
	if m, has := t.sub("media"); has {
		if embed := strings.TrimSpace(m.str("url")); strings.HasPrefix(embed, "<") {
			l.jsEmbed(m, &ev, embed, item)
		} else {
			ev.Media = l.jsMedia(m, item)
		}
	}
	return ev, true
}

// jsCombinedDisplay is the date TimelineJS shows for a slide without a
// display_date of its own: the start's display_date, and the end's after
// a dash.
func jsCombinedDisplay(start Date, end *Date) string {
	if start.Display == "" {
		return ""
	}
	if end != nil && end.Display != "" {
		return start.Display + " – " + end.Display
	}
	return start.Display
}

// dateParts are the parts of a TimelineJS date object, largest first.
var dateParts = []string{"year", "month", "day", "hour", "minute", "second"}

// digits is what a date part written as text may hold.
var digits = regexp.MustCompile(`^-?[0-9]+$`)

// jsDate reads a TimelineJS date object. A part may be a number or a text
// of digits; an empty text is no part, as in TimelineJS.
func jsDate(t table, key string, item kv, required bool) (Date, bool) {
	v, ok := t.dateValue(key, item, required, "timelinejs-date-missing")
	if !ok {
		return Date{}, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.doc.problem(t.field(key), detail{Kind: "timelinejs-date-not-object", Args: kv{"key": key, "got": tomlType(v)}}.with(item))
		return Date{}, false
	}
	dt := table{doc: t.doc, path: t.field(key), m: m}
	dt.jsKeys("year", "month", "day", "hour", "minute", "second", "display_date")
	fail := func(field string, d detail) (Date, bool) {
		t.doc.problem(field, d.with(kv{"key": key}).with(item))
		return Date{}, false
	}
	var val [6]int64
	var has [6]bool
	for i, part := range dateParts {
		raw, present := m[part]
		if !present {
			continue
		}
		n, given, err := datePart(raw)
		if err != nil {
			shown := err.Error()
			if i == 0 && shown == "too large" {
				return fail(dt.field(part), detail{Kind: "year-too-large", Args: kv{"value": fmt.Sprint(raw)}})
			}
			return fail(dt.field(part), detail{Kind: "timelinejs-bad-date-part", Args: kv{"part": part, "value": shown}})
		}
		val[i], has[i] = n, given
	}
	if !has[0] {
		return fail(dt.path, detail{Kind: "timelinejs-year-missing", Args: kv{}})
	}
	// A part needs the larger ones before it: a day needs a month, a time
	// needs a day.
	for i := 2; i < len(dateParts); i++ {
		need := i - 1
		if i > 3 {
			need = 2 // minute and second need a day; the hour may be left out (0)
		}
		if has[i] && !has[need] {
			return fail(dt.field(dateParts[i]), detail{Kind: "timelinejs-date-gap", Args: kv{"part": dateParts[i], "needs": dateParts[need]}})
		}
	}
	d := Date{Year: val[0], Precision: PrecisionYear}
	shown := strconv.FormatInt(val[0], 10)
	if has[1] {
		shown += fmt.Sprintf("-%02d", val[1])
		if val[1] < 1 || val[1] > 12 {
			return fail(dt.field("month"), detail{Kind: "bad-month", Args: kv{"value": shown, "month": strconv.FormatInt(val[1], 10)}})
		}
		d.Month, d.Precision = int(val[1]), PrecisionMonth
	}
	if has[2] {
		shown += fmt.Sprintf("-%02d", val[2])
		if n := daysIn(d.Year, d.Month); val[2] < 1 || val[2] > int64(n) {
			return fail(dt.field("day"), detail{Kind: "bad-day", Args: kv{"value": shown, "day": strconv.FormatInt(val[2], 10), "max": itoa(n)}})
		}
		d.Day, d.Precision = int(val[2]), PrecisionDay
	}
	if has[3] || has[4] || has[5] {
		clock := fmt.Sprintf("%02d:%02d:%02d", val[3], val[4], val[5])
		shown += "T" + clock
		if val[3] < 0 || val[3] > 23 || val[4] < 0 || val[4] > 59 || val[5] < 0 || val[5] > 59 {
			field := dt.field("hour")
			for i := 5; i >= 3; i-- {
				if has[i] {
					field = dt.field(dateParts[i])
				}
			}
			return fail(field, detail{Kind: "bad-time", Args: kv{"value": shown, "time": clock}})
		}
		d.Hour, d.Minute, d.Second, d.Precision = int(val[3]), int(val[4]), int(val[5]), PrecisionTime
	}
	d.Display = htmlToPlain(dt.str("display_date"))
	return d, true
}

// errTooLarge is datePart's error for a whole number beyond int64.
var errTooLarge = errors.New("too large")

// datePart reads one part of a TimelineJS date: a whole number, or a text
// of digits with an optional minus. given is false for an empty text. The
// error's text is the value as written.
func datePart(v any) (n int64, given bool, err error) {
	switch v := v.(type) {
	case int64:
		return v, true, nil
	case float64:
		if v == math.Trunc(v) && !math.IsInf(v, 0) {
			return 0, false, errTooLarge
		}
		return 0, false, errors.New(strconv.FormatFloat(v, 'f', -1, 64))
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			return 0, false, nil
		}
		if !digits.MatchString(s) {
			return 0, false, errors.New(strconv.Quote(v))
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, false, errTooLarge
		}
		return n, true, nil
	}
	return 0, false, errors.New(tomlType(v))
}

// jsMedia reads a slide's media. A media object without a url is no media,
// as in TimelineJS (its own examples carry empty ones).
func (l *loader) jsMedia(t table, item kv) *Media {
	t.jsKeys("url", "caption", "credit", "thumbnail", "alt")
	m := &Media{
		URL:       jsRef(t.str("url")),
		Caption:   htmlToPlain(t.str("caption")),
		Credit:    htmlToPlain(t.str("credit")),
		Thumbnail: jsRef(t.str("thumbnail")),
		Alt:       htmlToPlain(t.str("alt")),
	}
	if m.URL == "" {
		return nil
	}
	if !l.mediaRef(t, "url", item, &m.URL) {
		return nil
	}
	if m.Thumbnail != "" && !l.mediaRef(t, "thumbnail", item, &m.Thumbnail) {
		m.Thumbnail = ""
	}
	return m
}

// jsEmbed takes a slide's media given as HTML to embed (a tweet, an
// iframe, a blockquote), which TimelineJS shows from the web: a blockquote
// becomes a quote at the end of the event's text; anything else is noted
// as not shown offline. The event itself is always kept.
func (l *loader) jsEmbed(t table, ev *Event, embed string, item kv) {
	t.jsKeys("url", "caption", "credit")
	if strings.HasPrefix(strings.ToLower(embed), "<blockquote") {
		if q := htmlToPlain(embed); q != "" {
			lines := strings.Split(q, "\n")
			for i, line := range lines {
				lines[i] = strings.TrimSpace("> " + line)
			}
			if ev.Text != "" {
				ev.Text += "\n\n"
			}
			ev.Text += strings.Join(lines, "\n")
			if c := htmlToPlain(t.str("credit")); c != "" {
				ev.Text += "\n>\n> — " + c
			}
			return
		}
	}
	what := embed
	if r := []rune(what); len(r) > 60 {
		what = string(r[:60]) + "…"
	}
	l.notes = append(l.notes, detail{Kind: "timelinejs-embed-offline", Args: kv{"embed": what}}.with(item).at(t.doc.file, t.doc.line(t.field("url")), t.field("url")))
}

// jsRef tidies a media address: a protocol-relative web address
// ("//host/…", common in TimelineJS files) is made https.
func jsRef(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "//") && len(s) > 2 && s[2] != '/' {
		return "https:" + s
	}
	return s
}

// jsBackground reads a slide background {url, color}: a picture in the
// pack is preferred, then a colour, then a picture on the web (kept, never
// fetched). CSS colour names become #rrggbb.
func (l *loader) jsBackground(t table, item kv) string {
	t.jsKeys("url", "color")
	url, colour := jsRef(t.str("url")), strings.TrimSpace(t.str("color"))
	if colour != "" && !strings.HasPrefix(colour, "#") {
		if c, ok := colornames.Map[strings.ToLower(colour)]; ok {
			colour = fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
		} else {
			t.doc.problem(t.field("color"), detail{Kind: "bad-colour", Args: kv{"value": colour}}.with(item))
			colour = ""
		}
	}
	if colour != "" && !l.background(t, "color", item, colour) {
		colour = ""
	}
	if url != "" && !isWebRef(url) {
		if l.mediaRef(t, "url", item, &url) {
			return url
		}
		url = ""
	}
	if colour != "" {
		return colour
	}
	return url
}

// escapeText escapes text for TimelineJS's HTML fields: only &, < and >,
// so an apostrophe in a headline stays an apostrophe and does not come
// back as &#39; (html.EscapeString also escapes quotes, needlessly here).
func escapeText(s string) string { return textEscaper.Replace(s) }

var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// isWebRef reports whether a reference is an http(s) address.
func isWebRef(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// Writing TimelineJS JSON. The structs fix the order of the keys.

type jsTimelineOut struct {
	Title  *jsSlideOut  `json:"title,omitempty"`
	Scale  string       `json:"scale,omitempty"`
	Events []jsSlideOut `json:"events"`
	Eras   []jsEraOut   `json:"eras,omitempty"`
}

type jsSlideOut struct {
	UniqueID    string      `json:"unique_id,omitempty"`
	StartDate   *jsDateOut  `json:"start_date,omitempty"`
	EndDate     *jsDateOut  `json:"end_date,omitempty"`
	DisplayDate string      `json:"display_date,omitempty"`
	Text        *jsTextOut  `json:"text,omitempty"`
	Media       *jsMediaOut `json:"media,omitempty"`
	Group       string      `json:"group,omitempty"`
	Background  *jsBgOut    `json:"background,omitempty"`
	Ext         *jsExtOut   `json:"trienlam,omitempty"`
}

type jsDateOut struct {
	Year        int64  `json:"year"`
	Month       int    `json:"month,omitempty"`
	Day         int    `json:"day,omitempty"`
	Hour        *int   `json:"hour,omitempty"`
	Minute      *int   `json:"minute,omitempty"`
	Second      int    `json:"second,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type jsTextOut struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type jsMediaOut struct {
	URL       string `json:"url"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	Alt       string `json:"alt,omitempty"`
}

type jsBgOut struct {
	URL   string `json:"url,omitempty"`
	Color string `json:"color,omitempty"`
}

type jsExtOut struct {
	Precision string `json:"precision,omitempty"`
	Chapter   string `json:"chapter,omitempty"`
	Block     int    `json:"block,omitempty"`
}

type jsEraOut struct {
	StartDate jsDateOut `json:"start_date"`
	EndDate   jsDateOut `json:"end_date"`
	Text      jsTextOut `json:"text"`
}

// precisionWords names precisions as the pack format writes them.
var precisionWords = map[Precision]string{
	PrecisionYear: "year", PrecisionSeason: "season", PrecisionMonth: "month",
	PrecisionDay: "day", PrecisionTime: "time",
}

// TimelineJSON writes a timeline as TimelineJS3 JSON, indented. Texts are
// rendered from Markdown to HTML (raw HTML in the Markdown is left out);
// headlines, captions and other plain texts are HTML-escaped. The scale is
// written "cosmological" when a year lies beyond what TimelineJS's human
// scale can place. What TimelineJS cannot say — a precision other than the
// date's parts give (a season) and chapter links — is kept in the slide's
// "trienlam" property. TimelineJS needs at least one event: a timeline
// without events is an error.
func TimelineJSON(t Timeline) ([]byte, error) {
	if len(t.Events) == 0 {
		return nil, errors.New("the timeline has no events, and TimelineJS needs at least one")
	}
	out := jsTimelineOut{Scale: t.Scale, Events: make([]jsSlideOut, 0, len(t.Events))}
	if out.Scale == "" {
		out.Scale = "human"
	}
	if t.Title != "" {
		out.Title = &jsSlideOut{Text: &jsTextOut{Headline: escapeText(t.Title)}}
	}
	widen := func(d Date) {
		if d.Year < jsMinHumanYear || d.Year > jsMaxHumanYear {
			out.Scale = "cosmological"
		}
	}
	for _, ev := range t.Events {
		s := jsSlideOut{
			UniqueID:  ev.ID,
			StartDate: jsDateFor(ev.Start),
			Text:      &jsTextOut{Headline: escapeText(ev.Headline), Text: markdownToHTML(ev.Text)},
			Group:     escapeText(ev.Group),
		}
		widen(ev.Start)
		if ev.End != nil {
			s.EndDate = jsDateFor(*ev.End)
			widen(*ev.End)
		}
		if ev.Display != jsCombinedDisplay(ev.Start, ev.End) {
			s.DisplayDate = escapeText(ev.Display)
		}
		if m := ev.Media; m != nil && m.URL != "" {
			s.Media = &jsMediaOut{URL: m.URL, Caption: escapeText(m.Caption), Credit: escapeText(m.Credit),
				Thumbnail: m.Thumbnail, Alt: escapeText(m.Alt)}
		}
		switch bg := ev.Background; {
		case bg == "":
		case strings.HasPrefix(bg, "#"):
			s.Background = &jsBgOut{Color: bg}
		default:
			s.Background = &jsBgOut{URL: bg}
		}
		var ext jsExtOut
		if ev.Start.Precision != impliedPrecision(ev.Start) {
			ext.Precision = precisionWords[ev.Start.Precision]
		}
		ext.Chapter = ev.Chapter
		if ev.Chapter != "" {
			ext.Block = ev.Block
		}
		if ext != (jsExtOut{}) {
			s.Ext = &ext
		}
		out.Events = append(out.Events, s)
	}
	for _, era := range t.Eras {
		out.Eras = append(out.Eras, jsEraOut{
			StartDate: *jsDateFor(era.Start),
			EndDate:   *jsDateFor(era.End),
			Text:      jsTextOut{Headline: escapeText(era.Headline), Text: markdownToHTML(era.Text)},
		})
		widen(era.Start)
		widen(era.End)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// jsDateFor writes a date as a TimelineJS date object with the parts it
// knows. A season keeps its month, so TimelineJS places it in the year.
func jsDateFor(d Date) *jsDateOut {
	o := &jsDateOut{Year: d.Year, Month: d.Month, Day: d.Day, DisplayDate: escapeText(d.Display)}
	if d.Precision == PrecisionTime {
		h, m := d.Hour, d.Minute
		o.Hour, o.Minute, o.Second = &h, &m, d.Second
	}
	return o
}

// impliedPrecision is the precision the parts of a date give when written
// out: the precision a reader of the date assumes.
func impliedPrecision(d Date) Precision {
	switch {
	case d.Precision == PrecisionTime:
		return PrecisionTime
	case d.Day > 0:
		return PrecisionDay
	case d.Month > 0:
		return PrecisionMonth
	}
	return PrecisionYear
}
