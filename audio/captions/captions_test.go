package captions

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const sampleVTT = "\ufeffWEBVTT - Chi bộ Chí Kiên\r\n" +
	"\r\n" +
	"NOTE made by narrate\r\n" +
	"-- a comment of two lines\r\n" +
	"\r\n" +
	"STYLE\r\n" +
	"::cue { color: yellow }\r\n" +
	"\r\n" +
	"b0:0-42\r\n" +
	"00:00.000 --> 00:02.500\r\n" +
	"Ngày 22 tháng 9 năm 1943, Chi bộ Chí Kiên\r\n" +
	"được thành lập.\r\n" +
	"\r\n" +
	"7\r\n" +
	"00:00:03.000 --> 00:00:04.250 align:start\r\n" +
	"<v Người đọc>Đồng chí &amp; <b>nhân dân</b></v>\r\n" +
	"\r\n" +
	"00:04.250 --> 00:05.000\r\n" +
	"No identifier.\r\n" +
	"\r\n" +
	"b12:100-250\r\n" +
	"01:00:00.001 --> 01:00:02.000\r\n" +
	"An hour in.\r\n"

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func TestParse(t *testing.T) {
	cues, err := parseCues(strings.NewReader(sampleVTT))
	if err != nil {
		t.Fatal(err)
	}
	want := []Cue{
		{Start: 0, End: ms(2500), Text: "Ngày 22 tháng 9 năm 1943, Chi bộ Chí Kiên\nđược thành lập.", ID: "b0:0-42", Block: 0, From: 0, To: 42},
		{Start: ms(3000), End: ms(4250), Text: "Đồng chí & nhân dân", ID: "7", Block: -1},
		{Start: ms(4250), End: ms(5000), Text: "No identifier.", ID: "", Block: -1},
		{Start: time.Hour + ms(1), End: time.Hour + ms(2000), Text: "An hour in.", ID: "b12:100-250", Block: 12, From: 100, To: 250},
	}
	if !reflect.DeepEqual(cues, want) {
		t.Errorf("got\n%#v\nwant\n%#v", cues, want)
	}
	// NOTE blocks are kept, STYLE blocks are not.
	f, _ := Parse(strings.NewReader(sampleVTT))
	if want := []string{"made by narrate\n-- a comment of two lines"}; !reflect.DeepEqual(f.Notes, want) {
		t.Errorf("notes %q, want %q", f.Notes, want)
	}
}

