package slides

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/speech"
)

func builtin(t *testing.T) *exhibit.Pack {
	t.Helper()
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkDeck checks the properties every presentation has.
func checkDeck(t *testing.T, p *exhibit.Pack, deck []Slide) {
	t.Helper()
	if len(deck) == 0 || deck[0].Kind != Title || deck[0].Title != p.Title {
		t.Fatalf("first slide is not the title: %+v", deck[0])
	}
	if p.Subtitle != "" && !strings.Contains(deck[0].Text, p.Subtitle) {
		t.Errorf("title slide lacks the subtitle: %q", deck[0].Text)
	}
	if p.Source.Publisher != "" && !strings.Contains(deck[0].Text, p.Source.Publisher) {
		t.Errorf("title slide lacks the organiser: %q", deck[0].Text)
	}
	if p.Source.Reference != "" && deck[0].Cite != p.Source.Reference {
		t.Errorf("title slide lacks the source reference: %q", deck[0].Cite)
	}
	if last := deck[len(deck)-1]; last.Kind != Closing || last.Title != p.Title {
		t.Errorf("last slide is not the closing: %+v", last)
	}

	// Every paragraph's text, whole, in order, and nothing else.
	got := map[string][]string{} // chapter → block texts rebuilt
	lastChapter := -1
	for i, s := range deck[1 : len(deck)-1] {
		ci := p.ChapterIndex(s.Chapter)
		if ci < 0 {
			t.Fatalf("slide %d: unknown chapter %q", i+1, s.Chapter)
		}
		if ci < lastChapter {
			t.Errorf("slide %d (%s) goes back to chapter %q", i+1, s.Kind, s.Chapter)
		}
		lastChapter = ci
		ch := p.Chapters[ci]
		switch s.Kind {
		case Passage, Section:
			if s.Block < -1 || s.Block >= len(ch.Blocks) || (s.Kind == Passage && s.Block < 0) {
				t.Fatalf("slide %d: block %d out of range of %q (%d blocks)", i+1, s.Block, ch.ID, len(ch.Blocks))
			}
			if s.Kind == Section && s.Block >= 0 {
				b := ch.Blocks[s.Block]
				if b.Kind != exhibit.Heading || s.Title != strings.TrimSpace(b.Text()) {
					t.Errorf("slide %d: section title %q is not heading %d", i+1, s.Title, s.Block)
				}
			}
		default:
			if s.Block != -1 {
				t.Errorf("slide %d: %s with block %d", i+1, s.Kind, s.Block)
			}
		}
		if s.Kind == Passage {
			for len(got[s.Chapter]) <= s.Block {
				got[s.Chapter] = append(got[s.Chapter], "")
			}
			got[s.Chapter][s.Block] = strings.TrimSpace(got[s.Chapter][s.Block] + " " + s.Text)
			checkLength(t, s.Text)
			if !strings.Contains(s.Notes, normalizeSpace(ch.Blocks[s.Block].Text())) {
				t.Errorf("slide %d: notes lack the paragraph", i+1)
			}
		}
	}
	for _, ch := range p.Chapters {
		rebuilt := got[ch.ID]
		for bi, b := range ch.Blocks {
			var have string
			if bi < len(rebuilt) {
				have = rebuilt[bi]
			}
			// Every paragraph is on the slides, but not the document's
			// header, which the title slide stands for.
			want := ""
			if b.Kind != exhibit.Heading && bi >= HeaderBlocks(ch, ch == p.Chapters[0]) {
				want = normalizeSpace(b.Text())
			}
			if normalizeSpace(have) != want {
				t.Errorf("%s block %d: passages give\n%q\nwant\n%q", ch.ID, bi, have, want)
			}
		}
	}

	// Every picture and linked moment exactly once, in its chapter.
	photos := map[string]int{}
	events := map[string]int{}
	for _, s := range deck {
		switch s.Kind {
		case Picture:
			photos[s.Chapter+"/"+s.Photo]++
		case Moment:
			events[s.Event]++
		}
	}
	for _, ch := range p.Chapters {
		for _, id := range ch.Photos {
			if p.Photo(id) != nil && photos[ch.ID+"/"+id] != 1 {
				t.Errorf("photo %s of %s shown %d times", id, ch.ID, photos[ch.ID+"/"+id])
			}
		}
	}
	for _, e := range p.Timeline.Events {
		want := 0
		if p.Chapter(e.Chapter) != nil {
			want = 1
		}
		if events[e.ID] != want {
			t.Errorf("event %s shown %d times, want %d", e.ID, events[e.ID], want)
		}
	}
}

// checkLength fails when a passage is over MaxWords words and more than one
// sentence.
func checkLength(t *testing.T, text string) {
	t.Helper()
	if n := len(strings.Fields(text)); n > MaxWords && len(speech.Sentences(text)) > 1 {
		t.Errorf("passage of %d words and %d sentences: %q", n, len(speech.Sentences(text)), text)
	}
}

func TestBuiltinPack(t *testing.T) {
	p := builtin(t)
	deck := FromPack(p, nil)
	checkDeck(t, p, deck)

	count := map[Kind]int{}
	for _, s := range deck {
		count[s.Kind]++
	}
	if count[Section] != len(p.Chapters) {
		t.Errorf("%d section slides for %d chapters", count[Section], len(p.Chapters))
	}
	t.Logf("%d slides: %v", len(deck), count)

	// The moment of the founding follows the passage that tells it.
	for i, s := range deck {
		if s.Event == "thanh-lap-chi-bo-chi-kien" {
			prev := deck[i-1]
			for prev.Kind == Moment {
				i--
				prev = deck[i-1]
			}
			if prev.Kind != Passage || !strings.Contains(prev.Text, "Đêm 22/9/1943") {
				t.Errorf("founding moment after %s %q", prev.Kind, prev.Text)
			}
			// Its text is the passage just shown: the moment has the date
			// and the headline only.
			if s.Text != "Đêm 22/9/1943" || s.Title != "Thành lập Chi bộ Chí Kiên" {
				t.Errorf("founding moment: %q / %q", s.Title, s.Text)
			}
		}
	}
	// Section notes: the chapter's first sentence.
	for _, s := range deck {
		if s.Kind == Section && s.Chapter == "hoan-canh" {
			if !strings.HasPrefix(s.Notes, "Bắc Kạn là tỉnh miền núi") {
				t.Errorf("section notes %q", s.Notes)
			}
		}
	}
	// Passage notes end with the next passage's first words.
	var passages []Slide
	for _, s := range deck {
		if s.Kind == Passage {
			passages = append(passages, s)
		}
	}
	for i := 0; i+1 < len(passages); i++ {
		want := "Tiếp theo: " + firstWords(passages[i+1].Text, 8)
		if !strings.HasSuffix(passages[i].Notes, want) {
			t.Errorf("passage %d notes end %q, want %q", i, tail(passages[i].Notes), want)
		}
	}
	if last := passages[len(passages)-1]; strings.Contains(last.Notes, "Tiếp theo") {
		t.Errorf("last passage has a next: %q", last.Notes)
	}
}

func tail(s string) string {
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		return "…" + string(r[len(r)-80:])
	}
	return s
}

