package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// openLibrary is how the library commands find the user's exhibits
// folder; tests point TRIENLAM_LIBRARY elsewhere.
func (e *env) openLibrary() (*library.Library, bool) {
	l, err := library.Open()
	if err != nil {
		e.fail("library-failed", "error", e.errText(err))
		return nil, false
	}
	return l, true
}

// startLibrary is start for a library command that takes n arguments
// (wrong is the message of the usage error when it gets another number), then opens the
// library. done is set, with the exit code, when the command ends here.
func (e *env) startLibrary(cmd string, args []string, n int, wrong string) (rest []string, l *library.Library, code int, done bool) {
	rest, code, done = e.start(cmd, args, nil)
	if done {
		return nil, nil, code, true
	}
	if len(rest) != n {
		e.fail(wrong)
		return nil, nil, ExitUsage, true
	}
	l, ok := e.openLibrary()
	if !ok {
		return nil, nil, ExitFailure, true
	}
	return rest, l, 0, false
}

// runInstall adds an exhibit (a folder, .zip or .trienlam file) to the
// library. With --replace an installed exhibit of the same id is replaced,
// the old one kept as a backup.
func runInstall(e *env, args []string) int {
	var replace bool
	args, code, done := e.start("install", args, func(f *flag.FlagSet) {
		f.BoolVar(&replace, "replace", false, e.text("flag-replace"))
	})
	if done {
		return code
	}
	if len(args) != 1 || args[0] == "" {
		e.fail("install-args", "ext", library.Extension)
		return ExitUsage
	}
	if err := checkExists(args[0]); err != nil {
		e.fail("path-problem", "path", shorten(args[0]), "why", e.errText(err))
		return ExitUsage
	}
	l, ok := e.openLibrary()
	if !ok {
		return ExitFailure
	}
	res, err := l.Install(args[0], replace)
	var exists *library.ExistsError
	switch {
	case errors.As(err, &exists):
		e.fail("install-exists", "src", shorten(args[0]), "id", strconv.Quote(exists.ID), "title", exists.Existing.Title)
		return ExitFailure
	case err != nil:
		e.fail("install-failed", "error", e.packErrText(err))
		return ExitFailure
	}
	e.say("install-done", "id", strconv.Quote(res.Entry.ID), "title", res.Entry.Title, "dir", res.Entry.Dir)
	if res.Backup != "" {
		e.say("install-backup", "dir", res.Backup)
	}
	if res.Entry.Problems > 0 {
		e.say("install-problems", "n", strconv.Itoa(res.Entry.Problems), "dir", res.Entry.Dir)
	}
	return ExitOK
}

// runList prints the library: the built-in exhibit and every installed one,
// one per line (id, title, size, problems), the start exhibit marked.
func runList(e *env, args []string) int {
	args, l, code, done := e.startLibrary("list", args, 0, "list-args")
	if done {
		return code
	}
	entries, err := l.List()
	if err != nil {
		e.fail("library-failed", "error", e.errText(err))
		return ExitFailure
	}
	start := l.Start()
	builtin, probs, _ := exhibit.Load(assets.Pack())
	all := append([]library.Entry{library.Describe(builtin, probs)}, entries...)
	for _, en := range all {
		mark := " "
		if en.ID == start {
			mark = "*"
		}
		where := e.text("list-built-in")
		if !en.IsBuiltin() {
			where = library.SizeText(en.Size)
		}
		state := e.text("list-problems", "n", strconv.Itoa(en.Problems))
		if en.Broken != "" {
			state = e.text("list-unopenable", "error", shorten(en.Broken))
		}
		fmt.Fprintf(e.stdout, "%s %-24s %s (%s, %s)\n", mark, en.ID, en.Title, where, state)
	}
	e.say("list-footer", "dir", l.Dir)
	return ExitOK
}

// runDefault chooses the exhibit that opens at start.
func runDefault(e *env, args []string) int {
	args, l, code, done := e.startLibrary("default", args, 1, "default-args")
	if done {
		return code
	}
	if err := l.SetStart(args[0]); err != nil {
		e.fail("default-failed", "error", e.errText(err))
		return ExitFailure
	}
	e.say("default-done", "id", strconv.Quote(args[0]))
	return ExitOK
}

// runRemove moves an installed exhibit to the library's trash folder.
func runRemove(e *env, args []string) int {
	args, l, code, done := e.startLibrary("remove", args, 1, "remove-args")
	if done {
		return code
	}
	trash, err := l.Remove(args[0])
	if err != nil {
		e.fail("remove-failed", "error", e.errText(err))
		return ExitFailure
	}
	e.say("remove-done", "id", strconv.Quote(args[0]), "trash", trash)
	return ExitOK
}

// runZip writes a pack (a folder, a zip, or an installed exhibit's id) as a
// .trienlam file to share.
func runZip(e *env, args []string) int {
	args, code, done := e.start("zip", args, nil)
	if done {
		return code
	}
	if len(args) != 2 || args[0] == "" || args[1] == "" {
		e.fail("zip-args", "ext", library.Extension)
		return ExitUsage
	}
	src, out := args[0], args[1]
	if !strings.EqualFold(filepath.Ext(out), library.Extension) {
		out += library.Extension
	}
	var err error
	switch {
	case src == library.BuiltinID:
		err = library.ZipFS(assets.Pack(), out)
	case checkExists(src) != nil:
		l, ok := e.openLibrary()
		if !ok {
			return ExitFailure
		}
		p := l.Path(src)
		if p == "" {
			e.fail("zip-no-such", "src", shorten(src), "why", e.errText(checkExists(src)))
			return ExitUsage
		}
		err = library.Zip(p, out)
	default:
		err = library.Zip(src, out)
	}
	if err != nil {
		e.fail("zip-failed", "error", e.packErrText(err))
		return ExitFailure
	}
	e.say("zip-done", "out", out)
	return ExitOK
}

// isExhibitFile reports whether a command-line word is an exhibit to open
// rather than a command: a .trienlam or .zip file, or a pack folder, that
// exists (a double click passes the file's path).
func isExhibitFile(arg string) bool {
	ext := strings.ToLower(filepath.Ext(arg))
	if ext == library.Extension || ext == ".zip" {
		return checkExists(arg) == nil
	}
	if fi, err := os.Stat(filepath.Join(arg, exhibit.ManifestName)); err == nil && fi.Mode().IsRegular() {
		return true
	}
	return false
}

// startExhibit returns the pack to open at a plain start: the library's
// start exhibit, or "" for the built-in one. missing is the id of a chosen
// start exhibit that is no longer installed.
func startExhibit() (path, missing string) {
	l, err := library.Open()
	if err != nil {
		return "", ""
	}
	return l.StartPath()
}