func TestParseSortsAndRejects(t *testing.T) {
	cues, err := parseCues(strings.NewReader("WEBVTT\n\nb\n00:05.000 --> 00:06.000\nB\n\na\n00:01.000 --> 00:02.000\nA\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cues) != 2 || cues[0].ID != "a" || cues[1].ID != "b" {
		t.Errorf("cues not sorted by start: %+v", cues)
	}
	for _, bad := range []string{
		"",
		"no header\n\n00:01.000 --> 00:02.000\nx\n",
		"WEBVTT\n\n00:0x.000 --> 00:02.000\nx\n",
		"WEBVTT\n\n00:03.000 --> 00:02.000\nbackwards\n",
	} {
		if _, err := parseCues(strings.NewReader(bad)); err == nil {
			t.Errorf("parseCues(%q) gave no error", bad)
		}
	}
}

func TestReadFileNamesTheFile(t *testing.T) {
	fsys := fstest.MapFS{
		"audio/01.vtt":  {Data: []byte(sampleVTT)},
		"audio/bad.vtt": {Data: []byte("SRT, not WebVTT\n")},
	}
	cues, err := ReadFile(fsys, "audio/01.vtt")
	if err != nil || len(cues) != 4 {
		t.Fatalf("ReadFile = %d cues, %v", len(cues), err)
	}
	_, err = ReadFile(fsys, "audio/bad.vtt")
	if err == nil || !strings.HasPrefix(err.Error(), "audio/bad.vtt: ") {
		t.Errorf("error %v does not name the file", err)
	}
	_, err = ReadFile(fsys, "audio/missing.vtt")
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "audio/missing.vtt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestCueID(t *testing.T) {
	for _, tc := range []struct {
		id              string
		block, from, to int
		ok              bool
	}{
		{"b0:0-42", 0, 0, 42, true},
		{"b12:100-250", 12, 100, 250, true},
		{"b3:7-7", 3, 7, 7, true},
		{"b3:8-7", 0, 0, 0, false},
		{"b-1:0-1", 0, 0, 0, false},
		{"b1:0-1x", 0, 0, 0, false},
		{"b1:-1-2", 0, 0, 0, false},
		{"b1:+1-2", 0, 0, 0, false},
		{"B1:0-1", 0, 0, 0, false},
		{"b1:0", 0, 0, 0, false},
		{"b:0-1", 0, 0, 0, false},
		{"7", 0, 0, 0, false},
		{"", 0, 0, 0, false},
		{"b99999999999:0-1", 0, 0, 0, false},
	} {
		b, f, to, ok := ParseCueID(tc.id)
		if b != tc.block || f != tc.from || to != tc.to || ok != tc.ok {
			t.Errorf("ParseCueID(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", tc.id, b, f, to, ok, tc.block, tc.from, tc.to, tc.ok)
		}
		if tc.ok && CueID(tc.block, tc.from, tc.to) != tc.id {
			t.Errorf("CueID(%d, %d, %d) = %q", tc.block, tc.from, tc.to, CueID(tc.block, tc.from, tc.to))
		}
	}
}

func TestCueAt(t *testing.T) {
	cues := []Cue{
		{Start: ms(500), End: ms(1000)},
		{Start: ms(1000), End: ms(2000)}, // adjacent to the first
		{Start: ms(2500), End: ms(3000)}, // a gap before
	}
	for _, tc := range []struct {
		t    time.Duration
		want int
	}{
		{-ms(1), -1}, {0, -1}, {ms(499), -1},
		{ms(500), 0}, {ms(999), 0},
		{ms(1000), 1}, {ms(1999), 1},
		{ms(2000), -1}, {ms(2499), -1},
		{ms(2500), 2}, {ms(2999), 2},
		{ms(3000), -1}, {time.Hour, -1},
	} {
		if got := CueAt(cues, tc.t); got != tc.want {
			t.Errorf("CueAt(%s) = %d, want %d", tc.t, got, tc.want)
		}
	}
	if CueAt(nil, 0) != -1 {
		t.Error("CueAt(nil) != -1")
	}
}

func TestWriteRoundTrip(t *testing.T) {
	cues := []Cue{
		{Start: 0, End: ms(2500), Text: "Ngày 22 tháng 9 năm 1943,\nChi bộ Chí Kiên được thành lập.", ID: "b0:0-42", Block: 0, To: 42},
		{Start: ms(2500), End: ms(4001), Text: "A & B <not a tag> --> arrow &gt;", ID: "b0:43-60", Block: 0, From: 43, To: 60},
		{Start: ms(5000), End: ms(6000), Text: "No identifier", Block: -1},
		{Start: time.Hour + 2*time.Minute + ms(3004), End: time.Hour + 2*time.Minute + ms(4000), Text: "Late", ID: "42", Block: -1},
	}
	var buf bytes.Buffer
	if err := Write(&buf, cues); err != nil {
		t.Fatal(err)
	}
	wantText := "WEBVTT\n\n" +
		"b0:0-42\n00:00:00.000 --> 00:00:02.500\nNgày 22 tháng 9 năm 1943,\nChi bộ Chí Kiên được thành lập.\n\n" +
		"b0:43-60\n00:00:02.500 --> 00:00:04.001\nA &amp; B &lt;not a tag&gt; --&gt; arrow &amp;gt;\n\n" +
		"00:00:05.000 --> 00:00:06.000\nNo identifier\n\n" +
		"42\n01:02:03.004 --> 01:02:04.000\nLate\n"
	if buf.String() != wantText {
		t.Errorf("Write wrote\n%s\nwant\n%s", buf.String(), wantText)
	}
	back, err := parseCues(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, cues) {
		t.Errorf("round trip:\n%#v\nwant\n%#v", back, cues)
	}

	// Sub-millisecond times are rounded.
	buf.Reset()
	if err := Write(&buf, []Cue{{Start: 1500 * time.Microsecond, End: 2499 * time.Microsecond, Text: "x"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "00:00:00.002 --> 00:00:00.002") {
		t.Errorf("not rounded to ms: %q", buf.String())
	}
}

func TestWriteRejectsBadCues(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, nil); err != nil || buf.String() != "WEBVTT\n" {
		t.Errorf("empty: %q, %v", buf.String(), err)
	}
	for _, c := range []Cue{
		{Start: ms(2), End: ms(1), Text: "backwards"},
		{Start: -ms(1), End: ms(1), Text: "negative"},
		{End: ms(1), ID: "a --> b"},
		{End: ms(1), ID: "two\nlines"},
		{End: ms(1), ID: " padded"},
	} {
		if err := Write(&buf, []Cue{c}); err == nil {
			t.Errorf("Write(%+v) gave no error", c)
		}
	}
}

// parseCues returns the cues Parse reads.
func parseCues(r io.Reader) ([]Cue, error) {
	f, err := Parse(r)
	return f.Cues, err
}

func TestTimestamps(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "00:00:00.000"},
		{9966 * time.Millisecond, "00:00:09.966"},
		{time.Duration(1234567) * time.Microsecond, "00:00:01.235"}, // rounded
		{time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond, "01:02:03.004"},
	}
	for _, c := range cases {
		got := formatTimestamp(c.d)
		if got != c.want {
			t.Errorf("formatTimestamp(%v) = %q, want %q", c.d, got, c.want)
		}
		back, err := parseTimestamp(got)
		if err != nil || back != c.d.Round(time.Millisecond) {
			t.Errorf("parseTimestamp(%q) = %v, %v", got, back, err)
		}
	}
	if d, err := parseTimestamp("01:02.500"); err != nil || d != 62500*time.Millisecond {
		t.Errorf("parseTimestamp(mm:ss.ttt) = %v, %v", d, err)
	}
	for _, bad := range []string{"", "1.000", "00:00:00,000", "00:60:00.000", "00:00:00.0", "aa:00.000"} {
		if _, err := parseTimestamp(bad); err == nil {
			t.Errorf("parseTimestamp(%q) accepted", bad)
		}
	}
}

