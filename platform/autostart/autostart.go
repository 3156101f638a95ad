package autostart

import (
	"errors"
	"strings"
)

// ID is the app ID, the autostart entry's file name on Linux.
const ID = "vn.trienlam.exhibit"

// ErrUnsupported is returned where the system has no autostart this
// package knows (macOS).
var ErrUnsupported = errors.New("autostart: not supported on this system")

// DesktopEntry returns the XDG autostart entry that runs exe with args.
func DesktopEntry(exe string, args []string) string {
	var b strings.Builder
	b.WriteString("[Desktop Entry]\n")
	b.WriteString("Type=Application\n")
	b.WriteString("Version=1.4\n")
	b.WriteString("Name=Trienlam\n")
	b.WriteString("Name[vi]=Triển lãm\n")
	b.WriteString("Comment=Start the exhibit when this user logs in\n")
	b.WriteString("Comment[vi]=Mở triển lãm khi người dùng này đăng nhập\n")
	b.WriteString("Exec=" + ExecLine(exe, args) + "\n")
	b.WriteString("Icon=" + ID + "\n")
	b.WriteString("Terminal=false\n")
	b.WriteString("StartupNotify=false\n")
	b.WriteString("X-GNOME-Autostart-enabled=true\n")
	return b.String()
}

// ExecLine returns the value of an Exec key running exe with args, quoted
// as the Desktop Entry Specification (1.4, "The Exec key") asks:
//
//  1. an argument holding a reserved character (space, tab, newline,
//     " ' \ > < ~ | & ; $ * ? # ( ) `) is put in double quotes, and inside
//     them " ` $ \ get a backslash; an empty argument is "";
//  2. every % is doubled, as % starts a field code;
//  3. the whole value is then escaped as a string value: \ becomes \\ and
//     newline, tab and carriage return become \n, \t, \r — which is why a
//     backslash inside a quoted argument ends up as four.
func ExecLine(exe string, args []string) string {
	parts := make([]string, 0, 1+len(args))
	for _, a := range append([]string{exe}, args...) {
		parts = append(parts, quoteExecArg(a))
	}
	return escapeString(strings.Join(parts, " "))
}

// execReserved are the characters that make an Exec argument need quotes.
const execReserved = " \t\n\"'\\><~|&;$*?#()`"

// quoteExecArg quotes one Exec argument (rules 1 and 2 of ExecLine).
func quoteExecArg(a string) string {
	if a != "" && !strings.ContainsAny(a, execReserved) {
		return strings.ReplaceAll(a, "%", "%%")
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range a {
		switch r {
		case '"', '`', '$', '\\':
			b.WriteByte('\\')
		case '%':
			b.WriteByte('%')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// escapeString escapes a desktop entry string value (rule 3 of ExecLine).
func escapeString(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
}

// enabledIn reports whether the text of an autostart entry is switched on:
// not Hidden=true and not X-GNOME-Autostart-enabled=false.
func enabledIn(entry string) bool {
	for _, line := range strings.Split(entry, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if (k == "Hidden" && v == "true") || (k == "X-GNOME-Autostart-enabled" && v == "false") {
			return false
		}
	}
	return true
}
