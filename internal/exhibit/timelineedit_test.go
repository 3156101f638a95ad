package exhibit

import (
	"strings"
	"testing"
)

// Edits over a hand-written timeline: unquoted dates and a precision the
// date implies are the same values; a multi-line text is replaced whole;
// a media table taken away goes with its keys only; a new file says what
// it is in a comment.
func TestEditTimelineTOML(t *testing.T) {
	old := `# Dòng thời gian
title = "T"   # tên

[[events]]
# sự kiện đầu
id = "a"
start = 1943-09-22
precision = "day"
headline = "A"
text = """
Hai
dòng."""

[events.media]
url = "photos/a.jpg"  # ảnh

# sự kiện sau
[[events]]
id = "b"
start = 1945
headline = "B"
`
	d22 := Date{Year: 1943, Month: 9, Day: 22, Precision: PrecisionDay}
	tl := Timeline{Title: "T", Events: []Event{
		{ID: "a", Start: d22, Headline: "A", Text: "Hai\ndòng.", Media: &Media{URL: "photos/a.jpg"}},
		{ID: "b", Start: Date{Year: 1945, Precision: PrecisionYear}, Headline: "B"},
	}}
	if got := string(EditTimelineTOML([]byte(old), tl)); got != old {
		t.Fatalf("unchanged timeline rewritten:\n%s", got)
	}
	tl.Events[0].Text = "Một dòng."
	tl.Events[0].Media = nil
	tl.Events[1].Headline = "B mới"
	want := strings.NewReplacer(
		"text = \"\"\"\nHai\ndòng.\"\"\"", `text = "Một dòng."`,
		"[events.media]\nurl = \"photos/a.jpg\"  # ảnh\n\n", "",
		`headline = "B"`, `headline = "B mới"`,
	).Replace(old)
	if got := string(EditTimelineTOML([]byte(old), tl)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	fresh := string(EditTimelineTOML(nil, tl))
	if !strings.HasPrefix(fresh, "# ") || !strings.Contains(fresh, `headline = "B mới"`) {
		t.Errorf("new file:\n%s", fresh)
	}
}
