package screens

import (
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// Preference keys. They are stored with Fyne's preferences under the app ID.
const (
	prefTheme        = "theme"
	prefLanguage     = "language"
	prefTextStep     = "textStep"
	prefFullScreen   = "fullScreen"
	prefVolume       = "volume"
	prefTourLoop     = "tour.loop"
	prefIdleMinutes  = "kiosk.idleMinutes"
	prefPIN          = "kiosk.pin"
	prefKioskAtStart = "kiosk.atStart"
	prefAttractVoice = "kiosk.attractVoice"
	prefLastPack     = "reader.pack"
	prefLastChapter  = "reader.chapter"
	prefLastBlock    = "reader.block"
	prefFullCoverPx  = "home.fullScreenCoverPx"
	defaultLanguage  = "vi"
	languageEnglish  = "en"
	languageFallback = "en"
)

// Prefs holds what staff choose and what the reader remembers, backed by
// Fyne preferences so it survives a restart.
type Prefs struct {
	app   fyne.App
	prefs fyne.Preferences
	// onChange is called after a change that screens must show.
	onChange func()
	// hallScale follows the window's size (exhibittheme.HallScale); it
	// is not stored.
	hallScale float32
}

// NewPrefs reads the settings of an app.
func NewPrefs(a fyne.App) *Prefs {
	return &Prefs{app: a, prefs: a.Preferences()}
}

// Language returns "vi" or "en".
func (s *Prefs) Language() string {
	if s.prefs.StringWithFallback(prefLanguage, defaultLanguage) == languageEnglish {
		return languageEnglish
	}
	return defaultLanguage
}

// SetLanguage switches the interface language at once.
func (s *Prefs) SetLanguage(code string) {
	if code != languageEnglish {
		code = defaultLanguage
	}
	s.prefs.SetString(prefLanguage, code)
	applyLanguage(code)
	s.changed()
}

// Variant returns the colour scheme.
func (s *Prefs) Variant() exhibittheme.Variant {
	if s.prefs.StringWithFallback(prefTheme, string(exhibittheme.Light)) == string(exhibittheme.Dark) {
		return exhibittheme.Dark
	}
	return exhibittheme.Light
}

// SetVariant switches the colour scheme.
func (s *Prefs) SetVariant(v exhibittheme.Variant) {
	s.prefs.SetString(prefTheme, string(v))
	s.applyTheme()
	s.changed()
}

// TextStep returns the text size step.
func (s *Prefs) TextStep() exhibittheme.Step {
	return exhibittheme.Step(s.prefs.IntWithFallback(prefTextStep, int(exhibittheme.StepDesk))).Clamp()
}

// SetTextStep changes the text size step.
func (s *Prefs) SetTextStep(st exhibittheme.Step) {
	st = st.Clamp()
	if st == s.TextStep() {
		return
	}
	s.prefs.SetInt(prefTextStep, int(st))
	s.applyTheme()
	s.changed()
}

// FullScreen reports whether the exhibit was last left full screen; it
// starts that way again, so a hall PC switched on in the morning needs no
// keyboard.
func (s *Prefs) FullScreen() bool { return s.prefs.Bool(prefFullScreen) }

// SetFullScreen remembers the full-screen state.
func (s *Prefs) SetFullScreen(on bool) { s.prefs.SetBool(prefFullScreen, on) }

// FullScreenCoverWidth is how many pixels wide the home's cover was last
// shown full screen, 0 if never: a full-screen start decodes it for that
// width while the window is made, as a windowed start does for the first
// window's size (the screen's size is not known before the window).
func (s *Prefs) FullScreenCoverWidth() int {
	// Bounded: a damaged or hand-edited value must not ask for a
	// picture wider than any screen (8K is 7,680 pixels).
	return min(max(s.prefs.Int(prefFullCoverPx), 0), 1<<14)
}

// SetFullScreenCoverWidth remembers the cover's full-screen width.
func (s *Prefs) SetFullScreenCoverWidth(px int) { s.prefs.SetInt(prefFullCoverPx, px) }

// Volume returns the narration volume, 0 to 1.
func (s *Prefs) Volume() float64 { return s.prefs.FloatWithFallback(prefVolume, 1) }

// SetVolume remembers the narration volume.
func (s *Prefs) SetVolume(v float64) { s.prefs.SetFloat(prefVolume, min(1, max(0, v))) }

// TourLoop reports whether the guided tour starts again after the last
// chapter, as an unattended kiosk needs.
func (s *Prefs) TourLoop() bool { return s.prefs.Bool(prefTourLoop) }

// SetTourLoop sets whether the guided tour loops.
func (s *Prefs) SetTourLoop(on bool) { s.prefs.SetBool(prefTourLoop, on) }

// IdleAfter is how long a kiosk waits without a touch before it counts
// down to the start (default 3 minutes).
func (s *Prefs) IdleAfter() time.Duration {
	return time.Duration(s.prefs.IntWithFallback(prefIdleMinutes, 3)) * time.Minute
}

// SetIdleMinutes sets the kiosk's idle time.
func (s *Prefs) SetIdleMinutes(m int) { s.prefs.SetInt(prefIdleMinutes, max(1, min(60, m))) }

// PINHash returns the staff PIN's salted hash, "" when none is set.
func (s *Prefs) PINHash() string { return s.prefs.String(prefPIN) }

// SetPINHash stores the staff PIN's salted hash (never the PIN itself).
func (s *Prefs) SetPINHash(h string) { s.prefs.SetString(prefPIN, h) }

// KioskAtStart reports whether the exhibit starts in kiosk mode.
func (s *Prefs) KioskAtStart() bool { return s.prefs.Bool(prefKioskAtStart) }

// SetKioskAtStart sets whether the exhibit starts in kiosk mode.
func (s *Prefs) SetKioskAtStart(on bool) { s.prefs.SetBool(prefKioskAtStart, on) }

// AttractVoice reports whether the kiosk's attract loop plays the guided
// tour's narration (default on), or only shows its pictures.
func (s *Prefs) AttractVoice() bool { return s.prefs.BoolWithFallback(prefAttractVoice, true) }

// SetAttractVoice sets whether the attract loop plays the narration.
func (s *Prefs) SetAttractVoice(on bool) { s.prefs.SetBool(prefAttractVoice, on) }

// Apply puts the stored language and theme into effect.
func (s *Prefs) Apply() {
	applyLanguage(s.Language())
	s.applyTheme()
}

func (s *Prefs) applyTheme() {
	s.app.Settings().SetTheme(exhibittheme.New(s.Variant(), s.TextStep()).Scaled(s.HallScale()))
}

// HallScale returns the hall scale in effect (at least 1).
func (s *Prefs) HallScale() float32 { return max(1, s.hallScale) }

// SetHallScale puts a new hall scale into effect and reports whether it
// changed.
func (s *Prefs) SetHallScale(f float32) bool {
	f = max(1, f)
	if f == s.HallScale() {
		return false
	}
	s.hallScale = f
	s.applyTheme()
	return true
}

func (s *Prefs) changed() {
	if s.onChange != nil {
		s.onChange()
	}
}

// LastPosition returns the chapter index and block where the reader was
// left in this pack, or chapter 0 at the top.
func (s *Prefs) LastPosition(p *exhibit.Pack) (chapter, block int) {
	if s.prefs.String(prefLastPack) != p.ID {
		return 0, -1
	}
	i := p.ChapterIndex(s.prefs.String(prefLastChapter))
	if i < 0 {
		return 0, -1
	}
	return i, s.prefs.IntWithFallback(prefLastBlock, -1)
}

// HasPosition reports whether the reader was left somewhere in this pack.
func (s *Prefs) HasPosition(p *exhibit.Pack) bool {
	return s.prefs.String(prefLastPack) == p.ID && p.ChapterIndex(s.prefs.String(prefLastChapter)) >= 0
}

// ClearPosition forgets where the reader was: a kiosk's next visitor
// starts at the beginning, not at the previous visitor's place.
func (s *Prefs) ClearPosition() {
	s.prefs.RemoveValue(prefLastChapter)
	s.prefs.RemoveValue(prefLastBlock)
}

// SetPosition remembers where the reader is.
func (s *Prefs) SetPosition(p *exhibit.Pack, chapterID string, block int) {
	if s.prefs.String(prefLastPack) != p.ID {
		s.prefs.SetString(prefLastPack, p.ID)
	}
	if s.prefs.String(prefLastChapter) != chapterID {
		s.prefs.SetString(prefLastChapter, chapterID)
	}
	if s.prefs.IntWithFallback(prefLastBlock, -2) != block {
		s.prefs.SetInt(prefLastBlock, block)
	}
}

func exhibitStep(d int) exhibittheme.Step { return exhibittheme.Step(d) }

// applyLanguage makes lang.L answer in the chosen language whatever the
// system's locale is. Fyne picks translations by matching the system
// locale, and offers no way to override it, so the chosen language's
// strings are registered under its own tag, under the system locale's tag
// and under English (Fyne's fallback). Later registrations replace earlier
// ones message by message, so switching back and forth works at run time.
// The same files also translate Fyne's own dialog buttons.
func applyLanguage(code string) {
	// With LANG=C (CI, Xvfb, some kiosks) Fyne's locale lookup fails and
	// logs an error on every translation update; LANGUAGE is consulted
	// first, so naming the chosen language there quiets it.
	if os.Getenv("LANGUAGE") == "" {
		os.Setenv("LANGUAGE", code)
	}
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		fyne.LogError("missing translations for "+code, err)
		return
	}
	for _, loc := range []fyne.Locale{fyne.Locale(code), lang.SystemLocale(), languageFallback} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("translations "+code, err)
		}
	}
}
