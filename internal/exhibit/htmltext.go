package exhibit

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TimelineJS text fields hold HTML; the pack holds Markdown (event and era
// text) or plain text (headlines, captions, credits, display dates,
// groups). The conversion keeps what the writer meant — paragraphs, line
// breaks, bold, italics, lists — and never lets a tag reach the screen as
// text. Links become "text (address)": the exhibit never goes online, so
// nothing it shows may be clickable into the network, and images inside
// text become their description.

// breakMark stands for a <br> while inline text is collected; it becomes
// a Markdown hard break (or a space in plain text) when the block ends.
const breakMark = "\x00"

// htmlToMarkdown converts TimelineJS HTML text to the pack's Markdown.
func htmlToMarkdown(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	c := &htmlConv{}
	c.children(parseHTML(s))
	c.flush()
	return strings.Join(c.blocks, "\n\n")
}

// htmlToPlain converts TimelineJS HTML to one line of plain text, for
// headlines, captions, credits, display dates and groups.
func htmlToPlain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Trim(collapseSpace(s), " ")
	}
	c := &htmlConv{plain: true}
	c.children(parseHTML(s))
	c.flush()
	return strings.Join(c.blocks, " ")
}

// parseHTML parses s as the content of a <body>. The HTML5 parser accepts
// anything, so there is no error to report.
func parseHTML(s string) *html.Node {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		// Only a reader error is possible, and a strings.Reader has none.
		body.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		return body
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return body
}

// htmlConv collects Markdown (or plain text) blocks from an HTML tree.
type htmlConv struct {
	plain  bool
	blocks []string
	// lists marks the blocks that are lists, so a list nested in an item
	// follows the item's text without a blank line (a tight list).
	lists  map[int]bool
	inline strings.Builder
	pre    int // depth of <pre> elements, whose lines are kept
	// paste marks HTML pasted into the studio (htmlpaste.go), as opposed
	// to TimelineJS text.
	paste bool
	// bold and italic count the emphasis already open around the text, so
	// Word's <b><span style="font-weight:bold"> is not bold twice.
	bold, italic int
	// wordItem marks the inside of a Word list paragraph, whose bullet
	// (between <![if !supportLists]> and <![endif]>) is left out: the
	// list itself is written as Markdown.
	wordItem bool
}

// sub returns a converter for a part of the tree that inherits the
// settings and open emphasis of c.
func (c *htmlConv) sub() *htmlConv {
	return &htmlConv{plain: c.plain, paste: c.paste, bold: c.bold, italic: c.italic, wordItem: c.wordItem}
}

// flush ends the current block of inline text.
func (c *htmlConv) flush() {
	s := collapseSpace(c.inline.String())
	c.inline.Reset()
	s = strings.Trim(s, " "+breakMark)
	if s == "" {
		return
	}
	if c.plain {
		s = strings.Trim(collapseSpace(strings.ReplaceAll(s, breakMark, " ")), " ")
	} else {
		lines := strings.Split(s, breakMark)
		for i, l := range lines {
			lines[i] = escapeLineStart(strings.TrimSpace(l))
		}
		s = strings.Join(lines, "\\\n")
	}
	c.blocks = append(c.blocks, s)
}

// spaceRun matches runs of HTML white space.
var spaceRun = regexp.MustCompile(`[ \t\n\r\f]+`)

// collapseSpace folds white space as a browser does, and drops spaces
// next to a line break.
func collapseSpace(s string) string {
	s = spaceRun.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, " "+breakMark, breakMark)
	return strings.ReplaceAll(s, breakMark+" ", breakMark)
}

// skipped elements hold no text a visitor should read.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Head: true,
	atom.Title: true, atom.Video: true, atom.Audio: true, atom.Svg: true,
	atom.Math: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Canvas: true, atom.Map: true,
}

// blockElems end the current paragraph before and after themselves.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.Main: true, atom.Figure: true, atom.Figcaption: true, atom.Address: true,
	atom.Table: true, atom.Tr: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Hr: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Fieldset: true, atom.Caption: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true,
}

