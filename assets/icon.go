package assets

import _ "embed" // for the icon

//go:generate go run ../cmd/icongen -root ..

// The application icon, assets/icon.png (512×512: the exhibit's emblem, a
// deep red rounded square, a gold ring, a bold gold "80"), is drawn by
// cmd/icongen, with the packaging sizes and the Windows .ico; FyneApp.toml
// and the installers use it.

// WindowIcon is the same emblem drawn at 128×128, the icon the program
// gives its window (the app metadata's icon): taskbars and window
// switchers show 16–64 pixels, 128 on a screen at twice the density, and
// decoding and sending the 512-pixel one to the display cost every start
// ~40 ms (bench/startup.sh). The installed launchers use the packaging
// sizes.
//
//go:embed window-icon.png
var WindowIcon []byte
