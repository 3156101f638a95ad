package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/library"
	"trienlam/internal/studio"
)

// quietStudio drops the work the editor's pause timer posts: in the test
// driver it would run on the timer's goroutine, beside the test's own (and,
// after the test, beside the next test's) use of the same widgets. The
// tests call check and keepDraft themselves where the pause matters.
func quietStudio(e *Exhibit) { e.post = func(func()) {} }

// studioFor opens the editor of a new blank exhibit in a temporary library.
func studioFor(t *testing.T, w, h float32) (*Exhibit, *studioScreen, string) {
	t.Helper()
	e, _ := newTestExhibit(t, w, h)
	quietStudio(e)
	e.lib = library.At(t.TempDir())
	en, err := e.lib.New(library.Blank, assets.Pack(), "thu-nghiem", "Thử nghiệm")
	if err != nil {
		t.Fatal(err)
	}
	e.openStudio(en.Dir)
	s, ok := e.current.(*studioScreen)
	if !ok {
		t.Fatalf("current screen %T", e.current)
	}
	return e, s, en.Dir
}

// Staff add a chapter, type and paste HTML into it, reorder, delete and
// undo, save; the folder reloads with what they did and validates with no
// problem.
func TestStudioEditSave(t *testing.T) {
	_, s, dir := studioFor(t, 1280, 720)
	test.Tap(s.addBtn)
	if len(s.draft.Chapters) != 2 || s.sel != 1 {
		t.Fatalf("after add: %d chapters, selected %d", len(s.draft.Chapters), s.sel)
	}
	s.chTitle.SetText("")
	test.Type(s.chTitle, "Bối cảnh")
	s.chText.SetText("")
	test.Type(s.chText, "# Bối cảnh\n\nMùa thu năm 1943.\n\n")
	// A paste of HTML, as from a web page, becomes Markdown.
	s.chText.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &textClipboard{text: "<h2>Nhân vật</h2><p>Đồng chí <b>Chí Kiên</b> và <i>các bạn</i>.</p><ul><li>Một</li><li>Hai</li></ul>"}})
	text := s.draft.Chapters[1].Text
	for _, want := range []string{"## Nhân vật", "**Chí Kiên**", "*các bạn*", "- Một"} {
		if !strings.Contains(text, want) {
			t.Errorf("pasted HTML not Markdown: lacks %q in %q", want, text)
		}
	}
	s.check()
	if len(s.problems) != 0 {
		t.Fatalf("problems: %v", s.problems)
	}
	// The preview is drawn from the chapter as the reader shows it.
	if len(s.preview.Blocks()) < 3 {
		t.Errorf("preview has %d blocks", len(s.preview.Blocks()))
	}
	test.Tap(s.upBtn)
	if s.sel != 0 || s.draft.Chapters[0].Title != "Bối cảnh" {
		t.Fatalf("after up: selected %d, first %q", s.sel, s.draft.Chapters[0].Title)
	}
	test.Tap(s.delBtn)
	if len(s.draft.Chapters) != 1 {
		t.Fatal("delete did nothing")
	}
	test.Tap(s.undoBtn)
	if len(s.draft.Chapters) != 2 || s.draft.Chapters[0].Title != "Bối cảnh" {
		t.Fatalf("undo of delete: %+v", s.draft.Chapters)
	}
	// A problem shows beside its field: an empty title.
	s.tabs.SelectIndex(0)
	s.title.SetText("")
	s.check()
	if s.detailProbs["title"].Hidden || s.detailProbs["title"].Text == "" {
		t.Errorf("empty title: no problem shown beside it (%v)", s.problems)
	}
	test.Type(s.title, "Chí Kiên 2024")
	s.check()
	if !s.detailProbs["title"].Hidden {
		t.Errorf("problem still shown: %q", s.detailProbs["title"].Text)
	}
	test.Tap(s.saveBtn)

	d, err := studio.Open(dir)
	if err != nil || !studio.Equal(d, s.draft) {
		t.Fatalf("reload: %v\n%+v\n%+v", err, d, s.draft)
	}
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	if pack.Title != "Chí Kiên 2024" || len(pack.Chapters) != 2 || pack.Chapters[0].Title != "Bối cảnh" {
		t.Errorf("saved pack: %q %d", pack.Title, len(pack.Chapters))
	}
	if got, _ := studio.LoadDraft(dir); got != nil {
		t.Error("draft left after save")
	}
}

