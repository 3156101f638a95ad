package exhibit

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// withoutLines returns t with every event's Line zeroed: lines say where
// an event was written, which a round trip through another file changes.
func withoutLines(t Timeline) Timeline {
	evs := make([]Event, len(t.Events))
	for i, ev := range t.Events {
		ev.Line = 0
		if ev.End != nil {
			end := *ev.End
			ev.End = &end
		}
		if ev.Media != nil {
			m := *ev.Media
			ev.Media = &m
		}
		evs[i] = ev
	}
	t.Events = evs
	// Groups are listed in the order they first appear in the file, and a
	// written file lists events in date order: compare them as a set.
	t.Groups = append([]string(nil), t.Groups...)
	sort.Strings(t.Groups)
	return t
}

// sameTimeline reports the first difference between two timelines.
func sameTimeline(t *testing.T, what string, got, want Timeline) {
	t.Helper()
	got, want = withoutLines(got), withoutLines(want)
	if got.Title != want.Title || got.Scale != want.Scale || !reflect.DeepEqual(got.Groups, want.Groups) {
		t.Errorf("%s: title/scale/groups %q %q %q, want %q %q %q", what, got.Title, got.Scale, got.Groups, want.Title, want.Scale, want.Groups)
	}
	if len(got.Events) != len(want.Events) || len(got.Eras) != len(want.Eras) {
		t.Fatalf("%s: %d events, %d eras; want %d, %d", what, len(got.Events), len(got.Eras), len(want.Events), len(want.Eras))
	}
	for i := range want.Events {
		if !reflect.DeepEqual(got.Events[i], want.Events[i]) {
			g, w := got.Events[i], want.Events[i]
			t.Errorf("%s: event %d:\n got %+v end %+v media %+v\nwant %+v end %+v media %+v", what, i, g, g.End, g.Media, w, w.End, w.Media)
		}
	}
	for i := range want.Eras {
		if !reflect.DeepEqual(got.Eras[i], want.Eras[i]) {
			t.Errorf("%s: era %d:\n got %+v\nwant %+v", what, i, got.Eras[i], want.Eras[i])
		}
	}
}

// normalText is what Markdown text becomes after a trip through HTML:
// the same text, written the way the HTML converter writes it.
func normalText(s string) string { return htmlToMarkdown(markdownToHTML(s)) }

// builtIn loads the pack built into the binary.
func builtIn(t *testing.T) *Pack {
	t.Helper()
	pack, probs, err := Load(os.DirFS("../../assets/pack"))
	if err != nil || len(probs) > 0 {
		t.Fatalf("built-in pack: %v %v", err, probs)
	}
	return pack
}

