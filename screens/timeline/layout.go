package timeline

import (
	"math"
	"sort"

	"fyne.io/fyne/v2"
)

// Item is one event as the widget places it.
type Item struct {
	At, End  float64 // fractional years; End == At for a moment
	Display  string  // the date as the source writes it
	Headline string
	Group    string
}

// Band is an era: a named span drawn behind the events.
type Band struct {
	From, To float64
	Label    string
}

// scale maps the widget's axis unit to pixels. In time mode the unit is a
// fractional year; in even mode it is the event's index, so that dense
// years get as much room as empty ones.
type scale struct {
	from, to float64 // visible range in units
	width    float64 // pixels
}

func (s scale) px(u float64) float64 { return (u - s.from) / (s.to - s.from) * s.width }

func (s scale) unit(px float64) float64 { return s.from + px/s.width*(s.to-s.from) }

func (s scale) perUnit() float64 { return s.width / (s.to - s.from) }

// node is what is drawn at one place on the axis: a single event, or a
// cluster of events too close together to tell apart at this zoom.
type node struct {
	first, last int     // event indexes, inclusive
	x           float64 // pixel position of the marker
	label       bool    // a label could be placed
	row         int     // label row, 0 nearest the axis
	labelX      float64 // left edge of the label
	labelW      float64
}

func (n node) count() int { return n.last - n.first + 1 }

// clusterGap is the least distance, in pixels, between two markers'
// centres when the widget does not say otherwise; closer events are drawn
// as one cluster with a count.
const clusterGap = 18

// placement is the result of laying events out at a zoom.
type placement struct {
	nodes []node
	rows  int
}

// labelSize measures a label: the display date over the headline, as wide
// as the longer of the two but no wider than maxW.
type labelSizer func(n node) float64

// place groups the visible events into nodes whose markers stand at
// least minDist apart (centre to centre), and gives each node a label
// row where its label does not overlap another's; nodes whose label finds
// no row show only their marker (they stay reachable by tap and keys).
func place(xs []float64, width float64, rows int, gap, minDist float64, size labelSizer) placement {
	var p placement
	p.rows = rows
	// Visible markers only: a label without its marker would mislead.
	start := sort.SearchFloat64s(xs, -minDist/2)
	for i := start; i < len(xs) && xs[i] <= width+minDist; i++ {
		p.nodes = append(p.nodes, node{first: i, last: i, x: xs[i]})
		// A cluster's marker stands midway between its first and last
		// event, so merging moves it left: merge again until every
		// marker keeps its distance from the one before.
		for n := len(p.nodes); n > 1 && p.nodes[n-1].x-p.nodes[n-2].x < minDist; n = len(p.nodes) {
			a := &p.nodes[n-2]
			a.last = p.nodes[n-1].last
			a.x = (xs[a.first] + xs[a.last]) / 2
			p.nodes = p.nodes[:n-1]
		}
	}
	if rows <= 0 {
		return p
	}
	ends := make([]float64, rows)
	for i := range ends {
		ends[i] = math.Inf(-1)
	}
	for i := range p.nodes {
		n := &p.nodes[i]
		w := size(*n)
		// The label starts just left of its marker, kept inside the widget.
		left := math.Max(0, math.Min(width-w, n.x-6))
		for r := 0; r < rows; r++ {
			if left >= ends[r]+gap {
				n.label, n.row, n.labelX, n.labelW = true, r, left, w
				ends[r] = left + w
				break
			}
		}
	}
	return p
}

// positions returns the pixel x of every event at a scale; in even mode
// the unit is the index.
func positions(items []Item, s scale, even bool) []float64 {
	xs := make([]float64, len(items))
	for i, it := range items {
		u := it.At
		if even {
			u = float64(i)
		}
		xs[i] = s.px(u)
	}
	return xs
}

// evenUnit maps a time to the even-spacing axis by interpolating between
// the events around it, so era bands and ticks line up with the events in
// even mode.
func evenUnit(items []Item, at float64) float64 {
	n := len(items)
	if n == 0 {
		return 0
	}
	i := sort.Search(n, func(i int) bool { return items[i].At >= at })
	switch {
	case i == 0:
		return 0 - math.Min(1, items[0].At-at) // a little before the first
	case i == n:
		return float64(n-1) + math.Min(1, at-items[n-1].At)
	}
	a, b := items[i-1].At, items[i].At
	if b == a {
		return float64(i)
	}
	return float64(i-1) + (at-a)/(b-a)
}

// measureLabel measures a node's label with Fyne: the wider of its date
// and its headline, at most maxW (a longer headline wraps or shortens).
func measureLabel(items []Item, n node, size float32, maxW float64, clusterText func(n node) (string, string)) float64 {
	top, bottom := labelLines(items, n, clusterText)
	w := math.Max(float64(fyne.MeasureText(top, size, fyne.TextStyle{Bold: true}).Width),
		float64(fyne.MeasureText(bottom, size, fyne.TextStyle{}).Width))
	return math.Min(w, maxW)
}

func labelLines(items []Item, n node, clusterText func(n node) (string, string)) (string, string) {
	if n.count() > 1 {
		return clusterText(n)
	}
	it := items[n.first]
	return it.Display, it.Headline
}
