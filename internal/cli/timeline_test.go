package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// tjs is the folder of the TimelineJS test files.
var tjs = filepath.Join("testdata", "timelinejs")

// copyDir copies a test pack folder into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// loadTimeline loads a pack folder and returns its timeline; it must have
// no problems.
func loadTimeline(t *testing.T, dir string) exhibit.Timeline {
	t.Helper()
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("load %s: %v %v", dir, err, probs)
	}
	pfs.Close()
	return pack.Timeline
}

// comparable drops what says where an event was written.
func comparable(tl exhibit.Timeline) exhibit.Timeline {
	evs := append([]exhibit.Event(nil), tl.Events...)
	for i := range evs {
		evs[i].Line = 0
	}
	tl.Events = evs
	tl.Groups = nil
	return tl
}

func TestImportTimeline(t *testing.T) {
	dir := copyDir(t, filepath.Join(tjs, "pack"))
	before, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	r := run("import-timeline", filepath.Join(tjs, "sample.json"), "--pack", dir)
	want := "imported 5 events, 2 eras into " + filepath.Join(dir, "timeline.toml") + "\n" +
		"note: sample.json: These TimelineJS fields are not used by the exhibit and were left out: title.text.text.\n" +
		`added [timeline] file = "timeline.toml" to ` + filepath.Join(dir, "pack.toml") + "\n"
	if r.code != 0 || r.stderr != "" || r.stdout != want {
		t.Fatalf("import = %d\nstdout %q\nstderr %q\nwant %q", r.code, r.stdout, r.stderr, want)
	}
	// pack.toml: the table appended, nothing else touched.
	after, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	if string(after) != string(before)+"\n[timeline]\nfile = \"timeline.toml\"\n" {
		t.Errorf("pack.toml now:\n%s", after)
	}
	// The pack validates and counts the imported timeline.
	if r := run("validate", dir); r.code != 0 || r.stdout != "1 chapters, 5 timeline events, 2 eras, 0 photos, 0 audio tracks\n" {
		t.Errorf("validate = %d %q %q", r.code, r.stdout, r.stderr)
	}
	toml, _ := os.ReadFile(filepath.Join(dir, "timeline.toml"))
	for _, want := range []string{
		`title = "Bắc Kạn 1900 – 2050"`,
		"[[events]]\nid = \"van-lang\"\nstart = \"-700\"\nend = \"-258\"\n",
		"id = \"phong-trao\"\nstart = \"1943-09\"\nprecision = \"season\"\ndisplay = \"Mùa thu năm 1943\"",
		`start = "1945-08-19T07:30"`,
		"id = \"khoi-nghia-gianh-chinh-quyen\"",
		"text = \"\"\"\nChi bộ **Chí Kiên** ra đời, tiền thân của Đảng bộ tỉnh.\n\nGồm các đồng chí:\n\n1. Đồng chí thứ nhất\n2. Đồng chí thứ *hai*\"\"\"",
		"text = \"\"\"\nXem thêm tại trang tư liệu (https://example.org/tai-lap).\\\\\nDòng thứ hai & hết.\"\"\"",
		"url = \"https://www.youtube.com/watch?v=abcdefghijk\"\ncaption = \"Phim tư liệu (trên mạng)\"\ncredit = \"Đài truyền hình (https://example.org)\"\nthumbnail = \"https://example.org/thumb.jpg\"",
		`background = "https://example.org/trong-dong.jpg"`,
		"url = \"photos/anh.png\"\ncaption = \"Ảnh minh hoạ\"",
	} {
		if !strings.Contains(string(toml), want) {
			t.Errorf("timeline.toml lacks %q:\n%s", want, toml)
		}
	}
	for _, never := range []string{"<", "script", "alert"} {
		if strings.Contains(string(toml), never) {
			t.Errorf("timeline.toml holds %q:\n%s", never, toml)
		}
	}

	// Import → export → import: the same timeline, the same file.
	out := filepath.Join(t.TempDir(), "out.json")
	r = run("export-timeline", "--pack", dir, out)
	if want := "exported 5 events, 2 eras from " + dir + " to " + out + "\n"; r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Fatalf("export = %d %q %q; want %q", r.code, r.stdout, r.stderr, want)
	}
	again := copyDir(t, filepath.Join(tjs, "pack"))
	if r := run("import-timeline", out, "--pack", again); r.code != 0 {
		t.Fatalf("re-import = %d %q %q", r.code, r.stdout, r.stderr)
	}
	toml2, _ := os.ReadFile(filepath.Join(again, "timeline.toml"))
	if !bytes.Equal(toml, toml2) {
		t.Errorf("import → export → import changed timeline.toml:\n%s\n---\n%s", toml, toml2)
	}
	if a, b := comparable(loadTimeline(t, dir)), comparable(loadTimeline(t, again)); !reflect.DeepEqual(a, b) {
		t.Errorf("timelines differ:\n%+v\n%+v", a, b)
	}
}