// children converts the children of n.
func (c *htmlConv) children(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if wordListPara(ch) {
			ch = c.wordList(ch)
			continue
		}
		if c.wordItem && isComment(ch, "[if !supportLists]") {
			// Word's bullet or number for the list paragraph: skip to
			// <![endif]>.
			for ch.NextSibling != nil && !isComment(ch, "[endif]") {
				ch = ch.NextSibling
			}
			continue
		}
		c.node(ch)
	}
}

// node converts one node.
func (c *htmlConv) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		data := n.Data
		if c.pre > 0 {
			// Preformatted text keeps its lines.
			data = strings.ReplaceAll(strings.TrimSuffix(data, "\n"), "\n", breakMark)
		}
		c.text(data)
		return
	case html.ElementNode:
	default:
		// Comments, doctypes: nothing to read.
		return
	}
	a := n.DataAtom
	switch {
	case skipped[a]:
	case a == atom.Br:
		c.inline.WriteString(breakMark)
	case a == atom.Td || a == atom.Th:
		c.inline.WriteString(" ")
		c.children(n)
		c.inline.WriteString(" ")
	case a == atom.Img:
		if alt := strings.TrimSpace(attr(n, "alt")); alt != "" {
			c.text(alt)
		}
	case a == atom.A:
		c.link(n)
	case a == atom.B || a == atom.Strong:
		// Google Docs wraps a whole copy in <b style="font-weight:normal">.
		bold, _ := styleEmphasis(n)
		c.emph(n, bold != notSet, false)
	case a == atom.I || a == atom.Em || a == atom.Cite || a == atom.Dfn:
		_, italic := styleEmphasis(n)
		c.emph(n, false, italic != notSet)
	case a == atom.P && hasClass(n, "MsoTitle"):
		// Word's Title style: the document's heading.
		c.heading(n, 1)
	case c.hidden(n):
		// Word's mso-list:Ignore bullets, display:none.
	case a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6:
		c.heading(n, int(n.Data[1]-'0'))
	case a == atom.Ul || a == atom.Ol:
		c.list(n, a == atom.Ol)
	case a == atom.Li:
		// An <li> outside a list: a list of one.
		c.flush()
		c.item(n, "- ")
	case a == atom.Blockquote:
		c.quote(n)
	case a == atom.Pre:
		c.flush()
		c.pre++
		c.children(n)
		c.flush()
		c.pre--
	case blockElems[a]:
		c.flush()
		c.children(n)
		c.flush()
	default:
		// span, u, small, sup, font, code, … and unknown tags: their
		// text, without the tag, emphasised when their style says so
		// (Google Docs, LibreOffice and Word write bold as a style).
		bold, italic := styleEmphasis(n)
		if bold == isSet || italic == isSet {
			c.emph(n, bold == isSet, italic == isSet)
			return
		}
		c.children(n)
	}
}

// text adds plain text found in an attribute.
func (c *htmlConv) text(s string) {
	if c.paste {
		// Word and browsers put no-break spaces where people typed
		// spaces; in a chapter they would only stop lines wrapping.
		s = strings.ReplaceAll(s, "\u00a0", " ")
	}
	if c.plain {
		c.inline.WriteString(s)
	} else {
		c.inline.WriteString(escapeMarkdown(s))
	}
}