func TestTimelineJSValidPack(t *testing.T) {
	pack, probs := loadTestPack(t, "timelinejs-valid")
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	if got, want := pack.Counts().String(), "1 chapters, 5 timeline events, 2 eras, 0 photos, 0 audio tracks"; got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
	tl := pack.Timeline
	if tl.Title != "Bắc Kạn & Chi bộ Chí Kiên" || tl.Scale != "human" || !reflect.DeepEqual(tl.Groups, []string{"Chi bộ", "Phong trào"}) {
		t.Errorf("title %q scale %q groups %q", tl.Title, tl.Scale, tl.Groups)
	}
	var ids []string
	for _, ev := range tl.Events {
		ids = append(ids, ev.ID)
	}
	// Date order; an event without unique_id gets one from its headline.
	if want := []string{"dong-son", "bach-dang", "phong-trao", "thanh-lap", "khoi-nghia-gianh-chinh-quyen"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	ev := tl.Events[3]
	want := Event{
		ID:       "thanh-lap",
		Start:    Date{Year: 1943, Month: 9, Day: 22, Precision: PrecisionDay, Display: "Đêm 22/9/1943"},
		Display:  "Đêm 22/9/1943",
		Headline: "Thành lập Chi bộ Chí Kiên",
		Text:     "Chi bộ **Chí Kiên** ra đời.\n\nGồm:\\\ncác đồng chí\n\n- thứ nhất\n- thứ *hai*",
		Group:    "Chi bộ",
		Media: &Media{URL: "photos/ban-do.png", Caption: "Bản đồ minh hoạ",
			Credit: "Vẽ cho triển lãm (https://example.org/)", Alt: "Bản đồ nhỏ"},
		Chapter: "mot", Block: 1,
		Background: "#8b0000", // "darkred"
		Line:       20,
	}
	if !reflect.DeepEqual(ev, want) {
		t.Errorf("event:\n got %+v %+v\nwant %+v %+v", ev, ev.Media, want, want.Media)
	}
	if ev := tl.Events[2]; ev.Start.Precision != PrecisionSeason || ev.Display != "Mùa thu năm 1943" || ev.Start.Display != "" {
		t.Errorf("season event %+v", ev)
	}
	ki := tl.Events[4]
	if ki.Start != (Date{Year: 1945, Month: 8, Day: 19, Hour: 9, Minute: 30, Precision: PrecisionTime}) || ki.End == nil || ki.End.Day != 22 {
		t.Errorf("dates of %s: %+v %+v", ki.ID, ki.Start, ki.End)
	}
	// Web media are kept as written (a protocol-relative address made
	// https), never fetched.
	if ki.Media == nil || ki.Media.URL != "https://upload.wikimedia.org/x.jpg" || ki.Media.Thumbnail != "https://upload.wikimedia.org/x-small.jpg" ||
		ki.Background != "https://example.org/bg.jpg" {
		t.Errorf("web media of %s: %+v %q", ki.ID, ki.Media, ki.Background)
	}
	// A picture in the pack is preferred to a colour for the background.
	if bd := tl.Events[1]; bd.Background != "photos/ban-do.png" || bd.Media.URL != "https://www.youtube.com/watch?v=xyz" {
		t.Errorf("%s: background %q media %+v", bd.ID, bd.Background, bd.Media)
	}
	ds := tl.Events[0]
	if ds.Start.Year != -500 || ds.End == nil || ds.End.Year != -100 || ds.End.Display != "100 TCN" || ds.Display != "" {
		t.Errorf("BCE event %+v end %+v", ds, ds.End)
	}
	if e := tl.Eras[0]; e.Headline != "Văn hoá Đông Sơn" || e.Start.Year != -600 || e.End.Year != -200 {
		t.Errorf("first era %+v", e)
	}
}

func TestTimelineJSCosmological(t *testing.T) {
	pack, probs := loadTestPack(t, "timelinejs-cosmic")
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	if got, want := pack.Counts().String(), "1 chapters, 5 timeline events, 2 eras, 0 photos, 0 audio tracks"; got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
	tl := pack.Timeline
	if tl.Scale != "cosmological" || tl.Events[0].ID != "vu-no-lon" || tl.Events[0].Start.Year != -13_800_000_000 ||
		tl.Events[4].Start.Year != 5_000_000_000 || tl.Eras[0].Start.Year != -13_800_000_000 {
		t.Errorf("cosmological timeline: scale %q, first %+v, last %+v", tl.Scale, tl.Events[0], tl.Events[4])
	}
	// Without "scale", a year beyond the reach of JavaScript dates makes
	// the timeline cosmological, as in TimelineJS.
	tl2, probs := ParseTimelineJS([]byte(`{"events": [{"start_date": {"year": -13800000000}, "text": {"headline": "Big Bang"}}]}`), "x.json")
	if len(probs) > 0 || tl2.Scale != "cosmological" || tl2.Events[0].ID != "big-bang" {
		t.Errorf("scale %q, events %+v, problems %v", tl2.Scale, tl2.Events, probs)
	}
	// And the other way: a human timeline with such a year is written
	// cosmological, so TimelineJS can draw it.
	tl2.Scale = "human"
	out, err := TimelineJSON(tl2)
	if err != nil || !strings.Contains(string(out), `"scale": "cosmological"`) {
		t.Errorf("TimelineJSON = %s, %v", out, err)
	}
}

// The built-in pack's timeline survives a trip through TimelineJS JSON:
// events, eras, dates with precision and display dates, texts up to
// how Markdown is written, chapter links.
func TestTimelineJSRoundTripBuiltIn(t *testing.T) {
	pack := builtIn(t)
	orig := pack.Timeline
	if len(orig.Events) < 30 || len(orig.Eras) < 5 {
		t.Fatalf("built-in timeline has %d events, %d eras", len(orig.Events), len(orig.Eras))
	}
	out, err := TimelineJSON(orig)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out) {
		t.Fatalf("not JSON:\n%s", out)
	}
	got, probs, _ := ImportTimelineJS(pack, out, "timeline.json")
	if len(probs) > 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	want := withoutLines(orig)
	changed := 0
	for i := range want.Events {
		n := normalText(want.Events[i].Text)
		if n != want.Events[i].Text {
			changed++
		}
		want.Events[i].Text = n
	}
	for i := range want.Eras {
		want.Eras[i].Text = normalText(want.Eras[i].Text)
	}
	sameTimeline(t, "built-in → JSON → timeline", got, want)
	// The built-in texts are quotations in plain sentences: none should
	// need rewriting at all.
	if changed > 0 {
		t.Errorf("%d event texts of the built-in pack change on a trip through HTML", changed)
	}
	// Twice is the same as once.
	out2, err := TimelineJSON(got)
	if err != nil || string(out2) != string(out) {
		t.Errorf("second export differs from the first (err %v)", err)
	}
}

