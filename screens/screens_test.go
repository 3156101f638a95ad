package screens

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

func TestMain(m *testing.M) {
	// A fixed locale keeps the tests independent of the machine's; LANG=C
	// would also make Fyne log a locale parse error for every test.
	os.Setenv("LANGUAGE", "en")
	os.Setenv("LC_ALL", "en_US.UTF-8")
	// The studio's paste never reads the machine's real clipboard in tests
	// (TestStudioPasteRichHTML gives it one).
	clipboardHTML = func(then func(string, bool)) { then("", false) }
	os.Exit(m.Run())
}

// newTestExhibit opens the built-in pack in a test window of the given size.
func newTestExhibit(t *testing.T, w, h float32) (*Exhibit, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	return openIn(t, a, w, h), a
}

func openIn(t *testing.T, a fyne.App, w, h float32) *Exhibit {
	t.Helper()
	p, problems, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Fatalf("built-in pack has problems: %v", problems)
	}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	e := New(a, win, p, nil)
	win.Resize(fyne.NewSize(w, h))
	e.inhibit = noInhibit // tests never change the machine's screen saver
	return e
}

func key(e *Exhibit, name fyne.KeyName) {
	e.win.Canvas().(fyne.Canvas).OnTypedKey()(&fyne.KeyEvent{Name: name})
}

func TestHomeGolden(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	test.AssertImageMatches(t, "home_1280x720.png", e.win.Canvas().Capture())
}

func TestHomeDarkGolden(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	e.prefs.SetVariant(exhibittheme.Dark)
	test.AssertImageMatches(t, "home_dark_1024x768.png", e.win.Canvas().Capture())
}

func TestReaderGoldenDeskAndProjector(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	key(e, fyne.KeyReturn) // the clicker's "next" from the title plate starts reading
	if e.current != e.reader {
		t.Fatalf("Enter on home should open the reader, got %T", e.current)
	}
	waitFigures(t, e, nil)
	test.AssertImageMatches(t, "reader_desk_1280x720.png", e.win.Canvas().Capture())

	e.stepText(int(exhibittheme.StepProjector)) // as A+ pressed three times
	if got := theme.TextSize(); got < 28 {
		t.Fatalf("projector body text is %v px, want at least 28", got)
	}
	waitFigures(t, e, nil)
	test.AssertImageMatches(t, "reader_projector_1280x720.png", e.win.Canvas().Capture())
}

func TestSearchGolden(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openSearch()
	s := e.current.(*searchScreen)
	test.Type(s.entry, "thuong an")
	if len(s.hits) == 0 {
		t.Fatal("“thuong an” found nothing; it must find “Thượng Ân”")
	}
	test.AssertImageMatches(t, "search_thuong_an.png", e.win.Canvas().Capture())
}

func TestSearchOpensHitHighlighted(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openSearch()
	s := e.current.(*searchScreen)
	test.Type(s.entry, "dang vien")
	if len(s.hits) == 0 {
		t.Fatal("“dang vien” found nothing; đ must match d")
	}
	hit := s.hits[0]
	key(e, fyne.KeyReturn)
	if e.current != e.reader {
		t.Fatalf("Enter in search should open the reader, got %T", e.current)
	}
	r := e.reader
	if got := r.ch().ID; got != hit.Chapter {
		t.Errorf("reader shows chapter %q, want %q", got, hit.Chapter)
	}
	marks := r.view.Marks()
	rs := marks[hit.Block]
	if len(rs) == 0 {
		t.Fatalf("block %d has no highlight; marks %v", hit.Block, marks)
	}
	text := r.ch().Blocks[hit.Block].Text()
	var words []string
	for _, rg := range rs {
		words = append(words, strings.ToLower(text[rg[0]:rg[1]]))
	}
	if got := strings.Join(words, " "); !strings.Contains(got, "đảng") || !strings.Contains(got, "viên") {
		t.Errorf("highlighted %q, want “đảng” and “viên”", got)
	}
	// The hit is scrolled into view: its block starts within the viewport.
	top := r.view.BlockTop(hit.Block)
	if top < r.scroll.Offset.Y || top > r.scroll.Offset.Y+r.scroll.Size().Height {
		t.Errorf("hit block at y=%v is outside the view [%v, %v]", top, r.scroll.Offset.Y, r.scroll.Offset.Y+r.scroll.Size().Height)
	}
	// Esc goes back to the results, then home.
	key(e, fyne.KeyEscape)
	if _, ok := e.current.(*searchScreen); !ok {
		t.Errorf("Esc from a hit should return to the results, got %T", e.current)
	}
	key(e, fyne.KeyEscape)
	if _, ok := e.current.(*homeScreen); !ok {
		t.Errorf("Esc from search should return home, got %T", e.current)
	}
}

