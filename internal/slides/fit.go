package slides

import (
	"strings"
	"unicode/utf8"
)

// Measure returns the width of text set at size, in bold when bold. The
// slide view passes the real font's measure (fyne.MeasureText); the model
// knows no fonts.
type Measure func(text string, size float32, bold bool) float32

// Estimate is a measure without a font: a generous average advance of
// 0.6 of the size per character (0.65 in bold), wider than the bundled
// font's Vietnamese text, so a passage it fits also fits on screen.
func Estimate(text string, size float32, bold bool) float32 {
	adv := float32(0.6)
	if bold {
		adv = 0.65
	}
	return float32(utf8.RuneCountInString(text)) * size * adv
}

// LineHeight is the distance between lines of slide text, as a multiple of
// the text size.
const LineHeight = 1.4

// The reference slide every passage must fit: a 1024×768 projector, the
// narrowest shape in the halls. Everything scales with the slide's height,
// so a passage that fits it fits any screen as wide or wider.
const (
	RefWidth  = 1024
	RefHeight = 768
)

// Margins returns the side and top margins of a w×h slide: generous, so
// text never runs to the edge of a projector's picture.
func Margins(w, h float32) (x, y float32) {
	return max(w*0.08, h*0.1), h * 0.09
}

// PassageBox returns the box a passage is set in on a w×h slide, the text
// size it is set at when it fits, and the smallest legible size: 28 px on
// a 720-line screen (body text readable from the back of a hall), 30 px at
// 768 lines.
func PassageBox(w, h float32) (width, height, maxSize, minSize float32) {
	mx, my := Margins(w, h)
	return w - 2*mx, h - 2*my, h / 15, MinSize(h)
}

// MinSize is the smallest text size of a passage on a slide h high.
func MinSize(h float32) float32 { return h * 28 / 720 }

// Wrap breaks text into lines no wider than width at size; words are never
// split (a single word wider than width is a line of its own). Line breaks
// in text start new lines. A line's width is estimated from its words'
// widths and the space's advance; a line within 3 % of the width either
// way is measured whole, as kerning may tip it over.
func Wrap(text string, width, size float32, bold bool, m Measure) []string {
	var lines []string
	// The advance of a space: measured alone, trailing white space may
	// count for nothing.
	space := m("a a", size, bold) - m("aa", size, bold)
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			continue
		}
		cur, curW := words[0], m(words[0], size, bold)
		for _, w := range words[1:] {
			ww := m(w, size, bold)
			est := curW + space + ww
			fits := est <= width*0.97
			if !fits && est <= width*1.03 {
				fits = m(cur+" "+w, size, bold) <= width
			}
			if fits {
				cur += " " + w
				curW = est
				continue
			}
			lines = append(lines, cur)
			cur, curW = w, ww
		}
		lines = append(lines, cur)
	}
	return lines
}

// FitsAt reports whether text set at size wraps into a width×height box:
// no line wider than the box, the lines no taller than it.
func FitsAt(text string, width, height, size float32, bold bool, m Measure) bool {
	lines := Wrap(text, width, size, bold, m)
	if float32(len(lines))*size*LineHeight > height {
		return false
	}
	for _, l := range lines {
		if m(l, size, bold) > width {
			return false
		}
	}
	return true
}

// FitSize returns the largest text size, at most maxSize, at which text
// fits the box. It goes below minSize only when nothing larger fits —
// smaller text beats text cut off — and reports whether the size is at
// least minSize.
func FitSize(text string, width, height, maxSize, minSize float32, bold bool, m Measure) (float32, bool) {
	size := maxSize
	for size > 6 {
		if FitsAt(text, width, height, size, bold, m) {
			return size, size >= minSize-0.01
		}
		next := size * 0.95
		if size > minSize && next < minSize {
			next = minSize
		}
		size = next
	}
	return size, false
}

// Fits reports whether a passage fits the reference 1024×768 slide at the
// smallest legible size or larger.
func Fits(text string, m Measure) bool {
	w, h, _, minSize := PassageBox(RefWidth, RefHeight)
	return FitsAt(text, w, h, minSize, false, m)
}

// fitPassages cuts again every passage that does not fit the reference
// slide at the smallest legible size: into more passages at sentence
// boundaries, as evenly as Passages does, and a sentence that does not fit
// alone at its clauses (after , ; :) or, failing that, between words. The
// text is never cut short: the pieces joined give the passage back.
func fitPassages(parts []string, m Measure) []string {
	var out []string
	for _, p := range parts {
		out = append(out, fitOne(p, m)...)
	}
	return out
}

func fitOne(p string, m Measure) []string {
	if Fits(p, m) {
		return []string{p}
	}
	words := len(strings.Fields(p))
	sents := Passages(p, 1) // each sentence alone
	for n := 2; n <= len(sents); n++ {
		parts := Passages(p, (words+n-1)/n)
		ok := true
		for _, q := range parts {
			if !Fits(q, m) {
				ok = false
				break
			}
		}
		if ok {
			return parts
		}
	}
	// Sentence by sentence; a sentence too long for a slide is cut at
	// its clauses, then between words.
	var out []string
	for _, s := range sents {
		if Fits(s, m) {
			out = append(out, s)
			continue
		}
		out = append(out, greedy(s, m)...)
	}
	return out
}

// greedy cuts text after clause punctuation (or, when a clause alone does
// not fit, between words) into the fewest pieces that each fit.
func greedy(text string, m Measure) []string {
	words := strings.Fields(text)
	var out []string
	start := 0
	for start < len(words) {
		// The longest run of words from start that fits, preferring to
		// end at a clause.
		best, bestClause := start+1, -1
		for end := start + 1; end <= len(words); end++ {
			if !Fits(strings.Join(words[start:end], " "), m) {
				break
			}
			best = end
			if strings.ContainsAny(words[end-1][len(words[end-1])-1:], ",;:") {
				bestClause = end
			}
		}
		if best < len(words) && bestClause > start+(best-start)/2 {
			best = bestClause
		}
		out = append(out, strings.Join(words[start:best], " "))
		start = best
	}
	return out
}
