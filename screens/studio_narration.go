package screens

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/internal/exhibit"
	"trienlam/internal/studio"
)

// narrationRow is the selected chapter's recording in the chapters tab:
// its file, a button to attach one (copied into audio/), one to take it
// away, and one that opens the caption timer on it.
func (s *studioScreen) narrationRow() fyne.CanvasObject {
	s.narrFile = widget.NewLabel("")
	s.narrFile.Truncation = fyne.TextTruncateEllipsis
	s.narrPick = widget.NewButtonWithIcon(lang.L("Recording…"), theme.MediaMusicIcon(), s.pickNarration)
	s.narrDrop = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
		if s.sel < 0 || s.sel >= len(s.draft.Chapters) {
			return
		}
		s.edit(true, func() { s.draft.DetachNarration(s.sel) })
		s.notice = lang.L("The recording was taken off the chapter; its file stays in the folder. Undo brings it back.")
		s.fillNarration()
		s.check()
	})
	s.narrTime = widget.NewButtonWithIcon(lang.L("Time the captions"), theme.MediaRecordIcon(), s.timeCaptions)
	label := widget.NewLabelWithStyle(lang.L("Narration:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Two rows, so that the editor's column stays narrow enough for a
	// 1024-pixel screen.
	return container.NewVBox(
		container.NewBorder(nil, nil, label, nil, s.narrFile),
		container.NewHBox(s.narrPick, s.narrDrop, s.narrTime),
	)
}

// fillNarration shows the selected chapter's recording.
func (s *studioScreen) fillNarration() {
	if s.narrFile == nil {
		return
	}
	if s.sel < 0 || s.sel >= len(s.draft.Chapters) {
		s.narrFile.SetText("")
		s.narrPick.Disable()
		s.narrDrop.Disable()
		s.narrTime.Disable()
		return
	}
	ch := s.draft.Chapters[s.sel]
	s.narrPick.Enable()
	if ch.Narration == "" {
		s.narrFile.SetText(lang.L("none"))
		s.narrDrop.Disable()
		s.narrTime.Disable()
		return
	}
	text := ch.Narration
	if ch.Captions != "" {
		text += " + " + ch.Captions
	}
	s.narrFile.SetText(text)
	s.narrDrop.Enable()
	s.narrTime.Enable()
}

// pickNarration attaches a recording chosen in a file dialog.
func (s *studioScreen) pickNarration() {
	s.e.fileOpenDialog(exhibit.NarrationExts, s.attachNarration).Show()
}

// attachNarration makes the recording at path the selected chapter's
// narration (see studio.Draft.AttachNarration).
func (s *studioScreen) attachNarration(path string) {
	if s.sel < 0 || s.sel >= len(s.draft.Chapters) {
		return
	}
	if !slices.Contains(exhibit.NarrationExts, strings.ToLower(filepath.Ext(path))) {
		s.e.showError(errors.New(lang.L("{{.File}} is not a recording the exhibit plays: use a .ogg, .mp3, .wav, .flac, .m4a, .aac, .opus or .wma file.", map[string]any{"File": filepath.Base(path)})))
		return
	}
	before := s.draft.Clone()
	if err := s.draft.AttachNarration(s.dir, s.sel, path); err != nil {
		s.e.showError(err)
		return
	}
	s.undo = append(s.undo, before)
	s.notice = lang.L("The recording is the chapter's narration. Time its captions so the text follows the voice.")
	s.fillNarration()
	s.later()
	s.check()
}

// timeCaptions opens the caption timer on the selected chapter's
// recording. The timer plays the exhibit shown and writes into its
// folder, so the editor first saves what it holds and makes this exhibit
// the one shown; Back from the timer returns to the editor.
func (s *studioScreen) timeCaptions() {
	i := s.sel
	if i < 0 || i >= len(s.draft.Chapters) || s.draft.Chapters[i].Narration == "" {
		return
	}
	if saved, err := studio.Open(s.dir); err != nil || !studio.Equal(saved, s.draft) {
		if !s.saveNow() {
			return
		}
	}
	e := s.e
	if e.packDir == "" || !sameDir(e.packDir, s.dir) {
		pack, problems, pfs, err := exhibit.LoadPath(s.dir)
		if err != nil {
			e.showError(err)
			return
		}
		history := e.history
		e.setPack(pack, problems, pfs)
		e.history, e.current = history, s
	}
	ci := e.pack.ChapterIndex(s.draft.Chapters[i].ID)
	if ci < 0 || !hasNarration(e.pack.Chapters[ci]) {
		s.check()
		s.setStatus(lang.L("The recording cannot be used yet: see the problems beside the chapter."))
		return
	}
	t := newCaptionTimerScreen(e)
	t.chapter = ci
	e.stopTour()
	e.show(t, true)
}
