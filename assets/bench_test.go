package assets

import (
	"testing"

	"trienlam/internal/exhibit"
)

// BenchmarkLoadBuiltIn measures loading and validating the built-in pack,
// which happens at every start (target: under 20 ms).
func BenchmarkLoadBuiltIn(b *testing.B) {
	fsys := Pack()
	for b.Loop() {
		p, problems, err := exhibit.Load(fsys)
		if err != nil || len(problems) > 0 || len(p.Chapters) == 0 {
			b.Fatalf("load: %v %v", err, problems)
		}
	}
}
