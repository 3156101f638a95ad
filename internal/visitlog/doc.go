// Package visitlog keeps a local log of kiosk visits — when a visit started
// and ended, which chapters and timeline events it opened, and what could
// not be shown to it (a clip that did not play) — and exports it as a CSV
// table staff open in Excel or LibreOffice for their reports.
//
// It records no personal data: no names, no input text, no pictures, only
// times and the IDs of the pack's own chapters and events. Nothing leaves
// the computer; the caller chooses the file, under the user's
// configuration folder.
//
// The file is JSON lines, one record a line, appended with a single write
// each, so a crash can at worst cut off the last line; reading skips lines
// that do not parse. When the file passes MaxSize it is renamed to
// path+".1" (replacing the one before) and a new file begins, so the log
// never holds more than about twice MaxSize. The package knows nothing of
// Fyne.
package visitlog
