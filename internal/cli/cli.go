package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"trienlam/platform/supervisor"
)

// Version is the program version printed by "trienlam version". Release
// builds set it with -ldflags "-X trienlam/cli.Version=1.2.3".
var Version = "0.1.0"

// GUIOptions says how to start the graphical exhibit.
type GUIOptions struct {
	// PackPath is the pack folder or .zip to open; "" means the pack built
	// into the binary.
	PackPath string
	// Kiosk starts full screen in kiosk mode, for an unattended hall: the
	// controls that leave the exhibit are hidden behind the staff PIN, an
	// idle visitor session returns to the attract loop. "trienlam --kiosk"
	// runs the exhibit under the crash supervisor (package supervisor); the
	// GUI is then started by the supervised child, with Kiosk set.
	Kiosk bool
	// Presenter starts straight in presenter mode: the audience window on
	// the projector, the presenter console with notes on the laptop.
	Presenter bool
	// FromFile is set when PackPath came from a file named on the command
	// line (a double click on a .trienlam file): a running exhibit takes
	// it over instead.
	FromFile bool
	// MissingStart is the id of the start exhibit chosen in the library
	// when it is no longer installed: the built-in exhibit opens and the
	// window says why.
	MissingStart string
}

// Exit codes returned by Run.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the pack has problems, or the command failed
	ExitUsage   = 2 // bad arguments, or the pack cannot be read at all
)

// command is one subcommand. New subcommands (import-timeline, narrate, …)
// are a new entry in commands() and a run function; usage text and
// dispatch come from the table.
type command struct {
	name string
	args string // synopsis of the arguments, e.g. "[PATH]"
	// The command's one line for the command list is the message
	// "summary-" + name.
	run func(e *env, args []string) int
}

// commands returns the subcommand table in the order help lists it. It is
// a function, not a variable, because the help command refers to it.
func commands() []command {
	return []command{
		{"validate", "[PATH]", runValidate},
		{"export-pack", "DIR", runExportPack},
		{"import-timeline", "FILE.json|.xlsx|.csv --pack DIR", runImportTimeline},
		{"import-photos", "DIR --pack PACK", runImportPhotos},
		{"export-timeline", "[--pack PATH] OUT.json | --template OUT.xlsx", runExportTimeline},
		{"search", "[--pack PATH] WORDS…", runSearch},
		{"install", "[--replace] FILE|DIR", runInstall},
		{"list", "", runList},
		{"default", "ID", runDefault},
		{"remove", "ID", runRemove},
		{"zip", "PACK OUT.trienlam", runZip},
		{"version", "", runVersion},
		{"help", "[COMMAND]", runHelp},
	}
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return &c
		}
	}
	return nil
}

// env is what a command runs with.
type env struct {
	stdout, stderr io.Writer
	gui            func(GUIOptions) int
	// lang is the user's language, "vi" or "en": problems are printed in it.
	lang string
}

// summary is command c's line in the command list.
func (e *env) summary(c *command) string { return e.text("summary-" + c.name) }

// Run runs the command line args (without the program name, i.e.
// os.Args[1:]) and returns the process exit code: ExitOK, ExitFailure or
// ExitUsage. With no command it starts the exhibit by calling gui and
// returns what gui returns.
func Run(args []string, stdout, stderr io.Writer, gui func(opts GUIOptions) int) int {
	if stdout == nil {
		stdout = io.Discard
	}
	if stderr == nil {
		stderr = io.Discard
	}
	return runIn(userLanguage(), args, stdout, stderr, gui)
}

