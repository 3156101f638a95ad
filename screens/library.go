package screens

import (
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/library"
	"trienlam/internal/photos"
	"trienlam/internal/search"
)

// libraryScreen is the exhibit library, in the staff area (Settings; behind
// the PIN in kiosk mode): every exhibit on this PC with its cover, title,
// date, size and problems; open one, choose the one shown at start, share
// one as a .trienlam file, remove one (to the trash, never deleted), add
// one from a file, a folder or a drop on the window, or make a new one.
type libraryScreen struct {
	e      *Exhibit
	lib    *library.Library
	scroll *container.Scroll
	list   *fyne.Container
	err    error
}

func newLibraryScreen(e *Exhibit) *libraryScreen {
	s := &libraryScreen{e: e}
	s.lib, s.err = e.library()
	return s
}

// library returns the user's exhibit library; tests set e.lib.
func (e *Exhibit) library() (*library.Library, error) {
	if e.lib != nil {
		return e.lib, nil
	}
	l, err := library.Open()
	if err == nil {
		e.lib = l
	}
	return l, err
}

// openLibrary shows the exhibit library. It is for staff: not in kiosk
// mode, where the PIN leads to the settings first.
func (e *Exhibit) openLibrary() {
	if e.kiosk != nil {
		return
	}
	e.show(newLibraryScreen(e), true)
}

func (s *libraryScreen) content() fyne.CanvasObject {
	e := s.e
	back := newKeyButton(e, lang.L("Back"), theme.NavigateBackIcon(), e.back)
	title := widget.NewLabelWithStyle(lang.L("Exhibit library"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	add := newKeyButton(e, lang.L("Add an exhibit"), theme.ContentAddIcon(), s.addFromFile)
	add.Importance = widget.HighImportance
	newOne := newKeyButton(e, lang.L("New exhibit"), theme.DocumentCreateIcon(), s.newExhibit)
	bar := topBar([]fyne.CanvasObject{back}, title, []fyne.CanvasObject{add, newOne})
	s.list = container.NewVBox()
	s.scroll = container.NewVScroll(s.list)
	s.fill()
	return container.NewBorder(bar, nil, nil, nil, s.scroll)
}

func (s *libraryScreen) shown() {}

func (s *libraryScreen) typedKey(ev *fyne.KeyEvent) bool { return pageKeys(s.scroll, ev) }

// fill lists the exhibits: the built-in one, then the installed ones.
func (s *libraryScreen) fill() {
	e := s.e
	intro := widget.NewLabel(lang.L("The exhibits on this computer. Add one from a USB stick (a .trienlam or .zip file, or a folder) or drop it on this window: it is copied here, so it stays when the stick is removed."))
	intro.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{intro}
	if s.err != nil {
		objs = append(objs, errorLabel(lang.L("The exhibits folder cannot be read: {{.Error}}", map[string]any{"Error": s.err})))
		s.list.Objects = objs
		s.list.Refresh()
		return
	}
	builtin, probs, _ := exhibit.Load(assets.Pack())
	entries := []library.Entry{library.Describe(builtin, probs)}
	installed, err := s.lib.List()
	if err != nil {
		objs = append(objs, errorLabel(err.Error()))
	}
	entries = append(entries, installed...)
	if e.packFS != nil && !strings.HasPrefix(e.packDir, s.lib.Dir) {
		// Shown from a file or folder outside the library (a USB stick):
		// offer to add it, so it stays when the stick is removed.
		note := widget.NewLabel(lang.L("Showing now from {{.Path}}, which is not in the library.", map[string]any{"Path": e.packFS.Path()}))
		note.Wrapping = fyne.TextWrapWord
		add := newKeyButton(e, lang.L("Add it to the library"), theme.ContentAddIcon(), func() { e.installExhibit(e.packFS.Path()) })
		objs = append(objs, widget.NewSeparator(), container.NewVBox(note, container.NewHBox(add)))
	}
	start := s.lib.Start()
	for _, en := range entries {
		objs = append(objs, widget.NewSeparator(), s.row(en, en.ID == start))
	}
	objs = append(objs, widget.NewSeparator(), s.folderNote())
	s.list.Objects = objs
	s.list.Refresh()
	_ = e
}

// folderNote says where the exhibits are kept, for district IT.
func (s *libraryScreen) folderNote() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("Exhibits folder: {{.Dir}}", map[string]any{"Dir": s.lib.Dir}))
	l.Wrapping = fyne.TextWrapBreak
	l.Importance = widget.LowImportance
	return l
}

