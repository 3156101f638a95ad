package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
		e.errorf("%v", err)
		return nil, false
	}
	return l, true
}

// startLibrary is start for a library command that takes n arguments
// (wrong is the usage error when it gets another number), then opens the
// library. done is set, with the exit code, when the command ends here.
func (e *env) startLibrary(cmd string, args []string, n int, wrong string) (rest []string, l *library.Library, code int, done bool) {
	rest, code, done = e.start(cmd, args, nil)
	if done {
		return nil, nil, code, true
	}
	if len(rest) != n {
		e.errorf("%s", wrong)
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
		f.BoolVar(&replace, "replace", false, "replace an installed exhibit with the same id (the old one is kept in the library's .backup folder)")
	})
	if done {
		return code
	}
	if len(args) != 1 || args[0] == "" {
		e.errorf("install takes one exhibit: a folder, a .zip or a %s file", library.Extension)
		return ExitUsage
	}
	if msg := checkExists(args[0]); msg != "" {
		e.errorf("%s: %s", shorten(args[0]), msg)
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
		e.errorf("%s is already installed as %q (%s); nothing was changed. To replace it (the old one is kept as a backup): trienlam install --replace %s",
			shorten(args[0]), exists.ID, exists.Existing.Title, args[0])
		return ExitFailure
	case err != nil:
		e.errorf("install: %s", shorten(err.Error()))
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "installed %q (%s) in %s\n", res.Entry.ID, res.Entry.Title, res.Entry.Dir)
	if res.Backup != "" {
		fmt.Fprintf(e.stdout, "the previous version is kept in %s\n", res.Backup)
	}
	if res.Entry.Problems > 0 {
		fmt.Fprintf(e.stdout, "it has %d problems: trienlam validate %s\n", res.Entry.Problems, res.Entry.Dir)
	}
	return ExitOK
}

// runList prints the library: the built-in exhibit and every installed one,
// one per line (id, title, size, problems), the start exhibit marked.
func runList(e *env, args []string) int {
	args, l, code, done := e.startLibrary("list", args, 0, "list takes no arguments")
	if done {
		return code
	}
	entries, err := l.List()
	if err != nil {
		e.errorf("%v", err)
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
		where := "built in"
		if !en.IsBuiltin() {
			where = library.SizeText(en.Size)
		}
		state := fmt.Sprintf("%d problems", en.Problems)
		if en.Broken != "" {
			state = "cannot be opened: " + shorten(en.Broken)
		}
		fmt.Fprintf(e.stdout, "%s %-24s %s (%s, %s)\n", mark, en.ID, en.Title, where, state)
	}
	fmt.Fprintf(e.stdout, "* opens at start. Exhibits folder: %s\n", l.Dir)
	return ExitOK
}

// runDefault chooses the exhibit that opens at start.
func runDefault(e *env, args []string) int {
	args, l, code, done := e.startLibrary("default", args, 1, "default takes one exhibit id (see trienlam list)")
	if done {
		return code
	}
	if err := l.SetStart(args[0]); err != nil {
		e.errorf("default: %v (see trienlam list)", err)
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "%q now opens at start\n", args[0])
	return ExitOK
}

// runRemove moves an installed exhibit to the library's trash folder.
func runRemove(e *env, args []string) int {
	args, l, code, done := e.startLibrary("remove", args, 1, "remove takes one exhibit id (see trienlam list)")
	if done {
		return code
	}
	trash, err := l.Remove(args[0])
	if err != nil {
		e.errorf("remove: %v", err)
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "moved %q to %s (nothing was deleted)\n", args[0], trash)
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
		e.errorf("zip takes a pack (a folder, a .zip or an installed exhibit's id) and the %s file to write", library.Extension)
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
	case checkExists(src) != "":
		l, ok := e.openLibrary()
		if !ok {
			return ExitFailure
		}
		p := l.Path(src)
		if p == "" {
			e.errorf("%s: %s, and no installed exhibit has that id", shorten(src), checkExists(src))
			return ExitUsage
		}
		err = library.Zip(p, out)
	default:
		err = library.Zip(src, out)
	}
	if err != nil {
		e.errorf("zip: %s", shorten(err.Error()))
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", out)
	return ExitOK
}

// isExhibitFile reports whether a command-line word is an exhibit to open
// rather than a command: a .trienlam or .zip file, or a pack folder, that
// exists (a double click passes the file's path).
func isExhibitFile(arg string) bool {
	ext := strings.ToLower(filepath.Ext(arg))
	if ext == library.Extension || ext == ".zip" {
		return checkExists(arg) == ""
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
