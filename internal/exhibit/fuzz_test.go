package exhibit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// The fuzz targets of the readers of staff files. `make test` runs each
// for a few seconds and `make fuzz` for longer (scripts/fuzz.sh); the seeds
// are the real broken files of testdata. FuzzLoadManifest (load_test.go)
// and FuzzParseTimelineJS (timelinejs_test.go) cover pack.toml and
// TimelineJS JSON.

// FuzzOpenZip opens arbitrary bytes as a zip pack and loads it: never a
// panic, and whatever opens stays inside the pack.
func FuzzOpenZip(f *testing.F) {
	zips, _ := filepath.Glob("testdata/zips/*.zip")
	for _, p := range zips {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("7z\xbc\xaf\x27\x1c\x00\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "p.zip")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		pack, _, pfs, err := LoadPath(p)
		if err != nil {
			return
		}
		defer pfs.Close()
		if pack == nil {
			t.Fatal("nil pack without error")
		}
		for _, c := range pack.Chapters {
			if !isLocal(c.File) {
				t.Fatalf("chapter file %q outside the pack", c.File)
			}
		}
	})
}

// isLocal reports whether a pack path stays inside the pack.
func isLocal(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && p != ".." && !strings.HasPrefix(p, "../")
}

// FuzzChapter parses arbitrary Markdown chapters, with front matter.
func FuzzChapter(f *testing.F) {
	for _, dir := range []string{"testdata/valid/chapters", "testdata/bad-utf8/chapters", "testdata/broken-links/chapters", "testdata/bad-toml/chapters"} {
		files, _ := filepath.Glob(dir + "/*.md")
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("+++\ntitle = \"a\n+++\n# x"))
	f.Add([]byte("---\n---\n> - 1. *a*\n\n    code\n\n| a |\n|---|\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l := &loader{fsys: fstest.MapFS{}, pack: &Pack{}}
		ch := &Chapter{ID: "c", File: "c.md"}
		if _, ok := l.parseChapter(ch, b); ok {
			for _, bl := range ch.Blocks {
				_ = bl.Text()
			}
		}
		for _, p := range l.probs {
			if p.Kind == "" {
				t.Fatalf("problem without Kind: %#v", p)
			}
		}
	})
}

// FuzzTimelineTOML reads arbitrary timeline.toml files.
func FuzzTimelineTOML(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/timeline.toml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("[[events]]\nid = \"a\"\nstart = \"1943-02-30T25:61\"\nend = \"-99999999999\"\nmedia = { url = \"C:\\\\x\" }\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fsys := fstest.MapFS{
			ManifestName:    {Data: []byte("format = 1\nid = \"t\"\ntitle = \"t\"\n[[chapters]]\nid = \"a\"\nfile = \"a.md\"\n[timeline]\nfile = \"timeline.toml\"\n")},
			"a.md":          {Data: []byte("# A\n\ntext\n")},
			"timeline.toml": {Data: b},
		}
		pack, _, err := Load(fsys)
		if err != nil || pack == nil {
			t.Fatalf("the manifest is fine, yet: %v", err)
		}
		for _, ev := range pack.Timeline.Events {
			if ev.End != nil && before(*ev.End, ev.Start) {
				t.Fatalf("event %q ends before it starts", ev.ID)
			}
		}
	})
}
