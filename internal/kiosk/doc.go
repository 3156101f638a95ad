// Package kiosk holds the parts of kiosk mode that are not screens: the
// staff PIN (hashed, never stored in the clear), the lock that slows down
// guessing it, and the idle timer that ends a visitor's session and starts
// the attract loop. The package knows nothing of Fyne; times come from an
// audio.Clock so tests run on a fake clock.
package kiosk
