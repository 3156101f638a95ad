package richclip

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// MaxBytes caps the HTML taken from the clipboard: a passage of a few
// chapters is a few hundred kilobytes even with Word's styling, and a
// copy larger than this (a whole book with pictures inlined) is refused
// rather than held in memory; the plain text is pasted instead.
const MaxBytes = 8 << 20

// HTML returns the HTML on the system clipboard, as UTF-8, and whether
// there was any. It waits at most a fraction of a second for the program
// that owns the clipboard, so call it off the UI thread.
func HTML() (string, bool) {
	b, ok := read()
	if !ok {
		return "", false
	}
	s := decode(b)
	if strings.TrimSpace(s) == "" {
		return "", false
	}
	return s, true
}

// decode turns the bytes a program offered as text/html into UTF-8.
// Firefox offers UTF-16 with a byte order mark, Chromium and LibreOffice
// UTF-8; anything else is read in the charset its <meta> declares, and
// bytes that fit no encoding are replaced rather than passed on.
func decode(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return fromUTF16(b[2:], binary.LittleEndian)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return fromUTF16(b[2:], binary.BigEndian)
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case len(b) >= 4 && len(b)%2 == 0 && b[0] == '<' && b[1] == 0 && b[3] == 0:
		// UTF-16 without a mark, little-endian: "<\x00h\x00".
		return fromUTF16(b, binary.LittleEndian)
	}
	b = bytes.TrimRight(b, "\x00")
	if utf8.Valid(b) {
		return string(b)
	}
	enc, name, _ := charset.DetermineEncoding(b, "text/html")
	if name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			return string(out)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// fromUTF16 decodes UTF-16 text in the given byte order, up to a NUL.
func fromUTF16(b []byte, order binary.ByteOrder) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := order.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

// fromCFHTML takes the HTML out of Windows' "HTML Format": a header of
// "Key:value" lines (Version, StartHTML, EndHTML, StartFragment,
// EndFragment, SourceURL) whose offsets count bytes of the UTF-8 text
// from its start. The fragment is what was selected; the whole document is
// used when the fragment's offsets are missing or wrong, and the text
// after the header when every offset is.
func fromCFHTML(b []byte) (string, bool) {
	off := map[string]int{}
	rest := b
	headerEnd := 0
	for len(rest) > 0 {
		line := rest
		next := len(rest)
		if i := bytes.IndexAny(rest, "\r\n"); i >= 0 {
			line = rest[:i]
			next = i + 1
			if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
				next++
			}
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok || bytes.HasPrefix(bytes.TrimSpace(line), []byte("<")) {
			break
		}
		key := string(bytes.TrimSpace(k))
		switch key {
		case "StartHTML", "EndHTML", "StartFragment", "EndFragment":
			if n, err := strconv.Atoi(string(bytes.TrimSpace(v))); err == nil {
				off[key] = n
			}
		case "Version", "SourceURL", "StartSelection", "EndSelection":
		default:
			return "", false // not a CF_HTML header
		}
		headerEnd += next
		rest = rest[next:]
	}
	if _, ok := off["StartHTML"]; !ok {
		if _, ok := off["StartFragment"]; !ok {
			return "", false
		}
	}
	valid := func(a, z int) bool { return a >= headerEnd && a <= z && z <= len(b) }
	var s []byte
	switch sf, ef, sh, eh := off["StartFragment"], off["EndFragment"], off["StartHTML"], off["EndHTML"]; {
	case valid(sf, ef) && ef > 0:
		s = b[sf:ef]
	case valid(sh, eh) && eh > 0:
		s = b[sh:eh]
	case sh > 0 && sh >= headerEnd && sh <= len(b):
		s = b[sh:] // EndHTML -1 or past the end
	default:
		s = b[headerEnd:]
	}
	s = bytes.TrimRight(s, "\x00")
	return strings.ToValidUTF8(string(s), "\uFFFD"), true
}
