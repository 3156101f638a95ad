package exhibit

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// problemStrings formats problems the way `trienlam validate` prints them.
func problemStrings(probs []Problem) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = p.String()
	}
	return out
}

func loadTestPack(t *testing.T, name string) (*Pack, []Problem) {
	t.Helper()
	pack, probs, pfs, err := LoadPath(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("LoadPath(%s): %v\nproblems:\n%s", name, err, strings.Join(problemStrings(probs), "\n"))
	}
	t.Cleanup(func() { pfs.Close() })
	return pack, probs
}

func TestLoadValid(t *testing.T) {
	pack, probs := loadTestPack(t, "valid")
	if len(probs) > 0 {
		t.Fatalf("valid pack has problems:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	if got, want := pack.Counts().String(), "2 chapters, 3 timeline events, 1 eras, 1 photos, 2 audio tracks"; got != want {
		t.Errorf("counts = %q, want %q", got, want)
	}
	if pack.ID != "thu-nghiem" || pack.Title != "Kỷ niệm 80 năm ngày thành lập Chi bộ Chí Kiên" || pack.Subtitle != "22/9/1943 – 22/9/2023" {
		t.Errorf("header = %q %q %q", pack.ID, pack.Title, pack.Subtitle)
	}
	if !strings.HasPrefix(pack.Source.OriginalText, "ĐỀ CƯƠNG TUYÊN TRUYỀN") {
		t.Errorf("original text = %q", pack.Source.OriginalText)
	}
	if len(pack.Credits) != 2 || len(pack.Notes) != 2 {
		t.Errorf("credits %v notes %v", pack.Credits, pack.Notes)
	}

	c1 := pack.Chapter("hoan-canh")
	if c1.Title != "Hoàn cảnh ra đời" { // from front matter
		t.Errorf("chapter 1 title = %q", c1.Title)
	}
	if c1.PresenterNotes != "Nói chậm ở đoạn này." || !reflect.DeepEqual(c1.Photos, []string{"ban-do"}) {
		t.Errorf("chapter 1 front matter: notes %q photos %v", c1.PresenterNotes, c1.Photos)
	}
	if c1.Narration != "audio/01.wav" || c1.Captions != "audio/01.vtt" {
		t.Errorf("chapter 1 audio = %q %q", c1.Narration, c1.Captions)
	}
	c2 := pack.Chapter("thanh-lap")
	if c2.Title != "Thành lập Chi bộ" { // manifest wins
		t.Errorf("chapter 2 title = %q", c2.Title)
	}
	if c2.Narration != "audio/01.wav" { // from front matter
		t.Errorf("chapter 2 narration = %q", c2.Narration)
	}

	ph := pack.Photo("ban-do")
	if ph == nil || ph.Width != 4 || ph.Height != 3 || ph.Kind != KindIllustration {
		t.Errorf("photo = %+v", ph)
	}

	tl := pack.Timeline
	if tl.Title != "Dòng thời gian" || tl.Scale != "human" {
		t.Errorf("timeline %q %q", tl.Title, tl.Scale)
	}
	var ids []string
	for _, e := range tl.Events {
		ids = append(ids, e.ID)
	}
	// Sorted by date: "1943" sorts before "1943-09-22".
	if want := []string{"dau-nam-1943", "thanh-lap-chi-bo", "ky-niem-80"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("event order = %v, want %v", ids, want)
	}
	if want := []string{"Chi bộ", "Phong trào"}; !reflect.DeepEqual(tl.Groups, want) {
		t.Errorf("groups = %v, want %v", tl.Groups, want)
	}
	ev := tl.Events[1]
	if ev.Start != (Date{Year: 1943, Month: 9, Day: 22, Precision: PrecisionDay, Display: "Đêm 22/9/1943"}) {
		t.Errorf("event start = %+v", ev.Start)
	}
	if ev.Chapter != "thanh-lap" || ev.Block != 1 || ev.Media == nil || ev.Media.URL != "photos/ban-do.png" || ev.Line != 8 {
		t.Errorf("event = %+v media %+v", ev, ev.Media)
	}
	last := tl.Events[2]
	if last.Start.Precision != PrecisionDay || last.End == nil || last.End.Day != 23 || last.Media.URL != "https://example.org/anh.jpg" {
		t.Errorf("TOML-date event = %+v", last)
	}
	if len(tl.Eras) != 1 || tl.Eras[0].End != (Date{Year: 1945, Month: 8, Precision: PrecisionMonth}) {
		t.Errorf("eras = %+v", tl.Eras)
	}
}

func TestLoadValidBlocks(t *testing.T) {
	pack, _ := loadTestPack(t, "valid")
	got := pack.Chapter("hoan-canh").Blocks
	want := []Block{
		{Kind: Heading, Level: 1, Spans: []Span{{Text: "Hoàn cảnh lịch sử"}}, Line: 7},
		{Kind: Paragraph, Line: 9, Spans: []Span{
			{Text: "Đầu năm 1943, phong trào cách mạng "},
			{Text: "ở địa phương", Emphasis: true},
			{Text: " phát triển "},
			{Text: "mạnh mẽ và ", Strong: true},
			{Text: "sâu rộng", Strong: true, Emphasis: true},
			{Text: ". Dòng thứ hai của đoạn văn."},
		}},
		{Kind: ListItem, Level: 1, Spans: []Span{{Text: "Mục thứ nhất"}}, Line: 12},
		{Kind: ListItem, Level: 1, Spans: []Span{{Text: "Mục thứ hai"}}, Line: 13},
		{Kind: ListItem, Level: 2, Number: 1, Spans: []Span{{Text: "Mục con có số"}}, Line: 14},
		{Kind: ListItem, Level: 2, Number: 2, Spans: []Span{{Text: "Mục con thứ hai"}}, Line: 15},
		{Kind: Quote, Spans: []Span{{Text: "Trích dẫn: “Không có gì quý hơn độc lập, tự do.”"}}, Line: 17},
		{Kind: Paragraph, Spans: []Span{{Text: "Dòng có ngắt cứng\ndòng tiếp theo với mã và liên kết."}}, Line: 19},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %+v\nwant %+v", got, want)
	}
	c2 := pack.Chapter("thanh-lap").Blocks
	if c2[2].Number != 3 || c2[3].Number != 4 || c2[0].Line != 4 {
		t.Errorf("chapter 2 blocks = %+v", c2)
	}
}

// TestLoadBroken loads each broken pack in testdata and checks the exact
// problem report, as `trienlam validate` would print it.
func TestLoadBroken(t *testing.T) {
	tests := []struct {
		pack     string
		problems []string
		chapters []string // IDs that still load
	}{
		{"missing-chapter", []string{
			`pack.toml:11: chapters[2].file: File “chapters/x.md” not found. Copy it into the pack or correct the path.`,
		}, []string{"mot"}},
		{"bad-utf8", []string{
			`chapters/01.md:3: “chapters/01.md” is not valid UTF-8 text (save the file as UTF-8); the chapter is left out.`,
		}, []string{"hai"}},
		{"dup-ids", []string{
			`pack.toml:10: chapters[2].id: Chapter ID “mot” is already used by chapters[1]; this chapter is left out.`,
			`pack.toml:18: photos[2].id: Photo ID “anh” is used twice; this entry is left out.`,
		}, []string{"mot"}},
		{"dup-events", []string{
			`timeline.toml:7: events[2].id: Event ID “a” is already used by events[1]; this event is left out.`,
		}, []string{"mot"}},
		{"bad-dates", []string{
			`timeline.toml:3: events[1].start: event "thang-13": “1943-13”: month 13 is not between 1 and 12.`,
			`timeline.toml:8: events[2].start: event "ngay-32": “1943-01-32”: day 32 is not between 1 and 31 for that month.`,
			`timeline.toml:13: events[3].start: event "khong-nhuan": “1943-02-29”: day 29 is not between 1 and 28 for that month.`,
			`timeline.toml:19: events[4].end: event "ket-thuc-truoc": End 1945-08-18 is before start 1945-08-19.`,
			`timeline.toml:24: events[5].start: event "thieu-nam": Date “--09-22” has no year.`,
		}, []string{"mot"}},
		{"corrupt-photo", []string{
			`pack.toml:8: chapters[1].photos: Photo “hong” could not be loaded (see its own problem); not shown.`,
			`pack.toml:8: chapters[1].photos: Photo “mat” could not be loaded (see its own problem); not shown.`,
			`pack.toml:12: photos[1].file: Photo “photos/hong.jpg” is not a readable JPEG, PNG or WebP image: unexpected EOF.`,
			`pack.toml:20: photos[3].file: File “photos/mat.jpg” not found. Copy it into the pack or correct the path.`,
		}, []string{"mot"}},
		{"timeline-json", []string{
			`timeline.json:6: events[1].start_date.month: event "thang-13": “1943-13”: month 13 is not between 1 and 12.`,
			`timeline.json:11: events[2].start_date.day: event "ngay-32": “1943-01-32”: day 32 is not between 1 and 31 for that month.`,
			`timeline.json:17: events[3].end_date: event "ket-thuc-truoc": End 1945-08-18 is before start 1945-08-19.`,
			`timeline.json:21: events[4].start_date: event "Thiếu năm": Date “start_date” has no year (required). Add "year", e.g. "year": 1943; years before the common era are negative, e.g. -500.`,
			`timeline.json:24: events[5].start_date: event "khong-ngay": Date “start_date” is missing (required). Add it, e.g. "start_date": {"year": 1943, "month": 9, "day": 22}.`,
			`timeline.json:30: events[6].start_date: event "ngay-chu": Date “start_date” must be written like {"year": 1943, "month": 9, "day": 22}.`,
			`timeline.json:35: events[7].start_date.month: event "thang-chu": The month of date “start_date” is "Sept", not a whole number. Write a number, e.g. "month": 9.`,
			`timeline.json:40: events[8].start_date.day: event "ngay-khong-thang": Date “start_date” gives day without month. Add the month or remove the day.`,
			`timeline.json:46: events[9].text.headline: Event “khong-tieu-de” has no headline (text.headline), so it is left out. Add "headline" to the event's "text".`,
		}, []string{"mot"}},
		{"broken-links", []string{
			`pack.toml:2: id: ID “Lien_Ket_Hong” must use only lowercase letters a-z, digits and '-'.`,
			`pack.toml:4: colour: Unknown key “colour” is ignored (known keys: format, id, title, subtitle, language, cover, notes, source, credits, chapters, photos, clips, timeline).`,
			`pack.toml:9: chapters[1].narration: Narration “audio/01.xyz”: “.xyz” files are not supported; use .ogg .mp3 .wav .flac .m4a .aac .opus .wma.`,
			`pack.toml:10: chapters[1].captions: Captions “audio/01.vtt” are not WebVTT: the file must start with WEBVTT.`,
			`pack.toml:11: chapters[1].photos: Unknown photo ID “khong-co”: add it as a [[photos]] entry in pack.toml.`,
			`pack.toml:20: chapters[3].narattion: Unknown key “narattion” is ignored (known keys: id, file, title, narration, captions, photos, clips, notes).`,
			`pack.toml:25: photos[1].kind: Kind “painting” must be “photo” or “illustration”; shown as an illustration.`,
			`chapters/02-trong.md: Chapter “trong” has no text; it is left out.`,
			`chapters/03.md:2: title: “chapters/03.md” cannot be read: a closing quote is missing on line 2: text must start and end with " on the same line. (Technical detail: not valid TOML: strings cannot contain newlines)`,
			`timeline.toml:2: scale: Scale “galactic” must be “human” or “cosmological”; using “human”.`,
			`timeline.toml:8: events[1].chapter: Event “khong-chuong”: no chapter with ID “khong-ton-tai”; the link is dropped.`,
			`timeline.toml:15: events[2].block: Event “khoi-qua-xa”: chapter “mot” has blocks 0 to 2, not 12; the link is dropped.`,
			`timeline.toml:21: events[3].background: Event “anh-mat”: background “#GGG” is not a colour like “#A51C1C”.`,
			`timeline.toml:23: events[3].media.url: event "anh-mat": File “photos/mat.jpg” not found. Copy it into the pack or correct the path.`,
			`timeline.toml:25: events[4].headline: Event “khong-tieu-de”: headline is missing (required).`,
		}, []string{"mot", "ba"}},
	}
	for _, tt := range tests {
		t.Run(tt.pack, func(t *testing.T) {
			pack, probs := loadTestPack(t, tt.pack)
			got := problemStrings(probs)
			if !reflect.DeepEqual(got, tt.problems) {
				t.Errorf("problems:\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.problems, "\n  "))
			}
			var ids []string
			for _, c := range pack.Chapters {
				ids = append(ids, c.ID)
			}
			if !reflect.DeepEqual(ids, tt.chapters) {
				t.Errorf("chapters loaded = %v, want %v", ids, tt.chapters)
			}
		})
	}
}

func TestLoadBrokenDatesKeepsGoodEvents(t *testing.T) {
	pack, _ := loadTestPack(t, "bad-dates")
	var ids []string
	for _, e := range pack.Timeline.Events {
		ids = append(ids, e.ID)
	}
	if want := []string{"tcn", "nhuan"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("events = %v, want %v", ids, want)
	}
	if pack.Timeline.Events[0].Start.Year != -500 {
		t.Errorf("negative year = %d", pack.Timeline.Events[0].Start.Year)
	}
}

func TestLoadBadTOML(t *testing.T) {
	pack, probs, pfs, err := LoadPath(filepath.Join("testdata", "bad-toml"))
	if err == nil || pack != nil || pfs != nil {
		t.Fatalf("LoadPath(bad-toml) = %v, %v, %v; want an error", pack, pfs, err)
	}
	want := `pack.toml:4: title: “pack.toml” cannot be read: a closing quote is missing on line 4: text must start and end with " on the same line. (Technical detail: not valid TOML: strings cannot contain newlines)`
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("problems = %q, want [%q]", problemStrings(probs), want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
}

// TestLoadFatal covers the packs that cannot be read at all.
func TestLoadFatal(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		err      string
		problem  string
		format   bool // whether the error wraps ErrUnsupportedFormat
	}{
		{"no format", "id = \"x\"\n", "format missing", "pack.toml: format: pack.toml must start with format = 1.", true},
		{"format 2", "format = 2\nid = \"x\"\n", "format 2", "pack.toml:1: format: Format 2 is not supported by this version of Trienlam, which reads format 1.", true},
		{"format text", "format = \"1\"\n", "not a number", "pack.toml:1: format: “format” must be a whole number.", true},
		{"latin-1", "format = 1\ntitle = \"Caf\xe9\"\n", "not valid UTF-8", "pack.toml:2: “pack.toml” is not valid UTF-8 text (save the file as UTF-8).", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pack, probs, err := Load(fstest.MapFS{ManifestName: {Data: []byte(tt.manifest)}})
			if err == nil || pack != nil {
				t.Fatalf("Load = %v, %v; want error", pack, err)
			}
			if !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %q does not contain %q", err, tt.err)
			}
			if errors.Is(err, ErrUnsupportedFormat) != tt.format {
				t.Errorf("errors.Is(%v, ErrUnsupportedFormat) = %v", err, !tt.format)
			}
			if len(probs) != 1 || probs[0].String() != tt.problem {
				t.Errorf("problems = %q, want [%q]", problemStrings(probs), tt.problem)
			}
		})
	}
	if pack, _, err := Load(nil); err == nil || pack != nil {
		t.Errorf("Load(nil) = %v, %v; want an error", pack, err)
	}
	_, probs, err := Load(fstest.MapFS{})
	if err == nil || len(probs) != 1 || probs[0].String() != "pack.toml: pack.toml not found: a pack needs a pack.toml file at its top level." {
		t.Errorf("empty fs: %v %q", err, problemStrings(probs))
	}
}

