package slides

import (
	"regexp"
	"strings"

	"trienlam/internal/exhibit"
	"trienlam/internal/speech"
)

// Kind says what a slide shows.
type Kind int

// The kinds of slide.
const (
	// Title is the opening slide: the pack's title, its dates and the
	// source it was made from.
	Title Kind = iota
	// Section opens a chapter (or a part of one) with its heading.
	Section
	// Passage is a few sentences of a paragraph.
	Passage
	// Picture is a photograph or illustration of the chapter.
	Picture
	// Moment is a timeline event linked to the chapter.
	Moment
	// Closing ends the presentation: the pack's title and "the end".
	Closing
)

// String returns the kind's name, for tests and logs.
func (k Kind) String() string {
	switch k {
	case Title:
		return "Title"
	case Section:
		return "Section"
	case Passage:
		return "Passage"
	case Picture:
		return "Picture"
	case Moment:
		return "Moment"
	case Closing:
		return "Closing"
	}
	return "Kind(?)"
}

// MaxWords is the most words a passage holds, unless one sentence alone is
// longer: about what fits at projector size (≥ 28 px at 720p).
const MaxWords = 45

// Slide is one slide of the presentation.
type Slide struct {
	Kind Kind
	// Title is the large line: the pack title, a chapter heading as the text
	// writes it, a picture's caption or a moment's headline. Empty for a
	// passage.
	Title string
	// Text is plain text, short, lines separated by "\n":
	//   - Title: the subtitle (dates), then the organiser (the source's
	//     publisher), one per line;
	//   - Passage: the sentences, exactly as in the chapter;
	//   - Picture: the photo's credit (may be empty);
	//   - Moment: the display date on the first line, then the event text
	//     unless the passage just before tells it already;
	//   - Closing: empty (the view writes "the end" in the user's language).
	Text string
	// Cite is the title slide's small line: the source reference, or the
	// document's header block when the pack has no reference.
	Cite string
	// Chapter is the ID of the chapter the slide belongs to ("" for the
	// title slide).
	Chapter string
	// Block is the index in the chapter's Blocks of the paragraph a passage
	// is cut from, or of the heading of a section slide; -1 otherwise (and
	// for a section slide of a chapter with no heading).
	Block int
	// Photo is the photo ID of a Picture slide.
	Photo string
	// Event is the event ID of a Moment slide.
	Event string
	// Notes are for the presenter only, never shown to the audience.
	Notes string
}

// FromPack returns the presentation of a pack:
//
//   - a Title slide: pack title, subtitle (the dates), the organiser and
//     the source reference. The document's own header block (see
//     HeaderBlocks) is part of the title slide (its notes, and its small
//     line when the pack has no reference), never slides of its own;
//   - per chapter, in reading order: the chapter's text in block order, each
//     heading a Section slide (a chapter with no heading gets one Section
//     slide from its title first) and each paragraph, list item or quote
//     one or more Passage slides of at most MaxWords words, cut at sentence
//     boundaries (speech.Sentences), and cut again where a passage would
//     not fit a 1024×768 slide at the smallest legible size as measured by
//     m (see Fits); other paragraphs before the chapter's first heading
//     keep their place before it.
//   - after the passage it quotes (or after its paragraph's last passage,
//     or at the chapter's end when its block is not a paragraph), a Moment
//     slide for each timeline event linked to the chapter, in timeline
//     order (those linked to the header at the end of the first chapter);
//     events linked to no chapter are not shown. A moment whose text
//     the audience has just read in its paragraph shows only its date and
//     headline, so it never repeats the slide before it;
//   - the chapter's pictures as Picture slides, spread evenly over the
//     chapter after paragraph ends (all at the end for a chapter with
//     fewer paragraphs than pictures);
//   - a Closing slide with the pack's title.
//
// Notes: for the title, the source's title and publisher, the document's
// header lines and the pack's editorial notes; for a section, the
// chapter's presenter notes from the pack (when it has any) then the
// chapter's first sentence; for a passage, the whole paragraph it comes
// from and "Tiếp theo: " with the first words of the next passage; for a
// picture, caption, credit and "(minh hoạ)" for an illustration; for a
// moment, the event's text.
//
// A nil m measures text with Estimate. A nil pack gives no slides.
func FromPack(p *exhibit.Pack, m Measure) []Slide {
	if p == nil {
		return nil
	}
	if m == nil {
		m = Estimate
	}
	header := 0
	if len(p.Chapters) > 0 {
		header = HeaderBlocks(p.Chapters[0], true)
	}
	out := []Slide{titleSlide(p, header)}
	for i, ch := range p.Chapters {
		out = append(out, chapterSlides(p, ch, HeaderBlocks(ch, i == 0), m)...)
	}
	addNextNotes(out)
	return append(out, Slide{Kind: Closing, Title: p.Title, Block: -1,
		Notes: joinLines(p.Title, p.Subtitle)})
}

