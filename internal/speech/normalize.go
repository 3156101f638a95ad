package speech

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Abbreviations maps abbreviations written in upper case to what is said
// for them. Letter-by-letter readings use the Vietnamese letter names that
// news readers use ("GRDP" → "gờ rờ đê pê"); the others are the words the
// abbreviation stands for. Entries that are also Vietnamese syllables ("TU",
// "HU") are only expanded inside document numbers such as "40-HD/BTGTU", so
// that an all-capital heading ("TU BỔ") is read as written.
//
// An upper-case word not listed here that is not a Vietnamese syllable is
// spelt with LetterNames.
var Abbreviations = map[string]string{
	"BCH":   "Ban Chấp hành",
	"BTGTU": "Ban Tuyên giáo Tỉnh ủy",
	"CNH":   "công nghiệp hóa",
	"CT":    "chỉ thị",
	"GDP":   "gờ đê pê",
	"GRDP":  "gờ rờ đê pê",
	"HD":    "hướng dẫn",
	"HĐH":   "hiện đại hóa",
	"HĐND":  "Hội đồng nhân dân",
	"HU":    "Huyện ủy",
	"KL":    "kết luận",
	"MTTQ":  "Mặt trận Tổ quốc",
	"NQ":    "nghị quyết",
	"PCI":   "pê xê i",
	"QĐ":    "quyết định",
	"THCS":  "trung học cơ sở",
	"THPT":  "trung học phổ thông",
	"TP":    "thành phố",
	"TU":    "Tỉnh ủy",
	"TW":    "Trung ương",
	"UBND":  "Ủy ban nhân dân",
	"USD":   "đô la Mỹ",
	"VCCI":  "vê xê xê i",
}

// LetterNames are the Vietnamese names of the letters, used to spell an
// abbreviation that Abbreviations does not list.
var LetterNames = map[rune]string{
	'A': "a", 'Ă': "á", 'Â': "ớ", 'B': "bê", 'C': "xê", 'D': "dê", 'Đ': "đê",
	'E': "e", 'Ê': "ê", 'F': "ép", 'G': "gờ", 'H': "hát", 'I': "i", 'J': "gi",
	'K': "ca", 'L': "e lờ", 'M': "em mờ", 'N': "en nờ", 'O': "o", 'Ô': "ô",
	'Ơ': "ơ", 'P': "pê", 'Q': "quy", 'R': "e rờ", 'S': "ét xì", 'T': "tê",
	'U': "u", 'Ư': "ư", 'V': "vê", 'W': "vê kép", 'X': "ích xì", 'Y': "i dài",
	'Z': "dét",
}

// Respellings are names that espeak-ng's Vietnamese voice would otherwise
// read with its English voice or split wrongly, written the way a
// Vietnamese reader says them. The key is matched as whole words.
var Respellings = map[string]string{
	"Paul Doumer": "Pôn Đu-me",
	"Đume":        "Đu-me",
}

// joinedPairs are set phrases written with a dash ("kinh tế - xã hội") that
// are said as one phrase, with no pause.
var joinedPairs = [][2]string{
	{"kinh tế", "xã hội"},
	{"văn hóa", "xã hội"},
	{"văn hoá", "xã hội"},
	{"quốc phòng", "an ninh"},
}

// dayWords are the words after which a date needs no "ngày" of its own.
var dayWords = map[string]bool{
	"ngày": true, "đêm": true, "sáng": true, "trưa": true, "chiều": true,
	"tối": true, "hôm": true, "mùng": true, "mồng": true, "rạng": true,
}

// romanContext are the words after which a roman numeral is a number:
// "lần thứ VIII", "khóa IX", "thế kỷ XIX", "Đại hội XIII".
var romanContext = map[string]bool{
	"thứ": true, "khóa": true, "khoá": true, "kỷ": true, "kỉ": true,
	"kỳ": true, "kì": true, "phần": true, "mục": true, "chương": true,
	"hội": true, "lần": true,
}

// units are the words that "/" means "per" before: "85%/năm".
var units = map[string]bool{
	"năm": true, "tháng": true, "ngày": true, "tuần": true, "giờ": true,
	"người": true, "hộ": true, "khẩu": true, "ha": true, "km": true,
	"tấn": true, "kg": true, "lít": true, "con": true, "chiếc": true,
}

