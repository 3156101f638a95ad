package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSearchBuiltIn(t *testing.T) {
	r := run("search", "chi", "kien")
	if r.code != ExitOK {
		t.Fatalf("search chi kien = %d, stderr %q", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) < 5 {
		t.Fatalf("%d lines, want several:\n%s", len(lines), r.stdout)
	}
	phrases := true
	for _, l := range lines {
		place, excerpt, ok := strings.Cut(l, "\t")
		if !ok || !(strings.HasPrefix(place, "chapter ") || strings.HasPrefix(place, "timeline ") || strings.HasPrefix(place, "picture ")) {
			t.Errorf("line %q: want a place, a tab and an excerpt", l)
		}
		// Texts holding the phrase come first, and mark the phrase, not
		// each word wherever it occurs; then texts holding the words
		// apart.
		phrase := regexp.MustCompile(`\[\pL+ \pL+\]`).MatchString(excerpt) // "[Chí Kiên]", "[CHÍ KIÊN]"…
		if phrase && !phrases {
			t.Errorf("line %q holds the phrase but comes after texts that do not", l)
		}
		if phrase && (strings.Contains(excerpt, "[kiện]") || strings.Contains(excerpt, "[chí]")) {
			t.Errorf("line %q marks a lone word beside the phrase", l)
		}
		phrases = phrase
	}
	if !strings.Contains(lines[0], "[Chí Kiên]") {
		t.Errorf("first line %q does not mark the phrase", lines[0])
	}
}

func TestSearchTelexAndNothing(t *testing.T) {
	r := run("search", "chis", "kieen")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "results for «chí kiên» (read as Telex typing)\n") {
		t.Errorf("search chis kieen = %d:\n%s", r.code, r.stdout)
	}
	r = run("search", "zzqx")
	if r.code != ExitFailure || r.stdout != "" || !strings.Contains(r.stderr, "nothing found") {
		t.Errorf("search zzqx = %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run("search"); r.code != ExitUsage {
		t.Errorf("search without words = %d, want %d", r.code, ExitUsage)
	}
	if r := run("search", "--pack", filepath.Join(t.TempDir(), "missing"), "x"); r.code != ExitUsage {
		t.Errorf("search in a missing pack = %d, want %d", r.code, ExitUsage)
	}
	if r := run("search", "--pack", filepath.Join("testdata", "good"), "zzqx"); r.code != ExitFailure {
		t.Errorf("search in a pack folder = %d, stderr %q", r.code, r.stderr)
	}
}
