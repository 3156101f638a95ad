package cli

import (
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
	var (
		pack  *exhibit.Pack
		probs []exhibit.Problem
		err   error
		name  = "built-in pack"
	)
	switch len(args) {
	case 0:
		// The built-in pack: lets CI check the pack the binary ships.
		pack, probs, err = exhibit.Load(assets.Pack())
	case 1:
		name = args[0]
		if name == "" {
			e.errorf("validate: the path is empty")
			return ExitUsage
		}
		if msg := checkExists(name); msg != "" {
			e.errorf("%s: %s", shorten(name), msg)
			return ExitUsage
		}
		var pfs *exhibit.PackFS
		pack, probs, pfs, err = exhibit.LoadPath(name)
		if pfs != nil {
			// Everything validate needs has been read; a failure to close
			// a zip we only read changes nothing.
			defer pfs.Close()
		}
	default:
		e.errorf("validate takes one pack path, got %d arguments", len(args))
		return ExitUsage
	}

	for _, p := range probs {
		fmt.Fprintln(e.stdout, p.String())
	}
	if err != nil {
		e.loadError(name, err)
		return ExitUsage
	}
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
	fmt.Fprintln(e.stdout, counts.String())
	if len(probs) > 0 || len(media.problems) > 0 {
		return ExitFailure
	}
	return ExitOK
}

// loadError reports err, the failure to load the pack called name,
// beginning with that name once.
func (e *env) loadError(name string, err error) {
	// LoadPath's errors usually begin with the path already.
	msg := err.Error()
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
