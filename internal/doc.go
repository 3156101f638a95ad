// Package internal is the root of Trienlam's Fyne-free core: the pack model
// (exhibit), search, slides, the kiosk logic, the visitor log, speech
// normalisation, photos, the exhibit library and the command line (cli).
// Nothing under internal/ imports Fyne, directly or through another
// package: screens draw what the core computes, the core never draws.
// core_test.go enforces it.
package internal
