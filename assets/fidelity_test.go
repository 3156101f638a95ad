package assets_test

// The fidelity test proves that the chapters of the built-in pack hold the
// source document (pack/source/van-ban-goc.txt) faithfully: every sentence,
// in order, with every diacritic, and nothing that is not in the source.
// The only differences allowed are the editorial ones recorded in the pack's
// notes, and each of those is checked explicitly below.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// originalSHA256 is the hash of the seed document the pack was made from;
// the embedded "Văn bản gốc" must stay byte-for-byte identical to it.
const originalSHA256 = "222ba34112d61818d6a9ac50dea7194c6ab6f1c1c2995a83cd2d45758c0f984d"

// correction is an editorial change from the source, allowed only where it is
// recorded in the pack's notes.
type correction struct {
	from, to string
	// atStart limits the correction to the start of a paragraph or
	// heading: a section number that the corrected text still ends with.
	atStart bool
	// noteWords must all appear in one of the pack's notes.
	noteWords []string
}

// corrections lists every deliberate change to the source's wording: its
// plain misprints (spelling, spacing around hyphens, stray punctuation) and
// the subsection numbers that follow the chapter division. Each applies
// exactly once; anything else that differs from the source fails
// TestChaptersHoldEverySentenceOfTheSource.
var corrections = []correction{{
	// The heading of section II misprints "CHÍ KIÊN" as "CHỈ KIÊN".
	from:      "CHI BỘ CHỈ KIÊN",
	to:        "CHI BỘ CHÍ KIÊN",
	noteWords: []string{"“CHỈ KIÊN”", "“CHÍ KIÊN”", "mục II"},
}, {
	from:      "Ý NGHĨA SỰ KIẾN THÀNH LẬP",
	to:        "Ý NGHĨA SỰ KIỆN THÀNH LẬP",
	noteWords: []string{"“SỰ KIẾN”", "“SỰ KIỆN”", "mục I"},
}, {
	from:      "là phen dậu vững chắc",
	to:        "là phên dậu vững chắc",
	noteWords: []string{"“phen dậu”", "“phên dậu”"},
}, {
	from:      "Ban Chấp hành Việt Minh tổng Chi Kiên",
	to:        "Ban Chấp hành Việt Minh tổng Chí Kiên",
	noteWords: []string{"“tổng Chi Kiên”", "“tổng Chí Kiên”"},
}, {
	from:      "các dân tộc Cao- Bắc- Lạng",
	to:        "các dân tộc Cao - Bắc - Lạng",
	noteWords: []string{"“Cao- Bắc- Lạng”", "“Cao - Bắc - Lạng”"},
}, {
	from:      "phát triển kinh tế- xã hội của địa phương",
	to:        "phát triển kinh tế - xã hội của địa phương",
	noteWords: []string{"“kinh tế- xã hội”", "“kinh tế - xã hội”"},
}, {
	// A full stop cuts the sentence in two.
	from:      "tỉnh Thái Nguyên. Ngày 12/12/1996, Bộ Chính trị",
	to:        "tỉnh Thái Nguyên, ngày 12/12/1996, Bộ Chính trị",
	noteWords: []string{"Thái Nguyên. Ngày 12/12/1996", "Thái Nguyên, ngày 12/12/1996"},
}, {
	from:      "với 36 % số xã",
	to:        "với 36% số xã",
	noteWords: []string{"“36 % số xã”", "“36% số xã”"},
}, {
	from:      "các nhà đầu tư./",
	to:        "các nhà đầu tư.",
	noteWords: []string{"“các nhà đầu tư./”", "“các nhà đầu tư.”"},
}, {
	from:      "1. Công tác xây dựng Đảng, chính quyền",
	to:        "III.1. Công tác xây dựng Đảng, chính quyền",
	atStart:   true,
	noteWords: []string{"“III.1.”", "“1.”"},
}, {
	from:      "2. Kinh tế - xã hội, quốc phòng",
	to:        "III.2. Kinh tế - xã hội, quốc phòng",
	atStart:   true,
	noteWords: []string{"“III.2.”", "“2.”"},
}, {
	from:      "3. Mục tiêu, tầm nhìn",
	to:        "III.3. Mục tiêu, tầm nhìn",
	atStart:   true,
	noteWords: []string{"“III.3.”", "“3.”"},
}}

