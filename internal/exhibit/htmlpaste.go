package exhibit

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToMarkdown turns HTML — text pasted from a web page, Word,
// LibreOffice or Google Docs — into the pack's Markdown, keeping
// headings, bold, italic, lists and links, as the TimelineJS import does
// for its texts. What those programs add on the way (Word's list
// paragraphs and conditional comments, styles that say bold instead of
// <b>, no-break spaces, a page's own relative links) is read for what it
// means.
func HTMLToMarkdown(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	c := &htmlConv{paste: true}
	c.children(parseHTML(s))
	c.flush()
	return strings.Join(c.blocks, "\n\n")
}

// Word writes a list as paragraphs, not <ul>/<ol>:
//
//	<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
//	<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·
//	<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>
//	Text</p>
//
// The style names the list and the level; the bullet or number is text
// between two downlevel-revealed conditional comments, which the HTML5
// parser keeps as comments "[if !supportLists]" and "[endif]".

// msoList matches a list paragraph's list and level in its style.
var msoList = regexp.MustCompile(`(?i)mso-list:\s*l\d+\s+level(\d+)`)

// wordListPara reports whether n is one of Word's list paragraphs.
func wordListPara(n *html.Node) bool {
	return n.Type == html.ElementNode && n.DataAtom == atom.P && msoList.MatchString(attr(n, "style"))
}

// orderedBullet matches the numbers Word writes before numbered items:
// 1. 2) (3) a. iv.
var orderedBullet = regexp.MustCompile(`^\(?([0-9]{1,9}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]$`)

// wordList converts the run of Word list paragraphs that starts at first
// into one Markdown list, nested by level, and returns the last node of
// the run.
func (c *htmlConv) wordList(first *html.Node) *html.Node {
	c.flush()
	var lines []string
	var cols []int // where the text of each open level starts
	var nums []int // the next number of each open level
	last := first
	for n := first; n != nil; n = n.NextSibling {
		if !wordListPara(n) {
			if n.Type == html.CommentNode || n.Type == html.TextNode && strings.TrimSpace(n.Data) == "" {
				continue
			}
			break
		}
		last = n
		level := 1
		if m := msoList.FindStringSubmatch(attr(n, "style")); m != nil {
			if v, err := strconv.Atoi(m[1]); err == nil && v > 0 {
				level = v
			}
		}
		if level > len(cols)+1 {
			level = len(cols) + 1 // a skipped level nests one deeper
		}
		sub := c.sub()
		sub.wordItem = true
		sub.children(n)
		sub.flush()
		text := strings.Join(sub.blocks, " ")
		if c.plain {
			if text != "" {
				lines = append(lines, text)
			}
			continue
		}
		if text == "" {
			continue
		}
		for len(nums) < level {
			nums = append(nums, 0)
		}
		// Numbers continue at a level until an item less deep.
		nums = nums[:level]
		nums[level-1]++
		cols = cols[:level-1]
		col := 0
		if level > 1 {
			col = cols[level-2]
		}
		marker := "- "
		if orderedBullet.MatchString(wordBullet(n)) {
			marker = strconv.Itoa(nums[level-1]) + ". "
		}
		cols = append(cols, col+len(marker))
		lines = append(lines, strings.Repeat(" ", col)+marker+strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", col+len(marker))))
	}
	if len(lines) > 0 {
		if c.plain {
			c.blocks = append(c.blocks, strings.Join(lines, " "))
		} else {
			c.blocks = append(c.blocks, strings.Join(lines, "\n"))
			if c.lists == nil {
				c.lists = map[int]bool{}
			}
			c.lists[len(c.blocks)-1] = true
		}
	}
	return last
}

// wordBullet returns the bullet or number Word wrote before a list
// paragraph's text, trimmed.
func wordBullet(p *html.Node) string {
	var b strings.Builder
	in := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case isComment(ch, "[if !supportLists]"):
				in = true
			case isComment(ch, "[endif]"):
				in = false
			case ch.Type == html.TextNode && in:
				b.WriteString(ch.Data)
			case ch.Type == html.ElementNode:
				// The bullet's spacer span: no-break spaces in a tiny font.
				if strings.Contains(strings.ToLower(attr(ch, "style")), "font:7.0pt") {
					continue
				}
				walk(ch)
			}
		}
	}
	walk(p)
	return strings.Trim(b.String(), " \t\r\n\u00a0")
}

// isComment reports whether n is the comment with the given text.
func isComment(n *html.Node, text string) bool {
	return n.Type == html.CommentNode && strings.EqualFold(strings.TrimSpace(n.Data), text)
}

// hasClass reports whether n has the class.
func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if strings.EqualFold(c, class) {
			return true
		}
	}
	return false
}

// emphasisStyle says what an element's inline style says of its weight
// or slant.
type emphasisStyle int

const (
	notSaid emphasisStyle = iota // the style does not say
	isSet                        // bold, or italic
	notSet                       // normal
)

// styleEmphasis reads font-weight and font-style from n's inline style.
// Word's mso-bidi-font-weight (for right-to-left text) is not the weight.
func styleEmphasis(n *html.Node) (bold, italic emphasisStyle) {
	for _, decl := range strings.Split(attr(n, "style"), ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		switch k {
		case "font-weight":
			switch {
			case v == "bold" || v == "bolder":
				bold = isSet
			case v == "normal" || v == "lighter":
				bold = notSet
			default:
				if w, err := strconv.Atoi(v); err == nil {
					bold = notSet
					if w >= 600 {
						bold = isSet
					}
				}
			}
		case "font-style":
			switch v {
			case "italic", "oblique":
				italic = isSet
			case "normal":
				italic = notSet
			}
		}
	}
	return bold, italic
}

// hidden reports whether n's style hides it: display:none, and inside a
// Word list paragraph the bullet Word marks mso-list:Ignore.
func (c *htmlConv) hidden(n *html.Node) bool {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") ||
		c.wordItem && strings.Contains(style, "mso-list:ignore")
}

// webAddress reports whether a (lower case) link address leads outside
// the page it was copied from: http, https, ftp or mail.
func webAddress(lower string) bool {
	for _, p := range []string{"http://", "https://", "ftp://", "mailto:"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}
