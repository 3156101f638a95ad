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
	// FieldPhotoCaption is a picture's caption; Photo names the picture.
	FieldPhotoCaption
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
	// Photo is the ID of the picture whose caption matched.
	Photo string
	// Field says which text Ranges refer to.
	Field Field
	// Ranges are [start, end) byte offsets in the original text of what
	// matched, in order and not overlapping, always on rune boundaries
	// and never splitting a letter from its combining marks: each
	// occurrence of the query as a phrase when the text holds it so (one
	// range from its first word to its last), else the words of the
	// closest group, else every occurrence of each word. Where the last
	// query word matched as a prefix (see Search), a range ends with that
	// prefix of the text's word: "kie" marks the "Kiê" of "Kiên", tone
	// mark included.
	Ranges [][2]int
	// Context is the sentence around the best match, or about 120
	// characters of it cut at word boundaries when the sentence is long,
	// with "…" where text was cut off and line breaks turned into spaces:
	// a preview for a results list.
	Context string
	// ContextRanges are the byte offsets of the matches within Context.
	ContextRanges [][2]int
}

// doc is one searchable text with its folded form and word list.
type doc struct {
	chapter string
	block   int
	event   string
	photo   string
	field   Field
	text    string
	orig    []int // from foldWithMap: byte offset of each folded rune, plus len(text)
	words   []word
}

// word is a run of word runes in a doc's folded text, as folded-rune
// indices [start, end).
type word struct{ start, end int }

// posting is one occurrence of a term: which doc and which word in it.
// mark is the word's markKey, as an index into Index.marks: comparing
// marks while searching is then comparing numbers.
type posting struct{ doc, word, mark int32 }

// Index is an immutable search index over one pack. It is safe for
// concurrent use by several goroutines.
type Index struct {
	docs   []doc
	terms  map[string][]posting // folded word → occurrences, in document order
	vocab  []string             // the keys of terms, sorted, for prefix lookups
	marks  []string             // every distinct markKey of the indexed words
	markID map[string]int32     // the index of each markKey in marks
}

// NewIndex indexes every chapter title and block and every timeline event
// headline and text of p. Documents are kept in reading order (chapters in
// pack order, then the timeline), which is the final tie-break of results.
// A nil pack gives an empty index.
func NewIndex(p *exhibit.Pack) *Index {
	ix := &Index{terms: make(map[string][]posting), markID: make(map[string]int32)}
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
	for _, ph := range p.Photos {
		if ph != nil {
			ix.add(doc{photo: ph.ID, field: FieldPhotoCaption, text: ph.Caption})
		}
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
		ix.terms[t] = append(ix.terms[t], posting{n, int32(wi), ix.markOf(d.wordText(wi))})
	}
	ix.docs = append(ix.docs, d)
}

// markOf returns the id of the markKey of a word, adding it if new.
func (ix *Index) markOf(w string) int32 {
	k := markKey(w)
	id, ok := ix.markID[k]
	if !ok {
		id = int32(len(ix.marks))
		ix.marks = append(ix.marks, k)
		ix.markID[k] = id
	}
	return id
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
	tierPhrase        // the query words occur next to each other, in order
	tierNear          // the query words all occur within a few words of each other
	tierAll           // every query word occurs somewhere in the text
)

// nearSlack is how many other words may stand among the query words for
// them to count as close together.
const nearSlack = 3

// maxQueryWords bounds the work one query can cause; nobody types more.
const maxQueryWords = 32

