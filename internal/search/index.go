package search

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"trienlam/internal/exhibit"
)

// Field says which piece of text a Hit was found in, and so what its
// Ranges are byte offsets into.
type Field int

// The kinds of searchable text.
const (
	// FieldBlock is a chapter block: Ranges index Block.Text() of
	// Chapters[Chapter].Blocks[Block].
	FieldBlock Field = iota
	// FieldChapterTitle is a chapter's title; Block is -1.
	FieldChapterTitle
	// FieldEventHeadline is a timeline event's headline.
	FieldEventHeadline
	// FieldEventText is a timeline event's text, as written (Markdown).
	FieldEventText
)

// Hit is one piece of text that matched a query. Several occurrences in
// the same text make one Hit with several Ranges.
type Hit struct {
	// Chapter is the ID of the chapter the hit is in; empty for a
	// timeline hit (the event's own Chapter field says where it links).
	Chapter string
	// Block is the index of the block in the chapter, -1 for the title;
	// 0 for timeline hits.
	Block int
	// Event is the ID of the timeline event, empty for a chapter hit.
	Event string
	// Field says which text Ranges refer to.
	Field Field
	// Ranges are [start, end) byte offsets in the original text of each
	// matched query word, in order and not overlapping, always on rune
	// boundaries and never splitting a letter from its combining marks.
	// Where the last query word matched as a prefix (see Search), its
	// range covers only that prefix of the text's word: "kie" marks the
	// "Kiê" of "Kiên", tone mark included.
	Ranges [][2]int
	// Context is about 120 characters of the text around the best match,
	// cut at word boundaries, with "…" where text was cut off and line
	// breaks turned into spaces: a one-line preview for a results list.
	Context string
	// ContextRanges are the byte offsets of the matches within Context.
	ContextRanges [][2]int
}

// doc is one searchable text with its folded form and word list.
type doc struct {
	chapter string
	block   int
	event   string
	field   Field
	text    string
	orig    []int // from foldWithMap: byte offset of each folded rune, plus len(text)
	words   []word
}

// word is a run of word runes in a doc's folded text, as folded-rune
// indices [start, end).
type word struct{ start, end int }

// posting is one occurrence of a term: which doc and which word in it.
type posting struct{ doc, word int32 }

// Index is an immutable search index over one pack. It is safe for
// concurrent use by several goroutines.
type Index struct {
	docs  []doc
	terms map[string][]posting // folded word → occurrences, in document order
	vocab []string             // the keys of terms, sorted, for prefix lookups
}

// NewIndex indexes every chapter title and block and every timeline event
// headline and text of p. Documents are kept in reading order (chapters in
// pack order, then the timeline), which is the final tie-break of results.
// A nil pack gives an empty index.
func NewIndex(p *exhibit.Pack) *Index {
	ix := &Index{terms: make(map[string][]posting)}
	if p == nil {
		return ix
	}
	for _, ch := range p.Chapters {
		if ch == nil {
			continue
		}
		ix.add(doc{chapter: ch.ID, block: -1, field: FieldChapterTitle, text: ch.Title})
		for i, b := range ch.Blocks {
			ix.add(doc{chapter: ch.ID, block: i, field: FieldBlock, text: b.Text()})
		}
	}
	for _, ev := range p.Timeline.Events {
		ix.add(doc{event: ev.ID, field: FieldEventHeadline, text: ev.Headline})
		ix.add(doc{event: ev.ID, field: FieldEventText, text: ev.Text})
	}
	ix.vocab = slices.Sorted(maps.Keys(ix.terms))
	return ix
}

// add folds and tokenises d and records its words in the term table.
func (ix *Index) add(d doc) {
	if strings.TrimSpace(d.text) == "" {
		return
	}
	folded, orig := foldWithMap(d.text)
	d.orig = orig
	d.words = splitWords(folded)
	n := int32(len(ix.docs))
	for wi, w := range d.words {
		t := string(folded[w.start:w.end])
		ix.terms[t] = append(ix.terms[t], posting{n, int32(wi)})
	}
	ix.docs = append(ix.docs, d)
}