func TestReaderKeys(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openChapter(0, -1, nil)
	r := e.reader

	key(e, fyne.KeyPageDown)
	if r.scroll.Offset.Y <= 0 {
		t.Fatalf("PageDown did not scroll: offset %v", r.scroll.Offset.Y)
	}
	y := r.scroll.Offset.Y
	key(e, fyne.KeyDown)
	if r.scroll.Offset.Y <= y {
		t.Errorf("Down did not scroll further: %v then %v", y, r.scroll.Offset.Y)
	}
	key(e, fyne.KeyHome)
	if r.scroll.Offset.Y != 0 {
		t.Errorf("Home left offset %v", r.scroll.Offset.Y)
	}
	key(e, fyne.KeyEnd)
	if r.scroll.Offset.Y <= 0 {
		t.Errorf("End did not scroll to the end")
	}
	// At the end of a chapter the clicker's PageDown goes on to the next.
	key(e, fyne.KeyPageDown)
	if r.chapter != 1 {
		t.Fatalf("PageDown at the end should open chapter 2, at %d", r.chapter+1)
	}
	// At the top, PageUp goes back to the end of the previous chapter.
	key(e, fyne.KeyPageUp)
	if r.chapter != 0 {
		t.Fatalf("PageUp at the top should open chapter 1, at %d", r.chapter+1)
	}
	if r.scroll.Offset.Y <= 0 {
		t.Errorf("PageUp into the previous chapter should show its end")
	}
	key(e, fyne.KeyRight)
	key(e, fyne.KeyRight)
	if r.chapter != 2 {
		t.Errorf("Right twice: chapter %d, want 3", r.chapter+1)
	}
	key(e, fyne.KeyLeft)
	if r.chapter != 1 {
		t.Errorf("Left: chapter %d, want 2", r.chapter+1)
	}
	key(e, fyne.KeyEscape)
	if _, ok := e.current.(*homeScreen); !ok {
		t.Errorf("Esc from the reader should go home, got %T", e.current)
	}
}

// A clicker's keys must work while a button has keyboard focus: Fyne
// sends keys only to the focused widget then.
func TestKeysWorkWithFocusedButton(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openChapter(0, -1, nil)
	r := e.reader
	e.win.Canvas().Focus(r.next)
	if e.win.Canvas().Focused() != r.next {
		t.Fatal("could not focus the next button")
	}
	r.next.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if r.scroll.Offset.Y <= 0 {
		t.Error("PageDown on a focused button did not reach the reader")
	}
}

