package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/test"

	"trienlam/internal/exhibit"
	"trienlam/internal/library"
	"trienlam/internal/studio"
)

// Staff choose a cover among the pictures, add a credit, delete one and
// undo the delete; after saving the exhibit validates with them.
func TestStudioCreditsCover(t *testing.T) {
	_, s, dir := studioFor(t, 1024, 768)
	s.tabs.SelectIndex(2)
	s.pics.add(filepath.Join("..", "internal", "photos", "testdata", "orient-6.jpg"))
	s.tabs.SelectIndex(0)
	if n := len(s.det.cover.Options); n != 2 {
		t.Fatalf("cover options %q", s.det.cover.Options)
	}
	s.det.cover.SetSelectedIndex(1)
	if s.draft.Details.Cover != "photos/orient-6.jpg" {
		t.Fatalf("cover %q", s.draft.Details.Cover)
	}
	before := len(s.draft.Credits)
	test.Tap(s.det.addCredit)
	if len(s.det.creditRows) != before+1 {
		t.Fatalf("%d rows for %d credits", len(s.det.creditRows), before+1)
	}
	row := s.det.creditRows[before]
	test.Type(row.role, "Ảnh")
	s.check()
	if row = s.det.creditRows[before]; row.probs.Hidden {
		t.Errorf("a credit without a name: no problem beside it (%v)", s.problems)
	}
	test.Type(row.name, "Ông Nguyễn Văn A")
	s.check()
	if !s.det.creditRows[before].probs.Hidden {
		t.Errorf("problem still shown: %q", s.det.creditRows[before].probs.Text)
	}
	test.Tap(s.det.creditRows[before].del)
	if len(s.draft.Credits) != before {
		t.Fatal("delete did nothing")
	}
	test.Tap(s.undoBtn)
	if len(s.draft.Credits) != before+1 || s.det.creditRows[before].name.Text != "Ông Nguyễn Văn A" {
		t.Fatalf("undo: %+v", s.draft.Credits)
	}
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	last := pack.Credits[len(pack.Credits)-1]
	if pack.Cover != "photos/orient-6.jpg" || last.Role != "Ảnh" || last.Name != "Ông Nguyễn Văn A" {
		t.Errorf("saved cover %q credit %+v", pack.Cover, last)
	}
	// None: the title plate alone.
	s.det.cover.SetSelectedIndex(0)
	test.Tap(s.saveBtn)
	pack, _, pfs, _ = exhibit.LoadPath(dir)
	pfs.Close()
	if pack.Cover != "" {
		t.Errorf("cover %q after choosing none", pack.Cover)
	}
}

// Staff place a picture after a paragraph of a chapter (the preview shows
// it there) and attach it to a timeline event; saved, the reader and the
// timeline have it.
func TestStudioPlacePictures(t *testing.T) {
	_, s, dir := studioFor(t, 1024, 768)
	s.tabs.SelectIndex(2)
	s.pics.add(filepath.Join("..", "internal", "photos", "testdata", "orient-6.jpg"))
	s.tabs.SelectIndex(1)
	s.chText.SetText("# Mở đầu\n\nĐoạn một.\n\nĐoạn hai có hình.\n\nĐoạn ba.\n")
	s.check()
	test.Tap(s.chPics.add)
	if s.chPics.form == nil || len(s.chPics.form.place.Options) != 5 {
		t.Fatalf("place form %+v", s.chPics.form)
	}
	if got := s.chPics.form.place.Options[3]; !strings.Contains(got, "Đoạn hai có hình.") {
		t.Errorf("block 2 offered as %q", got)
	}
	s.chPics.placeFromForm(0, 3) // after block 2
	if got := s.draft.Chapters[0].Photos; len(got) != 1 || got[0] != "orient-6@2" {
		t.Fatalf("chapter pictures %q", got)
	}
	if len(s.chPics.rows.Objects) != 1 {
		t.Errorf("%d rows listed", len(s.chPics.rows.Objects))
	}
	s.tabs.SelectIndex(3)
	test.Tap(s.tl.addBtn)
	s.tl.picture.SetSelectedIndex(1)
	if m := s.events()[0].Media; m == nil || m.URL != "photos/orient-6.jpg" {
		t.Fatalf("event media %+v", m)
	}
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	if ch := pack.Chapters[0]; ch.PhotoAfter["orient-6"] != 2 {
		t.Errorf("saved placement %v", ch.PhotoAfter)
	}
	if m := pack.Timeline.Events[0].Media; m == nil || m.URL != "photos/orient-6.jpg" {
		t.Errorf("saved event media %+v", m)
	}
	// Taken out again, with undo of that.
	s.tabs.SelectIndex(1)
	del := s.chPics.rows.Objects[0].(*fyne.Container).Objects[1].(*widget.Button)
	test.Tap(del)
	if len(s.draft.Chapters[0].Photos) != 0 {
		t.Error("picture not taken out")
	}
}

