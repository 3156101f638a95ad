package speech

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
)

func TestCueID(t *testing.T) {
	id := CueID(12, 381, 488)
	if id != "b12:381-488" {
		t.Fatalf("CueID = %q", id)
	}
	if b, s, e, ok := ParseCueID(id); !ok || b != 12 || s != 381 || e != 488 {
		t.Errorf("ParseCueID(%q) = %d %d %d %v", id, b, s, e, ok)
	}
	for _, bad := range []string{"", "1", "b1", "b1:2", "b1:5-2", "x1:2-3", "b1:2-3 ", "b-1:2-3"} {
		if _, _, _, ok := ParseCueID(bad); ok {
			t.Errorf("ParseCueID(%q) accepted", bad)
		}
	}
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
		got := FormatTimestamp(c.d)
		if got != c.want {
			t.Errorf("FormatTimestamp(%v) = %q, want %q", c.d, got, c.want)
		}
		back, err := ParseTimestamp(got)
		if err != nil || back != c.d.Round(time.Millisecond) {
			t.Errorf("ParseTimestamp(%q) = %v, %v", got, back, err)
		}
	}
	if d, err := ParseTimestamp("01:02.500"); err != nil || d != 62500*time.Millisecond {
		t.Errorf("ParseTimestamp(mm:ss.ttt) = %v, %v", d, err)
	}
	for _, bad := range []string{"", "1.000", "00:00:00,000", "00:60:00.000", "00:00:00.0", "aa:00.000"} {
		if _, err := ParseTimestamp(bad); err == nil {
			t.Errorf("ParseTimestamp(%q) accepted", bad)
		}
	}
}

func TestWriteReadVTT(t *testing.T) {
	cues := []Cue{
		{ID: "b0:0-29", Start: 300 * time.Millisecond, End: 2700 * time.Millisecond, Text: "ĐỀ CƯƠNG TUYÊN TRUYỀN"},
		{ID: "b1:0-20", Start: 2700 * time.Millisecond, End: 5 * time.Second, Text: "A < B & C > D --> E"},
		{Start: 5 * time.Second, End: 6 * time.Second, Text: "không có mã"},
	}
	var b bytes.Buffer
	if err := WriteVTT(&b, cues, "Giọng đọc tổng hợp (espeak-ng)", "hai\n\ndòng --> x"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	want := "WEBVTT\n\nNOTE Giọng đọc tổng hợp (espeak-ng)\n\nNOTE hai\ndòng -> x\n\n" +
		"b0:0-29\n00:00:00.300 --> 00:00:02.700\nĐỀ CƯƠNG TUYÊN TRUYỀN\n\n" +
		"b1:0-20\n00:00:02.700 --> 00:00:05.000\nA &lt; B &amp; C &gt; D --&gt; E\n\n" +
		"00:00:05.000 --> 00:00:06.000\nkhông có mã\n"
	if out != want {
		t.Errorf("WriteVTT wrote\n%s\nwant\n%s", out, want)
	}
	got, err := ReadVTT(strings.NewReader(out))
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
	// astisub, which the player may use, reads the same times and texts.
	subs, err := astisub.ReadFromWebVTT(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(subs.Items) != len(cues) {
		t.Fatalf("astisub read %d cues, want %d", len(subs.Items), len(cues))
	}
	for i, it := range subs.Items {
		if it.StartAt != cues[i].Start || it.EndAt != cues[i].End {
			t.Errorf("astisub cue %d: %v --> %v", i, it.StartAt, it.EndAt)
		}
	}
}

func TestReadVTT(t *testing.T) {
	in := "\ufeffWEBVTT - tiêu đề\r\nX-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:0\r\n\r\n" +
		"STYLE\r\n::cue { color: yellow }\r\n\r\n" +
		"NOTE ghi chú\r\n\r\n" +
		"1\r\n00:01.000 --> 00:02.500 align:start line:0\r\n<i>Dòng</i> một\r\ndòng hai &amp; ba\r\n\r\n\r\n" +
		"00:00:02.500 --> 00:00:04.000\r\nKhông mã\r\n"
	cues, err := ReadVTT(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Cue{
		{ID: "1", Start: time.Second, End: 2500 * time.Millisecond, Text: "Dòng một\ndòng hai & ba"},
		{Start: 2500 * time.Millisecond, End: 4 * time.Second, Text: "Không mã"},
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
		if _, err := ReadVTT(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: ReadVTT accepted %q", name, bad)
		}
	}
}
