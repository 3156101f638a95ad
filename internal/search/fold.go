package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased with its diacritics removed, the form in which
// text and queries are compared: "Đảng viên Chí Kiên" → "dang vien chi kien".
//
// It is NFD decomposition, removal of non-spacing marks (Mn) and NFC
// recomposition, plus đ/Đ (and the look-alike ð/Ð) mapped to d, because
// those letters have a stroke, not a combining mark, and do not decompose.
// Fold is defined as the string form of foldWithMap so that what the index
// matches and what callers compare with Fold can never drift apart.
func Fold(s string) string {
	folded, _ := foldWithMap(s)
	return string(folded)
}

// foldWithMap folds s as Fold does and also returns, for every folded rune,
// the byte offset in s of the original character it came from; orig has one
// extra entry, len(s), so that orig[i+1] bounds rune i. Offsets are always
// on rune boundaries of s, and combining marks that follow a base letter are
// attributed to it, so a highlight never splits a letter from its tone mark.
//
// The work is done one original rune at a time (decompose, drop marks,
// recompose what is left) rather than with a transform.Chain over the whole
// string, because a chain loses track of which input produced which output.
// For every script where it matters to this exhibit the result is the same.
func foldWithMap(s string) (folded []rune, orig []int) {
	folded = make([]rune, 0, len(s))
	orig = make([]int, 0, len(s)+1)
	var kept []rune // scratch for one rune's decomposition
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII fast path: most of any text, even Vietnamese, is ASCII.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded = append(folded, rune(c))
			orig = append(orig, i)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		kept = kept[:0]
		if d := norm.NFD.PropertiesString(s[i:]).Decomposition(); d != nil {
			for _, dr := range string(d) {
				if !unicode.Is(unicode.Mn, dr) {
					kept = append(kept, foldRune(dr))
				}
			}
			if len(kept) > 1 {
				// e.g. a Hangul syllable decomposes into several jamo
				// with no marks among them: put it back together.
				kept = []rune(norm.NFC.String(string(kept)))
			}
		} else if !unicode.Is(unicode.Mn, r) {
			kept = append(kept, foldRune(r))
		}
		// A rune that folds to nothing (a lone combining mark, as in text
		// saved in NFD) adds no entry: it belongs to the letter before it,
		// whose range ends at the next entry's offset.
		for _, k := range kept {
			folded = append(folded, k)
			orig = append(orig, i)
		}
		i += size
	}
	orig = append(orig, len(s))
	return folded, orig
}

// foldRune lower-cases one decomposed rune and maps the stroked d letters,
// which Unicode does not decompose, to a plain d.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'đ', 'ð': // U+0111; U+00F0 is Icelandic eth, sometimes typed for Đ
		return 'd'
	}
	return r
}

// isWordRune reports whether a folded rune is part of a word. Marks count
// so that scripts whose vowels are spacing marks (Mc) are not split apart.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// exactForm is the comparison form of one word for the "typed exactly,
// diacritics and all" ranking: case and Unicode normalisation (text saved
// as NFD) do not matter, diacritics do.
func exactForm(s string) string {
	return strings.ToLower(norm.NFC.String(s))
}