// Staff write a season as the source does, with its placement date, link
// the event to a passage of a chapter, and edit the eras; saved, the
// timeline shows the season and opens the chapter at that passage.
func TestStudioSeasonLinkEras(t *testing.T) {
	e, s, dir := studioFor(t, 1024, 768)
	s.tabs.SelectIndex(1)
	s.chText.SetText("# Mở đầu\n\nĐoạn một.\n\nMùa thu năm 1945, cả tổng vùng lên.\n")
	s.check()
	s.tabs.SelectIndex(3)
	test.Tap(s.tl.addBtn)
	s.tl.date.SetText("")
	test.Type(s.tl.date, "mùa thu 1945")
	if s.tl.place.Text != "9/1945" || !s.tl.dateProb.Hidden {
		t.Fatalf("placement %q (problem %q)", s.tl.place.Text, s.tl.dateProb.Text)
	}
	s.tl.place.SetText("")
	test.Type(s.tl.place, "19/8/1945")
	ev := s.events()[0]
	if ev.Display != "mùa thu 1945" || ev.Start.Day != 19 || ev.Start.Precision != exhibit.PrecisionSeason {
		t.Fatalf("event %+v", ev)
	}
	s.tl.place.SetText("32/8/1945")
	if s.tl.placeProb.Hidden {
		t.Error("a bad placement date has no problem beside it")
	}
	s.tl.place.SetText("19/8/1945")
	s.tl.headline.SetText("Khởi nghĩa")
	s.tl.text.SetText("cả tổng vùng lên")
	s.tl.chapter.SetSelectedIndex(1)
	if s.tl.passage.Disabled() || len(s.tl.passage.Options) != 3 {
		t.Fatalf("passages %q", s.tl.passage.Options)
	}
	s.tl.passage.SetSelectedIndex(2)
	if ev := s.events()[0]; ev.Chapter != s.draft.Chapters[0].ID || ev.Block != 2 {
		t.Fatalf("link %q %d", ev.Chapter, ev.Block)
	}
	// Eras: add, name, bound, a bad span shown beside its field, delete
	// and undo.
	s.tl.sub.SelectIndex(1)
	test.Tap(s.erasEd.addBtn)
	s.erasEd.headline.SetText("")
	test.Type(s.erasEd.headline, "Tổng khởi nghĩa")
	s.erasEd.span.SetText("1945")
	if s.erasEd.spanProb.Hidden {
		t.Error("an era without an end: no problem")
	}
	s.erasEd.span.SetText("3/1945 – 9/1945")
	test.Tap(s.erasEd.addBtn)
	test.Tap(s.erasEd.delBtn)
	if len(s.eras()) != 1 {
		t.Fatalf("%d eras", len(s.eras()))
	}
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	if era := pack.Timeline.Eras[0]; era.Headline != "Tổng khởi nghĩa" || era.Start.Month != 3 || era.End.Month != 9 {
		t.Errorf("saved era %+v", era)
	}
	got := pack.Timeline.Events[0]
	if got.Display != "mùa thu 1945" || got.Start.Precision != exhibit.PrecisionSeason || got.Block != 2 {
		t.Errorf("saved event %+v", got)
	}
	// The timeline opens the chapter at the linked passage.
	e.setPack(pack, nil, pfs)
	e.openTimeline("")
	tl := e.current.(*timelineScreen)
	tl.tl.Select(0)
	if tl.date.Text != "mùa thu 1945" {
		t.Errorf("card date %q", tl.date.Text)
	}
	key(e, fyne.KeyReturn)
	if e.current != e.reader || e.reader.ch().ID != got.Chapter {
		t.Fatalf("Enter opened %T", e.current)
	}
	if marks := e.reader.view.Marks()[2]; len(marks) != 1 {
		t.Errorf("passage not marked: %v", e.reader.view.Marks())
	}
}

// dropWindow keeps the drop handler the test window would ignore.
type dropWindow struct {
	fyne.Window
	onDrop func(fyne.Position, []fyne.URI)
}

func (w *dropWindow) SetOnDropped(f func(fyne.Position, []fyne.URI)) { w.onDrop = f }

