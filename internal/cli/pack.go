package cli

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// runValidate loads a pack, prints every problem one per line and then the
// summary line, so that scripts can take the last line as the counts and
// everything before it as the problems. Besides what loading checks, every
// narration is decoded to its end and every captions file read
// (checkMedia): a damaged recording is found before the exhibition opens.
func runValidate(e *env, args []string) int {
	args, code, done := e.start("validate", args, nil)
	if done {
		return code
	}
	if len(args) > 1 {
		e.fail("validate-args", "n", strconv.Itoa(len(args)))
		return ExitUsage
	}
	if len(args) == 1 && args[0] == "" {
		e.fail("validate-path-empty")
		return ExitUsage
	}
	// Without a path, the built-in pack: lets CI check the pack the binary
	// ships.
	l, err := e.loadPack(strings.Join(args, ""), len(args) == 1, "", true)
	defer l.close()
	if err != nil {
		return ExitUsage
	}
	pack, probs := l.pack, l.probs
	var counts exhibit.Counts
	var media mediaReport
	if pack != nil {
		counts = pack.Counts()
		media = checkMedia(pack)
	}
	for _, p := range media.problems {
		fmt.Fprintln(e.stdout, p.StringIn(e.lang))
	}
	for _, p := range media.notes {
		// Not a problem: stderr, so stdout stays problems then summary.
		e.fail("note", "note", p.StringIn(e.lang))
	}
	fmt.Fprintln(e.stdout, counts.StringIn(e.lang))
	if len(probs) > 0 || len(media.problems) > 0 {
		return ExitFailure
	}
	return ExitOK
}

// loadedPack is a pack a command reads: the built-in one or one named on
// the command line.
type loadedPack struct {
	pack  *exhibit.Pack
	probs []exhibit.Problem
	name  string          // how messages call it: its path, or the built-in pack's name
	pfs   *exhibit.PackFS // the open folder or zip; nil for the built-in pack
}

// close closes the pack's folder or zip. The commands only read it, so a
// failure to close changes nothing.
func (l loadedPack) close() {
	if l.pfs != nil {
		l.pfs.Close()
	}
}

// loadPack loads the pack at path, a folder or a .zip, or the built-in pack
// when no path is given. With list set, the
// pack's problems are printed first, one a line. When the pack cannot be
// loaded at all (a path that is not there, named after flag, "--pack "; or
// the loader's error) it says so, and the error is not nil: a usage error.
func (e *env) loadPack(path string, given bool, flag string, list bool) (loadedPack, error) {
	l := loadedPack{name: e.text("built-in-pack")}
	var err error
	if !given {
		l.pack, l.probs, err = exhibit.Load(assets.Pack())
	} else {
		l.name = path
		if err := checkExists(path); err != nil {
			e.fail("path-problem", "path", flag+shorten(path), "why", e.errText(err))
			return l, err
		}
		l.pack, l.probs, l.pfs, err = exhibit.LoadPath(path)
	}
	if list {
		for _, p := range l.probs {
			fmt.Fprintln(e.stdout, p.StringIn(e.lang))
		}
	}
	if err != nil {
		e.loadError(l.name, err, l.probs, list)
	}
	return l, err
}

// packChoice is the pack a command reads: the one --pack PATH names
// (set), or the built-in one.
type packChoice struct {
	path string
	set  bool
}

// startWithPack is start for a command that reads a pack, the built-in one
// or the one --pack PATH names (what says what for: "to search"). An empty
// --pack is a usage error.
func (e *env) startWithPack(cmd string, args []string, what string) (rest []string, choice packChoice, code int, done bool) {
	rest, code, done = e.start(cmd, args, func(f *flag.FlagSet) {
		f.Func("pack", e.text("flag-pack-command", "what", e.text(what)), func(s string) error {
			choice.path, choice.set = s, true
			return nil
		})
	})
	if !done && choice.set && choice.path == "" {
		e.fail("pack-path-empty", "command", cmd)
		return nil, choice, ExitUsage, true
	}
	return rest, choice, code, done
}

// loadError reports err, the failure to load the pack called name,
// beginning with that name once. probs are the loader's problems; listed
// says they were printed above.
func (e *env) loadError(name string, err error, probs []exhibit.Problem, listed bool) {
	// LoadPath's errors usually begin with the path already.
	msg := err.Error()
	if e.lang != "en" {
		msg = e.packErrText(err)
		if len(probs) > 0 {
			if listed {
				msg = e.text("pack-cannot-open")
			} else {
				msg = exhibit.OpenErrorText(err, probs, e.lang)
			}
		}
	}
	if !strings.HasPrefix(msg, name+": ") {
		msg = name + ": " + msg
	}
	fmt.Fprintf(e.stderr, "trienlam: %s\n", shorten(msg))
}

// runExportPack writes the built-in pack into a new or empty folder, the
// usual start for staff making next year's exhibit.
func runExportPack(e *env, args []string) int {
	args, code, done := e.start("export-pack", args, nil)
	if done {
		return code
	}
	dir, ok := e.oneArg("export-pack", args, "takes-one-folder", "what-folder")
	if !ok {
		return ExitUsage
	}
	// Checked here as well as in exhibit.Export so the refusal reads as
	// advice to the user rather than as an internal error, before anything
	// is written.
	if info, err := os.Stat(dir); err == nil {
		if !info.IsDir() {
			e.fail("export-pack-not-folder", "dir", shorten(dir))
			return ExitFailure
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			e.fail("export-pack-failed", "error", e.errText(err))
			return ExitFailure
		}
		if len(entries) > 0 {
			e.fail("export-pack-not-empty", "dir", shorten(dir))
			return ExitFailure
		}
	}
	if err := exhibit.Export(assets.Pack(), dir); err != nil {
		e.fail("export-pack-failed", "error", e.errText(err))
		return ExitFailure
	}
	n, err := countFiles(dir)
	if err != nil {
		e.fail("export-pack-count-failed", "error", e.errText(err))
		return ExitFailure
	}
	e.say("export-pack-done", "dir", dir, "n", strconv.Itoa(n))
	return ExitOK
}

// countFiles counts the regular files under dir. The folder was empty
// before the export, so this is the number of files written.
func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n, err
}
