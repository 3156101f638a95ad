package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trienlam/internal/exhibit"
)

func TestUpdateManifest(t *testing.T) {
	in := `# comment
format = 1
id = "x"
title = "X"
notes = [
  "[[chapters]] inside a string",
]
long = """
[[chapters]]
id = "a"
"""

[[credits]]
role = "Văn bản"
name = "Ai đó"

[[chapters]]
id = "a"
file = "chapters/a.md"
# a comment inside the table

[[chapters]]
file = "chapters/b.md"
id = "b"
narration = "old.ogg"

[[chapters]]
id = "c"
file = "chapters/c.md"

[timeline]
file = "timeline.toml"
`
	// The credit goes after the last credit, narration and captions after
	// each chapter's last key; nothing else moves.
	want := strings.NewReplacer(`name = "Ai đó"
`, `name = "Ai đó"

[[credits]]
role = "Giọng đọc tổng hợp (espeak-ng)"
name = "`+CreditName+`"
`, `file = "chapters/a.md"
`, `file = "chapters/a.md"
narration = "audio/01-a.ogg"
captions = "audio/01-a.vtt"
`, `narration = "old.ogg"
`, `narration = "audio/02-b.ogg"
captions = "audio/02-b.vtt"
`).Replace(in)
	name := filepath.Join(t.TempDir(), "pack.toml")
	os.WriteFile(name, []byte(in), 0o644)
	tracks := []track{{"a", "audio/01-a.ogg", "audio/01-a.vtt"}, {"b", "audio/02-b.ogg", "audio/02-b.vtt"}}
	if err := updateManifest(name, tracks); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(name)
	if string(got) != want {
		t.Errorf("pack.toml became\n%s\nwant\n%s", got, want)
	}
	// A second run changes nothing.
	if err := updateManifest(name, tracks); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(name); !bytes.Equal(again, got) {
		t.Errorf("second run changed pack.toml:\n%s", again)
	}

	// Windows line endings are kept; with no credits, the credit goes at
	// the end.
	crlf := strings.ReplaceAll("format = 1\nid = \"y\"\n\n[[chapters]]\nid = \"a\"\nfile = \"a.md\"\n", "\n", "\r\n")
	os.WriteFile(name, []byte(crlf), 0o644)
	if err := updateManifest(name, tracks[:1]); err != nil {
		t.Fatal(err)
	}
	got, _ = os.ReadFile(name)
	wantCRLF := strings.ReplaceAll("format = 1\nid = \"y\"\n\n[[chapters]]\nid = \"a\"\nfile = \"a.md\"\nnarration = \"audio/01-a.ogg\"\ncaptions = \"audio/01-a.vtt\"\n\n[[credits]]\nrole = \"Giọng đọc tổng hợp (espeak-ng)\"\nname = \""+CreditName+"\"\n", "\n", "\r\n")
	if string(got) != wantCRLF {
		t.Errorf("CRLF pack.toml became\n%q\nwant\n%q", got, wantCRLF)
	}
}

func TestWAVRoundTrip(t *testing.T) {
	in := []float64{0, 0.5, -0.5, 1, -1, 0.25}
	name := filepath.Join(t.TempDir(), "x.wav")
	if err := writeWAV(name, in); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(name)
	defer f.Close()
	out, sr, err := readWAV(f)
	if err != nil || sr != rate || len(out) != len(in) {
		t.Fatalf("readWAV: %d samples at %d Hz, %v", len(out), sr, err)
	}
	for i := range in {
		if d := out[i] - in[i]; d > 1.0/16384 || d < -1.0/16384 {
			t.Errorf("sample %d: %v, want %v", i, out[i], in[i])
		}
	}
}

func TestTrimAndNormalise(t *testing.T) {
	s := make([]float64, rate) // one second
	for i := rate / 2; i < rate/2+100; i++ {
		s[i] = 0.5
	}
	got := trim(s)
	if want := 100 + 2*20*rate/1000; len(got) != want {
		t.Errorf("trim kept %d samples, want %d", len(got), want)
	}
	if trim(make([]float64, 10)) != nil {
		t.Error("trim of silence is not empty")
	}
	normalise(got, -6)
	peak := 0.0
	for _, v := range got {
		peak = max(peak, v)
	}
	if peak < 0.50 || peak > 0.502 {
		t.Errorf("peak after normalise(-6 dB) = %v", peak)
	}
}

func TestChapterSentences(t *testing.T) {
	ch := &exhibit.Chapter{Masthead: 1, Blocks: []exhibit.Block{
		{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "ĐỀ CƯƠNG TUYÊN TRUYỀN", Strong: true}}},
		{Kind: exhibit.Heading, Spans: []exhibit.Span{{Text: "I. MỘT"}}},
		{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "Câu một. Câu "}, {Text: "hai.", Strong: true}}},
		{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "..."}}},
		{Kind: exhibit.Paragraph, Spans: []exhibit.Span{{Text: "Hết."}}},
	}}
	got := chapterSentences(ch)
	want := []struct {
		block, start, end, pause int
		text                     string
	}{
		// The masthead (block 0) is not read.
		{1, 0, 8, headingPause, "I. MỘT"},
		{2, 0, 11, sentencePause, "Câu một."},
		{2, 12, 21, blockPause, "Câu hai."},
		{4, 0, 6, tailOut, "Hết."}, // the block "..." has nothing to say
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.Block != w.block || g.From != w.start || g.To != w.end || g.pause != w.pause || g.Text != w.text {
			t.Errorf("sentence %d = %+v, want %+v", i, g, w)
		}
	}
}
