// Package proto is the wire protocol between the exhibit and its media
// helper, cmd/trienlam-media: one JSON object per line, commands on the
// helper's stdin and events on its stdout. Both sides import it, so it
// holds only plain types: no mpv, no Fyne.
//
// Every command carries a sequence number Seq, counted up by the client.
// Every event carries the Seq of the last command the helper had read when
// it sent the event, so the client can drop position reports made before a
// seek it has since asked for; events of a loaded file carry its ID, the
// Seq of its load command, so those of an older file can be dropped.
package proto
