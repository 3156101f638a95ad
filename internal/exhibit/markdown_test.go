package exhibit

import (
	"reflect"
	"testing"
)

func TestParseBlocks(t *testing.T) {
	tests := []struct {
		name, src string
		first     int
		want      []Block
	}{
		{"emphasis in strong", "**a *b* c**", 1, []Block{{Kind: Paragraph, Line: 1, Spans: []Span{
			{Text: "a ", Strong: true}, {Text: "b", Strong: true, Emphasis: true}, {Text: " c", Strong: true}}}}},
		{"strong in emphasis", "_x **y**_", 1, []Block{{Kind: Paragraph, Line: 1, Spans: []Span{
			{Text: "x ", Emphasis: true}, {Text: "y", Emphasis: true, Strong: true}}}}},
		{"soft and hard breaks", "một\nhai  \nba", 1, []Block{{Kind: Paragraph, Line: 1, Spans: []Span{{Text: "một hai\nba"}}}}},
		{"code link autolink image", "`x*y` [Đảng](http://a) <http://b.vn> ![ảnh](p.png)", 1, []Block{{Kind: Paragraph, Line: 1,
			Spans: []Span{{Text: "x*y Đảng http://b.vn ảnh"}}}}},
		{"escapes and entities", `5 \* 3 &amp; 1 &#8211; 2`, 1, []Block{{Kind: Paragraph, Line: 1, Spans: []Span{{Text: "5 * 3 & 1 – 2"}}}}},
		{"decomposed diacritics kept", "Vie\u0323\u0302t", 1, []Block{{Kind: Paragraph, Line: 1, Spans: []Span{{Text: "Vie\u0323\u0302t"}}}}},
		{"setext heading and line offset", "Tiêu đề\n=======\n\ntext", 5, []Block{
			{Kind: Heading, Level: 1, Line: 5, Spans: []Span{{Text: "Tiêu đề"}}},
			{Kind: Paragraph, Line: 8, Spans: []Span{{Text: "text"}}}}},
		{"loose list with two paragraphs", "1. một\n\n   tiếp\n2. hai", 1, []Block{
			{Kind: ListItem, Level: 1, Number: 1, Line: 1, Spans: []Span{{Text: "một\ntiếp"}}},
			{Kind: ListItem, Level: 1, Number: 2, Line: 4, Spans: []Span{{Text: "hai"}}}}},
		{"quote with heading and list", "> # T\n> - a\n>\n> p", 1, []Block{
			{Kind: Quote, Line: 1, Spans: []Span{{Text: "T"}}},
			{Kind: Quote, Level: 1, Line: 2, Spans: []Span{{Text: "a"}}},
			{Kind: Quote, Line: 4, Spans: []Span{{Text: "p"}}}}},
		{"thematic break and empty item", "a\n\n---\n\n-\n- b", 1, []Block{
			{Kind: Paragraph, Line: 1, Spans: []Span{{Text: "a"}}},
			{Kind: ListItem, Level: 1, Line: 6, Spans: []Span{{Text: "b"}}}}},
		{"code block kept as text", "```\nx := 1\n```", 1, []Block{{Kind: Paragraph, Line: 2, Spans: []Span{{Text: "x := 1"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseBlocks([]byte(tt.src), tt.first)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		src         string
		front, rest string
		close       int
		has, closed bool
	}{
		{"# x\n", "", "# x\n", 0, false, false},
		{"+++\na = 1\n+++\nbody\n", "a = 1\n", "body\n", 3, true, true},
		{"+++\n+++", "", "", 2, true, true},
		{"+++ \nx\n", "", "", 0, true, false},
		{"+++", "", "", 0, true, false},
		{"++++\n", "", "++++\n", 0, false, false},
	}
	for _, tt := range tests {
		front, rest, closeLine, has, closed := splitFrontMatter([]byte(tt.src))
		if string(front) != tt.front || string(rest) != tt.rest || closeLine != tt.close || has != tt.has || closed != tt.closed {
			t.Errorf("splitFrontMatter(%q) = %q, %q, %d, %v, %v", tt.src, front, rest, closeLine, has, closed)
		}
	}
}

func TestMasthead(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
	}{
		{"title block before a rule", "**ĐỀ CƯƠNG**  \n**KỶ NIỆM**\n\n*(kèm theo Hướng dẫn)*\n\n---\n\n# I. MỘT\n\nVăn bản.", 2},
		{"no rule", "**ĐỀ CƯƠNG**\n\n# I. MỘT\n\nVăn bản.", 0},
		{"rule after the heading", "**ĐỀ CƯƠNG**\n\n# I. MỘT\n\n---\n\nVăn bản.", 0},
		{"plain paragraph before the rule", "**ĐỀ CƯƠNG**\n\nMở đầu thường.\n\n---\n\nVăn bản.", 0},
		{"rule first", "---\n\n**A**", 0},
		{"setext heading is not a rule", "**ĐỀ CƯƠNG**\n---\n\nVăn bản.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, got := parseBlocksMasthead([]byte(tt.src), 1)
			if got != tt.want {
				t.Errorf("masthead = %d, want %d (blocks %+v)", got, tt.want, blocks)
			}
		})
	}
}
