package assets

import (
	"embed"
	"encoding/json"
	"io/fs"
)

// Translations holds the interface strings, one JSON file per language
// (vi.json, en.json) in the format of fyne.io/fyne/v2/lang. Keys are the
// English source strings passed to lang.L.
//
//go:embed translations
var Translations embed.FS

// EveryTranslation returns the message key in every language of
// Translations (languages without it left out), for text that must be
// recognised in any of them: a Vietnamese pack's caption read in the
// English interface.
func EveryTranslation(key string) []string {
	var out []string
	files, _ := fs.Glob(Translations, "translations/*.json")
	for _, f := range files {
		data, err := Translations.ReadFile(f)
		if err != nil {
			continue
		}
		var t map[string]string
		if json.Unmarshal(data, &t) == nil && t[key] != "" {
			out = append(out, t[key])
		}
	}
	return out
}