func TestPicturesAndNotes(t *testing.T) {
	para := func(s string) exhibit.Block {
		return exhibit.Block{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: s}}}
	}
	long := strings.Repeat("Một hai ba bốn năm sáu bảy tám chín mười. ", 12)
	p := &exhibit.Pack{
		Title: "Tiêu đề",
		Photos: []*exhibit.Photo{
			{ID: "a", Caption: "Ảnh A", Credit: "Người chụp A", Kind: exhibit.KindPhoto},
			{ID: "b", Caption: "Bản đồ B", Credit: "Nhóm", Kind: exhibit.KindIllustration},
			{ID: "c", Caption: "Ảnh C", Kind: exhibit.KindPhoto},
		},
		Chapters: []*exhibit.Chapter{
			{ID: "x", Title: "Chương X", PresenterNotes: "Nhắc khán giả đứng dậy.",
				Blocks: []exhibit.Block{para("Câu đầu. Câu hai."), para(long), para("Cuối.")},
				Photos: []string{"a", "b", "missing"}},
			{ID: "y", Title: "Chương Y", Photos: []string{"c"},
				Blocks: []exhibit.Block{{Kind: exhibit.Heading, Level: 1, Spans: []exhibit.Span{{Text: "Y. PHẦN Y"}}}}},
		},
		Timeline: exhibit.Timeline{Events: []exhibit.Event{
			{ID: "e1", Chapter: "x", Block: 1, Display: "1945", Headline: "Sự kiện", Text: "**Một** hai ba"},
			{ID: "e2", Chapter: "y", Block: 0, Display: "1946", Headline: "Gắn tiêu đề"},
			{ID: "e3", Chapter: "", Display: "1947", Headline: "Không gắn"},
		}},
	}
	deck := FromPack(p, nil)
	checkDeck(t, p, deck)
	for _, s := range deck {
		t.Logf("%-8s %-6s %2d %q", s.Kind, s.Chapter, s.Block, s.Title+"|"+s.Text)
	}
	if deck[1].Kind != Section || deck[1].Title != "Chương X" || deck[1].Block != -1 ||
		!strings.HasPrefix(deck[1].Notes, "Nhắc khán giả đứng dậy.\nCâu đầu.") {
		t.Errorf("section of a chapter with no heading: %+v", deck[1])
	}
	for _, s := range deck {
		switch s.Photo {
		case "b":
			if s.Notes != "Bản đồ B\nNhóm\n(minh hoạ)" || s.Title != "Bản đồ B" {
				t.Errorf("illustration slide %+v", s)
			}
		case "a":
			if strings.Contains(s.Notes, "minh hoạ") {
				t.Errorf("photo labelled an illustration: %+v", s)
			}
		}
		// The moment follows the paragraph that tells it: date only.
		if s.Event == "e1" && (s.Text != "1945" || s.Notes != "1945\nMột hai ba") {
			t.Errorf("moment text %q", s.Text)
		}
	}
	// The long paragraph is cut evenly: 120 words in 10-word sentences.
	var sizes []int
	for _, s := range deck {
		if s.Kind == Passage && s.Block == 1 {
			sizes = append(sizes, len(strings.Fields(s.Text)))
		}
	}
	if len(sizes) != 3 || sizes[0] != 40 || sizes[1] != 40 || sizes[2] != 40 {
		t.Errorf("passage sizes %v, want [40 40 40]", sizes)
	}
	// e2 links to a heading: shown at the end of its chapter, after the
	// picture of a chapter with no paragraph.
	if last := deck[len(deck)-2]; last.Event != "e2" || deck[len(deck)-3].Photo != "c" {
		t.Errorf("end of deck: %+v, %+v", deck[len(deck)-3], last)
	}
}

