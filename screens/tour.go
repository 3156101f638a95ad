package screens

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"trienlam/audio"
	"trienlam/audio/captions"
	"trienlam/internal/exhibit"
)

// silentChapter runs one chapter of the guided tour whose narration cannot
// play (a damaged file, an m4a on a PC without a sound device): its
// captions show and its sentences light up by the clock, as if the voice
// spoke them, then the tour moves on. A chapter without readable captions
// stays for a reading-time estimate. One timer at a time, set for the next
// caption: nothing polls.
type silentChapter struct {
	e       *Exhibit
	chapter int
	cues    []captions.Cue
	length  time.Duration
	start   time.Time
	timer   audio.Timer
}

// Reading pace for a chapter without captions: about the pace of the
// narration itself, bounded so a tiny chapter is still seen and a huge one
// does not hold the attract loop for an hour.
const (
	wordsPerSecond = 2.5
	minSilentRead  = 20 * time.Second
	maxSilentRead  = 15 * time.Minute
)

// tourFailed is told by the narrator that the tour's chapter cannot be
// heard: the tour goes on silently, and staff get a note.
func (e *Exhibit) tourFailed() {
	n := e.narr
	if !e.touring || n == nil || e.silent != nil || n.chapter != e.reader.chapter {
		return
	}
	i := n.chapter
	ch := e.pack.Chapters[i]
	err := n.failure()
	if err == nil {
		err = fmt.Errorf("%s", n.player.State())
	}
	e.noteProblem(exhibit.UnplayableNarration(ch.Narration, audio.Problem(ch.Narration, err)))
	s := &silentChapter{e: e, chapter: i, start: e.clock.Now()}
	if ch.Captions != "" {
		if cues, cerr := captions.ReadFile(e.pack.FS, ch.Captions); cerr == nil && len(cues) > 0 {
			s.cues = cues
			s.length = cues[len(cues)-1].End + time.Second
		}
	}
	if s.length == 0 {
		s.length = readingTime(ch)
	}
	e.silent = s
	s.step()
}

// readingTime estimates how long a chapter takes to read aloud.
func readingTime(ch *exhibit.Chapter) time.Duration {
	words := 0
	for _, b := range ch.Blocks {
		words += len(strings.Fields(b.Text()))
	}
	d := time.Duration(float64(words) / wordsPerSecond * float64(time.Second))
	return min(max(d, minSilentRead), maxSilentRead)
}

// step shows the caption due now and sets the timer for the next one, or
// moves the tour on at the end.
func (s *silentChapter) step() {
	e := s.e
	at := e.clock.Now().Sub(s.start)
	if at >= s.length {
		e.silent = nil
		e.tourNext()
		return
	}
	next := s.length
	if r := e.reader; r.chapter == s.chapter && r.player != nil {
		i := captions.CueAt(s.cues, at)
		if i >= 0 {
			c := s.cues[i]
			r.player.showCue(&c)
			next = c.End
		} else {
			r.player.showCue(nil)
		}
		r.pictures.follow(at, true) // each step redraws the captions
	}
	// The next change: the end of this caption or the start of the next.
	for _, c := range s.cues {
		if c.Start > at {
			next = min(next, c.Start)
			break
		}
	}
	// The pictures move on every few seconds even between captions.
	next = min(next, at+picturePeriod/3)
	s.timer = e.clock.AfterFunc(max(next-at, 10*time.Millisecond), func() {
		e.post(func() {
			if e.silent == s {
				s.step()
			}
		})
	})
}

// stopSilent ends a silent chapter, if one runs.
func (e *Exhibit) stopSilent() {
	if s := e.silent; s != nil {
		e.silent = nil
		if s.timer != nil {
			s.timer.Stop()
		}
	}
}

// noteProblem adds a problem found while the exhibit runs to the problems
// list that staff see, once, and in the log.
func (e *Exhibit) noteProblem(pr exhibit.Problem) {
	for _, p := range e.problems {
		if p.Kind == pr.Kind && p.File == pr.File {
			return
		}
	}
	fyne.LogError(pr.Message, nil)
	e.problems = append(e.problems, pr)
	if e.homeS != nil {
		e.homeS.built = nil // the problems count changed
	}
}
