package assets

import (
	"slices"
	"testing"
)

// EveryTranslation finds a message in each shipped language, and nothing
// for a key no language has.
func TestEveryTranslation(t *testing.T) {
	got := EveryTranslation("Illustration")
	for _, want := range []string{"Illustration", "Minh hoạ"} {
		if !slices.Contains(got, want) {
			t.Errorf("EveryTranslation(%q) = %q, want %q among them", "Illustration", got, want)
		}
	}
	if got := EveryTranslation("no such message"); len(got) != 0 {
		t.Errorf("a key no language has: %q", got)
	}
}
