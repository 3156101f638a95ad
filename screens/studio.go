package screens

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/library"
	"trienlam/internal/studio"
	"trienlam/platform/richclip"
	"trienlam/screens/chapterview"
)

// studioScreen is the exhibit editor (Soạn), for staff: the details and
// chapters of an installed exhibit, edited on screen and saved as the
// exhibit's own plain files (package studio). Every change is checked at
// once by loading the exhibit as it would be saved, and each problem is
// shown beside its field; what is typed is kept in an automatic draft.
type studioScreen struct {
	e   *Exhibit
	dir string

	draft *studio.Draft
	// undo holds earlier drafts, newest last; lastSave is the last save,
	// undone when there is no edit left to undo.
	undo     []*studio.Draft
	lastEdit time.Time
	lastSave *studio.Saved
	sel      int // the chapter shown in the editor

	// Widgets, made in content.
	title, subtitle, srcTitle, srcPub, srcRef *widget.Entry
	detailProbs                               map[string]*widget.Label
	chapters                                  *widget.List
	chTitle                                   *widget.Entry
	chText                                    *pasteEntry
	chProbs                                   *widget.Label
	preview                                   *chapterview.View
	status                                    *widget.Label
	tabs                                      *container.AppTabs
	saveBtn, undoBtn, addBtn, delBtn          *widget.Button
	upBtn, downBtn                            *widget.Button
	tl                                        *studioTimeline
	pics                                      *studioPictures
	det                                       *studioDetails
	chPics                                    *studioChapterPictures
	erasEd                                    *studioEras
	narrFile                                  *widget.Label
	narrPick, narrDrop, narrTime              *widget.Button
	filling                                   bool // set while widgets are filled from the draft

	// pending is the timer of the next check and draft save.
	mu      sync.Mutex
	pending *time.Timer
	// notice is said before the problem count until the next edit.
	notice string
	// problems are the last check's, by where they are shown; checked is
	// the exhibit as that check loaded it.
	problems []exhibit.Problem
	checked  *exhibit.Pack
}

// openStudio opens the editor of the installed exhibit in folder dir. The
// built-in exhibit ("" for dir) is never edited: a copy of it is made in
// the library first, and that copy is opened.
func (e *Exhibit) openStudio(dir string) {
	if dir == "" {
		lib, err := e.library()
		if err != nil {
			e.showError(err)
			return
		}
		id := uniqueID(lib, library.BuiltinID+"-ban-sao")
		en, err := lib.New(library.FromBuiltin, assets.Pack(), id, "")
		if err != nil {
			e.showError(err)
			return
		}
		dir = en.Dir
	}
	s, err := newStudioScreen(e, dir)
	if err != nil {
		e.showError(err)
		return
	}
	e.show(s, true)
}

// newStudioScreen reads the exhibit in dir, or its unsaved draft.
func newStudioScreen(e *Exhibit, dir string) (*studioScreen, error) {
	d, err := studio.Open(dir)
	if err != nil {
		return nil, err
	}
	s := &studioScreen{e: e, dir: dir, draft: d}
	if saved, err := studio.LoadDraft(dir); err == nil && saved != nil && !studio.Equal(saved, d) {
		s.undo = append(s.undo, d) // undo goes back to what is saved
		s.draft = saved
		s.notice = lang.L("Unsaved changes from last time were restored. Save them, or undo them.")
	}
	return s, nil
}

func (s *studioScreen) content() fyne.CanvasObject {
	e := s.e
	s.draft.ReadNarration(s.dir) // the caption timer may have named captions
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), s.leave)
	heading := widget.NewLabelWithStyle(lang.L("Edit: {{.Title}}", map[string]any{"Title": s.draft.Details.Title}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Truncation = fyne.TextTruncateEllipsis
	s.undoBtn = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), s.undoLast)
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.save)
	s.saveBtn.Importance = widget.HighImportance
	bar := topBar([]fyne.CanvasObject{back}, heading, []fyne.CanvasObject{s.undoBtn, s.saveBtn})
	if s.status == nil {
		s.status = widget.NewLabel("")
	}
	s.status.Wrapping = fyne.TextWrapWord

	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Details"), s.detailsTab()),
		container.NewTabItem(lang.L("Chapters"), s.chaptersTab()),
		container.NewTabItem(lang.L("Pictures"), s.picturesTab()),
		container.NewTabItem(lang.L("Timeline"), s.timelineTab()),
	)
	s.fill()
	return container.NewBorder(bar, s.status, nil, nil, s.tabs)
}

