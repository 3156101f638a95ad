// Package single keeps one copy of the exhibit running per user: a kiosk
// PC started twice at login (a Startup shortcut from the installer and one
// from the settings), or a visitor double-clicking the icon again, must not
// end up with two exhibits fighting over the screen and the sound card.
package single
