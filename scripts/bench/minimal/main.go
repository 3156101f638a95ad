// Command minimal is the baseline for scripts/bench/startup.sh: the smallest Fyne
// program that opens a window with some text. Trienlam's start-up time and
// memory are compared with this program built the same way, so that what
// Fyne, GLFW and Mesa cost anyway is not counted against the app.
//
// If BENCH_WINDOW_SIZE is set (for example "1280x720", in Fyne units), the
// window is resized to it, so that both programs paint the same area.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Minimal")
	w.SetContent(widget.NewLabel("Hello from a minimal Fyne window"))
	var width, height float32
	if s := os.Getenv("BENCH_WINDOW_SIZE"); s != "" {
		if _, err := fmt.Sscanf(s, "%fx%f", &width, &height); err == nil && width > 0 && height > 0 {
			w.Resize(fyne.NewSize(width, height))
		}
	}
	w.ShowAndRun()
}
