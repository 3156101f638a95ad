// Package speech turns the text of an exhibit chapter into what a voice
// should say: Sentences splits a block's text into sentences, and Normalize
// rewrites a sentence for a speech synthesiser (dates, numbers, roman
// numerals, abbreviations and respellings spelt out in Vietnamese).
//
// cmd/narrate speaks the sentences with espeak-ng, the caption timer lets
// staff time them (both through audio/captions.ChapterSentences, so their
// cue identifiers agree), and slides cuts long passages at its sentence
// boundaries. The package knows nothing of Fyne and runs no programs.
package speech
