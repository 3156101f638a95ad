package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibraryCommands installs, lists, chooses, zips and removes exhibits
// from the command line, as district IT would.
func TestLibraryCommands(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "exhibits")
	t.Setenv("TRIENLAM_LIBRARY", lib)
	good := filepath.Join("testdata", "good")

	r := run("list")
	if r.code != ExitOK || !strings.Contains(r.stdout, "* chi-kien-80") {
		t.Fatalf("list of an empty library = %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run("install", good)
	if r.code != ExitOK || !strings.Contains(r.stdout, "installed ") {
		t.Fatalf("install = %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	id := strings.SplitN(strings.SplitN(r.stdout, `"`, 3)[1], `"`, 2)[0]
	if r := run("install", good); r.code != ExitFailure || !strings.Contains(r.stderr, "--replace") {
		t.Errorf("second install = %d, stderr %q; want a refusal naming --replace", r.code, r.stderr)
	}
	if r := run("install", "--replace", good); r.code != ExitOK || !strings.Contains(r.stdout, "previous version is kept") {
		t.Errorf("install --replace = %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run("default", id); r.code != ExitOK {
		t.Errorf("default %s = %d, %s", id, r.code, r.stderr)
	}
	r = run("list")
	if !strings.Contains(r.stdout, "* "+id) || strings.Contains(r.stdout, "* chi-kien-80") {
		t.Errorf("list does not mark %s as the start exhibit:\n%s", id, r.stdout)
	}
	// A plain start opens the start exhibit.
	r = run()
	if len(r.gui) != 1 || r.gui[0].PackPath != filepath.Join(lib, id) {
		t.Errorf("plain start opened %+v, want %s", r.gui, filepath.Join(lib, id))
	}
	out := filepath.Join(t.TempDir(), "chia-se.trienlam")
	if r := run("zip", id, out); r.code != ExitOK {
		t.Fatalf("zip = %d, %s", r.code, r.stderr)
	}
	if r := run("zip", id, out); r.code != ExitFailure {
		t.Errorf("zip over an existing file = %d", r.code)
	}
	// A double click on the file opens it.
	r = run(out)
	if len(r.gui) != 1 || r.gui[0].PackPath != out || !r.gui[0].FromFile {
		t.Errorf("trienlam FILE.trienlam started %+v", r.gui)
	}
	if r := run("remove", id); r.code != ExitOK || !strings.Contains(r.stdout, "nothing was deleted") {
		t.Errorf("remove = %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The start exhibit is gone: the built-in opens again.
	r = run()
	if len(r.gui) != 1 || r.gui[0].PackPath != "" {
		t.Errorf("after remove, a plain start opened %+v", r.gui)
	}
	// Staff delete the chosen exhibit's folder by hand: the built-in
	// opens and the window is told why.
	run("install", good)
	run("default", id)
	os.RemoveAll(filepath.Join(lib, id))
	r = run()
	if len(r.gui) != 1 || r.gui[0].PackPath != "" || r.gui[0].MissingStart != id {
		t.Errorf("missing start exhibit: %+v", r.gui)
	}
	for _, bad := range [][]string{{"install"}, {"default"}, {"default", "khong-co"}, {"remove", "chi-kien-80"}, {"zip", "x"}} {
		if r := run(bad...); r.code == ExitOK {
			t.Errorf("%v succeeded", bad)
		}
	}
}

// TestMain keeps every test away from the user's own exhibit library: a
// plain start reads the start exhibit from it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "trienlam-cli-library-")
	if err != nil {
		panic(err)
	}
	os.Setenv("TRIENLAM_LIBRARY", dir)
	// In English whatever the machine's language: most tests compare
	// English messages (TestValidateVietnamese sets its own).
	os.Setenv("TRIENLAM_LANG", "en")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
