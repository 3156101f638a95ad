package studio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
)

// A recording attached to a chapter is copied into audio/ under the
// chapter's id and named in its entry; a second save leaves captions
// another tool named there; detaching takes both keys away.
func TestAttachNarration(t *testing.T) {
	dir := newExhibit(t, library.Blank)
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.AttachNarration(dir, 0, filepath.Join("..", "..", "audio", "testdata", "corrupt.txt")); err == nil {
		t.Error("a text file attached as a recording")
	}
	if err := d.AttachNarration(dir, 0, filepath.Join("..", "..", "audio", "testdata", "tone10s.ogg")); err != nil {
		t.Fatal(err)
	}
	if d.Chapters[0].Narration != "audio/chuong-1.ogg" || d.Chapters[0].Captions != "" {
		t.Fatalf("narration %q", d.Chapters[0].Narration)
	}
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	if pack.Chapters[0].Narration != "audio/chuong-1.ogg" {
		t.Errorf("loaded narration %q", pack.Chapters[0].Narration)
	}
	// The caption timer names its captions in pack.toml; the editor's
	// next save keeps them, and ReadNarration brings them into the draft.
	manifest, _ := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	edited, _, err := exhibit.SetChapterKey(manifest, "chuong-1", "captions", "audio/chuong-1.vtt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, exhibit.ManifestName), edited, 0o644)
	d.Chapters[0].Title = "Mở đầu"
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if !strings.Contains(string(after), `captions = "audio/chuong-1.vtt"`) {
		t.Errorf("the timer's captions were dropped:\n%s", after)
	}
	d.ReadNarration(dir)
	if d.Chapters[0].Captions != "audio/chuong-1.vtt" {
		t.Errorf("captions in the draft %q", d.Chapters[0].Captions)
	}
	// A second recording for the same chapter is a new file; one that
	// comes with captions beside it brings them.
	if err := d.AttachNarration(dir, 0, filepath.Join("..", "..", "audio", "testdata", "sine3s.wav")); err != nil {
		t.Fatal(err)
	}
	if d.Chapters[0].Narration != "audio/chuong-1-2.wav" || d.Chapters[0].Captions != "audio/chuong-1-2.vtt" {
		t.Errorf("second recording %q %q", d.Chapters[0].Narration, d.Chapters[0].Captions)
	}
	d.DetachNarration(0)
	if _, err := Save(dir, d); err != nil {
		t.Fatal(err)
	}
	after, _ = os.ReadFile(filepath.Join(dir, exhibit.ManifestName))
	if strings.Contains(string(after), "narration =") || strings.Contains(string(after), "captions =") {
		t.Errorf("detached narration still named:\n%s", after)
	}
	if _, err := os.Stat(filepath.Join(dir, "audio", "chuong-1.ogg")); err != nil {
		t.Errorf("the recording's file went: %v", err)
	}
}
