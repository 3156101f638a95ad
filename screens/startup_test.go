package screens

import (
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
	"trienlam/screens/exhibittheme"
)

func TestFirstScreenCoverIsDecodedInTheBackground(t *testing.T) {
	test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	// 410 pixels: two fifths of the 1024-wide first window.
	c := prepareFirstScreen(p, photos.Kept{}, 410)()
	if c == nil {
		t.Fatal("no cover decoded")
	}
	if c.path != p.Cover || c.width != 512 {
		t.Errorf("cover %q decoded for %d px, want %q for 512 (410 rounded up to the step)", c.path, c.width, p.Cover)
	}
	if w := c.img.Bounds().Dx(); w != 512 {
		t.Errorf("cover decoded %d px wide, want 512", w)
	}
	if c := prepareFirstScreen(p, photos.Kept{}, 0)(); c != nil {
		t.Errorf("a cover was decoded with no width to decode for (full screen)")
	}
}

func TestHomeTakesTheCoverDecodedAtStart(t *testing.T) {
	e, win, p := unshownExhibit(t)
	early := image.NewRGBA(image.Rect(0, 0, 512, 288))
	e.firstCover = &decodedCover{path: p.Cover, img: early, width: 512}
	e.show(e.home(), false)
	row := theCoverRow(t, win)
	if row.decoded != early {
		t.Fatalf("the home decoded the cover again instead of taking the one decoded at start")
	}
	img := row.img
	if !img.Visible() || img.Image == nil {
		t.Fatalf("the cover is not shown in the %v window", firstWindow)
	}
	// Shown at exactly its pixels on screen (scale 1 here), so Fyne's
	// painter does not scale it again.
	b, sz := img.Image.Bounds(), img.Size()
	if b.Dx() != int(math.Round(float64(sz.Width))) || b.Dy() != int(math.Round(float64(sz.Height))) {
		t.Errorf("the cover shows a %d×%d picture in a %v image, want the image's own pixels", b.Dx(), b.Dy(), sz)
	}
	if r := float32(b.Dx()) / float32(b.Dy()); r < 1.7 || r > 1.85 {
		t.Errorf("the cover shows at %d×%d, not at the 16:9 of the decoded picture", b.Dx(), b.Dy())
	}
	if e.firstCover != nil {
		t.Errorf("the cover decoded at start is kept after the home took it")
	}
}

// A full-screen start cannot know the screen's size before the window is
// made, so it decodes the cover beside it for the width the cover had full
// screen last time: the home then takes that and decodes nothing.
func TestFullScreenStartDecodesTheCoverForLastTimesWidth(t *testing.T) {
	a := test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	prefs := NewPrefs(a)
	if px := prefs.FullScreenCoverWidth(); px != 0 {
		t.Fatalf("a first start knows a full-screen cover width: %d", px)
	}
	homeIn := func(cover *decodedCover) (*coverRow, func()) {
		win := test.NewWindow(nil)
		win.SetFullScreen(true)
		win.Resize(fyne.NewSize(1920, 1080))
		e := newExhibit(a, win, p, nil)
		e.inhibit = noInhibit
		e.firstCover = cover
		e.show(e.home(), false)
		return theCoverRow(t, win), win.Close
	}

	// The first start: decoded when the home is laid out, and remembered.
	row, closeWin := homeIn(nil)
	shown := row.img.Size().Width
	closeWin()
	px := prefs.FullScreenCoverWidth()
	if px < int(shown) || px > int(shown)+1 {
		t.Fatalf("remembered %d px for a cover shown %v wide", px, shown)
	}

	// The next start decodes for it beside the window; the home keeps it.
	early := prepareFirstScreen(p, photos.Kept{}, px)()
	if early == nil {
		t.Fatal("no cover decoded at start for the remembered width")
	}
	row, closeWin = homeIn(early)
	defer closeWin()
	if row.decoded != early.img {
		t.Errorf("the home decoded the cover again instead of taking the one decoded at start")
	}
}

// theCoverRow returns the layout of the home's one cover row in win.
func theCoverRow(t *testing.T, win fyne.Window) *coverRow {
	t.Helper()
	return theLayout[*coverRow](t, win)
}

