package exhibit

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// frontMatterDelim is the line that opens and closes a chapter's TOML
// front matter, as in Hugo.
const frontMatterDelim = "+++"

// md is the Markdown parser: plain CommonMark, no extensions, so what a
// staff member types in any editor means what the format documents.
var md = goldmark.New()

// parseChapter reads a chapter file into ch.Blocks and returns its front
// matter as a table (empty when there is none). ok is false when the
// chapter cannot be used at all; the reason has been recorded.
func (l *loader) parseChapter(ch *Chapter, b []byte) (fm table, ok bool) {
	name := ch.File
	if line := checkUTF8(b); line > 0 {
		l.add(name, line, "", detail{Kind: "chapter-invalid-utf8", Args: kv{"file": name}})
		return table{}, false
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	// Windows editors write CRLF; drop the CR so no stray "\r" reaches the
	// text. Line numbers are unchanged.
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	body, bodyLine := b, 1
	if front, rest, closeLine, has, closed := splitFrontMatter(b); has {
		if !closed {
			l.add(name, 1, "", detail{Kind: "front-matter-unclosed", Args: kv{"file": name}})
			return table{}, false
		}
		doc, perr := parseTOML(name, string(front), 1)
		if perr != nil {
			l.probs = append(l.probs, *perr)
		} else {
			doc.probs = &l.probs
			fm = table{doc: doc, m: doc.root}
			fm.checkKeys(chapterFields[2:]...)
		}
		body, bodyLine = rest, closeLine+1
	}
	blocks, mast, err := safeParseBlocks(body, bodyLine)
	if err != nil {
		l.add(name, 0, "", detail{Kind: "markdown-unreadable", Args: kv{"file": name, "error": err.Error()}})
		return table{}, false
	}
	ch.Blocks = blocks
	ch.Masthead = mast
	return fm, true
}

// safeParseBlocks is parseBlocks that turns a panic in the Markdown parser
// into an error: one odd chapter must never stop an exhibit that runs
// unattended all day. Fuzzing has found none; this is insurance against a
// third-party parser.
func safeParseBlocks(src []byte, firstLine int) (blocks []Block, masthead int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the Markdown could not be read (parser failure: %v)", r)
		}
	}()
	blocks, masthead = parseBlocksMasthead(src, firstLine)
	return blocks, masthead, nil
}

// splitFrontMatter splits "+++\n…\n+++\n" off the start of b. closeLine is
// the 1-based line of the closing delimiter.
func splitFrontMatter(b []byte) (front, rest []byte, closeLine int, has, closed bool) {
	first, after, found := bytes.Cut(b, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != frontMatterDelim {
		return nil, b, 0, false, false
	}
	if !found {
		return nil, nil, 0, true, false
	}
	line, off := 2, 0
	for off <= len(after) {
		end := bytes.IndexByte(after[off:], '\n')
		var l []byte
		next := len(after) + 1
		if end < 0 {
			l = after[off:]
		} else {
			l = after[off : off+end]
			next = off + end + 1
		}
		if string(bytes.TrimRight(l, " \t")) == frontMatterDelim {
			if next > len(after) {
				next = len(after)
			}
			return after[:off], after[next:], line, true, true
		}
		line++
		off = next
	}
	return nil, nil, 0, true, false
}

// parseBlocks turns a Markdown body into blocks. firstLine is the file line
// the body starts on, so block lines count front matter too.
func parseBlocks(src []byte, firstLine int) []Block {
	blocks, _ := parseBlocksMasthead(src, firstLine)
	return blocks
}

// parseBlocksMasthead is parseBlocks that also returns the length of the
// chapter's masthead (see Chapter.Masthead): the paragraphs before a
// thematic break ("---") that comes before any heading or other block.
func parseBlocksMasthead(src []byte, firstLine int) ([]Block, int) {
	doc := md.Parser().Parse(text.NewReader(src))
	c := &collector{src: src, firstLine: firstLine}
	// Line starts let a byte offset become a line number by binary search.
	c.lineStarts = append(c.lineStarts, 0)
	for i, ch := range src {
		if ch == '\n' {
			c.lineStarts = append(c.lineStarts, i+1)
		}
	}
	c.blocks(doc, 0, false)
	return c.out, masthead(doc, c.out)
}

// masthead returns how many of the first blocks form a document's
// masthead: one or more top-level paragraphs set entirely in bold or
// italics (title lines, an attribution), followed by a thematic break, with
// nothing else before the break. Otherwise there is no masthead: an
// ordinary opening paragraph is never taken out of the text.
func masthead(doc ast.Node, blocks []Block) int {
	n := 0
	for ch := doc.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch.(type) {
		case *ast.Paragraph:
			if n >= len(blocks) || !titleLike(blocks[n]) {
				return 0
			}
			n++
		case *ast.ThematicBreak:
			return n
		default:
			return 0
		}
	}
	return 0
}

// titleLike reports whether a block's text is set entirely in bold or
// italics, as the lines of a document's title block are.
func titleLike(b Block) bool {
	text := false
	for _, sp := range b.Spans {
		if strings.TrimSpace(sp.Text) == "" {
			continue
		}
		if !sp.Strong && !sp.Emphasis {
			return false
		}
		text = true
	}
	return text
}

// collector walks goldmark's tree and collects Blocks.
type collector struct {
	src        []byte
	firstLine  int
	lineStarts []int
	out        []Block
}

