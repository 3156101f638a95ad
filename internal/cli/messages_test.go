package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"text/template"
	"unicode"
)

// TestMessagesList checks the table of the command line's own words: sorted,
// each in English and in a different Vietnamese, templates that parse; every
// kind the code names is listed and every listed kind is named.
func TestMessagesList(t *testing.T) {
	for i, m := range messages {
		if i > 0 && messages[i-1].Kind >= m.Kind {
			t.Errorf("messages not sorted or duplicated at %q after %q", m.Kind, messages[i-1].Kind)
		}
		if strings.TrimSpace(m.En) == "" || strings.TrimSpace(m.Vi) == "" || (m.En == m.Vi && !strings.HasPrefix(m.En, "{{")) {
			t.Errorf("message %q: needs English and a different Vietnamese: %+v", m.Kind, m)
		}
		for _, src := range []string{m.En, m.Vi} {
			if _, err := template.New(m.Kind).Parse(src); err != nil {
				t.Errorf("message %q: %v", m.Kind, err)
			}
		}
	}
	// Kinds named in the code: e.text("kind", …), e.fail, e.say, and the
	// names passed on to them.
	named := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	quoted := regexp.MustCompile(`"([a-z][a-z0-9-]*)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if f == "messages.go" {
			_, code, _ := strings.Cut(string(src), "var messageIndex")
			src = []byte(code)
		}
		if strings.Contains(string(src), "errorf(") || regexp.MustCompile(`Fprint(f|ln)?\(e\.std(out|err), "[^"%]*[a-z]{3,} [a-z]{2,}`).Match(src) {
			t.Errorf("%s prints words of its own instead of a message of the table", f)
		}
		for _, m := range quoted.FindAllStringSubmatch(string(src), -1) {
			named[m[1]] = true
		}
	}
	var unused []string
	for _, m := range messages {
		// Summaries are named "summary-" + the command's name.
		if !named[m.Kind] && !(strings.HasPrefix(m.Kind, "summary-") && lookup(strings.TrimPrefix(m.Kind, "summary-")) != nil) {
			unused = append(unused, m.Kind)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("messages no code names: %v", unused)
	}
	for _, c := range commands() {
		if _, ok := messageIndex["summary-"+c.name]; !ok {
			t.Errorf("command %s has no summary-%s message", c.name, c.name)
		}
	}
}

// englishWords are words an English sentence of the command line uses and
// a Vietnamese one never does.
var englishWords = map[string]bool{}

func init() {
	// Not "in" (Vietnamese for print), nor the names of commands.
	for _, w := range strings.Fields(`the is are not no a an of to and or on file files folder takes got
		arguments argument cannot found problems problem written nothing exists imported skipped note flag
		provided defined path empty already unknown command starts exhibit with usage run help show print
		pack built was were has have for from into it its be this that what photos photo timeline events
		chapter chapters results nothing error could read damaged truncated supported recording
		cue cues captions sound stops copy again installed moved wrote only needs`) {
		englishWords[w] = true
	}
}

// technical matches what a Vietnamese message may quote as the system or a
// library said it, and what it quotes of the user's input.
var technical = regexp.MustCompile(`\((?i:chi tiết kỹ thuật): [^)]*\)+|“[^”]*”|«[^»]*»|"[^"]*"|'[^']*'|\S*[/\\.]\S*|--?[a-z-]+`)

// englishIn returns the English words of line outside what it quotes;
// two or more mean the line is English. Words in capitals (PATH, DIR)
// are placeholders, not English.
func englishIn(line string) []string {
	var found []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(technical.ReplaceAllString(line, " "), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.ToUpper(w) == w {
			continue
		}
		if lw := strings.ToLower(w); englishWords[lw] && !seen[lw] {
			seen[lw] = true
			found = append(found, lw)
		}
	}
	return found
}

// TestEnglishDetector checks the test's own judge on known lines.
func TestEnglishDetector(t *testing.T) {
	for _, l := range []string{"trienlam: validate takes one pack path, got 2 arguments", "audio/a.ogg: truncated: the sound stops at 0:05 of 0:10", "Usage: trienlam validate [PATH]; check a pack"} {
		if len(englishIn(l)) < 2 {
			t.Errorf("%q not found English", l)
		}
	}
	for _, l := range []string{"trienlam: lệnh validate cần đúng một đường dẫn gói, nhưng được cho 2", "  trienlam COMMAND [ARGUMENTS]", "trienlam: import-photos: không đọc được thư mục x (chi tiết kỹ thuật: open x: no such file or directory)"} {
		if w := englishIn(l); len(w) >= 2 {
			t.Errorf("%q found English: %v", l, w)
		}
	}
}

