package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"trienlam/internal/exhibit"
)

// para makes a paragraph block of plain text, split into two spans so that
// Block.Text's joining is exercised too.
func para(s string) exhibit.Block {
	half := len(s) / 2
	for half > 0 && !utf8.RuneStart(s[half]) {
		half--
	}
	return exhibit.Block{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: s[:half]}, {Text: s[half:], Strong: true}}}
}

// longText is over contextChars characters, with the match near the end.
const longText = "Bắc Kạn là tỉnh miền núi thuộc khu vực Đông Bắc Việt Nam, là đầu mối trung chuyển thuận lợi giữa miền ngược - miền xuôi; giữa biên giới Đông Bắc với thủ đô Hà Nội và các tỉnh trung du, đồng bằng Bắc Bộ; Chi bộ Chí Kiên ra đời ở đây, là phen dậu vững chắc bảo vệ kinh thành Thăng Long xưa và Thủ đô Hà Nội ngày nay."

func testPack() *exhibit.Pack {
	return &exhibit.Pack{
		Chapters: []*exhibit.Chapter{
			{ID: "ra-doi", Title: "Chi bộ Chí Kiên ra đời", Blocks: []exhibit.Block{
				para("Đêm 22/9/1943, tại chân thác nước khu ruộng Coong Tát, Chi bộ Chí Kiên được thành lập."), // 0
				para("Xã Thượng Ân có 11.102 đảng viên."),                                                      // 1
				para("Ghi chú không dấu: chi kien."),                                                           // 2
				para(norm.NFD.String("Chữ tổ hợp (NFD): Chí Kiên, Đảng.")),                                     // 3
				para(longText), // 4
				para("Chí Kiên, Chí Kiên, và một lần nữa Chí Kiên."), // 5
				para("Kiên trì, bền bỉ: chi tiết."),                  // 6
			}},
			{ID: "dang-bo", Title: "Đảng bộ", Blocks: []exhibit.Block{
				{Kind: exhibit.Heading, Level: 2, Spans: []exhibit.Span{{Text: "ĐẢNG VIÊN MỚI"}}}, // 0
				para("Anh ấy là người Thượng Âm."),                                                // 1
			}},
		},
		Timeline: exhibit.Timeline{Events: []exhibit.Event{
			{ID: "thanh-lap", Headline: "Thành lập Chi bộ Chí Kiên", Text: "Đêm 22/9/1943 tại Coong Tát."},
		}},
	}
}

type loc struct {
	Chapter string
	Block   int
	Event   string
	Field   Field
}

func locs(hits []Hit) []loc {
	var ls []loc
	for _, h := range hits {
		ls = append(ls, loc{h.Chapter, h.Block, h.Event, h.Field})
	}
	return ls
}

// textOf returns the original text a hit's Ranges index.
func textOf(p *exhibit.Pack, h Hit) string {
	switch h.Field {
	case FieldChapterTitle:
		return p.Chapter(h.Chapter).Title
	case FieldBlock:
		return p.Chapter(h.Chapter).Blocks[h.Block].Text()
	case FieldPhotoCaption:
		for _, ph := range p.Photos {
			if ph.ID == h.Photo {
				return ph.Caption
			}
		}
	}
	for _, ev := range p.Timeline.Events {
		if ev.ID == h.Event {
			if h.Field == FieldEventHeadline {
				return ev.Headline
			}
			return ev.Text
		}
	}
	panic("no such event " + h.Event)
}

// checkHits verifies every range of every hit: inside the text, on rune
// boundaries, sorted, and covering exactly one query word once folded; and
// the same for the context ranges.
func checkHits(t *testing.T, p *exhibit.Pack, query string, hits []Hit) {
	t.Helper()
	terms := strings.FieldsFunc(Fold(strings.Trim(query, `"`)), func(r rune) bool { return !isWordRune(r) })
	for _, h := range hits {
		text := textOf(p, h)
		if len(h.Ranges) == 0 {
			t.Errorf("%q: hit %+v has no ranges", query, h)
		}
		checkRanges(t, query, text, h.Ranges, terms)
		checkRanges(t, query, h.Context, h.ContextRanges, terms)
		if n := utf8.RuneCountInString(h.Context); n > max(contextChars, maxSentenceChars)+2 {
			t.Errorf("%q: context is %d characters: %q", query, n, h.Context)
		}
	}
}

