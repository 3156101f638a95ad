package exhibit

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
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

// cp1258 writes s the way Windows does in code page 1258: letters with a
// circumflex, breve or horn are precomposed, tone marks follow as
// combining characters.
func cp1258(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	var tones []rune
	base := []rune{}
	flush := func() {
		b.WriteString(norm.NFC.String(string(base)))
		b.WriteString(string(tones))
		base, tones = base[:0], nil
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 0x300 || r == 0x301 || r == 0x303 || r == 0x309 || r == 0x323:
			tones = append(tones, r)
		case unicode.Is(unicode.Mn, r):
			base = append(base, r)
		default:
			flush()
			base = append(base, r)
		}
	}
	flush()
	out, err := charmap.Windows1258.NewEncoder().String(b.String())
	if err != nil {
		t.Fatalf("encode %q in code page 1258: %v", s, err)
	}
	return out
}

// explorerZip makes a zip the way Windows Explorer's "Send to → Compressed
// folder" does: one top folder, names in a code page without the UTF-8
// flag, folder entries included.
func explorerZip(t *testing.T, top string, files map[string][]byte, encode func(string) string, sep string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := []string{}
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		h := &zip.FileHeader{Name: encode(strings.ReplaceAll(top+"/"+n, "/", sep)), Method: zip.Deflate, NonUTF8: true}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExplorerZip opens zips whose names are in code page 1258 or 437,
// or separated by backslashes, under one top folder.
func TestExplorerZip(t *testing.T) {
	valid := readTree(t, "testdata/valid")
	files := map[string][]byte{}
	for n, b := range valid {
		files[n] = b
	}
	files["chương/thành-tựu.md"] = []byte("# Thành tựu\n\nMột đoạn.\n")
	files["ảnh/bản-đồ.png"] = valid["photos/ban-do.png"]
	files[ManifestName] = []byte(strings.Replace(string(valid[ManifestName]), `file = "photos/ban-do.png"`, `file = "ảnh/bản-đồ.png"`, 1) + `
[[chapters]]
id = "thanh-tuu"
file = "chương\thành-tựu.md"
`)
	enc437 := func(s string) string {
		out, err := charmap.CodePage437.NewEncoder().String(s)
		if err != nil {
			t.Fatalf("encode %q: %v", s, err)
		}
		return out
	}
	ascii := func(s string) string { return s }
	vi := map[string][]byte{}
	for n, b := range files {
		if strings.ContainsAny(n, "ươảựđ") {
			continue
		}
		vi[n] = b
	}
	vi[ManifestName] = valid[ManifestName]
	for _, tt := range []struct {
		name     string
		zip      []byte
		chapters int
		photo    string
	}{
		{"cp1258", explorerZip(t, "Triển lãm Chí Kiên", files, func(s string) string { return cp1258(t, s) }, "/"), 3, "ảnh/bản-đồ.png"},
		{"cp437", explorerZip(t, "Exposition", withManifest(files, valid), enc437, "/"), 3, "photos/ban-do.png"},
		{"backslashes", explorerZip(t, "pack", vi, ascii, `\`), 2, "photos/ban-do.png"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "pack.zip")
			if err := os.WriteFile(p, tt.zip, 0o644); err != nil {
				t.Fatal(err)
			}
			pack, probs, pfs, err := LoadPath(p)
			if err != nil {
				t.Fatalf("LoadPath: %v (%v)", err, probs)
			}
			defer pfs.Close()
			for _, pr := range probs {
				t.Errorf("problem: %s", pr)
			}
			if len(pack.Chapters) != tt.chapters {
				t.Errorf("%d chapters, want %d", len(pack.Chapters), tt.chapters)
			}
			if len(pack.Photos) != 1 || pack.Photos[0].File != tt.photo {
				t.Errorf("photos %+v, want %s", pack.Photos, tt.photo)
			}
		})
	}
}

// withManifest returns the valid pack with a chapter "Café/résumé.md",
// whose name code page 437 can write.
func withManifest(files, valid map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for n, b := range files {
		if strings.ContainsAny(n, "ươảựđ") {
			continue
		}
		out[n] = b
	}
	out["Café/résumé.md"] = []byte("# Résumé\n\nMột đoạn.\n")
	out[ManifestName] = []byte(string(valid[ManifestName]) + `
[[chapters]]
id = "resume"
file = "Café/résumé.md"
`)
	return out
}

// TestOtherArchives checks that archives of other kinds renamed .zip are
// named for what they are, not called truncated.
func TestOtherArchives(t *testing.T) {
	tar := make([]byte, 1024)
	copy(tar, "pack.toml")
	copy(tar[257:], "ustar\x0000")
	for kind, head := range map[string][]byte{
		"7-Zip": []byte("7z\xbc\xaf\x27\x1c\x00\x04rest of the archive"),
		"RAR":   []byte("Rar!\x1a\x07\x01\x00rest"),
		"gzip":  []byte("\x1f\x8b\x08\x00rest"),
		"tar":   tar,
	} {
		p := filepath.Join(t.TempDir(), "pack.zip")
		if err := os.WriteFile(p, head, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(p)
		var nz *NotZipError
		if !errors.As(err, &nz) || nz.Kind != kind {
			t.Errorf("%s: Open error %v, want NotZipError{%s}", kind, err, kind)
		}
		if err != nil && strings.Contains(err.Error(), "truncated") {
			t.Errorf("%s: %v", kind, err)
		}
	}
}

// TestMissingChapterOneProblem removes the file of a chapter that timeline
// events link to: one problem, for the chapter, not one per link.
func TestMissingChapterOneProblem(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, f := range readTree(t, "testdata/valid") {
		fsys[name] = &fstest.MapFile{Data: f}
	}
	links := 0
	for _, ev := range mustLoad(t, fsys).Timeline.Events {
		if ev.Chapter == "hoan-canh" {
			links++
		}
	}
	if links == 0 {
		t.Fatal("the valid pack's timeline has no link to chapter hoan-canh; the test needs one")
	}
	delete(fsys, "chapters/01-hoan-canh.md")
	_, probs, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 1 || probs[0].Kind != "file-not-found" {
		t.Errorf("want one file-not-found problem, got %v", probs)
	}
}

func mustLoad(t *testing.T, fsys fstest.MapFS) *Pack {
	t.Helper()
	p, probs, err := Load(fsys)
	if err != nil || len(probs) > 0 {
		t.Fatalf("Load: %v %v", err, probs)
	}
	return p
}

// TestOpenErrorText checks that why a pack cannot be opened is said in
// the dialog's language.
func TestOpenErrorText(t *testing.T) {
	for file, want := range map[string]string{
		"truncated.zip": "tệp zip bị cắt cụt hoặc hỏng",
		"no-such.zip":   "không tìm thấy",
	} {
		_, probs, _, err := LoadPath(filepath.Join("testdata", "zips", file))
		if got := OpenErrorText(err, probs, "vi"); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", file, got, want)
		}
	}
	_, probs, _, err := LoadPath(filepath.Join("testdata", "bad-toml"))
	if got := OpenErrorText(err, probs, "vi"); !strings.Contains(got, "thiếu dấu ngoặc kép đóng ở dòng 4") {
		t.Errorf("bad-toml: %q", got)
	}
	p := filepath.Join(t.TempDir(), "pack.zip")
	os.WriteFile(p, []byte("Rar!\x1a\x07\x01\x00rest"), 0o644)
	_, probs, _, err = LoadPath(p)
	if got := OpenErrorText(err, probs, "vi"); !strings.Contains(got, "đây là tệp nén RAR") {
		t.Errorf("rar: %q", got)
	}
}