// apply applies the correction to a normalised text and returns the result
// and how many times it applied.
func (c correction) apply(s string) (string, int) {
	if c.atStart {
		if strings.HasPrefix(s, c.from) {
			return c.to + s[len(c.from):], 1
		}
		return s, 0
	}
	return strings.ReplaceAll(s, c.from, c.to), strings.Count(s, c.from)
}

// holdsMisprint reports whether a normalised chapter text still holds the
// uncorrected text.
func (c correction) holdsMisprint(s string) bool {
	if c.atStart {
		return strings.HasPrefix(s, c.from)
	}
	return strings.Contains(s, c.from)
}

// flaggedFigures are figures of the source that look doubtful: they are
// kept as printed, and a pack note asks the province to confirm each.
var flaggedFigures = [][]string{
	{"tăng hơn 2% so với năm 2022", "6,07%", "xác nhận"},
	{"bằng 54,3% so với cùng kỳ năm trước", "giảm", "xác nhận"},
	{"85%/năm", "xác nhận"},
}

// pageBreakJoins are the sentences the source splits across two paragraphs
// at a page break; the pack joins each into one paragraph.
var pageBreakJoins = []string{
	"kết nạp được một số đảng viên",
	"299 tổ chức cơ sở đảng và 11.102 đảng viên",
	"Thu ngân sách năm 2022 đạt 855 tỷ đồng",
}

// wantChapters is the reading order of the built-in pack.
var wantChapters = []struct{ id, file string }{
	{"hoan-canh", "chapters/01-hoan-canh.md"},
	{"chang-duong", "chapters/02-chang-duong.md"},
	{"thanh-tuu", "chapters/03-thanh-tuu.md"},
	{"xay-dung-dang", "chapters/04-xay-dung-dang.md"},
	{"kinh-te-xa-hoi", "chapters/05-kinh-te-xa-hoi.md"},
	{"muc-tieu", "chapters/06-muc-tieu.md"},
}

const attribution = "(kèm theo Hướng dẫn số 40-HD/BTGTU, ngày 30/6/2023 của Ban Tuyên giáo Tỉnh ủy)"

// wantHeader is the source document's header: the first chapter's masthead.
var wantHeader = []string{
	"ĐỀ CƯƠNG TUYÊN TRUYỀN",
	"KỶ NIỆM 80 NĂM NGÀY THÀNH LẬP CHI BỘ CHÍ KIÊN",
	"(22/9/1943 - 22/9/2023)",
	attribution,
}

// loadBuiltin loads the built-in pack and fails the test on any problem.
func loadBuiltin(t *testing.T) *exhibit.Pack {
	t.Helper()
	p, problems, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatalf("exhibit.Load(assets.Pack()): %v", err)
	}
	for _, pr := range problems {
		t.Errorf("built-in pack problem: %s", pr)
	}
	if p == nil {
		t.Fatal("exhibit.Load returned no pack")
	}
	return p
}

