//go:build !unix

package main

import "os"

// protocolFiles returns the command and event streams: stdin and stdout.
func protocolFiles() (in, out *os.File) { return os.Stdin, os.Stdout }

// refillStdin: nothing to do outside Unix.
func refillStdin() {}

// gpuContext: mpv's own choice.
func gpuContext() string { return "" }
