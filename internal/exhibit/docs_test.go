package exhibit

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocExample builds the complete example of docs/pack-format.md from
// the document itself and loads it, so the example staff copy always works.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "pack-format.md"))
	if err != nil {
		t.Skip("docs/pack-format.md not found:", err)
	}
	_, example, ok := strings.Cut(string(doc), "## 12. A complete example to copy")
	if !ok {
		t.Fatal("section 12 not found")
	}
	// Each file is a "### `path`" heading followed by a fenced block.
	re := regexp.MustCompile("(?s)### `([^`]+)`\\s*\n```[a-z]*\n(.*?)\n```")
	dir := t.TempDir()
	files := 0
	for _, m := range re.FindAllStringSubmatch(example, -1) {
		p := filepath.Join(dir, filepath.FromSlash(m[1]))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(m[2]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files++
	}
	if files != 6 {
		t.Fatalf("found %d example files, want 6", files)
	}
	// The files the example asks the reader to add.
	os.MkdirAll(filepath.Join(dir, "photos"), 0o755)
	os.WriteFile(filepath.Join(dir, "photos", "ban-do.png"), tinyPNG(t, 4, 3), 0o644)
	os.WriteFile(filepath.Join(dir, "audio", "01.ogg"), []byte("OggS"), 0o644)

	pack, probs, pfs, err := LoadPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	if len(probs) > 0 {
		t.Errorf("the documented example has problems:\n%s", strings.Join(problemStrings(probs), "\n"))
	}
	if got, want := pack.Counts().String(), "2 chapters, 3 timeline events, 2 eras, 1 photos, 1 audio tracks"; got != want {
		t.Errorf("counts = %q, want %q", got, want)
	}
	if ev := pack.Timeline.Events[0]; ev.ID != "phong-trao-1943" || ev.Start.Precision != PrecisionSeason {
		t.Errorf("first event = %+v", ev)
	}
}