// detailsTab is the form of the exhibit's own fields, each with its
// problems below it.
func (s *studioScreen) detailsTab() fyne.CanvasObject {
	s.detailProbs = map[string]*widget.Label{}
	field := func(label, key string, multi bool, set func(string)) (*widget.Entry, fyne.CanvasObject) {
		en := widget.NewEntry()
		if multi {
			en = widget.NewMultiLineEntry()
			en.Wrapping = fyne.TextWrapWord
			en.SetMinRowsVisible(2)
		}
		en.OnChanged = func(v string) {
			if s.filling {
				return
			}
			s.edit(false, func() { set(v) })
		}
		p := widget.NewLabel("")
		p.Importance = widget.DangerImportance
		p.Wrapping = fyne.TextWrapWord
		p.Hide()
		s.detailProbs[key] = p
		l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return en, container.NewVBox(l, en, p)
	}
	d := func() *studio.Details { return &s.draft.Details }
	var boxes []fyne.CanvasObject
	var b fyne.CanvasObject
	s.title, b = field(lang.L("Title"), "title", false, func(v string) { d().Title = v })
	boxes = append(boxes, b)
	s.subtitle, b = field(lang.L("Subtitle (e.g. the dates)"), "subtitle", false, func(v string) { d().Subtitle = v })
	boxes = append(boxes, b)
	s.srcTitle, b = field(lang.L("Source document"), "source.title", true, func(v string) { d().SourceTitle = v })
	boxes = append(boxes, b)
	s.srcPub, b = field(lang.L("Issued by"), "source.publisher", false, func(v string) { d().SourcePublisher = v })
	boxes = append(boxes, b)
	s.srcRef, b = field(lang.L("Reference"), "source.reference", true, func(v string) { d().SourceReference = v })
	boxes = append(boxes, b)
	boxes = append(boxes, s.creditsAndCover())
	return container.NewVScroll(pageColumn(theme.TextSize()*48, container.NewPadded(container.NewVBox(boxes...))))
}

// chaptersTab is the list of chapters with its buttons, and the selected
// chapter's title, Markdown text and preview.
func (s *studioScreen) chaptersTab() fyne.CanvasObject {
	s.chapters = widget.NewList(
		func() int { return len(s.draft.Chapters) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(strconv.Itoa(i+1) + ". " + s.draft.Chapters[i].Title)
			icon := c.Objects[1].(*widget.Icon)
			if len(s.chapterProblems(i)) > 0 {
				icon.SetResource(theme.WarningIcon())
			} else {
				icon.SetResource(theme.DocumentIcon())
			}
		})
	s.chapters.OnSelected = func(i widget.ListItemID) {
		if i != s.sel {
			s.sel = i
			s.fillChapter()
			s.check() // the preview of this chapter
		}
	}
	s.addBtn = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), s.addChapter)
	s.upBtn = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(-1) })
	s.downBtn = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(1) })
	s.delBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.deleteChapter)
	buttons := container.NewGridWithColumns(2, s.addBtn, s.delBtn, s.upBtn, s.downBtn)
	left := container.NewBorder(nil, buttons, nil, nil, s.chapters)

	s.chTitle = widget.NewEntry()
	s.chTitle.SetPlaceHolder(lang.L("Chapter title"))
	narration := s.narrationRow()
	s.chTitle.OnChanged = func(v string) {
		if s.filling || s.sel >= len(s.draft.Chapters) {
			return
		}
		i := s.sel
		s.edit(false, func() { s.draft.Chapters[i].Title = v })
		s.chapters.RefreshItem(i)
	}
	s.chText = newPasteEntry()
	s.chText.Wrapping = fyne.TextWrapWord
	s.chText.OnChanged = func(v string) {
		if s.filling || s.sel >= len(s.draft.Chapters) {
			return
		}
		i := s.sel
		s.edit(false, func() { s.draft.Chapters[i].Text = v })
	}
	s.chProbs = widget.NewLabel("")
	s.chProbs.Importance = widget.DangerImportance
	s.chProbs.Wrapping = fyne.TextWrapWord
	s.preview = chapterview.New(nil)
	help := widget.NewLabel(lang.L("Markdown: # heading, **bold**, *italic*, - list; a blank line between paragraphs."))
	help.Wrapping = fyne.TextWrapWord
	editor := container.NewBorder(container.NewVBox(s.chTitle, narration, help), container.NewVBox(s.chapterPicturesBox(), s.chProbs), nil, nil, s.chText)
	previewScroll := container.NewVScroll(container.NewPadded(s.preview))
	split := container.NewHSplit(editor, previewScroll)
	split.Offset = 0.5
	outer := container.NewHSplit(left, split)
	outer.Offset = 0.22
	return outer
}

