package chapterview

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"trienlam/internal/exhibit"
)

// blockStyle is how one kind of block is set.
type blockStyle struct {
	size       float32
	lineHeight float32 // multiple of size
	style      fyne.TextStyle
	heading    int     // heading level, 0 for body text
	indent     float32 // left indent in px
	spaceAbove float32
	spaceBelow float32
	// center sets the block's lines centred: a document's title block.
	center bool
}

// styleFor returns the typographic style of a block at a body size. The
// steps between heading levels are large enough to read the hierarchy from
// the back of a hall.
func styleFor(b exhibit.Block, body float32, first bool) blockStyle {
	s := blockStyle{size: body, lineHeight: 1.5, spaceBelow: body * 0.8}
	switch b.Kind {
	case exhibit.Heading:
		s.heading = max(1, b.Level)
		s.style.Bold = true
		s.lineHeight = 1.3
		switch s.heading {
		case 1:
			s.size = body * 1.45
		case 2:
			s.size = body * 1.22
		default:
			s.size = body * 1.08
		}
		s.spaceAbove = body * 1.2
		s.spaceBelow = body * 0.7
		if s.heading == 1 {
			s.spaceBelow = body * 1.0 // room for the gold rule
		}
	case exhibit.ListItem:
		s.indent = body * 1.6 * float32(max(1, b.Level))
		s.spaceBelow = body * 0.4
	case exhibit.Quote:
		s.indent = body * 1.2
		s.style.Italic = true
	}
	if first {
		s.spaceAbove = 0
	}
	return s
}

// piece is a run of a block's text that shares one style and one mark
// state and contains no break opportunity except, possibly, at its end.
type piece struct {
	text       string
	start, end int // byte offsets in the block text
	style      fyne.TextStyle
	marked     bool
	breakAfter bool // the piece ends with a space: a line may end here
}

// splitPieces cuts a block's spans into pieces at spaces, style changes and
// mark boundaries. Marks are byte ranges of the block text.
func splitPieces(b exhibit.Block, base fyne.TextStyle, marks [][2]int) []piece {
	var out []piece
	offset := 0
	for _, sp := range b.Spans {
		st := base
		st.Bold = st.Bold || sp.Strong
		st.Italic = st.Italic || sp.Emphasis
		text := sp.Text
		i := 0
		for i < len(text) {
			// A piece ends after a run of spaces, before a mark boundary,
			// or at the end of the span.
			j := i
			sawSpace := false
			for j < len(text) {
				r, w := utf8.DecodeRuneInString(text[j:])
				if r == '\n' {
					break
				}
				isSpace := r == ' ' || r == '\t'
				if sawSpace && !isSpace {
					break
				}
				if isSpace {
					sawSpace = true
				}
				if j > i && boundary(marks, offset+j) {
					break
				}
				j += w
			}
			if j == i { // a hard line break
				out = append(out, piece{text: "\n", start: offset + i, end: offset + i + 1, style: st, breakAfter: true})
				i++
				continue
			}
			out = append(out, piece{
				text:       strings.ReplaceAll(text[i:j], "\t", " "),
				start:      offset + i,
				end:        offset + j,
				style:      st,
				marked:     inMark(marks, offset+i),
				breakAfter: sawSpace,
			})
			i = j
		}
		offset += len(text)
	}
	return out
}

func boundary(marks [][2]int, at int) bool {
	for _, m := range marks {
		if m[0] == at || m[1] == at {
			return true
		}
	}
	return false
}

func inMark(marks [][2]int, at int) bool {
	for _, m := range marks {
		if at >= m[0] && at < m[1] {
			return true
		}
	}
	return false
}

// word is the unit the line breaker moves: pieces between two break
// opportunities.
type word struct {
	pieces []piece
	widths []float32
	width  float32 // without the trailing space
	space  float32 // width of the trailing space
}

// glued reports whether a word must stay on the line of the word before
// it: a lone dash or a percent sign never starts a line, so "1943 - 2023"
// and "73,4 %" are not torn apart.
func glued(w word) bool {
	t := strings.TrimSpace(joinPieces(w.pieces))
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && r != '–' && r != '—' {
			return false
		}
	}
	return true
}

