package timeline

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"trienlam/internal/exhibit"
	"trienlam/screens/exhibittheme"
)

func day(y int64, m, d int) exhibit.Date {
	return exhibit.Date{Year: y, Month: m, Day: d, Precision: exhibit.PrecisionDay}
}

func TestYears(t *testing.T) {
	tests := []struct {
		d    exhibit.Date
		want float64
	}{
		{exhibit.Date{Year: 1943}, 1943},
		{day(1943, 1, 1), 1943},
		{day(1943, 9, 22), 1943 + 264.0/365},
		{day(1944, 3, 1), 1944 + 60.0/366}, // leap year
		{exhibit.Date{Year: -500}, -500},
		{exhibit.Date{Year: -13_800_000_000}, -13.8e9},
		{exhibit.Date{Year: 1943, Month: 9}, 1943 + 243.0/365},
	}
	for _, tt := range tests {
		if got := Years(tt.d); math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("Years(%+v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestTicksFollowTheZoom(t *testing.T) {
	tests := []struct {
		name        string
		from, to    float64
		width       float64
		first, next string
	}{
		{"150 years on a screen: decades", 1900, 2050, 1200, "1900", "1910"},
		{"fifteen years: years", 1930, 1945, 1200, "1930", "1931"},
		{"one year: months", 1943, 1944, 1200, "1943", "2/1943"},
		{"cosmological", -13.8e9, 0, 1200, "-13 tỷ", "-12 tỷ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ticks := Ticks(tt.from, tt.to, tt.width/(tt.to-tt.from), 80)
			if len(ticks) < 2 {
				t.Fatalf("%d ticks", len(ticks))
			}
			if ticks[0].Label != tt.first || ticks[1].Label != tt.next {
				t.Errorf("first ticks %q, %q; want %q, %q", ticks[0].Label, ticks[1].Label, tt.first, tt.next)
			}
			for i := 1; i < len(ticks); i++ {
				if gap := (ticks[i].At - ticks[i-1].At) * tt.width / (tt.to - tt.from); gap < 79 {
					t.Fatalf("ticks %d and %d only %.0f px apart", i-1, i, gap)
				}
			}
		})
	}
	if Ticks(2000, 1900, 10, 80) != nil || Ticks(math.Inf(-1), 0, 1, 80) != nil {
		t.Error("a reversed or infinite range must give no ticks")
	}
}

// Labels placed in the same row must never overlap, whatever the events.
func TestLabelsNeverOverlap(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.Intn(300)
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = rng.Float64() * 1400
		}
		sortFloats(xs)
		rows := 1 + rng.Intn(5)
		p := place(xs, 1200, rows, 8, clusterGap, func(node) float64 { return 60 + rng.Float64()*200 })
		byRow := map[int][]node{}
		seen := 0
		for _, nd := range p.nodes {
			seen += nd.count()
			if nd.label {
				byRow[nd.row] = append(byRow[nd.row], nd)
			}
			if nd.labelX < 0 || nd.label && nd.labelX+nd.labelW > 1200+1e-9 {
				t.Fatalf("label outside the widget: %+v", nd)
			}
		}
		for r, ns := range byRow {
			for i := 1; i < len(ns); i++ {
				if ns[i].labelX < ns[i-1].labelX+ns[i-1].labelW+8 {
					t.Fatalf("trial %d row %d: labels overlap: %+v and %+v", trial, r, ns[i-1], ns[i])
				}
			}
		}
		for i := 1; i < len(p.nodes); i++ {
			if d := p.nodes[i].x - p.nodes[i-1].x; d < clusterGap {
				t.Fatalf("trial %d: markers %v px apart: %+v and %+v", trial, d, p.nodes[i-1], p.nodes[i])
			}
		}
		_ = seen
	}
}