// Nothing the user made is overwritten, and a refusal writes nothing.
func TestImportTimelineRefuses(t *testing.T) {
	sample := filepath.Join(tjs, "sample.json")
	dir := copyDir(t, filepath.Join(tjs, "pack"))
	if r := run("import-timeline", sample, "--pack", dir); r.code != 0 {
		t.Fatalf("first import = %d %q", r.code, r.stderr)
	}
	tomlBefore, _ := os.ReadFile(filepath.Join(dir, "timeline.toml"))
	packBefore, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	r := run("import-timeline", sample, "--pack", dir)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "timeline.toml already exists; nothing was written (move it away") || r.stdout != "" {
		t.Errorf("second import = %d %q %q", r.code, r.stdout, r.stderr)
	}
	tomlAfter, _ := os.ReadFile(filepath.Join(dir, "timeline.toml"))
	packAfter, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
	if !bytes.Equal(tomlBefore, tomlAfter) || !bytes.Equal(packBefore, packAfter) {
		t.Error("a refused import changed the pack")
	}

	// A pack that already names another timeline.
	other := copyDir(t, filepath.Join(tjs, "cosmic-pack"))
	packBefore, _ = os.ReadFile(filepath.Join(other, "pack.toml"))
	r = run("import-timeline", sample, "--pack", other)
	if r.code != ExitFailure || !strings.Contains(r.stderr, `already names "vu-tru.json" as the timeline; nothing was written`) {
		t.Errorf("import into a pack with a timeline = %d %q", r.code, r.stderr)
	}
	packAfter, _ = os.ReadFile(filepath.Join(other, "pack.toml"))
	if _, err := os.Stat(filepath.Join(other, "timeline.toml")); err == nil || !bytes.Equal(packBefore, packAfter) {
		t.Error("a refused import wrote into the pack")
	}

	// An empty [timeline] table gets the key under its header; CRLF kept.
	crlf := copyDir(t, filepath.Join(tjs, "pack"))
	manifest := strings.ReplaceAll(string(packBefore), "\n", "\r\n")
	manifest = strings.Replace(manifest, "[timeline]\r\nfile = \"vu-tru.json\"\r\n", "[timeline] # to do\r\n", 1)
	manifest = strings.Replace(manifest, `id = "cli-cosmic"`, `id = "crlf"`, 1)
	os.WriteFile(filepath.Join(crlf, "pack.toml"), []byte(manifest), 0o644)
	if r := run("import-timeline", sample, "--pack", crlf); r.code != 0 {
		t.Fatalf("import with an empty [timeline] = %d %q %q", r.code, r.stdout, r.stderr)
	}
	got, _ := os.ReadFile(filepath.Join(crlf, "pack.toml"))
	if want := strings.Replace(manifest, "[timeline] # to do\r\n", "[timeline] # to do\r\nfile = \"timeline.toml\"\r\n", 1); string(got) != want {
		t.Errorf("pack.toml:\n%q\nwant\n%q", got, want)
	}
}

