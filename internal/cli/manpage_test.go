package cli

import (
	"strings"
	"testing"
)

// TestManSections checks that the man page, made from the help, has every
// flag and command the program has, with the commands' own flags.
func TestManSections(t *testing.T) {
	man := ManSections()
	for _, want := range []string{`.B "\-\-kiosk"`, `.B "\-\-presenter"`, `.BI "\-\-pack " PATH`} {
		if !strings.Contains(man, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	for _, c := range commands() {
		if !strings.Contains(man, `.B "`+roff(strings.TrimSpace(c.name+" "+c.args))+`"`) {
			t.Errorf("man page lacks command %s", c.name)
		}
	}
	if !strings.Contains(man, "The pack folder DIR to add the photos to (required).") {
		t.Errorf("man page lacks import-photos' --pack:\n%s", man)
	}
	for _, line := range strings.Split(man, "\n") {
		if strings.HasPrefix(line, "'") || (strings.HasPrefix(line, ".") && !strings.HasPrefix(line, ".TP") &&
			!strings.HasPrefix(line, ".B") && !strings.HasPrefix(line, ".SH") && !strings.HasPrefix(line, ".RS") && !strings.HasPrefix(line, ".RE")) {
			t.Errorf("a text line roff would read as a request: %q", line)
		}
	}
}
