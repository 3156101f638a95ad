package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"trienlam/internal/exhibit"
)

// readLimited reads at most limit bytes of the file at p, failing beyond.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than %d MiB, far more than a timeline; is it the right file?", limit>>20)
	}
	return data, nil
}

// importedName is the file import-timeline writes into the pack folder.
const importedName = "timeline.toml"

// runImportTimeline converts a TimelineJS3 JSON file into the pack's own
// timeline format, as DIR/timeline.toml, and names it in DIR/pack.toml.
// Nothing the user made is ever overwritten: an existing timeline.toml, or
// a pack.toml naming another timeline file, stops the command before
// anything is written. So do problems in the JSON: they are listed, with
// the JSON's lines, for the user to fix first.
func runImportTimeline(e *env, args []string) int {
	src, dir, code, done := e.importArgs("import-timeline", args, "one timeline file (TimelineJS .json, or .xlsx/.csv in its sheet columns)", "file", "the timeline")
	if done {
		return code
	}
	if msg := checkExists(src); msg != "" {
		e.errorf("%s: %s", shorten(src), msg)
		return ExitUsage
	}
	if msg := checkExists(dir); msg != "" {
		e.errorf("--pack %s: %s", shorten(dir), msg)
		return ExitUsage
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		e.errorf("--pack %s: not a folder; import-timeline writes into a pack folder (unzip a .zip pack first)", shorten(dir))
		return ExitUsage
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil {
		for _, p := range probs {
			fmt.Fprintln(e.stdout, p.StringIn(e.lang))
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, dir+": ") {
			msg = dir + ": " + msg
		}
		e.errorf("%s", shorten(msg))
		return ExitUsage
	}
	defer pfs.Close()

	manifestPath := filepath.Join(dir, exhibit.ManifestName)
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		e.errorf("import-timeline: %v", err)
		return ExitFailure
	}
	current, err := timelineFile(manifest)
	if err != nil {
		e.errorf("import-timeline: %s: %v", manifestPath, err)
		return ExitFailure
	}
	if current != "" && current != importedName {
		e.errorf("import-timeline: %s already names %q as the timeline; nothing was written (to use the imported timeline instead, delete the [timeline] table from pack.toml and run again)",
			manifestPath, current)
		return ExitFailure
	}
	target := filepath.Join(dir, importedName)
	if _, err := os.Lstat(target); err == nil {
		e.errorf("import-timeline: %s already exists; nothing was written (move it away or rename it, then run again: trienlam never overwrites a file)", target)
		return ExitFailure
	}

	// Read only now that the pack is known to take it, and no more than
	// a timeline can be: "import-timeline /dev/zero" ends at once.
	data, err := readLimited(src, exhibit.MaxTextSize)
	if err != nil {
		e.errorf("%s: %v", shorten(src), unwrapPath(err))
		return ExitUsage
	}
	var (
		tl    exhibit.Timeline
		notes []exhibit.Problem
	)
	if exhibit.IsTimelineSheet(src) {
		tl, probs = exhibit.ImportTimelineSheet(pack, data, filepath.Base(src)) // .xlsx or .csv in TimelineJS's sheet columns
	} else {
		tl, probs, notes = exhibit.ImportTimelineJS(pack, data, filepath.Base(src))
	}
	if len(probs) > 0 {
		for _, p := range probs {
			fmt.Fprintln(e.stdout, p.StringIn(e.lang))
		}
		e.errorf("import-timeline: %s has %d problems; nothing was written (fix them and run again)", shorten(src), len(probs))
		return ExitFailure
	}
	if len(tl.Events) == 0 {
		e.errorf("import-timeline: %s has no events; nothing was written", shorten(src))
		return ExitFailure
	}
	newManifest, changed, err := withTimelineFile(manifest, current)
	if err != nil {
		e.errorf("import-timeline: %s: %v; nothing was written", manifestPath, err)
		return ExitFailure
	}
	if err := writeNew(target, exhibit.TimelineTOML(tl)); err != nil {
		e.errorf("import-timeline: %v", err)
		return ExitFailure
	}
	if changed {
		if err := replaceFile(manifestPath, newManifest); err != nil {
			os.Remove(target)
			e.errorf("import-timeline: %v; nothing was written", err)
			return ExitFailure
		}
	}
	fmt.Fprintf(e.stdout, "imported %d events, %d eras into %s\n", len(tl.Events), len(tl.Eras), target)
	for _, n := range notes {
		fmt.Fprintln(e.stdout, "note: "+n.StringIn(e.lang))
	}
	if changed {
		fmt.Fprintf(e.stdout, "added [timeline] file = %q to %s\n", importedName, manifestPath)
	}
	// What was written must load back without a problem; anything else
	// is a bug in the conversion, said plainly.
	if _, after, pfs2, err := exhibit.LoadPath(dir); err == nil {
		pfs2.Close()
		bad := 0
		for _, p := range after {
			if p.File == importedName || strings.HasPrefix(p.Field, "timeline.") {
				fmt.Fprintln(e.stdout, p.StringIn(e.lang))
				bad++
			}
		}
		if bad > 0 {
			e.errorf("import-timeline: the written timeline has %d problems (a bug in Trienlam: please report it with %s)", bad, shorten(src))
			return ExitFailure
		}
	}
	return ExitOK
}