// splitWords returns the words of a folded text. Punctuation separates
// words, so "11.102" is the two words "11" "102" and a query for it matches
// as a phrase; "22/9/1943" can be found by "1943" alone.
func splitWords(folded []rune) []word {
	var ws []word
	start := -1
	for i, r := range folded {
		switch {
		case isWordRune(r) && start < 0:
			start = i
		case !isWordRune(r) && start >= 0:
			ws = append(ws, word{start, i})
			start = -1
		}
	}
	if start >= 0 {
		ws = append(ws, word{start, len(folded)})
	}
	return ws
}

// byteSpan converts folded-rune indices [a, b) of a text to byte offsets in
// the original. The end runs to the start of the next original character,
// so trailing combining marks (text stored in NFD) stay with their letter.
func byteSpan(orig []int, a, b int) [2]int {
	end := orig[b]
	for j := b; j < len(orig); j++ {
		if orig[j] != orig[b-1] {
			end = orig[j]
			break
		}
	}
	return [2]int{orig[a], end}
}

// The ranking tiers of a hit, best first.
const (
	tierExact  = iota // the query words as typed, diacritics included, occur as a phrase
	tierPhrase        // the folded query words occur next to each other
	tierAll           // every query word occurs somewhere in the text
)

// maxQueryWords bounds the work one query can cause; nobody types more.
const maxQueryWords = 32

// Search returns the texts in which every word of query occurs, ignoring
// case and diacritics, best first: texts containing the query words as a
// phrase spelled exactly as typed (diacritics included, case and the
// punctuation between words ignored), then texts containing the words as a
// phrase, then texts containing them all anywhere; ties in
// reading order. Words are matched whole, because Vietnamese words are
// short syllables that would otherwise match inside each other: the "an"
// of "an nam" finds "Ân" and "ấn" but not "Anh". Punctuation in the query
// separates words.
//
// The exception is the last word of a query that does not end in a space
// or punctuation: the screens search as the visitor types, so that word
// is probably not finished, and it matches the start of a word. "chi kie"
// finds "Chí Kiên" and "thuong a" finds "Thượng Ân" (and "Thượng Anh");
// "chi kie " with its trailing space, or "kie.", finds only the word "kie".
// The tiers are the same, the exact one comparing the typed prefix with the
// start of the word ("Chí Kiê" is exact for "Chí Kiên", "an" for "Anh");
// within a tier, texts where the last word matched a whole word come before
// texts where it only matched the start of one ("thuong an" puts "Thượng
// Ân" before "Thượng Anh").
//
// A query with no words returns nil. limit ≤ 0 means no limit; the
// contexts, the costly part of a hit, are only made for the hits returned,
// so a short query matching much of the pack stays cheap with a limit.
func (ix *Index) Search(query string, limit int) []Hit {
	if ix == nil {
		return nil
	}
	qFolded, qOrig := foldWithMap(query)
	qWords := splitWords(qFolded)
	if len(qWords) == 0 {
		return nil
	}
	if len(qWords) > maxQueryWords {
		qWords = qWords[:maxQueryWords]
	}
	last := len(qWords) - 1
	// Nothing after the last word (lone combining marks fold to nothing,
	// so "Kiê" typed in NFD counts): it is still being typed.
	prefix := qWords[last].end == len(qFolded)
	q := parsed{
		terms: make([]string, len(qWords)),
		lens:  make([]int, len(qWords)),
		exact: make([]string, len(qWords)),
	}
	for i, w := range qWords {
		q.terms[i] = string(qFolded[w.start:w.end])
		q.lens[i] = w.end - w.start
		// The words as typed, diacritics and all, for the exact tier.
		s := byteSpan(qOrig, w.start, w.end)
		q.exact[i] = exactForm(query[s[0]:s[1]])
	}

	// Collect, per doc, the word positions of each term. Start from the
	// rarest term so that common words cost little.
	lists := make([][]posting, len(q.terms))
	for i, t := range q.terms {
		if i == last && prefix {
			lists[i] = ix.prefixPostings(t)
		} else {
			lists[i] = ix.terms[t]
		}
		if len(lists[i]) == 0 {
			return nil
		}
	}
	rarest := 0
	for i := range lists {
		if len(lists[i]) < len(lists[rarest]) {
			rarest = i
		}
	}
	type cand struct {
		doc     int
		tier    int
		partial bool // the last word only matched as a prefix
		ranges  [][2]int
		best    [2]int
	}
	var cands []cand
	positions := make([][]int, len(q.terms))
	var lastDoc int32 = -1
	for _, p := range lists[rarest] {
		if p.doc == lastDoc {
			continue
		}
		lastDoc = p.doc
		ok := true
		for i := range q.terms {
			positions[i] = positions[i][:0]
			for _, o := range postingsIn(lists[i], p.doc) {
				positions[i] = append(positions[i], int(o.word))
			}
			if len(positions[i]) == 0 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		d := &ix.docs[p.doc]
		tier, partial, best := d.rank(positions, &q)
		cands = append(cands, cand{int(p.doc), tier, partial, d.ranges(positions, q.lens), best})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.tier != b.tier {
			return a.tier - b.tier
		}
		if a.partial != b.partial {
			if a.partial {
				return 1
			}
			return -1
		}
		return a.doc - b.doc
	})
	if limit > 0 && len(cands) > limit {
		cands = cands[:limit]
	}
	hits := make([]Hit, len(cands))
	for i, c := range cands {
		d := &ix.docs[c.doc]
		h := Hit{Chapter: d.chapter, Block: d.block, Event: d.event, Field: d.field, Ranges: c.ranges}
		if d.field == FieldEventHeadline || d.field == FieldEventText {
			h.Block = 0
		}
		h.Context, h.ContextRanges = context(d.text, h.Ranges, c.best)
		hits[i] = h
	}
	return hits
}

