package timeline

import (
	"math"
	"strconv"
	"time"

	"trienlam/internal/exhibit"
)

// Years converts a date to a position in fractional years on the time
// axis: 1943-09-22 is about 1943.72. Float years cover negative and
// cosmological dates alike; a day is still well resolved at year 10⁹.
func Years(d exhibit.Date) float64 {
	y := float64(d.Year)
	if d.Month == 0 {
		return y
	}
	month := max(1, min(12, d.Month))
	start := time.Date(2001, time.Month(month), 1, 0, 0, 0, 0, time.UTC) // a common year
	day := float64(start.YearDay() - 1)
	if isLeap(d.Year) && month > 2 {
		day++
	}
	if d.Day > 0 {
		day += float64(d.Day - 1)
	}
	day += (float64(d.Hour) + float64(d.Minute)/60 + float64(d.Second)/3600) / 24
	return y + day/daysIn(d.Year)
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int64) float64 {
	if isLeap(y) {
		return 366
	}
	return 365
}

// Tick is a labelled mark on the time axis.
type Tick struct {
	At    float64 // fractional year
	Label string
	Major bool // a longer mark with a label
}

// tickSteps are the spacings the axis chooses from, in years; months are
// twelfths. The axis takes the smallest whose labels do not crowd.
var tickSteps = []float64{1.0 / 12, 3.0 / 12, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500,
	1e3, 2e3, 5e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// Ticks returns the ticks between from and to (fractional years) for a
// scale of pxPerYear, keeping labels at least minGap pixels apart: decades
// when zoomed out, years, then months.
func Ticks(from, to, pxPerYear, minGap float64) []Tick {
	if !(to > from) || pxPerYear <= 0 || math.IsInf(from, 0) || math.IsInf(to, 0) {
		return nil
	}
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if s*pxPerYear >= minGap {
			step = s
			break
		}
	}
	var ticks []Tick
	if step < 1 {
		months := int(math.Round(step * 12))
		first := int64(math.Floor(from))
		for y := first; float64(y) <= to; y++ {
			for m := 0; m < 12; m += months {
				at := float64(y) + float64(m)/12
				if at < from || at > to {
					continue
				}
				label := strconv.Itoa(m+1) + "/" + strconv.FormatInt(y, 10)
				if m == 0 {
					label = strconv.FormatInt(y, 10)
				}
				ticks = append(ticks, Tick{At: at, Label: label, Major: m == 0})
			}
			if len(ticks) > 2000 {
				break
			}
		}
		return ticks
	}
	start := math.Ceil(from/step) * step
	for at, i := start, 0; at <= to && i < 2000; i++ {
		ticks = append(ticks, Tick{At: at, Label: yearLabel(at), Major: true})
		at = start + float64(i+1)*step
	}
	return ticks
}

// yearLabel writes a year for the axis; large magnitudes are shortened
// ("13,8 tỷ năm" style figures are left to the pack's display dates).
func yearLabel(y float64) string {
	a := math.Abs(y)
	switch {
	case a >= 1e9:
		return strconv.FormatFloat(y/1e9, 'f', -1, 64) + " tỷ"
	case a >= 1e6:
		return strconv.FormatFloat(y/1e6, 'f', -1, 64) + " triệu"
	case a >= 1e5:
		return strconv.FormatFloat(y/1e3, 'f', -1, 64) + " nghìn"
	}
	return strconv.FormatInt(int64(math.Round(y)), 10)
}
