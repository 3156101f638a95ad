package assets

import (
	"bytes"
	"image/png"
	"testing"
)

// The window's icon is decoded and sent to the display at every start: it
// must stay the small drawing, not the 512-pixel one.
func TestWindowIconIsSmall(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(WindowIcon))
	if err != nil {
		t.Fatalf("window-icon.png: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 128 || b.Dy() != 128 {
		t.Fatalf("window icon is %dx%d, want 128x128", b.Dx(), b.Dy())
	}
	// The emblem's red fills its middle.
	if r, g, _, a := img.At(64, 100).RGBA(); a < 0xff00 || r < 2*g {
		t.Errorf("window icon's middle is not the emblem's red: r=%d g=%d a=%d", r>>8, g>>8, a>>8)
	}
}
