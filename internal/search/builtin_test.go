package search

import (
	"fmt"
	"strings"
	"testing"

	"trienlam/assets"
	"trienlam/internal/exhibit"
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
		// Search as you type: the last word is a prefix until a space.
		{"chi kie", 5},
		{"thuong a", 1},
		{"dang vi", 5},
		{"chi kien ", 5},
		{"kie", 5},
		{"ho chi m", 1},
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
	// A prefix finds at least what the whole word does, and the first
	// "chi kie" hit highlights Chí Kiê(n).
	for _, q := range [][2]string{{"chi kie", "chi kien"}, {"thuong a", "thuong an"}, {"dang vi", "dang vien"}} {
		if p, w := len(ix.Search(q[0], 0)), len(ix.Search(q[1], 0)); p < w {
			t.Errorf("%q: %d hits, fewer than %q's %d", q[0], p, q[1], w)
		}
	}
	hits = ix.Search("chi kie", 1)
	if len(hits) != 1 || !containsRangeText(hits[0], "Chí Kiê") {
		t.Errorf("chi kie: first hit %+v does not highlight Chí Kiê", hits)
	}
	// "chi kien " with a trailing space is whole words: same hits as
	// "chi kien" when nothing else in the pack starts with "kien".
	if a, b := locs(ix.Search("chi kien ", 0)), locs(ix.Search("chi kien", 0)); len(a) > len(b) {
		t.Errorf("whole words found more than the prefix: %d > %d", len(a), len(b))
	}
	// One letter matches much of the pack; the limit bounds it.
	if hits := ix.Search("t", 20); len(hits) != 20 {
		t.Errorf(`Search("t", 20) = %d hits, want 20`, len(hits))
	} else {
		checkHits(t, p, "t", hits)
	}
}

// containsRangeText reports whether one of h's context ranges covers s.
func containsRangeText(h Hit, s string) bool {
	for _, r := range h.ContextRanges {
		if h.Context[r[0]:r[1]] == s {
			return true
		}
	}
	return false
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
	for _, q := range []string{"chi kien", "dang vien", "Chí Kiên", "11.102", "tinh",
		"chi kien ", "chi kie", "thuong a", "t", "t/limit=20"} {
		name := "query=" + q
		q, limit := strings.CutSuffix(q, "/limit=20")
		n := 0
		if limit {
			n = 20
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Search(q, n)
			}
		})
	}
}

// bigPack is a pack of n chapters made by repeating the built-in text, the
// size of a large exhibit (the built-in one has six).
func bigPack(tb testing.TB, n int) *exhibit.Pack {
	base := builtIn(tb)
	p := &exhibit.Pack{Timeline: base.Timeline, Photos: base.Photos}
	for i := 0; len(p.Chapters) < n; i++ {
		ch := *base.Chapters[i%len(base.Chapters)]
		ch.ID = fmt.Sprintf("%s-%d", ch.ID, i)
		p.Chapters = append(p.Chapters, &ch)
	}
	return p
}

// BenchmarkFind100Chapters is the time per query, as the search screen
// runs it on every keystroke (Find with its limit), over a pack of 100
// chapters. Goal: under 5 ms per query.
func BenchmarkFind100Chapters(b *testing.B) {
	ix := NewIndex(bigPack(b, 100))
	for _, q := range []string{"chi kien", "Chí Kiên", "dang vien", "chis kieen", "chi1 kie6n", `"chi bo chi kien"`, "t", "phat trien kinh te"} {
		b.Run("query="+q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Find(q, 300)
			}
		})
	}
}
