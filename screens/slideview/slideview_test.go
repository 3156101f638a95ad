package slideview

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
	"trienlam/internal/slides"
)

// TestEverySlideFits draws every slide of the built-in presentation at
// projector sizes: no line leaves the slide or its margins, and passage
// text is never below the smallest legible size.
func TestEverySlideFits(t *testing.T) {
	test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	deck := slides.FromPack(p, Measure)
	picture := image.NewRGBA(image.Rect(0, 0, 400, 300))
	for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1280, Height: 720}, {Width: 1920, Height: 1080}} {
		v := New()
		v.Resize(size)
		r := test.TempWidgetRenderer(t, v)
		mx, my := slides.Margins(size.Width, size.Height)
		for i, s := range deck {
			var pic image.Image
			caption := ""
			if s.Kind == slides.Picture {
				pic, caption = picture, s.Title
			}
			v.SetSlide(s, pic, caption, "Hình minh hoạ, không phải ảnh chụp")
			r.Layout(size)
			lines := 0
			for _, o := range r.Objects() {
				txt, ok := o.(*canvas.Text)
				if !ok {
					continue
				}
				lines++
				pos, sz := txt.Position(), txt.MinSize()
				left, right := mx-1, size.Width-mx+1
				top, bottom := my-1, size.Height-my+1
				if s.Kind == slides.Picture {
					left, right, top, bottom = 0, size.Width, 0, size.Height
				}
				if pos.X < left || pos.X+sz.Width > right || pos.Y < top || pos.Y+sz.Height > bottom {
					t.Errorf("%v slide %d (%s): %q at %v size %v leaves the slide's margins", size, i+1, s.Kind, txt.Text, pos, sz)
				}
				if s.Kind == slides.Passage && txt.TextSize < slides.MinSize(size.Height)-0.01 {
					t.Errorf("%v slide %d: passage set at %.1f px, below %.1f", size, i+1, txt.TextSize, slides.MinSize(size.Height))
				}
			}
			if lines == 0 {
				t.Errorf("%v slide %d (%s) shows no text", size, i+1, s.Kind)
			}
		}
	}
}

// TestBlankCoversTheSlide: black and white are the whole view, nothing
// else drawn.
func TestBlankCoversTheSlide(t *testing.T) {
	test.NewTempApp(t)
	v := New()
	w := test.NewWindow(v)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(320, 240))
	v.SetSlide(slides.Slide{Kind: slides.Passage, Text: "Bắc Kạn là tỉnh miền núi."}, nil, "", "")
	for _, b := range []Blank{Black, White} {
		v.SetBlank(b)
		img := w.Canvas().Capture()
		want := color.NRGBA{A: 0xff}
		if b == White {
			want = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
		}
		for y := 0; y < img.Bounds().Dy(); y++ {
			for x := 0; x < img.Bounds().Dx(); x++ {
				if c := color.NRGBAModel.Convert(img.At(x, y)); c != want {
					t.Fatalf("blank %v: pixel (%d,%d) is %v", b, x, y, c)
				}
			}
		}
	}
}
