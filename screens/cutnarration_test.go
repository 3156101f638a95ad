package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"trienlam/audio"
)

// A narration cut off by an interrupted copy plays the sound before the
// cut, then ends as a whole one does (Ended, not Failed), while the reader
// says what is wrong with the file and staff find it in the problems list.
func TestCutNarrationPlaysToTheCut(t *testing.T) {
	e, clock, _ := folderExhibit(t, func(dir string) {
		f := filepath.Join(dir, "audio", "02-chang-duong.ogg")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data[:len(data)/2], 0o644); err != nil {
			t.Fatal(err)
		}
	})
	e.openChapter(1, -1, nil)
	r := e.reader
	key(e, fyne.KeyP)
	waitState(t, e, audio.Playing)
	run(posted[e]) // the load's callbacks
	p := e.narrator().player
	if d := p.Duration(); d < 10*time.Second {
		t.Fatalf("the part before the cut lasts %s", d)
	}
	if !r.player.notice.Visible() || !strings.Contains(r.player.notice.Text, "audio/02-chang-duong.ogg") || !strings.Contains(r.player.notice.Text, "cắt cụt") {
		t.Errorf("notice (visible %v): %q; it should name the file and say it is cut", r.player.notice.Visible(), r.player.notice.Text)
	}
	found := false
	for _, pr := range e.problems {
		if strings.HasPrefix(pr.Kind, "recording-truncated") && pr.File == "audio/02-chang-duong.ogg" {
			found = true
		}
	}
	if !found {
		t.Errorf("the problems list has no note for staff: %v", e.problems)
	}
	p.Seek(p.Duration() - time.Second)
	advance(e, clock, 2*time.Second)
	waitState(t, e, audio.Ended)
	if p.Err() != nil {
		t.Errorf("Err = %v after the cut recording ended", p.Err())
	}
}