func checkRanges(t *testing.T, query, text string, rs [][2]int, terms []string) {
	t.Helper()
	prev := 0
	for _, r := range rs {
		if r[0] < prev || r[0] >= r[1] || r[1] > len(text) {
			t.Errorf("%q: bad range %v in %q (previous end %d)", query, r, text, prev)
			return
		}
		if !utf8.RuneStart(text[r[0]]) || (r[1] < len(text) && !utf8.RuneStart(text[r[1]])) {
			t.Errorf("%q: range %v of %q is not on rune boundaries", query, r, text)
		}
		// A range is one query word, or the whole query as a phrase.
		got := strings.FieldsFunc(Fold(text[r[0]:r[1]]), func(r rune) bool { return !isWordRune(r) })
		if !(len(got) == 1 && slices.Contains(terms, got[0])) && !slices.Equal(got, terms) {
			t.Errorf("%q: range %v of %q is %q, folds to %q, neither a query word nor the phrase %q", query, r, text, text[r[0]:r[1]], got, terms)
		}
		prev = r[1]
	}
}

func TestSearch(t *testing.T) {
	p := testPack()
	ix := NewIndex(p)
	title := loc{"ra-doi", -1, "", FieldChapterTitle}
	b := func(ch string, i int) loc { return loc{ch, i, "", FieldBlock} }
	evHead := loc{"", 0, "thanh-lap", FieldEventHeadline}
	evText := loc{"", 0, "thanh-lap", FieldEventText}
	tests := []struct {
		query string
		want  []loc
	}{
		// Exact ("chi kien" typed as written in block 2) first, then the
		// phrase matches in reading order.
		// Block 6 has both words, but apart: last.
		{"chi kien", []loc{b("ra-doi", 2), title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead, b("ra-doi", 6)}},
		// Typed with diacritics: only words with those marks (NFD
		// included); "chi kien" in block 2 and "chi" in block 6 are not
		// "Chí".
		{"Chí Kiên", []loc{title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead}},
		{"CHÍ KIÊN", []loc{title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead}},
		// Words in the other order: only block 5 ("Kiên, Chí") has them as
		// a phrase (punctuation between words does not break a phrase).
		{"kien chi", []loc{b("ra-doi", 5), title, b("ra-doi", 0), b("ra-doi", 2), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 6), evHead}},
		// The last word is a prefix: "an" also starts "Anh" in
		// "Anh ấy là người Thượng Âm", which has both words apart and comes
		// after the whole-word phrase.
		{"thuong an", []loc{b("ra-doi", 1), b("dang-bo", 1)}},
		// "Ân" typed with its circumflex is not the start of "Anh".
		{"Thượng Ân", []loc{b("ra-doi", 1)}},
		// A trailing space says the word is finished: whole words only.
		{"thuong an ", []loc{b("ra-doi", 1)}},
		{"dang vien", []loc{b("ra-doi", 1), b("dang-bo", 0)}},
		{"DANG VIEN", []loc{b("ra-doi", 1), b("dang-bo", 0)}},
		{"đảng viên", []loc{b("ra-doi", 1), b("dang-bo", 0)}},
		{"dang", []loc{b("ra-doi", 1), b("ra-doi", 3), {"dang-bo", -1, "", FieldChapterTitle}, b("dang-bo", 0)}},
		{"11.102", []loc{b("ra-doi", 1)}},
		{"coong tat", []loc{b("ra-doi", 0), evText}},
		{"1943", []loc{b("ra-doi", 0), evText}},
		{"22/9/1943", []loc{b("ra-doi", 0), evText}},
		// Punctuation around and inside the query is only a separator;
		// « » ask for the phrase.
		{"  «Chí-Kiên!!» ", []loc{title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead}},
		// Search as you type: the last word, with nothing after it, matches
		// the start of a word. Same tiers as for whole words.
		{"chi kie", []loc{b("ra-doi", 2), title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead, b("ra-doi", 6)}},
		{"Chí Kiê", []loc{title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead}},
		{norm.NFD.String("Chí Kiê"), []loc{title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead}},
		{"thuong a", []loc{b("ra-doi", 1), b("dang-bo", 1)}},
		{"dang vi", []loc{b("ra-doi", 1), b("dang-bo", 0)}},
		{"DANG VI", []loc{b("ra-doi", 1), b("dang-bo", 0)}},
		{"kie", []loc{b("ra-doi", 2), title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), b("ra-doi", 6), evHead}},
		// Only the last word is a prefix.
		{"ch kien", nil},
		{"kie kien", nil},
		{"thuong", []loc{b("ra-doi", 1), b("dang-bo", 1)}},
		// Whole words where the query goes on after them: "an " is not a
		// prefix match for "Anh", "âm" is not "ân", "kie " not "Kiên".
		{"an ", []loc{b("ra-doi", 1)}},
		{"kie ", nil},
		{"kie.", nil},
		{"chi kien ", []loc{b("ra-doi", 2), title, b("ra-doi", 0), b("ra-doi", 3), b("ra-doi", 4), b("ra-doi", 5), evHead, b("ra-doi", 6)}},
		// "an" typed is exactly how "Anh" starts (the exact tier), while
		// "Ân" needs its diacritics; at the same tier whole would win.
		{"an", []loc{b("dang-bo", 1), b("ra-doi", 1)}},
		{"chi kien xyz", nil},
		{"chi kien xyz ", nil},
		{"", nil},
		{"   \t\n ", nil},
		{"!?.,;", nil},
	}
	for _, tt := range tests {
		hits := ix.Search(tt.query, 0)
		if got := locs(hits); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q):\n got  %v\n want %v", tt.query, got, tt.want)
		}
		checkHits(t, p, tt.query, hits)
	}
}

