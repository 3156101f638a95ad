package audio

import (
	"bytes"
	"errors"
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

func TestParseVTT(t *testing.T) {
	cues, err := ParseVTT(strings.NewReader(sampleVTT))
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
}

func TestParseVTTSortsAndRejects(t *testing.T) {
	cues, err := ParseVTT(strings.NewReader("WEBVTT\n\nb\n00:05.000 --> 00:06.000\nB\n\na\n00:01.000 --> 00:02.000\nA\n"))
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
		if _, err := ParseVTT(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseVTT(%q) gave no error", bad)
		}
	}
}

func TestReadCaptionsNamesTheFile(t *testing.T) {
	fsys := fstest.MapFS{
		"audio/01.vtt":  {Data: []byte(sampleVTT)},
		"audio/bad.vtt": {Data: []byte("SRT, not WebVTT\n")},
	}
	cues, err := ReadCaptions(fsys, "audio/01.vtt")
	if err != nil || len(cues) != 4 {
		t.Fatalf("ReadCaptions = %d cues, %v", len(cues), err)
	}
	_, err = ReadCaptions(fsys, "audio/bad.vtt")
	if err == nil || !strings.HasPrefix(err.Error(), "audio/bad.vtt: ") {
		t.Errorf("error %v does not name the file", err)
	}
	_, err = ReadCaptions(fsys, "audio/missing.vtt")
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

func TestWriteVTTRoundTrip(t *testing.T) {
	cues := []Cue{
		{Start: 0, End: ms(2500), Text: "Ngày 22 tháng 9 năm 1943,\nChi bộ Chí Kiên được thành lập.", ID: "b0:0-42", Block: 0, To: 42},
		{Start: ms(2500), End: ms(4001), Text: "A & B <not a tag> --> arrow &gt;", ID: "b0:43-60", Block: 0, From: 43, To: 60},
		{Start: ms(5000), End: ms(6000), Text: "No identifier", Block: -1},
		{Start: time.Hour + 2*time.Minute + ms(3004), End: time.Hour + 2*time.Minute + ms(4000), Text: "Late", ID: "42", Block: -1},
	}
	var buf bytes.Buffer
	if err := WriteVTT(&buf, cues); err != nil {
		t.Fatal(err)
	}
	wantText := "WEBVTT\n\n" +
		"b0:0-42\n00:00:00.000 --> 00:00:02.500\nNgày 22 tháng 9 năm 1943,\nChi bộ Chí Kiên được thành lập.\n\n" +
		"b0:43-60\n00:00:02.500 --> 00:00:04.001\nA &amp; B &lt;not a tag&gt; --&gt; arrow &amp;gt;\n\n" +
		"00:00:05.000 --> 00:00:06.000\nNo identifier\n\n" +
		"42\n01:02:03.004 --> 01:02:04.000\nLate\n"
	if buf.String() != wantText {
		t.Errorf("WriteVTT wrote\n%s\nwant\n%s", buf.String(), wantText)
	}
	back, err := ParseVTT(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, cues) {
		t.Errorf("round trip:\n%#v\nwant\n%#v", back, cues)
	}

	// Sub-millisecond times are rounded.
	buf.Reset()
	if err := WriteVTT(&buf, []Cue{{Start: 1500 * time.Microsecond, End: 2499 * time.Microsecond, Text: "x"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "00:00:00.002 --> 00:00:00.002") {
		t.Errorf("not rounded to ms: %q", buf.String())
	}
}

func TestWriteVTTRejectsBadCues(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteVTT(&buf, nil); err != nil || buf.String() != "WEBVTT\n" {
		t.Errorf("empty: %q, %v", buf.String(), err)
	}
	for _, c := range []Cue{
		{Start: ms(2), End: ms(1), Text: "backwards"},
		{Start: -ms(1), End: ms(1), Text: "negative"},
		{End: ms(1), ID: "a --> b"},
		{End: ms(1), ID: "two\nlines"},
		{End: ms(1), ID: " padded"},
	} {
		if err := WriteVTT(&buf, []Cue{c}); err == nil {
			t.Errorf("WriteVTT(%+v) gave no error", c)
		}
	}
}
