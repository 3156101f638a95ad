// Package assets embeds the files built into the Trienlam binary: the
// default exhibit pack "Kỷ niệm 80 năm ngày thành lập Chi bộ Chí Kiên" made
// from the propaganda outline in pack/source/van-ban-goc.txt (assets.go),
// its illustrations (illustrations.go), the application icon (icon.go) and
// the interface translations (translations.go). Text is drawn with Fyne's
// bundled font, which covers Vietnamese, so no font is embedded.
package assets