// theLayout returns the layout of the one container in win laid out by an
// L.
func theLayout[L fyne.Layout](t *testing.T, win fyne.Window) L {
	t.Helper()
	found := findAll(win.Canvas().Content(), func(o fyne.CanvasObject) bool {
		c, ok := o.(*fyne.Container)
		if !ok {
			return false
		}
		_, ok = c.Layout.(L)
		return ok
	})
	if len(found) != 1 {
		var none L
		t.Fatalf("%d containers laid out by a %T in the window, want 1", len(found), none)
	}
	return found[0].(*fyne.Container).Layout.(L)
}

// A damaged or hand-edited preference cannot ask for a cover wider than
// any screen, nor a negative one.
func TestFullScreenCoverWidthIsBounded(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := NewPrefs(a)
	for stored, want := range map[int]int{-5: 0, 480: 480, 1 << 40: 1 << 14} {
		a.Preferences().SetInt(prefFullCoverPx, stored)
		if got := prefs.FullScreenCoverWidth(); got != want {
			t.Errorf("stored %d: width %d, want %d", stored, got, want)
		}
	}
}

// firstIn returns the firstScreen in win's content.
func firstIn(t *testing.T, win fyne.Window) *firstScreen {
	t.Helper()
	return theLayout[*firstScreen](t, win)
}

// unshownExhibit is an exhibit of the built-in pack in a new test window
// of the first window's size, with no screen shown yet, as Run makes it.
func unshownExhibit(t *testing.T) (*Exhibit, fyne.Window, *exhibit.Pack) {
	t.Helper()
	a := test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	win.Resize(firstWindow)
	e := newExhibit(a, win, p, nil)
	e.inhibit = noInhibit
	return e, win, p
}

// The window's first frame is the home: armed, the first screen builds it
// the first time the window asks its content's size (as Fyne does while
// making the window, before painting), with the cover decoded beside it.
func TestFirstScreenBuildsTheHomeWhenTheWindowAsksItsSize(t *testing.T) {
	e, win, p := unshownExhibit(t)
	first := e.showFirst(410, true)
	if _, ok := e.current.(*homeScreen); !ok {
		t.Fatalf("the current screen is %T, want the home", e.current)
	}
	box := firstIn(t, win).box
	if len(box.Objects) != 0 {
		t.Fatalf("the home was built before the window asked for it")
	}
	if min := win.Canvas().Content().MinSize(); min.Width <= 0 || min.Height <= 0 {
		t.Fatalf("the content asks for %v once the home is in it", min)
	}
	if len(box.Objects) != 1 || box.Objects[0] != e.home().built {
		t.Fatalf("asking the size did not put the home in the first screen: %d objects", len(box.Objects))
	}
	home := box.Objects[0]
	first.fill()
	if len(box.Objects) != 1 || box.Objects[0] != home {
		t.Errorf("fill built the home a second time")
	}
	if home.Size() != box.Size() || box.Size().Width <= 0 {
		t.Errorf("the home is %v in a %v first screen", home.Size(), box.Size())
	}
	if txt := renderedText(win.Content()); !strings.Contains(txt, p.Title) && !strings.Contains(txt, "Chi bộ Chí Kiên") {
		t.Errorf("the window does not show the home's title")
	}
	if row := theCoverRow(t, win); row.decoded == nil || e.firstCover != nil {
		t.Errorf("the home did not take the cover decoded beside the window (decoded %v, left %v)", row.decoded != nil, e.firstCover != nil)
	}
}

// Not armed (a start that shows the presenter first), asking the size
// builds nothing: only fill does.
func TestUnarmedFirstScreenWaitsForFill(t *testing.T) {
	e, win, _ := unshownExhibit(t)
	first := e.showFirst(0, false)
	win.Canvas().Content().MinSize()
	box := firstIn(t, win).box
	if len(box.Objects) != 0 {
		t.Fatalf("an unarmed first screen built the home when asked its size")
	}
	first.fill()
	if len(box.Objects) != 1 || box.Objects[0] != e.home().built {
		t.Fatalf("fill did not build the home")
	}
}

// A start in kiosk mode enters it before the window shows: the first
// screen is the kiosk's home, with the staff button and no settings.
func TestKioskStartsWithTheKiosksHome(t *testing.T) {
	e, win, _ := unshownExhibit(t)
	e.enterKiosk()
	t.Cleanup(e.kiosk.idle.Stop)
	if !win.FullScreen() {
		t.Errorf("kiosk mode did not make the window full screen")
	}
	e.showFirst(0, true).fill()
	txt := renderedText(win.Content())
	if !strings.Contains(txt, "Dành cho cán bộ") {
		t.Errorf("the kiosk's first screen has no staff button: %q", txt)
	}
	if strings.Contains(txt, "Cài đặt") || strings.Contains(txt, "Trình chiếu (F5)") {
		t.Errorf("the kiosk's first screen shows the staff's home (settings or presenter): %q", txt)
	}
}