func TestWriteNotes(t *testing.T) {
	cues := []Cue{
		{ID: "b0:0-29", Block: 0, To: 29, Start: 300 * time.Millisecond, End: 2700 * time.Millisecond, Text: "ĐỀ CƯƠNG TUYÊN TRUYỀN"},
		{ID: "b1:0-20", Block: 1, To: 20, Start: 2700 * time.Millisecond, End: 5 * time.Second, Text: "A < B & C > D --> E"},
		{Start: 5 * time.Second, End: 6 * time.Second, Text: "không có mã", Block: -1},
	}
	var b bytes.Buffer
	if err := Write(&b, cues, "Giọng đọc tổng hợp (espeak-ng)", "hai\n\ndòng --> x"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	want := "WEBVTT\n\nNOTE Giọng đọc tổng hợp (espeak-ng)\n\nNOTE hai\ndòng -> x\n\n" +
		"b0:0-29\n00:00:00.300 --> 00:00:02.700\nĐỀ CƯƠNG TUYÊN TRUYỀN\n\n" +
		"b1:0-20\n00:00:02.700 --> 00:00:05.000\nA &lt; B &amp; C &gt; D --&gt; E\n\n" +
		"00:00:05.000 --> 00:00:06.000\nkhông có mã\n"
	if out != want {
		t.Errorf("Write wrote\n%s\nwant\n%s", out, want)
	}
	f, err := Parse(strings.NewReader(out))
	if want := []string{"Giọng đọc tổng hợp (espeak-ng)", "hai\ndòng -> x"}; err != nil || !reflect.DeepEqual(f.Notes, want) {
		t.Errorf("notes read back %q (%v), want %q", f.Notes, err, want)
	}
	got, err := parseCues(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cues) {
		t.Fatalf("ReadVTT: %d cues, want %d", len(got), len(cues))
	}
	for i := range cues {
		if got[i] != cues[i] {
			t.Errorf("cue %d: read %+v, wrote %+v", i, got[i], cues[i])
		}
	}
}

func TestParseHeaderStyleAndNotes(t *testing.T) {
	in := "\ufeffWEBVTT - tiêu đề\r\nX-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:0\r\n\r\n" +
		"STYLE\r\n::cue { color: yellow }\r\n\r\n" +
		"NOTE ghi chú\r\n\r\n" +
		"1\r\n00:01.000 --> 00:02.500 align:start line:0\r\n<i>Dòng</i> một\r\ndòng hai &amp; ba\r\n\r\n\r\n" +
		"00:00:02.500 --> 00:00:04.000\r\nKhông mã\r\n"
	cues, err := parseCues(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Cue{
		{ID: "1", Block: -1, Start: time.Second, End: 2500 * time.Millisecond, Text: "Dòng một\ndòng hai & ba"},
		{Block: -1, Start: 2500 * time.Millisecond, End: 4 * time.Second, Text: "Không mã"},
	}
	if len(cues) != len(want) {
		t.Fatalf("got %+v", cues)
	}
	for i := range want {
		if cues[i] != want[i] {
			t.Errorf("cue %d = %+v, want %+v", i, cues[i], want[i])
		}
	}
	for name, bad := range map[string]string{
		"no header":   "1\n00:00.000 --> 00:01.000\nx\n",
		"bad time":    "WEBVTT\n\n00:00 --> 00:01.000\nx\n",
		"no timing":   "WEBVTT\n\nid\ntext\n",
		"no end time": "WEBVTT\n\n00:00.000 -->\nx\n",
	} {
		if _, err := parseCues(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: ReadVTT accepted %q", name, bad)
		}
	}
}