func sortFloats(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// sample is a timeline shaped like the built-in one: a century with a
// crowded 1941–1943.
func sample() exhibit.Timeline {
	var tl exhibit.Timeline
	add := func(id string, d exhibit.Date, display, headline string) {
		d.Display = display
		tl.Events = append(tl.Events, exhibit.Event{ID: id, Start: d, Display: display, Headline: headline})
	}
	add("e1900", day(1900, 4, 11), "Ngày 11/4/1900", "Thành lập tỉnh Bắc Kạn")
	add("e1930", exhibit.Date{Year: 1930, Month: 2, Precision: exhibit.PrecisionSeason}, "Mùa Xuân năm 1930", "Đảng ra đời")
	add("e1941a", exhibit.Date{Year: 1941, Month: 5, Precision: exhibit.PrecisionMonth}, "Tháng 5 năm 1941", "Hội nghị Trung ương VIII")
	add("e1941b", day(1941, 8, 22), "Ngày 22/8/1941", "Phùng Chí Kiên hy sinh")
	add("e1942", exhibit.Date{Year: 1942, Month: 9, Precision: exhibit.PrecisionMonth}, "Tháng 9 năm 1942", "Ban xung phong Nam tiến")
	add("e1943a", exhibit.Date{Year: 1943, Month: 4, Precision: exhibit.PrecisionMonth}, "Tháng 4 năm 1943", "Nam tiến đến Ngân Sơn")
	add("e1943b", day(1943, 9, 22), "Đêm 22/9/1943", "Thành lập Chi bộ Chí Kiên")
	add("e1943c", exhibit.Date{Year: 1943, Month: 10, Precision: exhibit.PrecisionMonth}, "Tháng 10/1943", "Gặp nhau ở Nghĩa Tá")
	add("e1949", exhibit.Date{Year: 1949, Month: 8, Precision: exhibit.PrecisionMonth}, "Tháng 8/1949", "Giải phóng Bắc Kạn")
	add("e1965", day(1965, 4, 21), "Ngày 21/4/1965", "Tỉnh Bắc Thái")
	add("e1997", day(1997, 1, 1), "Ngày 01/01/1997", "Tái lập tỉnh")
	add("e2050", exhibit.Date{Year: 2050}, "Năm 2050", "Tầm nhìn")
	tl.Eras = []exhibit.Era{
		{Start: exhibit.Date{Year: 1900}, End: exhibit.Date{Year: 1930}, Headline: "Trước khi có Đảng"},
		{Start: exhibit.Date{Year: 1930}, End: exhibit.Date{Year: 1954}, Headline: "Phong trào cách mạng"},
		{Start: day(1997, 1, 1), End: exhibit.Date{Year: 2050}, Headline: "Tái lập tỉnh"},
	}
	return tl
}

func newTest(t testing.TB, v exhibittheme.Variant, w, h float32) (*Timeline, fyne.Window) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(exhibittheme.New(v, exhibittheme.StepDesk))
	ScrollDuration = 0
	tl := New(sample())
	win := test.NewWindow(tl)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return tl, win
}

func TestGoldenZoomLevelsAndThemes(t *testing.T) {
	for _, v := range []exhibittheme.Variant{exhibittheme.Light, exhibittheme.Dark} {
		tl, win := newTest(t, v, 1000, 340)
		test.AssertImageMatches(t, fmt.Sprintf("all_%s.png", v), win.Canvas().Capture())
		tl.ZoomToYears(1940.8, 1944.2)
		test.AssertImageMatches(t, fmt.Sprintf("1941-1943_%s.png", v), win.Canvas().Capture())
		tl.ZoomToYears(1943.2, 1943.95)
		tl.Select(6)
		test.AssertImageMatches(t, fmt.Sprintf("months_1943_%s.png", v), win.Canvas().Capture())
		tl.SetEven(true)
		test.AssertImageMatches(t, fmt.Sprintf("even_%s.png", v), win.Canvas().Capture())
		win.Close()
	}
}

// markerPos returns where event i's marker is drawn.
func markerPos(tl *Timeline, i int) fyne.Position {
	for _, n := range tl.laid.nodes {
		if n.first <= i && i <= n.last {
			return fyne.NewPos(float32(n.x), float32(tl.geometry.axisY))
		}
	}
	return fyne.NewPos(-1, -1)
}