// What was typed and not saved comes back when the editor opens again.
func TestStudioDraftRestored(t *testing.T) {
	e, s, dir := studioFor(t, 1280, 720)
	s.chText.SetText("")
	test.Type(s.chText, "# Chương 1\n\nChưa lưu mà không mất.\n")
	s.keepDraft() // what the pause after typing does
	e.openStudio(dir)
	s2 := e.current.(*studioScreen)
	if !strings.Contains(s2.chText.Text, "Chưa lưu mà không mất.") || !strings.Contains(s2.status.Text, s2.notice) || s2.notice == "" {
		t.Fatalf("draft not restored: %q / %q", s2.chText.Text, s2.status.Text)
	}
	test.Tap(s2.undoBtn) // back to what is saved
	if strings.Contains(s2.chText.Text, "Chưa lưu") {
		t.Error("undo kept the draft's text")
	}
}

// The built-in exhibit is never edited: the editor opens a copy of it in
// the library.
func TestStudioBuiltinCopied(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	quietStudio(e)
	e.lib = library.At(t.TempDir())
	e.openStudio("")
	s, ok := e.current.(*studioScreen)
	if !ok || !strings.HasPrefix(s.dir, e.lib.Dir) || len(s.draft.Chapters) == 0 {
		t.Fatalf("editor of %T %v", e.current, s)
	}
}

// Pictures of the editor for the closing note.
func TestStudioShots(t *testing.T) {
	out := os.Getenv("STUDIO_SHOTS")
	if out == "" {
		t.Skip("set STUDIO_SHOTS=DIR to write the editor's pictures")
	}
	for _, size := range [][2]float32{{1280, 720}, {1024, 768}} {
		e, _ := newTestExhibit(t, size[0], size[1])
		quietStudio(e)
		e.lib = library.At(t.TempDir())
		e.openStudio("")
		s := e.current.(*studioScreen)
		s.tabs.SelectIndex(1)
		s.chapters.Select(1)
		s.check()
		for i, tab := range []int{1, 0, 3, 2} {
			s.tabs.SelectIndex(tab)
			name := filepath.Join(out, "studio-"+[]string{"chapters", "details", "timeline", "pictures"}[i]+"-"+strconv.Itoa(int(size[0]))+"x"+strconv.Itoa(int(size[1]))+".png")
			f, err := os.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, e.win.Canvas().Capture())
			f.Close()
		}
	}
}

// Staff add an event in the form with a date as they write it, import a
// timeline from Excel, save, and the exhibit validates.
func TestStudioTimeline(t *testing.T) {
	_, s, dir := studioFor(t, 1024, 768)
	s.tabs.SelectIndex(3)
	test.Tap(s.tl.addBtn)
	if len(s.events()) != 1 {
		t.Fatalf("%d events after add", len(s.events()))
	}
	s.tl.date.SetText("")
	test.Type(s.tl.date, "31/2/1943")
	if s.tl.dateProb.Hidden {
		t.Error("31/2/1943 accepted")
	}
	s.tl.date.SetText("")
	test.Type(s.tl.date, "22/9/1943")
	s.tl.headline.SetText("")
	test.Type(s.tl.headline, "Thành lập Chi bộ")
	if ev := s.events()[0]; ev.Start.Day != 22 || ev.Start.Month != 9 || ev.Headline != "Thành lập Chi bộ" || !s.tl.dateProb.Hidden {
		t.Fatalf("event %+v", ev)
	}
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 || len(pack.Timeline.Events) != 1 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()

	s.tl.importData([]byte("Năm,Tháng,Tiêu đề\n1945,8,Tổng khởi nghĩa\n1946,,Kháng chiến\n"), "dong.csv")
	if len(s.events()) != 2 || s.tl.headline.Text != "Tổng khởi nghĩa" {
		t.Fatalf("import: %d events, form %q", len(s.events()), s.tl.headline.Text)
	}
	test.Tap(s.saveBtn)
	if pack, probs, pfs, err := exhibit.LoadPath(dir); err != nil || len(probs) > 0 || len(pack.Timeline.Events) != 2 {
		t.Fatalf("validate after import: %v %v", err, probs)
	} else {
		pfs.Close()
	}
}