// Bad dates stop the import with problems naming the event, the JSON file
// and its line; nothing is written.
func TestImportTimelineBadDates(t *testing.T) {
	tests := map[string]string{
		"month-13.json":         `month-13.json:5: events[1].start_date.month: event "thang-13": “1943-13”: month 13 is not between 1 and 12.`,
		"day-32.json":           `day-32.json:9: events[2].start_date.day: event "Ngày 32 tháng Giêng": “1943-01-32”: day 32 is not between 1 and 31 for that month.`,
		"end-before-start.json": `end-before-start.json:6: events[1].end_date: event "ket-thuc-truoc": End 1945-08-18 is before start 1945-08-19.`,
		"no-year.json":          `no-year.json:5: events[1].start_date: event "thieu-nam": Date “start_date” has no year (required). Add "year", e.g. "year": 1943; years before the common era are negative, e.g. -500.`,
	}
	for file, want := range tests {
		dir := copyDir(t, filepath.Join(tjs, "pack"))
		before, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
		r := run("import-timeline", filepath.Join(tjs, file), "--pack", dir)
		if r.code != ExitFailure || r.stdout != want+"\n" || !strings.Contains(r.stderr, "has 1 problems; nothing was written") {
			t.Errorf("import %s = %d\nstdout %q\nwant   %q\nstderr %q", file, r.code, r.stdout, want+"\n", r.stderr)
		}
		after, _ := os.ReadFile(filepath.Join(dir, "pack.toml"))
		if _, err := os.Stat(filepath.Join(dir, "timeline.toml")); err == nil || !bytes.Equal(before, after) {
			t.Errorf("import %s wrote into the pack", file)
		}
	}
}

// A cosmological timeline (13.8 billion years) validates, counted, and
// converts both ways.
func TestCosmologicalTimeline(t *testing.T) {
	r := run("validate", filepath.Join(tjs, "cosmic-pack"))
	if r.code != 0 || r.stdout != "1 chapters, 5 timeline events, 2 eras, 0 photos, 0 audio tracks\n" {
		t.Errorf("validate = %d %q %q", r.code, r.stdout, r.stderr)
	}
	dir := copyDir(t, filepath.Join(tjs, "pack"))
	if r := run("import-timeline", filepath.Join(tjs, "cosmic.json"), "--pack", dir); r.code != 0 {
		t.Fatalf("import = %d %q %q", r.code, r.stdout, r.stderr)
	}
	tl := loadTimeline(t, dir)
	if tl.Scale != "cosmological" || tl.Events[0].Start.Year != -13_800_000_000 || len(tl.Eras) != 2 {
		t.Errorf("imported %+v", tl)
	}
	out := filepath.Join(t.TempDir(), "vu-tru.json")
	if r := run("export-timeline", "--pack", filepath.Join(tjs, "cosmic-pack"), out); r.code != 0 {
		t.Fatalf("export = %d %q %q", r.code, r.stdout, r.stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), `"year": -13800000000`) || !strings.Contains(string(b), `"scale": "cosmological"`) {
		t.Errorf("exported:\n%s", b)
	}
}

func TestExportTimelineBuiltIn(t *testing.T) {
	pack, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "chi-kien.json")
	r := run("export-timeline", out)
	want := "exported " + strconv.Itoa(len(pack.Timeline.Events)) + " events, " + strconv.Itoa(len(pack.Timeline.Eras)) + " eras from the built-in pack to " + out + "\n"
	if r.code != 0 || r.stdout != want || r.stderr != "" {
		t.Fatalf("export = %d %q %q; want %q", r.code, r.stdout, r.stderr, want)
	}
	b, _ := os.ReadFile(out)
	var v struct {
		Title  struct{ Text struct{ Headline string } }
		Events []struct {
			UniqueID  string `json:"unique_id"`
			StartDate struct {
				Year any
			} `json:"start_date"`
			Text struct{ Headline, Text string }
		}
		Eras []json.RawMessage
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Events) != len(pack.Timeline.Events) || len(v.Eras) != len(pack.Timeline.Eras) || v.Title.Text.Headline == "" {
		t.Errorf("exported %d events, %d eras, title %q", len(v.Events), len(v.Eras), v.Title.Text.Headline)
	}
	for _, ev := range v.Events {
		if ev.UniqueID == "" || ev.Text.Headline == "" {
			t.Errorf("event without id or headline: %+v", ev)
		}
		if _, ok := ev.StartDate.Year.(float64); !ok {
			t.Errorf("year is not a number: %+v", ev)
		}
	}
	// Never overwritten.
	r = run("export-timeline", out)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "already exists; nothing was written") {
		t.Errorf("second export = %d %q", r.code, r.stderr)
	}
	if b2, _ := os.ReadFile(out); !bytes.Equal(b, b2) {
		t.Error("second export changed the file")
	}
	// A pack without a timeline: nothing to write.
	out2 := filepath.Join(t.TempDir(), "none.json")
	r = run("export-timeline", "--pack", filepath.Join("testdata", "good"), out2)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "TimelineJS needs at least one; nothing was written") {
		t.Errorf("export of a pack without timeline = %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("a file was written for an empty timeline")
	}
}

