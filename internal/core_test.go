package internal

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// depsOf returns, for every package matching pattern, the packages it
// imports directly or transitively (go list's Deps, test files excluded).
func depsOf(t *testing.T, pattern string) map[string][]string {
	t.Helper()
	touchSources(t)
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, "list", "-f", `{{.ImportPath}} {{join .Deps " "}}`, pattern).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pattern, err)
	}
	deps := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		deps[f[0]] = f[1:]
	}
	return deps
}

// touchSources reads every Go file of the core and go.mod. go test caches
// a result by the files the test opened, and knows nothing of what go list
// read: without this, a new Fyne import would pass on a cached result.
func touchSources(t *testing.T) {
	t.Helper()
	if _, err := os.ReadFile(filepath.Join("..", "go.mod")); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		_, err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fyneDeps returns the fyne.io packages among deps.
func fyneDeps(deps []string) []string {
	var out []string
	for _, d := range deps {
		if strings.HasPrefix(d, "fyne.io/") {
			out = append(out, d)
		}
	}
	return out
}

// The core knows nothing of Fyne: no package under internal/ imports a
// fyne.io package, directly or through another one.
func TestCoreDoesNotImportFyne(t *testing.T) {
	core := depsOf(t, "trienlam/internal/...")
	if len(core) < 8 {
		t.Fatalf("go list found only %d core packages: %v", len(core), core)
	}
	for pkg, deps := range core {
		if f := fyneDeps(deps); len(f) > 0 {
			t.Errorf("%s imports Fyne (%s): move that code to screens/ or pass what it needs in", pkg, strings.Join(f, ", "))
		}
	}
	// The check sees Fyne where it is.
	if screens := depsOf(t, "trienlam/screens"); len(fyneDeps(screens["trienlam/screens"])) == 0 {
		t.Error("go list shows no Fyne under trienlam/screens: the check above cannot work")
	}
}
