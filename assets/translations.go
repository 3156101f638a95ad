package assets

import "embed"

// Translations holds the interface strings, one JSON file per language
// (vi.json, en.json) in the format of fyne.io/fyne/v2/lang. Keys are the
// English source strings passed to lang.L.
//
//go:embed translations
var Translations embed.FS
