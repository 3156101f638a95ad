// Package captions is the one WebVTT codec of Trienlam and the one place
// where a chapter becomes a list of sentences to caption.
//
// A narration's captions are a WebVTT file with one cue per sentence. The
// cue identifier b<block>:<from>-<to> (CueID) ties a cue to the byte range
// of its sentence in the text of a chapter block, which is how the reader
// highlights the sentence being spoken. Parse and Write keep those
// identifiers and the file's NOTE blocks (the credit of a synthetic voice,
// who timed the captions); CueAt finds the cue at a time by binary search.
//
// ChapterSentences lists the sentences of a chapter: cmd/narrate speaks and
// captions them, the caption-timing screen lets staff time them by hand,
// and both write the same cue identifiers because both use it.
//
// The package is pure Go, with no Fyne and no sound: cmd/narrate, the
// command line and the media helper's client use it as well as the screens.
package captions
