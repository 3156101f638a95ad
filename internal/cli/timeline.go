package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"trienlam/internal/atomicfile"
	"trienlam/internal/exhibit"
)

// errTooLarge is the error of readLimited for a file over its limit.
var errTooLarge = errors.New("file too large")

// readLimited reads at most limit bytes of the file at p, failing beyond
// with errTooLarge.
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
		return nil, errTooLarge
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
	src, dir, code, done := e.importArgs("import-timeline", args, "takes-one-timeline", "what-file", "the-timeline")
	if done {
		return code
	}
	if err := checkExists(src); err != nil {
		e.fail("path-problem", "path", shorten(src), "why", e.errText(err))
		return ExitUsage
	}
	if err := checkExists(dir); err != nil {
		e.fail("path-problem", "path", "--pack "+shorten(dir), "why", e.errText(err))
		return ExitUsage
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		e.fail("import-timeline-not-folder", "dir", shorten(dir))
		return ExitUsage
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil {
		for _, p := range probs {
			fmt.Fprintln(e.stdout, p.StringIn(e.lang))
		}
		e.loadError(dir, err, probs, true)
		return ExitUsage
	}
	defer pfs.Close()

	manifestPath := filepath.Join(dir, exhibit.ManifestName)
	manifest, err := os.ReadFile(manifestPath)
	if err != nil {
		e.fail("import-timeline-failed", "error", e.errText(err))
		return ExitFailure
	}
	current, err := timelineFile(manifest)
	if err != nil {
		e.fail("import-timeline-toml", "manifest", manifestPath, "error", err.Error())
		return ExitFailure
	}
	if current != "" && current != importedName {
		e.fail("import-timeline-named", "manifest", manifestPath, "current", strconv.Quote(current))
		return ExitFailure
	}
	target := filepath.Join(dir, importedName)
	if _, err := os.Lstat(target); err == nil {
		e.fail("import-timeline-exists", "target", target)
		return ExitFailure
	}

	// Read only now that the pack is known to take it, and no more than
	// a timeline can be: "import-timeline /dev/zero" ends at once.
	data, err := readLimited(src, exhibit.MaxTextSize)
	if errors.Is(err, errTooLarge) {
		e.fail("path-problem", "path", shorten(src), "why", e.text("timeline-too-large", "limit", strconv.Itoa(exhibit.MaxTextSize>>20)))
		return ExitUsage
	} else if err != nil {
		e.fail("path-problem", "path", shorten(src), "why", e.errText(unwrapPath(err)))
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
		e.fail("import-timeline-problems", "src", shorten(src), "n", strconv.Itoa(len(probs)))
		return ExitFailure
	}
	if len(tl.Events) == 0 {
		e.fail("import-timeline-no-events", "src", shorten(src))
		return ExitFailure
	}
	newManifest, changed, err := withTimelineFile(manifest, current)
	if err != nil {
		e.fail("import-timeline-cannot-edit", "manifest", manifestPath)
		return ExitFailure
	}
	if err := writeNew(target, exhibit.TimelineTOML(tl)); err != nil {
		e.fail("import-timeline-failed", "error", e.errText(err))
		return ExitFailure
	}
	if changed {
		if err := replaceFile(manifestPath, newManifest); err != nil {
			os.Remove(target)
			e.fail("import-timeline-failed", "error", e.errText(err))
			return ExitFailure
		}
	}
	e.say("import-timeline-done", "events", strconv.Itoa(len(tl.Events)), "eras", strconv.Itoa(len(tl.Eras)), "target", target)
	for _, n := range notes {
		e.say("note", "note", n.StringIn(e.lang))
	}
	if changed {
		e.say("import-timeline-manifest-added", "file", strconv.Quote(importedName), "manifest", manifestPath)
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
			e.fail("import-timeline-bug", "n", strconv.Itoa(bad), "src", shorten(src))
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

// replaceFile replaces a file's content whole (atomicfile), keeping its
// permissions.
func replaceFile(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return atomicfile.Write(name, data, info.Mode().Perm())
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
	args, choice, code, done := e.startWithPack("export-timeline", args, "whose-timeline")
	if done {
		return code
	}
	out, ok := e.oneArg("export-timeline", args, "takes-one-output", "what-output-file")
	if !ok {
		return ExitUsage
	}
	if template && choice.set {
		e.fail("export-timeline-template-no-pack")
		return ExitUsage
	}
	if _, err := os.Lstat(out); err == nil {
		e.fail("export-timeline-exists", "out", shorten(out))
		return ExitFailure
	}
	if template {
		return e.writeTimelineTemplate(out)
	}
	l, err := e.loadPack(choice.path, choice.set, "--pack ", true)
	defer l.close()
	if err != nil {
		return ExitUsage
	}
	pack, probs, name := l.pack, l.probs, l.name
	data, err := exhibit.TimelineJSON(pack.Timeline)
	if err != nil {
		e.fail("export-timeline-json-failed", "pack", shorten(name), "error", err.Error())
		return ExitFailure
	}
	if err := writeNew(out, data); err != nil {
		e.fail("export-timeline-failed", "error", e.errText(err))
		return ExitFailure
	}
	e.say("export-timeline-done", "events", strconv.Itoa(len(pack.Timeline.Events)), "eras", strconv.Itoa(len(pack.Timeline.Eras)), "pack", name, "out", out)
	if len(probs) > 0 {
		// The file holds what loaded; what did not is listed above.
		e.fail("export-timeline-problems", "pack", shorten(name), "n", strconv.Itoa(len(probs)), "out", shorten(out))
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
		e.fail("export-timeline-template-xlsx", "out", shorten(out))
		return ExitUsage
	}
	data, err := exhibit.TimelineSheetTemplate()
	if err == nil {
		err = writeNew(out, data)
	}
	if err != nil {
		e.fail("export-timeline-failed", "error", e.errText(err))
		return ExitFailure
	}
	e.say("export-timeline-template-done", "out", out)
	return ExitOK
}
