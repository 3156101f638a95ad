// Package autostart makes the exhibit start by itself when staff log in to
// the hall's PC, so a kiosk comes back after a power cut without anyone
// touching it. It needs no administrator rights: it writes one file in the
// user's own folders.
//
//   - Linux and the BSDs: an XDG autostart entry,
//     $XDG_CONFIG_HOME/autostart/vn.trienlam.exhibit.desktop (~/.config when
//     XDG_CONFIG_HOME is not set), read by GNOME, KDE, Xfce, LXQt, MATE and
//     Cinnamon.
//   - Windows: a shortcut in the user's Startup folder,
//     %APPDATA%\Microsoft\Windows\Start Menu\Programs\Startup\Trienlam.lnk,
//     written in pure Go (see ShellLink).
//
// The package knows nothing of Fyne.
package autostart