func TestShortcuts(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	ctrl := func(k fyne.KeyName) {
		e.runShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	ctrl(fyne.KeyF)
	if _, ok := e.current.(*searchScreen); !ok {
		t.Fatalf("Ctrl+F should open search, got %T", e.current)
	}
	before := theme.TextSize()
	ctrl(fyne.KeyEqual)
	if theme.TextSize() <= before {
		t.Errorf("Ctrl+= did not enlarge the text: %v → %v", before, theme.TextSize())
	}
	ctrl(fyne.KeyMinus)
	if theme.TextSize() != before {
		t.Errorf("Ctrl+- did not return to %v: %v", before, theme.TextSize())
	}
}

func TestPositionAndSettingsSurviveRestart(t *testing.T) {
	a := test.NewTempApp(t)
	e := openIn(t, a, 1280, 720)
	e.prefs.SetTextStep(exhibittheme.StepLarge)
	e.prefs.SetVariant(exhibittheme.Dark)
	e.prefs.SetLanguage("en")
	e.openChapter(3, -1, nil)
	e.reader.scrollToBlock(3)

	again := openIn(t, a, 1280, 720)
	if got := again.prefs.TextStep(); got != exhibittheme.StepLarge {
		t.Errorf("text step after restart = %v", got)
	}
	if got := again.prefs.Variant(); got != exhibittheme.Dark {
		t.Errorf("theme after restart = %v", got)
	}
	if got := lang.L("Search"); got != "Search" {
		t.Errorf("English after restart: lang.L(Search) = %q", got)
	}
	ch, block := again.prefs.LastPosition(again.pack)
	if ch != 3 || block != 3 {
		t.Errorf("position after restart = chapter %d block %d, want 3, 3", ch, block)
	}
	again.resume()
	if again.reader.chapter != 3 {
		t.Errorf("resume opened chapter %d", again.reader.chapter)
	}
	again.prefs.SetLanguage("vi")
	if got := lang.L("Search"); got != "Tìm kiếm" {
		t.Errorf("Vietnamese: lang.L(Search) = %q", got)
	}
}

func TestProblemsEntryOnlyWithProblems(t *testing.T) {
	a := test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	problems := []exhibit.Problem{{File: "photos/x.jpg", Field: "photos[1].file", Message: `file "photos/x.jpg" not found`}}
	e := New(a, win, p, problems)
	win.Resize(fyne.NewSize(1280, 720))
	if !strings.Contains(renderedText(win.Content()), "Lỗi trong gói (1)") {
		t.Error("home does not offer the pack problems")
	}
	e.openProblems()
	txt := renderedText(win.Content())
	for _, want := range []string{"Tệp photos/x.jpg", "trường photos[1].file", `file "photos/x.jpg" not found`} {
		if !strings.Contains(txt, want) {
			t.Errorf("problems screen lacks %q", want)
		}
	}
	e2, _ := newTestExhibit(t, 1280, 720)
	if strings.Contains(renderedText(e2.win.Content()), "Lỗi trong gói") {
		t.Error("a valid pack must not show a problems entry")
	}
}

// renderedText returns every string drawn under an object, in tree order.
func renderedText(o fyne.CanvasObject) string {
	var b strings.Builder
	walkTree(o, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok {
			b.WriteString(x.Text)
			b.WriteString("\n")
		}
		return true
	})
	return b.String()
}

// walkTree calls visit for o and, while visit returns true, for every
// object drawn under it (containers' objects, widgets' renderer objects),
// in tree order.
func walkTree(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if !visit(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkTree(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkTree(c, visit)
		}
	}
}

func TestFullScreenKeysAndMemory(t *testing.T) {
	e, a := newTestExhibit(t, 1280, 720)
	key(e, fyne.KeyF11)
	if !e.win.FullScreen() || !e.prefs.FullScreen() {
		t.Fatal("F11 should switch to full screen and remember it")
	}
	if !openIn(t, a, 1280, 720).prefs.FullScreen() {
		t.Error("full screen is not remembered across a restart")
	}
	key(e, fyne.KeyEscape)
	if e.win.FullScreen() || e.prefs.FullScreen() {
		t.Error("Esc should leave full screen first")
	}
	if _, ok := e.current.(*homeScreen); !ok {
		t.Errorf("Esc that left full screen must not also navigate; at %T", e.current)
	}
}

