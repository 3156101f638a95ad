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