// bindWords joins words that must not be parted by a line break — a lone
// dash or percent sign and the word before it, "tháng 5", "năm 1941" — into
// one unit that moves to the next line together.
func bindWords(words []word) []word {
	out := words[:0:0]
	for _, w := range words {
		if n := len(out); n > 0 && !isBreak(w) && !isBreak(out[n-1]) && (glued(w) || dateTail(out[n-1], w)) {
			prev := &out[n-1]
			prev.width += prev.space + w.width
			prev.space = w.space
			prev.pieces = append(prev.pieces, w.pieces...)
			prev.widths = append(prev.widths, w.widths...)
			continue
		}
		out = append(out, w)
	}
	return out
}

func isBreak(w word) bool { return len(w.pieces) == 1 && w.pieces[0].text == "\n" }

// dateTail reports whether w is the number of a date written in words,
// "tháng 5 năm 1941", which must stay on the line of the word before it.
func dateTail(prev, w word) bool {
	all := strings.Fields(strings.ToLower(joinPieces(prev.pieces)))
	if len(all) == 0 {
		return false
	}
	p := all[len(all)-1]
	if p != "ngày" && p != "tháng" && p != "năm" {
		return false
	}
	t := joinPieces(w.pieces)
	return t != "" && t[0] >= '0' && t[0] <= '9'
}