func TestSearchRanges(t *testing.T) {
	p := testPack()
	ix := NewIndex(p)
	hits := ix.Search("chi kien", 0)
	var h5 *Hit
	for i := range hits {
		if hits[i].Chapter == "ra-doi" && hits[i].Block == 5 {
			h5 = &hits[i]
		}
	}
	if h5 == nil {
		t.Fatal("no hit for block 5")
	}
	// Three occurrences of the phrase: one hit, three ranges, in order.
	text := p.Chapters[0].Blocks[5].Text()
	var got []string
	for _, r := range h5.Ranges {
		got = append(got, text[r[0]:r[1]])
	}
	want := []string{"Chí Kiên", "Chí Kiên", "Chí Kiên"}
	if !slices.Equal(got, want) {
		t.Errorf("ranges cover %q, want %q", got, want)
	}
	if h5.Context != text {
		t.Errorf("short text: context %q, want the whole text", h5.Context)
	}

	// Decomposed text: the range must include the combining marks.
	for _, h := range hits {
		if h.Block == 3 {
			text := p.Chapters[0].Blocks[3].Text()
			r := h.Ranges[0]
			if got := text[r[0]:r[1]]; got != norm.NFD.String("Chí Kiên") {
				t.Errorf("NFD range covers %q, want all of decomposed Chí Kiên", got)
			}
		}
	}
}

// rangeTexts returns the text each range of h covers.
func rangeTexts(p *exhibit.Pack, h Hit) []string {
	text := textOf(p, h)
	var got []string
	for _, r := range h.Ranges {
		got = append(got, text[r[0]:r[1]])
	}
	return got
}

