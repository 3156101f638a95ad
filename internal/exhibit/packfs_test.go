package exhibit

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestOpenZip(t *testing.T) {
	for _, name := range []string{"flat.zip", "nested.zip"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "zips", name)
			pack, probs, pfs, err := LoadPath(path)
			if err != nil {
				t.Fatal(err)
			}
			defer pfs.Close()
			if len(probs) > 0 {
				t.Errorf("problems: %q", problemStrings(probs))
			}
			if pfs.Path() != path || pack.Counts().Chapters != 2 || pack.Photo("ban-do").Width != 4 {
				t.Errorf("path %q counts %v", pfs.Path(), pack.Counts())
			}
			if err := pfs.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
	}
}

// TestOpenZipRefused checks that unsafe or damaged zips are refused whole,
// with an error naming the entry at fault.
func TestOpenZipRefused(t *testing.T) {
	tests := []struct {
		file, err string
		unsafe    bool
	}{
		{"evil-dotdot.zip", `unsafe zip pack: entry "../evil": path escapes the pack with ..`, true},
		{"evil-abs.zip", `unsafe zip pack: entry "/etc/evil": absolute path`, true},
		{"evil-drive.zip", `unsafe zip pack: entry "C:/evil": name contains ':' (a drive letter or Windows stream)`, true},
		{"evil-backslash.zip", `unsafe zip pack: entry "photos/../../evil": path escapes the pack with ..`, true},
		{"symlink.zip", `unsafe zip pack: entry "photos/link.png" is a symbolic link; zip packs may hold only files and folders`, true},
		{"truncated.zip", `not a complete zip archive (truncated or damaged): zip: not a valid zip file`, false},
		{"not-a-zip.zip", `not a complete zip archive (truncated or damaged): zip: not a valid zip file`, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "zips", tt.file)
			pfs, err := Open(path)
			if err == nil {
				pfs.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if want := path + ": " + tt.err; err.Error() != want {
				t.Errorf("error:\n got %s\nwant %s", err, want)
			}
			if errors.Is(err, ErrUnsafeZip) != tt.unsafe {
				t.Errorf("errors.Is(err, ErrUnsafeZip) = %v, want %v", !tt.unsafe, tt.unsafe)
			}
		})
	}
}

// TestZipLimits builds zips that break the size and count limits. Their
// headers claim sizes they do not hold, which is exactly what a zip bomb
// does, so they stay small.
func TestZipLimits(t *testing.T) {
	build := func(t *testing.T, entries int, claim uint64) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i < entries; i++ {
			h := &zip.FileHeader{Name: "f" + itoa(i), Method: zip.Store, CompressedSize64: 1, UncompressedSize64: claim}
			w, err := zw.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("x"))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "big.zip")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name    string
		entries int
		claim   uint64
		err     string
	}{
		{"entry too big", 1, MaxZipEntrySize + 1, `entry "f0" is 513 MiB uncompressed, more than the limit of 512 MiB`},
		{"total too big", 5, MaxZipEntrySize, `entries up to "f4" add up to more than the limit of 2 GiB uncompressed`},
		{"too many entries", MaxZipEntries + 1, 1, `20001 entries, more than the limit of 20000`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := build(t, tt.entries, tt.claim)
			pfs, err := Open(p)
			if err == nil {
				pfs.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if !errors.Is(err, ErrUnsafeZip) || !strings.HasSuffix(err.Error(), tt.err) {
				t.Errorf("error = %v, want …%s", err, tt.err)
			}
		})
	}
}

func TestZipNameOK(t *testing.T) {
	for _, name := range []string{"pack.toml", "photos/", "photos/ảnh 1.jpg", "a/b/c.md"} {
		if err := zipNameOK(name); err != nil {
			t.Errorf("zipNameOK(%q) = %v, want ok", name, err)
		}
	}
	for _, name := range []string{"", "../x", "a/../../x", "/x", `C:\x`, "C:x", `a\b`, "a//b", "./a", "a/./b", "a\x00b", "a/.."} {
		if err := zipNameOK(name); err == nil {
			t.Errorf("zipNameOK(%q) = nil, want an error", name)
		}
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := Open(filepath.Join("testdata", "no-such-pack")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing) = %v", err)
	}
	if _, _, _, err := LoadPath(filepath.Join("testdata", "zips")); err == nil || !strings.Contains(err.Error(), "pack.toml not found") {
		t.Errorf("LoadPath(folder without pack.toml) = %v", err)
	}
}

func TestExport(t *testing.T) {
	pfs, err := Open(filepath.Join("testdata", "zips", "nested.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer pfs.Close()
	dir := filepath.Join(t.TempDir(), "new", "pack")
	if err := Export(pfs, dir); err != nil {
		t.Fatal(err)
	}
	if got, want := readTree(t, dir), readTree(t, filepath.Join("testdata", "valid")); !reflect.DeepEqual(got, want) {
		t.Errorf("exported files differ from the source pack: got %d files, want %d", len(got), len(want))
	}
	pack, probs, pfs2, err := LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("exported pack: %v %q", err, problemStrings(probs))
	}
	pfs2.Close()
	if pack.ID != "thu-nghiem" {
		t.Errorf("exported pack id %q", pack.ID)
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("exported folder mode = %v, %v", fi.Mode(), err)
	}
	// The only entry left in the parent is the pack: no temporary folder.
	if es, _ := os.ReadDir(filepath.Dir(dir)); len(es) != 1 {
		t.Errorf("parent holds %d entries, want 1", len(es))
	}

	// A non-empty folder is refused and left alone.
	err = Export(pfs, dir)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Export into a non-empty folder = %v", err)
	}
	// An empty one is used.
	empty := t.TempDir()
	if err := Export(pfs, empty); err != nil {
		t.Errorf("Export into an empty folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(empty, "pack.toml")); err != nil {
		t.Error(err)
	}
}