func TestTapSelectsAndSecondTapOpens(t *testing.T) {
	tl, win := newTest(t, exhibittheme.Light, 1000, 340)
	defer win.Close()
	var selected, opened []int
	tl.OnSelected = func(i int) { selected = append(selected, i) }
	tl.OnOpen = func(i int) { opened = append(opened, i) }

	p := markerPos(tl, 10) // 1997, alone at this zoom
	if p.X < 0 {
		t.Fatal("event 10 not drawn")
	}
	test.TapAt(tl, p.AddXY(12, 0)) // within the 44 px touch target
	if tl.Selected() != 10 || len(selected) != 1 || selected[0] != 10 {
		t.Fatalf("tap near marker: selected %d, callbacks %v", tl.Selected(), selected)
	}
	test.TapAt(tl, markerPos(tl, 10))
	if len(opened) != 1 || opened[0] != 10 {
		t.Errorf("second tap should open the chapter: %v", opened)
	}
	test.TapAt(tl, fyne.NewPos(5, 5))
	if tl.Selected() != 10 {
		t.Errorf("a tap on nothing changed the selection to %d", tl.Selected())
	}
}

func TestTapOnClusterZoomsIn(t *testing.T) {
	tl, win := newTest(t, exhibittheme.Light, 600, 340)
	defer win.Close()
	var cluster *node
	for _, n := range tl.laid.nodes {
		if n.count() > 1 {
			n := n
			cluster = &n
			break
		}
	}
	if cluster == nil {
		t.Fatal("the crowded 1940s should form a cluster at 600 px for 150 years")
	}
	before := tl.to - tl.from
	test.TapAt(tl, fyne.NewPos(float32(cluster.x), float32(tl.geometry.axisY)))
	if after := tl.to - tl.from; after >= before/4 {
		t.Errorf("cluster tap zoomed from %.1f to %.1f years; want a close look", before, after)
	}
	if tl.Selected() != cluster.first {
		t.Errorf("selected %d, want the cluster's first event %d", tl.Selected(), cluster.first)
	}
	for _, n := range tl.laid.nodes {
		if n.first <= cluster.first && cluster.first <= n.last && n.count() > 1 && n.first == cluster.first && n.last == cluster.last {
			t.Errorf("after zooming in the cluster is still one marker: %+v", n)
		}
	}
}

func TestKeys(t *testing.T) {
	tl, win := newTest(t, exhibittheme.Light, 1000, 340)
	defer win.Close()
	opened := -1
	tl.OnOpen = func(i int) { opened = i }
	press := func(k fyne.KeyName) { tl.TypedKey(&fyne.KeyEvent{Name: k}) }
	press(fyne.KeyRight)
	press(fyne.KeyPageDown) // a clicker's next
	if tl.Selected() != 2 {
		t.Errorf("Right, PageDown: selected %d, want 2", tl.Selected())
	}
	press(fyne.KeyLeft)
	if tl.Selected() != 1 {
		t.Errorf("Left: selected %d", tl.Selected())
	}
	press(fyne.KeyEnd)
	if tl.Selected() != tl.Len()-1 {
		t.Errorf("End: selected %d", tl.Selected())
	}
	press(fyne.KeyRight)
	if tl.Selected() != tl.Len()-1 {
		t.Errorf("Right at the end moved to %d", tl.Selected())
	}
	press(fyne.KeyHome)
	if tl.Selected() != 0 {
		t.Errorf("Home: selected %d", tl.Selected())
	}
	press(fyne.KeyReturn)
	if opened != 0 {
		t.Errorf("Enter opened %d", opened)
	}
	span := tl.to - tl.from
	press(fyne.KeyPlus)
	if got := tl.to - tl.from; math.Abs(got-span/2) > 1e-9 {
		t.Errorf("+ zoomed %v → %v, want half", span, got)
	}
	press(fyne.KeyMinus)
	if got := tl.to - tl.from; math.Abs(got-span) > 1e-9 {
		t.Errorf("− zoomed to %v, want %v", got, span)
	}
	// Moving to an event out of view scrolls it into view.
	tl.ZoomToYears(1900, 1910)
	press(fyne.KeyEnd)
	x := tl.scale().px(tl.unitOfEvent(tl.Selected()))
	if x < 0 || x > float64(tl.Size().Width) {
		t.Errorf("the last event is at x=%v, outside the view", x)
	}
}

