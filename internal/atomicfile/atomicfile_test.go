package atomicfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWholeAndLeavesNothingElse(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "pack.toml")
	if err := os.WriteFile(name, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("new content"), 0o640); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil || string(got) != "new content" {
		t.Fatalf("file holds %q (%v), want the new content", got, err)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder after the write, want 1", len(entries))
	}
}

// A write that fails (no such folder; a folder in the file's place) says
// which file and leaves no temporary file and the old content behind.
func TestWriteFailureNamesTheFileAndKeepsTheOld(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "file")
	if err := Write(missing, []byte("x"), 0o600); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("write into a missing folder: %v, want an error naming %s", err, missing)
	}
	blocked := filepath.Join(dir, "chapter.md")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(blocked, []byte("x"), 0o600); err == nil {
		t.Errorf("a folder was replaced by a file")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if IsTemp(e.Name()) {
			t.Errorf("a failed write left %s", e.Name())
		}
	}
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".pack.toml.tmp-123": true, "pack.toml": false, ".hidden": false, "a.tmp-1": false,
	} {
		if IsTemp(name) != want {
			t.Errorf("IsTemp(%q) = %v, want %v", name, !want, want)
		}
	}
}