// TestLoadMisc covers manifest details that need no file of their own.
func TestLoadMisc(t *testing.T) {
	png := readTree(t, "testdata/valid")["photos/ban-do.png"]
	fsys := fstest.MapFS{
		ManifestName: {Data: []byte("\ufeffformat = 1\r\nid = \"x\"\r\ntitle = \"T\"\r\nnotes = \"one note\"\r\n" +
			"[[chapters]]\r\nid = \"a\"\r\nfile = 'chapters\\a.md'\r\nphotos = \"p\"\r\n" +
			"[[chapters]]\r\nid = \"b\"\r\nfile = \"../b.md\"\r\n" +
			"[[chapters]]\r\nid = \"c\"\r\nfile = \"c.md\"\r\n" +
			"[[photos]]\r\nid = \"p\"\r\nfile = \"p.png\"\r\n")},
		"chapters/a.md": {Data: []byte("\ufeffMột đoạn *không* có tiêu đề.\r\nDòng hai.\r\n")},
		"c.md":          {Data: []byte("+++\ntitle = \"C\"\n")},
		"p.png":         {Data: png},
	}
	pack, probs, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`pack.toml:5: chapters[1].title: Chapter “a” has no title: set title, or start the file with a # heading.`,
		`pack.toml:11: chapters[2].file: Path “../b.md” points outside the pack.`,
		`c.md:1: Front matter opened with +++ on line 1 is never closed by a +++ line; the chapter is left out.`,
	}
	if got := problemStrings(probs); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(pack.Notes, []string{"one note"}) || pack.Language != "vi" {
		t.Errorf("notes %q language %q", pack.Notes, pack.Language)
	}
	a := pack.Chapter("a")
	if a == nil || a.File != "chapters/a.md" || a.Title != "a" || !reflect.DeepEqual(a.Photos, []string{"p"}) {
		t.Fatalf("chapter a = %+v", a)
	}
	if got := a.Blocks[0].Text(); got != "Một đoạn không có tiêu đề. Dòng hai." {
		t.Errorf("CRLF text = %q", got)
	}
}

