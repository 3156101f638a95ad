package screens

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
)

// The built-in pack places each illustration after the paragraph it
// illustrates: the reader sets it there, across the column, with the
// "Minh hoạ" line and the whole caption under the picture; a tap opens
// the viewer on it.
func TestFiguresStandAfterTheirParagraph(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}} {
		e, _ := newTestExhibit(t, sz.Width, sz.Height)
		placed := 0
		for ci, ch := range e.pack.Chapters {
			if len(ch.PhotoAfter) == 0 {
				continue
			}
			e.openChapter(ci, -1, nil)
			r := e.reader
			figs := map[string]*figure{}
			for _, o := range test.WidgetRenderer(r.view).Objects() {
				if f, ok := o.(*figure); ok {
					figs[f.photo.ID] = f
				}
			}
			for id, after := range ch.PhotoAfter {
				placed++
				f := figs[id]
				if f == nil {
					t.Fatalf("%v %s: picture %s is not in the text", sz, ch.ID, id)
				}
				y := f.Position().Y
				if y < r.view.BlockBottom(after) || after+1 < len(ch.Blocks) && f.Position().Y+f.Size().Height > r.view.BlockTop(after+1) {
					t.Errorf("%v %s: %s at y %v–%v, want between block %d (ends %v) and the next (starts %v)", sz, ch.ID, id,
						y, y+f.Size().Height, after, r.view.BlockBottom(after), r.view.BlockTop(after+1))
				}
				if f.caption.Text != f.photo.Caption || f.caption.Truncation != fyne.TextTruncateOff {
					t.Errorf("%s: caption %q cut or changed", id, f.caption.Text)
				}
				if f.caption.Position().Y+f.caption.Size().Height > f.Size().Height+0.5 ||
					f.caption.Size().Height < f.caption.MinSize().Height-0.5 {
					t.Errorf("%v %s: the caption does not fit in its figure (%v in %v)", sz, id, f.caption.Size(), f.Size())
				}
				picBottom := f.img.Position().Y + f.img.Size().Height
				if f.photo.Kind == exhibit.KindIllustration && (!f.badge.Visible() || f.badge.Position().Y < picBottom) {
					t.Errorf("%s: the Minh hoạ line is missing or over the picture (at %v, picture ends at %v)", id, f.badge.Position().Y, picBottom)
				}
				if f.caption.Position().Y < picBottom {
					t.Errorf("%s: the caption covers the picture", id)
				}
			}
			for id, f := range figs {
				test.Tap(f)
				v, ok := e.current.(*viewerScreen)
				if !ok || v.photo().ID != id {
					t.Fatalf("a tap on %s shows %T", id, e.current)
				}
				e.back()
				break
			}
		}
		if placed < 5 {
			t.Errorf("the built-in pack places %d pictures in the text, want its 5 illustrations", placed)
		}
	}
}

// waitFigures waits until the pictures set in the reader's text have
// arrived from the background decoder, so that golden images are the
// same on every run. queue is the exhibit's posted work, nil when posts
// run by themselves.
func waitFigures(t *testing.T, e *Exhibit, queue chan func()) {
	t.Helper()
	loaded := func() bool {
		for _, o := range test.WidgetRenderer(e.reader.view).Objects() {
			if f, ok := o.(*figure); ok && f.img.Image == nil && f.caption.Importance != widget.DangerImportance {
				return false
			}
		}
		return true
	}
	if queue != nil {
		until(t, queue, loaded, "the chapter's pictures")
		return
	}
	deadline := time.Now().Add(20 * time.Second)
	for !loaded() {
		if time.Now().After(deadline) {
			t.Fatal("gave up waiting for the chapter's pictures")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
