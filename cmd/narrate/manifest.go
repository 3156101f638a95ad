package main

import (
	"errors"
	"fmt"
	"os"

	"trienlam/internal/exhibit"
)

// updateManifest sets narration and captions of each track's chapter in the
// pack.toml at name (with exhibit.ManifestEdit), and adds the credit of the
// synthetic voice when the credits lack it. Everything else in the file is
// kept as written.
func updateManifest(name string, tracks []track) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	m := exhibit.EditManifest(b)
	for _, t := range tracks {
		for _, kv := range [][2]string{{"narration", t.narration}, {"captions", t.captions}} {
			_, err := m.SetEntryKey("chapters", t.id, kv[0], kv[1])
			if errors.Is(err, exhibit.ErrNoChapterEntry) {
				fmt.Fprintf(os.Stderr, "narrate: %s: no [[chapters]] table with id = %q; add by hand:\n  narration = %s\n  captions = %s\n",
					name, t.id, exhibit.TOMLString(t.narration), exhibit.TOMLString(t.captions))
				break
			}
			if err != nil {
				return err
			}
		}
	}
	if !m.HasEntry("credits", "role", Credit) {
		m.AppendEntry("credits", [2]string{"role", Credit}, [2]string{"name", CreditName})
	}
	if !m.Changed() {
		return nil
	}
	return os.WriteFile(name, m.Bytes(), 0o644)
}