// TimelineJS JSON → timeline → JSON → timeline gives the same timeline.
func TestTimelineJSRoundTripSamples(t *testing.T) {
	for _, name := range []string{"timelinejs-valid/timeline.json", "timelinejs-cosmic/vu-tru.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		first, probs := ParseTimelineJS(data, "a.json")
		if len(probs) > 0 {
			t.Fatalf("%s: %v", name, problemStrings(probs))
		}
		out, err := TimelineJSON(first)
		if err != nil {
			t.Fatal(err)
		}
		second, probs := ParseTimelineJS(out, "b.json")
		if len(probs) > 0 {
			t.Fatalf("%s exported: %v\n%s", name, problemStrings(probs), out)
		}
		sameTimeline(t, name, second, first)
	}
}

// tomlView is what the pack's own format keeps of a timeline: one display
// date per event.
func tomlView(t Timeline) Timeline {
	t = withoutLines(t)
	for i := range t.Events {
		ev := &t.Events[i]
		if ev.Display == "" {
			ev.Display = jsCombinedDisplay(ev.Start, ev.End)
		}
		ev.Start.Display = ev.Display
		if ev.End != nil {
			ev.End.Display = ""
		}
	}
	return t
}

// TimelineTOML writes what loads back into the same timeline.
func TestTimelineTOMLRoundTrip(t *testing.T) {
	cases := map[string]*Pack{"built-in": builtIn(t)}
	for _, name := range []string{"timelinejs-valid", "timelinejs-cosmic", "valid"} {
		p, probs := loadTestPack(t, name)
		if len(probs) > 0 {
			t.Fatal(problemStrings(probs))
		}
		cases[name] = p
	}
	for name, p := range cases {
		files := fstest.MapFS{}
		for path, b := range readFS(t, p.FS) {
			files[path] = &fstest.MapFile{Data: b}
		}
		manifest := string(files[ManifestName].Data)
		if i := strings.Index(manifest, "[timeline]"); i >= 0 {
			manifest = manifest[:i]
		}
		files[ManifestName] = &fstest.MapFile{Data: []byte(manifest + "[timeline]\nfile = \"generated.toml\"\n")}
		files["generated.toml"] = &fstest.MapFile{Data: TimelineTOML(p.Timeline)}
		back, probs, err := Load(files)
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s: reloading the written timeline: %v\n%s\n%s", name, err, strings.Join(problemStrings(probs), "\n"), files["generated.toml"].Data)
		}
		sameTimeline(t, name+" → TOML → timeline", back.Timeline, tomlView(p.Timeline))
	}
}

