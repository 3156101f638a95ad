package main

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
)

// committed is where go generate writes the illustrations.
const committed = "../../assets/pack/illustrations"

// rendered caches renderAll's first result.
var rendered map[string]struct {
	png   []byte
	texts []string
}

// renderAll draws every illustration.
func renderAll(t *testing.T) map[string]struct {
	png   []byte
	texts []string
} {
	t.Helper()
	f, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]struct {
		png   []byte
		texts []string
	}{}
	for _, il := range illustrations {
		b, texts, err := render(f, il)
		if err != nil {
			t.Fatalf("%s: %v", il.file, err)
		}
		out[il.file] = struct {
			png   []byte
			texts []string
		}{b, texts}
	}
	return out
}

// TestDeterministicAndCommitted: drawing twice gives the same bytes, and
// the committed files are what the generator draws now (run
// `go generate ./assets` after changing it).
func TestDeterministicAndCommitted(t *testing.T) {
	a, b := renderAll(t), renderAll(t)
	rendered = a
	for name, r := range a {
		if !bytes.Equal(r.png, b[name].png) {
			t.Errorf("%s: two renders differ", name)
		}
		got, err := os.ReadFile(path.Join(committed, name))
		if err != nil {
			t.Errorf("%v (run go generate ./assets)", err)
			continue
		}
		if !bytes.Equal(got, r.png) {
			t.Errorf("%s is not what cmd/illustrate draws now: run go generate ./assets", name)
		}
		if len(r.png) > 400<<10 {
			t.Errorf("%s is %d KB; keep illustrations small", name, len(r.png)>>10)
		}
	}
}

// numberRe finds the figures drawn: 11.102, 2.290,8, 22/9/1943, 35/63, 73,4.
var numberRe = regexp.MustCompile(`\d+(?:[.,/]\d+)*`)

// squeeze removes all white space, so "73,4 %" matches the source's "73,4%".
func squeeze(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), "")
}

// TestFiguresComeFromTheSource: every number drawn on an illustration is
// written in the source document.
func TestFiguresComeFromTheSource(t *testing.T) {
	src, err := fs.ReadFile(assets.Pack(), "source/van-ban-goc.txt")
	if err != nil {
		t.Fatal(err)
	}
	source := squeeze(string(src))
	all := rendered
	if all == nil {
		all = renderAll(t)
	}
	for name, r := range all {
		n := 0
		for _, text := range r.texts {
			for _, num := range numberRe.FindAllString(text, -1) {
				n++
				if !strings.Contains(source, num) {
					t.Errorf("%s: %q (in %q) is not in the source", name, num, text)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no figures found (is the text recorded?)", name)
		}
	}
	// Each chart's key figures are on it, in Vietnamese number format.
	want := map[string][]string{
		"bieu-do-xay-dung-dang.png":   {"11.102", "36.808", "299", "432", "9", "11"},
		"bieu-do-kinh-te-2022.png":    {"855 tỷ đồng", "2.290,8 tỷ đồng", "73,4 %", "65,15 điểm", "35/63", "tăng 13 bậc", "tăng hơn 50 lần", "tăng 18 lần"},
		"bieu-do-khi-moi-tai-lap.png": {"112", "16 xã", "102 xã", "93 xã", "103 xã", "trên 50%"},
		"so-do-nam-tien-1943.png":     {"Sơ đồ minh hoạ — vị trí tương đối, không theo tỷ lệ", "Coong Tát", "Bản Duồm", "Khau Pàn", "Phja Bjoóc", "Nghĩa Tá", "Bạch Thông", "Cốc Đán", "Hà Hiệu", "Bằng Đức", "Đức Vân", "Vân Tùng", "Thượng Quan", "Thuận Mang", "Nguyên Bình", "Bắc tiến"},
		"tieu-de-80-nam.png":          {"80 NĂM", "22/9/1943 – 22/9/2023", "Minh hoạ"},
	}
	for name, figures := range want {
		joined := strings.Join(all[name].texts, "\n")
		for _, f := range figures {
			if !strings.Contains(joined, norm.NFC.String(f)) {
				t.Errorf("%s: %q not drawn", name, f)
			}
		}
		if name != "tieu-de-80-nam.png" && !strings.Contains(joined, "Biểu đồ minh hoạ") && !strings.Contains(joined, "Sơ đồ minh hoạ") {
			t.Errorf("%s: not labelled as an illustration", name)
		}
		if name != "tieu-de-80-nam.png" && !strings.Contains(joined, sourceLine) {
			t.Errorf("%s: the source is not cited", name)
		}
	}
}

// TestInThePack: every illustration is in pack.toml as kind =
// "illustration" with a caption saying so, alt text and a credit, shown
// with a chapter and a timeline event, and loads without problems.
func TestInThePack(t *testing.T) {
	p, probs, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range probs {
		t.Errorf("pack problem: %s", pr)
	}
	byFile := map[string]*exhibit.Photo{}
	for _, ph := range p.Photos {
		byFile[ph.File] = ph
	}
	for _, il := range illustrations {
		file := "illustrations/" + il.file
		ph := byFile[file]
		if ph == nil {
			t.Errorf("%s is not a [[photos]] entry of pack.toml", file)
			continue
		}
		if ph.Kind != exhibit.KindIllustration {
			t.Errorf("%s: kind %q", file, ph.Kind)
		}
		if !strings.Contains(ph.Caption, "Minh hoạ") && !strings.Contains(ph.Caption, "minh hoạ") {
			t.Errorf("%s: caption does not say it is an illustration: %q", file, ph.Caption)
		}
		if !strings.Contains(ph.Caption, "Ban Tuyên giáo Tỉnh ủy, 2023") {
			t.Errorf("%s: caption does not cite the source: %q", file, ph.Caption)
		}
		if len([]rune(ph.Alt)) < 60 || ph.Credit == "" {
			t.Errorf("%s: alt text or credit missing", file)
		}
		if ph.Width != W || ph.Height != H {
			t.Errorf("%s: %d×%d", file, ph.Width, ph.Height)
		}
		inChapter := false
		for _, ch := range p.Chapters {
			for _, id := range ch.Photos {
				inChapter = inChapter || id == ph.ID
			}
		}
		inTimeline := false
		for _, ev := range p.Timeline.Events {
			if ev.Media != nil && ev.Media.URL == file {
				inTimeline = true
				if ev.Media.Caption != ph.Caption || ev.Media.Alt != ph.Alt {
					t.Errorf("event %s: media caption/alt differ from pack.toml's", ev.ID)
				}
			}
		}
		if !inChapter || !inTimeline {
			t.Errorf("%s: shown with a chapter %v, with a timeline event %v; want both", file, inChapter, inTimeline)
		}
		info, err := photos.Inspect(assets.Pack(), file)
		if err != nil || info.Format != "png" {
			t.Errorf("%s: %+v, %v", file, info, err)
		}
		if _, err := photos.Load(assets.Pack(), file, 320, 320); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	// Nothing else lies in the folder unreferenced.
	entries, _ := fs.ReadDir(assets.Pack(), "illustrations")
	for _, e := range entries {
		if byFile["illustrations/"+e.Name()] == nil {
			t.Errorf("illustrations/%s is not referenced by pack.toml", e.Name())
		}
	}
}