// TestSearchPrefixRanges checks that a last word matched as a prefix
// highlights only that prefix, combining marks included, and a whole word
// all of it.
func TestSearchPrefixRanges(t *testing.T) {
	p := testPack()
	ix := NewIndex(p)
	title := loc{"ra-doi", -1, "", FieldChapterTitle}
	b := func(ch string, i int) loc { return loc{ch, i, "", FieldBlock} }
	tests := []struct {
		query string
		at    loc
		want  []string
	}{
		// The phrase is highlighted, not each word wherever it occurs
		// (the title's "Chi" of "Chi bộ" stays plain).
		{"chi kie", title, []string{"Chí Kiê"}},
		{"chi kie", b("ra-doi", 5), []string{"Chí Kiê", "Chí Kiê", "Chí Kiê"}},
		{"chi kie", b("ra-doi", 2), []string{"chi kie"}},
		// Text stored in NFD: the prefix takes the circumflex with its e.
		{"chi kie", b("ra-doi", 3), []string{norm.NFD.String("Chí Kiê")}},
		{"kie", b("ra-doi", 6), []string{"Kiê"}},
		{"chi kien ", title, []string{"Chí Kiên"}},
		{"chi kien", b("ra-doi", 3), []string{norm.NFD.String("Chí Kiên")}},
		{"thuong a", b("ra-doi", 1), []string{"Thượng Â"}},
		{"dang vi", b("ra-doi", 1), []string{"đảng vi"}},
		{"dang vi", b("dang-bo", 0), []string{"ĐẢNG VI"}},
		{"dang vie", b("dang-bo", 0), []string{"ĐẢNG VIÊ"}},
		// Words close together but not a phrase: each word once, in the
		// closest group; apart: every occurrence of each.
		{"kien chi", title, []string{"Chí", "Kiên"}},
		{"thuong an", b("dang-bo", 1), []string{"An", "Thượng"}},
		// A word matched whole by one query word and as a prefix by the
		// last is highlighted once, whole.
		{"kien kie", b("ra-doi", 5), []string{"Kiên"}},
	}
	for _, tt := range tests {
		hits := ix.Search(tt.query, 0)
		i := slices.Index(locs(hits), tt.at)
		if i < 0 {
			t.Errorf("Search(%q): no hit at %v", tt.query, tt.at)
			continue
		}
		if got := rangeTexts(p, hits[i]); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) at %v: ranges cover %q, want %q", tt.query, tt.at, got, tt.want)
		}
	}

	// The context of a prefix match highlights the prefix too.
	hits := ix.Search("chi kie", 0)
	h := hits[slices.Index(locs(hits), b("ra-doi", 4))]
	var got []string
	for _, r := range h.ContextRanges {
		got = append(got, h.Context[r[0]:r[1]])
	}
	if !slices.Equal(got, []string{"Chí Kiê"}) {
		t.Errorf("context %q: ranges cover %q", h.Context, got)
	}
}

// TestSearchPrefixLimit checks that a one-letter query, which matches much
// of a pack, works and that the limit bounds it.
func TestSearchPrefixLimit(t *testing.T) {
	p := testPack()
	ix := NewIndex(p)
	all := ix.Search("c", 0)
	if len(all) < 8 {
		t.Fatalf("Search(\"c\") = %d hits, want most of the pack", len(all))
	}
	checkHits(t, p, "c", all)
	three := ix.Search("c", 3)
	if !slices.Equal(locs(three), locs(all[:3])) {
		t.Errorf("limit 3 gave %v, want the first three of %v", locs(three), locs(all))
	}
	for i := range three {
		if three[i].Context != all[i].Context || !slices.Equal(three[i].Ranges, all[i].Ranges) {
			t.Errorf("limited hit %d differs: %+v vs %+v", i, three[i], all[i])
		}
	}
}

func TestSearchContext(t *testing.T) {
	p := testPack()
	ix := NewIndex(p)
	hits := ix.Search("chi kien", 0)
	var h *Hit
	for i := range hits {
		if hits[i].Block == 4 {
			h = &hits[i]
		}
	}
	if h == nil {
		t.Fatal("no hit in the long block")
	}
	if !strings.HasPrefix(h.Context, "…") || !strings.HasSuffix(h.Context, "…") {
		t.Errorf("context not marked as cut at both ends: %q", h.Context)
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(h.Context, "…"), "…")
	if !strings.Contains(longText, inner) {
		t.Errorf("context %q is not a piece of the text", h.Context)
	}
	// Cut at word boundaries: the text around the inner part is a space.
	i := strings.Index(longText, inner)
	if longText[i-1] != ' ' || longText[i+len(inner)] != ' ' {
		t.Errorf("context %q cuts a word", h.Context)
	}
	if n := utf8.RuneCountInString(h.Context); n < contextChars-30 || n > contextChars+2 {
		t.Errorf("context is %d characters, want about %d", n, contextChars)
	}
	var got []string
	for _, r := range h.ContextRanges {
		got = append(got, h.Context[r[0]:r[1]])
	}
	if !slices.Equal(got, []string{"Chí Kiên"}) {
		t.Errorf("context ranges cover %q", got)
	}
}

