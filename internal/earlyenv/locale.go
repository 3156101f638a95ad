// Package locale runs before Fyne's packages are initialised and replaces a
// "C" or "POSIX" locale (LANG=C.UTF-8 on servers, containers and cron) by
// English, which is what those locales mean. Fyne's lang package reads the
// locale in its init and logs "Fyne error: Error parsing user locale C"
// three lines long on every command otherwise.
//
// It is a module of its own, under a path that sorts before "fyne.io",
// because Go initialises ready packages in the order of their import
// paths: a package of module trienlam would run after Fyne's.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		base, _, _ := strings.Cut(v, ".")
		if base == "C" || base == "POSIX" {
			os.Setenv(k, "en_US."+strings.TrimPrefix(strings.TrimPrefix(v, base), "."))
			if !strings.Contains(v, ".") {
				os.Setenv(k, "en_US")
			}
		}
	}
}