func TestDragPansAndWheelZooms(t *testing.T) {
	tl, win := newTest(t, exhibittheme.Light, 1000, 340)
	defer win.Close()
	tl.ZoomToYears(1930, 1960)
	from, span := tl.from, tl.to-tl.from
	tl.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(-100, 0)})
	want := from + 100/tl.scale().perUnit()
	if math.Abs(tl.from-want) > 1e-9 || math.Abs(tl.to-tl.from-span) > 1e-9 {
		t.Errorf("drag left 100 px: from %v→%v (want %v), span %v→%v", from, tl.from, want, span, tl.to-tl.from)
	}
	// Wheel up over 1943 zooms in and keeps 1943 under the pointer.
	px := tl.scale().px(1943)
	tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(px), 100)}, Scrolled: fyne.NewDelta(0, 120)})
	if got := tl.to - tl.from; got >= span {
		t.Errorf("wheel up did not zoom in: span %v → %v", span, got)
	}
	if got := tl.scale().unit(px); math.Abs(got-1943) > 1e-6 {
		t.Errorf("the year under the pointer moved from 1943 to %v", got)
	}
	// Zooming is bounded: no amount of wheel makes the span vanish or explode.
	for i := 0; i < 200; i++ {
		tl.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 500)})
	}
	if got := tl.to - tl.from; got < tl.minSpan()-1e-9 {
		t.Errorf("zoomed in to %v years", got)
	}
	for i := 0; i < 200; i++ {
		tl.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -500)})
	}
	if got := tl.to - tl.from; got > tl.maxSpan()+1e-9 {
		t.Errorf("zoomed out to %v years", got)
	}
	// Dragging far away stops near the data.
	for i := 0; i < 100; i++ {
		tl.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(5000, 0)})
	}
	lo, _ := tl.extentRaw()
	if tl.to < lo {
		t.Errorf("dragged past all events: view %v–%v, first event %v", tl.from, tl.to, lo)
	}
}

func TestOddTimelines(t *testing.T) {
	// Empty, one event, negative and cosmological years: no panic, sane view.
	cases := map[string]exhibit.Timeline{
		"empty": {},
		"one":   {Events: []exhibit.Event{{ID: "a", Start: exhibit.Date{Year: 1943}, Headline: "A"}}},
		"cosmic": {Scale: "cosmological", Events: []exhibit.Event{
			{ID: "bb", Start: exhibit.Date{Year: -13_800_000_000}, Headline: "Vụ Nổ Lớn"},
			{ID: "now", Start: exhibit.Date{Year: 2023}, Headline: "Nay"},
		}},
		"same day": {Events: []exhibit.Event{
			{ID: "a", Start: day(1943, 10, 1), Headline: "A"}, {ID: "b", Start: day(1943, 10, 1), Headline: "B"},
		}},
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			test.NewTempApp(t).Settings().SetTheme(exhibittheme.New(exhibittheme.Dark, exhibittheme.StepProjector))
			tl := New(data)
			win := test.NewWindow(tl)
			defer win.Close()
			win.Resize(fyne.NewSize(800, 300))
			if !(tl.to > tl.from) || math.IsNaN(tl.from) {
				t.Fatalf("view %v–%v", tl.from, tl.to)
			}
			tl.HandleKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			tl.SetEven(true)
			tl.ZoomIn()
			win.Canvas().Capture()
		})
	}
}

