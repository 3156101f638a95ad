package exhibit

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestWindowsBackslashPaths loads a pack whose pack.toml was written with
// paths copied from Windows Explorer, in double quotes, where TOML would
// read "\t" as a tab, "\b" as a backspace and refuse "\0" and "\u" whole.
func TestWindowsBackslashPaths(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, f := range readTree(t, "testdata/valid") {
		fsys[name] = &fstest.MapFile{Data: f}
	}
	fsys["chapters/thanh-tuu.md"] = &fstest.MapFile{Data: []byte("# Thành tựu\n\nMột đoạn.\n")}
	fsys["chapters/bai-hoc.md"] = &fstest.MapFile{Data: []byte("# Bài học\n\nMột đoạn.\n")}
	fsys["chapters/uoc-mo.md"] = &fstest.MapFile{Data: []byte("# Ước mơ\n\nMột đoạn.\n")}
	fsys["chapters/sub/x.md"] = &fstest.MapFile{Data: []byte("# X\n\nMột đoạn.\n")}
	manifest := `format = 1
id = "windows"
title = "Từ Windows"

[[chapters]]
id = "hoan-canh"
file = "chapters\01-hoan-canh.md"
narration = "audio\01.wav"
captions = "audio\01.vtt"

[[chapters]]
id = "thanh-tuu"
file = "chapters\thanh-tuu.md"

[[chapters]]
id = "bai-hoc"
file = "chapters\bai-hoc.md" # a comment with a \ in it

[[chapters]]
id = "uoc-mo"
file = "chapters\uoc-mo.md"

[[chapters]]
id = "x"
file = "chapters\\sub\\x.md"

[[photos]]
id = "ban-do"
file = 'photos\ban-do.png'
`
	fsys[ManifestName] = &fstest.MapFile{Data: []byte(manifest)}
	pack, probs, err := Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v (problems %v)", err, probs)
	}
	for _, p := range probs {
		t.Errorf("problem: %s", p)
	}
	var files []string
	for _, c := range pack.Chapters {
		files = append(files, c.File)
	}
	want := "chapters/01-hoan-canh.md chapters/thanh-tuu.md chapters/bai-hoc.md chapters/uoc-mo.md chapters/sub/x.md"
	if got := strings.Join(files, " "); got != want {
		t.Errorf("chapter files:\n got %s\nwant %s", got, want)
	}
	if c := pack.Chapter("hoan-canh"); c == nil || c.Narration != "audio/01.wav" || c.Captions != "audio/01.vtt" {
		t.Errorf("narration and captions not read: %+v", c)
	}
	if len(pack.Photos) != 1 || pack.Photos[0].File != "photos/ban-do.png" {
		t.Errorf("photo not read: %+v", pack.Photos)
	}
}

// TestWindowsPathsLeavesOtherText checks that only path values change: a
// title may hold a real escape, and a backslash before the closing quote
// is left for the parser.
func TestWindowsPathsLeavesOtherText(t *testing.T) {
	for in, want := range map[string]string{
		`title = "A\tB"`:            `title = "A\tB"`,
		`file = "a\b.md"`:           `file = "a/b.md"`,
		`  file="a\\b\c.md"  # x\y`: `  file="a/b/c.md"  # x\y`,
		`media = { url = "p\a.jpg", caption = "\u00e1" }`: `media = { url = "p/a.jpg", caption = "\u00e1" }`,
		`file = """a\b"""`: `file = """a\b"""`,
		`file = "a\"`:      `file = "a\"`,
	} {
		if got := windowsPaths(in); got != want {
			t.Errorf("windowsPaths(%s) = %s, want %s", in, got, want)
		}
	}
}
