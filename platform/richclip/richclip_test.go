package richclip

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 in the given order, with a byte order
// mark when bom is set.
func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	var b []byte
	if bom {
		b = order.AppendUint16(b, 0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

const viHTML = `<meta http-equiv="content-type" content="text/html; charset=utf-8"><h2>Chi bộ Chí Kiên</h2><p>Ngày <b>22/9/1943</b>, đồng chí…</p>`

func TestDecode(t *testing.T) {
	// "Chi bộ" in Windows-1258 (ộ as o + combining dot below, 0xF2).
	cp1258 := []byte("<meta charset=\"windows-1258\"><p>Chi b\xf4\xf2</p>")
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte(viHTML), viHTML},
		{"utf-8 with mark and NUL", append([]byte("\xEF\xBB\xBF"+viHTML), 0), viHTML},
		{"utf-16le with mark (Firefox)", utf16Bytes(viHTML, binary.LittleEndian, true), viHTML},
		{"utf-16be with mark", utf16Bytes(viHTML, binary.BigEndian, true), viHTML},
		{"utf-16le without mark", utf16Bytes(viHTML, binary.LittleEndian, false), viHTML},
		{"utf-16 ends at NUL", append(utf16Bytes("<p>a</p>", binary.LittleEndian, true), 0, 0, 'x', 0), "<p>a</p>"},
		{"declared windows-1258", cp1258, "<meta charset=\"windows-1258\"><p>Chi bô\u0323</p>"},
		{"broken bytes replaced", []byte("<p>a\xff\xfeb</p>"), ""},
	}
	for _, tt := range tests {
		got := decode(tt.in)
		if tt.want == "" {
			// Undeclared, invalid bytes: whatever the guess, valid text
			// that keeps the markup.
			if !strings.Contains(got, "<p>a") || !strings.Contains(got, "b</p>") || strings.ContainsRune(got, 0) {
				t.Errorf("%s: decode = %q", tt.name, got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("%s: decode = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// cfHTML builds Windows' "HTML Format" the way Word and browsers do: the
// offsets count bytes of the UTF-8 text, padded to ten digits.
func cfHTML(fragment string) []byte {
	const header = "Version:0.9\r\nStartHTML:%010d\r\nEndHTML:%010d\r\nStartFragment:%010d\r\nEndFragment:%010d\r\nSourceURL:file:///C:/Users/vhx/Documents/Chi%%20bo.docx\r\n"
	head := len(strings.ReplaceAll(header, "%010d", "0000000000")) - 1 // %% → %
	pre := "<html>\r\n<body>\r\n<!--StartFragment-->"
	post := "<!--EndFragment-->\r\n</body>\r\n</html>"
	sh := head
	sf := sh + len(pre)
	ef := sf + len(fragment)
	eh := ef + len(post)
	return []byte(fmt.Sprintf(header, sh, eh, sf, ef) + pre + fragment + post)
}

func TestFromCFHTML(t *testing.T) {
	frag := "<h1>Kỷ niệm 80 năm</h1><p class=MsoNormal><b>Chi bộ</b> Chí Kiên</p>"
	got, ok := fromCFHTML(append(cfHTML(frag), 0))
	if !ok || got != frag {
		t.Errorf("fromCFHTML = %q, %v; want the fragment %q", got, ok, frag)
	}

	// Offsets past the end (a truncated copy): the text after the header.
	bad := []byte("Version:0.9\r\nStartHTML:0000000999\r\nEndHTML:0000009999\r\nStartFragment:0000001000\r\nEndFragment:0000001100\r\n<p>Đồng chí</p>")
	if got, ok := fromCFHTML(bad); !ok || got != "<p>Đồng chí</p>" {
		t.Errorf("bad offsets: fromCFHTML = %q, %v", got, ok)
	}
	// EndHTML -1 (allowed by the format when there is no context).
	noEnd := []byte("Version:1.0\r\nStartHTML:0000000071\r\nEndHTML:-1\r\nStartFragment:-1\r\nEndFragment:-1\r\n<p>hết</p>")
	if got, ok := fromCFHTML(noEnd); !ok || got != "<p>hết</p>" {
		t.Errorf("EndHTML -1: fromCFHTML = %q, %v", got, ok)
	}
	for _, notCF := range []string{"", "<p>just html</p>", "Hello: world\r\n<p>x</p>", "Version:0.9\r\n<p>no offsets</p>"} {
		if got, ok := fromCFHTML([]byte(notCF)); ok {
			t.Errorf("fromCFHTML(%q) = %q, true; want not CF_HTML", notCF, got)
		}
	}
}