// runIn is Run in the language lang ("vi" or "en").
func runIn(lang string, args []string, stdout, stderr io.Writer, gui func(opts GUIOptions) int) int {
	e := &env{stdout: stdout, stderr: stderr, gui: gui, lang: lang}

	fset := e.flagSet("trienlam")
	packPath := fset.String("pack", "", "open the exhibit pack at `PATH` (a folder or a .zip) instead of the built-in one")
	kiosk := fset.Bool("kiosk", false, "start full screen in kiosk mode, for an unattended PC (restarted after a crash)")
	presenter := fset.Bool("presenter", false, "start in presenter mode, for a projector")
	// --supervised is internal: the supervisor starts the kiosk with it.
	supervised := fset.Bool("supervised", false, "")
	version := fset.Bool("version", false, "print the version and exit")
	if code, done := e.parse(fset, args, e.mainUsage); done {
		return code
	}
	set := map[string]bool{}
	fset.Visit(func(f *flag.Flag) { set[f.Name] = true })

	if *version {
		return runVersion(e, nil)
	}
	fromFile := false
	if rest := fset.Args(); len(rest) == 1 && !set["pack"] && lookup(rest[0]) == nil && isExhibitFile(rest[0]) {
		// trienlam FILE.trienlam: what a double click runs.
		*packPath, fromFile = rest[0], true
		set["pack"] = true
	} else if len(rest) > 0 {
		c := lookup(rest[0])
		if c == nil {
			e.fail("unknown-command", "name", strconv.Quote(shorten(rest[0])))
			e.mainUsage(e.stderr)
			return ExitUsage
		}
		for _, f := range []string{"kiosk", "presenter", "supervised"} {
			if set[f] {
				e.fail("option-not-with-command", "flag", f, "command", c.name)
				return ExitUsage
			}
		}
		if set["pack"] {
			if strings.Contains(c.args, "--pack") {
				e.fail("pack-after-command", "command", c.name, "args", c.args)
			} else {
				e.fail("option-not-with-command", "flag", "pack", "command", c.name)
			}
			return ExitUsage
		}
		return c.run(e, rest[1:])
	}

	if set["pack"] {
		if *packPath == "" {
			e.fail("pack-path-empty", "command", "")
			return ExitUsage
		}
		// A missing pack (a USB stick not plugged in, a changed drive
		// letter) still starts the exhibit: the window explains it and
		// shows the built-in exhibit, so a hall is never left without
		// one. Only the log hears of it here.
		if err := checkExists(*packPath); err != nil && !*supervised {
			// (The supervised kiosk's parent has said it already.)
			e.fail("pack-missing-shown-builtin", "path", shorten(*packPath), "why", e.errText(err))
		}
	}
	if *kiosk && *presenter {
		e.fail("kiosk-and-presenter")
		return ExitUsage
	}
	if *supervised && !*kiosk {
		e.fail("supervised-only-kiosk")
		return ExitUsage
	}
	if gui == nil {
		e.fail("no-gui")
		return ExitFailure
	}
	opts := GUIOptions{PackPath: *packPath, Kiosk: *kiosk, Presenter: *presenter, FromFile: fromFile}
	if !set["pack"] {
		// A plain start, a kiosk start and the autostart entry all open
		// the start exhibit chosen in the library.
		opts.PackPath, opts.MissingStart = startExhibit()
	}
	if *kiosk && !*supervised {
		return e.superviseKiosk(opts)
	}
	return gui(opts)
}

// Hooks for tests: how superviseKiosk finds this program and runs it.
var (
	executable = os.Executable
	supervise  = supervisor.Run
)

// superviseKiosk runs this program again with --kiosk --supervised under
// the crash supervisor, which restarts it if it crashes, and returns the
// supervisor's exit code.
func (e *env) superviseKiosk(opts GUIOptions) int {
	exe, err := executable()
	if err != nil {
		e.fail("kiosk-no-program", "error", e.errText(err))
		return ExitFailure
	}
	args := []string{"--kiosk", "--supervised"}
	if opts.PackPath != "" {
		args = append(args, "--pack", opts.PackPath)
	}
	return supervise(exe, args, supervisor.Options{Stdout: e.stdout, Stderr: e.stderr, Log: e.stderr})
}

// flagSet makes a FlagSet that prints nothing itself: parse reports its
// errors with the "trienlam: " prefix and prints usage where it belongs,
// stdout for help asked for and stderr for help after a mistake.
func (e *env) flagSet(name string) *flag.FlagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.Usage = func() {}
	return fset
}

// parse parses args into fset. When parsing ends the command (help asked
// for, or a bad flag) it prints usage where it belongs and returns the exit
// code with done set.
func (e *env) parse(fset *flag.FlagSet, args []string, usage func(w io.Writer)) (code int, done bool) {
	err := fset.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		usage(e.stdout)
		return ExitOK, true
	default:
		fmt.Fprintf(e.stderr, "trienlam: %s\n", e.flagError(err))
		usage(e.stderr)
		return ExitUsage, true
	}
}

// mainUsage prints the top-level help: how to start the exhibit, the
// commands and the flags.
func (e *env) mainUsage(w io.Writer) {
	fmt.Fprint(w, e.text("usage-main-start", "version", Version))
	width := 0
	for _, c := range commands() {
		width = max(width, len(strings.TrimSpace(c.name+" "+c.args)))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, strings.TrimSpace(c.name+" "+c.args), e.summary(&c))
	}
	fmt.Fprintf(w, "\n%s\n", e.text("flags-heading"))
	for _, f := range mainFlags {
		fmt.Fprintf(w, "  %-12s  %s\n", strings.TrimSpace(f.flag+" "+f.arg), e.text(f.text))
	}
	fmt.Fprint(w, e.text("usage-main-end"))
}

