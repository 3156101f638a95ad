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
	d, err := exhibit.ParseDate(isoDate(m))
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

// Written is a date as a source writes it, read for the timeline: where
// it stands (Start, End), how much of it is known (Start.Precision), and
// Display, the words to show when they are not a plain date ("" when the
// date is written only with numbers and the timeline writes it itself).
type Written struct {
	Start   exhibit.Date
	End     *exhibit.Date
	Display string
	// Placed says the date is in words with a date inside them ("Đêm
	// 22/9/1943", "mùa thu 1945"): Start was found or worked out.
	// Written dates with no date in them leave Start to the placement.
	Placed bool
}

// seasonRe reads a season or a part of a year in words: "mùa xuân 1930",
// "mùa thu năm 1945", "cuối mùa hè 1944", "cuối năm 1943", "đầu năm 1930",
// "giữa năm 1954".
var seasonRe = regexp.MustCompile(`(?i)^(?:(đầu|giữa|cuối)\s+)?(?:mùa\s+(xuân|hè|hạ|thu|đông)|(năm))\s+(?:năm\s+)?(-?[0-9]{1,6})$`)

// seasonMonth is the month a season is placed at: its middle, and its
// first and last months for đầu and cuối, as the built-in timeline places
// them (Mùa Xuân at February, the month of Tết; autumn at September).
// Winter's end stays in its year.
var seasonMonth = map[string][3]int{
	"xuân": {1, 2, 3}, "hè": {5, 6, 7}, "hạ": {5, 6, 7}, "thu": {8, 9, 10}, "đông": {11, 12, 12},
	"năm": {1, 6, 12},
}

// dateInWords finds a date inside words: "Đêm 22/9/1943", "tháng 8 năm
// 1945", "ngày 2 tháng 9 năm 1945", "năm 1943".
var dateInWords = []*regexp.Regexp{
	regexp.MustCompile(`([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{3,4})`),
	regexp.MustCompile(`(?i)ngày\s+([0-9]{1,2})\s+tháng\s+([0-9]{1,2})(?:\s+năm|,)?\s+([0-9]{3,4})`),
	regexp.MustCompile(`()([0-9]{1,2})[/.-]([0-9]{3,4})`),
	regexp.MustCompile(`(?i)()tháng\s+([0-9]{1,2})(?:\s+năm|,)?\s+([0-9]{3,4})`),
	regexp.MustCompile(`(?i)()()năm\s+([0-9]{3,4})`),
}

// onlyNumbers is a date written with numbers alone, which must then read
// as one.
var onlyNumbers = regexp.MustCompile(`^[0-9\s/.\-–—]+$|^[0-9\s/.\-]+\s+(?:đến|to)\s+[0-9\s/.\-]+$`)

// ParseWritten reads a date as staff copy it from a source: numbers as in
// ParseStaffDates; a season or a part of a year in words ("mùa xuân
// 1930", "cuối năm 1943"), placed at that season's month with the
// precision of a season; or other words around a date ("Đêm 22/9/1943"),
// placed at that date. Words with no date inside them ("Thời Hùng
// Vương") are kept to show, and Placed is false: the event keeps its
// placement date.
func ParseWritten(s string) (Written, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Written{}, errors.New("no date")
	}
	if onlyNumbers.MatchString(s) {
		start, end, err := ParseStaffDates(s)
		return Written{Start: start, End: end, Placed: true}, err
	}
	if m := seasonRe.FindStringSubmatch(strings.ToLower(s)); m != nil {
		y, _ := strconv.ParseInt(m[4], 10, 64)
		name := m[2]
		if m[3] != "" {
			name = "năm"
		}
		at := 1
		switch m[1] {
		case "đầu":
			at = 0
		case "cuối":
			at = 2
		}
		d := exhibit.Date{Year: y, Month: seasonMonth[name][at], Precision: exhibit.PrecisionSeason}
		return Written{Start: d, Display: s, Placed: true}, nil
	}
	for _, re := range dateInWords {
		if m := re.FindStringSubmatch(s); m != nil {
			d, err := exhibit.ParseDate(isoDate(m))
			if err != nil {
				return Written{}, fmt.Errorf("%q: %w", s, err)
			}
			return Written{Start: d, Display: s, Placed: true}, nil
		}
	}
	return Written{Display: s}, nil
}

