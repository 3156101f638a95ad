// Package slides derives a projector presentation from an exhibit pack: a
// title slide, then for each chapter a section slide, the chapter's text cut
// into passages short enough to read from the back of a hall, its pictures
// and the timeline moments that link to it, each with presenter notes drawn
// from the source text.
//
// The text of every slide is the pack's own text, cut at sentence
// boundaries and never rewritten. The package knows nothing of Fyne.
package slides
