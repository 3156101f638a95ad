// Package chapterview is the widget that sets a chapter's text for reading:
// a centred column of about 66 characters, line height 1.5, headings in
// clear steps, and marked ranges (search hits, and the sentence being
// spoken while the narration plays) drawn behind the text.
package chapterview