// Search returns the texts in which every word of query occurs, best
// first: texts holding the query as a phrase spelled exactly as typed
// (case and the punctuation between words aside), then texts holding the
// words as a phrase, then texts holding them close together (a few other
// words at most among them), then texts holding them anywhere; ties in
// reading order (chapters, then the timeline, then picture captions).
//
// A word typed without diacritics matches the word with any marks ("kien"
// finds "kiên", "kiện" and "Kiến"); a word typed with diacritics matches
// only those marks ("kiện" finds "kiện", not "kiên"), wherever the tone
// sits ("hòa" finds "hoà"). Words are matched whole, because Vietnamese
// words are short syllables that would otherwise match inside each other:
// the "an" of "an nam" finds "Ân" and "ấn" but not "Anh". Punctuation in
// the query separates words. A query in double quotes ("\"chí kiên\"")
// asks for the phrase: only texts holding the words next to each other,
// in order, are returned.
//
// The exception is the last word of a query that does not end in a space
// or punctuation: the screens search as the visitor types, so that word
// is probably not finished, and it matches the start of a word. "chi kie"
// finds "Chí Kiên" and "thuong a" finds "Thượng Ân" (and "Thượng Anh");
// "chi kie " with its trailing space, or "kie.", finds only the word "kie".
// Within a tier, texts where the last word matched a whole word come before
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
	phraseOnly := strings.ContainsAny(query, `"“”«»`)
	if phraseOnly {
		query = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`"“”«»`, r) {
				return ' '
			}
			return r
		}, query)
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
	// so "Kiê" typed in NFD counts): it is still being typed. A quoted
	// phrase is finished.
	prefix := qWords[last].end == len(qFolded) && !phraseOnly
	q := parsed{
		terms: make([]string, len(qWords)),
		lens:  make([]int, len(qWords)),
		exact: make([]string, len(qWords)),
		keys:  make([]string, len(qWords)),
	}
	for i, w := range qWords {
		q.terms[i] = string(qFolded[w.start:w.end])
		q.lens[i] = w.end - w.start
		// The words as typed, diacritics and all, for the exact tier.
		sp := byteSpan(qOrig, w.start, w.end)
		typed := query[sp[0]:sp[1]]
		q.exact[i] = exactForm(typed)
		if hasMarks(typed) {
			q.keys[i] = markKey(typed)
		}
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
	// Whether a word's marks match a query word typed with marks, per
	// query word and mark id: a text has few distinct words.
	markOK := make([]map[int32]bool, len(q.terms))
	for i := range q.keys {
		if q.keys[i] != "" {
			markOK[i] = make(map[int32]bool)
		}
	}
	var lastDoc int32 = -1
	for _, p := range lists[rarest] {
		if p.doc == lastDoc {
			continue
		}
		lastDoc = p.doc
		d := &ix.docs[p.doc]
		ok := true
		for i := range q.terms {
			positions[i] = positions[i][:0]
			for _, o := range postingsIn(lists[i], p.doc) {
				w := int(o.word)
				if q.keys[i] != "" {
					ok, known := markOK[i][o.mark]
					if !known {
						ok = marksMatch(ix.marks[o.mark], q.keys[i], i == last && prefix)
						markOK[i][o.mark] = ok
					}
					if !ok {
						continue // typed with marks: only those marks
					}
				}
				positions[i] = append(positions[i], w)
			}
			if len(positions[i]) == 0 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		m := d.rank(positions, &q)
		if phraseOnly && m.tier > tierPhrase {
			continue
		}
		cands = append(cands, cand{int(p.doc), m.tier, m.partial, m.ranges, m.best})
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
		h := Hit{Chapter: d.chapter, Block: d.block, Event: d.event, Photo: d.photo, Field: d.field, Ranges: c.ranges}
		if d.field != FieldBlock && d.field != FieldChapterTitle {
			h.Block = 0
		}
		h.Context, h.ContextRanges = context(d.text, h.Ranges, c.best)
		hits[i] = h
	}
	return hits
}

// parsed is a parsed query: per word, its folded form, its length in
// folded runes (how much of a text's word a match covers: all of it for a
// whole word, the prefix for a last word still being typed), its typed
// form for the exact tier, and its markKey when it was typed with
// diacritics ("" when not).
type parsed struct {
	terms []string
	lens  []int
	exact []string
	keys  []string
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

// wordText returns word w of d as written.
func (d *doc) wordText(w int) string {
	s := byteSpan(d.orig, d.words[w].start, d.words[w].end)
	return d.text[s[0]:s[1]]
}

// match is how a doc matched a query: its tier, whether the last query
// word only matched as a prefix there, what to highlight, and the span to
// centre the context on.
type match struct {
	tier    int
	partial bool
	ranges  [][2]int
	best    [2]int
}

// rank finds how d matches the query, given the positions of each query
// word in it. The best occurrence is the first exact phrase, else the
// first phrase, else the closest group of the words, else the first
// occurrence of the first word; at each tier, occurrences where the last
// word matched whole are preferred. Phrases highlight every occurrence of
// the phrase, a close group its words, and otherwise every occurrence of
// each word is highlighted.
func (d *doc) rank(positions [][]int, q *parsed) match {
	n := len(positions)
	last, lastLen := n-1, q.lens[n-1]
	whole := func(w int) bool { return d.words[w].end-d.words[w].start == lastLen }
	m := match{tier: tierAll, partial: !slices.ContainsFunc(positions[last], whole)}
	first := positions[0][0]
	m.best = d.span(first, first, q.lens[0])
	var phrases [][2]int
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
		sp := d.span(start, start+last, lastLen)
		phrases = append(phrases, sp)
		t, p := tierPhrase, !whole(start+last)
		if d.exactAt(start, q) {
			t = tierExact
		}
		if t < m.tier || (t == m.tier && m.partial && !p) {
			m.tier, m.partial, m.best = t, p, sp
		}
	}
	if len(phrases) > 0 {
		m.ranges = phrases
		return m
	}
	if n > 1 {
		if words, ok := closest(positions); ok {
			m.tier = tierNear
			m.ranges = d.wordRanges(words, q.lens)
			m.best = [2]int{m.ranges[0][0], m.ranges[len(m.ranges)-1][1]}
			return m
		}
	}
	var all [][2]int
	for i, ps := range positions {
		for _, w := range ps {
			all = append(all, [2]int{w, q.lens[i]})
		}
	}
	m.ranges = d.wordRanges(all, nil)
	return m
}

// closest returns the positions of the smallest window holding one
// occurrence of every query word (word, query-word index pairs), when it
// spans at most the query's length plus nearSlack words.
func closest(positions [][]int) ([][2]int, bool) {
	type occ struct{ word, q int }
	var all []occ
	for i, ps := range positions {
		for _, w := range ps {
			all = append(all, occ{w, i})
		}
	}
	slices.SortFunc(all, func(a, b occ) int { return a.word - b.word })
	n := len(positions)
	count := make([]int, n)
	have := 0
	bestLo, bestHi := -1, -1
	lo := 0
	for hi, o := range all {
		if count[o.q] == 0 {
			have++
		}
		count[o.q]++
		for have == n {
			if bestLo < 0 || all[hi].word-all[lo].word < all[bestHi].word-all[bestLo].word {
				bestLo, bestHi = lo, hi
			}
			count[all[lo].q]--
			if count[all[lo].q] == 0 {
				have--
			}
			lo++
		}
	}
	if bestLo < 0 || all[bestHi].word-all[bestLo].word >= n+nearSlack {
		return nil, false
	}
	var out [][2]int
	seen := make([]bool, n)
	for _, o := range all[bestLo : bestHi+1] {
		if !seen[o.q] {
			seen[o.q] = true
			out = append(out, [2]int{o.word, o.q})
		}
	}
	return out, true
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

// wordRanges returns the byte spans of words given as (word, n) pairs:
// the first n folded runes of each word, where n comes from lens[q] when
// lens is set (the pairs are then (word, query-word index)). Sorted; a
// word given twice gets one span, the longest.
func (d *doc) wordRanges(pairs [][2]int, lens []int) [][2]int {
	type wm struct{ word, n int }
	ms := make([]wm, len(pairs))
	for i, p := range pairs {
		ms[i] = wm{p[0], p[1]}
		if lens != nil {
			ms[i].n = lens[p[1]]
		}
	}
	slices.SortFunc(ms, func(a, b wm) int {
		if a.word != b.word {
			return a.word - b.word
		}
		return b.n - a.n
	})
	ms = slices.CompactFunc(ms, func(a, b wm) bool { return a.word == b.word })
	rs := make([][2]int, len(ms))
	for i, m := range ms {
		rs[i] = d.span(m.word, m.word, m.n)
	}
	return rs
}

// contextChars is the rough length, in characters, of Hit.Context.
const contextChars = 120

// maxSentenceChars is the longest sentence shown whole as a context;
// longer ones are cut around the match.
const maxSentenceChars = 240

// ellipsis marks text cut off at either end of a context.
const ellipsis = "…"

// context cuts about contextChars characters of text around the byte span
// focus, at word boundaries where there are any, and returns the cut with
// the ranges that fall inside it moved to its offsets. Line breaks become
// spaces (same byte length, so offsets survive) to keep the preview to one
// line.
func context(text string, ranges [][2]int, focus [2]int) (string, [][2]int) {
	start, end := 0, len(text)
	if a, z := sentenceAround(text, focus); utf8.RuneCountInString(text[a:z]) <= maxSentenceChars {
		// The whole sentence reads best; a results list wraps it.
		start, end = a, z
	} else if utf8.RuneCountInString(text) > contextChars {
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
	if strings.TrimSpace(text[:start]) != "" && !sentenceStart(text, start) {
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
	if strings.TrimSpace(text[end:]) != "" && !sentenceEnd(text, end) {
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

// sentenceAround returns the byte span of the sentence of text holding the
// span focus: from just after the previous sentence end (. ! ? … followed
// by white space) to just after the next one.
func sentenceAround(text string, focus [2]int) (int, int) {
	start := 0
	for i := focus[0] - 1; i > 0; i-- {
		if isSentenceEnd(text, i) {
			start = i + 1
			break
		}
	}
	for start < focus[0] && isSpaceByte(text[start]) {
		start++
	}
	end := len(text)
	for i := focus[1]; i < len(text); i++ {
		if isSentenceEnd(text, i) {
			end = i + 1
			break
		}
	}
	return start, end
}

// isSentenceEnd reports whether the byte at i ends a sentence: . ! ? (or
// the last byte of …) followed by white space or the end. A line break
// inside a block is only a soft break.
func isSentenceEnd(text string, i int) bool {
	c := text[i]
	isEnd := c == '.' || c == '!' || c == '?' || (c == 0xA6 && i >= 2 && text[i-2:i+1] == ellipsis)
	return isEnd && (i+1 == len(text) || isSpaceByte(text[i+1]))
}

// sentenceStart reports whether a context cut at byte start begins a
// sentence, so needs no "…" before it.
func sentenceStart(text string, start int) bool {
	i := start - 1
	for i >= 0 && isSpaceByte(text[i]) {
		i--
	}
	return i < 0 || isSentenceEnd(text, i)
}

// sentenceEnd reports whether a context cut at byte end ends a sentence.
func sentenceEnd(text string, end int) bool {
	return end > 0 && isSentenceEnd(text, end-1)
}
