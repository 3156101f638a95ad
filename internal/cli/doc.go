// Package cli is Trienlam's command line: it parses the arguments, runs the
// command-line-only subcommands (validate, export-pack, …) and otherwise
// hands over to the graphical exhibit, so main.go stays a few lines.
//
// Run never calls os.Exit and writes only to the writers it is given, so
// every path through it can be tested with buffers and a fake GUI.
package cli
