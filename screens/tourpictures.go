package screens

import (
	"image"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/screens/photoview"
)

// picturePeriod is how long each of a chapter's pictures stays during the
// guided tour.
const picturePeriod = 15 * time.Second

// pictureStep is how often a tour picture's slow pan and zoom move on: a
// few pixels a second is calm, and every move redraws the window (in
// software OpenGL a whole frame), so the pictures move once a second — on
// the same tick as the player's clock — rather than on each of the
// narration's ten ticks a second (bench/cpu.sh: 37 % of a core with sound,
// mostly these moves).
const pictureStep = time.Second

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
	shown   int
	// step is the position the view was last moved for, a whole number
	// of pictureSteps; -1 for none.
	step time.Duration
}

func newTourPictures(r *readerScreen) *tourPictures {
	t := &tourPictures{r: r, shown: -1, step: -1}
	t.zoom = photoview.New(nil, 0, 0)
	// Decoded at about the panel's size (show), so the graphics driver's
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
	t.shown, t.step = -1, -1
	if len(t.ids) > 0 {
		// Scrolls (and so clips) when the text column leaves it too little
		// height, instead of spilling over the bars.
		t.holder.Add(container.NewVScroll(container.NewPadded(t.panel)))
		t.follow(0)
	}
	t.holder.Refresh()
	if c, ok := r.built.(*fyne.Container); ok {
		// The panel's width changed: lay the reader out again.
		c.Refresh()
	}
}

// follow moves to the picture for a narration position and advances its
// slow pan and zoom.
func (t *tourPictures) follow(pos time.Duration) {
	if len(t.ids) == 0 {
		return
	}
	pos = pos.Truncate(pictureStep)
	i := int(pos/picturePeriod) % len(t.ids)
	if i != t.shown {
		t.shown = i
		p := t.r.e.pack.Photo(t.ids[i])
		t.show(p)
	} else if pos == t.step {
		return // not yet time to move
	}
	t.step = pos
	// Within its period each picture zooms from 100 % to 115 % while its
	// centre drifts, alternating direction from one picture to the next.
	f := float64(pos%picturePeriod) / float64(picturePeriod)
	dir := 1.0
	if i%2 == 1 {
		dir = -1
	}
	t.zoom.SetView(1+0.15*f, 0.5+dir*0.06*(f-0.5), 0.5+0.04*math.Sin(f*math.Pi))
}

func (t *tourPictures) show(p *exhibit.Photo) {
	caption := p.Caption
	if p.Kind == exhibit.KindIllustration && !strings.Contains(strings.ToLower(caption), strings.ToLower(illustrationWord())) {
		caption += " (" + illustrationWord() + ")"
	}
	t.caption.SetText(caption)
	t.zoom.SetImage(nil, p.Width, p.Height)
	size := t.r.e.win.Canvas().Size()
	w, h := int(size.Width*0.5), int(size.Height)
	shown := t.shown
	t.r.e.thumbnail(p, w, h, func(img image.Image, err error) {
		if err == nil && t.shown == shown {
			t.zoom.Replace(img)
		}
	})
}

func illustrationWord() string { return lang.L("Illustration") }