func joinPieces(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

// Run is a positioned string of one style on one line.
type Run struct {
	Text   string
	X, Y   float32 // top-left of the text box relative to the view
	Width  float32
	Size   float32
	Style  fyne.TextStyle
	Marked bool
	Block  int
	// Heading is the heading level of the block, 0 for body text.
	Heading int
}

// Rule is a decorative line under a first-level heading or beside a quote.
type Rule struct {
	X, Y, W, H float32
}

// Layout is the result of setting a chapter at a width.
type Layout struct {
	Width, Height float32
	Runs          []Run
	Marks         []Rule // rectangles behind marked runs
	Rules         []Rule
	Bullets       []Run
	// BlockTop and BlockBottom hold each block's vertical extent.
	BlockTop, BlockBottom []float32
	// Figures holds the place of each figure, in the order given.
	Figures []Rule

	// at[k][i] is the index of block i's first run (k=0), mark (1), rule
	// (2) and bullet (3); at[k][len(blocks)] is the end. A block's
	// objects can so be replaced alone when only its marks change.
	at [4][]int
	// left, col, body and pad are the column's geometry, kept for laying
	// out one block again.
	left, col, body, pad float32
}

// BlockRuns returns the runs, mark rectangles, rules and bullets of one
// block.
func (l *Layout) BlockRuns(bi int) (runs []Run, marks, rules []Rule, bullets []Run) {
	if bi < 0 || bi+1 >= len(l.at[0]) {
		return nil, nil, nil, nil
	}
	return l.Runs[l.at[0][bi]:l.at[0][bi+1]], l.Marks[l.at[1][bi]:l.at[1][bi+1]],
		l.Rules[l.at[2][bi]:l.at[2][bi+1]], l.Bullets[l.at[3][bi]:l.at[3][bi+1]]
}

// figSpec is a figure to set after a block: its height follows the
// column width.
type figSpec struct {
	after  int
	height func(col float32) float32
}

// measureFunc measures a string; fyne.MeasureText in the app, a fake in
// tests of the line breaker.
type measureFunc func(text string, size float32, style fyne.TextStyle) fyne.Size

// layout sets the blocks in a column centred in width. The column is kept
// near 66 characters, the comfortable measure for reading, however wide
// the window is.
func layout(blocks []exhibit.Block, marks map[int][][2]int, width, body, pad float32, measure measureFunc) Layout {
	return layoutFigures(blocks, marks, nil, width, body, pad, measure)
}

// layoutFigures is layout with figures set across the column after the
// blocks they follow, in the order given.
func layoutFigures(blocks []exhibit.Block, marks map[int][][2]int, figs []figSpec, width, body, pad float32, measure measureFunc) Layout {
	l := Layout{Width: width, BlockTop: make([]float32, len(blocks)), BlockBottom: make([]float32, len(blocks)),
		Figures: make([]Rule, len(figs)), body: body, pad: pad}
	for k := range l.at {
		l.at[k] = make([]int, len(blocks)+1)
	}
	measureCol := measure(columnSample, body, fyne.TextStyle{}).Width
	l.col = min(width-2*pad, measureCol)
	if l.col < body*6 {
		l.col = max(body*6, width-2*pad)
	}
	l.left = max(pad, (width-l.col)/2)
	y := pad

	beforeHeading := true
	for bi, b := range blocks {
		if b.Kind == exhibit.Heading {
			beforeHeading = false
		}
		l.at[0][bi], l.at[1][bi], l.at[2][bi], l.at[3][bi] = len(l.Runs), len(l.Marks), len(l.Rules), len(l.Bullets)
		y = l.block(blocks, bi, marks[bi], y, beforeHeading, measure)
		for fi, f := range figs {
			if f.after != bi {
				continue
			}
			h := f.height(l.col)
			l.Figures[fi] = Rule{X: l.left, Y: y, W: l.col, H: h}
			y += h + body*0.8
		}
	}
	l.at[0][len(blocks)], l.at[1][len(blocks)], l.at[2][len(blocks)], l.at[3][len(blocks)] = len(l.Runs), len(l.Marks), len(l.Rules), len(l.Bullets)
	l.Height = y + pad
	return l
}

// relayBlock sets block bi again with new marks, in place, and reports
// whether it could: marks never move a line break in practice, but when
// they do (the widths of split words differ by a pixel) the block's
// height changes and the caller lays the whole chapter out again.
func (l *Layout) relayBlock(blocks []exhibit.Block, bi int, marks [][2]int, measure measureFunc) bool {
	if bi < 0 || bi >= len(blocks) || len(l.at[0]) != len(blocks)+1 {
		return false
	}
	beforeHeading := true
	for _, b := range blocks[:bi+1] {
		if b.Kind == exhibit.Heading {
			beforeHeading = false
		}
	}
	one := Layout{
		BlockTop: make([]float32, len(blocks)), BlockBottom: make([]float32, len(blocks)),
		left: l.left, col: l.col, body: l.body, pad: l.pad,
	}
	st := styleFor(blocks[bi], l.body, bi == 0)
	one.block(blocks, bi, marks, l.BlockTop[bi]-st.spaceAbove, beforeHeading, measure)
	oldH, newH := l.BlockBottom[bi]-l.BlockTop[bi], one.BlockBottom[bi]-one.BlockTop[bi]
	if newH-oldH > 0.01 || oldH-newH > 0.01 {
		return false
	}
	l.Runs = splice(l.Runs, l.at[0], bi, one.Runs)
	l.Marks = splice(l.Marks, l.at[1], bi, one.Marks)
	l.Rules = splice(l.Rules, l.at[2], bi, one.Rules)
	l.Bullets = splice(l.Bullets, l.at[3], bi, one.Bullets)
	return true
}

// splice replaces the items of block bi in s, whose blocks start at the
// indexes at, by repl, and moves the later blocks' starts.
func splice[T any](s []T, at []int, bi int, repl []T) []T {
	from, to := at[bi], at[bi+1]
	out := make([]T, 0, len(s)-(to-from)+len(repl))
	out = append(out, s[:from]...)
	out = append(out, repl...)
	out = append(out, s[to:]...)
	d := len(repl) - (to - from)
	for i := bi + 1; i < len(at); i++ {
		at[i] += d
	}
	return out
}

// block sets block bi from y on and returns the y where the next block
// starts. beforeHeading is true while no heading came yet: bold lines
// there are a document's title block, set centred.
func (l *Layout) block(blocks []exhibit.Block, bi int, marks [][2]int, y float32, beforeHeading bool, measure measureFunc) float32 {
	b := blocks[bi]
	left, col, body := l.left, l.col, l.body
	st := styleFor(b, body, bi == 0)
	st.center = beforeHeading && b.Kind == exhibit.Paragraph && titleLike(b)
	y += st.spaceAbove
	l.BlockTop[bi] = y
	lineH := st.size * st.lineHeight
	textH := measure("Ấy", st.size, st.style).Height
	avail := col - st.indent
	x0 := left + st.indent

	if b.Kind == exhibit.ListItem {
		bullet := "•"
		if b.Number > 0 {
			bullet = strconv.Itoa(b.Number) + "."
		}
		bw := measure(bullet, st.size, st.style).Width
		l.Bullets = append(l.Bullets, Run{Text: bullet, X: x0 - bw - st.size*0.4, Y: y + (lineH-textH)/2, Width: bw, Size: st.size, Style: st.style, Block: bi})
	}

	words := bindWords(toWords(splitPieces(b, st.style, marks), st.size, measure))
	var line []piece
	var lineX []float32
	x := float32(0)
	flush := func() {
		firstRun, firstMark := len(l.Runs), len(l.Marks)
		emitLine(l, line, lineX, x0, y, lineH, textH, st, bi, measure)
		if st.center {
			centerLine(l, firstRun, firstMark, x0, avail)
		}
		line, lineX = line[:0], lineX[:0]
		x = 0
		y += lineH
	}
	for _, w := range words {
		if len(w.pieces) == 1 && w.pieces[0].text == "\n" {
			flush()
			continue
		}
		if x > 0 && x+w.width > avail {
			flush()
		}
		for pi, p := range w.pieces {
			line = append(line, p)
			lineX = append(lineX, x)
			x += w.widths[pi]
		}
	}
	if len(line) > 0 || len(words) == 0 {
		flush()
	}
	if st.heading == 1 {
		l.Rules = append(l.Rules, Rule{X: left, Y: y + st.size*0.15, W: min(col, st.size*3), H: max(2, body/8)})
	}
	if b.Kind == exhibit.Quote {
		l.Rules = append(l.Rules, Rule{X: left, Y: l.BlockTop[bi], W: max(3, body/6), H: y - l.BlockTop[bi]})
	}
	l.BlockBottom[bi] = y
	return y + st.spaceBelow
}

// titleLike reports whether a paragraph is set entirely in bold or
// italics, as the lines of a document's title block are.
func titleLike(b exhibit.Block) bool {
	for _, sp := range b.Spans {
		if !sp.Strong && !sp.Emphasis && strings.TrimSpace(sp.Text) != "" {
			return false
		}
	}
	return len(b.Spans) > 0
}

// centerLine moves the runs and marks of one line, from index firstRun and
// firstMark on, to the middle of the column.
func centerLine(l *Layout, firstRun, firstMark int, x0, avail float32) {
	if firstRun >= len(l.Runs) {
		return
	}
	right := float32(0)
	for _, r := range l.Runs[firstRun:] {
		right = max(right, r.X+r.Width)
	}
	shift := (avail - (right - x0)) / 2
	for i := firstRun; i < len(l.Runs); i++ {
		l.Runs[i].X += shift
	}
	for i := firstMark; i < len(l.Marks); i++ {
		l.Marks[i].X += shift
	}
}

// ColumnWidth is the width of the reading column at a body text size,
// on a wide enough window: for things set beside the text.
func ColumnWidth(body float32) float32 {
	return fyne.MeasureText(columnSample, body, fyne.TextStyle{}).Width
}

// columnSample is a line of the exhibit's own prose, 66 characters long,
// used to size the reading column in the current font.
const columnSample = "Bắc Kạn là tỉnh miền núi thuộc khu vực Đông Bắc Việt Nam, là đầu mố"

func toWords(ps []piece, size float32, measure measureFunc) []word {
	var words []word
	var cur word
	for _, p := range ps {
		if p.text == "\n" {
			if len(cur.pieces) > 0 {
				words = append(words, cur)
				cur = word{}
			}
			words = append(words, word{pieces: []piece{p}, widths: []float32{0}})
			continue
		}
		w := measure(p.text, size, p.style).Width
		cur.pieces = append(cur.pieces, p)
		cur.widths = append(cur.widths, w)
		if p.breakAfter {
			trimmed := strings.TrimRight(p.text, " ")
			tw := measure(trimmed, size, p.style).Width
			cur.width += tw
			cur.space = w - tw
			words = append(words, cur)
			cur = word{}
		} else {
			cur.width += w
		}
	}
	if len(cur.pieces) > 0 {
		words = append(words, cur)
	}
	return words
}

// emitLine merges the pieces of one line into runs of one style and mark
// state, which keeps the number of canvas objects small.
func emitLine(l *Layout, line []piece, xs []float32, x0, y, lineH, textH float32, st blockStyle, block int, measure measureFunc) {
	ty := y + (lineH-textH)/2
	for i := 0; i < len(line); {
		j := i + 1
		for j < len(line) && line[j].style == line[i].style && line[j].marked == line[i].marked {
			j++
		}
		text := joinPieces(line[i:j])
		if j == len(line) {
			text = strings.TrimRight(text, " ")
		}
		if text != "" {
			w := measure(text, st.size, line[i].style).Width
			r := Run{Text: text, X: x0 + xs[i], Y: ty, Width: w, Size: st.size, Style: line[i].style, Marked: line[i].marked, Block: block, Heading: st.heading}
			l.Runs = append(l.Runs, r)
			if r.Marked {
				l.Marks = append(l.Marks, Rule{X: r.X - 2, Y: y + lineH*0.08, W: w + 4, H: lineH * 0.84})
			}
		}
		i = j
	}
}
