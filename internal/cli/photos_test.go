package cli

import (
	"bytes"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
	"trienlam/internal/photos/phototest"
)

// importSource copies testdata/photo-import into a temporary folder and
// adds a 3000×2000 JPEG, which import-photos must shrink.
func importSource(t *testing.T) string {
	t.Helper()
	src := copyDir(t, filepath.Join("testdata", "photo-import"))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, phototest.Photo(3000, 2000, 3), &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "Nghĩa Tá 1943.jpg"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return src
}

// snapshot returns every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestImportPhotos(t *testing.T) {
	src := importSource(t)
	pack := copyDir(t, filepath.Join("testdata", "good"))
	before, _ := os.ReadFile(filepath.Join(pack, "pack.toml"))

	// Flags may come after the folder, as with import-timeline.
	// The folder holds a GIF, a text file, a damaged and a huge photo:
	// the rest is imported, and the exit status says some were not.
	r := run("import-photos", src, "--pack", pack)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "4 files were not imported") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"imported 5 photos into",
		"  Khau Pàn.JPG → photos/khau-pan.jpg (id \"khau-pan\"; 64×40, copied unchanged)\n",
		"  Nghĩa Tá 1943.jpg → photos/nghia-ta-1943.jpg (id \"nghia-ta-1943\"; 3000×2000 shrunk to 2560×1707)\n",
		"  ban do.jpg → photos/ban-do.png (id \"ban-do\"; 64×40, copied unchanged)\n",
		"  hoa.webp → photos/hoa.jpg (id \"hoa\"; 64×40, WebP saved as JPEG)\n",
		"  Ảnh Đình Hồng Thái.jpg → photos/anh-dinh-hong-thai.jpg (id \"anh-dinh-hong-thai\"; 64×40, turned upright)\n",
		"note: ban do.jpg: named .jpg but is a PNG\n",
		"skipped 5:\n",
		"  album: a folder (import-photos does not look inside folders)\n",
		"  chuyen-dong.gif: not a JPEG, PNG or WebP image (it is a GIF)\n",
		"  ghi-chu.txt: not a JPEG, PNG or WebP image\n",
		"  hong.jpg: damaged: truncated or damaged JPEG: the file ends too early\n",
		"  khong-lo.png: too large: image is 100000×100000 (10000 MP), larger than the 80 MP limit\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}

	// pack.toml is the old text with entries appended.
	after, _ := os.ReadFile(filepath.Join(pack, "pack.toml"))
	if !bytes.HasPrefix(after, before) {
		t.Fatalf("pack.toml was not appended to:\n%s", after)
	}
	wantEntry := "\n[[photos]]\nid = \"anh-dinh-hong-thai\"\nfile = \"photos/anh-dinh-hong-thai.jpg\"\nkind = \"photo\"\ncaption = \"Ảnh Đình Hồng Thái\"\ndate = \"22/09/2023\"\nalt = \"\"\n"
	if !strings.Contains(string(after), wantEntry) {
		t.Errorf("pack.toml lacks\n%s\nin:\n%s", wantEntry, after[len(before):])
	}

	// The pack loads with the photos and no problem.
	p, probs, pfs, err := exhibit.LoadPath(pack)
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	for _, pr := range probs {
		t.Errorf("problem: %s", pr)
	}
	if len(p.Photos) != 5 {
		t.Errorf("%d photos in the pack, want 5", len(p.Photos))
	}
	// Turned upright: stored 64×40 with orientation 1 now.
	info, err := photos.Inspect(os.DirFS(pack), "photos/anh-dinh-hong-thai.jpg")
	if err != nil || info.Width != 64 || info.Height != 40 || info.Orientation != 1 {
		t.Errorf("imported photo: %+v, %v", info, err)
	}
	img, err := photos.Load(os.DirFS(pack), "photos/anh-dinh-hong-thai.jpg", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, _ := img.At(8, 30).RGBA(); b>>8 < 150 || r>>8 > 100 || g>>8 > 120 {
		t.Errorf("bottom left should be blue, is %v", img.At(8, 30))
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(mustReadFile(t, filepath.Join(pack, "photos", "nghia-ta-1943.jpg")))); err != nil || cfg.Width != 2560 {
		t.Errorf("shrunk photo: %+v, %v", cfg, err)
	}

	// A second run changes nothing and says why for each photo.
	snap := snapshot(t, pack)
	r2 := run("import-photos", "--pack", pack, src)
	if r2.code != ExitFailure {
		t.Fatalf("second run: exit %d\n%s%s", r2.code, r2.stdout, r2.stderr)
	}
	if !strings.HasPrefix(r2.stdout, "imported no photos; ") || !strings.Contains(r2.stdout, "skipped 10:\n") ||
		!strings.Contains(r2.stdout, "  hoa.webp: already in pack.toml (a photo with id \"hoa\")\n") {
		t.Errorf("second run:\n%s", r2.stdout)
	}
	if snap2 := snapshot(t, pack); len(snap2) != len(snap) {
		t.Errorf("second run added files: %d → %d", len(snap), len(snap2))
	} else {
		for name, data := range snap {
			if snap2[name] != data {
				t.Errorf("second run changed %s", name)
			}
		}
	}
}

