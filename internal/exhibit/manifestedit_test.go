package exhibit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

const editManifest = `# comment
format = 1
id = "x"
title = "X"
notes = [
  "[[chapters]] inside a string",
]
long = """
[[chapters]]
id = "a"
captions = "not this one"
"""

[[chapters]]
id = "a"
file = "chapters/a.md"
narration = "audio/a.ogg"
# a comment inside the table

[[chapters]]
file = "chapters/b.md"
id = 'b'
captions = "old.vtt"   # kept?
narration = "audio/b.mp3"

[timeline]
file = "timeline.toml"
`

func TestSetChapterKeyAddsAfterTheLastKey(t *testing.T) {
	out, changed, err := SetChapterKey([]byte(editManifest), "a", "captions", "audio/a.vtt")
	if err != nil || !changed {
		t.Fatalf("changed %v, err %v", changed, err)
	}
	want := strings.Replace(editManifest, `narration = "audio/a.ogg"
`, `narration = "audio/a.ogg"
captions = "audio/a.vtt"
`, 1)
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	// Idempotent.
	again, changed, err := SetChapterKey(out, "a", "captions", "audio/a.vtt")
	if err != nil || changed || string(again) != string(out) {
		t.Errorf("second edit: changed %v, err %v", changed, err)
	}
	var m struct {
		Chapters []struct{ ID, Captions string }
	}
	if _, err := toml.Decode(string(out), &m); err != nil {
		t.Fatalf("edited manifest is not TOML: %v", err)
	}
	if m.Chapters[0].Captions != "audio/a.vtt" || m.Chapters[1].Captions != "old.vtt" {
		t.Errorf("chapters %+v", m.Chapters)
	}
}

func TestSetChapterKeyReplacesInPlace(t *testing.T) {
	crlf := strings.ReplaceAll(editManifest, "\n", "\r\n")
	out, changed, err := SetChapterKey([]byte("\ufeff"+crlf), "b", "captions", `audio/b "x".vtt`)
	if err != nil || !changed {
		t.Fatalf("changed %v, err %v", changed, err)
	}
	want := "\ufeff" + strings.Replace(crlf, `captions = "old.vtt"   # kept?`, `captions = "audio/b \"x\".vtt"`, 1)
	if string(out) != want {
		t.Fatalf("got\n%q\nwant\n%q", out, want)
	}
}

func TestSetChapterKeyNoEntry(t *testing.T) {
	out, changed, err := SetChapterKey([]byte(editManifest), "zz", "captions", "x.vtt")
	if !errors.Is(err, ErrNoChapterEntry) || changed || string(out) != editManifest {
		t.Fatalf("changed %v, err %v", changed, err)
	}
	if !strings.Contains(err.Error(), `captions = "x.vtt"`) {
		t.Errorf("the error should say what to add: %v", err)
	}
}

func TestCaptionsPathFor(t *testing.T) {
	for _, tt := range []struct{ narration, captions, want string }{
		{"audio/01.mp3", "", "audio/01.vtt"},
		{"audio/01.ogg", "phu-de/01.vtt", "phu-de/01.vtt"},
		{"a.b/x", "", "a.b/x.vtt"},
		{"", "", ""},
	} {
		if got := CaptionsPathFor(&Chapter{Narration: tt.narration, Captions: tt.captions}); got != tt.want {
			t.Errorf("%q, %q: %q, want %q", tt.narration, tt.captions, got, tt.want)
		}
	}
}