// dialogText is a label for a dialog's message, wrapped so that a long path
// never makes the dialog wider than the screen.
func dialogText(msg string) fyne.CanvasObject {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	return container.New(&maxWidthLayout{width: 560}, l)
}

// maxWidthLayout gives its content at most width, and that much as its
// minimum width, so wrapped text gets a sensible line length.
type maxWidthLayout struct{ width float32 }

func (m *maxWidthLayout) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
	}
}

func (m *maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		o.Resize(fyne.NewSize(m.width, o.MinSize().Height))
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(m.width, h)
}

// errorLabel is a line saying what went wrong.
func errorLabel(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return l
}

// coverSize is the size of a cover thumbnail in the list.
const coverW, coverH = 160, 100

// row is one exhibit: cover, title, details and its actions.
func (s *libraryScreen) row(en library.Entry, isStart bool) fyne.CanvasObject {
	e := s.e
	cover := canvas.NewImageFromImage(nil)
	cover.FillMode = canvas.ImageFillContain
	cover.SetMinSize(fyne.NewSize(coverW, coverH))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.SetMinSize(fyne.NewSize(coverW, coverH))
	s.loadCover(en, cover)

	title := widget.NewLabelWithStyle(en.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var details []string
	if en.Subtitle != "" {
		details = append(details, en.Subtitle)
	}
	if en.IsBuiltin() {
		details = append(details, lang.L("Built into the program"))
	} else {
		details = append(details, lang.L("Added {{.Date}}", map[string]any{"Date": en.Installed.Format("02/01/2006")}),
			library.SizeText(en.Size))
	}
	switch {
	case en.Broken != "":
		details = append(details, lang.L("cannot be opened"))
	case en.Problems == 0:
		details = append(details, lang.L("no problems"))
	default:
		details = append(details, lang.L("{{.Count}} problems", map[string]any{"Count": en.Problems}))
	}
	info := widget.NewLabel(strings.Join(details, " · "))
	info.Wrapping = fyne.TextWrapWord
	info.Importance = widget.LowImportance
	text := container.NewVBox(title, info)
	if isStart || s.isOpen(en) {
		var marks []string
		if s.isOpen(en) {
			marks = append(marks, lang.L("Showing now"))
		}
		if isStart {
			marks = append(marks, lang.L("Opens at start"))
		}
		m := widget.NewLabelWithStyle("✓ "+strings.Join(marks, " · "), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		m.Importance = widget.SuccessImportance
		text.Add(m)
	}
	if en.Broken != "" {
		text.Add(errorLabel(en.Broken))
	}

	var actions []fyne.CanvasObject
	if en.Broken == "" {
		actions = append(actions, newKeyButton(e, lang.L("Open"), theme.MediaPlayIcon(), func() { s.open(en) }))
		if !isStart {
			actions = append(actions, newKeyButton(e, lang.L("Use at start"), theme.ConfirmIcon(), func() { s.setStart(en) }))
		}
		actions = append(actions, newKeyButton(e, lang.L("Save as a file"), theme.DocumentSaveIcon(), func() { s.export(en) }))
		if !en.IsBuiltin() && e.studio != nil {
			actions = append(actions, newKeyButton(e, lang.L("Edit"), theme.DocumentCreateIcon(), func() { e.studio(en.Dir) }))
		}
	}
	if !en.IsBuiltin() {
		actions = append(actions, newKeyButton(e, lang.L("Remove"), theme.DeleteIcon(), func() { s.remove(en) }))
	}
	// The buttons wrap onto more lines on a narrow screen rather than
	// push the window wider than the display.
	buttons := container.New(&flowLayout{leading: true}, actions...)
	text.Add(buttons)
	return container.NewBorder(nil, nil, container.NewPadded(container.NewStack(bg, cover)), nil, text)
}

// isOpen reports whether en is the exhibit being shown.
func (s *libraryScreen) isOpen(en library.Entry) bool {
	if en.IsBuiltin() {
		return s.e.packFS == nil && s.e.pack.ID == en.ID
	}
	return s.e.packDir != "" && sameDir(s.e.packDir, en.Dir)
}

// sameDir reports whether two paths name the same folder.
func sameDir(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// loadCover decodes an exhibit's cover in the background into img.
func (s *libraryScreen) loadCover(en library.Entry, img *canvas.Image) {
	if en.Cover == "" {
		return
	}
	fsys := assets.Pack()
	if !en.IsBuiltin() {
		fsys = os.DirFS(en.Dir)
	}
	s.e.pictures.Request(fsys, en.Cover, coverW*2, coverH*2, func(im image.Image, err error) {
		if err != nil || im == nil {
			return
		}
		s.e.post(func() {
			img.Image = im
			img.Refresh()
		})
	})
}

// open shows the exhibit en in this window.
func (s *libraryScreen) open(en library.Entry) {
	if en.IsBuiltin() {
		s.e.openBuiltin()
		return
	}
	s.e.openPackPath(en.Dir)
}

// setStart makes en the exhibit shown at start.
func (s *libraryScreen) setStart(en library.Entry) {
	if err := s.lib.SetStart(en.ID); err != nil {
		s.e.showError(err)
		return
	}
	s.fill()
}

// remove moves en to the library's trash after a confirmation.
func (s *libraryScreen) remove(en library.Entry) {
	e := s.e
	msg := lang.L("Remove “{{.Title}}” from this computer? It is moved to the trash folder of the exhibits folder and can be put back from there.", map[string]any{"Title": en.Title})
	dialog.ShowCustomConfirm(lang.L("Remove the exhibit"), lang.L("Remove"), lang.L("Cancel"), dialogText(msg), func(ok bool) {
		if !ok {
			return
		}
		if s.isOpen(en) {
			e.openBuiltin()
		}
		trash, err := s.lib.Remove(en.ID)
		if err != nil {
			e.showError(err)
			return
		}
		if _, onLibrary := e.current.(*libraryScreen); !onLibrary {
			e.openLibrary()
		} else {
			s.fill()
		}
		dialog.ShowInformation(lang.L("Exhibit removed"), lang.L("“{{.Title}}” was moved to {{.Path}}.", map[string]any{"Title": en.Title, "Path": trash}), e.win)
	}, e.win)
}

// export writes en as a .trienlam file into a folder staff choose (a USB
// stick): the name is the exhibit's id, made unique so nothing there is
// overwritten.
func (s *libraryScreen) export(en library.Entry) {
	e := s.e
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			e.showError(err)
			return
		}
		if dir == nil {
			return
		}
		out := uniquePath(filepath.Join(dir.Path(), en.ID+library.Extension))
		if en.IsBuiltin() {
			err = library.ZipFS(assets.Pack(), out)
		} else {
			err = library.Zip(en.Dir, out)
		}
		if err != nil {
			e.showError(err)
			return
		}
		dialog.ShowInformation(lang.L("Exhibit saved as a file"), lang.L("“{{.Title}}” was saved as {{.Path}}. Copy this file to another computer and open it, or add it to that computer's exhibit library.", map[string]any{"Title": en.Title, "Path": out}), e.win)
	}, e.win)
	d.SetConfirmText(lang.L("Save here"))
	d.Show()
}