// normalize collapses runs of white space to one space, trims the ends and
// puts the text in Unicode NFC.
func normalize(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// sourceUnit is one displayable unit of the source: a paragraph, a heading,
// or one line of a block broken with Markdown hard line breaks.
type sourceUnit struct {
	text    string
	heading bool
}

var (
	ruleRe    = regexp.MustCompile(`^-{3,}$`)
	headingRe = regexp.MustCompile(`^#{1,6}\s+`)
	// emphasisRe finds single-star emphasis in the source (not **strong**).
	emphasisRe = regexp.MustCompile(`(?:^|[^*])\*([^*\s][^*]*?)\*(?:[^*]|$)`)
)

// stripMarkers removes the Markdown markers the source uses: a leading ATX
// heading marker and the * and ** of emphasis and strong text.
func stripMarkers(line string) string {
	line = headingRe.ReplaceAllString(line, "")
	return strings.ReplaceAll(line, "*", "")
}

// sourceUnits splits the source Markdown into units: paragraphs at blank
// lines, lines ending in a hard break ("  ") as units of their own, with
// horizontal rules dropped, markers stripped and white space normalised.
// Page-break artefacts — a paragraph that stops without closing punctuation
// followed by one that starts in lower case or with a digit — are joined
// with one space; the joined texts are returned too.
func sourceUnits(text string) (units []sourceUnit, joins []string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var cur []string
	var curHeading bool
	flush := func() {
		if len(cur) == 0 {
			return
		}
		units = append(units, sourceUnit{text: normalize(strings.Join(cur, " ")), heading: curHeading})
		cur, curHeading = nil, false
	}
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
			continue
		case ruleRe.MatchString(trimmed):
			flush()
			continue
		}
		if len(cur) == 0 {
			curHeading = headingRe.MatchString(trimmed) ||
				(strings.HasPrefix(trimmed, "**") && strings.HasSuffix(trimmed, "**"))
		}
		cur = append(cur, stripMarkers(trimmed))
		if strings.HasSuffix(line, "  ") { // Markdown hard line break
			flush()
		}
	}
	flush()

	// Join page-break artefacts.
	var out []sourceUnit
	for _, u := range units {
		if n := len(out); n > 0 {
			prev := out[n-1]
			if !prev.heading && !u.heading && !endsSentence(prev.text) && startsContinuation(u.text) {
				out[n-1].text = prev.text + " " + u.text
				joins = append(joins, out[n-1].text)
				continue
			}
		}
		out = append(out, u)
	}
	return out, joins
}

// endsSentence reports whether s ends with punctuation that can close a
// paragraph.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…)”\"/", r)
}

