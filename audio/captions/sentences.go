package captions

import (
	"strings"
	"unicode"

	"trienlam/internal/exhibit"
	"trienlam/internal/speech"
)

// Sentence is one sentence of a chapter to speak or caption.
type Sentence struct {
	// Block is the index of the block in exhibit.Chapter.Blocks; From, To
	// the sentence's byte range in that block's Text().
	Block, From, To int
	// Text is the sentence as written; Spoken is speech.Normalize(Text),
	// what a voice should say.
	Text, Spoken string
	// EndsBlock is set for the block's last sentence (counting those left
	// out), after which a narration pauses longer.
	EndsBlock bool
}

// ID is the sentence's cue identifier (CueID).
func (s Sentence) ID() string { return CueID(s.Block, s.From, s.To) }

// ChapterSentences lists the sentences of a chapter, block by block, as
// speech.Sentences splits each block's text, leaving out those with nothing
// to say (no letter once normalised, such as a lone dash) and those of the
// chapter's masthead, the document's header, which is shown, not read.
func ChapterSentences(ch *exhibit.Chapter) []Sentence {
	var out []Sentence
	for bi, b := range ch.Blocks {
		if ch.InMasthead(bi) {
			continue
		}
		text := b.Text()
		ranges := speech.Sentences(text)
		for si, r := range ranges {
			s := Sentence{Block: bi, From: r[0], To: r[1], Text: text[r[0]:r[1]], EndsBlock: si == len(ranges)-1}
			s.Spoken = speech.Normalize(s.Text)
			if !strings.ContainsFunc(s.Spoken, unicode.IsLetter) {
				continue
			}
			out = append(out, s)
		}
	}
	return out
}
