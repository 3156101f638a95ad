package exhibit

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// deflateRepeated returns a raw deflate stream of chunk repeated n times,
// and its CRC-32, without ever holding the n copies: the chunk is
// compressed once, flushed (a flush ends on a byte boundary with no final
// block), and the compressed bytes repeated, then a final empty block added.
func deflateRepeated(t *testing.T, chunk []byte, n int) ([]byte, uint32) {
	t.Helper()
	var one bytes.Buffer
	fw, err := flate.NewWriter(&one, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(chunk)
	fw.Flush()
	out := bytes.Repeat(one.Bytes(), n)
	out = append(out, 0x03, 0x00) // final, fixed Huffman, end of block
	crc := uint32(0)
	for i := 0; i < n; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	return out, crc
}

// TestZipOfHugeChaptersBoundedMemory opens a zip of a few megabytes whose
// four chapters each unpack to 500 MiB, within the zip limits: each is
// refused as too large while being read, and loading allocates a small
// fraction of one chapter, not gigabytes.
func TestZipOfHugeChaptersBoundedMemory(t *testing.T) {
	chunk := []byte(strings.Repeat("Chi bộ Chí Kiên ra đời năm 1943.\n", 1<<20/35+1)[:1<<20])
	body, crc := deflateRepeated(t, chunk, 500)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	manifest := "format = 1\nid = \"lon\"\ntitle = \"Lớn\"\n"
	for i := 1; i <= 4; i++ {
		name := "chapters/" + string(rune('0'+i)) + ".md"
		manifest += "[[chapters]]\nid = \"c" + string(rune('0'+i)) + "\"\nfile = \"" + name + "\"\n"
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate,
			CompressedSize64: uint64(len(body)), UncompressedSize64: 500 << 20, CRC32: crc})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	w, _ := zw.Create(ManifestName)
	w.Write([]byte(manifest))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "lon.zip")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("zip of %.1f MB holding 4 × 500 MiB", float64(buf.Len())/1e6)

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, probs, pfs, err := LoadPath(p)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	pfs.Close()
	tooLarge := 0
	for _, pr := range probs {
		if pr.Kind == "file-too-large" {
			tooLarge++
		}
	}
	if tooLarge != 4 || len(probs) != 4 {
		t.Errorf("want 4 file-too-large problems, got %v", probs)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*4*MaxTextSize {
		t.Errorf("loading allocated %d MiB in all", alloc>>20)
	}
}
