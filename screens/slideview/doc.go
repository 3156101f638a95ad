// Package slideview draws one presentation slide — a title, a section
// heading, a passage set large, a picture or a timeline moment — at any
// size: every measure is a fraction of the slide's height, so the same
// widget fills a projector and serves as a small preview on the
// presenter's console.
package slideview
