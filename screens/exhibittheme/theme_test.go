package exhibittheme

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG relative luminance of a colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// washOut imitates a projector in a lit hall: black is lifted towards
// grey and everything loses saturation, modelled as mixing a share of
// white light into every colour.
func washOut(c color.Color, share float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((float64(v>>8)*(1-share) + 255*share) + 0.5) }
	return color.NRGBA{R: mix(r), G: mix(g), B: mix(b), A: 0xff}
}

// The light theme must stay readable on a washed-out projector: body text
// at least 4.5:1 (WCAG AA) and headings at least 3:1 (large text) with a
// third of the contrast range lost; the dark theme likewise.
func TestContrastSurvivesWashedOutProjector(t *testing.T) {
	pairs := []struct {
		name     string
		fg, bg   fyne.ThemeColorName
		min      float64
		minWashd float64
	}{
		{"body text on paper", theme.ColorNameForeground, theme.ColorNameBackground, 12, 4.5},
		{"headings on paper", ColorNameHeading, theme.ColorNameBackground, 7, 3},
		{"muted text on cards", ColorNameMuted, ColorNameCard, 4.5, 2.2},
		{"title on the plate", ColorNameOnPlate, ColorNamePlate, 7, 3},
		{"dates on the plate", ColorNameGoldOnPlate, ColorNamePlate, 4.5, 2.2},
		{"text on a highlight", theme.ColorNameForeground, ColorNameHighlight, 7, 3},
	}
	for _, v := range []Variant{Light, Dark} {
		th := New(v, StepProjector)
		for _, p := range pairs {
			fg, bg := th.Color(p.fg, theme.VariantLight), th.Color(p.bg, theme.VariantLight)
			if c := contrast(fg, bg); c < p.min {
				t.Errorf("%s, %s: contrast %.1f:1, want at least %.1f:1", v, p.name, c, p.min)
			}
			if c := contrast(washOut(fg, 0.33), washOut(bg, 0.33)); c < p.minWashd {
				t.Errorf("%s, %s on a washed-out projector: contrast %.1f:1, want at least %.1f:1", v, p.name, c, p.minWashd)
			}
		}
	}
}

func TestStepsAndSizes(t *testing.T) {
	if got := StepProjector.BodySize(); got < 28 {
		t.Errorf("projector body text %v px, want at least 28 at 1280×720", got)
	}
	prev := float32(0)
	for _, s := range Steps {
		if s.BodySize() <= prev {
			t.Errorf("step %d is not larger than the one before", s)
		}
		prev = s.BodySize()
		th := New(Light, s)
		if th.Size(SizeNameTouchTarget) < 48 {
			t.Errorf("step %d: touch target %v px, want at least 48", s, th.Size(SizeNameTouchTarget))
		}
		if th.Size(theme.SizeNameHeadingText) <= th.Size(theme.SizeNameText) {
			t.Errorf("step %d: headings not larger than body text", s)
		}
	}
	if Step(-3).Clamp() != StepDesk || Step(99).Clamp() != StepProjector {
		t.Error("out-of-range steps must clamp")
	}
	// The theme answers for the system's variant with the chosen scheme.
	if New(Dark, StepDesk).Color(theme.ColorNameBackground, theme.VariantLight) != New(Dark, StepDesk).Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Error("the dark scheme must not follow the system's light mode")
	}
}

func TestHallScale(t *testing.T) {
	for _, tt := range []struct {
		w, h, want float32
	}{
		{1024, 700, 1}, {1280, 720, 1}, {1366, 768, 1}, // projectors and laptops: as designed
		{1920, 1080, 1.25}, {1920, 1050, 1.25}, // 1080p, full screen or maximised under a title bar
		{3840, 2160, 2.5}, {7680, 4320, 3}, // 4K; never more than 3
		{1920, 700, 1}, // a wide but short window follows its height
	} {
		if got := HallScale(tt.w, tt.h); got != tt.want {
			t.Errorf("HallScale(%v, %v) = %v, want %v", tt.w, tt.h, got, tt.want)
		}
	}
	base := New(Light, StepDesk)
	big := base.Scaled(1.5)
	for _, n := range []fyne.ThemeSizeName{theme.SizeNameText, theme.SizeNamePadding, SizeNameTouchTarget, theme.SizeNameHeadingText} {
		if got, want := big.Size(n), base.Size(n)*1.5; math.Abs(float64(got-want)) > 0.01 {
			t.Errorf("size %s at hall scale 1.5 is %v, want %v", n, got, want)
		}
	}
	if base.Scaled(0.5).Size(theme.SizeNameText) != base.Size(theme.SizeNameText) {
		t.Error("a hall scale below 1 must not shrink the text")
	}
}
