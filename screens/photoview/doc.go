// Package photoview is the widget that shows one picture to look at
// closely: fitted to the screen at first, zoomed by wheel, pinch (Ctrl+wheel
// on touchpads), keys or a double tap, and panned by dragging.
package photoview
