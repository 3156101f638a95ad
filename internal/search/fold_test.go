package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// vowels lists every Vietnamese vowel without a tone and then with the five
// tones (huyền, sắc, hỏi, ngã, nặng), lower and upper case, precomposed.
var vowels = []struct{ forms, base string }{
	{"aàáảãạ", "a"}, {"ăằắẳẵặ", "a"}, {"âầấẩẫậ", "a"},
	{"eèéẻẽẹ", "e"}, {"êềếểễệ", "e"},
	{"iìíỉĩị", "i"},
	{"oòóỏõọ", "o"}, {"ôồốổỗộ", "o"}, {"ơờớởỡợ", "o"},
	{"uùúủũụ", "u"}, {"ưừứửữự", "u"},
	{"yỳýỷỹỵ", "y"},
	{"AÀÁẢÃẠ", "a"}, {"ĂẰẮẲẴẶ", "a"}, {"ÂẦẤẨẪẬ", "a"},
	{"EÈÉẺẼẸ", "e"}, {"ÊỀẾỂỄỆ", "e"},
	{"IÌÍỈĨỊ", "i"},
	{"OÒÓỎÕỌ", "o"}, {"ÔỒỐỔỖỘ", "o"}, {"ƠỜỚỞỠỢ", "o"},
	{"UÙÚỦŨỤ", "u"}, {"ƯỪỨỬỮỰ", "u"},
	{"YỲÝỶỸỴ", "y"},
}

func TestFoldVowels(t *testing.T) {
	seen := map[rune]bool{}
	for _, v := range vowels {
		// Guard the table itself: six distinct precomposed characters.
		if n := utf8.RuneCountInString(v.forms); n != 6 {
			t.Fatalf("table row %q has %d runes, want 6", v.forms, n)
		}
		if !norm.NFC.IsNormalString(v.forms) {
			t.Fatalf("table row %q is not NFC", v.forms)
		}
		for _, r := range v.forms {
			if seen[r] {
				t.Fatalf("table repeats %q", r)
			}
			seen[r] = true
		}
		want := strings.Repeat(v.base, 6)
		if got := Fold(v.forms); got != want {
			t.Errorf("Fold(%q) = %q, want %q", v.forms, got, want)
		}
		// Text saved decomposed (NFD) folds the same.
		if got := Fold(norm.NFD.String(v.forms)); got != want {
			t.Errorf("Fold(NFD %q) = %q, want %q", v.forms, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc XYZ 123", "abc xyz 123"},
		{"đ", "d"},
		{"Đ", "d"},
		{"Ð", "d"}, // U+00D0, sometimes typed for Đ
		{"Đảng viên", "dang vien"},
		{"ĐẢNG VIÊN", "dang vien"},
		{"Chí Kiên", "chi kien"},
		{"CHÍ KIÊN", "chi kien"},
		{"Thượng Ân", "thuong an"},
		{"Coong Tát", "coong tat"},
		{"Bắc Kạn", "bac kan"},
		{"11.102 đảng viên", "11.102 dang vien"},
		{"“Chí Kiên” – 22/9/1943…", "“chi kien” – 22/9/1943…"},
		{"Nguyễn Thị Minh Khai", "nguyen thi minh khai"},
		{"Crème Brûlée", "creme brulee"},
		{"İstanbul", "istanbul"},
		{"한국어", "한국어"}, // Hangul decomposes but has no marks: recomposed
		{"\xff\xfe", "\ufffd\ufffd"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// reference is the fold spelled out with a transform chain, as the design
// describes it; Fold must agree with it on Latin text.
func reference(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		panic(err)
	}
	return strings.NewReplacer("đ", "d", "ð", "d").Replace(strings.ToLower(out))
}

func TestFoldMatchesTransformChain(t *testing.T) {
	// Every Latin letter up to Latin Extended Additional (which holds the
	// Vietnamese precomposed vowels), plus combining marks on their own.
	for r := rune(0x20); r < 0x1F00; r++ {
		if !utf8.ValidRune(r) || r == 0x130 { // İ lower-cases to i̇ in strings.ToLower
			continue
		}
		s := string(r)
		if got, want := Fold(s), reference(s); got != want {
			t.Errorf("Fold(%q U+%04X) = %q, reference %q", s, r, got, want)
		}
	}
}

func TestFoldWithMap(t *testing.T) {
	for _, s := range []string{
		"Chí Kiên", norm.NFD.String("Chí Kiên Đảng"), "a\u0301\u0302b", "\u0301x", "ĐẢNG", "\xffé", "",
	} {
		folded, orig := foldWithMap(s)
		if len(orig) != len(folded)+1 || orig[len(orig)-1] != len(s) {
			t.Fatalf("%q: %d runes, %d offsets, last %d", s, len(folded), len(orig), orig[len(orig)-1])
		}
		for i, o := range orig {
			if o < 0 || o > len(s) || (o < len(s) && !utf8.RuneStart(s[o])) {
				t.Errorf("%q: orig[%d] = %d is not a rune boundary", s, i, o)
			}
			if i > 0 && o < orig[i-1] {
				t.Errorf("%q: orig decreases at %d", s, i)
			}
		}
		if string(folded) != Fold(s) {
			t.Errorf("%q: foldWithMap and Fold disagree", s)
		}
	}
	// Decomposed text: the marks belong to the letter before them.
	s := "e\u0302\u0301n"
	_, orig := foldWithMap(s)
	if got := byteSpan(orig, 0, 1); got != [2]int{0, 5} {
		t.Errorf("byteSpan of decomposed ế = %v, want [0 5]", got)
	}
}
