package screens

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"trienlam/assets"
)

// Every string the screens pass to lang.L must be translated in both
// languages, or a Vietnamese visitor would meet English in the middle of
// the exhibit.
func TestEveryStringIsTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	more, _ := filepath.Glob("timeline/*.go")
	files = append(files, more...)
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")`)
	used := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			s, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			used[s] = f
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d strings; is the pattern still right?", len(used))
	}
	for _, code := range []string{"vi", "en"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		for s, f := range used {
			if v, ok := tr[s]; !ok || v == "" {
				t.Errorf("%s.json lacks %q (used in %s)", code, s, f)
			}
		}
	}
}