func TestPassages(t *testing.T) {
	long := "Từ " + strings.TrimSpace(strings.Repeat("từ ", 59)) + "."
	got := Passages("Ngắn. "+long+" Sau.", 45)
	if len(got) != 3 || got[1] != long {
		t.Errorf("a long sentence stands alone: %q", got)
	}
	if got := Passages("", 45); got != nil {
		t.Errorf("empty text: %q", got)
	}
	if got := Passages("Một câu không dấu chấm", 45); len(got) != 1 {
		t.Errorf("%q", got)
	}
}

func TestNilPack(t *testing.T) {
	if FromPack(nil, nil) != nil {
		t.Error("slides from a nil pack")
	}
}

// TestRandomPacks: for packs of random shape, every slide's Block is a
// valid index (a heading for a section, a non-heading for a passage) and
// all the text is there.
func TestRandomPacks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"Bắc", "Kạn", "năm", "1943.", "chi", "bộ", "Đảng,", "xã", "TP.", "11.102", "“Nam", "tiến”.", "…", "I.", "\n"}
	for n := 0; n < 200; n++ {
		p := &exhibit.Pack{Title: "T"}
		for c := 0; c < 1+rng.IntN(4); c++ {
			ch := &exhibit.Chapter{ID: string(rune('a' + c))}
			for b := 0; b < rng.IntN(8); b++ {
				var s strings.Builder
				for w := 0; w < rng.IntN(150); w++ {
					s.WriteString(words[rng.IntN(len(words))])
					s.WriteString(" ")
				}
				kind := exhibit.BlockKind(rng.IntN(4))
				ch.Blocks = append(ch.Blocks, exhibit.Block{Kind: kind, Spans: []exhibit.Span{{Text: s.String()}}})
			}
			p.Chapters = append(p.Chapters, ch)
			for e := 0; e < rng.IntN(4); e++ {
				p.Timeline.Events = append(p.Timeline.Events, exhibit.Event{
					ID: ch.ID + string(rune('0'+e)), Chapter: ch.ID, Block: rng.IntN(10) - 1, Text: "Bắc Kạn"})
			}
		}
		checkDeck(t, p, FromPack(p, nil))
		if t.Failed() {
			t.Fatalf("pack %d", n)
		}
	}
}

