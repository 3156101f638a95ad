package assets

// The timeline test proves that the built-in pack's timeline
// (pack/timeline.toml) invents nothing: every event quotes its source
// paragraph word for word, shows the date as that quotation writes it, and
// is titled only with words of its chapter. It also checks that the
// timeline holds the dated events of the source the exhibit is about, and
// that the eras run end to end from 1900 to 2050 with every boundary a date
// the source gives.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"trienlam/internal/exhibit"
)

// loadTimelinePack loads the built-in pack and fails the test on any problem.
func loadTimelinePack(t *testing.T) *exhibit.Pack {
	t.Helper()
	p, problems, err := exhibit.Load(Pack())
	if err != nil {
		t.Fatalf("exhibit.Load(Pack()): %v", err)
	}
	for _, pr := range problems {
		t.Errorf("built-in pack problem: %s", pr)
	}
	if p == nil {
		t.Fatal("exhibit.Load returned no pack")
	}
	return p
}

// flatten collapses runs of white space to one space, trims the ends and
// puts the text in Unicode NFC.
func flatten(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

var digitsRe = regexp.MustCompile(`[0-9]+`)

// numbers returns the numbers written in s, in order: "Đêm 22/9/1943" gives
// 22, 9, 1943 and "ngày 06/11/1996" gives 6, 11, 1996.
func numbers(s string) []int64 {
	var out []int64
	for _, d := range digitsRe.FindAllString(s, -1) {
		n, err := strconv.ParseInt(d, 10, 64)
		if err != nil {
			continue // too long to be a date part; never equal to one
		}
		out = append(out, n)
	}
	return out
}

// containsRun reports whether want occurs as a contiguous run in have.
func containsRun(have, want []int64) bool {
	for i := 0; i+len(want) <= len(have); i++ {
		if slices.Equal(have[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

// words splits s into lower-case words at anything that is not a letter or
// a digit.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(norm.NFC.String(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// eventProblems checks one event against the chapter it links to and
// returns everything that is not borne out by the source text:
//   - the event must link to a chapter block and quote it: its text,
//     white space normalised, is a substring of that block's text;
//   - the display date's numbers appear, in the same order and next to each
//     other, among the numbers of the quoted text ("22/9/1943", "tháng 10/1943");
//   - the start (and end) date agrees with the display date: its day, month
//     and year, as far as its precision goes, are written there in order;
//   - every word of the headline occurs (case-insensitively) in the chapter.
func eventProblems(p *exhibit.Pack, ev exhibit.Event) []string {
	var out []string
	bad := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }

	ch := p.Chapter(ev.Chapter)
	if ch == nil {
		bad("links to no chapter (chapter %q)", ev.Chapter)
		return out
	}
	if ev.Block < 0 || ev.Block >= len(ch.Blocks) {
		bad("block %d is not a block of chapter %q", ev.Block, ev.Chapter)
		return out
	}
	block := flatten(ch.Blocks[ev.Block].Text())
	text := flatten(ev.Text)
	switch {
	case text == "":
		bad("has no text: quote the source sentence")
	case !strings.Contains(block, text):
		bad("text %q is not a verbatim excerpt of %s#%d %q", text, ev.Chapter, ev.Block, block)
	}

	display := numbers(ev.Display)
	switch {
	case strings.TrimSpace(ev.Display) == "":
		bad("has no display date: write the date as the source does")
	case len(display) == 0:
		bad("display date %q holds no number", ev.Display)
	case !containsRun(numbers(text), display):
		bad("display date %q is not written in the quoted text %q", ev.Display, text)
	}
	// agrees checks that the display date writes d: day, month and year in
	// that order ("22/9/1943", "ngày 22 tháng 8 năm 1941"), month and year
	// ("tháng 10/1943"), or the year, as far as d's precision goes. A
	// span's start month can be implied by words ("6 tháng đầu năm 2023"
	// starts in January), so only its year is checked.
	agrees := func(which string, d exhibit.Date, spanStart bool) {
		var want []int64
		switch {
		case d.Precision >= exhibit.PrecisionDay && !spanStart:
			want = []int64{int64(d.Day), int64(d.Month), d.Year}
		case d.Precision >= exhibit.PrecisionMonth && !spanStart:
			want = []int64{int64(d.Month), d.Year}
		default:
			want = []int64{d.Year}
		}
		if !containsRun(display, want) {
			bad("%s date %v is not what the display date %q says", which, want, ev.Display)
		}
	}
	agrees("start", ev.Start, ev.End != nil)
	if ev.End != nil {
		agrees("end", *ev.End, false)
	}

	vocabulary := map[string]bool{}
	for _, b := range ch.Blocks {
		for _, w := range words(b.Text()) {
			vocabulary[w] = true
		}
	}
	hw := words(ev.Headline)
	if len(hw) == 0 {
		bad("has no headline")
	}
	for _, w := range hw {
		if !vocabulary[w] {
			bad("headline word %q does not occur in chapter %q", w, ev.Chapter)
		}
	}
	return out
}

func TestTimelineEventsComeFromTheSource(t *testing.T) {
	p := loadTimelinePack(t)
	tl := p.Timeline
	if len(tl.Events) == 0 {
		t.Fatal("the built-in pack has no timeline events")
	}
	for _, ev := range tl.Events {
		for _, msg := range eventProblems(p, ev) {
			t.Errorf("event %q (timeline.toml:%d): %s", ev.ID, ev.Line, msg)
		}
	}
	t.Logf("%d events, %d eras, %d groups %q", len(tl.Events), len(tl.Eras), len(tl.Groups), tl.Groups)
}

func TestTimelineShape(t *testing.T) {
	p := loadTimelinePack(t)
	tl := p.Timeline
	if tl.Title != "Bắc Kạn 1900 – 2050" {
		t.Errorf("timeline title = %q, want %q", tl.Title, "Bắc Kạn 1900 – 2050")
	}
	if tl.Scale != "human" {
		t.Errorf("timeline scale = %q, want human", tl.Scale)
	}
	if len(tl.Groups) == 0 || len(tl.Groups) > 5 {
		t.Errorf("timeline has %d groups %q, want 1 to 5", len(tl.Groups), tl.Groups)
	}
	idRe := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, ev := range tl.Events {
		if !idRe.MatchString(ev.ID) {
			t.Errorf("event id %q is not kebab-case ASCII", ev.ID)
		}
		if ev.Group == "" {
			t.Errorf("event %q has no group", ev.ID)
		}
		if ev.Start.Year < 1900 || ev.Start.Year > 2050 {
			t.Errorf("event %q starts in %d, outside 1900–2050", ev.ID, ev.Start.Year)
		}
	}
}

// wantEvent is a dated event of the source that the timeline must hold.
type wantEvent struct {
	id, start, end string
	prec           exhibit.Precision
	display        string // checked when not empty
}

// wantEvents are the dated events of the source named in the timeline's
// brief: from the founding of the province to the 2050 vision.
var wantEvents = []wantEvent{
	{id: "thanh-lap-tinh-bac-kan", start: "1900-04-11", prec: exhibit.PrecisionDay, display: "Ngày 11/4/1900"},
	{id: "dang-cong-san-viet-nam-ra-doi", start: "1930-02", prec: exhibit.PrecisionSeason, display: "Mùa Xuân năm 1930"},
	{id: "hoi-nghi-trung-uong-8", start: "1941-05", prec: exhibit.PrecisionMonth},
	{id: "phung-chi-kien-hy-sinh", start: "1941-08-22", prec: exhibit.PrecisionDay},
	{id: "ban-xung-phong-nam-tien", start: "1942-09", prec: exhibit.PrecisionMonth},
	{id: "nam-tien-den-ngan-son", start: "1943-04", prec: exhibit.PrecisionMonth, display: "Tháng 4 năm 1943"},
	{id: "doi-xung-phong-nam-tien-1943", start: "1943-04", end: "1943-09", prec: exhibit.PrecisionMonth},
	{id: "thanh-lap-chi-bo-chi-kien", start: "1943-09-22", prec: exhibit.PrecisionDay, display: "Đêm 22/9/1943"},
	{id: "viet-minh-tong-chi-kien", start: "1943-10", prec: exhibit.PrecisionMonth},
	{id: "nam-tien-bac-tien-gap-nhau", start: "1943-10", prec: exhibit.PrecisionMonth},
	{id: "phong-trao-cuoi-nam-1943", start: "1943-12", prec: exhibit.PrecisionSeason, display: "Cuối năm 1943"},
	{id: "ban-can-su-dang-tinh", start: "1944-01", prec: exhibit.PrecisionSeason, display: "Đầu năm 1944"},
	{id: "giai-phong-bac-kan", start: "1949-08", prec: exhibit.PrecisionMonth, display: "Tháng 8/1949"},
	{id: "dong-xuan-dien-bien-phu", start: "1953", end: "1954", prec: exhibit.PrecisionYear, display: "Đông Xuân 1953-1954"},
	{id: "hoa-binh-lap-lai", start: "1954", prec: exhibit.PrecisionYear},
	{id: "hop-nhat-tinh-bac-thai", start: "1965-04-21", prec: exhibit.PrecisionDay},
	{id: "phan-vach-dia-gioi-1978", start: "1978-12-29", prec: exhibit.PrecisionDay},
	{id: "nghi-quyet-tai-lap-tinh", start: "1996-11-06", prec: exhibit.PrecisionDay},
	{id: "thanh-lap-dang-bo-tinh", start: "1996-12-12", prec: exhibit.PrecisionDay},
	{id: "le-tai-thanh-lap-tinh", start: "1997-01-01", prec: exhibit.PrecisionDay},
	{id: "grdp-2022", start: "2022", prec: exhibit.PrecisionYear},
	{id: "thu-ngan-sach-2022", start: "2022", prec: exhibit.PrecisionYear},
	{id: "thu-ngan-sach-6-thang-2023", start: "2023-01", end: "2023-06", prec: exhibit.PrecisionMonth, display: "6 tháng đầu năm 2023"},
	{id: "cong-bo-pci-2022", start: "2023-04-11", prec: exhibit.PrecisionDay, display: "Ngày 11/4/2023"},
	{id: "doanh-nghiep-thang-5-2023", start: "2023-05", prec: exhibit.PrecisionMonth},
	{id: "muc-tieu-2030", start: "2030", prec: exhibit.PrecisionYear, display: "Năm 2030"},
	{id: "tam-nhin-2050", start: "2050", prec: exhibit.PrecisionYear},
}

// sameDate reports whether got has the year, month, day and precision of
// the date written want (at precision prec).
func sameDate(got exhibit.Date, want string, prec exhibit.Precision) (bool, error) {
	d, err := exhibit.ParseDate(want)
	if err != nil {
		return false, err
	}
	return got.Year == d.Year && got.Month == d.Month && got.Day == d.Day && got.Precision == prec, nil
}

func TestTimelineHoldsTheSourceEvents(t *testing.T) {
	p := loadTimelinePack(t)
	byID := map[string]exhibit.Event{}
	for _, ev := range p.Timeline.Events {
		byID[ev.ID] = ev
	}
	for _, w := range wantEvents {
		ev, ok := byID[w.id]
		if !ok {
			t.Errorf("no event %q (%s)", w.id, w.start)
			continue
		}
		if ok, err := sameDate(ev.Start, w.start, w.prec); err != nil || !ok {
			t.Errorf("event %q starts %+v, want %s at precision %d (%v)", w.id, ev.Start, w.start, w.prec, err)
		}
		switch {
		case w.end == "" && ev.End != nil:
			t.Errorf("event %q has end %+v, want none", w.id, *ev.End)
		case w.end != "" && ev.End == nil:
			t.Errorf("event %q has no end, want %s", w.id, w.end)
		case w.end != "":
			if ok, err := sameDate(*ev.End, w.end, w.prec); err != nil || !ok {
				t.Errorf("event %q ends %+v, want %s (%v)", w.id, *ev.End, w.end, err)
			}
		}
		if w.display != "" && ev.Display != w.display {
			t.Errorf("event %q display = %q, want %q", w.id, ev.Display, w.display)
		}
	}
	if len(p.Timeline.Events) < len(wantEvents) {
		t.Errorf("%d events, want at least %d", len(p.Timeline.Events), len(wantEvents))
	}
}

// dateKey is a date's year, month and day down to precision p.
func dateKey(d exhibit.Date, p exhibit.Precision) [3]int64 {
	k := [3]int64{d.Year}
	if p >= exhibit.PrecisionMonth {
		k[1] = int64(d.Month)
	}
	if p >= exhibit.PrecisionDay {
		k[2] = int64(d.Day)
	}
	return k
}

// compareDates compares a and b at the coarser of their precisions.
func compareDates(a, b exhibit.Date) int {
	p := min(a.Precision, b.Precision)
	ka, kb := dateKey(a, p), dateKey(b, p)
	return slices.Compare(ka[:], kb[:])
}

func TestTimelineEras(t *testing.T) {
	p := loadTimelinePack(t)
	eras := p.Timeline.Eras
	if len(eras) < 3 {
		t.Fatalf("%d eras, want the history from 1900 to 2050 in several eras", len(eras))
	}
	if eras[0].Start.Year != 1900 {
		t.Errorf("first era %q starts in %d, want 1900", eras[0].Headline, eras[0].Start.Year)
	}
	if last := eras[len(eras)-1]; last.End.Year != 2050 {
		t.Errorf("last era %q ends in %d, want 2050", last.Headline, last.End.Year)
	}
	// isSourceDate reports whether d is the start or end of an event, to
	// d's precision: era boundaries are dates the source gives.
	isSourceDate := func(d exhibit.Date) bool {
		for _, ev := range p.Timeline.Events {
			dates := []exhibit.Date{ev.Start}
			if ev.End != nil {
				dates = append(dates, *ev.End)
			}
			for _, e := range dates {
				if e.Precision >= d.Precision && dateKey(e, d.Precision) == dateKey(d, d.Precision) {
					return true
				}
			}
		}
		return false
	}
	for i, era := range eras {
		if strings.TrimSpace(era.Headline) == "" {
			t.Errorf("era %d has no headline", i)
		}
		// The source divides no eras: the description shown with each
		// says whose division it is.
		if strings.TrimSpace(era.Text) == "" {
			t.Errorf("era %q has no description: say which bounds are the source's dates and which the editors' placement", era.Headline)
		}
		if compareDates(era.End, era.Start) <= 0 {
			t.Errorf("era %q ends (%d) no later than it starts (%d)", era.Headline, era.End.Year, era.Start.Year)
		}
		for _, d := range []exhibit.Date{era.Start, era.End} {
			if !isSourceDate(d) {
				t.Errorf("era %q boundary %+v is not the date of any event", era.Headline, d)
			}
		}
		if i == 0 {
			continue
		}
		prev := eras[i-1]
		// Ordered, not overlapping, and no gap: each era starts exactly
		// where the one before it ends.
		if dateKey(era.Start, exhibit.PrecisionDay) != dateKey(prev.End, exhibit.PrecisionDay) ||
			era.Start.Precision != prev.End.Precision {
			t.Errorf("era %q starts %+v, not where era %q ends %+v", era.Headline, era.Start, prev.Headline, prev.End)
		}
	}
	for _, era := range eras {
		t.Logf("era %d–%d %s", era.Start.Year, era.End.Year, era.Headline)
	}
}

// TestEventProblemsCatchInventions proves the honesty check can fail: each
// altered copy of a real event must be reported.
func TestEventProblemsCatchInventions(t *testing.T) {
	p := loadTimelinePack(t)
	var orig exhibit.Event
	for _, ev := range p.Timeline.Events {
		if ev.ID == "thanh-lap-tinh-bac-kan" {
			orig = ev
		}
	}
	if orig.ID == "" {
		t.Fatal("no event thanh-lap-tinh-bac-kan")
	}
	if probs := eventProblems(p, orig); len(probs) != 0 {
		t.Fatalf("the unaltered event is reported: %q", probs)
	}
	cases := []struct {
		name   string
		change func(*exhibit.Event)
	}{
		{"paraphrased text", func(ev *exhibit.Event) {
			ev.Text = strings.Replace(ev.Text, "Toàn quyền Đông Dương", "Thống sứ Bắc Kỳ", 1)
		}},
		{"text from another paragraph", func(ev *exhibit.Event) {
			ev.Text = "Mùa Xuân năm 1930, Đảng Cộng sản Việt Nam ra đời."
		}},
		{"no text", func(ev *exhibit.Event) { ev.Text = "" }},
		{"wrong block", func(ev *exhibit.Event) { ev.Block = 7 }},
		{"block out of range", func(ev *exhibit.Event) { ev.Block = 1000 }},
		{"unknown chapter", func(ev *exhibit.Event) { ev.Chapter = "khong-co" }},
		{"display date not in the text", func(ev *exhibit.Event) { ev.Display = "Ngày 12/4/1900" }},
		{"display date in words only", func(ev *exhibit.Event) { ev.Display = "Đầu thế kỷ XX" }},
		{"start year not the display's", func(ev *exhibit.Event) { ev.Start.Year = 1901 }},
		{"start day not the display's", func(ev *exhibit.Event) { ev.Start.Day = 12 }},
		{"day and month swapped", func(ev *exhibit.Event) { ev.Start.Day, ev.Start.Month = 4, 11 }},
		{"invented headline word", func(ev *exhibit.Event) { ev.Headline = "Hoàng đế lập tỉnh Bắc Kạn" }},
	}
	for _, c := range cases {
		ev := orig
		c.change(&ev)
		if probs := eventProblems(p, ev); len(probs) == 0 {
			t.Errorf("%s: altered event not reported", c.name)
		} else {
			t.Logf("%s: %s", c.name, probs[0])
		}
	}
}

// estimateWords mark a figure the source gives as an estimate or forecast.
var estimateWords = []string{"ước", "dự kiến"}

// hasEstimateWord reports whether s holds "ước" (as a word, not inside
// "nước") or "dự kiến".
func hasEstimateWord(s string) bool {
	ws := words(s)
	for i, w := range ws {
		if w == "ước" || (w == "dự" && i+1 < len(ws) && ws[i+1] == "kiến") {
			return true
		}
	}
	return false
}

// TestTimelineClaimsNoMoreThanTheSource checks that a headline keeps what
// qualifies its claim in the source: an event quoting an estimate ("ước
// đạt", "dự ước", "dự kiến") says so in its headline, and the liberation
// of 1949 is the first "in the resistance against French colonialism", as
// the source has it, not the first outright.
func TestTimelineClaimsNoMoreThanTheSource(t *testing.T) {
	p := loadTimelinePack(t)
	if hasEstimateWord("kháng chiến chống Mỹ cứu nước") || !hasEstimateWord("Dự ước tốc độ") || !hasEstimateWord("Dự kiến thu") {
		t.Fatalf("hasEstimateWord is broken (want %q as words)", estimateWords)
	}
	n := 0
	for _, ev := range p.Timeline.Events {
		if !hasEstimateWord(ev.Text) {
			continue
		}
		n++
		if !hasEstimateWord(ev.Headline) {
			t.Errorf("event %q quotes an estimate but its headline %q does not say so (want one of %q)", ev.ID, ev.Headline, estimateWords)
		}
	}
	if n < 5 {
		t.Errorf("only %d events quote an estimate, want the source's estimates (GRDP, nông lâm nghiệp, bán lẻ, 6 tháng 2023…)", n)
	}
	for _, ev := range p.Timeline.Events {
		if ev.ID == "giai-phong-bac-kan" && !strings.Contains(ev.Headline, "trong kháng chiến chống thực dân Pháp") {
			t.Errorf("event %q headline %q drops the source's qualifier “trong kháng chiến chống thực dân Pháp”", ev.ID, ev.Headline)
		}
	}
}