// fill puts the draft into the widgets.
func (s *studioScreen) fill() {
	s.filling = true
	d := s.draft.Details
	s.title.SetText(d.Title)
	s.subtitle.SetText(d.Subtitle)
	s.srcTitle.SetText(d.SourceTitle)
	s.srcPub.SetText(d.SourcePublisher)
	s.srcRef.SetText(d.SourceReference)
	s.filling = false
	s.det.fill()
	if s.sel >= len(s.draft.Chapters) {
		s.sel = len(s.draft.Chapters) - 1
	}
	if s.sel < 0 {
		s.sel = 0
	}
	s.chapters.Refresh()
	if len(s.draft.Chapters) > 0 {
		s.chapters.Select(s.sel)
	}
	s.fillChapter()
	s.tl.fill()
	s.erasEd.fill()
	s.pics.fill()
	s.check()
}

// fillChapter shows the selected chapter in the editor.
func (s *studioScreen) fillChapter() {
	s.filling = true
	defer func() { s.filling = false }()
	if s.sel < 0 || s.sel >= len(s.draft.Chapters) {
		s.chTitle.SetText("")
		s.chText.SetText("")
		s.chTitle.Disable()
		s.chText.Disable()
		s.preview.SetBlocks(nil)
		s.chPics.fill()
		s.fillNarration()
		return
	}
	s.chTitle.Enable()
	s.chText.Enable()
	ch := s.draft.Chapters[s.sel]
	s.chTitle.SetText(ch.Title)
	s.chText.SetText(ch.Text)
	s.chPics.fill()
	s.fillNarration()
	s.showProblems()
}

// edit applies a change to the draft, keeping the draft before it for
// undo: every structural change, and typing once per pause of two seconds.
func (s *studioScreen) edit(structural bool, change func()) {
	now := time.Now()
	if structural || now.Sub(s.lastEdit) > 2*time.Second {
		s.undo = append(s.undo, s.draft.Clone())
		if len(s.undo) > 100 {
			s.undo = s.undo[1:]
		}
	}
	s.lastEdit = now
	s.notice = ""
	change()
	if structural {
		s.lastEdit = time.Time{}
	}
	s.later()
}

// later checks the draft and saves it as the automatic draft after a
// short pause in typing.
func (s *studioScreen) later() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending != nil {
		s.pending.Stop()
	}
	s.pending = time.AfterFunc(400*time.Millisecond, func() {
		s.e.post(func() {
			s.keepDraft()
			s.check()
		})
	})
}

// keepDraft writes the automatic draft.
func (s *studioScreen) keepDraft() {
	if err := studio.SaveDraft(s.dir, s.draft); err != nil {
		s.setStatus(lang.L("The draft could not be kept: {{.Error}}", map[string]any{"Error": err}))
	}
}

// check loads the exhibit as the draft would save it and shows its
// problems beside their fields, and the selected chapter's preview.
func (s *studioScreen) check() {
	pack, probs, err := studio.Check(s.dir, s.draft)
	if err != nil {
		s.problems = []exhibit.Problem{{File: exhibit.ManifestName, Message: err.Error()}}
		s.setStatus(err.Error())
		return
	}
	s.problems = probs
	s.checked = pack
	if s.sel >= 0 && s.sel < len(s.draft.Chapters) {
		if ch := pack.Chapter(s.draft.Chapters[s.sel].ID); ch != nil {
			s.preview.SetBlocks(ch.Blocks)
		}
		s.chPics.fill()
	}
	s.showProblems()
	if s.tl != nil {
		s.tl.linkChecked()
	}
	msg := lang.L("No problems.")
	if len(probs) > 0 {
		msg = lang.L("{{.Count}} problems: each is shown beside its field.", map[string]any{"Count": len(probs)})
	}
	if s.notice != "" {
		msg = s.notice + " " + msg
	}
	s.setStatus(msg)
}

// chapterField finds "chapters[N]" at the start of a problem's field.
var chapterField = regexp.MustCompile(`^chapters\[([0-9]+)\]`)