// timelineFile returns the cleaned [timeline] file of pack.toml, or "".
func timelineFile(manifest []byte) (string, error) {
	var m struct {
		Timeline struct {
			File string `toml:"file"`
		} `toml:"timeline"`
	}
	text := strings.TrimPrefix(string(manifest), "\ufeff")
	if _, err := toml.Decode(text, &m); err != nil {
		return "", fmt.Errorf("not valid TOML: %w", err)
	}
	f := strings.ReplaceAll(strings.TrimSpace(m.Timeline.File), `\`, "/")
	if f == "" {
		return "", nil
	}
	return path.Clean(f), nil
}

// withTimelineFile returns pack.toml with [timeline] file = "timeline.toml"
// set, changing nothing else (exhibit.ManifestEdit): the key goes under an
// existing [timeline] header, or the table is appended. changed is false
// when current already names the file.
func withTimelineFile(manifest []byte, current string) (out []byte, changed bool, err error) {
	if current == importedName {
		return manifest, false, nil
	}
	var has struct {
		Timeline map[string]any `toml:"timeline"`
	}
	toml.Decode(strings.TrimPrefix(string(manifest), "\ufeff"), &has)
	m := exhibit.EditManifest(manifest)
	if has.Timeline != nil && !m.HasTable("timeline") {
		return nil, false, errors.New(`it sets the timeline in a way this command cannot edit; add file = "timeline.toml" under [timeline] by hand`)
	}
	m.SetKey("timeline", "file", importedName)
	return m.Bytes(), true, nil
}

// writeNew writes a new file; it fails if the file exists.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; nothing was written (trienlam never overwrites a file)", name)
		}
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// replaceFile replaces a file's content through a temporary file and a
// rename, so a failure half-way leaves the old file whole.
func replaceFile(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".new-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), info.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("update %s: %w", name, err)
	}
	return nil
}

// unwrapPath drops the "open NAME: " of a path error, whose name the
// message already gives.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// runExportTimeline writes a pack's timeline as TimelineJS3 JSON into a
// new file.
func runExportTimeline(e *env, args []string) int {
	args, template := cutTemplateFlag(args)
	args, choice, code, done := e.startWithPack("export-timeline", args, "whose timeline to write")
	if done {
		return code
	}
	out, ok := e.oneArg("export-timeline", args, "one output file", "output file")
	if !ok {
		return ExitUsage
	}
	if template && choice.set {
		e.errorf("export-timeline: --template writes an empty timeline; it takes no --pack")
		return ExitUsage
	}
	if _, err := os.Lstat(out); err == nil {
		e.errorf("export-timeline: %s already exists; nothing was written (choose a new file name: trienlam never overwrites a file)", shorten(out))
		return ExitFailure
	}
	if template {
		return e.writeTimelineTemplate(out)
	}
	l, err := e.loadPack(choice.path, choice.set, "--pack ", "the built-in pack", true)
	defer l.close()
	if err != nil {
		return ExitUsage
	}
	pack, probs, name := l.pack, l.probs, l.name
	data, err := exhibit.TimelineJSON(pack.Timeline)
	if err != nil {
		e.errorf("export-timeline: %s: %v; nothing was written", shorten(name), err)
		return ExitFailure
	}
	if err := writeNew(out, data); err != nil {
		e.errorf("export-timeline: %v", err)
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "exported %d events, %d eras from %s to %s\n", len(pack.Timeline.Events), len(pack.Timeline.Eras), name, out)
	if len(probs) > 0 {
		// The file holds what loaded; what did not is listed above.
		e.errorf("export-timeline: %s has %d problems (listed above); what has a problem is left out of %s", shorten(name), len(probs), shorten(out))
		return ExitFailure
	}
	return ExitOK
}

// cutTemplateFlag takes --template (the empty Excel timeline) out of
// export-timeline's arguments, before "--", and says whether it was there.
func cutTemplateFlag(args []string) (rest []string, found bool) {
	for i, a := range args {
		switch a {
		case "--":
			return append(rest, args[i:]...), found
		case "--template", "-template":
			found = true
		default:
			rest = append(rest, a)
		}
	}
	return rest, found
}

// writeTimelineTemplate writes the empty .xlsx timeline of
// exhibit.TimelineSheetTemplate into a new file.
func (e *env) writeTimelineTemplate(out string) int {
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		e.errorf("export-timeline: --template writes an Excel workbook; name it .xlsx, not %s", shorten(out))
		return ExitUsage
	}
	data, err := exhibit.TimelineSheetTemplate()
	if err == nil {
		err = writeNew(out, data)
	}
	if err != nil {
		e.errorf("export-timeline: %v", err)
		return ExitFailure
	}
	fmt.Fprintf(e.stdout, "wrote the timeline template %s: fill it in Excel, then trienlam import-timeline %s --pack DIR\n", out, out)
	return ExitOK
}