// uniquePath returns path, or path with -2, -3… before its extension when
// a file of that name exists.
func uniquePath(path string) string {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			return path
		}
		path = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// addFromFile asks for a .trienlam or .zip file, or a pack folder, and adds
// it to the library.
func (s *libraryScreen) addFromFile() {
	e := s.e
	fileDlg := e.fileOpenDialog([]string{library.Extension, ".zip"}, e.installExhibit)
	folder := widget.NewButtonWithIcon(lang.L("Choose a pack folder instead"), theme.FolderOpenIcon(), func() {
		fileDlg.Hide()
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				e.showError(err)
				return
			}
			if dir != nil {
				e.installExhibit(dir.Path())
			}
		}, e.win)
	})
	dialog.ShowCustom(lang.L("Add an exhibit"), lang.L("Cancel"), container.NewVBox(
		widget.NewLabel(lang.L("Choose a .trienlam or .zip file, or a folder holding pack.toml.")),
		widget.NewButtonWithIcon(lang.L("Choose a file"), theme.FileIcon(), func() { fileDlg.Show() }),
		folder,
	), e.win)
}

// installExhibit adds the exhibit at path to the library: copied there, so
// it stays when a USB stick is removed. An exhibit of the same id is
// replaced only after staff confirm, and kept as a backup.
func (e *Exhibit) installExhibit(path string) {
	lib, err := e.library()
	if err != nil {
		e.showError(err)
		return
	}
	done := func(res library.Installed) {
		msg := lang.L("“{{.Title}}” is now in the exhibit library.", map[string]any{"Title": res.Entry.Title})
		if res.Backup != "" {
			msg += "\n\n" + lang.L("The previous version is kept in {{.Path}}.", map[string]any{"Path": res.Backup})
		}
		if res.Entry.Problems > 0 {
			msg += "\n\n" + lang.L("It has {{.Count}} problems; what is valid is shown.", map[string]any{"Count": res.Entry.Problems})
		}
		if s, ok := e.current.(*libraryScreen); ok {
			s.fill()
		}
		dialog.ShowCustomConfirm(lang.L("Exhibit added"), lang.L("Open it now"), lang.L("Close"), dialogText(msg), func(open bool) {
			if open {
				e.openPackPath(res.Entry.Dir)
			}
		}, e.win)
	}
	res, err := lib.Install(path, false)
	var exists *library.ExistsError
	switch {
	case errors.As(err, &exists):
		msg := lang.L("“{{.Title}}” is already in the library. Replace it with the version from {{.Path}}? The installed version is kept as a backup.", map[string]any{"Title": exists.Existing.Title, "Path": path})
		dialog.ShowCustomConfirm(lang.L("Replace the exhibit?"), lang.L("Replace"), lang.L("Cancel"), dialogText(msg), func(ok bool) {
			if !ok {
				return
			}
			// The exhibit on show lets go of its files first (Windows
			// cannot move open files), and shows its new version after.
			wasOpen := e.packDir != "" && sameDir(e.packDir, exists.Existing.Dir)
			if wasOpen {
				e.openBuiltin()
			}
			res, err := lib.Install(path, true)
			if err != nil {
				e.showError(err)
				return
			}
			if wasOpen {
				e.openPackPath(res.Entry.Dir)
				e.openLibrary()
			}
			done(res)
		}, e.win)
	case err != nil:
		e.showError(fmt.Errorf("%s", lang.L("{{.Path}} could not be added: {{.Error}}", map[string]any{"Path": path, "Error": err})))
	default:
		done(res)
	}
}

