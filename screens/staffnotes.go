package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// staffNote is something that went wrong while the exhibit ran, such as a
// clip that did not play, explained for staff: what happened and what to
// do. Visitors never see it; they get a short neutral note where it
// happened. In kiosk mode it waits behind the staff PIN, on the problems
// screen, beside the pack's own problems.
type staffNote struct {
	File  string // the pack file concerned
	Text  string // the explanation, in the staff's language
	Count int    // how many times it happened since the exhibit started
}

// noteForStaff adds a note for the problems screen, once per file and
// explanation: a kiosk may fail on the same clip all day.
func (e *Exhibit) noteForStaff(file, text string) {
	for i := range e.notes {
		if e.notes[i].File == file && e.notes[i].Text == text {
			e.notes[i].Count++
			return
		}
	}
	e.notes = append(e.notes, staffNote{File: file, Text: text, Count: 1})
}

// problemCount is what the home screen's problems button counts: the pack's
// problems and the notes for staff.
func (e *Exhibit) problemCount() int { return len(e.problems) + len(e.notes) }

// notesSection lists the notes for staff on the problems screen; nil
// without notes.
func (e *Exhibit) notesSection() fyne.CanvasObject {
	if len(e.notes) == 0 {
		return nil
	}
	head := widget.NewLabelWithStyle(lang.L("While the exhibit ran"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(lang.L("These happened since the exhibit was started. Visitors saw only a short note."))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(head, intro, widget.NewSeparator())
	for _, n := range e.notes {
		where := lang.L("File {{.File}}", map[string]any{"File": n.File})
		if n.Count > 1 {
			where += " " + lang.L("({{.Count}} times)", map[string]any{"Count": n.Count})
		}
		w := widget.NewLabelWithStyle(where, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		w.Wrapping = fyne.TextWrapWord
		m := widget.NewLabel(n.Text)
		m.Wrapping = fyne.TextWrapWord
		box.Add(container.NewVBox(w, m))
	}
	return box
}
