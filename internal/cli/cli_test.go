package cli

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// result is what one Run did.
type result struct {
	code           int
	stdout, stderr string
	gui            []GUIOptions // calls of the fake GUI
}

// run runs the command line with buffers and a fake GUI that returns 0.
func run(args ...string) result {
	var out, errOut bytes.Buffer
	var r result
	r.code = Run(args, &out, &errOut, func(o GUIOptions) int {
		r.gui = append(r.gui, o)
		return 0
	})
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

// summaryLine is the validate summary format of exhibit.Counts.String.
var summaryLine = regexp.MustCompile(`^\d+ chapters, \d+ timeline events, \d+ eras, \d+ photos, \d+ audio tracks$`)

// problemLine is the format of exhibit.Problem.String: file[:line]: message.
var problemLine = regexp.MustCompile(`^[^:\s][^:]*(:\d+)?: \S.*$`)

func TestGUI(t *testing.T) {
	good := filepath.Join("testdata", "good")
	tests := []struct {
		args []string
		want GUIOptions
	}{
		{nil, GUIOptions{}},
		{[]string{}, GUIOptions{}},
		{[]string{"--pack", good}, GUIOptions{PackPath: good}},
		{[]string{"-pack", good}, GUIOptions{PackPath: good}},
		{[]string{"--pack=" + good}, GUIOptions{PackPath: good}},
		{[]string{"--", "--pack"}, GUIOptions{}}, // "--pack" after -- is a command name…
	}
	for _, tt := range tests[:len(tests)-1] {
		r := run(tt.args...)
		if r.code != 0 || len(r.gui) != 1 || r.gui[0] != tt.want || r.stdout != "" || r.stderr != "" {
			t.Errorf("Run(%q) = %d, gui %v, stdout %q, stderr %q; want 0 and gui(%v)", tt.args, r.code, r.gui, r.stdout, r.stderr, tt.want)
		}
	}
	// …and so an unknown command.
	if r := run("--", "--pack"); r.code != ExitUsage || len(r.gui) != 0 {
		t.Errorf("Run(-- --pack) = %d, gui %v", r.code, r.gui)
	}
	// The GUI's exit code is Run's.
	if code := Run(nil, nil, nil, func(GUIOptions) int { return 7 }); code != 7 {
		t.Errorf("Run returned %d, want the GUI's 7", code)
	}
	// A build without a GUI says so rather than crashing.
	var errOut bytes.Buffer
	if code := Run(nil, nil, &errOut, nil); code != ExitFailure || !strings.Contains(errOut.String(), "no graphical interface") {
		t.Errorf("Run with no gui = %d, %q", code, errOut.String())
	}
}

func TestPackMissing(t *testing.T) {
	// The exhibit still starts, with the path: the window explains it and
	// shows the built-in exhibit.
	r := run("--pack", "testdata/no-such-pack")
	want := "trienlam: --pack testdata/no-such-pack: no such file or directory; the built-in exhibit is shown instead\n"
	if r.code != ExitOK || r.stderr != want || len(r.gui) != 1 || r.gui[0].PackPath != "testdata/no-such-pack" {
		t.Errorf("got %d, stderr %q, gui %v; want 0, %q and the GUI started with the path", r.code, r.stderr, r.gui, want)
	}
	// A path of any size is repeated shortened.
	r = run("--pack", strings.Repeat("y", 1<<20))
	if r.code != ExitOK || len(r.gui) != 1 || len(r.stderr) > 4000 || !strings.Contains(r.stderr, "…: ") {
		t.Errorf("huge --pack: code %d, %d GUI starts, stderr %.300q", r.code, len(r.gui), r.stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		r := run(args...)
		if r.code != 0 || r.stdout != "trienlam "+Version+"\n" || r.stderr != "" {
			t.Errorf("Run(%q) = %d, %q, %q", args, r.code, r.stdout, r.stderr)
		}
	}
	old := Version
	defer func() { Version = old }()
	Version = "9.9.9-test"
	if r := run("version"); r.stdout != "trienlam 9.9.9-test\n" {
		t.Errorf("version ignores Version: %q", r.stdout)
	}
	if r := run("version", "extra"); r.code != ExitUsage {
		t.Errorf("version extra = %d, want 2", r.code)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"-help"}, {"help"}} {
		r := run(args...)
		if r.code != 0 || r.stderr != "" || len(r.gui) != 0 {
			t.Errorf("Run(%q) = %d, stderr %q, gui %v", args, r.code, r.stderr, r.gui)
		}
		for _, want := range []string{"Usage:", "--pack PATH", "--version", "--help",
			"validate [PATH]", "export-pack DIR", "version", "help [COMMAND]", "Exit status"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("Run(%q) help lacks %q:\n%s", args, want, r.stdout)
			}
		}
	}
	for _, c := range commands() {
		for _, args := range [][]string{{"help", c.name}, {c.name, "-h"}, {c.name, "--help"}} {
			r := run(args...)
			if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "Usage: trienlam "+c.name) {
				t.Errorf("Run(%q) = %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
			}
		}
	}
	if r := run("help", "nope"); r.code != ExitUsage || !strings.Contains(r.stderr, `unknown command "nope"`) {
		t.Errorf("help nope = %d, %q", r.code, r.stderr)
	}
	if r := run("help", "a", "b"); r.code != ExitUsage {
		t.Errorf("help a b = %d", r.code)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{""}, `unknown command ""`},
		{[]string{"--frob"}, "trienlam: flag provided but not defined: -frob\n"},
		{[]string{"--pack"}, "flag needs an argument: -pack"},
		{[]string{"--pack", ""}, "--pack: the path is empty"},
		{[]string{"--kiosk", "--presenter"}, "--kiosk and --presenter do not go together"},
		{[]string{"--supervised"}, "--supervised is used only by --kiosk"},
		{[]string{"--kiosk", "validate"}, "--kiosk starts the exhibit; it does not go with the validate command"},
		{[]string{"--presenter", "help"}, "--presenter starts the exhibit; it does not go with the help command"},
		{[]string{"--pack", "testdata/good", "validate"}, "does not go with the validate command"},
		{[]string{"validate", "--frob"}, "flag provided but not defined: -frob"},
		{[]string{"validate", "a", "b"}, "validate takes one pack path, got 2 arguments"},
		{[]string{"validate", ""}, "validate: the path is empty"},
		{[]string{"export-pack"}, "export-pack takes one folder, got 0 arguments"},
		{[]string{"export-pack", "a", "b"}, "export-pack takes one folder, got 2 arguments"},
		{[]string{"export-pack", ""}, "export-pack: the folder path is empty"},
		{[]string{strings.Repeat("x", 1<<20)}, "…"},
	}
	for _, tt := range tests {
		r := run(tt.args...)
		name := tt.args
		if len(name) > 0 && len(name[len(name)-1]) > 100 {
			name = append([]string{}, name...)
			name[len(name)-1] = "<huge>"
		}
		if r.code != ExitUsage || !strings.Contains(r.stderr, tt.want) || len(r.gui) != 0 || r.stdout != "" {
			t.Errorf("Run(%q) = %d, stdout %q, stderr %.300q, gui %v; want 2 with %q", name, r.code, r.stdout, r.stderr, r.gui, tt.want)
		}
		if len(r.stderr) > 4000 {
			t.Errorf("Run(%q) wrote %d bytes to stderr", name, len(r.stderr))
		}
	}
}