// attr returns the value of attribute key of n.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// inner converts the children of n as inline text on their own.
func (c *htmlConv) inner(n *html.Node) string {
	sub := c.sub()
	sub.pre = c.pre
	sub.children(n)
	// Block content inside an inline element (rare) joins the line.
	out := sub.blocks
	if s := sub.inline.String(); s != "" {
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// emph adds the children of n in bold, italics or both, unless the text
// around is so already.
func (c *htmlConv) emph(n *html.Node, bold, italic bool) {
	bold = bold && c.bold == 0
	italic = italic && c.italic == 0
	if !bold && !italic {
		c.children(n)
		return
	}
	mark := ""
	if italic {
		mark = "*"
		c.italic++
		defer func() { c.italic-- }()
	}
	if bold {
		mark += "**"
		c.bold++
		defer func() { c.bold-- }()
	}
	c.wrap(n, mark)
}

// wrap adds the children of n between Markdown emphasis markers, keeping
// surrounding spaces outside the markers so the emphasis still parses.
// Emphasis right after the same emphasis continues it: Word splits a bold
// word into runs, and "**Chi****ên**" would not read as bold.
func (c *htmlConv) wrap(n *html.Node, mark string) {
	s := c.inner(n)
	if c.plain {
		c.inline.WriteString(s)
		return
	}
	s = collapseSpace(s)
	core := strings.Trim(s, " ")
	if core == "" || strings.Trim(core, breakMark) == "" {
		c.inline.WriteString(s)
		return
	}
	lead := s[:strings.Index(s, core)]
	trail := s[len(lead)+len(core):]
	if prev := c.inline.String(); strings.HasSuffix(prev, mark) &&
		(len(prev) == len(mark) || !strings.ContainsAny(prev[len(prev)-len(mark)-1:len(prev)-len(mark)], "*\\")) {
		c.inline.Reset()
		c.inline.WriteString(prev[:len(prev)-len(mark)] + lead + core + mark + trail)
		return
	}
	c.inline.WriteString(lead + mark + core + mark + trail)
}

// link keeps a link's text and, for a real address, the address after it
// in parentheses: shown, never followed.
func (c *htmlConv) link(n *html.Node) {
	s := c.inner(n)
	href := strings.TrimSpace(attr(n, "href"))
	lower := strings.ToLower(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(lower, "javascript:") {
		c.inline.WriteString(s)
		return
	}
	if c.paste && !webAddress(lower) {
		// A page's own links (/wiki/1943) and Word's file links mean
		// nothing in the exhibit.
		c.inline.WriteString(s)
		return
	}
	href = strings.TrimPrefix(href, "mailto:")
	shown := strings.TrimSpace(collapseSpace(strings.ReplaceAll(s, breakMark, " ")))
	plainShown := shown
	if !c.plain {
		plainShown = unescapeMarkdown(shown)
	}
	c.inline.WriteString(s)
	if plainShown == href || strings.TrimSuffix(plainShown, "/") == strings.TrimSuffix(stripScheme(href), "/") {
		return
	}
	if shown == "" {
		c.text(href)
		return
	}
	c.inline.WriteString(" (")
	c.text(href)
	c.inline.WriteString(")")
}

// stripScheme drops "http://" or "https://" from an address.
func stripScheme(u string) string {
	for _, p := range []string{"https://", "http://"} {
		if len(u) >= len(p) && strings.EqualFold(u[:len(p)], p) {
			return u[len(p):]
		}
	}
	return u
}

// heading converts <h1>…<h6>.
func (c *htmlConv) heading(n *html.Node, level int) {
	c.flush()
	// A heading is bold already: Google Docs and Word mark its runs bold
	// too, and "# **Title**" would only clutter the chapter.
	c.bold++
	s := strings.TrimSpace(collapseSpace(strings.ReplaceAll(c.inner(n), breakMark, " ")))
	c.bold--
	if s == "" {
		return
	}
	if !c.plain {
		s = strings.Repeat("#", level) + " " + s
	}
	c.blocks = append(c.blocks, s)
}

// list converts <ul> and <ol> into one Markdown list block.
func (c *htmlConv) list(n *html.Node, ordered bool) {
	c.flush()
	num := 1
	if ordered {
		if s := attr(n, "start"); s != "" {
			if v, ok := smallInt(s); ok {
				num = v
			}
		}
	}
	var items []string
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode {
			if li.Type == html.TextNode && strings.TrimSpace(li.Data) != "" {
				items = append(items, c.itemText(&html.Node{Type: html.ElementNode, Data: "li", DataAtom: atom.Li, FirstChild: li}, "- "))
			}
			continue
		}
		marker := "- "
		if ordered {
			marker = itoa(num) + ". "
			num++
		}
		if s := c.itemText(li, marker); s != "" {
			items = append(items, s)
		}
	}
	if len(items) == 0 {
		return
	}
	if c.plain {
		c.blocks = append(c.blocks, strings.Join(items, " "))
		return
	}
	c.blocks = append(c.blocks, strings.Join(items, "\n"))
	if c.lists == nil {
		c.lists = map[int]bool{}
	}
	c.lists[len(c.blocks)-1] = true
}

// item converts a lone <li>.
func (c *htmlConv) item(n *html.Node, marker string) {
	if s := c.itemText(n, marker); s != "" {
		c.blocks = append(c.blocks, s)
	}
}

// itemText converts one list item: its blocks, the first line after the
// marker and the rest indented under it.
func (c *htmlConv) itemText(li *html.Node, marker string) string {
	sub := c.sub()
	if li.FirstChild != nil && li.FirstChild.Parent != li {
		// A synthetic item wrapping a stray text node.
		sub.node(li.FirstChild)
	} else {
		sub.children(li)
	}
	sub.flush()
	if len(sub.blocks) == 0 {
		return ""
	}
	if c.plain {
		return strings.Join(sub.blocks, " ")
	}
	var body strings.Builder
	for i, b := range sub.blocks {
		if i > 0 {
			if sub.lists[i] {
				body.WriteString("\n")
			} else {
				body.WriteString("\n\n")
			}
		}
		body.WriteString(b)
	}
	indent := strings.Repeat(" ", len(marker))
	lines := strings.Split(body.String(), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return marker + strings.Join(lines, "\n")
}

// quote converts a <blockquote>.
func (c *htmlConv) quote(n *html.Node) {
	c.flush()
	sub := c.sub()
	sub.children(n)
	sub.flush()
	if len(sub.blocks) == 0 {
		return
	}
	if c.plain {
		c.blocks = append(c.blocks, sub.blocks...)
		return
	}
	lines := strings.Split(strings.Join(sub.blocks, "\n\n"), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	c.blocks = append(c.blocks, strings.Join(lines, "\n"))
}

// smallInt parses a list start number.
func smallInt(s string) (int, bool) {
	n := 0
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 9 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}

// markdownSpecial are the characters escaped in text so that text read
// from HTML is not taken for Markdown: emphasis, code, links, HTML and
// autolinks, and the escape character itself. An underscore inside a word
// (tm_10001) cannot start emphasis and is left alone.
const markdownSpecial = "\\*_`[]<"

// entityLike matches an "&" that Markdown would read as an entity.
var entityLike = regexp.MustCompile(`&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);`)

// escapeMarkdown escapes text so that Markdown shows it as it is.
func escapeMarkdown(s string) string {
	if strings.ContainsAny(s, markdownSpecial) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			ch := s[i]
			if strings.IndexByte(markdownSpecial, ch) >= 0 &&
				!(ch == '_' && i > 0 && i+1 < len(s) && wordByte(s[i-1]) && wordByte(s[i+1])) {
				b.WriteByte('\\')
			}
			b.WriteByte(ch)
		}
		s = b.String()
	}
	return entityLike.ReplaceAllString(s, `\$0`)
}

// wordByte reports whether b is part of a word: an ASCII letter or digit,
// or a byte of a multi-byte (non-ASCII) character such as ư or đ.
func wordByte(b byte) bool {
	return b >= 0x80 || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// lineStartSpecial matches what makes a line start a heading, quotation,
// list item or thematic break in Markdown.
var lineStartSpecial = regexp.MustCompile(`^(#|>|[-+=]|[0-9]{1,9}[.)](\s|$))`)

// escapeLineStart escapes a line beginning that Markdown would read as
// block syntax.
func escapeLineStart(l string) string {
	m := lineStartSpecial.FindStringSubmatchIndex(l)
	if m == nil {
		return l
	}
	if l[0] >= '0' && l[0] <= '9' {
		// "1943. Text": escape the dot so it is not a numbered list.
		i := strings.IndexAny(l, ".)")
		return l[:i] + `\` + l[i:]
	}
	return `\` + l
}

// unescapeMarkdown undoes escapeMarkdown, for comparing a link's text
// with its address.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// markdownToHTML renders the pack's Markdown as HTML for TimelineJS, in
// goldmark's safe mode: raw HTML written in the Markdown is left out, not
// passed through.
func markdownToHTML(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	var b bytes.Buffer
	if err := md.Convert([]byte(s), &b); err != nil {
		// goldmark's HTML renderer only fails when the writer does, and a
		// bytes.Buffer does not; fall back to the text, escaped.
		return "<p>" + escapeText(s) + "</p>"
	}
	return strings.TrimSpace(b.String())
}
