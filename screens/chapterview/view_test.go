package chapterview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// longestChapter returns the blocks of the built-in pack's longest chapter.
func longestChapter(tb testing.TB) []exhibit.Block {
	tb.Helper()
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		tb.Fatal(err)
	}
	var best []exhibit.Block
	n := 0
	for _, c := range p.Chapters {
		size := 0
		for _, b := range c.Blocks {
			size += len(b.Text())
		}
		if size > n {
			best, n = c.Blocks, size
		}
	}
	return best
}

// sentences returns the byte ranges of the sentences of every block, as
// the narration's cues mark them: one mark per sentence change.
func sentences(blocks []exhibit.Block) []map[int][][2]int {
	var out []map[int][][2]int
	for bi, b := range blocks {
		text := b.Text()
		from := 0
		for from < len(text) {
			to := strings.Index(text[from:], ". ")
			if to < 0 {
				to = len(text)
			} else {
				to = from + to + 1
			}
			out = append(out, map[int][][2]int{bi: {{from, to}}})
			from = to + 1
		}
	}
	return out
}

// showView puts a view of blocks in a scroll container in a 1280×720 test
// window, as the reader does.
func showView(tb testing.TB, blocks []exhibit.Block) *View {
	tb.Helper()
	a := test.NewTempApp(tb)
	a.Settings().SetTheme(exhibittheme.New(exhibittheme.Light, exhibittheme.StepMedium))
	v := New(blocks)
	w := test.NewWindow(container.NewVScroll(v))
	w.Resize(fyne.NewSize(1280, 720))
	tb.Cleanup(w.Close)
	return v
}

// BenchmarkSentenceHighlight measures one change of the spoken sentence
// in the built-in pack's longest chapter at 1280×720 (test driver, no GL):
// what the reader does ten times a minute while narrating.
func BenchmarkSentenceHighlight(b *testing.B) {
	blocks := longestChapter(b)
	v := showView(b, blocks)
	marks := sentences(blocks)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		v.SetMarks(marks[i%len(marks)])
		i++
	}
}

// TestHighlightRestylesOnlyItsBlocks checks that moving the spoken
// sentence from one block to the next keeps every other block's objects
// as they were and makes new objects only for the changed spans.
func TestHighlightRestylesOnlyItsBlocks(t *testing.T) {
	blocks := longestChapter(t)
	v := showView(t, blocks)
	marks := sentences(blocks)
	// Two sentences in different blocks, neither the first block.
	var a, b map[int][][2]int
	var ba, bb int
	for _, m := range marks {
		for bi := range m {
			switch {
			case a == nil && bi > 0:
				a, ba = m, bi
			case a != nil && bb == 0 && bi > ba+1:
				b, bb = m, bi
			}
		}
	}
	if b == nil {
		t.Fatal("the longest chapter has too few blocks for this test")
	}
	v.SetMarks(a)
	r := test.WidgetRenderer(v).(*renderer)
	if len(r.blocks) != len(blocks) {
		t.Fatalf("%d block containers for %d blocks", len(r.blocks), len(blocks))
	}
	before := map[int][]fyne.CanvasObject{}
	for i, c := range r.blocks {
		before[i] = append([]fyne.CanvasObject(nil), c.Objects...)
	}
	made := r.replaced
	v.SetMarks(b)
	if r2 := test.WidgetRenderer(v).(*renderer); r2 != r {
		t.Fatal("a new highlight made a new renderer")
	}
	for i, c := range r.blocks {
		if i == ba || i == bb {
			continue
		}
		if len(c.Objects) != len(before[i]) {
			t.Fatalf("block %d: %d objects, %d before the highlight moved", i, len(c.Objects), len(before[i]))
		}
		for j := range c.Objects {
			if c.Objects[j] != before[i][j] {
				t.Fatalf("block %d, object %d was made again for a highlight in blocks %d and %d", i, j, ba, bb)
			}
		}
	}
	// Lines untouched by the marks keep their text objects: far fewer
	// objects are made than the two blocks hold.
	held := len(before[ba]) + len(before[bb])
	if n := r.replaced - made; n == 0 || n >= held {
		t.Errorf("%d objects made for a highlight change in blocks holding %d; want some, but fewer", n, held)
	}
	// The highlight is drawn where the marks are now, and nowhere else.
	for i, c := range r.blocks {
		marked := 0
		for _, o := range c.Objects {
			if rc, ok := o.(*canvas.Rectangle); ok && rc.FillColor == v.Theme().Color(exhibittheme.ColorNameHighlight, theme.VariantLight) {
				marked++
			}
		}
		if (i == bb) != (marked > 0) {
			t.Errorf("block %d has %d highlight rectangles (highlighted block %d)", i, marked, bb)
		}
	}
	// The layout of the changed block matches a full layout with the
	// same marks.
	full := layout(blocks, b, v.Size().Width, v.lay.body, v.lay.pad, fyne.MeasureText)
	if len(full.Runs) != len(v.lay.Runs) || len(full.Marks) != len(v.lay.Marks) {
		t.Fatalf("partial layout: %d runs, %d marks; full layout: %d runs, %d marks", len(v.lay.Runs), len(v.lay.Marks), len(full.Runs), len(full.Marks))
	}
	for i := range full.Runs {
		if full.Runs[i] != v.lay.Runs[i] {
			t.Fatalf("run %d: partial %+v, full %+v", i, v.lay.Runs[i], full.Runs[i])
		}
	}
}