// HeaderBlocks returns how many of the chapter's first blocks are the
// document's header: its masthead (exhibit.Chapter.Masthead, the lines
// above a "---" at the top of the file). In the first chapter of a pack
// written without that line, the paragraphs before the first heading set
// entirely in bold or italics — the lines the reader centres as the
// document's title — are the header too (first says the chapter is the
// first). Body text before the first heading ends the header.
func HeaderBlocks(ch *exhibit.Chapter, first bool) int {
	if ch.Masthead > 0 || !first {
		return min(ch.Masthead, len(ch.Blocks))
	}
	n := 0
	for _, b := range ch.Blocks {
		if b.Kind != exhibit.Paragraph || !titleLike(b) {
			break
		}
		n++
	}
	return n
}

// titleLike reports whether a paragraph is set entirely in bold or
// italics, as the lines of a document's title block are.
func titleLike(b exhibit.Block) bool {
	for _, sp := range b.Spans {
		if !sp.Strong && !sp.Emphasis && strings.TrimSpace(sp.Text) != "" {
			return false
		}
	}
	return len(b.Spans) > 0
}

// titleSlide makes the opening slide; header is the number of the first
// chapter's blocks that are the document's header.
func titleSlide(p *exhibit.Pack, header int) Slide {
	s := Slide{Kind: Title, Title: p.Title, Block: -1}
	s.Text = joinLines(p.Subtitle, p.Source.Publisher)
	var lines []string
	if header > 0 {
		for _, b := range p.Chapters[0].Blocks[:header] {
			lines = append(lines, normalizeSpace(b.Text()))
		}
	}
	s.Cite = strings.TrimSpace(p.Source.Reference)
	if s.Cite == "" {
		s.Cite = strings.Join(lines, " · ")
	}
	var notes []string
	notes = append(notes, p.Source.Title, p.Source.Publisher)
	notes = append(notes, lines...)
	notes = append(notes, p.Notes...)
	s.Notes = joinLines(notes...)
	return s
}