func TestValidateGood(t *testing.T) {
	r := run("validate", filepath.Join("testdata", "good"))
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("validate good = %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if want := "1 chapters, 0 timeline events, 0 eras, 0 photos, 0 audio tracks\n"; r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
}

func TestValidateZip(t *testing.T) {
	zipPath := filepath.Join(t.TempDir(), "good.zip")
	writeZip(t, zipPath, filepath.Join("testdata", "good"))
	r := run("validate", zipPath)
	if r.code != 0 || r.stderr != "" || !summaryLine.MatchString(strings.TrimSpace(r.stdout)) {
		t.Errorf("validate zip = %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestValidateBroken(t *testing.T) {
	r := run("validate", filepath.Join("testdata", "broken"))
	if r.code != ExitFailure || r.stderr != "" {
		t.Fatalf("validate broken = %d, stdout %q, stderr %q; want 1", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("want at least two problems and the summary, got %q", r.stdout)
	}
	for _, l := range lines[:len(lines)-1] {
		if !problemLine.MatchString(l) {
			t.Errorf("problem line %q is not file:line: message", l)
		}
	}
	if last := lines[len(lines)-1]; !summaryLine.MatchString(last) {
		t.Errorf("last line %q is not the summary", last)
	}
	// The missing chapter and photo are named, with the manifest line.
	for _, want := range []string{"khong-co.md", "khong-co.jpg"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no problem names %s:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^pack\.toml:\d+: `).MatchString(r.stdout) {
		t.Errorf("no problem located at a line of pack.toml:\n%s", r.stdout)
	}
	// What is valid is still loaded and counted.
	if !strings.HasPrefix(lines[len(lines)-1], "1 chapters,") {
		t.Errorf("summary %q, want the one good chapter counted", lines[len(lines)-1])
	}
}

func TestValidateUnreadable(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "pack.zip")
	if err := os.WriteFile(notZip, []byte("this is not a zip\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		filepath.Join("testdata", "no-manifest"),
		filepath.Join("testdata", "bad-toml"),
		filepath.Join("testdata", "not-a-zip.zip"),
		notZip,
		os.DevNull,
		t.TempDir(), // empty folder
	} {
		r := run("validate", path)
		if r.code != ExitUsage || !strings.HasPrefix(r.stderr, "trienlam: "+path+": ") {
			t.Errorf("validate %s = %d, stdout %q, stderr %q; want 2 and trienlam: PATH: error", path, r.code, r.stdout, r.stderr)
		}
		if strings.Contains(r.stderr, path+": "+path) {
			t.Errorf("validate %s repeats the path: %q", path, r.stderr)
		}
		if summaryLine.MatchString(strings.TrimSpace(r.stdout)) {
			t.Errorf("validate %s printed a summary for an unreadable pack: %q", path, r.stdout)
		}
	}
	r := run("validate", "testdata/no-such-pack")
	if r.code != ExitUsage || r.stderr != "trienlam: testdata/no-such-pack: no such file or directory\n" {
		t.Errorf("validate missing = %d, %q", r.code, r.stderr)
	}
	// The line of a TOML syntax error is shown.
	r = run("validate", filepath.Join("testdata", "bad-toml"))
	if !regexp.MustCompile(`(?m)^pack\.toml:\d+: `).MatchString(r.stdout) {
		t.Errorf("bad TOML: no located problem in %q", r.stdout)
	}
}

func TestValidateBuiltIn(t *testing.T) {
	r := run("validate")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("validate (built-in) = %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !summaryLine.MatchString(strings.TrimSpace(r.stdout)) || strings.HasPrefix(r.stdout, "0 chapters") {
		t.Errorf("built-in summary %q", r.stdout)
	}
}

func TestExportPack(t *testing.T) {
	for _, dir := range []string{
		filepath.Join(t.TempDir(), "new", "nested"), // does not exist yet
		t.TempDir(), // exists, empty
	} {
		r := run("export-pack", dir)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("export-pack %s = %d, stdout %q, stderr %q", dir, r.code, r.stdout, r.stderr)
		}
		n := 0
		filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				n++
			}
			return err
		})
		if want := "exported built-in pack to " + dir + " (" + strconv.Itoa(n) + " files)\n"; r.stdout != want || n < 2 {
			t.Errorf("stdout %q, want %q", r.stdout, want)
		}
		// What was written is a valid pack.
		if r := run("validate", dir); r.code != 0 {
			t.Errorf("exported pack does not validate: %d %q %q", r.code, r.stdout, r.stderr)
		}
	}
}

func TestExportPackRefuses(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run("export-pack", dir)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "is not empty") || !strings.Contains(r.stderr, "nothing was written") || r.stdout != "" {
		t.Errorf("export-pack non-empty = %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("non-empty folder now holds %d entries", len(entries))
	}
	if b, _ := os.ReadFile(keep); string(b) != "mine" {
		t.Errorf("existing file changed")
	}
	// A file where the folder should be.
	r = run("export-pack", keep)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "not a folder") {
		t.Errorf("export-pack onto a file = %d, %q", r.code, r.stderr)
	}
	// Nor any leftover next to it (Export writes to a temporary folder).
	entries, _ = os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".export-") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

// FuzzRun checks that no command line makes Run panic, that the exit code
// is one of the documented ones, and that the GUI starts only without a
// command. Commands that write (export-pack) are kept inside a temporary
// folder.
func FuzzRun(f *testing.F) {
	for _, s := range []string{"", "--pack", "--pack\x00", "validate\x00testdata/good", "validate\x00testdata/broken",
		"help\x00validate", "-h", "--version", "export-pack", "--kiosk=\x00", "validate\x00/dev/null", "---", "-", "--\x00--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		if len(args) > 0 {
			// Commands that write do so only into a fresh folder: never
			// into the source tree.
			switch args[0] {
			case "export-pack":
				args = []string{"export-pack", filepath.Join(t.TempDir(), "out")}
			case "export-timeline":
				args = []string{"export-timeline", filepath.Join(t.TempDir(), "out.json")}
			case "import-timeline":
				args = []string{"import-timeline", filepath.Join("testdata", "timelinejs", "sample.json"), "--pack", t.TempDir()}
			}
		}
		r := run(args...)
		switch r.code {
		case ExitOK, ExitFailure, ExitUsage:
		default:
			t.Fatalf("Run(%q) = %d", args, r.code)
		}
		if len(r.gui) > 0 && r.code != 0 {
			t.Fatalf("Run(%q) started the GUI and returned %d", args, r.code)
		}
	})
}

// writeZip zips the folder src into a new zip file at path.
func writeZip(t *testing.T, path, src string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestValidateDamagedAudio(t *testing.T) {
	r := run("validate", filepath.Join("testdata", "damaged-audio"))
	if r.code != ExitFailure {
		t.Fatalf("validate damaged-audio = %d, stdout %q, stderr %q; want 1", r.code, r.stdout, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if last := lines[len(lines)-1]; !summaryLine.MatchString(last) {
		t.Errorf("last line %q is not the summary", last)
	}
	problems := lines[:len(lines)-1]
	for _, l := range problems {
		if !problemLine.MatchString(l) {
			t.Errorf("problem line %q is not file: message", l)
		}
	}
	// Each damaged file is named at the start of its line, and says what is wrong.
	for file, says := range map[string]string{
		"audio/corrupt.ogg":   "not an Ogg Vorbis file",        // random bytes
		"audio/truncated.ogg": "truncated: the sound stops at", // the first 2 KB of a real one
		"audio/cut-short.ogg": "truncated: the sound stops at", // cut off in the middle
		"audio/bad-time.vtt":  "1,500",                         // a bad timestamp
		"audio/stale.vtt":     "b1:0-59",                       // text edited after timing
		"audio/half.mp3":      "truncated: the sound stops at 0:05 of 0:10",
		"audio/adpcm.wav":     "WAV with IMA ADPCM coding is not supported",
	} {
		found := false
		for _, l := range problems {
			if strings.HasPrefix(l, file+":") { // file: or file:line:
				found = true
				if !strings.Contains(l, says) {
					t.Errorf("%s: %q does not say %q", file, l, says)
				}
			}
		}
		if !found {
			t.Errorf("no problem names %s:\n%s", file, r.stdout)
		}
	}
	// UTF-16 captions are found by loading: the line names pack.toml.
	if !strings.Contains(r.stdout, `Captions “audio/utf16.vtt” are saved as UTF-16 (“Unicode”): save them as UTF-8`) {
		t.Errorf("UTF-16 captions not reported:\n%s", r.stdout)
	}
	// Timing: a cue past the end, one overlapping, one out of order.
	for _, says := range []string{
		"audio/timing.vtt: cue 4 runs to 9:53.000, past the end of the recording at 0:03.000",
		"audio/timing.vtt: cue 2 starts at 0:01.000, before cue 1 above it ends (0:01.500)",
		"audio/timing.vtt: cue 3 starts at 0:00.500, before cue 2 above it (0:01.000)",
	} {
		if !strings.Contains(r.stdout, says+":") && !strings.Contains(r.stdout, says+",") && !strings.Contains(r.stdout, says) {
			t.Errorf("no problem says %q:\n%s", says, r.stdout)
		}
	}
	if len(problems) != 11 {
		t.Errorf("%d problems, want 11 (the good recording, its captions and the phone recording are none):\n%s", len(problems), r.stdout)
	}
	for _, l := range problems {
		if strings.Contains(l, "runtime error") || strings.Contains(l, "crash") || strings.Contains(l, "WEBVTT") {
			t.Errorf("problem %q shows decoder or parser internals", l)
		}
	}
	// A phone recording is played by the media helper: a note, not a problem.
	if strings.Contains(r.stdout, "phone.m4a") || !strings.Contains(r.stderr, "audio/phone.m4a: played by the media helper") {
		t.Errorf("phone.m4a: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}
