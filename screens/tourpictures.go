package screens

import (
	"image"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/search"
	"trienlam/screens/photoview"
)

// picturePeriod is how long each of a chapter's pictures stays during the
// guided tour.
const picturePeriod = 15 * time.Second

// pictureStep is how often a tour picture's slow pan and zoom move on: a
// few pixels at a time is calm, and every move redraws the window (in
// software OpenGL a whole frame, about 3 % of a core per frame a second at
// 1280×720), so the pictures move every two seconds — on the narration's
// tick, and sooner when a new sentence lights up and the window is
// redrawn anyway — rather than on each of its ten ticks a second
// (bench/cpu.sh: 37 % of a core with sound, mostly these moves). Like the
// attract loop's pan (attractStep).
const pictureStep = 2 * time.Second

// tourPictures shows a chapter's pictures beside the text while the guided
// tour narrates it, each with a slow pan and zoom. It moves only on the
// narration's own ticks, so it costs nothing when the tour is not running
// and stops with the voice when paused.
type tourPictures struct {
	r       *readerScreen
	zoom    *photoview.Zoom
	caption *widget.Label
	panel   *fyne.Container
	holder  *fyne.Container
	ids     []string
	// shown is the index in ids of the picture on screen, want the one
	// due (being decoded until shown catches up); -1 for none.
	shown, want int
	// pos is the narration position last followed; moved the one the
	// view was last set for, -1 for none.
	pos, moved time.Duration
}

func newTourPictures(r *readerScreen) *tourPictures {
	t := &tourPictures{r: r, shown: -1, want: -1, moved: -1}
	t.zoom = photoview.New(nil, 0, 0)
	// Decoded at about the panel's size (load), so the graphics driver's
	// scaling looks as good and costs no software rescale per move.
	t.zoom.GPUScale = true
	t.caption = widget.NewLabel("")
	t.caption.Wrapping = fyne.TextWrapWord
	t.caption.Importance = widget.LowImportance
	// A long caption scrolls within four lines rather than making the
	// reader taller than the display. (Not a share of the window's height:
	// the window grows to what it holds, so that would feed on itself.)
	caption := container.New(&cappedHeight{measure: t.caption, max: func() float32 {
		return theme.TextSize() * 1.4 * 4
	}}, container.NewVScroll(t.caption))
	t.panel = container.NewBorder(nil, caption, nil, nil, t.zoom)
	// The reader's row (readerRow) gives the holder its width: two fifths
	// of the window, when the text leaves that much.
	t.holder = container.NewStack()
	return t
}

// update shows or hides the panel for the chapter and the tour.
func (t *tourPictures) update() {
	r := t.r
	t.ids = t.ids[:0]
	if r.e.touring {
		for _, id := range r.ch().Photos {
			if r.e.pack.Photo(id) != nil {
				t.ids = append(t.ids, id)
			}
		}
	}
	t.holder.RemoveAll()
	t.shown, t.want, t.moved = -1, -1, -1
	t.zoom.SetImage(nil, 0, 0) // not the last chapter's picture
	t.caption.SetText("")
	if len(t.ids) > 0 {
		// Scrolls (and so clips) when the text column leaves it too little
		// height, instead of spilling over the bars.
		t.holder.Add(container.NewVScroll(container.NewPadded(t.panel)))
		t.follow(0, true)
	}
	t.holder.Refresh()
	if c, ok := r.built.(*fyne.Container); ok {
		// The panel's width changed: lay the reader out again.
		c.Refresh()
	}
}

// follow moves to the picture for a narration position and advances its
// slow pan and zoom: every pictureStep, or at once when redrawing says the
// window is redrawn on this tick anyway (a new sentence lit up), so that a
// move never costs a frame of its own then.
func (t *tourPictures) follow(pos time.Duration, redrawing bool) {
	if len(t.ids) == 0 {
		return
	}
	t.pos = pos
	i := int(pos/picturePeriod) % len(t.ids)
	if i != t.want {
		t.want = i
		t.load(i)
		return
	}
	if t.shown != i {
		return // the next picture is still being decoded: the last one holds still
	}
	if d := pos - t.moved; t.moved >= 0 && d >= 0 && d < pictureStep && !(redrawing && d > 0) {
		return // not yet time to move
	}
	t.setView(pos)
}

// setView sets the pan and zoom of the picture shown for a position.
func (t *tourPictures) setView(pos time.Duration) {
	t.moved = pos
	// Within its period each picture zooms from 100 % to 115 % while its
	// centre drifts, alternating direction from one picture to the next.
	f := float64(pos%picturePeriod) / float64(picturePeriod)
	dir := 1.0
	if t.shown%2 == 1 {
		dir = -1
	}
	t.zoom.SetView(1+0.15*f, 0.5+dir*0.06*(f-0.5), 0.5+0.04*math.Sin(f*math.Pi))
}

// load decodes picture i at about the panel's size and then shows it with
// its caption, both at once: one frame for the change, and the last
// picture stays until then rather than leaving the panel blank.
func (t *tourPictures) load(i int) {
	p := t.r.e.pack.Photo(t.ids[i])
	size := t.r.e.win.Canvas().Size()
	w, h := int(size.Width*0.5), int(size.Height)
	t.r.e.thumbnail(p, w, h, func(img image.Image, err error) {
		if t.want != i {
			return // another picture is due by now
		}
		t.shown = i
		t.caption.SetText(photoCaption(p))
		t.zoom.SetImage(img, p.Width, p.Height)
		t.setView(t.pos)
	})
}

// photoCaption is a picture's caption as the tour shows it: an
// illustration says so.
func photoCaption(p *exhibit.Photo) string { return labelIllustration(p, p.Caption) }

// labelIllustration returns caption with the interface's word for an
// illustration after it when p is one and caption does not say so already,
// in any of the interface's languages and however its tone marks are
// placed: a Vietnamese pack's "Minh họa: …" needs no "(Illustration)" in
// the English interface, nor "(Minh hoạ)" in the Vietnamese one.
func labelIllustration(p *exhibit.Photo, caption string) string {
	if p.Kind != exhibit.KindIllustration {
		return caption
	}
	folded := search.Fold(caption)
	says := func(w string) bool { return strings.Contains(folded, search.Fold(w)) }
	if says(illustrationWord()) || slices.ContainsFunc(illustrationWords(), says) {
		return caption
	}
	return caption + " (" + illustrationWord() + ")"
}

func illustrationWord() string { return lang.L("Illustration") }

// illustrationWords is "Illustration" in each language of the interface,
// read once.
var illustrationWords = sync.OnceValue(func() []string { return assets.EveryTranslation("Illustration") })
