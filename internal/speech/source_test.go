package speech

import (
	"regexp"
	"testing"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// unspoken matches what must not reach espeak-ng: digits (read without the
// Vietnamese conventions), symbols it reads aloud or mangles, and brackets
// and quotes.
var unspoken = regexp.MustCompile(`[0-9%/()\[\]“”"*_#&…]|\.\.|\s-|-\s`)

// TestBuiltinTextIsSpeakable normalises every sentence of the built-in pack
// and checks that nothing is left that espeak-ng would read wrongly: no
// digit, symbol, bracket or quote, and no upper-case abbreviation.
func TestBuiltinTextIsSpeakable(t *testing.T) {
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ch := range p.Chapters {
		for bi, b := range ch.Blocks {
			text := b.Text()
			for _, r := range Sentences(text) {
				n++
				spoken := Normalize(text[r[0]:r[1]])
				if m := unspoken.FindString(spoken); m != "" {
					t.Errorf("%s block %d: %q is left in the spoken form %q", ch.ID, bi, m, spoken)
				}
				for _, w := range upperWordRe.FindAllString(spoken, -1) {
					if !isSyllable(w) {
						t.Errorf("%s block %d: abbreviation %q is left in the spoken form %q", ch.ID, bi, w, spoken)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d sentences in the built-in pack", n)
	}
}
