package cli

import (
	"bytes"
	"fmt"
	"strings"
)

// mainFlags are the flags of the exhibit itself, as the help lists them
// and the man page is made from them; text is the message that says what
// the flag does.
var mainFlags = []struct{ flag, arg, text string }{
	{"--pack", "PATH", "flag-main-pack"},
	{"--kiosk", "", "flag-main-kiosk"},
	{"--presenter", "", "flag-main-presenter"},
	{"--version", "", "flag-main-version"},
	{"-h, --help", "", "flag-main-help"},
}

// ManSections returns the OPTIONS and COMMANDS sections of the man page in
// roff, made from the program's own help: the flags above and every
// command's summary and flags as "trienlam help COMMAND" prints them, so
// the man page cannot fall behind the program (packaging/linux/trienlam.1.in
// holds the rest; cmd/genman joins them). The man page is in English,
// whatever the language of the machine that builds it.
func ManSections() string {
	e := &env{lang: "en"}
	var b strings.Builder
	b.WriteString(".SH OPTIONS\n")
	for _, f := range mainFlags {
		b.WriteString(".TP\n")
		names := strings.Split(f.flag, ", ")
		for i, n := range names {
			names[i] = roff(n)
		}
		if f.arg != "" {
			fmt.Fprintf(&b, ".BI \"%s \" %s\n", strings.Join(names, ", "), f.arg)
		} else {
			fmt.Fprintf(&b, ".B \"%s\"\n", strings.Join(names, ", "))
		}
		b.WriteString(roff(capitalize(e.text(f.text))) + ".\n")
	}
	b.WriteString(".SH COMMANDS\n")
	for _, c := range commands() {
		b.WriteString(".TP\n")
		fmt.Fprintf(&b, ".B \"%s\"\n", roff(strings.TrimSpace(c.name+" "+c.args)))
		b.WriteString(roff(capitalize(e.summary(&c))) + ".\n")
		for _, f := range commandFlags(c.name) {
			fmt.Fprintf(&b, ".RS\n.TP\n.B \"%s\"\n%s\n.RE\n", roff(f[0]), roff(f[1]))
		}
	}
	return b.String()
}

// commandFlags runs "trienlam COMMAND --help" and returns its flags, each
// as the flag with its argument and what it does.
func commandFlags(name string) [][2]string {
	var out bytes.Buffer
	runIn("en", []string{name, "--help"}, &out, nil, nil)
	_, list, found := strings.Cut(out.String(), "\nFlags:\n")
	if !found {
		return nil
	}
	var flags [][2]string
	lines := strings.Split(list, "\n")
	for i := 0; i+1 < len(lines); i += 2 {
		f, text := strings.TrimSpace(lines[i]), strings.TrimSpace(lines[i+1])
		if !strings.HasPrefix(f, "-") {
			break
		}
		flags = append(flags, [2]string{f, capitalize(text) + "."})
	}
	return flags
}

// roff escapes text for a man page: backslashes, hyphens of options, and
// a leading dot or quote that roff would read as a request.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	s = strings.ReplaceAll(s, `"`, `\(dq`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