// readFS reads every file of a file system, keyed by path.
func readFS(t *testing.T, fsys fs.FS) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		files[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestHTMLToMarkdown(t *testing.T) {
	tests := []struct{ in, md, plain string }{
		{"", "", ""},
		{"Plain text", "Plain text", "Plain text"},
		{"<p>One <b>bold</b> and <i> italic </i>.</p><p>Two&nbsp;&amp; more</p>",
			"One **bold** and *italic* .\n\nTwo\u00a0& more", "One bold and italic . Two\u00a0& more"},
		{"Whitney Houston<br/> 1963 - 2012", "Whitney Houston\\\n1963 - 2012", "Whitney Houston 1963 - 2012"},
		{"<strong><em>both</em></strong>", "***both***", "both"},
		{`flickr/<a href='http://www.flickr.com/photos/tm_10001/'>tm_10001</a>`,
			"flickr/tm_10001 (http://www.flickr.com/photos/tm_10001/)", "flickr/tm_10001 (http://www.flickr.com/photos/tm_10001/)"},
		{`<a href="https://example.org">https://example.org</a>`, "https://example.org", "https://example.org"},
		{`<a href="#top">back</a> <a href="javascript:x()">run</a>`, "back run", "back run"},
		{"<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><ol start=3><li>three</li></ol>",
			"- one\n- two\n  - nested\n\n3. three", "one two nested three"},
		{"<blockquote><p>quoted</p><p>two</p></blockquote>tail", "> quoted\n>\n> two\n\ntail", "quoted two tail"},
		{"<h2>Title</h2><p>body</p>", "## Title\n\nbody", "Title body"},
		{"<script>alert(1)</script><style>p{}</style>Safe<iframe src=x></iframe>", "Safe", "Safe"},
		{`<img src="a.jpg" alt="Ảnh chụp"> caption`, "Ảnh chụp caption", "Ảnh chụp caption"},
		{"<span style='color:red'>Đỏ</span> <unknown>tag</unknown> <!-- comment -->", "Đỏ tag", "Đỏ tag"},
		// Text that Markdown would read as markup is escaped.
		{"a *star* [x] <b>", "a \\*star\\* \\[x\\]", "a *star* [x]"},
		{"&lt;b&gt;not bold&lt;/b&gt; &amp;copy;", "\\<b>not bold\\</b> \\&copy;", "<b>not bold</b> &copy;"},
		{"1943. A year<br>- not a list<br># not a heading", "1943\\. A year\\\n\\- not a list\\\n\\# not a heading", "1943. A year - not a list # not a heading"},
		{"<pre>  keep\n  lines\n</pre>", "keep\\\nlines", "keep lines"},
	}
	for _, tt := range tests {
		if got := htmlToMarkdown(tt.in); got != tt.md {
			t.Errorf("htmlToMarkdown(%q)\n = %q\nwant %q", tt.in, got, tt.md)
		}
		if got := htmlToPlain(tt.in); got != tt.plain {
			t.Errorf("htmlToPlain(%q) = %q, want %q", tt.in, got, tt.plain)
		}
	}
}

// What the converter writes means, as Markdown, what the HTML meant: a
// second trip changes nothing, and no tag survives as text.
func TestMarkdownHTMLStable(t *testing.T) {
	for _, s := range []string{
		"Chi bộ **Chí Kiên** ra đời.\n\nGồm:\\\ncác đồng chí\n\n- thứ nhất\n- thứ *hai*",
		"_nghiêng_ và __đậm__\ndòng nối",
		"1. một\n2. hai\n\n> trích dẫn",
		"a \\*star\\* \\[x\\] \\<b> \\&copy;",
		"<b>raw html</b> is left out, [a link](https://example.org) is kept as text",
		"1943\\. A year",
	} {
		once := normalText(s)
		if twice := normalText(once); twice != once {
			t.Errorf("not stable: %q → %q → %q", s, once, twice)
		}
		if h := markdownToHTML(s); strings.Contains(h, "<b>raw") || strings.Contains(h, "<script") {
			t.Errorf("raw HTML passed through: %q", h)
		}
		blocks := parseBlocks([]byte(once), 1)
		for _, b := range blocks {
			if strings.Contains(b.Text(), "<b>raw") || strings.Contains(b.Text(), "](") {
				t.Errorf("markup shown as text in %q: %q", once, b.Text())
			}
		}
	}
	if got := normalText("[a link](https://example.org)"); got != "a link (https://example.org)" {
		t.Errorf("link = %q", got)
	}
}

func TestParseTimelineJSProblems(t *testing.T) {
	tests := []struct {
		name, json string
		want       []string
	}{
		{"empty", "", []string{`x.json:1: Timeline file “x.json” is not valid JSON (the file is empty). Check the commas, braces {} and brackets [] near the line given.`}},
		{"array", `[1, 2]`, []string{`x.json:1: Timeline file “x.json” is not valid JSON (a TimelineJS timeline is an object {…}, not a list). Check the commas, braces {} and brackets [] near the line given.`}},
		{"cut short", "{\n\"events\": [\n", []string{`x.json:3: Timeline file “x.json” is not valid JSON (the file ends too early (a } or ] is missing)). Check the commas, braces {} and brackets [] near the line given.`}},
		{"trailing", "{\"events\": []}\n{}", []string{`x.json:2: Timeline file “x.json” is not valid JSON (there is more after the timeline's closing }). Check the commas, braces {} and brackets [] near the line given.`}},
		{"bom and unknown keys", "\ufeff{\"events\": [], \"colour\": 1,\n\"eras\": [{\"start_date\": {\"year\": 1, \"week\": 2}, \"end_date\": {\"year\": 2}}]}", []string{}}, // unknown keys are notes (TestTimelineJSNotes)
		{"parts", `{"events": [
{"unique_id": "a", "start_date": {"year": 1943.5}, "text": {"headline": "A"}},
{"unique_id": "b", "start_date": {"year": "99999999999999999999"}, "text": {"headline": "B"}},
{"unique_id": "c", "start_date": {"year": 1943, "month": 1, "hour": 9}, "text": {"headline": "C"}},
{"unique_id": "d", "start_date": {"year": 1943, "month": 1, "day": 2, "hour": 25}, "text": {"headline": "D"}},
{"unique_id": "e", "start_date": {"year": 1943, "month": true}, "text": {"headline": "E"}},
{"unique_id": "f", "start_date": {"year": 1943, "month": "", "day": ""}, "text": {"headline": "F"}},
{"unique_id": "a", "start_date": {"year": 1}, "text": {"headline": "dup"}},
{"unique_id": 7, "start_date": {"year": 1}, "text": {"headline": "number id"}}
], "scale": "galactic"}`, []string{
			`x.json:2: events[1].start_date.year: The year of date “start_date” is 1943.5, not a whole number. Write a number, e.g. "month": 9.`,
			`x.json:3: events[2].start_date.year: event "b": The year in “99999999999999999999” is too large.`,
			`x.json:4: events[3].start_date.hour: event "c": Date “start_date” gives hour without day. Add the day or remove the hour.`,
			`x.json:5: events[4].start_date.hour: “1943-01-02T25:00:00”: time 25:00:00 is not a time of day.`,
			`x.json:6: events[5].start_date.month: The month of date “start_date” is true/false, not a whole number. Write a number, e.g. "month": 9.`,
			`x.json:8: events[7].unique_id: Event ID “a” is already used by events[1]; this event is left out.`,
			`x.json:10: scale: Scale “galactic” must be “human” or “cosmological”; using “human”.`,
		}},
		{"media and background", `{"events": [
{"unique_id": "m", "start_date": {"year": 1943},
 "text": {"headline": "M"},
 "media": {"url": "ftp://x/y.jpg"},
 "background": {"color": "not-a-colour"}},
{"unique_id": "n", "start_date": {"year": 1943},
 "text": {"headline": "N"},
 "media": {"url": "/static/img/x.jpg", "thumbnail": "../x.jpg"},
 "background": {"color": "#12", "url": "C:\\bg.jpg"},
 "trienlam": {"precision": "day", "block": 2}}
]}`, []string{
			`x.json:4: events[1].media.url: Event “m”: “ftp://x/y.jpg” is neither a file in the pack nor an http(s) address.`,
			`x.json:5: events[1].background.color: Event “m”: background “not-a-colour” is not a colour like “#A51C1C”.`,
			`x.json:8: events[2].media.url: event "n": Path “/static/img/x.jpg” must be relative to the pack folder, like “photos/x.jpg”.`,
			`x.json:9: events[2].background.color: Event “n”: background “#12” is not a colour like “#A51C1C”.`,
			`x.json:9: events[2].background.url: event "n": Path “C:/bg.jpg” must be relative to the pack folder, like “photos/x.jpg”.`,
			`x.json:10: events[2].trienlam.precision: Event “n”: precision “day” is finer than the date 1943 gives.`,
			`x.json:10: events[2].trienlam.block: Event “n”: block is set but chapter is not.`,
		}},
		{"not utf-8", "{\"events\": [\n\"\xff\"]}", []string{`x.json:2: “x.json” is not valid UTF-8 text (save the file as UTF-8).`}},
		{"events not a list", `{"events": {"a": 1}}`, []string{`x.json:1: events: “events” must be a list of tables ([[events]]).`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParseTimelineJS([]byte(tt.json), "x.json")
			got := problemStrings(probs)
			if len(got) == 0 && len(tt.want) == 0 {
				got = tt.want
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			for _, p := range probs {
				if p.Kind == "" || p.Args == nil {
					t.Errorf("problem without Kind/Args: %#v", p)
				}
			}
		})
	}
	// Good events are kept around the bad ones; an id given as a number
	// is read as text, and empty date parts are no parts.
	tl, _ := ParseTimelineJS([]byte(tests[5].json), "x.json")
	var ids []string
	for _, ev := range tl.Events {
		ids = append(ids, ev.ID)
	}
	if want := []string{"7", "f"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("kept %v, want %v", ids, want)
	}
}

// Against a pack, media must be in it and chapter links must lead
// somewhere.
func TestImportTimelineJSChecksPack(t *testing.T) {
	pack, _ := loadTestPack(t, "timelinejs-valid")
	data := []byte(`{"events": [
{"unique_id": "a", "start_date": {"year": 1943}, "text": {"headline": "A"},
 "media": {"url": "photos/khong-co.jpg"},
 "trienlam": {"chapter": "khong-co"}},
{"unique_id": "b", "start_date": {"year": 1943}, "text": {"headline": "B"},
 "background": {"url": "photos/ban-do.png"},
 "trienlam": {"chapter": "mot", "block": 9}}
]}`)
	_, probs, _ := ImportTimelineJS(pack, data, "moi.json")
	want := []string{
		`moi.json:3: events[1].media.url: File “photos/khong-co.jpg” not found. Copy it into the pack or correct the path.`,
		`moi.json:4: events[1].trienlam.chapter: Event “a”: no chapter with ID “khong-co”; the link is dropped.`,
		`moi.json:7: events[2].trienlam.block: Event “b”: chapter “mot” has blocks 0 to 1, not 9; the link is dropped.`,
	}
	if got := problemStrings(probs); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// Outside a pack only the form of paths is checked, and links kept.
	tl, probs := ParseTimelineJS(data, "moi.json")
	if len(probs) > 0 || tl.Events[0].Chapter != "khong-co" || tl.Events[0].Media.URL != "photos/khong-co.jpg" {
		t.Errorf("ParseTimelineJS: %v, %+v", problemStrings(probs), tl.Events[0])
	}
}

func TestTimelineJSONShape(t *testing.T) {
	if _, err := TimelineJSON(Timeline{Title: "x"}); err == nil {
		t.Error("a timeline without events was written; TimelineJS refuses it")
	}
	tl := Timeline{
		Title: "A < B",
		Eras:  []Era{{Start: Date{Year: 1930}, End: Date{Year: 1945}}},
		Events: []Event{
			{ID: "a", Headline: "x & <y>", Start: Date{Year: 1943, Month: 9, Day: 22, Hour: 0, Precision: PrecisionTime},
				Text: "**b** <script>alert(1)</script>", Group: "G", Background: "#A51C1C"},
			{ID: "b", Headline: "plain", Start: Date{Year: 1943, Month: 9, Precision: PrecisionSeason}, Chapter: "c", Block: 2,
				Media: &Media{URL: "https://example.org/a.jpg", Caption: "c"}, Background: "photos/x.jpg"},
		},
	}
	out, err := TimelineJSON(tl)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Title  map[string]map[string]string `json:"title"`
		Scale  string                       `json:"scale"`
		Events []map[string]any             `json:"events"`
		Eras   []map[string]any             `json:"eras"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if v.Title["text"]["headline"] != "A &lt; B" || v.Scale != "human" || len(v.Events) != 2 || len(v.Eras) != 1 {
		t.Errorf("top level: %s", out)
	}
	// TimelineJS reads era.text.headline unconditionally: text is always there.
	if _, ok := v.Eras[0]["text"]; !ok {
		t.Errorf("era without text: %s", out)
	}
	a := v.Events[0]
	text := a["text"].(map[string]any)
	if text["headline"] != "x &amp; &lt;y&gt;" || text["text"] != "<p><strong>b</strong> <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>" {
		t.Errorf("event text: %v", text)
	}
	if sd := a["start_date"].(map[string]any); sd["hour"] != 0.0 || sd["minute"] != 0.0 || sd["day"] != 22.0 {
		t.Errorf("a time at midnight keeps hour and minute: %v", sd)
	}
	if a["background"].(map[string]any)["color"] != "#A51C1C" || a[jsExtension] != nil {
		t.Errorf("event a: %v", a)
	}
	b := v.Events[1]
	if ext := b[jsExtension].(map[string]any); ext["precision"] != "season" || ext["chapter"] != "c" || ext["block"] != 2.0 {
		t.Errorf("event b extension: %v", ext)
	}
	if b["background"].(map[string]any)["url"] != "photos/x.jpg" || b["media"].(map[string]any)["url"] != "https://example.org/a.jpg" {
		t.Errorf("event b: %v", b)
	}
	if !strings.HasPrefix(string(out), "{\n  \"title\"") || strings.Contains(string(out), `\u003c`) {
		t.Errorf("not indented or HTML escaped by the encoder:\n%s", out)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Thành lập Chi bộ Chí Kiên": "thanh-lap-chi-bo-chi-kien",
		"Đêm 22/9/1943":             "dem-22-9-1943",
		"  --  ":                    "",
		"Big Bang!":                 "big-bang",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseTimelineJS checks that no input makes the TimelineJS reader
// panic, that every problem has a Kind, and that what it accepts can be
// written back and read again without problems.
func FuzzParseTimelineJS(f *testing.F) {
	for _, name := range []string{"timelinejs-valid/timeline.json", "timelinejs-cosmic/vu-tru.json", "timeline-json/timeline.json", "timelinejs-bad-json/timeline.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`{"events": [{"start_date": {"year": "-0"}, "text": {"headline": "<ul><li><ol><li>x</ol></ul><pre>a\n</pre>"}}]}`)
	f.Add(`{"events": [{"start_date": {"year": 1e400}}], "eras": [null, 5]}`)
	f.Fuzz(func(t *testing.T, s string) {
		tl, probs := ParseTimelineJS([]byte(s), "f.json")
		for _, p := range probs {
			if p.Kind == "" || p.Args == nil || p.Message == "" {
				t.Fatalf("problem without Kind/Args/Message: %#v", p)
			}
		}
		if len(tl.Events) == 0 {
			return
		}
		out, err := TimelineJSON(tl)
		if err != nil {
			t.Fatal(err)
		}
		back, probs := ParseTimelineJS(out, "g.json")
		if len(probs) > 0 {
			t.Fatalf("written JSON has problems: %v\n%s", problemStrings(probs), out)
		}
		if len(back.Events) != len(tl.Events) || len(back.Eras) != len(tl.Eras) {
			t.Fatalf("%d events, %d eras came back of %d, %d", len(back.Events), len(back.Eras), len(tl.Events), len(tl.Eras))
		}
	})
}

// TestTimelineJSNotes imports what TimelineJS's own samples hold besides
// dates and text: embedded media, a blockquote, "type", settings the
// exhibit does not use. Nothing is refused; each dropped field is listed
// once; the blockquote becomes a quote.
func TestTimelineJSNotes(t *testing.T) {
	data := []byte(`{"title": {"text": {"headline": "T", "text": "<p>intro</p>"}, "media": {"url": "x.jpg"}},
"events": [
{"type": "overview", "autolink": false, "start_date": {"year": 1943, "millisecond": 5, "format": "YYYY"},
 "text": {"headline": "Bác's tweet"}, "media": {"url": "<blockquote class=\"twitter-tweet\"><p>Một câu trích.</p></blockquote>", "credit": "Ai đó", "link": "https://x", "title": "m"},
 "background": {"opacity": 50, "color": "#A51C1C"}},
{"start_date": {"year": 1944}, "text": {"headline": "iframe"}, "media": {"url": "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>"}, "autolink": true},
{"start_date": {"year": 1945}, "text": {"headline": "B"}, "media": {"url": "<blockquote>Hai</blockquote>"}}
]}`)
	tl, probs, notes := ImportTimelineJS(nil, data, "s.json")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(tl.Events) != 3 {
		t.Fatalf("%d events, want 3", len(tl.Events))
	}
	var all []string
	for _, n := range notes {
		all = append(all, n.String())
	}
	got := strings.Join(all, "\n")
	for _, want := range []string{
		"left out: events.autolink, events.background.opacity, events.media.link, events.media.title, events.start_date.format, events.start_date.millisecond, events.type, title.media, title.text.text.",
		`Event “iframe”: its media is embedded from the web`, "cannot be shown offline",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("notes lack %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "events.autolink") != 1 {
		t.Errorf("a dropped field is listed more than once:\n%s", got)
	}
	if ev := tl.Events[0]; ev.Text != "> Một câu trích.\n>\n> — Ai đó" || ev.Media != nil || ev.Headline != "Bác's tweet" {
		t.Errorf("blockquote event: %+v", ev)
	}
	out, err := TimelineJSON(tl)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("&#39;")) || !bytes.Contains(out, []byte("Bác's tweet")) {
		t.Errorf("apostrophe escaped in the export: %s", out)
	}
}
