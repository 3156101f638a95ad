package exhibit

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
)

// testdataProblems loads every pack in testdata, folders and zips, and
// returns their problems by pack name.
func testdataProblems(t *testing.T) map[string][]Problem {
	t.Helper()
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	zips, err := filepath.Glob("testdata/zips/*.zip")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]Problem{}
	for _, p := range append(dirs, zips...) {
		if filepath.Base(p) == "zips" {
			continue
		}
		_, probs, pfs, _ := LoadPath(p)
		if pfs != nil {
			pfs.Close()
		}
		out[p] = probs
	}
	if len(out) < 10 {
		t.Fatalf("found only %d test packs; has testdata moved?", len(out))
	}
	return out
}

// errFS is a pack whose files named in errs fail to open with that error.
// It has only Open, so fs.ReadFile and fs.Stat go through it.
type errFS struct {
	files fstest.MapFS
	errs  map[string]error
}

func (e errFS) Open(name string) (fs.File, error) {
	if err, ok := e.errs[name]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return e.files.Open(name)
}

// hugePNG is a PNG header claiming 10000×10000 pixels: enough for
// image.DecodeConfig, which reads no further.
func hugePNG(t *testing.T) []byte {
	b := tinyPNG(t, 1, 1)
	// signature (8), IHDR length (4), "IHDR" (4), width, height, …, CRC at 29.
	binary.BigEndian.PutUint32(b[16:], 10000)
	binary.BigEndian.PutUint32(b[20:], 10000)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// kindPacks are made-up packs that, with testdata, make every Kind of
// problem at least once.
func kindPacks(t *testing.T) map[string]fs.FS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	sink := fstest.MapFS{
		ManifestName: file(`format = 1
id = ""
title = 5
language = "not a tag!"
cover = "a.md"
notes = 5
credits = 5

[source]
original = " "

[[chapters]]
id = "a"
file = "a.md"
narration = "../x.ogg"
captions = "/x.vtt"
photos = ["p", 3, "big@x", "big@9"]

[[chapters]]
id = "b"
file = "b.md"

[[chapters]]
id = "c"
file = "c.md"

[[chapters]]
id = "d"
file = "d.md"

[[chapters]]
id = "e"
file = "e.md"

[[chapters]]
file = "a.md"

[[photos]]
id = "big"
file = "big.png"

[timeline]
file = "t.toml"
`),
		"a.md":    file("# A\n\ntext\n"),
		"b.md":    file("+++\ntitle = \"B\"\n"),
		"c.md":    file(""),
		"big.png": &fstest.MapFile{Data: hugePNG(t)},
		"t.toml": file(`title = "t"
[[eras]]
headline = "E"
start = "1945"
end = "1944"
[[eras]]
start = 1.5
[[events]]
id = "e1"
headline = "h"
start = ""
[[events]]
id = "e2"
headline = "h"
start = "99999999999999999999"
[[events]]
id = "e3"
headline = "h"
start = "1943T10:00"
[[events]]
id = "e4"
headline = "h"
start = "1943-01-01T25:00"
[[events]]
id = "e5"
headline = "h"
start = "abc"
[[events]]
id = "e6"
headline = "h"
start = "1943"
precision = "day"
block = 1
media = { url = "ftp://x" }
[[events]]
id = "e7"
headline = "h"
start = "1943"
precision = "week"
media = { caption = "x" }
[[events]]
id = "e8"
headline = "h"
start = "1943"
media = 5
`),
	}
	return map[string]fs.FS{
		"sink":              errFS{sink, map[string]error{"d.md": ErrOutsidePack, "e.md": errors.New("disk on fire")}},
		"no manifest":       fstest.MapFS{},
		"format missing":    fstest.MapFS{ManifestName: file(`title = "x"`)},
		"format 2":          fstest.MapFS{ManifestName: file("format = 2")},
		"format text":       fstest.MapFS{ManifestName: file(`format = "1"`)},
		"manifest not utf8": fstest.MapFS{ManifestName: file("format = 1\n# \xff\n")},
		"manifest unreadable": errFS{fstest.MapFS{ManifestName: file("format = 1")},
			map[string]error{ManifestName: errors.New("disk on fire")}},
		"too large": fstest.MapFS{
			ManifestName: file("format = 1\nid = \"s\"\ntitle = \"s\"\n[[chapters]]\nid = \"big\"\nfile = \"big.md\"\n"),
			"big.md":     &fstest.MapFile{Data: bytes.Repeat([]byte("# A\n"), MaxTextSize/4+1)},
		},
		"heic photo": fstest.MapFS{
			ManifestName:   file("format = 1\nid = \"s\"\ntitle = \"s\"\n[[photos]]\nid = \"p\"\nfile = \"IMG_0001.jpg\"\n"),
			"IMG_0001.jpg": file("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"),
		},
		"utf16 captions": fstest.MapFS{
			ManifestName: file("format = 1\nid = \"s\"\ntitle = \"s\"\n[[chapters]]\nid = \"a\"\nfile = \"a.md\"\ncaptions = \"a.vtt\"\n"),
			"a.md":       file("# A\n\ntext\n"),
			"a.vtt":      file("\xff\xfeW\x00E\x00B\x00V\x00T\x00T\x00"),
		},
		"small": fstest.MapFS{
			ManifestName: file("format = 1\nid = \"s\"\ntitle = \"s\"\ncredits = [1]\n[source]\noriginal = \"o.txt\"\n"),
			"o.txt":      file("caf\xe9\n"),
		},
	}
}

