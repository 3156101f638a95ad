package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
		e.errorf("validate takes one pack path, got %d arguments", len(args))
		return ExitUsage
	}
	if len(args) == 1 && args[0] == "" {
		e.errorf("validate: the path is empty")
		return ExitUsage
	}
	// Without a path, the built-in pack: lets CI check the pack the binary
	// ships.
	l, err := e.loadPack(strings.Join(args, ""), len(args) == 1, "", "built-in pack", true)
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
	for _, l := range media.problems {
		fmt.Fprintln(e.stdout, l)
	}
	for _, l := range media.notes {
		// Not a problem: stderr, so stdout stays problems then summary.
		fmt.Fprintln(e.stderr, "trienlam: note: "+l)
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
// (called builtIn in messages) when no path is given. With list set, the
// pack's problems are printed first, one a line. When the pack cannot be
// loaded at all (a path that is not there, named after flag, "--pack "; or
// the loader's error) it says so, and the error is not nil: a usage error.
func (e *env) loadPack(path string, given bool, flag, builtIn string, list bool) (loadedPack, error) {
	l := loadedPack{name: builtIn}
	var err error
	if !given {
		l.pack, l.probs, err = exhibit.Load(assets.Pack())
	} else {
		l.name = path
		if msg := checkExists(path); msg != "" {
			e.errorf("%s%s: %s", flag, shorten(path), msg)
			return l, errors.New(msg)
		}
		l.pack, l.probs, l.pfs, err = exhibit.LoadPath(path)
	}
	if list {
		for _, p := range l.probs {
			fmt.Fprintln(e.stdout, p.StringIn(e.lang))
		}
	}
	if err != nil {
		e.loadError(l.name, err)
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
		f.Func("pack", "the pack `PATH` (a folder or a .zip) "+what+"; the built-in pack without it", func(s string) error {
			choice.path, choice.set = s, true
			return nil
		})
	})
	if !done && choice.set && choice.path == "" {
		e.errorf("%s: --pack: the path is empty", cmd)
		return nil, choice, ExitUsage, true
	}
	return rest, choice, code, done
}

// loadError reports err, the failure to load the pack called name,
// beginning with that name once.
func (e *env) loadError(name string, err error) {
	// LoadPath's errors usually begin with the path already.
	msg := err.Error()
	if e.lang != "en" {
		// The problems printed above say the rest.
		msg = exhibit.OpenErrorText(err, nil, e.lang)
	}
	if !strings.HasPrefix(msg, name+": ") {
		msg = name + ": " + msg
	}
	e.errorf("%s", shorten(msg))
}

// runExportPack writes the built-in pack into a new or empty folder, the
// usual start for staff making next year's exhibit.
func runExportPack(e *env, args []string) int {
	args, code, done := e.start("export-pack", args, nil)
	if done {
		return code
	}
	dir, ok := e.oneArg("export-pack", args, "one folder", "folder")
	if !ok {
		return ExitUsage
	}
	// Checked here as well as in exhibit.Export so the refusal reads as
	// advice to the user rather than as an internal error, before anything
	// is written.
	if info, err := os.Stat(dir); err == nil {
		if !info.IsDir() {
			e.errorf("export-pack: %s exists and is not a folder", shorten(dir))
			return ExitFailure
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			e.errorf("export-pack: %v", err)
			return ExitFailure
		}
		if len(entries) > 0 {
			e.errorf("export-pack: %s is not empty; nothing was written (choose a new or empty folder so no file is overwritten)", shorten(dir))
			return ExitFailure
		}
	}
	if err := exhibit.Export(assets.Pack(), dir); err != nil {
		e.errorf("export-pack: %v", err)
		return ExitFailure
	}
	n, err := countFiles(dir)
	if err != nil {
		e.errorf("export-pack: exported, but cannot count the files written: %v", err)
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "exported built-in pack to %s (%d files)\n", dir, n)
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
