package speech

import (
	"strings"
)

// digitWords are the Vietnamese names of the digits.
var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// scaleWords name the groups of three digits, from the right.
var scaleWords = []string{"", "nghìn", "triệu", "tỷ"}

// Number spells a string of ASCII digits as Vietnamese words, the way a
// northern speaker reads an amount or a year: "1943" → "một nghìn chín trăm
// bốn mươi ba", "105" → "một trăm linh năm", "21" → "hai mươi mốt",
// "2050" → "hai nghìn không trăm năm mươi". Leading zeros are not read
// ("02" → "hai"). Numbers of more than twelve digits are read digit by digit.
// Anything that is not a digit string is returned unchanged.
func Number(digits string) string {
	if !isDigits(digits) {
		return digits
	}
	d := strings.TrimLeft(digits, "0")
	if d == "" {
		return digitWords[0]
	}
	if len(d) > 12 {
		return DigitByDigit(d)
	}
	// Groups of three from the left; the first may be shorter.
	var groups []int
	first := len(d) % 3
	if first == 0 {
		first = 3
	}
	groups = append(groups, atoi(d[:first]))
	for i := first; i < len(d); i += 3 {
		groups = append(groups, atoi(d[i:i+3]))
	}
	var words []string
	for gi, g := range groups {
		scale := len(groups) - 1 - gi
		if g == 0 {
			continue // "một triệu không trăm linh năm": no "không nghìn"
		}
		words = append(words, triple(g, gi > 0)...)
		if scale > 0 {
			words = append(words, scaleWords[scale])
		}
	}
	return strings.Join(words, " ")
}

// triple spells 1–999. full says whether the group follows a higher one, so
// that a missing hundreds digit is read ("một nghìn không trăm linh năm").
func triple(n int, full bool) []string {
	h, t, u := n/100, n/10%10, n%10
	var w []string
	if h > 0 || full {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u == 0:
	case t == 0:
		if h > 0 || full {
			w = append(w, "linh")
		}
		w = append(w, digitWords[u])
	case t == 1:
		w = append(w, "mười")
		switch u {
		case 0:
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digitWords[u])
		}
	default:
		w = append(w, digitWords[t], "mươi")
		switch u {
		case 0:
		case 1:
			w = append(w, "mốt")
		case 4:
			w = append(w, "tư")
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digitWords[u])
		}
	}
	return w
}

// DigitByDigit reads a digit string one digit at a time ("07" → "không bảy").
func DigitByDigit(digits string) string {
	var w []string
	for i := 0; i < len(digits); i++ {
		if c := digits[i]; c >= '0' && c <= '9' {
			w = append(w, digitWords[c-'0'])
		}
	}
	return strings.Join(w, " ")
}

// Fraction reads the digits after a decimal comma: each leading zero as
// "không", then the rest as a number when it has at most three digits, or
// digit by digit when longer ("07" → "không bảy", "15" → "mười lăm",
// "8" → "tám").
func Fraction(digits string) string {
	if !isDigits(digits) {
		return digits
	}
	rest := strings.TrimLeft(digits, "0")
	zeros := len(digits) - len(rest)
	var w []string
	for i := 0; i < zeros; i++ {
		w = append(w, digitWords[0])
	}
	switch {
	case rest == "":
	case len(rest) <= 3:
		w = append(w, Number(rest))
	default:
		w = append(w, DigitByDigit(rest))
	}
	return strings.Join(w, " ")
}

// Ordinal reads a number after "thứ": 1 → "nhất", 4 → "tư", others as
// numbers ("thứ 35" → "thứ ba mươi lăm").
func Ordinal(digits string) string {
	switch strings.TrimLeft(digits, "0") {
	case "1":
		return "nhất"
	case "4":
		return "tư"
	}
	return Number(digits)
}

// Month reads a month number after "tháng": 4 → "tư" (tháng Tư), others as
// numbers.
func Month(digits string) string {
	if strings.TrimLeft(digits, "0") == "4" {
		return "tư"
	}
	return Number(digits)
}

// atoi converts a short digit string; callers have checked it.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// romanValues are the values of the roman numeral letters.
var romanValues = map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}

// Roman returns the value of a roman numeral in upper case ("VIII" → 8),
// or 0 when s is not a well-formed one.
func Roman(s string) int {
	if s == "" || len(s) > 15 {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := romanValues[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && romanValues[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || n >= 4000 || toRoman(n) != s {
		return 0
	}
	return n
}

// isRoman reports whether s is a well-formed roman numeral.
func isRoman(s string) bool { return Roman(s) > 0 }

// toRoman writes n (1–3999) as a roman numeral.
func toRoman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