// benchTimeline makes n events spread over 150 years, crowded in the middle.
func benchTimeline(n int) exhibit.Timeline {
	rng := rand.New(rand.NewSource(2))
	var tl exhibit.Timeline
	for i := 0; i < n; i++ {
		y := 1900 + int64(rng.NormFloat64()*25+50)
		tl.Events = append(tl.Events, exhibit.Event{ID: fmt.Sprint(i),
			Start:    exhibit.Date{Year: y, Month: 1 + rng.Intn(12), Day: 1 + rng.Intn(28), Precision: exhibit.PrecisionDay},
			Display:  fmt.Sprintf("Năm %d", y),
			Headline: "Sự kiện số " + fmt.Sprint(i)})
	}
	sortEvents(tl.Events)
	return tl
}

func sortEvents(evs []exhibit.Event) {
	for i := 1; i < len(evs); i++ {
		for j := i; j > 0 && Years(evs[j].Start) < Years(evs[j-1].Start); j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
		}
	}
}

// BenchmarkFrame1000 measures one frame — layout, building the canvas
// objects and painting them with the software test driver — for 1,000
// events at the widest zoom and zoomed into three years.
func BenchmarkFrame1000(b *testing.B) {
	for _, zoom := range []struct {
		name     string
		from, to float64
	}{{"widest", 0, 0}, {"narrow-3y", 1948, 1951}} {
		b.Run(zoom.name, func(b *testing.B) {
			a := test.NewTempApp(b)
			a.Settings().SetTheme(exhibittheme.New(exhibittheme.Light, exhibittheme.StepDesk))
			ScrollDuration = 0
			tl := New(benchTimeline(1000))
			win := test.NewWindow(tl)
			defer win.Close()
			win.Resize(fyne.NewSize(1280, 400))
			if zoom.to > zoom.from {
				tl.ZoomToYears(zoom.from, zoom.to)
			}
			c := win.Canvas()
			b.ResetTimer()
			for b.Loop() {
				tl.Refresh()
				c.Capture()
			}
		})
	}
	// The floor: the test driver's software painter on the same window
	// with nothing but a background, to separate painting from the widget.
	b.Run("paint-floor-empty", func(b *testing.B) {
		a := test.NewTempApp(b)
		a.Settings().SetTheme(exhibittheme.New(exhibittheme.Light, exhibittheme.StepDesk))
		tl := New(exhibit.Timeline{})
		win := test.NewWindow(tl)
		defer win.Close()
		win.Resize(fyne.NewSize(1280, 400))
		c := win.Canvas()
		b.ResetTimer()
		for b.Loop() {
			tl.Refresh()
			c.Capture()
		}
	})
	b.Run("layout-only-widest", func(b *testing.B) {
		a := test.NewTempApp(b)
		a.Settings().SetTheme(exhibittheme.New(exhibittheme.Light, exhibittheme.StepDesk))
		tl := New(benchTimeline(1000))
		win := test.NewWindow(tl)
		defer win.Close()
		win.Resize(fyne.NewSize(1280, 400))
		r := test.WidgetRenderer(tl)
		b.ResetTimer()
		for b.Loop() {
			r.Refresh()
		}
	})
}

// Events on the same date stay one cluster at every zoom; tapping it steps
// through them.
func TestSameDateClusterTapCycles(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(exhibittheme.New(exhibittheme.Light, exhibittheme.StepDesk))
	ScrollDuration = 0
	tl := New(exhibit.Timeline{Events: []exhibit.Event{
		{ID: "a", Start: day(1943, 10, 1), Headline: "A"},
		{ID: "b", Start: day(1943, 10, 1), Headline: "B"},
		{ID: "c", Start: day(1950, 1, 1), Headline: "C"},
	}})
	win := test.NewWindow(tl)
	defer win.Close()
	win.Resize(fyne.NewSize(800, 300))
	tl.Select(2)
	tl.ShowAll()
	tl.Refresh()
	p := markerPos(tl, 0)
	var got []int
	for i := 0; i < 3; i++ {
		test.TapAt(tl, p)
		got = append(got, tl.Selected())
	}
	if fmt.Sprint(got) != "[0 1 0]" {
		t.Errorf("taps on a same-date cluster selected %v, want [0 1 0]", got)
	}
}

