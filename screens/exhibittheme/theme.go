package exhibittheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Variant is the colour scheme chosen in the settings. It is independent of
// the operating system's dark mode: a hall's projector needs what staff
// choose, not what the laptop prefers.
type Variant string

// The colour schemes.
const (
	Light Variant = "light"
	Dark  Variant = "dark"
)

// Step is a text size step, from a desk screen to a projector.
type Step int

// The text size steps. Projector puts body text at 30 px, readable from the
// back of a hall at 1280×720 (the design asks for at least 28 px).
const (
	StepDesk Step = iota
	StepMedium
	StepLarge
	StepProjector
)

// Steps lists every step, smallest first.
var Steps = []Step{StepDesk, StepMedium, StepLarge, StepProjector}

// bodySizes holds the body text size of each step.
var bodySizes = [...]float32{StepDesk: 17, StepMedium: 21, StepLarge: 25, StepProjector: 30}

// BodySize returns the body text size of the step in device-independent pixels.
func (s Step) BodySize() float32 {
	return bodySizes[s.Clamp()]
}

// Clamp returns the nearest valid step.
func (s Step) Clamp() Step {
	if s < StepDesk {
		return StepDesk
	}
	if s > StepProjector {
		return StepProjector
	}
	return s
}

// Names of the colours this theme adds to Fyne's.
const (
	// ColorNameHeading colours chapter headings: deep red on paper, gold on dark.
	ColorNameHeading fyne.ThemeColorName = "trienlam-heading"
	// ColorNameGold is the accent for rules, ornaments and the title plate.
	ColorNameGold fyne.ThemeColorName = "trienlam-gold"
	// ColorNameHighlight is the background behind a search hit or the
	// sentence being spoken.
	ColorNameHighlight fyne.ThemeColorName = "trienlam-highlight"
	// ColorNameCard is the background of chapter cards and panels.
	ColorNameCard fyne.ThemeColorName = "trienlam-card"
	// ColorNamePlate is the background of the title plate.
	ColorNamePlate fyne.ThemeColorName = "trienlam-plate"
	// ColorNameOnPlate is text on the title plate.
	ColorNameOnPlate fyne.ThemeColorName = "trienlam-on-plate"
	// ColorNameGoldOnPlate is gold light enough to read on the plate.
	ColorNameGoldOnPlate fyne.ThemeColorName = "trienlam-gold-on-plate"
	// ColorNameMuted is secondary text such as sources and dates.
	ColorNameMuted fyne.ThemeColorName = "trienlam-muted"
)

// Names of the sizes this theme adds to Fyne's.
const (
	// SizeNameTitle is the size of the exhibit title on the home screen.
	SizeNameTitle fyne.ThemeSizeName = "trienlam-title"
	// SizeNameTouchTarget is the smallest side of anything tapped or clicked:
	// 48 px for fingers on a kiosk screen (the size touch guidelines ask
	// for), more at the larger text sizes.
	SizeNameTouchTarget fyne.ThemeSizeName = "trienlam-touch"
)

// Theme implements fyne.Theme for the exhibit.
type Theme struct {
	variant Variant
	step    Step
	// scale is the hall scale (see HallScale and Scaled).
	scale float32
}

var _ fyne.Theme = (*Theme)(nil)

// New returns the theme for a colour scheme and text size step.
func New(v Variant, s Step) *Theme {
	if v != Dark {
		v = Light
	}
	return &Theme{variant: v, step: s.Clamp(), scale: 1}
}

// Scaled returns the theme with every size multiplied by f, the hall
// scale: on a 1920×1080 or 4K screen type, spacing, touch targets and the
// reading column grow with the window, so a screen is filled like a poster
// rather than left a small block in the middle. f below 1 counts as 1.
func (t *Theme) Scaled(f float32) *Theme {
	c := *t
	c.scale = max(1, f)
	return &c
}

// Scale returns the hall scale.
func (t *Theme) Scale() float32 { return max(1, t.scale) }

