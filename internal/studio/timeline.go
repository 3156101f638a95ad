package studio

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"trienlam/internal/exhibit"
)

// timelineName is the file the editor writes the timeline into.
const timelineName = "timeline.toml"

// staffDateRe is one date as Vietnamese staff write it, day first:
// 22/9/1943, 9/1943 or 1943 (also with "-" or "." between the parts).
var staffDateRe = regexp.MustCompile(`^(?:(?:([0-9]{1,2})[/.-])?([0-9]{1,2})[/.-])?(-?[0-9]{1,6})$`)

// rangeSep splits a range: "1930 – 1945", "1930-1945" (between years),
// "9/1943 đến 8/1945".
var rangeSep = regexp.MustCompile(`\s*(?:–|—)\s*|\s+(?:-|đến|to)\s+`)

// ParseStaffDates reads a date or a range of dates as staff write them:
// "22/9/1943", "9/1943", "1943", "1930 – 1945", "9/1943 đến 8/1945". A
// year-only range may be written "1930-1945". Each date has the precision
// of what was written.
func ParseStaffDates(s string) (start exhibit.Date, end *exhibit.Date, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return start, nil, errors.New("no date")
	}
	parts := rangeSep.Split(s, -1)
	if len(parts) == 1 {
		if m := regexp.MustCompile(`^([0-9]{3,4})-([0-9]{3,4})$`).FindStringSubmatch(s); m != nil {
			parts = []string{m[1], m[2]}
		}
	}
	if len(parts) > 2 {
		return start, nil, fmt.Errorf("%q: write one date, or two joined by “–”", s)
	}
	start, err = staffDate(parts[0])
	if err != nil {
		return start, nil, err
	}
	if len(parts) == 2 {
		e, err := staffDate(parts[1])
		if err != nil {
			return start, nil, err
		}
		end = &e
	}
	return start, end, nil
}

// staffDate reads one date day first.
func staffDate(s string) (exhibit.Date, error) {
	m := staffDateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return exhibit.Date{}, fmt.Errorf("%q is not a date: write it like 22/9/1943, 9/1943 or 1943", s)
	}
	iso := m[3]
	if m[2] != "" {
		iso += "-" + pad(m[2])
		if m[1] != "" {
			iso += "-" + pad(m[1])
		}
	}
	d, err := exhibit.ParseDate(iso)
	if err != nil {
		return exhibit.Date{}, fmt.Errorf("%q: %w", s, err)
	}
	return d, nil
}

func pad(s string) string {
	n, _ := strconv.Atoi(s)
	return fmt.Sprintf("%02d", n)
}

// StaffDates writes an event's dates the way ParseStaffDates reads them.
func StaffDates(start exhibit.Date, end *exhibit.Date) string {
	s := staffString(start)
	if end != nil {
		s += " – " + staffString(*end)
	}
	return s
}

func staffString(d exhibit.Date) string {
	switch {
	case d.Day > 0:
		return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
	case d.Month > 0:
		return fmt.Sprintf("%d/%d", d.Month, d.Year)
	}
	return strconv.FormatInt(d.Year, 10)
}

// NewEvent adds an event with a new id on the given dates and returns its
// index.
func (d *Draft) NewEvent(start exhibit.Date, headline string) int {
	if d.Timeline == nil {
		d.Timeline = &exhibit.Timeline{Scale: "human"}
	}
	taken := map[string]bool{}
	for _, ev := range d.Timeline.Events {
		taken[ev.ID] = true
	}
	id := ""
	for n := len(d.Timeline.Events) + 1; id == "" || taken[id]; n++ {
		id = "su-kien-" + strconv.Itoa(n)
	}
	d.Timeline.Events = append(d.Timeline.Events, exhibit.Event{ID: id, Start: start, Headline: headline})
	d.TimelineChanged = true
	return len(d.Timeline.Events) - 1
}

// DeleteEvent removes event i.
func (d *Draft) DeleteEvent(i int) {
	if d.Timeline != nil && i >= 0 && i < len(d.Timeline.Events) {
		d.Timeline.Events = append(d.Timeline.Events[:i:i], d.Timeline.Events[i+1:]...)
		d.TimelineChanged = true
	}
}

// ImportSheet replaces the timeline with the one in an Excel or CSV sheet
// (exhibit.ParseTimelineSheet); on problems nothing changes and they are
// returned.
func (d *Draft) ImportSheet(data []byte, name string) ([]exhibit.Problem, error) {
	tl, probs := exhibit.ParseTimelineSheet(data, name)
	if len(probs) > 0 {
		return probs, nil
	}
	if len(tl.Events) == 0 {
		return nil, fmt.Errorf("%s has no events", name)
	}
	d.Timeline = &tl
	d.TimelineChanged = true
	return nil, nil
}
