package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/search"
)

// searchFor opens search and types q.
func searchFor(t *testing.T, w, h float32, q string) (*Exhibit, *searchScreen) {
	t.Helper()
	e, _ := newTestExhibit(t, w, h)
	e.openSearch()
	s := e.current.(*searchScreen)
	test.Type(s.entry, q)
	return e, s
}

// TestSearchGroupsByChapter checks one header per group, each before its
// results, with the groups in one run each.
func TestSearchGroupsByChapter(t *testing.T) {
	_, s := searchFor(t, 1280, 720, "chi kien")
	if len(s.hits) < 5 {
		t.Fatalf("chi kien: %d hits", len(s.hits))
	}
	headers, rows := 0, 0
	seen := map[string]bool{}
	group := ""
	for _, o := range s.list.Objects {
		if _, ok := o.(*resultRow); ok {
			g := hitGroup(s.hits[rows])
			if g != group {
				t.Fatalf("result %d (group %q) is not under its header (%q)", rows, g, group)
			}
			rows++
			continue
		}
		// A header: the next result starts its group, seen only once.
		g := hitGroup(s.hits[rows])
		if seen[g] {
			t.Errorf("group %q has two headers", g)
		}
		seen[g], group = true, g
		headers++
	}
	if rows != len(s.hits) || headers != len(seen) || headers < 2 {
		t.Errorf("%d rows for %d hits, %d headers for %d groups", rows, len(s.hits), headers, len(seen))
	}
	// The timeline's results are listed under "Dòng thời gian", and
	// pictures under "Hình ảnh".
	var kinds []string
	for _, o := range s.list.Objects {
		if st, ok := o.(*fyne.Container); ok {
			for _, c := range st.Objects {
				if l, ok := c.(*widget.Label); ok {
					kinds = append(kinds, l.Text)
				}
			}
		}
	}
	all := strings.Join(kinds, "|")
	if !strings.Contains(all, "Dòng thời gian") || !strings.Contains(all, "Hình ảnh") || !strings.Contains(all, "Chương 1:") {
		t.Errorf("headers %q: want chapters, the timeline and pictures", kinds)
	}
}

// TestSearchTapOpensPassage taps a result: the reader opens at its passage
// with the phrase highlighted.
func TestSearchTapOpensPassage(t *testing.T) {
	e, s := searchFor(t, 1024, 768, "thuong an")
	i := -1
	for j, h := range s.hits {
		if h.Field == search.FieldBlock {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatal("no passage among the results")
	}
	h := s.hits[i]
	test.Tap(s.rows[i])
	if e.current != e.reader {
		t.Fatalf("tapping a result opened %T, want the reader", e.current)
	}
	rs := e.reader.view.Marks()[h.Block]
	text := e.reader.ch().Blocks[h.Block].Text()
	if len(rs) == 0 {
		t.Fatal("nothing highlighted")
	}
	for _, r := range rs {
		if got := text[r[0]:r[1]]; got != "Thượng Ân" {
			t.Errorf("highlight %q, want the phrase “Thượng Ân” only", got)
		}
	}
}

// TestSearchTelexStatus types Telex on a bare keyboard: the results are
// those of the reading, and the status says which reading was used.
func TestSearchTelexStatus(t *testing.T) {
	_, s := searchFor(t, 1280, 720, "chis kieen")
	if len(s.hits) < 5 {
		t.Fatalf("chis kieen: %d hits, want those of chí kiên", len(s.hits))
	}
	if got := s.status.Text; !strings.Contains(got, "«chí kiên»") || !strings.Contains(got, "chis kieen") {
		t.Errorf("status %q does not say the query was read as «chí kiên»", got)
	}
}

// TestSearchOpensPictureAndEvent opens a picture caption and a timeline
// event from the results, with the keyboard.
func TestSearchOpensPictureAndEvent(t *testing.T) {
	e, s := searchFor(t, 1280, 720, "\"Đề cương tuyên truyền\"")
	pic := -1
	for j, h := range s.hits {
		if h.Photo != "" {
			pic = j
			break
		}
	}
	if pic < 0 {
		t.Fatal("no picture caption among the results")
	}
	s.move(pic + 1) // from no selection (-1) down to the picture
	if s.selected != pic {
		t.Fatalf("selected %d, want %d", s.selected, pic)
	}
	key(e, fyne.KeyReturn)
	if _, ok := e.current.(*viewerScreen); !ok {
		t.Fatalf("Enter on a picture result opened %T, want the viewer", e.current)
	}
	key(e, fyne.KeyEscape)
	s = e.current.(*searchScreen)
	test.Type(s.entry, "")
	s.entry.SetText("Khau Pàn")
	ev := -1
	for j, h := range s.hits {
		if h.Event != "" {
			ev = j
		}
	}
	if ev < 0 {
		t.Fatal("no timeline event for Khau Pàn")
	}
	test.Tap(s.rows[ev])
	if _, ok := e.current.(*timelineScreen); !ok {
		t.Fatalf("tapping an event result opened %T, want the timeline", e.current)
	}
}
