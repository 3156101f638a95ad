// Package touchtap makes a tap on a touch screen land where the finger
// touched, not where the pointer was before.
//
// A touch screen (and a pen, or a remote desktop) moves the pointer and
// presses in the same instant, so both arrive in one poll of the window's
// events. Fyne 2.8's desktop driver applies a pointer move only after the
// poll, but handles a press during it, at the position it knew before:
// the tap lands on whatever the previous tap touched (the first one, where
// the pointer happened to rest). With a mouse this rarely shows, since the
// pointer moves before it clicks; on a kiosk's touch screen every tap
// would miss. Upstream Fyne has the fix planned (process a pending move at
// the start of a click); until it ships, Hook holds a press that comes in
// the same poll as a move until Fyne has applied the move.
package touchtap
