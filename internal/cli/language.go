package cli

import (
	"os"
	"strings"

	"github.com/jeandeaual/go-locale"
)

// userLanguage is "vi" when the user's language is Vietnamese, else "en":
// LC_ALL, LC_MESSAGES or LANG of vi_VN… (or LANGUAGE listing vi first) on
// Linux, the display language on Windows (through go-locale, which Fyne
// uses too). TRIENLAM_LANG=vi|en overrides both, for scripts and tests.
func userLanguage() string {
	if l := os.Getenv("TRIENLAM_LANG"); l == "vi" || l == "en" {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if first, _, _ := strings.Cut(os.Getenv("LANGUAGE"), ":"); first != "" && !strings.HasPrefix(v, "C") {
				v = first
			}
			return languageOf(v)
		}
	}
	if l, err := locale.GetLanguage(); err == nil {
		return languageOf(l)
	}
	return "en"
}

// languageOf maps a locale name (vi_VN.UTF-8, vi-VN, en_US) to "vi" or "en".
func languageOf(loc string) string {
	if strings.HasPrefix(strings.ToLower(loc), "vi") {
		return "vi"
	}
	return "en"
}
