// Package timeline is the exhibit's interactive timeline: a Fyne widget
// with a time axis whose ticks follow the zoom (decades, years, months),
// era bands, event markers whose labels never overlap (events too close
// to tell apart become a cluster with a count), and an even-spacing mode
// in which crowded years get as much room as empty ones.
//
// Nothing moves unless someone touches it: the widget redraws on input
// and during the short scroll to a chosen event, never on a timer.
package timeline