// chapterProblems returns the texts of the problems of chapter i: those
// of its pack.toml entry and of its Markdown file.
func (s *studioScreen) chapterProblems(i int) []string {
	if i < 0 || i >= len(s.draft.Chapters) {
		return nil
	}
	var out []string
	language := s.e.prefs.Language()
	for _, p := range s.problems {
		m := chapterField.FindStringSubmatch(p.Field)
		if p.File == exhibit.ManifestName && m != nil && m[1] == strconv.Itoa(i+1) || p.File == s.draft.Chapters[i].File {
			where := ""
			if p.Line > 0 && p.File != exhibit.ManifestName {
				where = lang.L("line {{.Line}}", map[string]any{"Line": strconv.Itoa(p.Line)}) + ": "
			}
			out = append(out, where+p.Text(language))
		}
	}
	return out
}

// showProblems puts each problem beside its field.
func (s *studioScreen) showProblems() {
	language := s.e.prefs.Language()
	byField := map[string][]string{}
	for _, p := range s.problems {
		if p.File == exhibit.ManifestName {
			byField[p.Field] = append(byField[p.Field], p.Text(language))
		}
	}
	for key, l := range s.detailProbs {
		if msgs := byField[key]; len(msgs) > 0 {
			l.SetText(strings.Join(msgs, "\n"))
			l.Show()
		} else {
			l.Hide()
		}
	}
	if s.tl != nil {
		s.tl.showProblems()
	}
	if s.det != nil {
		s.det.showProblems()
	}
	if s.erasEd != nil {
		s.erasEd.showProblems()
	}
	if s.chProbs != nil {
		msgs := s.chapterProblems(s.sel)
		s.chProbs.SetText(strings.Join(msgs, "\n"))
		s.chProbs.Hidden = len(msgs) == 0
		s.chProbs.Refresh()
		s.chapters.Refresh()
	}
}

func (s *studioScreen) setStatus(msg string) {
	if s.status == nil {
		s.status = widget.NewLabel("")
	}
	s.status.SetText(msg)
}

// addChapter adds a chapter at the end and selects it.
func (s *studioScreen) addChapter() {
	var i int
	s.edit(true, func() {
		i = s.draft.NewChapter(lang.L("New chapter {{.N}}", map[string]any{"N": len(s.draft.Chapters) + 1}))
	})
	s.sel = i
	s.tabs.SelectIndex(1)
	s.fill()
}

// move moves the selected chapter up (-1) or down (+1).
func (s *studioScreen) move(delta int) {
	if s.sel < 0 || s.sel >= len(s.draft.Chapters) {
		return
	}
	j := s.sel + delta
	if j < 0 || j >= len(s.draft.Chapters) {
		return
	}
	s.edit(true, func() { s.sel = s.draft.Move(s.sel, delta) })
	s.fill()
}

// deleteChapter removes the selected chapter; Undo brings it back, and its
// Markdown file stays in the folder even after saving.
func (s *studioScreen) deleteChapter() {
	if s.sel < 0 || s.sel >= len(s.draft.Chapters) || len(s.draft.Chapters) == 1 {
		if len(s.draft.Chapters) == 1 {
			s.setStatus(lang.L("An exhibit needs at least one chapter."))
		}
		return
	}
	title := s.draft.Chapters[s.sel].Title
	s.edit(true, func() { s.draft.Delete(s.sel) })
	s.notice = lang.L("Chapter “{{.Title}}” was deleted. Undo brings it back.", map[string]any{"Title": title})
	s.fill()
}

// undoLast undoes the last edit, or else the last save.
func (s *studioScreen) undoLast() {
	if n := len(s.undo); n > 0 {
		s.draft = s.undo[n-1]
		s.undo = s.undo[:n-1]
		s.lastEdit = time.Time{}
		s.fill()
		s.keepDraft()
		return
	}
	if s.lastSave != nil {
		if err := studio.Undo(*s.lastSave); err != nil {
			s.e.showError(err)
			return
		}
		s.lastSave = nil
		d, err := studio.Open(s.dir)
		if err != nil {
			s.e.showError(err)
			return
		}
		s.draft = d
		s.notice = lang.L("The last save was undone: the files are as they were before it.")
		s.fill()
	}
}

// save writes the draft into the exhibit's files.
func (s *studioScreen) save() { s.saveNow() }

