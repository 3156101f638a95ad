package screens

import (
	"encoding/json"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// TestTextUsesBundledGlyphs checks that every letter the exhibit's own
// words use is in the font it ships. A letter missing from it is drawn from
// some other font on Linux, raised or in another weight, and as "�" on
// Windows: U+2212 (−) was, in "A−" and "−10 s".
func TestTextUsesBundledGlyphs(t *testing.T) {
	fonts := map[string]*sfnt.Font{}
	for name, style := range map[string]fyne.TextStyle{"regular": {}, "bold": {Bold: true}} {
		f, err := sfnt.Parse(theme.DefaultTheme().Font(style).Content())
		if err != nil {
			t.Fatalf("bundled %s font: %v", name, err)
		}
		fonts[name] = f
	}
	var buf sfnt.Buffer
	check := func(where, text string) {
		for _, r := range text {
			if r == '\n' || r == '\t' {
				continue
			}
			for name, f := range fonts {
				if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
					t.Errorf("%s: %q (U+%04X) in %q is not in the bundled %s font", where, r, r, text, name)
				}
			}
		}
	}
	// The labels made in code rather than translated.
	for _, s := range []string{"A–", "A+", "–10 s", "+10 s", "…"} {
		check("button label", s)
	}
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	check("pack title", p.Title+p.Subtitle)
	for _, ch := range p.Chapters {
		for _, b := range ch.Blocks {
			check(ch.ID, b.Text())
		}
	}
	for _, code := range []string{"vi", "en"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var words map[string]string
		if err := json.Unmarshal(data, &words); err != nil {
			t.Fatal(err)
		}
		for _, s := range words {
			check(code+".json", s)
		}
	}
}