// Normalize returns the spoken form of a sentence of chapter text, for
// espeak-ng's Vietnamese voice: Markdown markers dropped; dates and ranges
// said in words ("22/9/1943" → "ngày hai mươi hai tháng chín năm một nghìn
// chín trăm bốn mươi ba", "(22/9/1943 - 22/9/2023)" → "từ ngày … đến ngày
// …", "tháng 10/1943", "1953-1954" → "… đến …"); numbers written the
// Vietnamese way ("11.102", "2.290,8", "6,07%") said in words with "phẩy"
// and "phần trăm"; roman numerals of sections and in "lần thứ VIII", "khóa
// IX", "thế kỷ XIX" said as numbers; abbreviations expanded (Abbreviations);
// document numbers ("40-HD/BTGTU") said part by part; dashes, brackets and
// quotes turned into pauses or dropped. Words are never changed otherwise.
func Normalize(s string) string { return normalize(s, true) }

// normalize is Normalize; with spell false, numbers stay in digits (without
// leading zeros), which is what the tests of the other rules read best.
func normalize(s string, spell bool) string {
	s = norm.NFC.String(s)
	s = stripMarkdown(s)
	s = strings.ReplaceAll(s, "./", ".")
	s = phrases(s)
	s = documentNumbers(s)
	s = thousands(s)
	s = dateRanges(s)
	s = dates(s)
	s = numberRanges(s)
	s = perUnit(s)
	s = ratios(s)
	s = percent(s)
	s = decimals(s)
	s = enumerations(s)
	s = romans(s)
	s = abbreviate(s)
	s = punctuation(s)
	s = numbers(s, spell)
	return cleanup(s)
}

// replaceAll replaces the matches of re in s for which f returns true,
// skipping matches that start or end inside a word (RE2's \b knows only
// ASCII letters, and Vietnamese words are not ASCII).
func replaceAll(re *regexp.Regexp, s string, f func(s string, m []int) (string, bool)) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if !atBoundary(s, m[0], m[1]) {
			continue
		}
		r, ok := f(s, m)
		if !ok {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(r)
		last = m[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isWordRune reports whether r is part of a word or number.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// atBoundary reports whether s[a:b] neither starts nor ends inside a word.
func atBoundary(s string, a, b int) bool {
	if a > 0 && a < len(s) {
		before, _ := utf8.DecodeLastRuneInString(s[:a])
		first, _ := utf8.DecodeRuneInString(s[a:])
		if isWordRune(before) && isWordRune(first) {
			return false
		}
	}
	if b > a && b < len(s) {
		last, _ := utf8.DecodeLastRuneInString(s[:b])
		after, _ := utf8.DecodeRuneInString(s[b:])
		if isWordRune(last) && isWordRune(after) {
			return false
		}
	}
	return true
}

// prevWord returns the word just before s[i:], lower case, when only
// spaces separate them; "" otherwise.
func prevWord(s string, i int) string {
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if r != ' ' && r != '\t' {
			break
		}
		j -= w
	}
	k := j
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= w
	}
	return strings.ToLower(s[k:j])
}

// sub returns submatch n of m in s, "" when it did not take part.
func sub(s string, m []int, n int) string {
	if m[2*n] < 0 {
		return ""
	}
	return s[m[2*n]:m[2*n+1]]
}

// trimZeros drops leading zeros of a number ("06" → "6").
func trimZeros(d string) string {
	t := strings.TrimLeft(d, "0")
	if t == "" {
		return "0"
	}
	return t
}

var markdownRe = regexp.MustCompile("(?m)^#{1,6}[ \t]+|[*_`]+")

// stripMarkdown drops heading markers and emphasis and code markers.
func stripMarkdown(s string) string {
	return markdownRe.ReplaceAllString(s, "")
}

var (
	caoBacLangRe = regexp.MustCompile(`Cao\s*[-–]\s*Bắc\s*[-–]\s*Lạng`)
	pairRes      = func() []*regexp.Regexp {
		var res []*regexp.Regexp
		for _, p := range joinedPairs {
			res = append(res, regexp.MustCompile(`(?i)(`+regexp.QuoteMeta(p[0])+`)\s*[-–]\s*(`+regexp.QuoteMeta(p[1])+`)`))
		}
		return res
	}()
	respellRes = func() map[string]*regexp.Regexp {
		m := map[string]*regexp.Regexp{}
		for k := range Respellings {
			m[k] = regexp.MustCompile(regexp.QuoteMeta(k))
		}
		return m
	}()
)