// TestDirSymlinkOutside checks that a folder pack cannot read a file
// through a link leading outside it.
func TestDirSymlinkOutside(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.png")
	if err := os.WriteFile(outside, readTree(t, "testdata/valid")["photos/ban-do.png"], 0o644); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"pack.toml": "format = 1\nid = \"x\"\ntitle = \"T\"\n[[chapters]]\nid = \"a\"\nfile = \"a.md\"\n" +
			"[[photos]]\nid = \"p\"\nfile = \"photos/p.png\"\n[[photos]]\nid = \"q\"\nfile = \"photos/q.png\"\n",
		"a.md": "# A\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "photos"), 0o755)
	if err := os.Symlink(outside, filepath.Join(dir, "photos", "p.png")); err != nil {
		t.Skip("symlinks not available:", err)
	}
	// A link that stays inside the pack is fine.
	if err := os.Symlink("p-real.png", filepath.Join(dir, "photos", "q.png")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "photos", "p-real.png"), readTree(t, "testdata/valid")["photos/ban-do.png"], 0o644)

	pack, probs, pfs, err := LoadPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	want := []string{`pack.toml:9: photos[1].file: File “photos/p.png” is a link to outside the pack; copy the file into the pack instead.`}
	if got := problemStrings(probs); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
	if pack.Photo("q") == nil || pack.Photo("p") != nil {
		t.Errorf("photos = %+v", pack.Photos)
	}
	if _, err := pfs.Open("photos/p.png"); !errors.Is(err, ErrOutsidePack) {
		t.Errorf("Open(link outside) err = %v, want ErrOutsidePack", err)
	}
}

