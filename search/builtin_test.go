package search

import (
	"strings"
	"testing"

	"trienlam/assets"
	"trienlam/exhibit"
)

// builtIn loads the pack embedded in the binary.
func builtIn(tb testing.TB) *exhibit.Pack {
	tb.Helper()
	p, probs, err := exhibit.Load(assets.Pack())
	if err != nil {
		tb.Fatalf("built-in pack: %v %v", err, probs)
	}
	return p
}

func TestSearchBuiltIn(t *testing.T) {
	p := builtIn(t)
	ix := NewIndex(p)
	for _, tt := range []struct {
		query string
		min   int // hits at least; the source text sets how many
	}{
		{"chi kien", 5},
		{"CHÍ KIÊN", 5},
		{"thuong an", 1},
		{"dang vien", 5},
		{"DANG VIEN", 5},
		{"coong tat", 1},
		{"11.102", 1},
		{"ho chi minh", 1},
		{"1943", 2},
	} {
		hits := ix.Search(tt.query, 0)
		t.Logf("%-12q %3d hits; first: %s", tt.query, len(hits), first(hits))
		if len(hits) < tt.min {
			t.Errorf("Search(%q) = %d hits, want at least %d", tt.query, len(hits), tt.min)
		}
		checkHits(t, p, tt.query, hits)
	}
	// "11.102" as written in the source is an exact match: it comes first
	// and its context shows it.
	hits := ix.Search("11.102", 1)
	if len(hits) != 1 || !strings.Contains(hits[0].Context, "11.102 đảng viên") {
		t.Errorf("11.102: %+v", hits)
	}
	if hits := ix.Search("zzzz qqqq", 0); len(hits) != 0 {
		t.Errorf("nonsense query found %d hits", len(hits))
	}
}

func first(hits []Hit) string {
	if len(hits) == 0 {
		return "-"
	}
	return hits[0].Chapter + hits[0].Event + " " + hits[0].Context
}

func BenchmarkSearchBuiltIn(b *testing.B) {
	p := builtIn(b)
	b.Run("index", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			NewIndex(p)
		}
	})
	ix := NewIndex(p)
	for _, q := range []string{"chi kien", "dang vien", "Chí Kiên", "11.102", "tinh"} {
		b.Run("query="+q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q, 0)
			}
		})
	}
}