// chapterSlides makes the slides of one chapter; its first skip blocks
// are the document's header, shown on the title slide.
func chapterSlides(p *exhibit.Pack, ch *exhibit.Chapter, skip int, m Measure) []Slide {
	first := firstSentence(ch)
	sectionNotes := func() string { return joinLines(ch.PresenterNotes, first) }

	// Events linked to this chapter, by block.
	events := map[int][]exhibit.Event{}
	var orphans []exhibit.Event // linked to a block that is no paragraph
	var headerEvents []exhibit.Event
	var headerText []string
	for _, b := range ch.Blocks[:skip] {
		headerText = append(headerText, b.Text())
	}
	for _, e := range p.Timeline.Events {
		if e.Chapter != ch.ID {
			continue
		}
		switch {
		case e.Block >= 0 && e.Block < skip:
			headerEvents = append(headerEvents, e)
		case e.Block >= 0 && e.Block < len(ch.Blocks) && ch.Blocks[e.Block].Kind != exhibit.Heading:
			events[e.Block] = append(events[e.Block], e)
		default:
			orphans = append(orphans, e)
		}
	}

	// Pictures spread after paragraph ends.
	var photos []*exhibit.Photo
	for _, id := range ch.Photos {
		if ph := p.Photo(id); ph != nil {
			photos = append(photos, ph)
		}
	}
	paras := 0
	for _, b := range ch.Blocks[skip:] {
		if b.Kind != exhibit.Heading {
			paras++
		}
	}
	// after[k] lists the pictures shown after the k-th paragraph (1-based).
	after := map[int][]*exhibit.Photo{}
	if paras >= len(photos) {
		for i, ph := range photos {
			k := (i + 1) * paras / (len(photos) + 1)
			if k < 1 {
				k = 1
			}
			after[k] = append(after[k], ph)
		}
	} else {
		after[paras] = photos
	}

	var out []Slide
	hasHeading := false
	for _, b := range ch.Blocks {
		if b.Kind == exhibit.Heading {
			hasHeading = true
			break
		}
	}
	sectionDone := false
	if !hasHeading {
		out = append(out, Slide{Kind: Section, Title: ch.Title, Chapter: ch.ID, Block: -1, Notes: sectionNotes()})
		sectionDone = true
	}
	para := 0
	for bi, b := range ch.Blocks {
		if bi < skip {
			continue
		}
		if b.Kind == exhibit.Heading {
			s := Slide{Kind: Section, Title: strings.TrimSpace(b.Text()), Chapter: ch.ID, Block: bi}
			if !sectionDone {
				s.Notes = sectionNotes()
				sectionDone = true
			} else {
				s.Notes = firstSentenceFrom(ch, bi+1)
			}
			out = append(out, s)
			continue
		}
		text := b.Text()
		parts := fitPassages(Passages(text, MaxWords), m)
		para++
		placed := make([]bool, len(events[bi]))
		for _, part := range parts {
			out = append(out, Slide{Kind: Passage, Text: part, Chapter: ch.ID, Block: bi,
				Notes: normalizeSpace(text)})
			// Moments quoting this passage follow it.
			for i, e := range events[bi] {
				if !placed[i] && quotes(part, e.Text) {
					placed[i] = true
					out = append(out, momentSlide(ch, e, text))
				}
			}
		}
		for i, e := range events[bi] {
			if !placed[i] {
				out = append(out, momentSlide(ch, e, text))
			}
		}
		for _, ph := range after[para] {
			out = append(out, pictureSlide(ch, ph))
		}
	}
	if paras == 0 {
		for _, ph := range photos {
			out = append(out, pictureSlide(ch, ph))
		}
	}
	// Moments of the header close the chapter: just after the title
	// slide they would repeat it. Their text is the header's, which the
	// title slide shows.
	for _, e := range headerEvents {
		out = append(out, momentSlide(ch, e, strings.Join(headerText, " ")))
	}
	for _, e := range orphans {
		out = append(out, momentSlide(ch, e, ""))
	}
	return out
}

// momentSlide makes the slide of a timeline event; shown is the text the
// audience has just read (the paragraph the event is linked to): an event
// text it quotes is left to the notes, so the moment does not repeat it.
func momentSlide(ch *exhibit.Chapter, e exhibit.Event, shown string) Slide {
	display := e.Display
	if display == "" {
		display = e.Start.Display
	}
	text := plain(e.Text)
	body := text
	if quotes(shown, e.Text) {
		body = ""
	}
	return Slide{Kind: Moment, Title: e.Headline, Text: joinLines(display, body),
		Chapter: ch.ID, Block: -1, Event: e.ID, Notes: joinLines(display, text)}
}

// pictureSlide makes the slide of a photo or illustration.
func pictureSlide(ch *exhibit.Chapter, ph *exhibit.Photo) Slide {
	notes := []string{ph.Caption, ph.Credit}
	if ph.Kind == exhibit.KindIllustration {
		notes = append(notes, "(minh hoạ)")
	}
	return Slide{Kind: Picture, Title: ph.Caption, Text: ph.Credit, Chapter: ch.ID, Block: -1,
		Photo: ph.ID, Notes: joinLines(notes...)}
}

