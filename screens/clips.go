package screens

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/audio/media"
	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
	"trienlam/internal/visitlog"
)

// clipRequest is a video to play: a clip of the pack or a timeline
// event's video. Poster is a picture in the pack shown when the clip
// cannot play, or "".
type clipRequest struct {
	File, Subtitles, Caption, Poster string
}

// Test hooks: how the media helper starts, and whether the system's own
// player can be offered (on Windows).
var (
	startMedia        = media.Start
	canOpenExternally = media.CanOpenExternally
)

// clipScreen plays a video full screen through the media helper (mpv in a
// process of its own, so a missing library or a crash never takes the
// exhibit down). mpv's window covers the exhibit with its own controls;
// this screen stays beneath it, dimmed, and Esc, the clicker's next, the
// end of the clip or any failure returns the visitor exactly where they
// were.
//
// When the clip cannot play, staff (outside kiosk mode) read why, and on
// Windows are offered the system's player. A kiosk visitor instead sees
// the clip's poster and caption with a short neutral note, and nothing
// that leads out of the exhibit; the explanation goes to the problems
// screen, behind the staff PIN, and the visitor log.
type clipScreen struct {
	e      *Exhibit
	req    clipRequest
	client *media.Client
	cancel context.CancelFunc
	body   *fyne.Container // what is shown over the dimmed background
	status *widget.Label
	title  *widget.Label
	stop   *keyButton
	temp   func()
	done   bool
	// failed is set once the clip could not play.
	failed bool
}

// playClip starts a video over the exhibit.
func (e *Exhibit) playClip(req clipRequest) {
	if e.narr != nil {
		e.narr.player.Pause() // one voice at a time
	}
	e.show(&clipScreen{e: e, req: req}, true)
}

func (c *clipScreen) content() fyne.CanvasObject {
	e := c.e
	c.status = widget.NewLabel(lang.L("Playing the clip… Esc returns to the exhibit."))
	c.status.Wrapping = fyne.TextWrapWord
	c.status.Alignment = fyne.TextAlignCenter
	c.title = widget.NewLabelWithStyle(c.req.Caption, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.title.Wrapping = fyne.TextWrapWord
	c.stop = newKeyButton(e, lang.L("Back to the exhibit"), theme.NavigateBackIcon(), c.finish)
	c.stop.Importance = widget.HighImportance
	c.body = container.NewStack(c.column())
	return container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), c.body)
}

// column is the caption, the status and the way back, in a readable column
// in the middle of the screen.
func (c *clipScreen) column() fyne.CanvasObject {
	return pageColumn(theme.TextSize()*36, container.NewVBox(layout.NewSpacer(),
		c.title, c.status, container.NewCenter(c.stop), layout.NewSpacer()))
}

