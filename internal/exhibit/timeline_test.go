package exhibit

import "testing"

func TestParseDate(t *testing.T) {
	good := []struct {
		in   string
		want Date
	}{
		{"1943", Date{Year: 1943}},
		{"938", Date{Year: 938}},
		{"-500", Date{Year: -500}},
		{"13800000000", Date{Year: 13800000000}},
		{"-13800000000", Date{Year: -13800000000}},
		{"1945-08", Date{Year: 1945, Month: 8, Precision: PrecisionMonth}},
		{"1943-9-22", Date{Year: 1943, Month: 9, Day: 22, Precision: PrecisionDay}},
		{"2000-02-29", Date{Year: 2000, Month: 2, Day: 29, Precision: PrecisionDay}},
		{"-4-02-29", Date{Year: -4, Month: 2, Day: 29, Precision: PrecisionDay}},
		{"1945-09-02T14:00", Date{Year: 1945, Month: 9, Day: 2, Hour: 14, Precision: PrecisionTime}},
		{"1945-09-02T14:05:09", Date{Year: 1945, Month: 9, Day: 2, Hour: 14, Minute: 5, Second: 9, Precision: PrecisionTime}},
		{" 1943 ", Date{Year: 1943}},
	}
	for _, tt := range good {
		got, err := ParseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	bad := map[string]string{
		"":                     "The date is empty.",
		"--09-22":              `Date “--09-22” has no year.`,
		"T10:00":               `Date “T10:00” has no year.`,
		"1943-13":              `“1943-13”: month 13 is not between 1 and 12.`,
		"1943-00":              `“1943-00”: month 0 is not between 1 and 12.`,
		"1943-01-32":           `“1943-01-32”: day 32 is not between 1 and 31 for that month.`,
		"1900-02-29":           `“1900-02-29”: day 29 is not between 1 and 28 for that month.`,
		"1943-04-31":           `“1943-04-31”: day 31 is not between 1 and 30 for that month.`,
		"1943-09-22T24:00":     `“1943-09-22T24:00”: time 24:00:00 is not a time of day.`,
		"1943T10:00":           `“1943T10:00”: a time needs a full date before it.`,
		"22/9/1943":            `“22/9/1943” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, optionally with THH:MM.`,
		"99999999999999999999": `The year in “99999999999999999999” is too large.`,
	}
	for in, want := range bad {
		if _, err := ParseDate(in); err == nil || err.Error() != want {
			t.Errorf("ParseDate(%q) error = %v, want %q", in, err, want)
		}
	}
}

func TestBefore(t *testing.T) {
	d := func(s string) Date { x, _ := ParseDate(s); return x }
	tests := []struct {
		end, start string
		want       bool
	}{
		{"1945-08-18", "1945-08-19", true},
		{"1945-08", "1945-08-19", false}, // the month contains the day
		{"1944", "1945-01-01", true},
		{"1945", "1945-12-31", false},
		{"-501", "-500", true},
		{"1945-08-19T10:00", "1945-08-19T09:59", false},
	}
	for _, tt := range tests {
		if got := before(d(tt.end), d(tt.start)); got != tt.want {
			t.Errorf("before(%s, %s) = %v", tt.end, tt.start, got)
		}
	}
}