// A picture added in the editor is saved with its caption and validates.
func TestStudioPicture(t *testing.T) {
	_, s, dir := studioFor(t, 1280, 720)
	s.tabs.SelectIndex(2)
	s.pics.add(filepath.Join("..", "internal", "photos", "testdata", "orient-6.jpg"))
	if len(s.draft.Pictures) != 1 || s.pics.caption.Text != "orient-6" {
		t.Fatalf("after add: %+v", s.draft.Pictures)
	}
	s.pics.caption.SetText("")
	test.Type(s.pics.caption, "Mít tinh")
	test.Type(s.pics.alt, "Đám đông trước đình")
	test.Tap(s.saveBtn)
	pack, probs, pfs, err := exhibit.LoadPath(dir)
	if err != nil || len(probs) > 0 {
		t.Fatalf("validate: %v %v", err, probs)
	}
	pfs.Close()
	if ph := pack.Photo("orient-6"); ph == nil || ph.Caption != "Mít tinh" || ph.Alt != "Đám đông trước đình" {
		t.Errorf("saved %+v", ph)
	}
}

// A copy from Word arrives as the clipboard's HTML (platform/richclip)
// beside its plain text: the editor pastes the HTML as Markdown, keeping
// headings, bold, italic and Word's lists; a few words copied from a line
// paste inline; a clipboard without HTML pastes its text as before.
func TestStudioPasteRichHTML(t *testing.T) {
	word, err := os.ReadFile(filepath.Join("..", "internal", "exhibit", "testdata", "paste", "word-export.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, s, _ := studioFor(t, 1280, 720)
	defer func(old func(func(string, bool))) { clipboardHTML = old }(clipboardHTML)
	rich := ""
	clipboardHTML = func(then func(string, bool)) { then(rich, rich != "") }
	plain := &textClipboard{text: "Kỷ niệm 80 năm … (the plain text Word offers too)"}

	rich = string(word)
	s.chText.SetText("")
	s.chText.TypedShortcut(&fyne.ShortcutPaste{Clipboard: plain})
	text := s.draft.Chapters[s.sel].Text
	for _, want := range []string{
		"# Kỷ niệm 80 năm ngày thành lập Chi bộ Chí Kiên\n",
		"\n# I. Bối cảnh ra đời\n",
		"Ngày **22/9/1943**, tại nhà đồng chí **Nguyễn Văn A**, Chi bộ *Chí Kiên*",
		"\n- Đồng chí **Nguyễn Văn A**, bí thư;\n  - phụ trách *tuyên truyền*;\n- Đồng chí Trần Thị B.\n",
		"\n## II. Những mốc son\n\n1. Năm 1945: giành chính quyền;\n2. Năm 1954: **hoà bình** lập lại.\n",
		"\n### Ghi chú\n\n*Theo lời kể của các cụ cao niên.*\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Word paste lacks %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "(the plain text") || strings.Contains(text, "<") || strings.Contains(text, "·") {
		t.Errorf("Word paste took the plain text, a tag or a bullet:\n%s", text)
	}
	s.check()
	if len(s.preview.Blocks()) < 10 {
		t.Errorf("preview of the pasted chapter has %d blocks", len(s.preview.Blocks()))
	}

	// A bold word copied from within a line: inline, no line break.
	rich = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><span style="font-weight:700;">đậm</span></b>`
	s.chText.SetText("Chữ ")
	s.chText.CursorColumn = 4
	s.chText.TypedShortcut(&fyne.ShortcutPaste{Clipboard: plain})
	if got := s.draft.Chapters[s.sel].Text; got != "Chữ **đậm**" {
		t.Errorf("inline paste gave %q", got)
	}

	// One heading or one list item ends its line, so typing goes on below.
	for html, want := range map[string]string{"<h2>Mục</h2>": "## Mục\n", "<ol><li>một</li></ol>": "1. một\n"} {
		rich = html
		s.chText.SetText("")
		s.chText.TypedShortcut(&fyne.ShortcutPaste{Clipboard: plain})
		if got := s.draft.Chapters[s.sel].Text; got != want {
			t.Errorf("paste of %s gave %q, want %q", html, got, want)
		}
	}

	// No HTML on the clipboard: its text, as it is.
	rich = ""
	s.chText.SetText("")
	s.chText.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &textClipboard{text: "Chỉ *chữ*"}})
	if got := s.draft.Chapters[s.sel].Text; got != "Chỉ *chữ*" {
		t.Errorf("plain paste gave %q", got)
	}
}
