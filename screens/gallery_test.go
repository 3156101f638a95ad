package screens

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

// picturePack writes the built-in pack with four generated pictures (one
// of them an illustration and one damaged) into a folder and opens it,
// with background work queued for the test goroutine.
func picturePack(t *testing.T) (*Exhibit, chan func()) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "pack")
	if err := exhibit.Export(assets.Pack(), dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "photos"), 0o755); err != nil {
		t.Fatal(err)
	}
	var manifest strings.Builder
	for i, c := range []color.NRGBA{{0xA5, 0x1C, 0x1C, 0xff}, {0x2E, 0x6B, 0x2E, 0xff}, {0x20, 0x50, 0x90, 0xff}} {
		img := image.NewNRGBA(image.Rect(0, 0, 1200, 800))
		for y := 0; y < 800; y++ {
			for x := 0; x < 1200; x++ {
				k := uint8((x + y) * 255 / 2000)
				img.Set(x, y, color.NRGBA{c.R/2 + k/2, c.G/2 + k/3, c.B/2 + k/4, 0xff})
			}
		}
		f, err := os.Create(filepath.Join(dir, "photos", fmt.Sprintf("p%d.png", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		f.Close()
		kind := "photo"
		if i == 2 {
			kind = "illustration"
		}
		fmt.Fprintf(&manifest, "\n[[photos]]\nid = \"p%d\"\nfile = \"photos/p%d.png\"\nkind = %q\ncaption = \"Ảnh số %d\"\ncredit = \"Kiểm thử\"\ndate = \"2023\"\n", i+1, i+1, kind, i+1)
	}
	// A damaged picture: the first picture cut in half, so its header
	// passes validation but decoding fails when it is shown.
	whole, err := os.ReadFile(filepath.Join(dir, "photos", "p1.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "photos", "hong.png"), whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	manifest.WriteString("\n[[photos]]\nid = \"hong\"\nfile = \"photos/hong.png\"\ncaption = \"Ảnh hỏng\"\n")
	mf := filepath.Join(dir, "pack.toml")
	old, err := os.ReadFile(mf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mf, append(old, manifest.String()...), 0o644); err != nil {
		t.Fatal(err)
	}
	p, problems, pfs, err := exhibit.LoadPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pfs.Close() })
	a := test.NewTempApp(t)
	win := test.NewWindow(nil)
	t.Cleanup(win.Close)
	queue := make(chan func(), 256)
	e := New(a, win, p, problems)
	e.post = func(f func()) { queue <- f }
	win.Resize(fyne.NewSize(1280, 720))
	return e, queue
}

// until runs queued UI work until cond holds (bounded wait).
func until(t *testing.T, queue chan func(), cond func() bool, what string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for !cond() {
		select {
		case f := <-queue:
			f()
		case <-deadline:
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// drain runs queued UI work until n callbacks have run (bounded wait).
func drain(t *testing.T, queue chan func(), n int) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for i := 0; i < n; i++ {
		select {
		case f := <-queue:
			f()
		case <-deadline:
			t.Fatalf("only %d of %d background results arrived", i, n)
		}
	}
}

func TestGalleryAndViewer(t *testing.T) {
	e, queue := picturePack(t)
	e.openGallery()
	g := e.current.(*galleryScreen)
	if len(g.ids) < 4 {
		t.Fatalf("gallery lists %d pictures", len(g.ids))
	}
	until(t, queue, func() bool {
		shown, cells := shownThumbnails(e.win.Content())
		return strings.Contains(renderedText(e.win.Content()), "Không mở được hong.png") && shown == cells-1
	}, "every visible thumbnail, and the damaged picture named in the gallery")
	txt := renderedText(e.win.Content())
	if !strings.Contains(txt, "Minh hoạ") {
		t.Error("the illustration is not labelled “Minh hoạ” in the gallery")
	}
	test.AssertImageMatches(t, "gallery.png", e.win.Canvas().Capture())

	// Open the third test picture (an illustration) and look closely.
	at := -1
	for i, id := range g.ids {
		if id == "p3" {
			at = i
		}
	}
	g.sel = at - 1
	key(e, fyne.KeyRight)
	key(e, fyne.KeyReturn)
	v, ok := e.current.(*viewerScreen)
	if !ok {
		t.Fatalf("Enter in the gallery shows %T", e.current)
	}
	if v.photo().ID != "p3" {
		t.Fatalf("viewer shows %s, want p3", v.photo().ID)
	}
	if !strings.Contains(v.meta.Text, "Hình minh hoạ, không phải ảnh chụp") {
		t.Errorf("the viewer does not say the illustration is one: %q", v.meta.Text)
	}
	key(e, fyne.KeyPlus)
	key(e, fyne.KeyPlus)
	if v.zoom.Fitted() {
		t.Fatal("+ did not zoom in")
	}
	until(t, queue, func() bool { return len(queue) == 0 && v.zoom.Image() != nil }, "the picture")
	test.AssertImageMatches(t, "viewer_zoomed.png", e.win.Canvas().Capture())
	// Arrows pan while zoomed; 0 fits; then arrows move on.
	key(e, fyne.KeyRight)
	if v.photo().ID != "p3" {
		t.Errorf("Right while zoomed changed the picture to %s", v.photo().ID)
	}
	key(e, fyne.Key0)
	key(e, fyne.KeyRight)
	if v.photo().ID != "hong" {
		t.Errorf("Right when fitted: picture %s, want the next one, hong", v.photo().ID)
	}
	until(t, queue, func() bool { return strings.Contains(v.status.Text, "photos/hong.png") },
		"the viewer to name the damaged picture")
	// Why, in the exhibit's language, where the caption wraps.
	if !strings.Contains(v.meta.Text, "Tệp ảnh “photos/hong.png” bị hỏng") {
		t.Errorf("the viewer does not say what is wrong with the picture: %q", v.meta.Text)
	}
	// I hides the caption; Esc returns to the gallery.
	key(e, fyne.KeyI)
	if v.overlay.Visible() {
		t.Error("I did not hide the caption")
	}
	key(e, fyne.KeyEscape)
	if _, ok := e.current.(*galleryScreen); !ok {
		t.Errorf("Esc from the viewer shows %T", e.current)
	}
}

// shownThumbnails counts the gallery cells whose thumbnail has arrived,
// and all the cells.
func shownThumbnails(o fyne.CanvasObject) (n, cells int) {
	walkTree(o, func(o fyne.CanvasObject) bool {
		x, ok := o.(*photoCell)
		if !ok {
			return true
		}
		if x.photo != nil {
			cells++
		}
		if x.img.Image != nil {
			n++
		}
		return false
	})
	return n, cells
}

// galleryCells returns the gallery's visible cells by their index.
func galleryCells(o fyne.CanvasObject) map[int]*photoCell {
	cells := map[int]*photoCell{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *photoCell:
			if x.photo != nil && x.Visible() {
				cells[x.index] = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return cells
}

// A tap or a click on a tile, where the visitor's finger lands on the
// canvas, opens that picture in the viewer.
func TestGalleryTapOpensViewer(t *testing.T) {
	e, _ := picturePack(t)
	e.openGallery()
	g := e.current.(*galleryScreen)
	cell := galleryCells(e.win.Content())[1]
	if cell == nil {
		t.Fatal("no second cell in the gallery")
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(cell)
	test.TapCanvas(e.win.Canvas(), pos.Add(fyne.NewPos(cell.Size().Width/2, cell.Size().Height/3)))
	v, ok := e.current.(*viewerScreen)
	if !ok {
		t.Fatalf("a tap on a tile shows %T, want the viewer", e.current)
	}
	if v.at != 1 || v.photo().ID != g.ids[1] {
		t.Errorf("the viewer shows picture %d (%s), want 1 (%s)", v.at, v.photo().ID, g.ids[1])
	}
	// A double tap on the picture zooms in on the tapped point, a second
	// one shows the whole picture again.
	until(t, make(chan func()), func() bool { return v.zoom.Size().Width > 0 }, "the viewer's layout")
	v.zoom.SetImage(image.NewNRGBA(image.Rect(0, 0, 1200, 800)), 1200, 800)
	test.DoubleTap(v.zoom)
	if v.zoom.Fitted() {
		t.Error("a double tap did not zoom in")
	}
	test.DoubleTap(v.zoom)
	if !v.zoom.Fitted() {
		t.Error("a second double tap did not show the whole picture")
	}
	key(e, fyne.KeyEscape)
	if e.current != screen(g) {
		t.Fatalf("Esc from the viewer shows %T", e.current)
	}
	if c := galleryCells(e.win.Content())[1]; c == nil || c.ring.StrokeColor == color.Transparent {
		t.Error("back in the gallery, the picture just seen is not highlighted")
	}
}

// The arrow keys move a highlight the visitor can see; Enter opens the
// highlighted picture.
func TestGalleryArrowsMoveHighlight(t *testing.T) {
	e, _ := picturePack(t)
	e.openGallery()
	g := e.current.(*galleryScreen)
	lit := func() []int {
		var on []int
		for i, c := range galleryCells(e.win.Content()) {
			if c.ring.StrokeColor != color.Transparent {
				on = append(on, i)
			}
		}
		return on
	}
	if l := lit(); len(l) != 0 {
		t.Errorf("highlight %v before any key", l)
	}
	key(e, fyne.KeyRight)
	if _, ok := e.current.(*galleryScreen); !ok {
		t.Fatalf("→ opened %T instead of moving the highlight", e.current)
	}
	if l := lit(); len(l) != 1 || l[0] != 0 {
		t.Errorf("after →: highlight on %v, want [0]", l)
	}
	key(e, fyne.KeyRight)
	if l := lit(); len(l) != 1 || l[0] != 1 {
		t.Errorf("after → →: highlight on %v, want [1]", l)
	}
	cols := g.columns()
	if cols < 2 {
		t.Fatalf("%d columns at 1280×720", cols)
	}
	cells := galleryCells(e.win.Content())
	at := func(i int) fyne.Position { return fyne.CurrentApp().Driver().AbsolutePositionForObject(cells[i]) }
	if cells[0] == nil || cells[cols-1] == nil || cells[cols] == nil || at(cols-1).Y != at(0).Y || at(cols).Y <= at(0).Y {
		t.Errorf("the grid's rows do not hold %d cells", cols)
	}
	// The cells fill the width: no empty strip on the right.
	if right := at(cols-1).X + cells[cols-1].Size().Width; right < e.win.Canvas().Size().Width*0.95 {
		t.Errorf("the last column ends at %v of %v px", right, e.win.Canvas().Size().Width)
	}
	key(e, fyne.KeyDown)
	if want := min(len(g.ids)-1, 1+cols); g.sel != want {
		t.Errorf("↓ moved to %d, want %d (one row of %d down)", g.sel, want, cols)
	}
	key(e, fyne.KeyUp)
	key(e, fyne.KeyLeft)
	if l := lit(); len(l) != 1 || l[0] != 0 {
		t.Errorf("after ↓ ↑ ←: highlight on %v, want [0]", l)
	}
	key(e, fyne.KeyReturn)
	v, ok := e.current.(*viewerScreen)
	if !ok || v.at != 0 {
		t.Fatalf("Enter shows %T, want the viewer on the highlighted picture", e.current)
	}
}

// On a 1920×1080 screen the built-in pack's five pictures fill the
// screen: larger cells, all of them in view without scrolling, and the
// grid's columns are the ones the arrow keys count.
func TestGalleryFillsWideScreen(t *testing.T) {
	e, _ := newTestExhibit(t, 1920, 1080)
	e.openGallery()
	g := e.current.(*galleryScreen)
	cells := galleryCells(e.win.Content())
	if len(cells) != len(g.ids) {
		t.Fatalf("%d of %d pictures drawn", len(cells), len(g.ids))
	}
	if g.grid.ColumnCount() != g.columns() {
		t.Errorf("the grid shows %d columns, the keys count %d", g.grid.ColumnCount(), g.columns())
	}
	var right, bottom float32
	for _, c := range cells {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
		right, bottom = max(right, p.X+c.Size().Width), max(bottom, p.Y+c.Size().Height)
		if c.Size().Width < 400 {
			t.Errorf("a cell is %v px wide; five pictures on 1920 px deserve more", c.Size().Width)
		}
	}
	if bottom > 1080 || right < 1920*0.9 || bottom < 1080*0.75 {
		t.Errorf("the pictures span to x %v, y %v of 1920×1080", right, bottom)
	}
}

// Gallery captions are shown whole: no line of any cell's caption ends
// in "…", at the sizes of a hall's screens.
func TestGalleryCaptionsWhole(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}} {
		e, _ := newTestExhibit(t, sz.Width, sz.Height)
		e.openGallery()
		cells := galleryCells(e.win.Content())
		if len(cells) == 0 {
			t.Fatal("no cells")
		}
		for i, c := range cells {
			var lines []string
			var walk func(o fyne.CanvasObject)
			walk = func(o fyne.CanvasObject) {
				switch x := o.(type) {
				case *canvas.Text:
					lines = append(lines, x.Text)
				case fyne.Widget:
					for _, o := range test.WidgetRenderer(x).Objects() {
						walk(o)
					}
				}
			}
			walk(c.caption)
			got := strings.Join(lines, " ")
			if strings.Contains(got, "…") || len(lines) == 0 {
				t.Errorf("%v: caption of picture %d cut: %q", sz, i, got)
			}
		}
	}
}

// At the Projector text size on a 1024×768 projector a cell with its whole
// caption is taller than the screen: the picture gives up some height (to
// two fifths of the width), and the grid never makes the window grow.
func TestGalleryCellFitsAShortScreen(t *testing.T) {
	e, _ := newTestExhibit(t, 1024, 700)
	e.prefs.SetTextStep(exhibittheme.StepProjector)
	e.openGallery()
	g := e.current.(*galleryScreen)
	if min := e.win.Content().MinSize(); min.Height > 700 {
		t.Errorf("the gallery asks for %.0f px of height", min.Height)
	}
	view := g.viewHeight()
	cells := galleryCells(e.win.Content())
	if len(cells) == 0 || view <= 0 {
		t.Fatalf("%d cells, grid %.0f px tall", len(cells), view)
	}
	for i, c := range cells {
		w := c.Size().Width
		if h := c.img.Size().Height; h < w*0.4-2*theme.Padding() || h > w*0.62+1 {
			t.Errorf("cell %d, %.0f px wide: the picture has %.0f px of height", i, w, h)
		}
		if c.img.Size().Height > w*0.62-1 {
			t.Errorf("cell %d: the picture kept its full height in a %.0f px grid", i, view)
		}
	}
}