// parsed is a parsed query: per word, its folded form, its length in
// folded runes (how much of a text's word a match covers: all of it for a
// whole word, the prefix for a last word still being typed) and its typed
// form for the exact tier.
type parsed struct {
	terms []string
	lens  []int
	exact []string
}

// prefixPostings returns the occurrences of every indexed word that starts
// with the folded term t, sorted by doc, then word, like a term's own
// postings. Folded words are compared as strings: a prefix in runes is a
// prefix in UTF-8 bytes, so the matches are a run of the sorted vocabulary.
// Even a one-letter prefix can return no more than every word of the pack.
func (ix *Index) prefixPostings(t string) []posting {
	lo, _ := slices.BinarySearch(ix.vocab, t)
	hi := lo
	for hi < len(ix.vocab) && strings.HasPrefix(ix.vocab[hi], t) {
		hi++
	}
	switch hi - lo {
	case 0:
		return nil
	case 1:
		return ix.terms[ix.vocab[lo]]
	}
	n := 0
	for _, v := range ix.vocab[lo:hi] {
		n += len(ix.terms[v])
	}
	ps := make([]posting, 0, n)
	for _, v := range ix.vocab[lo:hi] {
		ps = append(ps, ix.terms[v]...)
	}
	slices.SortFunc(ps, func(a, b posting) int {
		if a.doc != b.doc {
			return int(a.doc - b.doc)
		}
		return int(a.word - b.word)
	})
	return ps
}

// postingsIn returns the part of a term's postings (sorted by doc, then
// word) that falls in doc n.
func postingsIn(ps []posting, n int32) []posting {
	lo, _ := slices.BinarySearchFunc(ps, n, func(p posting, n int32) int { return int(p.doc - n) })
	hi := lo
	for hi < len(ps) && ps[hi].doc == n {
		hi++
	}
	return ps[lo:hi]
}

// span returns the byte span in d's text from the start of word a to the
// first n folded runes of word b: all of b when n is its length, else the
// prefix of b that a query word matched.
func (d *doc) span(a, b, n int) [2]int {
	return byteSpan(d.orig, d.words[a].start, d.words[b].start+n)
}

// rank finds the best tier of d for the query, whether the last query word
// only matched as a prefix there, and the byte span of the match to centre
// the context on: the first exact occurrence, else the first phrase
// occurrence, else the first occurrence of the first word; at each tier,
// occurrences where the last word matched whole are preferred.
func (d *doc) rank(positions [][]int, q *parsed) (tier int, partial bool, best [2]int) {
	n := len(positions)
	last, lastLen := n-1, q.lens[n-1]
	whole := func(w int) bool { return d.words[w].end-d.words[w].start == lastLen }
	tier, partial = tierAll, !slices.ContainsFunc(positions[last], whole)
	first := positions[0][0]
	best = d.span(first, first, q.lens[0])
	for _, start := range positions[0] {
		phrase := true
		for i := 1; i < n; i++ {
			// positions are in word order, so a binary search will do.
			if _, found := slices.BinarySearch(positions[i], start+i); !found {
				phrase = false
				break
			}
		}
		if !phrase {
			continue
		}
		t, p := tierPhrase, !whole(start+last)
		if d.exactAt(start, q) {
			t = tierExact
		}
		if t < tier || (t == tier && partial && !p) {
			tier, partial, best = t, p, d.span(start, start+last, lastLen)
			if tier == tierExact && !partial {
				break
			}
		}
	}
	return tier, partial, best
}