// HallScale is the hall scale for a window of w×h device-independent
// pixels: 1 up to 1536×840 (projectors and laptops keep the sizes chosen
// for them), then growing with the smaller of the two ratios in quarter
// steps, so a window dragged by a few pixels does not re-lay everything:
// 1.25 on a 1080p screen, 2.5 on 4K, at most 3.
func HallScale(w, h float32) float32 {
	f := min(w/1536, h/840)
	f = float32(int(f*4)) / 4
	return min(3, max(1, f))
}

// Variant returns the colour scheme.
func (t *Theme) Variant() Variant { return t.variant }

// Step returns the text size step.
func (t *Theme) Step() Step { return t.step }

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

func rgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }

// The palettes. Light is ink on warm paper with contrast above 12:1 for
// body text, so that it survives a washed-out projector; the red of
// headings keeps above 7:1. Dark is near-black with the same accents,
// lightened where they carry text.
var (
	lightPalette = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          rgb(0xF8, 0xF3, 0xE8),
		theme.ColorNameForeground:          rgb(0x1C, 0x17, 0x14),
		theme.ColorNamePrimary:             rgb(0xA5, 0x1C, 0x1C),
		theme.ColorNameForegroundOnPrimary: rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameButton:              rgb(0xEC, 0xE2, 0xCF),
		theme.ColorNameDisabledButton:      rgb(0xE6, 0xDF, 0xD2),
		theme.ColorNameDisabled:            rgb(0x8A, 0x80, 0x74),
		theme.ColorNameError:               rgb(0xA5, 0x1C, 0x1C),
		theme.ColorNameFocus:               rgba(0xA5, 0x1C, 0x1C, 0x66),
		theme.ColorNameHover:               rgba(0xA5, 0x1C, 0x1C, 0x1A),
		theme.ColorNamePressed:             rgba(0xA5, 0x1C, 0x1C, 0x33),
		theme.ColorNameHeaderBackground:    rgb(0xEF, 0xE6, 0xD4),
		theme.ColorNameInputBackground:     rgb(0xFF, 0xFD, 0xF8),
		theme.ColorNameInputBorder:         rgb(0xB5, 0xA4, 0x88),
		theme.ColorNameMenuBackground:      rgb(0xFB, 0xF7, 0xEF),
		theme.ColorNameOverlayBackground:   rgb(0xFB, 0xF7, 0xEF),
		theme.ColorNamePlaceHolder:         rgb(0x6B, 0x62, 0x59),
		theme.ColorNameScrollBar:           rgba(0x5A, 0x4A, 0x3A, 0x99),
		theme.ColorNameSelection:           rgba(0xE3, 0xB9, 0x4A, 0x80),
		theme.ColorNameSeparator:           rgb(0xD9, 0xCB, 0xB0),
		theme.ColorNameShadow:              rgba(0x3A, 0x2A, 0x1A, 0x33),
		theme.ColorNameSuccess:             rgb(0x2E, 0x6B, 0x2E),
		theme.ColorNameWarning:             rgb(0x9A, 0x5B, 0x00),
		ColorNameHeading:                   rgb(0x8E, 0x16, 0x16),
		ColorNameGold:                      rgb(0xB0, 0x84, 0x1C),
		ColorNameHighlight:                 rgb(0xF4, 0xD8, 0x7A),
		ColorNameCard:                      rgb(0xFF, 0xFC, 0xF5),
		ColorNamePlate:                     rgb(0x8E, 0x16, 0x16),
		ColorNameOnPlate:                   rgb(0xFB, 0xF3, 0xDC),
		ColorNameMuted:                     rgb(0x5C, 0x52, 0x48),
		ColorNameGoldOnPlate:               rgb(0xEE, 0xCB, 0x6E),
	}
	darkPalette = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameBackground:          rgb(0x15, 0x13, 0x12),
		theme.ColorNameForeground:          rgb(0xF2, 0xEC, 0xE1),
		theme.ColorNamePrimary:             rgb(0xC6, 0x32, 0x2C),
		theme.ColorNameForegroundOnPrimary: rgb(0xFF, 0xFF, 0xFF),
		theme.ColorNameButton:              rgb(0x2B, 0x26, 0x23),
		theme.ColorNameDisabledButton:      rgb(0x24, 0x20, 0x1E),
		theme.ColorNameDisabled:            rgb(0x8C, 0x84, 0x7A),
		theme.ColorNameError:               rgb(0xF0, 0x6A, 0x5E),
		theme.ColorNameFocus:               rgba(0xD9, 0xB4, 0x4A, 0x80),
		theme.ColorNameHover:               rgba(0xD9, 0xB4, 0x4A, 0x1F),
		theme.ColorNamePressed:             rgba(0xD9, 0xB4, 0x4A, 0x40),
		theme.ColorNameHeaderBackground:    rgb(0x22, 0x1E, 0x1C),
		theme.ColorNameInputBackground:     rgb(0x1E, 0x1B, 0x19),
		theme.ColorNameInputBorder:         rgb(0x5A, 0x50, 0x46),
		theme.ColorNameMenuBackground:      rgb(0x22, 0x1E, 0x1C),
		theme.ColorNameOverlayBackground:   rgb(0x1E, 0x1B, 0x19),
		theme.ColorNamePlaceHolder:         rgb(0xA0, 0x96, 0x8A),
		theme.ColorNameScrollBar:           rgba(0xD0, 0xC4, 0xB0, 0x80),
		theme.ColorNameSelection:           rgba(0xD9, 0xB4, 0x4A, 0x66),
		theme.ColorNameSeparator:           rgb(0x3A, 0x33, 0x2E),
		theme.ColorNameShadow:              rgba(0x00, 0x00, 0x00, 0x66),
		theme.ColorNameSuccess:             rgb(0x7C, 0xC0, 0x7C),
		theme.ColorNameWarning:             rgb(0xE8, 0xB0, 0x50),
		ColorNameHeading:                   rgb(0xE6, 0xC2, 0x5C),
		ColorNameGold:                      rgb(0xD9, 0xB4, 0x4A),
		ColorNameHighlight:                 rgb(0x58, 0x40, 0x0A),
		ColorNameCard:                      rgb(0x1F, 0x1C, 0x1A),
		ColorNamePlate:                     rgb(0x5E, 0x10, 0x10),
		ColorNameOnPlate:                   rgb(0xF6, 0xE7, 0xB8),
		ColorNameMuted:                     rgb(0xB8, 0xAE, 0xA2),
		ColorNameGoldOnPlate:               rgb(0xE6, 0xC2, 0x5C),
	}
)