// TestClickerThroughTheExhibit: PageDown from home reads every chapter in
// order, then the closing page, then chapter 1 again from its top — never
// a loop between home and the last chapter, even when the visitor before
// left the reader at the very end.
func TestClickerThroughTheExhibit(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	last := len(e.pack.Chapters) - 1
	for _, from := range []string{"fresh", "left at the end"} {
		e.goHome()
		if from == "left at the end" {
			e.prefs.SetPosition(e.pack, e.pack.Chapters[last].ID, len(e.pack.Chapters[last].Blocks)-1)
		}
		var trail []string
		seen := -1 // the highest chapter reached
		closed := false
		for n := 0; n < 400; n++ {
			key(e, fyne.KeyPageDown)
			switch s := e.current.(type) {
			case *homeScreen:
				t.Fatalf("%s: PageDown %d went home: %v", from, n+1, trail)
			case *closingScreen:
				if seen != last {
					t.Fatalf("%s: closing page after chapter %d", from, seen+1)
				}
				closed = true
				trail = append(trail, "closing")
			case *readerScreen:
				if s.chapter < seen && !closed {
					t.Fatalf("%s: PageDown %d went back to chapter %d from %d: %v", from, n+1, s.chapter+1, seen+1, trail)
				}
				if closed {
					if s.chapter != 0 || s.scroll.Offset.Y != 0 {
						t.Fatalf("%s: after the closing page: chapter %d at %v, want chapter 1 at the top", from, s.chapter+1, s.scroll.Offset.Y)
					}
					goto next
				}
				seen = max(seen, s.chapter)
				trail = append(trail, "ch"+string(rune('1'+s.chapter)))
			default:
				t.Fatalf("%s: PageDown %d opened %T", from, n+1, s)
			}
		}
		t.Fatalf("%s: 400 PageDowns never came round to chapter 1: %v", from, trail)
	next:
		if i, b := e.prefs.LastPosition(e.pack); i != 0 || b > 0 {
			t.Errorf("%s: reading position after the closing page: chapter %d block %d", from, i+1, b)
		}
	}
}

// TestClosingPage: the closing page's look, and its ways on: previous to
// the end of the last chapter, Esc back, the buttons.
func TestClosingPage(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 768)
	last := len(e.pack.Chapters) - 1
	e.openChapter(last, -1, nil)
	key(e, fyne.KeyRight)
	if _, ok := e.current.(*closingScreen); !ok {
		t.Fatalf("Right in the last chapter: %T, want the closing page", e.current)
	}
	test.AssertImageMatches(t, "closing_1024x768.png", e.win.Canvas().Capture())
	key(e, fyne.KeyPageUp)
	if e.current != screen(e.reader) || e.reader.chapter != last || e.reader.scroll.Offset.Y <= 0 {
		t.Fatalf("PageUp on the closing page: %T chapter %d, want the end of the last chapter", e.current, e.reader.chapter+1)
	}
	if len(e.history) != 1 {
		t.Errorf("history grows through the closing page: %d screens", len(e.history))
	}
	key(e, fyne.KeyRight)
	key(e, fyne.KeyEscape)
	if e.current != screen(e.reader) {
		t.Errorf("Esc on the closing page: %T, want the reader", e.current)
	}
}

// On a 1024×768 projector at the Projector text size the title plate gives
// up type size so that the buttons are on the first screen; at the usual
// size it keeps its full size.
func TestHomeButtonsOnTheFirstScreen(t *testing.T) {
	for _, step := range []exhibittheme.Step{exhibittheme.StepDesk, exhibittheme.StepProjector} {
		e, _ := newTestExhibit(t, 1024, 700)
		e.prefs.SetTextStep(step)
		e.goHome()
		b := findButton(e.win.Content(), lang.L("Start reading"))
		if b == nil {
			t.Fatal("no Start reading button")
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if bottom := pos.Y + b.Size().Height; bottom > 700 {
			t.Errorf("text step %d: Start reading ends at y=%.0f, below the 700 px window", step, bottom)
		}
	}
}

// Esc closes the contents panel before it leaves the chapter, as it closes
// any drawer.
func TestEscClosesTheContentsFirst(t *testing.T) {
	e, _ := newTestExhibit(t, 1280, 720)
	e.openChapter(1, -1, nil)
	e.reader.toggleTOC()
	key(e, fyne.KeyEscape)
	if e.reader.tocOpen {
		t.Error("Esc left the contents open")
	}
	if _, ok := e.current.(*readerScreen); !ok {
		t.Fatalf("the first Esc left the chapter for %T", e.current)
	}
	key(e, fyne.KeyEscape)
	if _, ok := e.current.(*readerScreen); ok {
		t.Error("the second Esc stayed in the chapter")
	}
}
