package speech

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences returns the byte ranges [start, end) of the sentences of a
// block's text (exhibit.Block.Text), in order, without surrounding white
// space. Text with no sentence-ending punctuation is one sentence.
//
// A sentence ends at ".", "!", "?", "…" or "..." (with any closing quotes
// or brackets after it, and the "/" of a closing "./") when white space and
// then an upper-case letter, a digit or an opening quote follow, or the text
// ends. A line break (a hard break in Markdown) also ends a sentence. These
// do not end a sentence:
//   - a dot inside a number ("11.102", "2.290,8") or with no space after it;
//   - the dot after a section number that opens the text ("III.", "1.");
//   - the dot after a known abbreviation ("TP.", "TS.") or a one-letter
//     initial ("N.");
//   - ":" and ";", which never end a sentence;
//   - "..." followed by a lower-case word ("lãng phí... được").
func Sentences(text string) [][2]int {
	var out [][2]int
	add := func(a, b int) {
		for b > a {
			r, w := utf8.DecodeLastRuneInString(text[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= w
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	start := skipSpace(text, 0)
	i := start
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			add(start, i)
			start = skipSpace(text, i+w)
			i = start
			continue
		}
		if !isTerminator(r) {
			i += w
			continue
		}
		// The end of the punctuation: more terminators, closing quotes
		// and brackets, and the "/" of "./".
		j := i + w
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if isTerminator(r2) || isCloser(r2) || (r2 == '/' && text[j-1] == '.') {
				j += w2
				continue
			}
			break
		}
		if r == '.' && j == i+1 && !dotEnds(text[start:i]) {
			i = j
			continue
		}
		k := skipSpaceNoNewline(text, j)
		if k == len(text) {
			break
		}
		if k == j && text[k] != '\n' {
			i = j // no space after: "11.102", "a.b"
			continue
		}
		next, nw := utf8.DecodeRuneInString(text[k:])
		if next == '\n' || startsSentence(next, text[k+nw:]) {
			add(start, j)
			start = skipSpace(text, k)
			i = start
			continue
		}
		i = j
	}
	add(start, len(text))
	return out
}

// isTerminator reports whether r can end a sentence.
func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '"', '\'', ')', ']', '»':
		return true
	}
	return false
}

// startsSentence reports whether a sentence can begin with r (rest is the
// text after it).
func startsSentence(r rune, rest string) bool {
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	case r == '“' || r == '"' || r == '‘' || r == '«' || r == '(' || r == '[':
		r2, _ := utf8.DecodeRuneInString(rest)
		return r2 == utf8.RuneError || !unicode.IsLower(r2)
	}
	return false
}

// abbreviations are words written with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"TP": true, "Tp": true, "TS": true, "ThS": true, "PGS": true, "GS": true,
	"BS": true, "KS": true, "CN": true, "Th": true, "tr": true, "St": true,
	"Mr": true, "Mrs": true, "Dr": true, "v.v": true,
}

// dotEnds reports whether a single "." after before (the sentence so far)
// can end the sentence: not after a section number opening the text, a
// known abbreviation or a one-letter initial.
func dotEnds(before string) bool {
	t := strings.TrimSpace(before)
	if t == "" {
		return false
	}
	if isSectionNumber(t) {
		return false // "III. THÀNH TỰU", "1. Công tác", "III.1. Công tác"
	}
	// The last word before the dot.
	k := strings.LastIndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	word := t[k+1:]
	if k >= 0 {
		_, w := utf8.DecodeRuneInString(t[k:])
		word = t[k+w:]
	}
	if abbreviations[word] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) && !strings.ContainsRune("IVXLCDM", r) {
			return false // an initial: "Võ N. Giáp"
		}
	}
	return true
}

// isSectionNumber reports whether t is a section number: roman numerals or
// digits, or several of them joined by dots ("III", "1", "III.1").
func isSectionNumber(t string) bool {
	for _, part := range strings.Split(t, ".") {
		if !isRoman(part) && !isDigits(part) {
			return false
		}
	}
	return true
}

// skipSpace returns the index of the first non-space byte at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// skipSpaceNoNewline is skipSpace stopping at a line break.
func skipSpaceNoNewline(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) || r == '\n' {
			break
		}
		i += w
	}
	return i
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
