package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileOpenDialog returns a file dialog, not yet shown, that lists files
// with the given extensions (lower case; the upper-case spellings that
// Windows cameras and Explorer write are added) and calls chosen with the
// local path of the file picked. An error is shown; a cancel does nothing.
func (e *Exhibit) fileOpenDialog(exts []string, chosen func(path string)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		chosen(path)
	}, e.win)
	all := make([]string, 0, 2*len(exts))
	for _, x := range exts {
		all = append(all, x, strings.ToUpper(x))
	}
	d.SetFilter(storage.NewExtensionFileFilter(all))
	return d
}
