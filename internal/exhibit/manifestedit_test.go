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
