package exhibit

import (
	"fmt"
	"strconv"
	"strings"
)

// TimelineTOML writes a timeline in the pack's own format (timeline.toml,
// §7 of docs/pack-format.md), without comments: title and scale, then the
// eras and the events in the timeline's order, each key in the order the
// format documents. Dates are written with the parts they have
// ("1943", "1943-09", "1943-09-22", "1943-09-22T19:30"); precision is
// written only when it differs from what those parts say, as for a season.
// The result loads back into the same timeline (Line aside). Empty
// optional values are left out.
func TimelineTOML(t Timeline) []byte {
	var b strings.Builder
	kvLine := func(key, val string) {
		if val != "" {
			fmt.Fprintf(&b, "%s = %s\n", key, tomlString(val))
		}
	}
	kvLine("title", t.Title)
	scale := t.Scale
	if scale == "" {
		scale = "human"
	}
	kvLine("scale", scale)
	for _, era := range t.Eras {
		b.WriteString("\n[[eras]]\n")
		kvLine("start", tomlDate(era.Start))
		kvLine("end", tomlDate(era.End))
		kvLine("headline", era.Headline)
		kvLine("text", era.Text)
	}
	for _, ev := range t.Events {
		b.WriteString("\n[[events]]\n")
		kvLine("id", ev.ID)
		kvLine("start", tomlDate(ev.Start))
		if ev.End != nil {
			kvLine("end", tomlDate(*ev.End))
		}
		if ev.Start.Precision != impliedPrecision(ev.Start) {
			kvLine("precision", precisionWords[ev.Start.Precision])
		}
		display := ev.Display
		if display == "" {
			display = jsCombinedDisplay(ev.Start, ev.End)
		}
		kvLine("display", display)
		kvLine("headline", ev.Headline)
		kvLine("text", ev.Text)
		kvLine("group", ev.Group)
		if ev.Chapter != "" {
			kvLine("chapter", ev.Chapter)
			if ev.Block != 0 {
				fmt.Fprintf(&b, "block = %d\n", ev.Block)
			}
		}
		kvLine("background", ev.Background)
		if m := ev.Media; m != nil && m.URL != "" {
			b.WriteString("\n[events.media]\n")
			kvLine("url", m.URL)
			kvLine("caption", m.Caption)
			kvLine("credit", m.Credit)
			kvLine("thumbnail", m.Thumbnail)
			kvLine("alt", m.Alt)
		}
	}
	return []byte(b.String())
}

// tomlDate writes a date with every part it has, in the syntax ParseDate
// reads. A date of year precision with a month (a precision said to be
// coarser than the date) keeps its month: precision is written apart.
func tomlDate(d Date) string {
	s := strconv.FormatInt(d.Year, 10)
	if d.Month > 0 {
		s += fmt.Sprintf("-%02d", d.Month)
		if d.Day > 0 {
			s += fmt.Sprintf("-%02d", d.Day)
			if d.Precision == PrecisionTime {
				s += fmt.Sprintf("T%02d:%02d", d.Hour, d.Minute)
				if d.Second > 0 {
					s += fmt.Sprintf(":%02d", d.Second)
				}
			}
		}
	}
	return s
}

// tomlString quotes s as a TOML string: a basic string on one line, or a
// multi-line basic string when s has line breaks, which reads better in
// Notepad than "\n".
func tomlString(s string) string {
	var b strings.Builder
	multi := strings.Contains(s, "\n")
	if multi {
		b.WriteString(`"""` + "\n")
	} else {
		b.WriteByte('"')
	}
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n' && multi:
			b.WriteByte('\n')
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte('\t')
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