// wide is a measure wider than any real font: 0.7 of the size per
// character, 0.75 in bold.
func wide(text string, size float32, bold bool) float32 {
	return Estimate(text, size, bold) * 1.2
}

// TestBuiltinFits: with an injected measure, every passage of the
// built-in presentation fits a 1024×768 slide at the smallest legible size.
func TestBuiltinFits(t *testing.T) {
	p := builtin(t)
	for _, m := range []Measure{Estimate, wide} {
		deck := FromPack(p, m)
		checkDeck(t, p, deck)
		for i, s := range deck {
			if s.Kind == Passage && !Fits(s.Text, m) {
				t.Errorf("slide %d does not fit 1024×768 at %.0f px: %q", i+1, MinSize(RefHeight), s.Text)
			}
		}
	}
}

// TestFitSplits: a measure so wide that the passages must be cut again
// gives passages that fit and still hold the whole text, at sentence
// boundaries where a sentence fits alone.
func TestFitSplits(t *testing.T) {
	huge := func(text string, size float32, bold bool) float32 { return Estimate(text, size, bold) * 4 }
	p := builtin(t)
	deck := FromPack(p, huge)
	checkDeck(t, p, deck)
	normal := FromPack(p, nil)
	if len(deck) <= len(normal) {
		t.Errorf("a 4× wider font gives %d slides, the estimate %d: nothing was cut again", len(deck), len(normal))
	}
	for i, s := range deck {
		if s.Kind == Passage && !Fits(s.Text, huge) && len(strings.Fields(s.Text)) > 1 {
			t.Errorf("slide %d does not fit: %q", i+1, s.Text)
		}
	}
	// A fitting sentence is never cut.
	text := "Câu một ngắn. " + strings.Repeat("Câu hai dài hơn nhiều, có dấu phẩy; ", 40) + "hết. Câu ba."
	parts := fitPassages([]string{text}, Estimate)
	if len(parts) < 3 || parts[0] != "Câu một ngắn." || parts[len(parts)-1] != "Câu ba." {
		t.Errorf("cut %q", parts)
	}
	if normalizeSpace(strings.Join(parts, " ")) != normalizeSpace(text) {
		t.Error("the pieces do not give the text back")
	}
	for _, q := range parts {
		if !Fits(q, Estimate) {
			t.Errorf("piece does not fit: %q", q)
		}
	}
}