// startsContinuation reports whether s begins as the continuation of a
// sentence: a lower-case letter or a digit.
func startsContinuation(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// numberingRe matches a heading number standing alone before its full stop:
// "I", "III", "1", "III.1".
var numberingRe = regexp.MustCompile(`^(?:(?:[IVXLC]+|\d+)\.)*(?:[IVXLC]+|\d+)$`)

// splitSentences splits a normalised paragraph into sentences. A sentence
// ends at ".", "!", "?" or "…" followed by a space and a capital letter or an
// opening quotation mark, or at the end of the paragraph. Full stops inside
// numbers ("11.102", "2.290,8") are not followed by a space and so never
// split; a heading number ("III.", "1.") is kept with its heading.
func splitSentences(p string) []string {
	var out []string
	start := 0
	rs := []rune(p)
	for i := 0; i < len(rs)-2; i++ {
		if !strings.ContainsRune(".!?…", rs[i]) || rs[i+1] != ' ' {
			continue
		}
		next := rs[i+2]
		if !unicode.IsUpper(next) && next != '“' {
			continue
		}
		sentence := string(rs[start : i+1])
		if numberingRe.MatchString(strings.TrimRight(sentence, ".")) {
			continue
		}
		out = append(out, sentence)
		start = i + 2
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// sourceSentence is one sentence of the source, with the index of the unit
// it comes from.
type sourceSentence struct {
	text string
	unit int
}

// chapterText is the plain text of one chapter, block by block.
type chapterText struct {
	id     string
	blocks []string
}

// chapterTexts extracts the normalised text of every block of every chapter.
func chapterTexts(p *exhibit.Pack) []chapterText {
	var out []chapterText
	for _, c := range p.Chapters {
		ct := chapterText{id: c.ID}
		for _, b := range c.Blocks {
			ct.blocks = append(ct.blocks, normalize(b.Text()))
		}
		out = append(out, ct)
	}
	return out
}

// fidelityReport is what checkFidelity found wrong.
type fidelityReport struct {
	Missing    []string // sentences of the source not found in any block
	OutOfOrder []string // sentences found, but before the previous sentence
	Extra      []string // blocks whose text is not in the source
}

// ok reports whether nothing was found wrong.
func (r fidelityReport) ok() bool {
	return len(r.Missing) == 0 && len(r.OutOfOrder) == 0 && len(r.Extra) == 0
}

// checkFidelity checks that every sentence occurs verbatim, in order and
// within a single block, in the chapters, and that every block's text occurs
// in the source units.
func checkFidelity(sentences []sourceSentence, units []sourceUnit, chapters []chapterText) fidelityReport {
	var r fidelityReport
	// Blocks are separated by a newline, which no normalised sentence holds,
	// so a match can never straddle two blocks.
	var all []string
	for _, c := range chapters {
		all = append(all, c.blocks...)
	}
	haystack := strings.Join(all, "\n")
	cursor := 0
	for _, s := range sentences {
		if i := strings.Index(haystack[cursor:], s.text); i >= 0 {
			cursor += i + len(s.text)
			continue
		}
		if strings.Contains(haystack, s.text) {
			r.OutOfOrder = append(r.OutOfOrder, s.text)
		} else {
			r.Missing = append(r.Missing, s.text)
		}
	}
	var src []string
	for _, u := range units {
		src = append(src, u.text)
	}
	source := "\n" + strings.Join(src, "\n") + "\n"
	for _, c := range chapters {
		for i, b := range c.blocks {
			if b == "" || !strings.Contains(source, b) {
				r.Extra = append(r.Extra, fmt.Sprintf("%s#%d: %q", c.id, i, b))
			}
		}
	}
	return r
}

// preparedSource turns the original text into units and sentences with the
// recorded corrections applied, checking each correction applies exactly once.
func preparedSource(t *testing.T, original string) ([]sourceUnit, []sourceSentence, []string) {
	t.Helper()
	units, joins := sourceUnits(original)
	for _, c := range corrections {
		n := 0
		for i := range units {
			var k int
			units[i].text, k = c.apply(units[i].text)
			n += k
		}
		if n != 1 {
			t.Errorf("correction %q → %q applies %d times in the source, want 1", c.from, c.to, n)
		}
	}
	var sentences []sourceSentence
	for i, u := range units {
		for _, s := range splitSentences(u.text) {
			sentences = append(sentences, sourceSentence{text: s, unit: i})
		}
	}
	return units, sentences, joins
}

func TestOriginalIsTheSeedDocument(t *testing.T) {
	p := loadBuiltin(t)
	if p.Source.Original != "source/van-ban-goc.txt" {
		t.Errorf("Source.Original = %q, want source/van-ban-goc.txt", p.Source.Original)
	}
	raw, err := fs.ReadFile(assets.Pack(), "source/van-ban-goc.txt")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != originalSHA256 {
		t.Errorf("source/van-ban-goc.txt has SHA-256 %s, want %s (the seed document, unchanged)", got, originalSHA256)
	}
	if p.Source.OriginalText != string(raw) {
		t.Errorf("Source.OriginalText differs from source/van-ban-goc.txt")
	}
}

func TestChaptersHoldEverySentenceOfTheSource(t *testing.T) {
	p := loadBuiltin(t)
	units, sentences, _ := preparedSource(t, p.Source.OriginalText)
	if len(sentences) < 100 {
		t.Fatalf("only %d sentences found in the source: the splitter is broken", len(sentences))
	}
	r := checkFidelity(sentences, units, chapterTexts(p))
	for _, s := range r.Missing {
		t.Errorf("sentence missing from the chapters: %q", s)
	}
	for _, s := range r.OutOfOrder {
		t.Errorf("sentence out of order in the chapters: %q", s)
	}
	for _, s := range r.Extra {
		t.Errorf("block not in the source: %s", s)
	}
	t.Logf("checked %d sentences from %d source paragraphs against %d chapters", len(sentences), len(units), len(p.Chapters))
}

func TestCorrectionsAreRecorded(t *testing.T) {
	p := loadBuiltin(t)
	ch := p.Chapter("chang-duong")
	if ch == nil {
		t.Fatal("no chapter chang-duong")
	}
	const heading = "II. NHỮNG CHẶNG ĐƯỜNG XÂY DỰNG, PHÁT TRIỂN CỦA ĐẢNG BỘ TỈNH TỪ KHI CÓ CHI BỘ CHÍ KIÊN ĐẾN TRƯỚC TÁI LẬP TỈNH NĂM 1997"
	if len(ch.Blocks) == 0 || ch.Blocks[0].Kind != exhibit.Heading || normalize(ch.Blocks[0].Text()) != heading {
		t.Errorf("chapter chang-duong does not open with the corrected heading %q", heading)
	}
	for _, c := range corrections {
		if !strings.Contains(p.Source.OriginalText, c.from) {
			t.Errorf("the source no longer holds %q: drop the correction", c.from)
		}
		for _, ct := range chapterTexts(p) {
			for i, b := range ct.blocks {
				if c.holdsMisprint(b) {
					t.Errorf("%s#%d still holds the misprint %q", ct.id, i, c.from)
				}
			}
		}
		if !hasNote(p, c.noteWords...) {
			t.Errorf("no pack note records the correction %q → %q (want a note with %q)", c.from, c.to, c.noteWords)
		}
	}
	for _, f := range flaggedFigures {
		if !strings.Contains(p.Source.OriginalText, f[0]) {
			t.Errorf("the source no longer holds the flagged figure %q", f[0])
		}
		if !chaptersContain(p, f[0]) {
			t.Errorf("the flagged figure %q must stay in the chapters as printed", f[0])
		}
		if !hasNote(p, f...) {
			t.Errorf("no pack note flags %q for the province to confirm (want a note with %q)", f[0], f)
		}
	}
}

func TestPageBreaksAreJoined(t *testing.T) {
	p := loadBuiltin(t)
	_, joins := sourceUnits(p.Source.OriginalText)
	if len(joins) != len(pageBreakJoins) {
		t.Errorf("the source has %d page-break artefacts, want %d: %q", len(joins), len(pageBreakJoins), joins)
	}
	for _, want := range pageBreakJoins {
		found := 0
		for _, j := range joins {
			if strings.Contains(j, want) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("page-break join %q found %d times in the source's joins, want 1", want, found)
		}
		if !chaptersContain(p, want) {
			t.Errorf("no single block holds the joined sentence %q", want)
		}
	}
	if !hasNote(p, "kết nạp được một", "299 tổ chức cơ sở đảng và", "Thu ngân sách") {
		t.Errorf("no pack note records the three page-break joins")
	}
}

func TestChapterOrderAndTitles(t *testing.T) {
	p := loadBuiltin(t)
	if p.ID != "chi-kien-80" || p.Language != "vi" || p.Format != exhibit.FormatVersion {
		t.Errorf("pack id/language/format = %q/%q/%d", p.ID, p.Language, p.Format)
	}
	if p.Title != "Kỷ niệm 80 năm ngày thành lập Chi bộ Chí Kiên" || p.Subtitle != "22/9/1943 – 22/9/2023" {
		t.Errorf("title/subtitle = %q / %q", p.Title, p.Subtitle)
	}
	if len(p.Chapters) != len(wantChapters) {
		t.Fatalf("%d chapters, want %d", len(p.Chapters), len(wantChapters))
	}
	for i, w := range wantChapters {
		c := p.Chapters[i]
		if c.ID != w.id || c.File != w.file {
			t.Errorf("chapter %d = %s (%s), want %s (%s)", i+1, c.ID, c.File, w.id, w.file)
		}
		if c.Title == "" {
			t.Errorf("chapter %s has no title", c.ID)
		}
		if len(c.Blocks) == 0 || c.Blocks[0].Kind != exhibit.Heading && i > 0 {
			t.Errorf("chapter %s does not open with its heading", c.ID)
		}
		t.Logf("%s %q: %d blocks", c.ID, c.Title, len(c.Blocks))
	}
	// Section headings: I, II, III at level 1; III.1–III.3 at level 2 with
	// their numbers in the heading, not turned into list items.
	wantHeadings := map[string]struct {
		level  int
		prefix string
	}{
		"hoan-canh":      {1, "I. "},
		"chang-duong":    {1, "II. "},
		"thanh-tuu":      {1, "III. "},
		"xay-dung-dang":  {2, "III.1. "},
		"kinh-te-xa-hoi": {2, "III.2. "},
		"muc-tieu":       {2, "III.3. "},
	}
	for _, c := range p.Chapters {
		w := wantHeadings[c.ID]
		n := 0
		for _, b := range c.Blocks {
			if b.Kind == exhibit.ListItem {
				t.Errorf("%s line %d: unexpected list item %q", c.ID, b.Line, b.Text())
			}
			if b.Kind == exhibit.Heading {
				n++
				if b.Level != w.level || !strings.HasPrefix(b.Text(), w.prefix) {
					t.Errorf("%s: heading %q at level %d, want level %d starting %q", c.ID, b.Text(), b.Level, w.level, w.prefix)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s has %d headings, want 1", c.ID, n)
		}
	}
}

func TestTitleBlockAndAttribution(t *testing.T) {
	p := loadBuiltin(t)
	if len(p.Chapters) == 0 {
		t.Fatal("no chapters")
	}
	blocks := p.Chapters[0].Blocks
	want := wantHeader
	if len(blocks) < len(want) {
		t.Fatalf("first chapter has %d blocks", len(blocks))
	}
	for i, w := range want {
		if got := normalize(blocks[i].Text()); got != w {
			t.Errorf("first chapter block %d = %q, want %q", i, got, w)
		}
	}
	if len(blocks) <= len(want) || blocks[len(want)].Kind != exhibit.Heading {
		t.Errorf("the first chapter's heading does not follow its masthead")
	}
	// The header is the first chapter's masthead, and no other chapter has
	// one.
	for i, c := range p.Chapters {
		want := 0
		if i == 0 {
			want = len(wantHeader)
		}
		if c.Masthead != want {
			t.Errorf("chapter %s has a masthead of %d blocks, want %d", c.ID, c.Masthead, want)
		}
	}
	if wantRef := strings.Trim(attribution, "()"); p.Source.Reference != wantRef {
		t.Errorf("Source.Reference = %q, want %q", p.Source.Reference, wantRef)
	}
}

func TestEmphasisIsKept(t *testing.T) {
	p := loadBuiltin(t)
	matches := emphasisRe.FindAllStringSubmatch(p.Source.OriginalText, -1)
	if len(matches) < 2 {
		t.Fatalf("found %d emphasised runs in the source, want at least 2", len(matches))
	}
	for _, m := range matches {
		want := normalize(m[1])
		found := false
		for _, c := range p.Chapters {
			for _, b := range c.Blocks {
				for _, sp := range b.Spans {
					if sp.Emphasis && normalize(sp.Text) == want {
						found = true
					}
				}
			}
		}
		if !found {
			t.Errorf("emphasis on %q is lost", want)
		}
	}
}

// TestCheckerCatchesOmissions proves the fidelity check is not vacuous: it
// reports a sentence removed from a chapter, a changed diacritic, a dropped
// block and an invented sentence.
func TestCheckerCatchesOmissions(t *testing.T) {
	p := loadBuiltin(t)
	units, sentences, _ := preparedSource(t, p.Source.OriginalText)
	const removed = "Đây là thứ hạng cao nhất từ trước đến nay của tỉnh Bắc Kạn."
	mutate := func(f func(chs []chapterText) bool) []chapterText {
		chs := chapterTexts(p)
		for i := range chs {
			chs[i].blocks = append([]string(nil), chs[i].blocks...)
		}
		if !f(chs) {
			t.Fatal("mutation found nothing to change")
		}
		return chs
	}
	cases := []struct {
		name   string
		chs    []chapterText
		expect func(r fidelityReport) bool
	}{
		{"sentence removed", mutate(func(chs []chapterText) bool {
			for _, c := range chs {
				for i, b := range c.blocks {
					if strings.Contains(b, removed) {
						c.blocks[i] = normalize(strings.Replace(b, removed, "", 1))
						return true
					}
				}
			}
			return false
		}), func(r fidelityReport) bool {
			return len(r.Missing) == 1 && r.Missing[0] == removed
		}},
		{"diacritic changed", mutate(func(chs []chapterText) bool {
			b := chs[0].blocks[len(chs[0].blocks)-1]
			chs[0].blocks[len(chs[0].blocks)-1] = strings.Replace(b, "Chí Kiên", "Chi Kiên", 1)
			return b != chs[0].blocks[len(chs[0].blocks)-1]
		}), func(r fidelityReport) bool {
			return len(r.Missing) == 1 && strings.Contains(r.Missing[0], "Chí Kiên") && len(r.Extra) == 1
		}},
		{"block dropped", mutate(func(chs []chapterText) bool {
			chs[5].blocks = chs[5].blocks[:len(chs[5].blocks)-1]
			return true
		}), func(r fidelityReport) bool {
			return len(r.Missing) == 1 && strings.HasSuffix(r.Missing[0], "nhà đầu tư.")
		}},
		{"sentence invented", mutate(func(chs []chapterText) bool {
			chs[2].blocks = append(chs[2].blocks, "Một câu không có trong văn bản gốc.")
			return true
		}), func(r fidelityReport) bool {
			return len(r.Missing) == 0 && len(r.Extra) == 1
		}},
		{"unrecorded correction", mutate(func(chs []chapterText) bool {
			// "hoá" and "hóa" are both correct; changing one without a
			// note is an alteration of the source all the same.
			for _, c := range chs {
				for i, b := range c.blocks {
					if strings.Contains(b, "đời sống văn hoá") {
						c.blocks[i] = strings.Replace(b, "đời sống văn hoá", "đời sống văn hóa", 1)
						return true
					}
				}
			}
			return false
		}), func(r fidelityReport) bool {
			return len(r.Missing) == 1 && strings.Contains(r.Missing[0], "văn hoá") && len(r.Extra) == 1
		}},
		{"paragraphs swapped", mutate(func(chs []chapterText) bool {
			b := chs[1].blocks
			b[1], b[2] = b[2], b[1]
			return true
		}), func(r fidelityReport) bool {
			return len(r.OutOfOrder) > 0
		}},
	}
	for _, c := range cases {
		r := checkFidelity(sentences, units, c.chs)
		if r.ok() || !c.expect(r) {
			t.Errorf("%s: checker reported %+v", c.name, r)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"I. HOÀN CẢNH RA ĐỜI", []string{"I. HOÀN CẢNH RA ĐỜI"}},
		{"III. THÀNH TỰU NỔI BẬT", []string{"III. THÀNH TỰU NỔI BẬT"}},
		{"1. Công tác xây dựng Đảng", []string{"1. Công tác xây dựng Đảng"}},
		{"có 299 tổ chức và 11.102 đảng viên. Đến nay, có 2.290,8 tỷ.",
			[]string{"có 299 tổ chức và 11.102 đảng viên.", "Đến nay, có 2.290,8 tỷ."}},
		{"đột phá: (1) Xác định; (2) Hoàn thiện.", []string{"đột phá: (1) Xác định; (2) Hoàn thiện."}},
		{"Vân Tùng... Trong đó, lợi “Đại hội”. “Toàn dân” đã", []string{"Vân Tùng...", "Trong đó, lợi “Đại hội”.", "“Toàn dân” đã"}},
		{"chống lãng phí... được duy trì", []string{"chống lãng phí... được duy trì"}},
		{"các nhà đầu tư./", []string{"các nhà đầu tư./"}},
	}
	for _, c := range cases {
		got := splitSentences(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitSentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// hasNote reports whether one of the pack's notes contains all the words.
func hasNote(p *exhibit.Pack, words ...string) bool {
	for _, n := range p.Notes {
		all := true
		for _, w := range words {
			all = all && strings.Contains(n, w)
		}
		if all {
			return true
		}
	}
	return false
}

// chaptersContain reports whether a single block of some chapter contains s.
func chaptersContain(p *exhibit.Pack, s string) bool {
	for _, ct := range chapterTexts(p) {
		for _, b := range ct.blocks {
			if strings.Contains(b, s) {
				return true
			}
		}
	}
	return false
}