func TestSaveCaptionsKeepsTheOldFileAndEditsTheManifest(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "valid"))); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2023, 9, 22, 8, 30, 5, 0, time.Local)
	manifest := func() string {
		b, err := os.ReadFile(filepath.Join(dir, ManifestName))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before := manifest()
	old, _ := os.ReadFile(filepath.Join(dir, "audio", "01.vtt"))

	// Replacing captions the manifest names: a backup, no manifest edit.
	s, err := SaveCaptions(dir, "hoan-canh", "audio/01.vtt", []byte("WEBVTT\n\nnew\n"), now)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path != "audio/01.vtt" || s.Backup != "audio/01.vtt.bak-20230922-083005" || s.ManifestChanged {
		t.Errorf("saved %+v", s)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "audio", "01.vtt.bak-20230922-083005")); string(b) != string(old) {
		t.Errorf("backup holds %q, want the old file %q", b, old)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "audio", "01.vtt")); string(b) != "WEBVTT\n\nnew\n" {
		t.Errorf("written %q", b)
	}
	if manifest() != before {
		t.Error("the manifest changed though it named the captions already")
	}
	// The same second again: a second backup, not an overwritten one.
	s, err = SaveCaptions(dir, "hoan-canh", "audio/01.vtt", []byte("WEBVTT\n\nnewer\n"), now)
	if err != nil || s.Backup != "audio/01.vtt.bak-20230922-083005-2" {
		t.Errorf("second save %+v, %v", s, err)
	}

	// A chapter without captions gets its line; a new folder is made.
	s, err = SaveCaptions(dir, "thanh-lap", "phu-de/02.vtt", []byte("WEBVTT\n"), now)
	if err != nil || !s.ManifestChanged || s.Backup != "" {
		t.Fatalf("saved %+v, %v", s, err)
	}
	if !strings.Contains(manifest(), "title = \"Thành lập Chi bộ\"\ncaptions = \"phu-de/02.vtt\"\n") {
		t.Errorf("manifest:\n%s", manifest())
	}
	pfs, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	if pfs.Dir() == "" {
		t.Error("a folder pack has no Dir")
	}
	p, probs, err := Load(pfs)
	if err != nil || len(probs) > 0 {
		t.Fatalf("reload: %v %v", err, probs)
	}
	if got := p.Chapters[1].Captions; got != "phu-de/02.vtt" {
		t.Errorf("reloaded captions %q", got)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "audio"))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}

	// An unknown chapter writes nothing.
	if _, err := SaveCaptions(dir, "khong-co", "audio/x.vtt", []byte("WEBVTT\n"), now); !errors.Is(err, ErrNoChapterEntry) {
		t.Errorf("unknown chapter: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "audio", "x.vtt")); err == nil {
		t.Error("a file was written for an unknown chapter")
	}
	// Paths outside the pack are refused.
	if _, err := SaveCaptions(dir, "hoan-canh", "../x.vtt", []byte("WEBVTT\n"), now); err == nil {
		t.Error("../x.vtt accepted")
	}
}

func TestZipPackHasNoDir(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join("testdata", "zips", "*.zip"))
	for _, m := range matches {
		pfs, err := Open(m)
		if err != nil {
			continue
		}
		if d := pfs.Dir(); d != "" {
			t.Errorf("%s: Dir %q, want none", m, d)
		}
		pfs.Close()
		return
	}
	t.Skip("no zip pack that opens in testdata/zips")
}