// phrases joins "Cao - Bắc - Lạng" and the set phrases of joinedPairs, and
// applies Respellings.
func phrases(s string) string {
	s = replaceAll(caoBacLangRe, s, func(string, []int) (string, bool) { return "Cao Bắc Lạng", true })
	for _, re := range pairRes {
		s = replaceAll(re, s, func(s string, m []int) (string, bool) {
			return sub(s, m, 1) + " " + sub(s, m, 2), true
		})
	}
	// Longest keys first, so "Paul Doumer" is respelt before any part of it.
	keys := make([]string, 0, len(Respellings))
	for k := range Respellings {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		v := Respellings[k]
		s = replaceAll(respellRes[k], s, func(string, []int) (string, bool) { return v, true })
	}
	return s
}

var docNumberRe = regexp.MustCompile(`(\d+)\s*-\s*(\p{Lu}+(?:-\p{Lu}+)*)/(\p{Lu}+(?:-\p{Lu}+)*)`)

// documentNumbers says a document number such as "40-HD/BTGTU" part by
// part: "40, hướng dẫn, Ban Tuyên giáo Tỉnh ủy".
func documentNumbers(s string) string {
	return replaceAll(docNumberRe, s, func(s string, m []int) (string, bool) {
		parts := []string{sub(s, m, 1)}
		for _, n := range []int{2, 3} {
			for _, p := range strings.Split(sub(s, m, n), "-") {
				parts = append(parts, expandAbbreviation(p, true))
			}
		}
		return strings.Join(parts, ", "), true
	})
}

// expandAbbreviation returns what is said for an upper-case word: its
// Abbreviations entry, or its letters spelt. Entries that are Vietnamese
// syllables are used only when inDocNumber.
func expandAbbreviation(w string, inDocNumber bool) string {
	if v, ok := Abbreviations[w]; ok && (inDocNumber || !isSyllable(w)) {
		return v
	}
	var names []string
	for _, r := range w {
		if n, ok := LetterNames[r]; ok {
			names = append(names, n)
		} else {
			names = append(names, string(unicode.ToLower(r)))
		}
	}
	return strings.Join(names, " ")
}

var syllableRe = regexp.MustCompile(`^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvxđ])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$`)

// isSyllable reports whether w, in any case, is shaped like one Vietnamese
// syllable ("HOÀN", "ĐỜI", "TU"), as opposed to an abbreviation ("GRDP").
func isSyllable(w string) bool {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return syllableRe.MatchString(b.String())
}

var thousandsRe = regexp.MustCompile(`\d{1,3}(?:\.\d{3})+`)