// markerRects returns the on-screen boxes of the drawn markers (filled
// circles on the axis) and of the selection ring.
func markerRects(tl *Timeline) (dots []image.Rectangle, ring image.Rectangle) {
	for _, o := range test.WidgetRenderer(tl).Objects() {
		c, ok := o.(*canvas.Circle)
		if !ok {
			continue
		}
		r := image.Rect(int(c.Position().X), int(c.Position().Y), int(c.Position().X+c.Size().Width), int(c.Position().Y+c.Size().Height))
		if c.FillColor == color.Transparent {
			ring = r
			continue
		}
		dots = append(dots, r)
	}
	return dots, ring
}

// Markers never overlap, and the selection ring covers no other marker,
// however far in or out the visitor zooms.
func TestMarkersNeverOverlap(t *testing.T) {
	for _, w := range []float32{600, 1000, 1900} {
		tl, win := newTest(t, exhibittheme.Light, w, 340)
		tl.Select(5)
		for z := 0; z < 8; z++ {
			dots, ring := markerRects(tl)
			if len(dots) == 0 {
				t.Fatalf("%v px, zoom %d: no markers", w, z)
			}
			for i := range dots {
				for j := i + 1; j < len(dots); j++ {
					if dots[i].Overlaps(dots[j]) {
						t.Errorf("%v px, zoom %d: markers %v and %v overlap", w, z, dots[i], dots[j])
					}
				}
				if !ring.Empty() && !ring.In(dots[i]) && !dots[i].In(ring) && ring.Overlaps(dots[i]) {
					t.Errorf("%v px, zoom %d: the selection ring %v covers marker %v", w, z, ring, dots[i])
				}
			}
			// Era names never run into each other either.
			var names []image.Rectangle
			for _, o := range test.WidgetRenderer(tl).Objects() {
				if txt, ok := o.(*canvas.Text); ok && float64(txt.Position().Y) < tl.geometry.eraH {
					m := txt.MinSize()
					names = append(names, image.Rect(int(txt.Position().X), int(txt.Position().Y), int(txt.Position().X+m.Width), int(txt.Position().Y+m.Height*0.7)))
				}
			}
			for i := range names {
				for j := i + 1; j < len(names); j++ {
					if names[i].Overlaps(names[j]) {
						t.Errorf("%v px, zoom %d: era names at %v and %v overlap", w, z, names[i], names[j])
					}
				}
			}
			tl.ZoomIn()
		}
		win.Close()
	}
}

// The highlighted label is the selected event's, and only that one: the
// mouse left over an event no longer marks it once the keys move on.
func TestHighlightFollowsSelection(t *testing.T) {
	tl, win := newTest(t, exhibittheme.Light, 1000, 340)
	defer win.Close()
	p := markerPos(tl, 10)
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	test.TapAt(tl, p)
	if tl.Selected() != 10 {
		t.Fatalf("tap selected %d", tl.Selected())
	}
	tl.Next()
	highlight := tl.Theme().Color(exhibittheme.ColorNameHighlight, fyne.CurrentApp().Settings().ThemeVariant())
	lit := 0
	for _, o := range test.WidgetRenderer(tl).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == highlight {
			lit++
		}
	}
	if tl.hovered != -1 {
		t.Errorf("event %d still marked as under the mouse after moving on", tl.hovered)
	}
	if lit > 1 {
		t.Errorf("%d labels are highlighted, want only the selected one", lit)
	}
}

// A timeline rebuilt with the view of the old one (the screen coming back
// from a chapter) shows the same years.
func TestViewKept(t *testing.T) {
	tl, win := newTest(t, exhibittheme.Light, 1000, 340)
	defer win.Close()
	tl.ZoomToYears(1941, 1944)
	from, to := tl.View()
	again := New(sample())
	win.SetContent(again)
	again.SetView(from, to)
	if f, t2 := again.View(); f != from || t2 != to {
		t.Errorf("view %v–%v, want %v–%v", f, t2, from, to)
	}
}
