package exhibit

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Clips load with their poster and subtitles; every broken part is
// reported with its field, and what is usable stays.
func TestLoadClips(t *testing.T) {
	pack, probs, pfs, err := LoadPath(filepath.Join("testdata", "clips"))
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	want := []string{
		`pack.toml:9: chapters[1].clips: Clip “hong” could not be loaded (see its own problem); not shown.`,
		`pack.toml:9: chapters[1].clips: Unknown clip ID “khong-co”: add it as a [[clips]] entry in pack.toml.`,
		`pack.toml:22: clips[2].poster: Poster “photos/khong-phai-anh.png” is not a readable JPEG, PNG or WebP image: image: unknown format. The clip is shown without it.`,
		`pack.toml:26: clips[3].file: Clip “clips/anh.jpg”: “.jpg” is not a video file extension; use .mp4 .webm .mkv .avi .mov .m4v.`,
		`pack.toml:30: clips[4].file: File “clips/mat.mkv” not found. Copy it into the pack or correct the path.`,
		`pack.toml:35: clips[5].subtitles: Subtitles “clips/phu-de.txt”: “.txt” files are not supported; use .vtt or .srt.`,
		`pack.toml:40: clips[6].subtitles: File “clips/khong.vtt” not found. Copy it into the pack or correct the path.`,
		`pack.toml:43: clips[7].id: Clip ID “phong-van” is used twice; this entry is left out.`,
	}
	if got := problemStrings(probs); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var ids []string
	for _, c := range pack.Clips {
		ids = append(ids, c.ID)
	}
	if want := []string{"phong-van", "tu-lieu", "phu-de-sai", "phu-de-mat"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("clips %v, want %v", ids, want)
	}
	pv := pack.Clip("phong-van")
	if *pv != (Clip{ID: "phong-van", File: "clips/phong-van.mp4", Poster: "photos/poster.png",
		Caption: "Phỏng vấn nhân chứng", Credit: "Đài Phát thanh và Truyền hình tỉnh", Subtitles: "clips/phong-van.vtt"}) {
		t.Errorf("clip phong-van = %+v", *pv)
	}
	if tl := pack.Clip("tu-lieu"); tl.Subtitles != "clips/tu-lieu.srt" || tl.Poster != "" {
		t.Errorf("clip tu-lieu = %+v", *tl)
	}
	// Broken subtitles named in pack.toml are dropped, not replaced by
	// the file beside the clip.
	if c := pack.Clip("phu-de-sai"); c.Subtitles != "" {
		t.Errorf("clip phu-de-sai keeps subtitles %q", c.Subtitles)
	}
	ch := pack.Chapter("mot")
	if !reflect.DeepEqual(ch.Clips, []string{"phong-van"}) {
		t.Errorf("chapter clips %v", ch.Clips)
	}
	// A narration only the media helper plays is no problem.
	if ch.Narration != "audio/01.m4a" {
		t.Errorf("narration %q", ch.Narration)
	}
	// A timeline event's media may be a clip file.
	ev := pack.Timeline.Events[0]
	if !ev.Media.IsVideo() || ev.Media.Subtitles != "clips/tu-lieu.srt" || ev.Media.Thumbnail != "photos/poster.png" {
		t.Errorf("event media %+v", *ev.Media)
	}
	if m := pack.Timeline.Events[1].Media; m.IsVideo() || m.Subtitles != "" {
		t.Errorf("picture media %+v", *m)
	}
	if got, want := pack.Counts().String(), "1 chapters, 2 timeline events, 0 eras, 0 photos, 1 audio tracks"; got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
}

func TestIsVideo(t *testing.T) {
	for p, want := range map[string]bool{
		"a.mp4": true, "x/B.WEBM": true, "c.mkv": true, "d.avi": true, "e.mov": true,
		"a.jpg": false, "a.m4a": false, "mp4": false, "": false,
	} {
		if IsVideoFile(p) != want {
			t.Errorf("IsVideoFile(%q) = %v", p, !want)
		}
	}
	for _, m := range []*Media{nil, {URL: "https://example.org/a.mp4"}, {URL: "HTTP://example.org/a.webm"}} {
		if m.IsVideo() {
			t.Errorf("%+v is a video", m)
		}
	}
}
