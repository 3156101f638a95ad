package chapterview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"trienlam/internal/exhibit"
)

// monospace measures every rune as 10 px wide and 1.2 × size tall, so line
// breaks in tests are exact and independent of fonts.
func monospace(text string, size float32, _ fyne.TextStyle) fyne.Size {
	return fyne.NewSize(float32(len([]rune(text)))*10, size*1.2)
}

func para(text string) exhibit.Block {
	return exhibit.Block{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: text}}}
}

// lines returns the text of each line of a block, runs on the same y joined.
func lines(l Layout, block int) []string {
	var out []string
	lastY := float32(-1)
	for _, r := range l.Runs {
		if r.Block != block {
			continue
		}
		if r.Y != lastY {
			out = append(out, "")
			lastY = r.Y
		}
		out[len(out)-1] += r.Text
	}
	return out
}

func TestLineBreaking(t *testing.T) {
	// Column: 20 characters (200 px) inside a 240 px view with 20 px pad.
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"fits", "Bắc Kạn", []string{"Bắc Kạn"}},
		{"wraps at spaces", "Đêm 22/9/1943 dưới chân thác nước", []string{"Đêm 22/9/1943 dưới", "chân thác nước"}},
		{"dates are never split", "ngày 22/9/1943-22/9/2023 thành lập", []string{"ngày 22/9/1943-22/9/2023", "thành lập"}},
		{"a dash never starts a line", "từ năm 1943 đến năm - 2023", []string{"từ năm 1943 đến", "năm - 2023"}},
		{"a date in words keeps its numbers", "quyết định tháng 5 năm 1941 chọn", []string{"quyết định tháng 5", "năm 1941 chọn"}},
		{"hard break", "một\nhai", []string{"một", "hai"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := layout([]exhibit.Block{para(tt.text)}, nil, 240, 10, 20, monospace)
			got := lines(l, 0)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("lines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestColumnStaysReadableOnWideScreens(t *testing.T) {
	text := strings.Repeat("chữ ", 200)
	l := layout([]exhibit.Block{para(text)}, nil, 3000, 10, 20, monospace)
	for _, r := range l.Runs {
		if n := len([]rune(r.Text)); n > 70 {
			t.Fatalf("a line of %d characters on a wide screen; want at most about 66: %q", n, r.Text)
		}
	}
	// The column is centred.
	left := l.Runs[0].X
	if left < 1000 {
		t.Errorf("column starts at x=%v on a 3000 px view; want it centred", left)
	}
}

func TestMarksSplitRunsAndDrawBehindThem(t *testing.T) {
	b := para("xã Thượng Ân, châu Ngân Sơn")
	start := strings.Index(b.Text(), "Thượng Ân")
	marks := map[int][][2]int{0: {{start, start + len("Thượng Ân")}}}
	l := layout([]exhibit.Block{b}, marks, 1000, 10, 20, monospace)
	var marked []string
	for _, r := range l.Runs {
		if r.Marked {
			marked = append(marked, r.Text)
		}
	}
	if strings.Join(marked, "") != "Thượng Ân" {
		t.Errorf("marked runs = %q, want “Thượng Ân”", marked)
	}
	if len(l.Marks) != 1 {
		t.Fatalf("%d mark rectangles, want 1", len(l.Marks))
	}
	if got := lines(l, 0); len(got) != 1 || got[0] != b.Text() {
		t.Errorf("marking changed the text: %q", got)
	}
}

func TestStylesAndBlockPositions(t *testing.T) {
	blocks := []exhibit.Block{
		{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "ĐỀ CƯƠNG", Strong: true}}},
		{Kind: exhibit.Heading, Level: 1, Spans: []exhibit.Span{{Text: "I. HOÀN CẢNH"}}},
		{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "chiếm "}, {Text: "hơn 11%", Emphasis: true}}},
		{Kind: exhibit.ListItem, Level: 1, Number: 2, Spans: []exhibit.Span{{Text: "mục"}}},
	}
	l := layout(blocks, nil, 1000, 10, 20, monospace)
	for i := 1; i < len(blocks); i++ {
		if l.BlockTop[i] <= l.BlockBottom[i-1] {
			t.Errorf("block %d starts at %v, above the end of block %d (%v)", i, l.BlockTop[i], i-1, l.BlockBottom[i-1])
		}
	}
	var heading, italic, title *Run
	for i := range l.Runs {
		r := &l.Runs[i]
		switch {
		case r.Block == 0:
			title = r
		case r.Heading == 1:
			heading = r
		case r.Style.Italic:
			italic = r
		}
	}
	if heading == nil || heading.Size <= 10 || !heading.Style.Bold {
		t.Errorf("heading run %+v: want bold and larger than body", heading)
	}
	if italic == nil || italic.Text != "hơn 11%" {
		t.Errorf("emphasis run %+v", italic)
	}
	// The title block before the first heading is centred.
	if title == nil || title.X <= l.Runs[len(l.Runs)-1].X {
		t.Errorf("title block not centred: %+v", title)
	}
	if len(l.Rules) == 0 {
		t.Error("no rule under the first-level heading")
	}
	if len(l.Bullets) != 1 || l.Bullets[0].Text != "2." {
		t.Errorf("list bullets = %+v, want “2.”", l.Bullets)
	}
}
