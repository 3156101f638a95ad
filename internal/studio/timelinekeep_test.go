package studio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// The editor's save keeps timeline.toml as staff wrote it: unchanged, it
// is not touched at all; one headline changed changes one line; events
// and eras added, edited and deleted leave every comment in place.
func TestTimelineKeepsComments(t *testing.T) {
	dir := newExhibit(t, library.FromBuiltin)
	file := filepath.Join(dir, "timeline.toml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d.TimelineChanged = true
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != string(orig) {
		t.Fatalf("an unchanged timeline was rewritten:\n%s", lineDiff(string(orig), string(got)))
	}

	evs := d.Timeline.Events
	evs[3].Headline = "Tiêu đề mới"
	d.TimelineChanged = true
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	if diff := lineDiff(string(orig), string(got)); strings.Count(diff, "\n") != 2 || !strings.Contains(diff, `+headline = "Tiêu đề mới"`) {
		t.Errorf("one headline changed more than its line:\n%s", diff)
	}

	// More edits: an event added with a picture, one deleted, one moved
	// in time and given a season, an era renamed and re-bounded, one added.
	i := d.NewEvent(exhibit.Date{Year: 1950, Precision: exhibit.PrecisionYear}, "Sự kiện mới")
	d.Timeline.Events[i].Text = "Dòng một.\nDòng hai."
	d.Pictures = append(d.Pictures, Picture{})
	d.Pictures = d.Pictures[:len(d.Pictures)-1]
	d.SetEventPicture(i, d.Pictures[0].ID)
	d.DeleteEvent(5)
	if err := d.SetEventDate(7, "mùa thu 1945", ""); err != nil {
		t.Fatal(err)
	}
	d.Timeline.Eras[0].Headline = "Thời kỳ đổi tên"
	if err := d.SetEraSpan(1, "1946 – 1954"); err != nil {
		t.Fatal(err)
	}
	e := d.NewEra(2024, 2030, "Thời kỳ mới")
	d.Timeline.Eras[e].Text = "Mốc do người biên soạn đặt."
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(file)
	for _, line := range strings.Split(string(orig), "\n") {
		if s := strings.TrimSpace(line); strings.HasPrefix(s, "#") && !strings.Contains(string(got), line) {
			t.Errorf("comment lost: %q", line)
		}
	}
	if os.Getenv("SHOW_DIFF") != "" {
		t.Log(lineDiff(string(orig), string(got)))
		os.WriteFile(os.Getenv("SHOW_DIFF"), got, 0o644)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v\n%s", err, probs, got)
	}
	pfs.Close()
	again, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pack.Timeline.Events) != len(d.Timeline.Events) || len(again.Timeline.Eras) != len(d.Timeline.Eras) {
		t.Fatalf("%d events, %d eras after reload", len(pack.Timeline.Events), len(again.Timeline.Eras))
	}
	byID := map[string]exhibit.Event{}
	for _, ev := range again.Timeline.Events {
		ev.Line = 0
		byID[ev.ID] = ev
	}
	for _, ev := range d.Timeline.Events {
		ev.Line = 0
		got := byID[ev.ID]
		if got.Headline != ev.Headline || got.Display != ev.Display || got.Text != ev.Text || got.Start != ev.Start ||
			(got.Media == nil) != (ev.Media == nil) || got.Chapter != ev.Chapter || got.Block != ev.Block {
			t.Errorf("event %s reloads as\n%+v\nwant\n%+v", ev.ID, got, ev)
		}
	}
}

// lineDiff lists the lines only in a (-) and only in b (+).
func lineDiff(a, b string) string {
	count := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		count[l]++
	}
	var out strings.Builder
	for _, l := range strings.Split(b, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out.WriteString("+" + l + "\n")
	}
	for _, l := range strings.Split(a, "\n") {
		if count[l] > 0 {
			count[l]--
			out.WriteString("-" + l + "\n")
		}
	}
	return out.String()
}