// TestEverythingVietnamese runs every command, with good and with bad
// input, under a Vietnamese locale: not one line of what they print is
// English.
func TestEverythingVietnamese(t *testing.T) {
	t.Setenv("TRIENLAM_LANG", "")
	t.Setenv("LC_ALL", "vi_VN.UTF-8")
	tmp := t.TempDir()
	notEmpty := filepath.Join(tmp, "not-empty")
	if err := os.MkdirAll(filepath.Join(notEmpty, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	pack := copyDir(t, filepath.Join("testdata", "good"))
	photosDir := importSource(t)
	missing := filepath.Join(tmp, "missing")
	runs := [][]string{
		{"frobnicate"}, {"--frob"}, {"--pack"}, {"--pack", ""}, {"--kiosk", "--presenter"}, {"--supervised"},
		{"--kiosk", "validate"}, {"--pack", pack, "validate"}, {"--pack", pack, "search", "x"}, {"--pack", missing},
		{"help"}, {"--help"}, {"help", "nope"}, {"help", "a", "b"}, {"version", "x"},
		{"validate", "a", "b"}, {"validate", ""}, {"validate", missing}, {"validate", "--frob"},
		{"validate", filepath.Join("testdata", "broken")}, {"validate", filepath.Join("testdata", "damaged-audio")},
		{"validate", filepath.Join("testdata", "bad-toml")}, {"validate", filepath.Join("testdata", "no-manifest")},
		{"validate", filepath.Join("testdata", "not-a-zip.zip")},
		{"export-pack"}, {"export-pack", ""}, {"export-pack", notEmpty}, {"export-pack", filepath.Join(tmp, "exported")},
		{"import-timeline"}, {"import-timeline", "x.json"}, {"import-timeline", missing, "--pack", pack},
		{"import-timeline", filepath.Join("testdata", "timelinejs", "broken.json"), "--pack", pack},
		{"import-photos", photosDir}, {"import-photos", photosDir, "--pack", missing},
		{"import-photos", photosDir, "--pack", notEmpty}, {"import-photos", photosDir, "--pack", pack},
		{"export-timeline"}, {"export-timeline", "--template", filepath.Join(tmp, "t.txt")},
		{"export-timeline", "--template", "--pack", pack, filepath.Join(tmp, "t.xlsx")},
		{"export-timeline", "--template", filepath.Join(tmp, "t.xlsx")},
		{"export-timeline", "--template", filepath.Join(tmp, "t.xlsx")},
		{"export-timeline", filepath.Join(tmp, "t.json")},
		{"search"}, {"search", "--pack", "", "x"}, {"search", "zzqqxx"}, {"search", "chi", "kien"}, {"search", "chi", "kieen"},
		{"install"}, {"install", missing}, {"install", filepath.Join("testdata", "no-manifest")},
		{"list", "x"}, {"list"}, {"default"}, {"default", "nope"}, {"remove", "nope"}, {"remove"},
		{"zip"}, {"zip", missing, filepath.Join(tmp, "out")}, {"zip", pack, filepath.Join(tmp, "out")},
		{"zip", pack, filepath.Join(tmp, "out")},
	}
	for _, c := range commands() {
		runs = append(runs, []string{"help", c.name})
	}
	// A message whose template lacks an arg is printed as its kind and
	// args: a bug in either language.
	unfilled := regexp.MustCompile(`\[[a-z][a-z0-9-]* \[`)
	for _, args := range runs {
		r := run(args...)
		for _, l := range strings.Split(r.stdout+r.stderr, "\n") {
			if w := englishIn(l); len(w) >= 2 || unfilled.MatchString(l) {
				t.Errorf("trienlam %q printed English (%v):\n%s", args, w, l)
			}
		}
	}
	t.Setenv("LC_ALL", "en_US.UTF-8")
	for _, args := range runs {
		r := run(args...)
		if out := r.stdout + r.stderr; unfilled.MatchString(out) {
			t.Errorf("trienlam %q in English printed a message unfilled:\n%s", args, out)
		}
	}
}