// newExhibit makes a new exhibit in the library from the built-in one or
// blank, after asking for its title.
func (s *libraryScreen) newExhibit() {
	e := s.e
	title := widget.NewEntry()
	title.SetPlaceHolder(lang.L("e.g. Lịch sử xã Thượng Ân"))
	from := widget.NewRadioGroup([]string{lang.L("A copy of the built-in exhibit"), lang.L("Blank")}, nil)
	from.SetSelected(lang.L("A copy of the built-in exhibit"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Start from"), from),
	}
	dialog.ShowForm(lang.L("New exhibit"), lang.L("Create"), lang.L("Cancel"), items, func(ok bool) {
		if !ok || strings.TrimSpace(title.Text) == "" {
			return
		}
		tmpl := library.FromBuiltin
		if from.Selected == lang.L("Blank") {
			tmpl = library.Blank
		}
		id := uniqueID(s.lib, exhibitID(title.Text))
		en, err := s.lib.New(tmpl, assets.Pack(), id, strings.TrimSpace(title.Text))
		if err != nil {
			e.showError(err)
			return
		}
		s.fill()
		if e.studio != nil {
			e.studio(en.Dir)
			return
		}
		dialog.ShowInformation(lang.L("New exhibit"), lang.L("“{{.Title}}” was made in {{.Path}}. Edit its files there, then open it from the library.", map[string]any{"Title": en.Title, "Path": en.Dir}), e.win)
	}, e.win)
}

// exhibitID makes an exhibit id from a title: the letters without their
// accents, lower case, words joined by hyphens ("Lịch sử xã" → "lich-su-xa").
func exhibitID(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range search.Fold(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	id := b.String()
	if len(id) > 60 {
		id = strings.TrimRight(id[:60], "-")
	}
	if id == "" {
		id = "trien-lam-" + time.Now().Format("20060102")
	}
	return id
}

// uniqueID returns id, or id-2, id-3… when the library has it already.
func uniqueID(l *library.Library, id string) string {
	if id == library.BuiltinID {
		id += "-moi"
	}
	try := id
	for i := 2; l.Path(try) != "" || dirExists(filepath.Join(l.Dir, try)); i++ {
		try = fmt.Sprintf("%s-%d", id, i)
	}
	return try
}

// dirExists reports whether path is a folder.
func dirExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// showError shows an error in a dialog.
func (e *Exhibit) showError(err error) { dialog.ShowError(err, e.win) }

// openPackPath opens the pack at path (a folder, a .zip or a .trienlam
// file) in this window in place of the one shown. A pack that cannot be
// read at all is explained and the exhibit shown stays.
func (e *Exhibit) openPackPath(path string) {
	pack, problems, pfs, err := exhibit.LoadPath(path)
	if err != nil {
		e.showError(fmt.Errorf("%s", lang.L("Could not open the pack {{.Path}}: {{.Error}}", map[string]any{"Path": path, "Error": err})))
		return
	}
	e.setPack(pack, problems, pfs)
}

// openBuiltin shows the built-in exhibit in place of the one shown.
func (e *Exhibit) openBuiltin() {
	pack, problems, err := exhibit.Load(assets.Pack())
	if err != nil {
		e.showError(err)
		return
	}
	e.setPack(pack, problems, nil)
}

// setPack puts a loaded pack in place of the one shown: narration and the
// tour stop, the search index, pictures and screens are made anew for it,
// and the home screen shows. The old pack's files are released.
func (e *Exhibit) setPack(pack *exhibit.Pack, problems []exhibit.Problem, pfs *exhibit.PackFS) {
	e.stopTour()
	if e.narr != nil {
		e.narr.stopAll()
		e.narr.shutdown()
		e.narr = nil
	}
	old := e.packFS
	e.pack, e.problems = pack, problems
	e.packFS, e.packDir = pfs, ""
	if pfs != nil {
		e.packDir = pfs.Dir()
	}
	e.index = nil // built again on first search
	e.pictures = photos.NewCache(pictureBudget)
	e.reader = newReaderScreen(e)
	e.homeS = nil
	e.history = nil
	e.show(e.home(), false)
	if old != nil && old != pfs {
		old.Close()
	}
}

// dropTarget is a screen that takes files dropped on the window itself
// (the editor takes pictures); on other screens a drop installs an
// exhibit.
type dropTarget interface {
	dropped(uris []fyne.URI)
}

// acceptDrops lets staff drop a .trienlam or .zip file, or a pack folder,
// on the window to add it to the library, or files on a screen that takes
// them (dropTarget). Kiosk mode ignores drops: they are not for visitors.
func (e *Exhibit) acceptDrops() {
	e.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		if e.kiosk != nil || e.presenting != nil {
			return
		}
		if t, ok := e.current.(dropTarget); ok {
			t.dropped(uris)
			return
		}
		for _, u := range uris {
			if u.Scheme() == "file" {
				e.installExhibit(u.Path())
				return // one at a time: each may ask to replace
			}
		}
	})
}
