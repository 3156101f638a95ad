// Command illustrate draws the built-in pack's illustrations from code —
// a title plate, a schematic of the 1943 Nam tiến routes and charts of the
// source document's figures — so they can be checked, corrected and
// regenerated with `go generate ./assets`:
//
//	go run ./cmd/illustrate -out assets/pack/illustrations
//
// Every name, date and number drawn is taken from the source document
// (assets/pack/source/van-ban-goc.txt); the tests check each figure
// against it. Nothing is drawn that the source does not give: where it
// gives only a ratio ("tăng hơn 50 lần so với năm 1997") the ratio is
// written out, not turned into bars. The pictures are labelled as
// illustrations on their face and in their captions (pack.toml).
//
// The text is set in Fyne's bundled Noto Sans, the app's own typeface.
// Output is deterministic: the same program writes the same bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
)

// W and H are the size of every illustration: full HD, what projectors
// and kiosk screens show.
const W, H = 1920, 1080

// illustration is one picture and how to draw it.
type illustration struct {
	file string // name in the output folder
	draw func(*canvas)
}

// illustrations is the set, in the order pack.toml lists them.
var illustrations = []illustration{
	{"tieu-de-80-nam.png", titlePlate},
	{"so-do-nam-tien-1943.png", routeDiagram},
	{"bieu-do-xay-dung-dang.png", partyChart},
	{"bieu-do-khi-moi-tai-lap.png", startChart},
	{"bieu-do-kinh-te-2022.png", economyChart},
}

func main() {
	out := flag.String("out", filepath.Join("assets", "pack", "illustrations"), "folder to write the PNG files into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "illustrate:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	f, err := loadFonts()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, il := range illustrations {
		data, _, err := render(f, il)
		if err != nil {
			return fmt.Errorf("%s: %w", il.file, err)
		}
		if err := os.WriteFile(filepath.Join(out, il.file), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// render draws an illustration and returns its PNG bytes and the texts
// drawn on it.
func render(f *fonts, il illustration) ([]byte, []string, error) {
	c := newCanvas(f, W, H, paper)
	il.draw(c)
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, c.img); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), c.texts, nil
}

// sourceLine is the attribution on every chart and diagram.
const sourceLine = "Đề cương tuyên truyền kỷ niệm 80 năm ngày thành lập Chi bộ Chí Kiên (Ban Tuyên giáo Tỉnh ủy, 2023)"

// frame draws what every chart and diagram has: a red band at the top,
// the title and subtitle, the "… MINH HOẠ" tag and the source line.
func frame(c *canvas, tag, title, subtitle, sourcePrefix string) {
	c.rect(0, 0, W, 14, red)
	c.rect(0, 14, W, 3, gold)
	c.text(title, 96, 122, style{size: 56, bold: true, color: red})
	c.text(subtitle, 96, 174, style{size: 30, color: muted})
	ts := style{size: 22, bold: true, color: deepGld, track: 2, align: alignLeft}
	tw := c.width(tag, ts)
	x := W - 96 - tw - 44
	c.roundRect(x, 66, tw+44, 48, 24, gold)
	c.roundRect(x+2, 68, tw+40, 44, 22, card)
	c.text(tag, x+22, 98, ts)
	c.line(pt{96, H - 86}, pt{W - 96, H - 86}, 2, rule)
	c.text(sourcePrefix+sourceLine, 96, H-44, style{size: 24, color: muted})
}