func (c *clipScreen) shown() {
	if c.client != nil || c.done || c.failed {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	go c.start(ctx)
}

// start launches the helper and the clip off the UI goroutine; the helper
// takes a moment to come up.
func (c *clipScreen) start(ctx context.Context) {
	e := c.e
	path, cleanup, err := c.resolve()
	if err == nil {
		var client *media.Client
		client, err = startMedia(ctx)
		if err == nil {
			_, err = client.Load(media.LoadRequest{Path: path, Subtitles: c.subtitles(), Title: c.req.Caption, Video: true})
			if err != nil {
				client.Close()
			} else {
				e.post(func() { c.client, c.temp = client, cleanup })
				c.follow(client)
				return
			}
		}
	}
	if cleanup != nil {
		cleanup()
	}
	e.post(func() { c.fail(err, path) })
}

// resolve gives mpv a file on disk: in place for a folder pack, a
// temporary copy for a zip or the built-in pack.
func (c *clipScreen) resolve() (string, func(), error) {
	if c.e.packDir != "" {
		p, err := media.DirResolver(c.e.packDir)(c.req.File)
		return p, nil, err
	}
	return media.TempCopy(c.e.pack.FS, c.req.File)
}

func (c *clipScreen) subtitles() string {
	if c.req.Subtitles == "" {
		return ""
	}
	if c.e.packDir != "" {
		if p, err := media.DirResolver(c.e.packDir)(c.req.Subtitles); err == nil {
			return p
		}
	}
	p, _, err := media.TempCopy(c.e.pack.FS, c.req.Subtitles)
	if err != nil {
		return ""
	}
	return p
}

// follow waits for the end of the clip in any form.
func (c *clipScreen) follow(client *media.Client) {
	for ev := range client.Events() {
		switch ev.Kind {
		case media.Closed, media.Ended:
			c.e.post(c.finish)
			return
		case media.Error, media.Crashed:
			err := ev.Err
			c.e.post(func() { c.fail(err, c.req.File) })
			return
		}
	}
	c.e.post(c.finish)
}

// finish closes the player and returns to where the visitor was.
func (c *clipScreen) finish() {
	if c.done {
		return
	}
	c.done = true
	c.stopHelper()
	if c.e.current == c {
		c.e.back()
	}
}

func (c *clipScreen) stopHelper() {
	if c.client != nil {
		c.client.Close()
		c.client = nil
	}
	if c.cancel != nil {
		c.cancel()
	}
	if c.temp != nil {
		c.temp()
		c.temp = nil
	}
}

// fail handles a clip that cannot play. Staff get the explanation in
// the exhibit's language on the problems screen in any case. In kiosk mode the visitor
// sees the poster, the caption and a neutral note, and the visitor log
// records the event; otherwise the explanation shows here and, on
// Windows, the system's own player is offered.
func (c *clipScreen) fail(err error, path string) {
	if c.done || c.failed {
		return
	}
	c.failed = true
	c.stopHelper()
	msg := media.Explain(err, c.e.prefs.Language())
	if msg == "" && err != nil {
		msg = err.Error()
	}
	e := c.e
	e.noteForStaff(c.req.File, msg)
	if e.kiosk != nil {
		why := media.Reason(err)
		e.logVisit(func(l *visitlog.Log, t time.Time) error { return l.ClipFailed(c.req.File, why, t) })
		c.showUnavailable()
		return
	}
	c.status.SetText(msg)
	if canOpenExternally() && (errors.Is(err, media.ErrLibMPVMissing) || errors.Is(err, media.ErrHelperMissing)) && path != "" {
		dialog.ShowCustomConfirm(lang.L("The clip cannot play here"), lang.L("Open in the Windows player"), lang.L("Back to the exhibit"),
			widget.NewLabel(msg), func(open bool) {
				if open {
					if err := media.OpenExternally(path); err != nil {
						dialog.ShowError(err, e.win)
					}
				}
			}, e.win)
	}
}

// showUnavailable turns the screen into what a kiosk visitor sees of a
// clip that cannot play: its poster, its caption and a short neutral note,
// with the way back to the exhibit.
func (c *clipScreen) showUnavailable() {
	c.status.SetText(lang.L("This clip cannot be shown at the moment."))
	var shown fyne.CanvasObject = c.column()
	if img := c.e.poster(c.req.Poster, 16); img != nil {
		// The poster takes the screen above the words, as large as fits.
		text := pageColumn(theme.TextSize()*36, container.NewVBox(c.title, c.status, container.NewCenter(c.stop)))
		shown = container.NewPadded(container.NewBorder(nil, text, nil, nil, img))
	}
	c.body.Objects = []fyne.CanvasObject{shown}
	c.body.Refresh()
}

func (c *clipScreen) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyPageDown, fyne.KeyRight, fyne.KeyBackspace:
		c.finish()
		return true
	}
	return false
}

// clipButtons offers a chapter's video clips, each with its poster.
func (r *readerScreen) clipButtons() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, id := range r.ch().Clips {
		clip := r.e.pack.Clip(id)
		if clip == nil {
			continue
		}
		out = append(out, r.e.clipCard(clip))
	}
	return out
}

// clipCard is a poster with the clip's caption and a play button.
func (e *Exhibit) clipCard(clip *exhibit.Clip) fyne.CanvasObject {
	req := clipRequest{File: clip.File, Subtitles: clip.Subtitles, Caption: clip.Caption, Poster: clip.Poster}
	play := newKeyButton(e, lang.L("Watch the clip"), theme.MediaVideoIcon(), func() { e.playClip(req) })
	parts := []fyne.CanvasObject{}
	if img := e.poster(clip.Poster, 16); img != nil {
		parts = append(parts, img)
	}
	caption := widget.NewLabel(clip.Caption)
	caption.Wrapping = fyne.TextWrapWord
	parts = append(parts, caption, play)
	return container.NewVBox(parts...)
}

// poster is a clip's poster picture from the pack, at least width text
// sizes wide in 16:9; nil when there is none or it cannot be read.
func (e *Exhibit) poster(file string, width float32) *canvas.Image {
	if file == "" {
		return nil
	}
	// Through photos.Load, like every picture: scaled, and within the
	// memory budget of decoding whatever size the poster is.
	im, err := photos.Load(e.pack.FS, file, 1280, 720)
	if err != nil {
		return nil
	}
	img := canvas.NewImageFromImage(im)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(theme.TextSize()*width, theme.TextSize()*width*9/16))
	return img
}