// SetEventDate gives event i the date written w and, when w has no date
// inside it, the placement date place (as ParseStaffDates reads it; ""
// keeps the event's). A date in words keeps the precision it says (a
// season), never more than the placement gives.
func (d *Draft) SetEventDate(i int, written, place string) error {
	if d.Timeline == nil || i < 0 || i >= len(d.Timeline.Events) {
		return errors.New("no such event")
	}
	w, err := ParseWritten(written)
	if err != nil {
		return err
	}
	ev := &d.Timeline.Events[i]
	start, end := w.Start, w.End
	if !w.Placed || place != "" {
		if place == "" {
			start, end = ev.Start, ev.End
		} else if start, end, err = ParseStaffDates(place); err != nil {
			return err
		}
		if w.Placed && w.Start.Precision == exhibit.PrecisionSeason && start.Precision > exhibit.PrecisionSeason {
			start.Precision = exhibit.PrecisionSeason
			if end != nil && end.Precision > exhibit.PrecisionSeason {
				end.Precision = exhibit.PrecisionSeason
			}
		}
	}
	ev.Start, ev.End, ev.Display = start, end, w.Display
	ev.Start.Display = w.Display // as the loader reads it back
	d.TimelineChanged = true
	return nil
}

// SetEventLink links event i to block of chapter (the passage the
// timeline opens); chapter "" removes the link.
func (d *Draft) SetEventLink(i int, chapter string, block int) {
	if d.Timeline == nil || i < 0 || i >= len(d.Timeline.Events) {
		return
	}
	ev := &d.Timeline.Events[i]
	ev.Chapter, ev.Block = chapter, max(block, 0)
	if chapter == "" {
		ev.Block = 0
	}
	d.TimelineChanged = true
}

// NewEra adds an era over the given years and returns its index.
func (d *Draft) NewEra(from, to int64, headline string) int {
	if d.Timeline == nil {
		d.Timeline = &exhibit.Timeline{Scale: "human"}
	}
	d.Timeline.Eras = append(d.Timeline.Eras, exhibit.Era{
		Start:    exhibit.Date{Year: from, Precision: exhibit.PrecisionYear},
		End:      exhibit.Date{Year: to, Precision: exhibit.PrecisionYear},
		Headline: headline,
	})
	d.TimelineChanged = true
	return len(d.Timeline.Eras) - 1
}

// DeleteEra removes era i.
func (d *Draft) DeleteEra(i int) {
	if d.Timeline != nil && i >= 0 && i < len(d.Timeline.Eras) {
		d.Timeline.Eras = append(d.Timeline.Eras[:i:i], d.Timeline.Eras[i+1:]...)
		d.TimelineChanged = true
	}
}

// SetEraSpan sets the bounds of era i from a range as staff write it,
// "1930 – 8/1945". An era needs both ends; an end before the start is
// reported by the live check, as in the file.
func (d *Draft) SetEraSpan(i int, span string) error {
	if d.Timeline == nil || i < 0 || i >= len(d.Timeline.Eras) {
		return errors.New("no such era")
	}
	start, end, err := ParseStaffDates(span)
	if err != nil {
		return err
	}
	if end == nil {
		return fmt.Errorf("%q: an era needs a start and an end, like 1930 – 8/1945", span)
	}
	era := &d.Timeline.Eras[i]
	era.Start, era.End = start, *end
	d.TimelineChanged = true
	return nil
}

// isoDate turns a match's day, month and year groups (m[1], m[2], m[3];
// day and month may be empty) into the ISO form exhibit.ParseDate reads:
// "1943", "1943-09" or "1943-09-22".
func isoDate(m []string) string {
	iso := m[3]
	if m[2] != "" {
		iso += "-" + pad(m[2])
		if m[1] != "" {
			iso += "-" + pad(m[1])
		}
	}
	return iso
}