// saveNow saves, and reports whether the files were written.
func (s *studioScreen) saveNow() bool {
	s.mu.Lock()
	if s.pending != nil {
		s.pending.Stop()
	}
	s.mu.Unlock()
	saved, err := studio.Save(s.dir, s.draft)
	if err != nil {
		s.e.showError(err)
		return false
	}
	s.lastSave = &saved
	s.undo = nil
	s.check()
	msg := lang.L("Saved. The previous files are kept in {{.Path}}.", map[string]any{"Path": saved.Backup})
	if len(s.problems) > 0 {
		msg += " " + lang.L("{{.Count}} problems: each is shown beside its field.", map[string]any{"Count": len(s.problems)})
	}
	s.setStatus(msg)
	return true
}

// leave goes back; unsaved changes stay in the automatic draft.
func (s *studioScreen) leave() {
	s.mu.Lock()
	if s.pending != nil {
		s.pending.Stop()
	}
	s.mu.Unlock()
	if len(s.undo) > 0 {
		s.keepDraft()
		dialog.ShowInformation(lang.L("Not saved yet"), lang.L("Your changes are kept as a draft and come back when you edit this exhibit again."), s.e.win)
	}
	s.e.back()
}

func (s *studioScreen) shown() {}

func (s *studioScreen) typedKey(ev *fyne.KeyEvent) bool { return false }

// pasteEntry is the multi-line Markdown editor: a copy from Word,
// LibreOffice or a web page is pasted from the clipboard's HTML, turned
// into Markdown (headings, bold, italic, lists) as it is pasted; plain
// text that is itself HTML source is converted too.
type pasteEntry struct {
	widget.Entry
}

func newPasteEntry() *pasteEntry {
	e := &pasteEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut pastes the clipboard's HTML as Markdown when it has any,
// and its text otherwise.
func (p *pasteEntry) TypedShortcut(sc fyne.Shortcut) {
	paste, ok := sc.(*fyne.ShortcutPaste)
	if !ok || paste.Clipboard == nil {
		p.Entry.TypedShortcut(sc)
		return
	}
	clipboardHTML(func(h string, ok bool) {
		if ok {
			if md := pastedHTML(h); md != "" {
				p.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: &textClipboard{text: md}})
				return
			}
		}
		if md := pastedMarkdown(paste.Clipboard.Content()); md != paste.Clipboard.Content() {
			sc = &fyne.ShortcutPaste{Clipboard: &textClipboard{text: md}}
		}
		p.Entry.TypedShortcut(sc)
	})
}

// clipboardHTML hands the system clipboard's HTML (platform/richclip) to
// then, on the UI thread. Reading it waits for the program that holds the
// clipboard — which may be this one, answering on the UI thread — so it is
// read off that thread. Tests put their own in its place.
var clipboardHTML = func(then func(html string, ok bool)) {
	go func() {
		h, ok := richclip.HTML()
		fyne.Do(func() { then(h, ok) })
	}()
}

// textClipboard is a clipboard holding one text: what a converted paste
// inserts, leaving the system clipboard as it was.
type textClipboard struct{ text string }

func (c *textClipboard) Content() string        { return c.text }
func (c *textClipboard) SetContent(text string) { c.text = text }

// pastedHTML is the Markdown a paste of HTML inserts: blocks end with a
// line break, so what is typed next starts a line of its own; a few words
// copied from within a line stay inline.
func pastedHTML(h string) string {
	md := exhibit.HTMLToMarkdown(h)
	if strings.TrimSpace(md) == "" {
		return ""
	}
	if strings.Contains(md, "\n") || blockStart.MatchString(md) {
		md += "\n"
	}
	return md
}

// blockStart matches Markdown that starts a heading or a list item.
var blockStart = regexp.MustCompile(`^(#|- |[0-9]+\. )`)

// pastedMarkdown turns text that is HTML (pasted from a web page or Word
// through a plain-text clipboard) into Markdown; other text is returned
// as it is.
func pastedMarkdown(v string) string {
	t := strings.TrimSpace(v)
	if !strings.HasPrefix(t, "<") || !htmlish.MatchString(t) {
		return v
	}
	if md := pastedHTML(t); md != "" {
		return md
	}
	return v
}

// htmlish matches the tags of pasted HTML.
var htmlish = regexp.MustCompile(`(?i)</?(p|h[1-6]|b|strong|i|em|ul|ol|li|br|div|span|html|body)\b`)
