// Package proto is the wire protocol between the exhibit and its media
// helper, cmd/trienlam-media: one JSON object per line, commands on the
// helper's stdin and events on its stdout. Both sides import it, so it
// holds only plain types: no mpv, no Fyne.
//
// Every command carries a sequence number Seq, counted up by the client.
// Every event carries the Seq of the last command the helper had carried
// out before it looked at what the event reports (a load counts as soon as
// it is read), so the client can drop a position or pause read before a
// seek or play it has since asked for; events of a loaded file carry its
// ID, the Seq of its load command, so those of an older file can be dropped.
package proto