func TestOpenPackTOMLPath(t *testing.T) {
	pack, _, pfs, err := LoadPath(filepath.Join("testdata", "valid", "pack.toml"))
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	if pack.ID != "thu-nghiem" || pfs.Path() != filepath.Join("testdata", "valid", "pack.toml") {
		t.Errorf("pack %q path %q", pack.ID, pfs.Path())
	}
}

func BenchmarkLoadValid(b *testing.B) {
	pfs, err := Open(filepath.Join("testdata", "valid"))
	if err != nil {
		b.Fatal(err)
	}
	defer pfs.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, probs, err := Load(pfs); err != nil || len(probs) > 0 {
			b.Fatal(err, probs)
		}
	}
}

// FuzzLoadManifest loads arbitrary pack.toml, chapter and timeline text:
// the loader must never panic, whatever staff type.
func FuzzLoadManifest(f *testing.F) {
	valid := readTree(f, "testdata/valid")
	f.Add(string(valid["pack.toml"]), string(valid["chapters/01-hoan-canh.md"]), string(valid["timeline.toml"]))
	f.Add("format = 1\n[[chapters]]\nid=\"a\"\nfile=\"a.md\"\n", "+++\n+++\n", "[[events]]\nid=\"x\"\nstart=\"-0\"\n")
	f.Add("format = 1\nchapters = 3\nphotos = [1]\n[timeline]\nfile=\"t.toml\"", "> - 1. *", "events = [{id=1}]")
	f.Add("format = 1\n[[chapters]]\nid=\"a\"\nfile=\"a.md\"\nphotos=[\"ban-do\",3]\n[timeline]\nfile=\"timeline.toml\"", "", "[[events]]\nid=\"e\"\nstart=\"99999999999999999999\"\nchapter=\"a\"\nblock=-1\n")
	f.Fuzz(func(t *testing.T, manifest, chapter, timeline string) {
		fsys := fstest.MapFS{}
		for name, b := range valid {
			fsys[name] = &fstest.MapFile{Data: b}
		}
		fsys[ManifestName] = &fstest.MapFile{Data: []byte(manifest)}
		fsys["a.md"] = &fstest.MapFile{Data: []byte(chapter)}
		fsys["chapters/01-hoan-canh.md"] = &fstest.MapFile{Data: []byte(chapter)}
		fsys["timeline.toml"] = &fstest.MapFile{Data: []byte(timeline)}
		fsys["t.toml"] = &fstest.MapFile{Data: []byte(timeline)}
		pack, probs, err := Load(fsys)
		if err == nil && pack == nil {
			t.Fatal("nil pack without error")
		}
		for _, p := range probs {
			_ = p.String()
		}
	})
}

