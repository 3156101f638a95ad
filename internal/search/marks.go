package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese writes a syllable's tone with one of five combining marks
// (grave, acute, tilde, hook above, dot below) and changes the quality of a
// vowel with three others (circumflex, breve, horn) or, for đ, a stroke.
// A visitor who types marks means them: "kiện" (event) is not "kiên"
// (steadfast). But the tone may sit on either vowel of "oa", "oe", "uy"
// ("hoà" in older spelling, "hòa" in newer), and that difference means
// nothing. marked compares words in a form that keeps every mark but not
// where the tone sits.

// toneMarks are the combining marks that write a Vietnamese tone, in the
// order of the tone numbers used by markKey (1 … 5).
var toneMarks = [...]rune{'\u0301', '\u0300', '\u0309', '\u0303', '\u0323'}

// toneOf returns the tone number (1 … 5) of a combining mark, or 0.
func toneOf(r rune) int {
	for i, m := range toneMarks {
		if r == m {
			return i + 1
		}
	}
	return 0
}

// markKey returns the comparison form of a word typed with diacritics:
// lower case, the letters with their quality marks (â ă ê ô ơ ư đ) in NFC,
// without the tone, followed by the tone's number when there is one
// ("Kiện" → "kiên5", "hoà" and "hòa" → "hoa2"). Marks that are neither
// (other scripts) stay with their letter.
func markKey(s string) string {
	var b strings.Builder
	tone := 0
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if t := toneOf(r); t != 0 {
			tone = t
			continue
		}
		b.WriteRune(r)
	}
	k := norm.NFC.String(b.String())
	if tone != 0 {
		k += string(rune('0' + tone))
	}
	return k
}

// splitKey separates a markKey into its letters and its tone number.
func splitKey(k string) (letters string, tone int) {
	if n := len(k); n > 0 && k[n-1] >= '1' && k[n-1] <= '5' {
		return k[:n-1], int(k[n-1] - '0')
	}
	return k, 0
}

// hasMarks reports whether a word was typed with any diacritic (đ counts):
// only then must it match its marks exactly.
func hasMarks(s string) bool {
	for _, r := range s {
		if r >= 0x80 && unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return false
}

// marksMatch reports whether a word of the text, given by its markKey,
// matches a query word typed with marks, given by its markKey. A whole word must have the
// same letters, quality marks and tone. A word still being typed (the last
// word, matched as a prefix) must start with the typed letters and marks,
// and have the typed tone if one was typed: an input method writes the tone
// last, so "kiê" on the way to "kiện" keeps finding it. Once all its
// letters are typed, its tone counts even when it is the level tone:
// "kiên" finds "kiên", not "kiện".
func marksMatch(textKey, queryKey string, prefix bool) bool {
	if !prefix {
		return textKey == queryKey
	}
	tl, tt := splitKey(textKey)
	ql, qt := splitKey(queryKey)
	if !strings.HasPrefix(tl, ql) {
		return false
	}
	if tl == ql {
		return qt == tt // the whole word typed: its tone, even the level one
	}
	return qt == 0 || qt == tt
}
