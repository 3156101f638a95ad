package studio

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

func TestParseStaffDates(t *testing.T) {
	for in, want := range map[string]string{
		"22/9/1943":         "1943-09-22",
		"9/1943":            "1943-09",
		"1943":              "1943",
		"1930 – 1945":       "1930..1945",
		"1930-1945":         "1930..1945",
		"9/1943 đến 8/1945": "1943-09..1945-08",
	} {
		s, e, err := ParseStaffDates(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		got := iso(s)
		if e != nil {
			got += ".." + iso(*e)
		}
		if got != want {
			t.Errorf("%q = %s, want %s", in, got, want)
		}
		if back, _, _ := ParseStaffDates(StaffDates(s, e)); back != s {
			t.Errorf("%q does not round-trip: %q", in, StaffDates(s, e))
		}
	}
	for _, bad := range []string{"", "31/2/1943", "13/1943", "mùa xuân", "1/2/3/4"} {
		if _, _, err := ParseStaffDates(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func iso(d exhibit.Date) string {
	s := ""
	switch {
	case d.Day > 0:
		s = "-" + pad(itoa(d.Month)) + "-" + pad(itoa(d.Day))
	case d.Month > 0:
		s = "-" + pad(itoa(d.Month))
	}
	return itoa(int(d.Year)) + s
}

func itoa(n int) string { return strconv.Itoa(n) }

// An event added in the form and a timeline imported from a sheet are
// saved as timeline.toml, and the exhibit validates.
func TestTimelineSaved(t *testing.T) {
	dir := newExhibit(t, library.Blank)
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	start, _, _ := ParseStaffDates("22/9/1943")
	i := d.NewEvent(start, "Thành lập Chi bộ Chí Kiên")
	d.Timeline.Events[i].Group = "Đảng"
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 || len(pack.Timeline.Events) != 1 || pack.Timeline.Events[0].Start.Day != 22 {
		t.Fatalf("after save: %v %v %+v", err, probs, pack.Timeline)
	}
	pfs.Close()
	probs, err = d.ImportSheet([]byte("Năm,Tiêu đề\n1945,Giành chính quyền\n1946,Kháng chiến\n"), "t.csv")
	if err != nil || probs != nil {
		t.Fatal(err, probs)
	}
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "timeline.toml"))
	if !strings.Contains(string(b), `headline = "Kháng chiến"`) {
		t.Errorf("timeline.toml:\n%s", b)
	}
	if again, _ := Open(dir); !Equal(again, d) {
		t.Errorf("reload differs")
	}
	if probs, _ := d.ImportSheet([]byte("Năm,Tháng,Tiêu đề\n1945,13,x\n"), "t.csv"); len(probs) != 1 || len(d.Timeline.Events) != 2 {
		t.Errorf("bad sheet: %v, %d events", probs, len(d.Timeline.Events))
	}
}

// Dates in words are shown as written and placed where they belong: a
// season at its month with the precision of a season, words around a
// date at that date, words without a date at the placement date.
func TestParseWritten(t *testing.T) {
	cases := []struct {
		in      string
		start   string
		prec    exhibit.Precision
		display string
		placed  bool
	}{
		{"22/9/1943", "1943-09-22", exhibit.PrecisionDay, "", true},
		{"mùa xuân 1930", "1930-02", exhibit.PrecisionSeason, "mùa xuân 1930", true},
		{"Mùa thu năm 1945", "1945-09", exhibit.PrecisionSeason, "Mùa thu năm 1945", true},
		{"cuối năm 1943", "1943-12", exhibit.PrecisionSeason, "cuối năm 1943", true},
		{"Đầu năm 1943", "1943-01", exhibit.PrecisionSeason, "Đầu năm 1943", true},
		{"đầu mùa hè 1944", "1944-05", exhibit.PrecisionSeason, "đầu mùa hè 1944", true},
		{"Đêm 22/9/1943", "1943-09-22", exhibit.PrecisionDay, "Đêm 22/9/1943", true},
		{"Ngày 2 tháng 9 năm 1945", "1945-09-02", exhibit.PrecisionDay, "Ngày 2 tháng 9 năm 1945", true},
		{"Tháng 8 năm 1945", "1945-08", exhibit.PrecisionMonth, "Tháng 8 năm 1945", true},
		{"Thời Hùng Vương", "", 0, "Thời Hùng Vương", false},
	}
	for _, c := range cases {
		w, err := ParseWritten(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		got := ""
		if w.Placed {
			got = isoOf(w.Start)
		}
		if got != c.start || w.Start.Precision != c.prec || w.Display != c.display || w.Placed != c.placed {
			t.Errorf("%q: %q %v %q %v", c.in, got, w.Start.Precision, w.Display, w.Placed)
		}
	}
	for _, bad := range []string{"", "31/2/1943", "13/1943", "Đêm 31/2/1943"} {
		if _, err := ParseWritten(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A season keeps its precision over a finer placement date; words with
// no date take the placement date; eras get bounds from a range.
func TestEventDateAndEras(t *testing.T) {
	d := &Draft{}
	i := d.NewEvent(exhibit.Date{Year: 1940}, "Sự kiện")
	if err := d.SetEventDate(i, "mùa thu 1945", "19/8/1945"); err != nil {
		t.Fatal(err)
	}
	ev := d.Timeline.Events[i]
	if ev.Start.Day != 19 || ev.Start.Precision != exhibit.PrecisionSeason || ev.Display != "mùa thu 1945" {
		t.Errorf("season placed: %+v", ev)
	}
	if err := d.SetEventDate(i, "Thời tiền khởi nghĩa", "1944"); err != nil {
		t.Fatal(err)
	}
	if ev := d.Timeline.Events[i]; ev.Start.Year != 1944 || ev.Start.Precision != exhibit.PrecisionYear || ev.Display != "Thời tiền khởi nghĩa" {
		t.Errorf("words placed: %+v", ev)
	}
	if err := d.SetEventDate(i, "Thời tiền khởi nghĩa", "1944 ngày"); err == nil {
		t.Error("bad placement accepted")
	}
	d.SetEventLink(i, "thanh-lap", 3)
	if ev := d.Timeline.Events[i]; ev.Chapter != "thanh-lap" || ev.Block != 3 {
		t.Errorf("link %+v", ev)
	}
	e := d.NewEra(1930, 1945, "Vận động giải phóng")
	if err := d.SetEraSpan(e, "1930"); err == nil {
		t.Error("an era without an end accepted")
	}
	if err := d.SetEraSpan(e, "3/1930 – 8/1945"); err != nil {
		t.Fatal(err)
	}
	if era := d.Timeline.Eras[e]; era.Start.Month != 3 || era.End.Month != 8 || era.End.Year != 1945 {
		t.Errorf("era %+v", era)
	}
	d.DeleteEra(e)
	if len(d.Timeline.Eras) != 0 {
		t.Error("era not deleted")
	}
}

// isoOf writes a date with the parts it has, year first.
func isoOf(d exhibit.Date) string {
	s := strconv.FormatInt(d.Year, 10)
	if d.Month > 0 {
		s += "-" + pad(strconv.Itoa(d.Month))
		if d.Day > 0 {
			s += "-" + pad(strconv.Itoa(d.Day))
		}
	}
	return s
}