func TestTimelineUsageErrors(t *testing.T) {
	sample := filepath.Join(tjs, "sample.json")
	pack := filepath.Join(tjs, "pack")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"import-timeline"}, "import-timeline takes one timeline file (TimelineJS .json, or .xlsx/.csv in its sheet columns), got 0 arguments"},
		{[]string{"import-timeline", sample, sample, "--pack", pack}, "got 2 arguments"},
		{[]string{"import-timeline", sample}, "--pack DIR is required"},
		{[]string{"import-timeline", "", "--pack", pack}, "the file path is empty"},
		{[]string{"import-timeline", "testdata/no-such.json", "--pack", pack}, "testdata/no-such.json: no such file or directory"},
		{[]string{"import-timeline", sample, "--pack", "testdata/no-such-pack"}, "--pack testdata/no-such-pack: no such file or directory"},
		{[]string{"import-timeline", sample, "--pack", "testdata/not-a-zip.zip"}, "not a folder; import-timeline writes into a pack folder"},
		{[]string{"import-timeline", sample, "--pack", "testdata/no-manifest"}, "pack.toml not found"},
		{[]string{"import-timeline", sample, "--pack"}, "flag needs an argument: -pack"},
		{[]string{"--pack", pack, "import-timeline", sample}, "put it after the command: trienlam import-timeline FILE.json|.xlsx|.csv --pack DIR"},
		{[]string{"export-timeline"}, "export-timeline takes one output file, got 0 arguments"},
		{[]string{"export-timeline", ""}, "the output file path is empty"},
		{[]string{"export-timeline", "--pack", "", "x.json"}, "--pack: the path is empty"},
		{[]string{"export-timeline", "--pack", "testdata/no-such-pack", "x.json"}, "--pack testdata/no-such-pack: no such file or directory"},
		{[]string{"export-timeline", "--pack", "testdata/bad-toml", filepath.Join(t.TempDir(), "x.json")}, "not valid TOML"},
	}
	for _, tt := range tests {
		r := run(tt.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tt.want) || len(r.gui) != 0 {
			t.Errorf("Run(%q) = %d, stdout %q, stderr %q; want 2 with %q", tt.args, r.code, r.stdout, r.stderr, tt.want)
		}
	}
	// Flags may come before or after the file; after -- all are files.
	dir := copyDir(t, pack)
	if r := run("import-timeline", "--pack", dir, "--", sample); r.code != 0 {
		t.Errorf("flags first = %d %q", r.code, r.stderr)
	}
	if r := run("help"); !strings.Contains(r.stdout, "import-timeline FILE.json|.xlsx|.csv --pack DIR") || !strings.Contains(r.stdout, "export-timeline [--pack PATH] OUT.json") {
		t.Errorf("help lacks the timeline commands:\n%s", r.stdout)
	}
}

// TestImportTimelineChecksPackFirst gives an endless input to a pack that
// already has a timeline: refused at once, before the input is read.
func TestImportTimelineChecksPackFirst(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	dir := copyDir(t, filepath.Join(tjs, "pack"))
	if r := run("import-timeline", filepath.Join(tjs, "sample.json"), "--pack", dir); r.code != 0 {
		t.Fatalf("first import = %d %q", r.code, r.stderr)
	}
	r := run("import-timeline", "/dev/zero", "--pack", dir)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("import /dev/zero = %d %q", r.code, r.stderr)
	}
	// Into a fresh pack, the endless input stops at the size limit.
	r = run("import-timeline", "/dev/zero", "--pack", copyDir(t, filepath.Join(tjs, "pack")))
	if r.code != ExitUsage || !strings.Contains(r.stderr, "larger than 8 MiB") {
		t.Errorf("import /dev/zero into a fresh pack = %d %q", r.code, r.stderr)
	}
}