// A chapter places a picture after one of its blocks with "id@block";
// references that cannot be used are reported by file, line and field,
// and the picture falls back to the end of the chapter.
func TestPhotoPlacement(t *testing.T) {
	png := readTree(t, "testdata/valid")["photos/ban-do.png"]
	fsys := fstest.MapFS{
		ManifestName: {Data: []byte(`format = 1
id = "x"
title = "T"

[[chapters]]
id = "a"
file = "a.md"
photos = ["p@2", " q @ 0 ", "r"]

[[chapters]]
id = "b"
file = "b.md"
photos = ["p@3", "q@ba", "q@-1", "khong-co@1"]

[[chapters]]
id = "c"
file = "b.md"

[[photos]]
id = "p"
file = "p.png"

[[photos]]
id = "q"
file = "p.png"

[[photos]]
id = "r"
file = "p.png"
`)},
		"a.md":  {Data: []byte("# A\n\nMột.\n\nHai.\n")},
		"b.md":  {Data: []byte("+++\nphotos = [\"r@1\"]\n+++\n# B\n\nMột.\n\nHai.\n")},
		"p.png": {Data: png},
	}
	pack, probs, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`pack.toml:13: chapters[2].photos: “p@3”: b.md has blocks 0 to 2, so there is no block 3; the picture is shown after the text.`,
		`pack.toml:13: chapters[2].photos: “q@ba”: after the @ comes the number of the block the picture follows, counted from 0, like “q@3”; the picture is shown after the text.`,
		`pack.toml:13: chapters[2].photos: “q@-1”: after the @ comes the number of the block the picture follows, counted from 0, like “q@3”; the picture is shown after the text.`,
		`pack.toml:13: chapters[2].photos: Unknown photo ID “khong-co”: add it as a [[photos]] entry in pack.toml.`,
	}
	if got := problemStrings(probs); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	a := pack.Chapter("a")
	if !reflect.DeepEqual(a.Photos, []string{"p", "q", "r"}) || !reflect.DeepEqual(a.PhotoAfter, map[string]int{"p": 2, "q": 0}) {
		t.Errorf("chapter a: photos %q placed %v", a.Photos, a.PhotoAfter)
	}
	b := pack.Chapter("b")
	if !reflect.DeepEqual(b.Photos, []string{"p", "q", "q"}) || len(b.PhotoAfter) != 0 {
		t.Errorf("chapter b: photos %q placed %v (pack.toml wins over the front matter)", b.Photos, b.PhotoAfter)
	}
	if c := pack.Chapter("c"); !reflect.DeepEqual(c.PhotoAfter, map[string]int{"r": 1}) {
		t.Errorf("chapter c: placed %v, want r after block 1 from the front matter", c.PhotoAfter)
	}
}