func TestContextLineBreaks(t *testing.T) {
	ctx, rs := context("Đêm\n22/9/1943\tChí Kiên\n", [][2]int{{16, 20}}, [2]int{16, 20})
	if ctx != "Đêm 22/9/1943 Chí Kiên" || rs[0] != [2]int{16, 20} || ctx[16:20] != "Chí" {
		t.Errorf("context = %q %v", ctx, rs)
	}
}

func TestSearchLimit(t *testing.T) {
	ix := NewIndex(testPack())
	all := ix.Search("chi kien", 0)
	two := ix.Search("chi kien", 2)
	if len(two) != 2 || !slices.Equal(locs(two), locs(all[:2])) {
		t.Errorf("limit 2 gave %v, want the first two of %v", locs(two), locs(all))
	}
	if got := ix.Search("chi kien", -1); len(got) != len(all) {
		t.Errorf("negative limit gave %d hits, want all %d", len(got), len(all))
	}
}

func TestSearchEmpty(t *testing.T) {
	var nilIndex *Index
	for _, ix := range []*Index{nilIndex, NewIndex(nil), NewIndex(&exhibit.Pack{}),
		NewIndex(&exhibit.Pack{Chapters: []*exhibit.Chapter{nil, {ID: "x"}}})} {
		if hits := ix.Search("chi kien", 10); hits != nil {
			t.Errorf("empty index returned %v", hits)
		}
	}
}

func FuzzSearch(f *testing.F) {
	f.Add("Chi bộ Chí Kiên ra đời đêm 22/9/1943.", "chi kien")
	f.Add(norm.NFD.String("Đảng viên Thượng Ân"), "DANG VIEN")
	f.Add("11.102 đảng viên", "11.102")
	f.Add(longText, "ha noi")
	f.Add("\xff\xfe a\u0301", "a")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, text, query string) {
		p := &exhibit.Pack{
			Chapters: []*exhibit.Chapter{{ID: "c", Title: query, Blocks: []exhibit.Block{{Spans: []exhibit.Span{{Text: text}}}}}},
			Timeline: exhibit.Timeline{Events: []exhibit.Event{{ID: "e", Headline: text, Text: query}}},
		}
		hits := NewIndex(p).Search(query, 0)
		terms := strings.FieldsFunc(Fold(strings.Trim(query, `"`)), func(r rune) bool { return !isWordRune(r) })
		for _, h := range hits {
			txt := textOf(p, h)
			for _, pair := range []struct {
				s  string
				rs [][2]int
			}{{txt, h.Ranges}, {h.Context, h.ContextRanges}} {
				prev := 0
				for _, r := range pair.rs {
					if r[0] < prev || r[0] >= r[1] || r[1] > len(pair.s) {
						t.Fatalf("bad range %v in %q", r, pair.s)
					}
					prev = r[1]
					if !utf8.ValidString(pair.s) {
						continue
					}
					if !utf8.RuneStart(pair.s[r[0]]) || (r[1] < len(pair.s) && !utf8.RuneStart(pair.s[r[1]])) {
						t.Fatalf("range %v of %q not on rune boundaries", r, pair.s)
					}
					got := Fold(pair.s[r[0]:r[1]])
					if !slices.ContainsFunc(terms, func(term string) bool { return strings.Contains(got, term) }) {
						t.Fatalf("range %v of %q folds to %q, no query word %q in it", r, pair.s, got, terms)
					}
				}
			}
		}
	})
}