// allProblems returns the problems of the test packs and of kindPacks.
func allProblems(t *testing.T) map[string][]Problem {
	all := testdataProblems(t)
	for name, fsys := range kindPacks(t) {
		_, probs, _ := Load(fsys)
		all[name] = probs
	}
	// Problems the app makes while it runs, not the loader.
	all["unopened packs"] = unopenedPacks(t)
	all["while running"] = []Problem{
		UnplayableNarration("audio/chuong-1.m4a", NewProblem("audio/chuong-1.m4a", 0, "recording-unreadable", kv{"file": "audio/chuong-1.m4a", "error": "no audio device"})),
		MissingStartExhibit("trien-lam-2024"),
	}
	for name, probs := range sheetProblems(t) {
		all[name] = probs
	}
	return all
}

// The list of kinds is the one place a problem's words live: each kind is
// listed once, in order, with both templates written and parsing.
func TestProblemKindsList(t *testing.T) {
	if len(ProblemKinds) < 30 {
		t.Fatalf("only %d problem kinds listed", len(ProblemKinds))
	}
	for i, k := range ProblemKinds {
		if i > 0 && ProblemKinds[i-1].Kind >= k.Kind {
			t.Errorf("ProblemKinds not sorted or duplicated at %q after %q", k.Kind, ProblemKinds[i-1].Kind)
		}
		if k.Kind == "" || strings.TrimSpace(k.En) == "" || strings.TrimSpace(k.Vi) == "" || k.En == k.Vi {
			t.Errorf("kind %q: needs a code, an English and a different Vietnamese template: %+v", k.Kind, k)
		}
		for _, src := range []string{k.En, k.Vi} {
			if _, err := template.New(k.Kind).Parse(src); err != nil {
				t.Errorf("kind %q: %v", k.Kind, err)
			}
		}
	}
}

// Every problem the loader reports has a listed Kind, so both the command
// line and the app can say it, and every listed kind is made by some test
// pack, so its Args are checked below.
func TestEveryProblemHasKind(t *testing.T) {
	seen := map[string]bool{}
	for name, probs := range allProblems(t) {
		for _, p := range probs {
			if _, ok := kindIndex[p.Kind]; !ok || p.Args == nil || p.Message == "" {
				t.Errorf("%s: problem without a listed Kind, Args or Message: %#v", name, p)
			}
			seen[p.Kind] = true
		}
	}
	// Never reached from a pack: image decoders refuse zero sizes and the
	// Markdown parser has never panicked; kept as a safety net.
	unreachable := map[string]bool{"photo-empty": true, "markdown-unreadable": true, "unexpected": true,
		// Notes of import-timeline, not problems of a pack: see TestTimelineJSNotes.
		"timelinejs-embed-offline": true, "timelinejs-fields-dropped": true}
	// Made by the checks of recordings and captions (packages audio and
	// audio/captions, whose tests check their Args) and the clip player
	// (audio/media.Explain), and pictures refused for the memory they
	// would take (photos.Problem), not by the loader.
	for _, k := range ProblemKinds {
		if strings.HasPrefix(k.Kind, "recording-") || strings.HasPrefix(k.Kind, "clip-play-") || k.Kind == "photo-needs-memory" || (strings.HasPrefix(k.Kind, "captions-") && k.Kind != "captions-not-webvtt" && k.Kind != "captions-utf16") {
			unreachable[k.Kind] = true
		}
	}
	var missing []string
	for _, k := range ProblemKinds {
		if !seen[k.Kind] && !unreachable[k.Kind] {
			missing = append(missing, k.Kind)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("no test pack makes these kinds of problem: %v", missing)
	}
}

// Both templates of a kind are filled from Args: every placeholder must
// have a value for every problem made, and the English one is what the
// command line prints.
func TestProblemTemplatesMatchArgs(t *testing.T) {
	for name, probs := range allProblems(t) {
		for _, p := range probs {
			k, ok := kindIndex[p.Kind]
			if !ok {
				continue // reported above
			}
			for _, language := range []string{"vi", "en"} {
				got, err := k.Render(language, p.Args)
				if err != nil {
					t.Errorf("%s: %s template with args %v: %v", name, language, p.Args, err)
				} else if got != p.Text(language) {
					t.Errorf("%s: Text(%s) = %q, want %q", name, language, p.Text(language), got)
				}
			}
			if en := p.Text("en"); p.Message != en || !strings.HasSuffix(p.String(), en) {
				t.Errorf("%s: Message %q and String %q differ from the English template %q", name, p.Message, p.String(), en)
			}
		}
	}
}

// unopenedPacks returns UnopenedPack's problems for a missing pack and for
// a zip that is not one.
func unopenedPacks(t *testing.T) []Problem {
	t.Helper()
	var out []Problem
	for _, path := range []string{filepath.Join(t.TempDir(), "khong-co"), filepath.Join(t.TempDir(), "hong.zip")} {
		if strings.HasSuffix(path, ".zip") {
			if err := os.WriteFile(path, []byte("not a zip"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, _, _, err := LoadPath(path)
		if err == nil {
			t.Fatalf("LoadPath(%s) opened it", path)
		}
		out = append(out, UnopenedPack(path, err))
	}
	return out
}

func TestUnopenedPack(t *testing.T) {
	probs := unopenedPacks(t)
	if probs[0].Kind != "pack-missing" || probs[1].Kind != "pack-unreadable" {
		t.Fatalf("kinds %q, %q; want pack-missing, pack-unreadable", probs[0].Kind, probs[1].Kind)
	}
	for _, p := range probs {
		if p.File == "" || p.Args["file"] != p.File || !strings.Contains(p.Message, "built-in exhibit") ||
			!strings.Contains(p.Text("vi"), "triển lãm có sẵn") {
			t.Errorf("problem %#v does not name the pack and what is shown instead", p)
		}
	}
	if probs[1].Args["error"] == "" {
		t.Errorf("pack-unreadable without the error: %#v", probs[1])
	}
}
