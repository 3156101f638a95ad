// Package richclip reads the formatted (HTML) side of the system
// clipboard. Fyne's clipboard gives only plain text, but a copy from Word,
// LibreOffice or a web browser also offers the same passage as HTML —
// "text/html" on X11, "HTML Format" (CF_HTML) on Windows — and only that
// copy still knows which lines were headings, which words bold and which
// paragraphs a list. The studio's Markdown editor pastes it as Markdown.
//
// The package has one job: [HTML] returns the clipboard's HTML, decoded to
// UTF-8, when there is any. Everywhere it cannot (Wayland without X, a
// build without cgo on Linux, other systems) it reports none, and the
// caller pastes the plain text as before.
package richclip