// lineOf returns the file line of a byte offset in the body.
func (c *collector) lineOf(off int) int {
	i := sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > off })
	return i - 1 + c.firstLine
}

// startLine returns the line where a block node's text starts, looking
// into its first descendant with lines for containers; 0 when it has none.
func (c *collector) startLine(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			return c.lineOf(ls.At(0).Start)
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if ch.Type() != ast.TypeBlock {
			continue
		}
		if l := c.startLine(ch); l > 0 {
			return l
		}
	}
	return 0
}

// blocks collects the blocks under a container node. depth is the list
// nesting depth; quoted is true inside a blockquote, where every block
// becomes a Quote.
func (c *collector) blocks(parent ast.Node, depth int, quoted bool) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		c.block(n, depth, quoted)
	}
}

// block collects one block node.
func (c *collector) block(n ast.Node, depth int, quoted bool) {
	kind := Paragraph
	if quoted {
		kind = Quote
	}
	switch n := n.(type) {
	case *ast.Heading:
		level := n.Level
		if quoted {
			level = 0
		} else {
			kind = Heading
		}
		c.add(Block{Kind: kind, Level: level, Spans: c.spans(n), Line: c.startLine(n)})
	case *ast.Paragraph, *ast.TextBlock:
		c.add(Block{Kind: kind, Spans: c.spans(n), Line: c.startLine(n)})
	case *ast.Blockquote:
		c.blocks(n, depth, true)
	case *ast.List:
		num := 0
		if n.IsOrdered() {
			num = n.Start
		}
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			c.listItem(item, depth+1, num, quoted)
			if num > 0 {
				num++
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		// Not part of the documented subset, but their text is kept
		// verbatim as a paragraph rather than silently dropped.
		var b strings.Builder
		ls := n.Lines()
		for i := 0; i < ls.Len(); i++ {
			seg := ls.At(i)
			b.Write(seg.Value(c.src))
		}
		if hb, ok := n.(*ast.HTMLBlock); ok && hb.HasClosure() {
			b.Write(hb.ClosureLine.Value(c.src))
		}
		t := strings.TrimRight(b.String(), "\n")
		c.add(Block{Kind: kind, Spans: []Span{{Text: t}}, Line: c.startLine(n)})
	default:
		// Thematic breaks and anything else without text of its own.
		if n.Type() == ast.TypeBlock && n.HasChildren() {
			c.blocks(n, depth, quoted)
		}
	}
}

// listItem adds one list item: its first paragraph becomes the ListItem
// block; more paragraphs of the same item are joined to it with a line
// break; nested lists follow as deeper items.
func (c *collector) listItem(item ast.Node, depth, number int, quoted bool) {
	idx := -1
	for n := item.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			spans := c.spans(n)
			if idx >= 0 && idx == len(c.out)-1 {
				b := &c.out[idx]
				b.Spans = mergeSpans(append(append(b.Spans, Span{Text: "\n"}), spans...))
				continue
			}
			kind := ListItem
			if quoted {
				kind = Quote
			}
			before := len(c.out)
			c.add(Block{Kind: kind, Level: depth, Number: number, Spans: spans, Line: c.startLine(n)})
			if len(c.out) > before {
				idx = before
			}
		default:
			c.block(n, depth, quoted)
		}
	}
}

// add appends a block unless it has no text.
func (c *collector) add(b Block) {
	if strings.TrimSpace(b.Text()) == "" {
		return
	}
	c.out = append(c.out, b)
}

// spans returns the styled text runs of a block's inline content.
func (c *collector) spans(n ast.Node) []Span {
	var out []Span
	c.inline(n, false, false, &out)
	// Goldmark keeps trailing spaces only before hard breaks; trim the ends
	// of the block so indentation never reaches the screen.
	if len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " \t")
		last := len(out) - 1
		out[last].Text = strings.TrimRight(out[last].Text, " \t\n")
	}
	return mergeSpans(out)
}

// inline walks inline nodes, carrying the emphasis state down so that
// emphasis nested in strong text is both.
func (c *collector) inline(parent ast.Node, em, strong bool, out *[]Span) {
	emit := func(s string) {
		if s != "" {
			*out = append(*out, Span{Text: s, Emphasis: em, Strong: strong})
		}
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(c.src)
			if n.IsRaw() {
				emit(string(v))
			} else {
				emit(unescape(v))
			}
			switch {
			case n.HardLineBreak():
				emit("\n")
			case n.SoftLineBreak():
				emit(" ")
			}
		case *ast.String:
			emit(string(n.Value))
		case *ast.Emphasis:
			if n.Level >= 2 {
				c.inline(n, em, true, out)
			} else {
				c.inline(n, true, strong, out)
			}
		case *ast.AutoLink:
			emit(string(n.Label(c.src)))
		case *ast.RawHTML:
			// Inline HTML is not rendered; its characters are kept as typed.
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				emit(string(seg.Value(c.src)))
			}
		default:
			// Code spans, links and images: their plain text.
			c.inline(n, em, strong, out)
		}
	}
}

// unescape resolves backslash escapes and character references the way
// goldmark's HTML writer does, so "\*" reads as "*" and "&amp;" as "&".
func unescape(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// mergeSpans joins neighbouring spans of the same style.
func mergeSpans(in []Span) []Span {
	out := in[:0]
	for _, s := range in {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Emphasis == s.Emphasis && out[n-1].Strong == s.Strong {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}
