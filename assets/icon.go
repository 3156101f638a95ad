package assets

import _ "embed" // for the icon

//go:generate go run ../cmd/icongen -root ..

// Icon is Trienlam's application icon, 512×512 PNG: the exhibit's emblem
// (a deep red rounded square, a gold ring, a bold gold "80"), drawn by
// cmd/icongen. The packaging sizes and the Windows .ico are made with it.
//
//go:embed icon.png
var Icon []byte
