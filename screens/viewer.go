package screens

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
	"trienlam/screens/photoview"
)

// viewerScreen shows one picture large, with its caption, credit and date over
// it (the overlay can be hidden), zoom and pan, and the previous and next
// pictures of the set it was opened from.
type viewerScreen struct {
	e   *Exhibit
	ids []string
	at  int

	zoom        *photoview.Zoom
	caption     *widget.Label
	meta        *widget.Label
	overlay     *fyne.Container
	status      *widget.Label
	showOverlay bool
	prev, next  *keyButton
}

func newViewerScreen(e *Exhibit, ids []string, at int) *viewerScreen {
	return &viewerScreen{e: e, ids: ids, at: at, showOverlay: true}
}

func (v *viewerScreen) photo() *exhibit.Photo {
	if v.at < 0 || v.at >= len(v.ids) {
		return nil
	}
	return v.e.pack.Photo(v.ids[v.at])
}

func (v *viewerScreen) content() fyne.CanvasObject {
	e := v.e
	v.zoom = photoview.New(nil, 0, 0)
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	v.prev = newKeyButton(e, "", theme.NavigateBackIcon(), func() { v.step(-1) })
	v.next = newKeyButton(e, "", theme.NavigateNextIcon(), func() { v.step(+1) })
	zoomOut := newKeyButton(e, "", theme.ZoomOutIcon(), v.zoom.ZoomOut)
	zoomIn := newKeyButton(e, "", theme.ZoomInIcon(), v.zoom.ZoomIn)
	fit := newKeyButton(e, "", theme.ZoomFitIcon(), v.zoom.Fit)
	info := newKeyButton(e, lang.L("Caption"), theme.InfoIcon(), v.toggleOverlay)
	full := newKeyButton(e, "", theme.ViewFullScreenIcon(), e.toggleFullScreen)
	v.status = widget.NewLabel("")
	v.status.Truncation = fyne.TextTruncateEllipsis // never widens the window
	bar := topBar([]fyne.CanvasObject{back, v.prev, v.next}, v.status, []fyne.CanvasObject{zoomOut, zoomIn, fit, info, full})

	v.caption = widget.NewLabel("")
	v.caption.Wrapping = fyne.TextWrapWord
	v.caption.TextStyle.Bold = true
	v.meta = widget.NewLabel("")
	v.meta.Wrapping = fyne.TextWrapWord
	shade := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	v.overlay = container.NewStack(shade, container.NewPadded(container.NewVBox(v.caption, v.meta)))
	picture := container.NewBorder(nil, v.overlay, nil, nil, v.zoom)
	v.show()
	return container.NewBorder(bar, nil, nil, nil, container.NewStack(canvas.NewRectangle(color.Black), picture))
}

func (v *viewerScreen) shown() {}

// show loads the current picture: at screen size from the cache, the
// thumbnail first when that is all there is yet.
func (v *viewerScreen) show() {
	p := v.photo()
	if p == nil {
		return
	}
	v.status.SetText(lang.L("Picture {{.N}} of {{.Total}}", map[string]any{"N": v.at + 1, "Total": len(v.ids)}))
	v.caption.SetText(p.Caption)
	var meta []string
	if p.Kind == exhibit.KindIllustration {
		meta = append(meta, lang.L("Illustration, not a photograph"))
	}
	if p.Date != "" {
		meta = append(meta, p.Date)
	}
	if p.Credit != "" {
		meta = append(meta, p.Credit)
	}
	v.meta.SetText(strings.Join(meta, " · "))
	v.prev.Disable()
	v.next.Disable()
	if v.at > 0 {
		v.prev.Enable()
	}
	if v.at < len(v.ids)-1 {
		v.next.Enable()
	}
	v.zoom.SetImage(nil, p.Width, p.Height)
	// Twice the screen's size leaves room to zoom before it blurs.
	size := v.e.win.Canvas().Size()
	scale := v.e.win.Canvas().Scale()
	w, h := int(size.Width*scale*2), int(size.Height*scale*2)
	at := v.at
	if small, ok := v.e.cachedImage(p, thumbW, thumbH); ok {
		v.zoom.SetImage(small, p.Width, p.Height)
	}
	v.e.thumbnail(p, w, h, func(img image.Image, err error) {
		if v.at != at {
			return
		}
		if err != nil {
			// Name the file and the problem; the rest keeps working.
			// The bar says which; the caption area, which wraps, says
			// why and what to do, in the exhibit's language.
			v.status.SetText(lang.L("Cannot show {{.File}}", map[string]any{"File": p.File}))
			v.meta.SetText(photos.Problem(p.File, err).Text(v.e.prefs.Language()))
			v.overlay.Show()
			return
		}
		v.zoom.Replace(img)
	})
	if v.showOverlay {
		v.overlay.Show()
	} else {
		v.overlay.Hide()
	}
}

func (v *viewerScreen) step(d int) {
	i := v.at + d
	if i < 0 || i >= len(v.ids) {
		return
	}
	v.at = i
	v.show()
}

func (v *viewerScreen) toggleOverlay() {
	v.showOverlay = !v.showOverlay
	if v.showOverlay {
		v.overlay.Show()
	} else {
		v.overlay.Hide()
	}
}

// typedKey: arrows and clicker keys move between pictures when the whole
// picture is shown and pan it when zoomed; + and − zoom; I hides the
// caption.
func (v *viewerScreen) typedKey(ev *fyne.KeyEvent) bool {
	step := theme.TextSize() * 4
	switch ev.Name {
	case fyne.KeyPageDown:
		v.step(+1)
	case fyne.KeyPageUp:
		v.step(-1)
	case fyne.KeyRight:
		if v.zoom.Fitted() {
			v.step(+1)
		} else {
			v.zoom.Pan(-step, 0)
		}
	case fyne.KeyLeft:
		if v.zoom.Fitted() {
			v.step(-1)
		} else {
			v.zoom.Pan(step, 0)
		}
	case fyne.KeyUp:
		v.zoom.Pan(0, step)
	case fyne.KeyDown:
		v.zoom.Pan(0, -step)
	case fyne.KeyPlus, fyne.KeyEqual:
		v.zoom.ZoomIn()
	case fyne.KeyMinus:
		v.zoom.ZoomOut()
	case fyne.Key0:
		v.zoom.Fit()
	case fyne.KeyI:
		v.toggleOverlay()
	case fyne.KeyHome:
		v.at = 0
		v.show()
	case fyne.KeyEnd:
		v.at = len(v.ids) - 1
		v.show()
	default:
		return false
	}
	return true
}