// TestNoRepeats: no slide repeats the one before it, and a moment never
// shows text the audience read on the slide before.
func TestNoRepeats(t *testing.T) {
	deck := FromPack(builtin(t), nil)
	for i := 1; i < len(deck); i++ {
		a, b := deck[i-1], deck[i]
		if a.Title == b.Title && (a.Text == b.Text || a.Title != "") {
			t.Errorf("slide %d repeats slide %d: %q %q", i+1, i, b.Title, b.Text)
		}
		if b.Kind == Moment {
			lines := strings.SplitN(b.Text, "\n", 2)
			if len(lines) == 2 && strings.Contains(normalizeSpace(a.Text), normalizeSpace(lines[1])) {
				t.Errorf("moment %d repeats the passage before it: %q", i+1, lines[1])
			}
		}
	}
}

// TestHeaderBlock: the document's header (bold and italic lines before
// the first heading) is never cut into one-line slides; it is part of the
// title slide.
func TestHeaderBlock(t *testing.T) {
	bold := func(s string) exhibit.Block {
		return exhibit.Block{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: s, Strong: true}}}
	}
	p := &exhibit.Pack{Title: "Kỷ niệm", Subtitle: "1943 – 2023", Source: exhibit.Source{Publisher: "Ban Tuyên giáo"},
		Chapters: []*exhibit.Chapter{{ID: "a", Blocks: []exhibit.Block{
			bold("ĐỀ CƯƠNG TUYÊN TRUYỀN"), bold("KỶ NIỆM 80 NĂM"),
			{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "(kèm theo Hướng dẫn số 40)", Emphasis: true}}},
			{Kind: exhibit.Heading, Level: 1, Spans: []exhibit.Span{{Text: "I. MỞ ĐẦU"}}},
			{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "Bắc Kạn là tỉnh miền núi."}}},
		}}},
		Timeline: exhibit.Timeline{Events: []exhibit.Event{{ID: "e", Chapter: "a", Block: 1, Display: "2023", Headline: "80 năm", Text: "KỶ NIỆM 80 NĂM"}}},
	}
	if n := HeaderBlocks(p.Chapters[0], true); n != 3 {
		t.Fatalf("header of %d blocks, want 3", n)
	}
	deck := FromPack(p, nil)
	checkDeck(t, p, deck)
	var kinds []string
	for _, s := range deck {
		kinds = append(kinds, s.Kind.String())
	}
	if got := strings.Join(kinds, " "); got != "Title Section Passage Moment Closing" {
		t.Errorf("slides %s", got)
	}
	if deck[0].Cite != "ĐỀ CƯƠNG TUYÊN TRUYỀN · KỶ NIỆM 80 NĂM · (kèm theo Hướng dẫn số 40)" {
		t.Errorf("title slide cite %q", deck[0].Cite)
	}
	if deck[0].Text != "1943 – 2023\nBan Tuyên giáo" {
		t.Errorf("title slide text %q", deck[0].Text)
	}
	if deck[3].Text != "2023" {
		t.Errorf("header moment repeats the header: %q", deck[3].Text)
	}

	// The built-in pack: no passage is a line of the header.
	bp := builtin(t)
	n := HeaderBlocks(bp.Chapters[0], true)
	if n == 0 || n != bp.Chapters[0].Masthead {
		t.Errorf("built-in header: %d blocks, the masthead %d", n, bp.Chapters[0].Masthead)
	}
	// A masthead (the lines above "---") is the header, in any chapter.
	p.Chapters[0].Masthead = 1
	if got := HeaderBlocks(p.Chapters[0], true); got != 1 {
		t.Errorf("masthead of 1 block gives a header of %d", got)
	}
	if got := HeaderBlocks(&exhibit.Chapter{Blocks: p.Chapters[0].Blocks}, false); got != 0 {
		t.Errorf("bold lines in a later chapter without a masthead: header of %d", got)
	}
	for _, s := range FromPack(bp, nil) {
		if s.Kind == Passage && s.Chapter == bp.Chapters[0].ID && s.Block < n {
			t.Errorf("header line %d is a slide: %q", s.Block, s.Text)
		}
	}
}
