// Package library keeps the exhibits installed on a PC: each a pack folder
// in the user's exhibits folder, so an exhibit brought on a USB stick or by
// Zalo stays when the stick is pulled out. It installs packs (folders,
// zips, .trienlam files), replaces an installed exhibit with a newer one
// keeping the old as a backup, removes exhibits to a trash folder (never
// deleting them outright), remembers which exhibit opens at start, and
// writes .trienlam files to share. It knows nothing of Fyne: the library
// screen and the command line both use it.
package library
