package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUserLanguage checks which environments mean Vietnamese.
func TestUserLanguage(t *testing.T) {
	for _, tt := range []struct {
		lcAll, lang, language, want string
	}{
		{"", "vi_VN.UTF-8", "", "vi"},
		{"vi_VN", "en_US.UTF-8", "", "vi"},
		{"", "en_US.UTF-8", "", "en"},
		{"", "C.UTF-8", "", "en"},
		{"", "en_US.UTF-8", "vi:en", "vi"},
		{"", "C", "vi", "en"}, // LANGUAGE is ignored in the C locale, as gettext does
	} {
		t.Setenv("TRIENLAM_LANG", "")
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tt.lang)
		t.Setenv("LANGUAGE", tt.language)
		if got := userLanguage(); got != tt.want {
			t.Errorf("LC_ALL=%q LANG=%q LANGUAGE=%q: %q, want %q", tt.lcAll, tt.lang, tt.language, got, tt.want)
		}
	}
}

// TestValidateVietnamese runs validate under a Vietnamese locale: the
// problems and the summary are in Vietnamese.
func TestValidateVietnamese(t *testing.T) {
	t.Setenv("TRIENLAM_LANG", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "vi_VN.UTF-8")
	r := run("validate", filepath.Join("testdata", "broken"))
	if r.code != ExitFailure {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Không tìm thấy tệp") || !strings.Contains(r.stdout, " chương, ") {
		t.Errorf("not in Vietnamese:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, " not found") || strings.Contains(r.stdout, " chapters, ") {
		t.Errorf("English left:\n%s", r.stdout)
	}
}
