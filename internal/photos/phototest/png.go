package phototest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// WritePNG streams a real PNG of w×h black pixels, of PNG colour type ct
// (0 grey, 2 RGB, 4 grey and alpha, 6 RGBA) and bit depth depth, to out,
// without ever holding its pixels: so a test can make a picture of 80
// megapixels, or one that would take gigabytes to decode, in a few
// megabytes of memory and of disk.
func WritePNG(out io.Writer, w, h int, ct, depth byte) error {
	var werr error
	write := func(b []byte) {
		if werr == nil {
			_, werr = out.Write(b)
		}
	}
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		write(n[:])
		write([]byte(typ))
		write(data)
		binary.BigEndian.PutUint32(n[:], crc.Sum32())
		write(n[:])
	}
	write([]byte("\x89PNG\r\n\x1a\n"))
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = depth, ct
	chunk("IHDR", ihdr)
	channels := map[byte]int{0: 1, 2: 3, 4: 2, 6: 4}[ct]
	row := make([]byte, 1+(w*channels*int(depth)+7)/8) // filter byte 0, then zeros
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	for y := 0; y < h; y++ {
		zw.Write(row)
		if z.Len() > 1<<20 {
			chunk("IDAT", z.Bytes())
			z.Reset()
		}
	}
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return werr
}