// Picture files dropped on the editor's window come in as pictures (a
// folder gives the pictures inside it); a file that is no picture is
// named and the others still come in. The one drop handler routes by the
// screen shown.
func TestStudioDrop(t *testing.T) {
	e, s, dir := studioFor(t, 1024, 768)
	w := &dropWindow{Window: e.win}
	e.win = w
	e.acceptDrops()
	abs, _ := filepath.Abs(filepath.Join("..", "internal", "photos", "testdata", "orient-6.jpg"))
	notes := filepath.Join(t.TempDir(), "ghi-chu.txt")
	os.WriteFile(notes, []byte("không phải ảnh"), 0o644)
	folder := t.TempDir()
	b, _ := os.ReadFile(abs)
	os.WriteFile(filepath.Join(folder, "Đình làng.jpg"), b, 0o644)
	os.WriteFile(filepath.Join(folder, "doc.txt"), []byte("x"), 0o644)
	w.onDrop(fyne.Position{}, []fyne.URI{storage.NewFileURI(abs), storage.NewFileURI(notes), storage.NewFileURI(folder)})
	if len(s.draft.Pictures) != 2 || s.draft.Pictures[1].ID != "dinh-lang" {
		t.Fatalf("pictures after drop: %+v", s.draft.Pictures)
	}
	if s.tabs.SelectedIndex() != 2 || s.pics.caption.Text != "Đình làng" {
		t.Errorf("tab %d, caption %q", s.tabs.SelectedIndex(), s.pics.caption.Text)
	}
	overlays := e.win.Canvas().Overlays().List()
	if len(overlays) == 0 || !strings.Contains(labelsIn(overlays[len(overlays)-1]), "ghi-chu.txt: ") || !strings.Contains(labelsIn(overlays[len(overlays)-1]), "JPEG, PNG") {
		t.Error("the file that is no picture is not named")
	}
	if _, err := os.Stat(filepath.Join(dir, "photos", "dinh-lang.jpg")); err != nil {
		t.Error(err)
	}
	test.Tap(s.undoBtn)
	if len(s.draft.Pictures) != 0 {
		t.Errorf("undo of the drop left %d pictures", len(s.draft.Pictures))
	}
}

// labelsIn joins the texts of the labels under o.
func labelsIn(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(o)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// Staff attach a recording to a chapter and open the caption timer on it
// from the editor: the editor saves first, the timer shows that chapter's
// sentences, and Back returns to the editor.
func TestStudioNarrationTimer(t *testing.T) {
	e, s, dir := studioFor(t, 1024, 768)
	s.chText.SetText("# Mở đầu\n\nCâu thứ nhất. Câu thứ hai.\n")
	if !s.narrTime.Disabled() {
		t.Error("caption timing offered without a recording")
	}
	s.attachNarration(filepath.Join("..", "audio", "testdata", "tone10s.ogg"))
	if s.draft.Chapters[0].Narration != "audio/chuong-1.ogg" || s.narrTime.Disabled() || !strings.Contains(s.narrFile.Text, "audio/chuong-1.ogg") {
		t.Fatalf("attached %q, shown %q", s.draft.Chapters[0].Narration, s.narrFile.Text)
	}
	test.Tap(s.narrTime)
	ct, ok := e.current.(*captionTimerScreen)
	if !ok {
		t.Fatalf("time captions shows %T (%s)", e.current, s.status.Text)
	}
	if !sameDir(e.packDir, dir) || e.pack.Chapters[ct.chapter].Narration != "audio/chuong-1.ogg" || len(ct.sentences) < 2 {
		t.Fatalf("timer on %q chapter %d, %d sentences", e.packDir, ct.chapter, len(ct.sentences))
	}
	if got, _ := studio.LoadDraft(dir); got != nil {
		t.Error("not saved before timing")
	}
	key(e, fyne.KeyEscape) // as the timer's Back
	if e.current != s {
		t.Fatalf("back from the timer shows %T", e.current)
	}
}

// The editor never asks for more than a small screen gives (1024 wide,
// 720 high less a title bar), even for a chapter with many pictures
// placed in it: a window's minimum size past the display would push the
// Save button off screen.
func TestStudioFitsSmallScreens(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 680)
	quietStudio(e)
	e.lib = library.At(t.TempDir())
	e.openStudio("")
	s := e.current.(*studioScreen)
	s.tabs.SelectIndex(1)
	for i := 0; i < 8; i++ {
		s.draft.PlacePicture(0, s.draft.Pictures[i%len(s.draft.Pictures)].ID, i)
	}
	s.chPics.fill()
	if min := e.win.Content().MinSize(); min.Width > 1024 || min.Height > 680 {
		t.Errorf("the editor needs %v", min)
	}
}