// Color returns the named colour of the chosen scheme; the variant Fyne
// passes in (the system's) is ignored on purpose.
func (t *Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	palette, fyneVariant := lightPalette, theme.VariantLight
	if t.variant == Dark {
		palette, fyneVariant = darkPalette, theme.VariantDark
	}
	if c, ok := palette[n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, fyneVariant)
}

// Font returns Fyne's bundled font, which covers every Vietnamese letter.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	return theme.DefaultTheme().Font(s)
}

// Icon returns Fyne's icons.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size scales Fyne's sizes with the text step so that buttons, padding and
// touch targets grow together with the text on a projector.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	f := t.Scale()
	body := t.step.BodySize() * f
	switch n {
	case theme.SizeNameText:
		return body
	case theme.SizeNameHeadingText:
		return body * 1.6
	case theme.SizeNameSubHeadingText:
		return body * 1.25
	case theme.SizeNameCaptionText:
		return max(13*f, body*0.8)
	case theme.SizeNamePadding:
		return max(4*f, body*0.3)
	case theme.SizeNameInnerPadding:
		// Keeps a one-line button at least 44 px tall at the desk step by
		// itself; keyButton raises it to the touch target.
		return max(12*f, body*0.55)
	case theme.SizeNameInlineIcon:
		return max(20*f, body*1.15)
	case theme.SizeNameScrollBar:
		return 14 * f
	case theme.SizeNameScrollBarSmall:
		return 5 * f
	case SizeNameTitle:
		return body * 2.2
	case SizeNameTouchTarget:
		return max(48*f, body*2.2)
	}
	return theme.DefaultTheme().Size(n)
}
