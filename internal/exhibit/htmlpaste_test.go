package exhibit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Copies as Word, LibreOffice, Firefox, Chromium and Google Docs put them
// on the clipboard (testdata/paste/*.html) become the Markdown beside
// them (*.md).
func TestHTMLToMarkdownPasteSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "paste", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, f := range files {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(f, ".html") + ".md")
		if err != nil {
			t.Fatal(err)
		}
		if got := HTMLToMarkdown(string(in)); got != strings.TrimSuffix(string(want), "\n") {
			t.Errorf("%s:\n--- got\n%s\n--- want\n%s", f, got, want)
		}
	}
}

func TestHTMLToMarkdownPaste(t *testing.T) {
	const ignore = `<![if !supportLists]><span style='mso-list:Ignore'>%s<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>`
	item := func(level int, bullet, text string) string {
		return `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level` +
			itoa(level) + ` lfo1'>` + strings.Replace(ignore, "%s", bullet, 1) + text + "</p>\n"
	}
	tests := []struct{ name, in, md string }{
		{"Word splits a bold word into runs", "<p><b>Chi b</b><b>ộ</b> <b>Chí</b><b> Kiên</b></p>", "**Chi bộ** **Chí Kiên**"},
		{"bold twice is bold once", `<b><span style="font-weight:bold">đậm</span></b> <i><em>nghiêng</em></i>`, "**đậm** *nghiêng*"},
		{"bold and italic by style", `<span style="font-weight: 700; font-style: italic">cả hai</span>`, "***cả hai***"},
		{"Word's right-to-left weight is not the weight", `<b style='mso-bidi-font-weight:normal'>đậm</b><i style='mso-bidi-font-style:normal'>nghiêng</i>`, "**đậm***nghiêng*"},
		{"normal by style", `<b style="font-weight:400">thường</b> <em style="font-style:normal">thường</em>`, "thường thường"},
		{"empty Word paragraphs and no-break spaces", "<p class=MsoNormal>Một&nbsp;&nbsp;hai</p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p>ba</p>", "Một hai\n\nba"},
		{"fragment markers", "<html><body>\n<!--StartFragment--><p>đoạn</p><!--EndFragment-->\n</body></html>", "đoạn"},
		{"hidden text", `<p>thấy<span style="display: none">ẩn</span></p>`, "thấy"},
		{"relative and file links lose their address", `<a href="/wiki/1943">1943</a> <a href="file:///C:/a.docx">tệp</a> <a href="https://x.vn/">x</a>`, "1943 tệp x (https://x.vn/)"},
		{"Word bullets nest by level",
			item(1, "·", "một") + item(2, "o", "một một") + item(3, "§", "sâu") + item(1, "·", "hai"),
			"- một\n  - một một\n    - sâu\n- hai"},
		{"Word numbers count per level",
			item(1, "1.", "một") + item(2, "a.", "một a") + item(2, "b.", "một b") + item(1, "2.", "hai") + item(1, "3.", "ba"),
			"1. một\n   1. một a\n   2. một b\n2. hai\n3. ba"},
		{"a skipped level nests one deeper", item(1, "·", "một") + item(3, "·", "ba"), "- một\n  - ba"},
		{"a Word list ends at the next paragraph",
			item(1, "·", "một") + "<!-- c -->\n" + item(1, "·", "hai") + "<p class=MsoNormal>đoạn</p>" + item(1, "·", "mới"),
			"- một\n- hai\n\nđoạn\n\n- mới"},
		{"an empty Word item is left out", item(1, "·", "<o:p>&nbsp;</o:p>") + item(1, "·", "có"), "- có"},
		{"Word heading numbers stay", `<h1 style='mso-list:l2 level1 lfo3'>` + strings.Replace(ignore, "%s", "1.", 1) + `Mở đầu</h1>`, "# 1. Mở đầu"},
		{"a heading is bold already", `<h2><span style="font-weight:700">Đề <b>mục</b></span> <i>nghiêng</i></h2>`, "## Đề mục *nghiêng*"},
		{"Word title", "<p class=MsoTitle>Kỷ niệm</p><p class=MsoSubtitle>phụ đề</p>", "# Kỷ niệm\n\nphụ đề"},
		{"Markdown in the text stays text", "<p>*không* phải _nghiêng_ # 1</p><p>1943. năm</p>", "\\*không\\* phải \\_nghiêng\\_ # 1\n\n1943\\. năm"},
	}
	for _, tt := range tests {
		if got := HTMLToMarkdown(tt.in); got != tt.md {
			t.Errorf("%s: HTMLToMarkdown(%q)\n = %q\nwant %q", tt.name, tt.in, got, tt.md)
		}
	}
}

// The Markdown a paste gives means what the copy meant: rendered by the
// reader's Markdown and read back, it is the same (so bold is bold, lists
// are lists, and nothing became markup by accident).
func TestPasteSamplesReadBack(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "paste", "*.md"))
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSuffix(string(md), "\n")
		h := markdownToHTML(s)
		if back := HTMLToMarkdown(h); back != s {
			t.Errorf("%s: read back differently:\n%s\n--- from HTML\n%s", f, back, h)
		}
		for _, tag := range []string{"<strong>", "<h"} {
			if !strings.Contains(h, tag) {
				t.Errorf("%s: the Markdown renders without %s:\n%s", f, tag, h)
			}
		}
	}
}

// FuzzHTMLToMarkdown: whatever a clipboard holds, the paste gives valid
// UTF-8 Markdown in which no tag survives.
func FuzzHTMLToMarkdown(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "paste", "*.html"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("<p class=MsoListParagraph style='mso-list:l0 level9 lfo1'><![if !supportLists]>1.<![endif]>x</p>")
	f.Add("<b><b><i>**</i></b></b><b>x</b><b>y</b>")
	f.Fuzz(func(t *testing.T, s string) {
		md := HTMLToMarkdown(s)
		if !utf8.ValidString(md) && utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 from %q: %q", s, md)
		}
		if strings.Contains(md, "\x00") && !strings.Contains(s, "\x00") {
			t.Fatalf("break marker leaked from %q: %q", s, md)
		}
		for i := 0; i < len(md); i++ {
			// Every "<" of the copy's text is escaped: no tag reaches
			// the chapter as markup.
			if md[i] == '<' && (i == 0 || md[i-1] != '\\') {
				t.Fatalf("unescaped < from %q: %q", s, md)
			}
		}
	})
}
