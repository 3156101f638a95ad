package visitlog

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	ict = time.FixedZone("ICT", 7*3600)
	t0  = time.Date(2023, 9, 22, 8, 0, 0, 0, ict)
)

func at(min float64) time.Time { return t0.Add(time.Duration(min * float64(time.Minute))) }

func exportRows(t *testing.T, l *Log, from, to time.Time) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := l.Export(&b, from, to); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Fatal("no byte-order mark")
	}
	if !strings.Contains(b.String(), "\r\n") {
		t.Error("no CRLF line ends")
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "Lượt xem,Bắt đầu,Kết thúc,Số phút,Chương đã xem,Sự kiện đã xem,Sự cố" {
		t.Errorf("header %q", rows[0])
	}
	return rows[1:]
}

func TestLogAndExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trienlam", "visits.jsonl")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(l.VisitStart(at(0)))
	must(l.ChapterViewed("hoan-canh", at(1)))
	must(l.EventViewed("thanh-lap-chi-bo-chi-kien", at(2)))
	must(l.ClipFailed("clips/le-ky-niem.mp4", "no-libmpv", at(2.5)))
	must(l.ChapterViewed("chang-duong", at(3)))
	must(l.ClipFailed("clips/le-ky-niem.mp4", "no-libmpv", at(3.5))) // the same again: once
	must(l.ChapterViewed("hoan-canh", at(4)))
	must(l.VisitEnd(at(6.4)))
	must(l.ChapterViewed("stray", at(7)))          // outside a visit: ignored
	must(l.ClipFailed("stray.mp4", "load", at(8))) // outside a visit: ignored
	must(l.VisitStart(at(60)))
	must(l.EventViewed("=cmd", at(61)))
	must(l.ClipFailed("=x", "load", at(62)))
	must(l.VisitEnd(at(63)))
	must(l.VisitStart(at(24 * 60))) // next day, never ended
	must(l.ChapterViewed("muc-tieu", at(24*60+2)))

	rows := exportRows(t, l, time.Time{}, time.Time{})
	want := [][]string{
		{"1", "2023-09-22 08:00:00", "2023-09-22 08:06:24", "6", "hoan-canh; chang-duong", "thanh-lap-chi-bo-chi-kien", "clips/le-ky-niem.mp4: no-libmpv"},
		{"2", "2023-09-22 09:00:00", "2023-09-22 09:03:00", "3", "", "'=cmd", "'=x: load"},
		{"3", "2023-09-23 08:00:00", "2023-09-23 08:02:00", "2", "muc-tieu", "", ""},
	}
	if !equal(rows, want) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
	// The bounds pick visits by their start.
	rows = exportRows(t, l, at(30), at(24*60))
	if len(rows) != 1 || rows[0][1] != "2023-09-22 09:00:00" || rows[0][0] != "1" {
		t.Errorf("bounded export %q", rows)
	}
	must(l.Close())
	if l.VisitStart(at(0)) == nil {
		t.Error("write after Close")
	}
	data, _ := os.ReadFile(path)
	for _, word := range []string{"name", "text"} {
		if bytes.Contains(data, []byte(word)) {
			t.Errorf("log holds %q", word)
		}
	}
}

func equal(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

func TestTruncatedLastLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "visits.jsonl")
	l, _ := Open(path)
	l.VisitStart(at(0))
	l.ChapterViewed("hoan-canh", at(1))
	l.Close()
	// A crash in the middle of writing the next line.
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"t":"2023-09-22T08:02:00+07:00","k":"chap`)
	f.Close()

	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.EventViewed("e1", at(3))
	l.VisitEnd(at(4))
	rows := exportRows(t, l, time.Time{}, time.Time{})
	if len(rows) != 1 || rows[0][4] != "hoan-canh" || rows[0][5] != "e1" || rows[0][3] != "4" {
		t.Errorf("rows after a cut-off line: %q", rows)
	}
}

func TestMissingFile(t *testing.T) {
	dir := t.TempDir()
	visits, err := ReadVisits(filepath.Join(dir, "none.jsonl"), time.Time{}, time.Time{})
	if err != nil || len(visits) != 0 {
		t.Errorf("missing file: %v %v", visits, err)
	}
	path := filepath.Join(dir, "visits.jsonl")
	l, _ := Open(path)
	defer l.Close()
	l.VisitStart(at(0))
	// Staff deleted it while the app runs (Windows refuses: it is open).
	if os.Remove(path) == nil {
		if rows := exportRows(t, l, time.Time{}, time.Time{}); len(rows) != 0 {
			t.Errorf("deleted file: %q", rows)
		}
	}
}

func TestRotate(t *testing.T) {
	defer func(n int64) { MaxSize = n }(MaxSize)
	MaxSize = 2000
	path := filepath.Join(t.TempDir(), "visits.jsonl")
	l, _ := Open(path)
	defer l.Close()
	n := 0
	for v := 0; v < 40; v++ {
		l.VisitStart(at(float64(10 * v)))
		l.ChapterViewed("hoan-canh", at(float64(10*v+1)))
		l.VisitEnd(at(float64(10*v + 2)))
		n++
	}
	for _, p := range []string{path, path + ".1"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > MaxSize {
			t.Errorf("%s is %d bytes, over %d", p, st.Size(), MaxSize)
		}
	}
	visits, err := l.Visits(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// The current file and the one before are kept, oldest first; older
	// ones are gone.
	if len(visits) == 0 || len(visits) >= n {
		t.Fatalf("%d visits kept of %d", len(visits), n)
	}
	if last := visits[len(visits)-1]; !last.Start.Equal(at(390)) {
		t.Errorf("last visit starts %v", last.Start)
	}
	for i := 1; i < len(visits); i++ {
		if !visits[i].Start.After(visits[i-1].Start) {
			t.Errorf("visits out of order at %d", i)
		}
	}
}