// thousands drops the thousands dots of a number ("11.102" → "11102").
func thousands(s string) string {
	return replaceAll(thousandsRe, s, func(s string, m []int) (string, bool) {
		// "1.234,5" and "11.102" are numbers; "1.2345" is not.
		if m[1] < len(s) && s[m[1]] == '.' && m[1]+1 < len(s) && isDigitByte(s[m[1]+1]) {
			return "", false
		}
		return strings.ReplaceAll(s[m[0]:m[1]], ".", ""), true
	})
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

const (
	dmy = `(\d{1,2})/(\d{1,2})/(\d{4})`
	my  = `(\d{1,2})/(\d{4})`
)

var (
	dmyRangeRe = regexp.MustCompile(dmy + `\s*[-–—]\s*` + dmy)
	myRangeRe  = regexp.MustCompile(my + `\s*[-–—]\s*` + my)
	dmyRe      = regexp.MustCompile(dmy)
	myRe       = regexp.MustCompile(my)
	dmRe       = regexp.MustCompile(`(\d{1,2})/(\d{1,2})`)
)

// validDay reports whether d/m (digit strings) is a possible day of a year.
func validDay(d, m string) bool {
	return validMonth(m) && atoi(trimZeros(d)) >= 1 && atoi(trimZeros(d)) <= 31
}

// validMonth reports whether m is a month number.
func validMonth(m string) bool {
	n := atoi(trimZeros(m))
	return len(m) <= 2 && n >= 1 && n <= 12
}

// dateWords says d/m/y as "ngày d tháng m năm y".
func dateWords(d, m, y string) string {
	return "ngày " + trimZeros(d) + " tháng " + trimZeros(m) + " năm " + y
}

// dateRanges says "22/9/1943 - 22/9/2023" as "từ ngày … đến ngày …", and
// "4/1943 - 9/1943" as "từ tháng … đến tháng …".
func dateRanges(s string) string {
	s = replaceAll(dmyRangeRe, s, func(s string, m []int) (string, bool) {
		g := func(n int) string { return sub(s, m, n) }
		if !validDay(g(1), g(2)) || !validDay(g(4), g(5)) {
			return "", false
		}
		out := dateWords(g(1), g(2), g(3)) + " đến " + dateWords(g(4), g(5), g(6))
		if prevWord(s, m[0]) != "từ" {
			out = "từ " + out
		}
		return out, true
	})
	return replaceAll(myRangeRe, s, func(s string, m []int) (string, bool) {
		g := func(n int) string { return sub(s, m, n) }
		if !validMonth(g(1)) || !validMonth(g(3)) {
			return "", false
		}
		out := "tháng " + trimZeros(g(1)) + " năm " + g(2) + " đến tháng " + trimZeros(g(3)) + " năm " + g(4)
		if prevWord(s, m[0]) != "từ" {
			out = "từ " + out
		}
		return out, true
	})
}

// dates says d/m/yyyy as "ngày d tháng m năm yyyy" (no second "ngày" after
// "ngày", "đêm" and the like), m/yyyy as "tháng m năm yyyy" (no second
// "tháng"), and d/m after "ngày" as "d tháng m".
func dates(s string) string {
	s = replaceAll(dmyRe, s, func(s string, m []int) (string, bool) {
		g := func(n int) string { return sub(s, m, n) }
		if !validDay(g(1), g(2)) {
			return "", false
		}
		out := dateWords(g(1), g(2), g(3))
		if dayWords[prevWord(s, m[0])] {
			out = strings.TrimPrefix(out, "ngày ")
		}
		return out, true
	})
	s = replaceAll(myRe, s, func(s string, m []int) (string, bool) {
		g := func(n int) string { return sub(s, m, n) }
		if !validMonth(g(1)) {
			return "", false
		}
		out := "tháng " + trimZeros(g(1)) + " năm " + g(2)
		if prevWord(s, m[0]) == "tháng" {
			out = strings.TrimPrefix(out, "tháng ")
		}
		return out, true
	})
	return replaceAll(dmRe, s, func(s string, m []int) (string, bool) {
		g := func(n int) string { return sub(s, m, n) }
		if !dayWords[prevWord(s, m[0])] || !validDay(g(1), g(2)) {
			return "", false
		}
		return trimZeros(g(1)) + " tháng " + trimZeros(g(2)), true
	})
}

var numberRangeRe = regexp.MustCompile(`(\d+(?:,\d+)?)\s*[-–—]\s*(\d+(?:,\d+)?)`)

// numberRanges says "1953-1954" as "1953 đến 1954".
func numberRanges(s string) string {
	return replaceAll(numberRangeRe, s, func(s string, m []int) (string, bool) {
		return sub(s, m, 1) + " đến " + sub(s, m, 2), true
	})
}

var perUnitRe = regexp.MustCompile(`([\p{L}%])\s*/\s*(\p{L}+)`)

// perUnit says "/" before a unit as "một": "85%/năm" → "85% một năm".
func perUnit(s string) string {
	return replaceAll(perUnitRe, s, func(s string, m []int) (string, bool) {
		if !units[strings.ToLower(sub(s, m, 2))] {
			return "", false
		}
		return sub(s, m, 1) + " một " + sub(s, m, 2), true
	})
}

var ratioRe = regexp.MustCompile(`(\d+)\s*/\s*(\d+)`)

// ratios says "35/63" as "35 trên 63".
func ratios(s string) string {
	return replaceAll(ratioRe, s, func(s string, m []int) (string, bool) {
		return sub(s, m, 1) + " trên " + sub(s, m, 2), true
	})
}

var percentRe = regexp.MustCompile(`\s*%`)

// percent says "%" as "phần trăm".
func percent(s string) string {
	return percentRe.ReplaceAllString(s, " phần trăm")
}

var decimalRe = regexp.MustCompile(`(\d+),(\d+)`)

// decimals says a decimal comma as "phẩy": "2290,8" → "2290 phẩy 8".
func decimals(s string) string {
	return replaceAll(decimalRe, s, func(s string, m []int) (string, bool) {
		return sub(s, m, 1) + " phẩy " + sub(s, m, 2), true
	})
}

var enumerationRe = regexp.MustCompile(`\((\d{1,2})\)\s+`)

// enumerations says the markers of an inline list, "(1) … (2) …", as
// "thứ 1, … thứ 2, …".
func enumerations(s string) string {
	return replaceAll(enumerationRe, s, func(s string, m []int) (string, bool) {
		return "thứ " + sub(s, m, 1) + ", ", true
	})
}

var (
	romanHeadingRe = regexp.MustCompile(`^(\s*)([IVXLCDM]+)((?:\.[0-9]+)*)\.(\s|$)`)
	romanRe        = regexp.MustCompile(`[IVXLCDM]+`)
)

// romans says the number of a section heading ("III. THÀNH TỰU" → "ba.
// THÀNH TỰU", "III.2. Kinh tế" → "ba chấm hai. Kinh tế") and roman numerals after romanContext words ("lần thứ VIII"
// → "lần thứ tám", "thế kỷ XIX" → "thế kỷ mười chín").
func romans(s string) string {
	if m := romanHeadingRe.FindStringSubmatchIndex(s); m != nil {
		if n := Roman(sub(s, m, 2)); n > 0 {
			said := Number(strconv.Itoa(n))
			for _, part := range strings.Split(sub(s, m, 3), ".")[1:] {
				said += " chấm " + Number(part)
			}
			s = sub(s, m, 1) + said + "." + s[m[8]:]
		}
	}
	return replaceAll(romanRe, s, func(s string, m []int) (string, bool) {
		n := Roman(s[m[0]:m[1]])
		w := prevWord(s, m[0])
		if n == 0 || !romanContext[w] {
			return "", false
		}
		if w == "thứ" {
			return Ordinal(strconv.Itoa(n)), true
		}
		return Number(strconv.Itoa(n)), true
	})
}

var upperWordRe = regexp.MustCompile(`\p{Lu}[\p{Lu}\p{Mn}]+`)

// abbreviate expands the upper-case words that are not Vietnamese
// syllables: Abbreviations, or spelt letter by letter.
func abbreviate(s string) string {
	return replaceAll(upperWordRe, s, func(s string, m []int) (string, bool) {
		w := s[m[0]:m[1]]
		if isSyllable(w) {
			return "", false
		}
		return expandAbbreviation(w, false), true
	})
}

var (
	dashRe      = regexp.MustCompile(`\s+[-–—]+\s*|\s*[-–—]+\s+`)
	ellipsisRe  = regexp.MustCompile(`\.{3,}|…`)
	quoteRe     = regexp.MustCompile(`[“”"‘’«»]`)
	bracketRe   = regexp.MustCompile(`[()\[\]]`)
	slashRe     = regexp.MustCompile(`\s*/\s*`)
	ampersandRe = regexp.MustCompile(`\s*&\s*`)
)

// punctuation turns dashes between words, brackets and ellipses into
// pauses (commas), drops quotation marks and reads "&" as "và".
func punctuation(s string) string {
	s = ellipsisRe.ReplaceAllString(s, ", ")
	s = dashRe.ReplaceAllString(s, ", ")
	s = quoteRe.ReplaceAllString(s, "")
	s = bracketRe.ReplaceAllString(s, ", ")
	s = ampersandRe.ReplaceAllString(s, " và ")
	return slashRe.ReplaceAllString(s, " ")
}

var digitsRe = regexp.MustCompile(`\d+`)

// numbers says the remaining digit strings in words (Number; Ordinal after
// "thứ", Month after "tháng", Fraction after "phẩy"). With spell false it
// only drops leading zeros ("02 huyện" → "2 huyện").
func numbers(s string, spell bool) string {
	return replaceAll(digitsRe, s, func(s string, m []int) (string, bool) {
		d := s[m[0]:m[1]]
		w := prevWord(s, m[0])
		if !spell {
			if w == "phẩy" {
				return d, true
			}
			return trimZeros(d), true
		}
		switch w {
		case "thứ":
			return Ordinal(d), true
		case "tháng":
			return Month(d), true
		case "phẩy":
			return Fraction(d), true
		}
		return Number(d), true
	})
}

var (
	spacesRe      = regexp.MustCompile(`\s+`)
	spaceBeforeRe = regexp.MustCompile(`\s+([,.;:!?])`)
	commasRe      = regexp.MustCompile(`,(\s*,)+`)
	commaStopRe   = regexp.MustCompile(`,\s*([.;:!?])`)
	stopCommaRe   = regexp.MustCompile(`([.;:!?])\s*,`)
)

// cleanup collapses white space and the commas that the other rules leave
// next to each other or next to a full stop, and trims the ends.
func cleanup(s string) string {
	s = spacesRe.ReplaceAllString(s, " ")
	s = spaceBeforeRe.ReplaceAllString(s, "$1")
	s = commasRe.ReplaceAllString(s, ",")
	s = commaStopRe.ReplaceAllString(s, "$1")
	s = stopCommaRe.ReplaceAllString(s, "$1")
	s = strings.TrimLeft(s, " ,")
	s = strings.TrimRight(s, " ,")
	return s
}