// commandUsage returns the usage printer of command c, listing the flags
// of its FlagSet.
func (e *env) commandUsage(c *command, fset *flag.FlagSet) func(io.Writer) {
	return func(w io.Writer) {
		fmt.Fprint(w, e.text("usage-command", "synopsis", strings.TrimSpace(c.name+" "+c.args), "summary", capitalize(e.summary(c))))
		var flags strings.Builder
		fset.VisitAll(func(f *flag.Flag) {
			name, usage := flag.UnquoteUsage(f)
			fmt.Fprintf(&flags, "  --%s\n    \t%s\n", strings.TrimSpace(f.Name+" "+name), usage)
		})
		if flags.Len() > 0 {
			fmt.Fprintf(w, "\n%s\n%s", e.text("flags-heading"), flags.String())
		}
	}
}

// capitalize upper-cases the first letter of s, for a summary used as a
// sentence.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// checkExists returns nil when path exists, else why not (errText words
// it for the user, whatever the operating system's words).
func checkExists(path string) error {
	_, err := os.Stat(path)
	return err
}

// maxShown is how many bytes of a user-supplied argument an error message
// repeats; an argument can be any size, a message should stay readable.
const maxShown = 200

// shorten cuts s to maxShown bytes, on a rune boundary, marking the cut.
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// start parses the flags of command name (defined by define, which may be
// nil) and returns the remaining arguments. Flags may come before, between
// or after the other arguments ("import-timeline FILE.json --pack DIR");
// after "--" everything is an argument. When parsing ends the command
// (help asked for, or a bad flag) done is set and code is the exit code.
func (e *env) start(name string, args []string, define func(*flag.FlagSet)) (rest []string, code int, done bool) {
	fset := e.flagSet(name)
	if define != nil {
		define(fset)
	}
	c := lookup(name)
	for {
		if code, done := e.parse(fset, args, e.commandUsage(c, fset)); done {
			return nil, code, true
		}
		left := fset.Args()
		if len(left) == 0 {
			return rest, 0, false
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), 0, false
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// runVersion prints the version line.
func runVersion(e *env, args []string) int {
	args, code, done := e.start("version", args, nil)
	if done {
		return code
	}
	if len(args) > 0 {
		e.fail("version-args")
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "trienlam %s\n", Version)
	return ExitOK
}

// runHelp prints the top-level help, or one command's.
func runHelp(e *env, args []string) int {
	args, code, done := e.start("help", args, nil)
	if done {
		return code
	}
	switch len(args) {
	case 0:
		e.mainUsage(e.stdout)
		return ExitOK
	case 1:
		c := lookup(args[0])
		if c == nil {
			e.fail("unknown-command", "name", strconv.Quote(shorten(args[0])))
			e.mainUsage(e.stderr)
			return ExitUsage
		}
		// Every command answers -h with its usage, flags included.
		return c.run(e, []string{"-h"})
	}
	e.fail("help-args")
	return ExitUsage
}

// oneArg returns the one argument of command cmd, a path to takes (the
// message "takes-one-folder") naming a what (the message "what-folder"). When there is not exactly one, or it
// is empty, it says so and ok is false: a usage error.
func (e *env) oneArg(cmd string, args []string, takes, what string) (arg string, ok bool) {
	if len(args) != 1 {
		e.fail("args-count", "command", cmd, "takes", e.text(takes), "n", strconv.Itoa(len(args)))
		return "", false
	}
	if args[0] == "" {
		e.fail("path-empty", "command", cmd, "what", e.text(what))
		return "", false
	}
	return args[0], true
}

// importArgs parses the arguments of an import command: one source (takes
// and what as for oneArg) and --pack DIR, the pack folder to add adds (the
// message "the-photos") to, which is required. done is set, with the exit code, when the
// command ends here.
func (e *env) importArgs(cmd string, args []string, takes, what, adds string) (src, dir string, code int, done bool) {
	args, code, done = e.start(cmd, args, func(f *flag.FlagSet) {
		f.StringVar(&dir, "pack", "", e.text("flag-pack-import", "adds", e.text(adds)))
	})
	if done {
		return "", "", code, true
	}
	src, ok := e.oneArg(cmd, args, takes, what)
	switch {
	case !ok:
		return "", "", ExitUsage, true
	case dir == "":
		e.fail("pack-required", "command", cmd, "adds", e.text(adds))
		return "", "", ExitUsage, true
	}
	return src, dir, 0, false
}