func TestImportPhotosNeverOverwrites(t *testing.T) {
	src := importSource(t)
	pack := copyDir(t, filepath.Join("testdata", "good"))
	os.MkdirAll(filepath.Join(pack, "photos"), 0o755)
	mine := []byte("my own file")
	os.WriteFile(filepath.Join(pack, "photos", "hoa.jpg"), mine, 0o644)
	r := run("import-photos", src, "--pack", pack)
	if r.code != ExitFailure {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "  hoa.webp: exists: photos/hoa.jpg is already in the pack folder") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	if got := mustReadFile(t, filepath.Join(pack, "photos", "hoa.jpg")); !bytes.Equal(got, mine) {
		t.Error("an existing file was overwritten")
	}
}

func TestImportPhotosUsage(t *testing.T) {
	src := importSource(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import-photos", src}, "--pack DIR is required"},
		{[]string{"import-photos", "--pack", src}, "takes one folder of photos, got 0"},
		{[]string{"import-photos", filepath.Join(src, "hoa.webp"), "--pack", src}, "not a folder"},
		{[]string{"import-photos", src, "--pack", src}, "is it a pack folder?"},
	} {
		r := run(c.args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

func TestPhotoID(t *testing.T) {
	for in, want := range map[string]string{
		"Ảnh Đình Hồng Thái (1).jpg":   "anh-dinh-hong-thai-1",
		"IMG_0001.JPG":                 "img-0001",
		"  --  .png":                   "anh",
		"Đồng chí Phùng Chí Kiên.webp": "dong-chi-phung-chi-kien",
	} {
		if got := photos.ID(in); got != want {
			t.Errorf("photos.ID(%q) = %q, want %q", in, got, want)
		}
	}
}

func mustReadFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportPhotosSameIDOneRun imports two photos whose names fold to the
// same id in one run: both come in, as anh-1 and anh-1-2; a hidden file
// is mentioned; nothing was refused, so the exit status is 0.
func TestImportPhotosSameIDOneRun(t *testing.T) {
	src := t.TempDir()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, phototest.Photo(40, 30, 1), nil); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"anh 1.jpg", "Ảnh 1.jpg", ".an.jpg"} {
		if err := os.WriteFile(filepath.Join(src, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pack := copyDir(t, filepath.Join("testdata", "good"))
	r := run("import-photos", src, "--pack", pack)
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{`→ photos/anh-1.jpg (id "anh-1"`, `→ photos/anh-1-2.jpg (id "anh-1-2"`, "hidden files not imported", ".an.jpg"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run("validate", pack); r.code != ExitOK {
		t.Errorf("validate after import: %d\n%s", r.code, r.stdout)
	}
}

// validate finds a picture that would take more memory to show than the
// exhibit allows (a 16-bit PNG scan): loading checks only its pixels.
func TestValidatePictureTooBigToShow(t *testing.T) {
	dir := copyDir(t, filepath.Join("testdata", "good"))
	if err := os.MkdirAll(filepath.Join(dir, "photos"), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "photos", "scan.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := phototest.WritePNG(f, 8000, 6000, 6, 16); err != nil {
		t.Fatal(err)
	}
	f.Close()
	manifest, err := os.ReadFile(filepath.Join(dir, "pack.toml"))
	if err != nil {
		t.Fatal(err)
	}
	manifest = append(manifest, "\n[[photos]]\nid = \"scan\"\nfile = \"photos/scan.png\"\nkind = \"photo\"\ncaption = \"Bản quét\"\nalt = \"Bản quét\"\n"...)
	if err := os.WriteFile(filepath.Join(dir, "pack.toml"), manifest, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run("validate", dir)
	if r.code != ExitFailure || !strings.Contains(r.stdout, "photos/scan.png: Photo “photos/scan.png” (8000×6000 pixels) would take 367 MB of memory") {
		t.Errorf("validate = %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Setenv("TRIENLAM_LANG", "vi")
	if r := run("validate", dir); !strings.Contains(r.stdout, "cần tới 367 MB bộ nhớ") {
		t.Errorf("in Vietnamese:\n%s", r.stdout)
	}
}
