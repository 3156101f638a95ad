package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kiosk PCs often have no Vietnamese input method, and people type the
// keys they would give one: Telex ("chis kieen" for "chí kiên") or VNI
// ("chi1 kie6n"). Those keys are read here as a second reading of a query.

// Reading says how a query was understood.
type Reading int

// The readings of a query.
const (
	// Plain is the query as typed.
	Plain Reading = iota
	// Telex is the query read as Telex keystrokes: s f r x j for the
	// tones, aa ee oo for â ê ô, aw ow uw (or w) for ă ơ ư, dd for đ.
	Telex
	// VNI is the query read as VNI keystrokes: 1–5 for the tones, 6 for
	// â ê ô, 7 for ơ ư, 8 for ă, 9 for đ.
	VNI
)

// TelexReading returns query with every word read as Telex keystrokes,
// and whether that changed anything. Spaces and punctuation are kept, so a
// word still being typed stays the last word.
func TelexReading(query string) (string, bool) { return convertWords(query, telexWord) }

// VNIReading returns query with every word read as VNI keystrokes, and
// whether that changed anything.
func VNIReading(query string) (string, bool) { return convertWords(query, vniWord) }

// convertWords applies conv to every run of letters and digits of s.
func convertWords(s string, conv func([]rune) []rune) (string, bool) {
	var b strings.Builder
	var word []rune
	flush := func() {
		if len(word) > 0 {
			b.WriteString(norm.NFC.String(string(conv(word))))
			word = word[:0]
		}
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = append(word, unicode.ToLower(r))
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	out := b.String()
	return out, out != strings.ToLower(norm.NFC.String(s))
}

// plainVowels are the vowels before any quality mark.
const plainVowels = "aeiouy"

// isVowel reports whether r is a Vietnamese vowel letter (with or without
// quality marks; tones are kept apart while converting).
func isVowel(r rune) bool { return strings.ContainsRune("aăâeêioôơuưy", r) }

// hasVowel reports whether letters hold a vowel.
func hasVowel(letters []rune) bool {
	for _, r := range letters {
		if isVowel(r) {
			return true
		}
	}
	return false
}

// telexTones maps a Telex tone key to its combining mark.
var telexTones = map[rune]rune{'s': '\u0301', 'f': '\u0300', 'r': '\u0309', 'x': '\u0303', 'j': '\u0323'}

// telexWord reads one lower-case word as Telex keystrokes. A tone key
// counts only after a vowel: s, r and x also begin words ("sông", "rừng",
// "xã"), but no Vietnamese syllable ends in them.
func telexWord(in []rune) []rune {
	var letters []rune
	tone := rune(0)
	for _, c := range in {
		n := len(letters)
		switch {
		case telexTones[c] != 0 && hasVowel(letters):
			tone = telexTones[c]
		case c == 'z' && hasVowel(letters):
			tone = 0
		case c == 'w':
			letters = horn(letters, true)
		case (c == 'a' || c == 'e' || c == 'o') && n > 0 && letters[n-1] == c:
			letters[n-1] = map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô'}[c]
		case c == 'd' && n > 0 && letters[n-1] == 'd':
			letters[n-1] = 'đ'
		default:
			letters = append(letters, c)
		}
	}
	return withTone(letters, tone)
}

// horn applies Telex's w (or VNI's 7 when bare is false) to the last vowel
// that takes it: uo → ươ, a → ă (w only), o → ơ, u → ư. A bare w with no
// such vowel is ư in Telex.
func horn(letters []rune, telex bool) []rune {
	seenVowel := false
	for i := len(letters) - 1; i >= 0; i-- {
		r := letters[i]
		if !isVowel(r) {
			if seenVowel {
				break // only the syllable's own vowel group
			}
			continue // a final consonant: "thuongw" is "thương"
		}
		seenVowel = true
		switch r {
		case 'o':
			letters[i] = 'ơ'
			if i > 0 && letters[i-1] == 'u' {
				letters[i-1] = 'ư'
			}
			return letters
		case 'u':
			letters[i] = 'ư'
			return letters
		case 'a':
			if telex {
				letters[i] = 'ă'
				return letters
			}
		}
	}
	if telex {
		return append(letters, 'ư')
	}
	return letters
}

// vniTones maps a VNI tone digit to its combining mark.
var vniTones = map[rune]rune{'1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323'}

// vniWord reads one lower-case word as VNI keystrokes. Digits act only
// after a letter, so numbers ("1943") stay numbers.
func vniWord(in []rune) []rune {
	var letters []rune
	tone := rune(0)
	for _, c := range in {
		if !unicode.IsDigit(c) || len(letters) == 0 || unicode.IsDigit(letters[len(letters)-1]) {
			letters = append(letters, c)
			continue
		}
		switch {
		case vniTones[c] != 0 && hasVowel(letters):
			tone = vniTones[c]
		case c == '0':
			tone = 0
		case c == '6':
			letters = replaceLast(letters, map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô'})
		case c == '7':
			letters = horn(letters, false)
		case c == '8':
			letters = replaceLast(letters, map[rune]rune{'a': 'ă'})
		case c == '9':
			letters = replaceLast(letters, map[rune]rune{'d': 'đ'})
		default:
			letters = append(letters, c)
		}
	}
	return withTone(letters, tone)
}

// replaceLast replaces the last letter that m maps.
func replaceLast(letters []rune, m map[rune]rune) []rune {
	for i := len(letters) - 1; i >= 0; i-- {
		if r, ok := m[letters[i]]; ok {
			letters[i] = r
			break
		}
	}
	return letters
}

// withTone puts the tone mark after the vowel that carries it (the search
// does not care which vowel of "oa" carries it, but the reading is shown
// to the visitor, so it follows the usual modern spelling).
func withTone(letters []rune, tone rune) []rune {
	if tone == 0 {
		return letters
	}
	at := toneVowel(letters)
	if at < 0 {
		return letters
	}
	out := make([]rune, 0, len(letters)+1)
	out = append(out, letters[:at+1]...)
	out = append(out, tone)
	return append(out, letters[at+1:]...)
}

// toneVowel returns the index of the vowel that carries a syllable's tone,
// or -1 when there is no vowel.
func toneVowel(w []rune) int {
	// The vowel group: the first run of vowels, skipping the u of "qu"
	// and the i of "gi" when another vowel follows.
	start := -1
	for i, r := range w {
		if !isVowel(r) {
			continue
		}
		if i > 0 && ((r == 'u' && w[i-1] == 'q') || (r == 'i' && w[i-1] == 'g')) && i+1 < len(w) && isVowel(w[i+1]) {
			continue
		}
		start = i
		break
	}
	if start < 0 {
		// "gì": the i of gi is the only vowel.
		for i, r := range w {
			if isVowel(r) {
				return i
			}
		}
		return -1
	}
	end := start
	for end < len(w) && isVowel(w[end]) {
		end++
	}
	group := w[start:end]
	// A vowel with a quality mark carries the tone (the ơ of ươ).
	for i := len(group) - 1; i >= 0; i-- {
		if !strings.ContainsRune(plainVowels, group[i]) {
			return start + i
		}
	}
	switch {
	case len(group) == 1:
		return start
	case end < len(w): // a final consonant follows: the last vowel
		return end - 1
	case len(group) == 2:
		switch string(group) {
		case "oa", "oe", "uy":
			return start + 1
		}
		return start
	default:
		return start + 1
	}
}

// Result is what Find returns: the hits, and the reading of the query that
// found them.
type Result struct {
	Hits []Hit
	// Query is the query that was searched: as typed for Plain, else its
	// Telex or VNI reading ("chís kieen" → "chí kiên"), to show the
	// visitor ("Kết quả cho «chí kiên»").
	Query   string
	Reading Reading
}

// fewHits is how few results count as "little": below it, Find tries the
// Telex and VNI readings of the query.
const fewHits = 3

// Find searches as Search does and, when the query as typed finds fewer
// than fewHits results, also reads it as Telex and as VNI keystrokes; the
// reading that finds the most wins, the query as typed on a tie.
func (ix *Index) Find(query string, limit int) Result {
	best := Result{Hits: ix.Search(query, limit), Query: query, Reading: Plain}
	if len(best.Hits) >= fewHits {
		return best
	}
	for _, alt := range []struct {
		read    func(string) (string, bool)
		reading Reading
	}{{TelexReading, Telex}, {VNIReading, VNI}} {
		q, changed := alt.read(query)
		if !changed {
			continue
		}
		if hits := ix.Search(q, limit); len(hits) > len(best.Hits) {
			best = Result{Hits: hits, Query: q, Reading: alt.reading}
		}
	}
	return best
}