// exactAt reports whether the words of d from word start on are the query
// words as typed, diacritics included (case and normalisation aside); for a
// last word matched as a prefix, whether the word starts as typed.
func (d *doc) exactAt(start int, q *parsed) bool {
	for i, e := range q.exact {
		s := d.span(start+i, start+i, q.lens[i])
		if exactForm(d.text[s[0]:s[1]]) != e {
			return false
		}
	}
	return true
}

// ranges returns the byte spans of every occurrence of every query word in
// d, sorted, each covering the lens[i] folded runes the query word matched.
// A word matched by several query words (repeated, or also the prefix the
// last query word stands for) gets one span, the longest.
func (d *doc) ranges(positions [][]int, lens []int) [][2]int {
	type match struct{ word, n int }
	var ms []match
	for i, ps := range positions {
		for _, w := range ps {
			ms = append(ms, match{w, lens[i]})
		}
	}
	slices.SortFunc(ms, func(a, b match) int {
		if a.word != b.word {
			return a.word - b.word
		}
		return b.n - a.n
	})
	ms = slices.CompactFunc(ms, func(a, b match) bool { return a.word == b.word })
	rs := make([][2]int, len(ms))
	for i, m := range ms {
		rs[i] = d.span(m.word, m.word, m.n)
	}
	return rs
}

// contextChars is the rough length, in characters, of Hit.Context.
const contextChars = 120

// ellipsis marks text cut off at either end of a context.
const ellipsis = "…"

// context cuts about contextChars characters of text around the byte span
// focus, at word boundaries where there are any, and returns the cut with
// the ranges that fall inside it moved to its offsets. Line breaks become
// spaces (same byte length, so offsets survive) to keep the preview to one
// line.
func context(text string, ranges [][2]int, focus [2]int) (string, [][2]int) {
	start, end := 0, len(text)
	if utf8.RuneCountInString(text) > contextChars {
		// Spread the spare characters evenly either side of the focus.
		spare := contextChars - utf8.RuneCountInString(text[focus[0]:focus[1]])
		if spare < 0 {
			spare = 0
		}
		before := spare / 2
		start = focus[0]
		for ; before > 0 && start > 0; before-- {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
		after := spare - spare/2 + before // unused characters before go after
		end = focus[1]
		for ; after > 0 && end < len(text); after-- {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		// Give characters not used after back to the start.
		for ; after > 0 && start > 0; after-- {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
		// Cut at word boundaries: drop the partial word at each end, but
		// never into the focus, and not at all if the window is one word.
		if start > 0 && !isSpaceByte(text[start-1]) {
			if i := strings.IndexAny(text[start:focus[0]], " \t\r\n"); i >= 0 {
				start += i + 1
			}
		}
		if end < len(text) && !isSpaceByte(text[end]) {
			if i := strings.LastIndexAny(text[focus[1]:end], " \t\r\n"); i >= 0 {
				end = focus[1] + i
			}
		}
	}
	// Trim the spaces left at the cuts; they would sit next to the "…".
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && isSpaceByte(text[end-1]) {
		end--
	}
	b := make([]byte, 0, end-start+2*len(ellipsis))
	shift := -start
	if strings.TrimSpace(text[:start]) != "" {
		b = append(b, ellipsis...)
		shift += len(ellipsis)
	}
	for i := start; i < end; i++ {
		// Byte by byte, not strings.Map, which would turn invalid UTF-8
		// into U+FFFD and move every offset after it.
		c := text[i]
		if isSpaceByte(c) {
			c = ' '
		}
		b = append(b, c)
	}
	if strings.TrimSpace(text[end:]) != "" {
		b = append(b, ellipsis...)
	}
	var crs [][2]int
	for _, r := range ranges {
		a, z := max(r[0], start), min(r[1], end)
		if a < z {
			crs = append(crs, [2]int{a + shift, z + shift})
		}
	}
	return string(b), crs
}

// isSpaceByte reports whether c is ASCII white space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}