// The cover decoded for the first screen is kept: the next start reads it
// instead of decoding it again.
func TestFirstScreenKeepsTheCover(t *testing.T) {
	a := test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var kept os.FileInfo
	for start := 1; start <= 2; start++ {
		win := test.NewWindow(nil)
		win.Resize(firstWindow)
		e := newExhibit(a, win, p, nil)
		e.inhibit = noInhibit
		e.keptCovers = photos.Kept{Dir: dir}
		e.showFirst(410, true).fill()
		if row := theCoverRow(t, win); row.decoded == nil || row.decoded.Bounds().Dx() != 512 {
			t.Fatalf("start %d: cover %v, want it decoded 512 px wide", start, row.decoded)
		}
		win.Close()
		files, _ := filepath.Glob(filepath.Join(dir, "*.pic"))
		if len(files) != 1 {
			t.Fatalf("start %d: %d kept covers, want 1", start, len(files))
		}
		st, err := os.Stat(files[0])
		if err != nil {
			t.Fatal(err)
		}
		if start == 2 && !os.SameFile(st, kept) {
			t.Errorf("the second start decoded the cover again and replaced the kept one")
		}
		kept = st
	}
}

// A first screen that another screen replaced before it was built (the
// window's first layout changed the hall scale, and the screen was built
// again) stays empty: the home is not put in two places.
func TestSupersededFirstScreenBuildsNothing(t *testing.T) {
	e, win, _ := unshownExhibit(t)
	first := e.showFirst(0, false)
	box := firstIn(t, win).box
	e.refreshCurrent()
	first.fill()
	if len(box.Objects) != 0 {
		t.Errorf("fill put the home in a first screen no longer in the window")
	}
	if txt := renderedText(win.Content()); !strings.Contains(txt, "Các chương") {
		t.Errorf("the window does not show the home after it was rebuilt")
	}
}

// Every box the home paints has rounded corners. Software OpenGL (Mesa's
// llvmpipe, the hall PC without a graphics card) compiles machine code for
// each kind of drawing the first time it is used, and a PC's first start
// pays for every kind in the home's first frame: a square rectangle beside
// the rounded ones (Fyne's buttons, the cards) costs another 30–50 ms there.
// The test fails on a visible rectangle with paint and square corners, at
// the first window's size and at both hall sizes, for every text size.
func TestHomePaintsOnlyRoundedRectangles(t *testing.T) {
	for _, size := range []fyne.Size{firstWindow, fyne.NewSize(1024, 768), fyne.NewSize(1920, 1080)} {
		for _, step := range exhibittheme.Steps {
			e, _ := newTestExhibit(t, size.Width, size.Height)
			e.prefs.SetTextStep(step)
			e.show(e.home(), false)
			checked := 0
			walkTree(e.win.Canvas().Content(), func(o fyne.CanvasObject) bool {
				if !o.Visible() {
					return false // nor what it holds
				}
				r, ok := o.(*canvas.Rectangle)
				if !ok || !paints(r) {
					return true
				}
				checked++
				if r.CornerRadius == 0 && r.TopLeftCornerRadius == 0 && r.TopRightCornerRadius == 0 &&
					r.BottomLeftCornerRadius == 0 && r.BottomRightCornerRadius == 0 {
					t.Errorf("%v, text step %d: a square rectangle %v at %v, filled %v",
						size, step, r.Size(), r.Position(), r.FillColor)
				}
				return true
			})
			if checked < len(e.pack.Chapters) {
				t.Fatalf("%v: only %d painted rectangles seen; the walk no longer reaches the cards", size, checked)
			}
		}
	}
}

// paints reports whether r draws anything: a fill or a stroke that is not
// fully transparent.
func paints(r *canvas.Rectangle) bool {
	opaque := func(c color.Color) bool {
		if c == nil {
			return false
		}
		_, _, _, a := c.RGBA()
		return a > 0
	}
	return opaque(r.FillColor) || (r.StrokeWidth > 0 && opaque(r.StrokeColor))
}