// The editor on the real built-in pack.toml, as written with Linux line
// endings and as Notepad on Windows saves it (CRLF, byte order mark, no
// final line ending): every edit touches only its own lines, and a second
// run of the same edits changes nothing.
func TestManifestEditRealFile(t *testing.T) {
	real, err := os.ReadFile(filepath.Join("..", "..", "assets", "pack", "pack.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(real), "#") || !strings.Contains(string(real), "[[chapters]]") {
		t.Fatal("the built-in pack.toml no longer has comments and chapters; pick another real file")
	}
	var m struct {
		Chapters []struct{ ID string }
		Credits  []struct{ Role, Name string }
	}
	if _, err := toml.Decode(string(real), &m); err != nil || len(m.Chapters) < 2 {
		t.Fatalf("built-in pack.toml: %v", err)
	}
	first := m.Chapters[0].ID
	windows := "\ufeff" + strings.TrimSuffix(strings.ReplaceAll(string(real), "\n", "\r\n"), "\r\n")
	for name, in := range map[string]string{"unix": string(real), "windows": windows} {
		edit := func(b []byte) *ManifestEdit {
			e := EditManifest(b)
			if _, err := e.SetEntryKey("chapters", first, "captions", "audio/moi.vtt"); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			e.SetKey("timeline", "scale", "human")
			e.AppendEntry("credits", [2]string{"role", "Thử"}, [2]string{"name", `Tên "có" ngoặc`})
			e.AppendEntry("photos", [2]string{"id", "moi"}, [2]string{"file", `photos\moi.jpg`})
			return e
		}
		e := edit([]byte(in))
		out := string(e.Bytes())
		if !e.Changed() {
			t.Errorf("%s: edit not marked changed", name)
		}
		if name == "windows" {
			if !strings.HasPrefix(out, "\ufeff") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
				t.Errorf("%s: byte order mark or CRLF lost:\n%q", name, out[:200])
			}
		}
		// Every line of the original is still there, in the same order,
		// and the first chapter's captions line is replaced in place.
		plain := strings.ReplaceAll(strings.TrimPrefix(out, "\ufeff"), "\r\n", "\n")
		rest := plain
		for _, l := range strings.Split(strings.ReplaceAll(strings.TrimPrefix(in, "\ufeff"), "\r\n", "\n"), "\n") {
			if strings.HasPrefix(l, "captions = ") {
				continue // the first chapter's is replaced
			}
			i := strings.Index(rest, l)
			if i < 0 {
				t.Fatalf("%s: line %q lost or moved", name, l)
			}
			rest = rest[i+len(l):]
		}
		var got struct {
			Chapters []struct{ ID, Captions string }
			Credits  []struct{ Role, Name string }
			Photos   []struct{ ID, File string }
			Timeline struct{ File, Scale string }
		}
		if _, err := toml.Decode(plain, &got); err != nil {
			t.Fatalf("%s: edited file is not TOML: %v\n%s", name, err, plain)
		}
		if strings.Count(plain, "captions = ") != strings.Count(in, "captions = ") || got.Chapters[0].Captions != "audio/moi.vtt" || got.Timeline.Scale != "human" || got.Timeline.File == "" {
			t.Errorf("%s: chapters %+v, timeline %+v", name, got.Chapters[0], got.Timeline)
		}
		if n := len(got.Credits); n != len(m.Credits)+1 || got.Credits[n-1].Name != `Tên "có" ngoặc` {
			t.Errorf("%s: credits %+v", name, got.Credits)
		}
		if len(got.Photos) == 0 || got.Photos[len(got.Photos)-1].File != `photos\moi.jpg` {
			t.Errorf("%s: photos %+v", name, got.Photos)
		}
		// The new credit follows the last credit, before what came after it.
		if i, j := strings.LastIndex(plain, "role = \"Thử\""), strings.Index(plain, "[[chapters]]"); i < 0 || (strings.Index(in, "[[credits]]") < strings.Index(in, "[[chapters]]") && i > j) {
			t.Errorf("%s: the new credit is not after the last credit", name)
		}

		// The same set and a key already there change nothing; entries are
		// found by any key.
		again := EditManifest([]byte(out))
		if ch, _ := again.SetEntryKey("chapters", first, "captions", "audio/moi.vtt"); ch || again.SetKey("timeline", "scale", "human") || again.Changed() || string(again.Bytes()) != out {
			t.Errorf("%s: setting the same values again changed the file", name)
		}
		if !again.HasEntry("credits", "role", "Thử") || !again.HasEntry("photos", "file", `photos\moi.jpg`) || again.HasEntry("credits", "role", "Khác") {
			t.Errorf("%s: HasEntry does not find what was added", name)
		}
		if !again.HasTable("timeline") || again.HasTable("chapters") {
			t.Errorf("%s: HasTable", name)
		}
	}
}

// A file with no [timeline] gets one at the end; an empty file becomes a
// valid one; nothing edited gives back the very bytes.
func TestManifestEditNewTables(t *testing.T) {
	e := EditManifest([]byte("format = 1 # no final line ending"))
	e.SetKey("timeline", "file", "timeline.toml")
	if got, want := string(e.Bytes()), "format = 1 # no final line ending\n\n[timeline]\nfile = \"timeline.toml\"\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	e = EditManifest(nil)
	e.AppendEntry("photos", [2]string{"id", "a"})
	if got := string(e.Bytes()); got != "\n[[photos]]\nid = \"a\"\n" {
		t.Errorf("empty file became %q", got)
	}
	in := []byte("a = 1\r\n[timeline]\r\n")
	if e := EditManifest(in); e.Changed() || &e.Bytes()[0] != &in[0] {
		t.Errorf("an unedited file is not given back as it was")
	}
}