// addNextNotes ends each passage's notes with the first words of the next
// passage of the presentation.
func addNextNotes(s []Slide) {
	next := ""
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].Kind != Passage {
			continue
		}
		if next != "" {
			s[i].Notes = joinLines(s[i].Notes, "Tiếp theo: "+next)
		}
		next = firstWords(s[i].Text, 8)
	}
}

// Passages cuts text into passages of at most max words at sentence
// boundaries, as evenly as it can with the fewest passages. A sentence
// longer than max is a passage of its own. Each passage is a substring of
// text; joined with single spaces they give text with its white space
// between sentences normalised.
func Passages(text string, max int) []string {
	sents := speech.Sentences(text)
	if len(sents) == 0 {
		return nil
	}
	n := len(sents)
	words := make([]int, n+1) // prefix sums
	for i, r := range sents {
		words[i+1] = words[i] + len(strings.Fields(text[r[0]:r[1]]))
	}
	// best[i]: fewest passages, then least sum of squared lengths, for
	// sentences [i, n).
	type cost struct{ count, sq int }
	best := make([]cost, n+1)
	cut := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i] = cost{-1, 0}
		for j := i + 1; j <= n; j++ {
			w := words[j] - words[i]
			if w > max && j > i+1 {
				break
			}
			c := cost{best[j].count + 1, best[j].sq + w*w}
			if best[i].count < 0 || c.count < best[i].count || (c.count == best[i].count && c.sq < best[i].sq) {
				best[i], cut[i] = c, j
			}
		}
	}
	var out []string
	for i := 0; i < n; i = cut[i] {
		out = append(out, text[sents[i][0]:sents[cut[i]-1][1]])
	}
	return out
}

// firstSentence returns the first sentence of the chapter's first
// paragraph after its first heading (or of its first paragraph).
func firstSentence(ch *exhibit.Chapter) string {
	start := 0
	for i, b := range ch.Blocks {
		if b.Kind == exhibit.Heading {
			start = i + 1
			break
		}
	}
	if s := firstSentenceFrom(ch, start); s != "" {
		return s
	}
	return firstSentenceFrom(ch, ch.Masthead)
}

// firstSentenceFrom returns the first sentence of the first non-heading
// block at or after block i, or "" if there is none before the next
// heading.
func firstSentenceFrom(ch *exhibit.Chapter, i int) string {
	for ; i < len(ch.Blocks); i++ {
		b := ch.Blocks[i]
		if b.Kind == exhibit.Heading {
			return ""
		}
		t := b.Text()
		if s := speech.Sentences(t); len(s) > 0 {
			return normalizeSpace(t[s[0][0]:s[0][1]])
		}
	}
	return ""
}

// quotes reports whether passage contains the event text quote (white space
// normalised).
func quotes(passage, quote string) bool {
	q := normalizeSpace(plain(quote))
	return q != "" && strings.Contains(normalizeSpace(passage), q)
}

// firstWords returns the first n words of s, with "…" when there are more.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " …"
}

// joinLines joins the non-empty parts with line breaks.
func joinLines(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n")
}

// normalizeSpace collapses runs of white space to one space.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

var (
	linkRe     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	emphasisRe = regexp.MustCompile(`\*\*|__|\*|(^|\s)_|_($|\s)`)
	headingRe  = regexp.MustCompile(`(?m)^#{1,6}[ \t]+`)
)

// plain turns the Markdown of an event's text into plain text: links keep
// their text, emphasis and heading markers go, paragraphs become lines.
func plain(md string) string {
	s := linkRe.ReplaceAllString(md, "$1")
	s = headingRe.ReplaceAllString(s, "")
	s = emphasisRe.ReplaceAllString(s, "$1$2")
	var lines []string
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(s, -1) {
		if p := normalizeSpace(para); p != "" {
			lines = append(lines, p)
		}
	}
	return strings.Join(lines, "\n")
}
