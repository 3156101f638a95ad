package cli

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"trienlam/audio"
	"trienlam/audio/captions"
	"trienlam/internal/exhibit"
	"trienlam/internal/photos"
)

// mediaReport is what checkMedia found: problems, and notes that are no
// problem.
type mediaReport struct {
	problems, notes []exhibit.Problem
}

// checkMedia plays every chapter's narration through the decoder, to the
// end and without sound, reads its captions and the headers of the photos: loading the pack checks
// only that the files exist. A narration that does not decode, or stops
// before its length, is a problem; so are captions that do not parse, or
// whose cue identifiers name text the chapter no longer has. Formats played
// by the media helper (.m4a, …) are only noted. Files used by several
// chapters are checked once.
func checkMedia(p *exhibit.Pack) mediaReport {
	type job struct {
		file   string
		ch     *exhibit.Chapter
		res    []exhibit.Problem
		note   *exhibit.Problem
		length time.Duration // decoded, when the whole file decodes
	}
	var narrations []*job
	seen := map[string]bool{}
	for _, ch := range p.Chapters {
		if ch.Narration != "" && !seen[ch.Narration] {
			seen[ch.Narration] = true
			narrations = append(narrations, &job{file: ch.Narration, ch: ch})
		}
	}
	// Decoding is the slow part (a second or so per ten minutes of OGG):
	// one file per CPU at a time.
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.NumCPU()))
	for _, j := range narrations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			length, err := audio.Check(p.FS, j.file)
			if err == nil {
				j.length = length
			}
			switch {
			case errors.Is(err, audio.ErrNeedsMediaHelper):
				note := audio.Problem(j.file, err)
				j.note = &note
			case err != nil:
				j.res = append(j.res, audio.Problem(j.file, err))
			}
		}()
	}
	wg.Wait()

	var r mediaReport
	lengths := map[string]time.Duration{}
	for _, j := range narrations {
		lengths[j.file] = j.length
		r.problems = append(r.problems, j.res...)
		if j.note != nil {
			r.notes = append(r.notes, *j.note)
		}
	}
	seen = map[string]bool{}
	for _, ch := range p.Chapters {
		if ch.Captions == "" || seen[ch.Captions+"\x00"+ch.ID] {
			continue
		}
		seen[ch.Captions+"\x00"+ch.ID] = true
		timing, err := captions.Check(p.FS, ch.Captions, lengths[ch.Narration])
		if err != nil {
			r.problems = append(r.problems, captions.Problem(ch.Captions, err))
			continue
		}
		r.problems = append(r.problems, timing...)
		cues, err := captions.ReadFile(p.FS, ch.Captions)
		if err != nil {
			r.problems = append(r.problems, captions.Problem(ch.Captions, err))
			continue
		}
		if len(cues) == 0 {
			r.problems = append(r.problems, exhibit.NewProblem(ch.Captions, 0, "captions-no-cues", map[string]string{"file": ch.Captions}))
			continue
		}
		if c, ok := staleCue(ch, cues); ok {
			r.problems = append(r.problems, exhibit.NewProblem(ch.Captions, 0, "captions-stale-cue", map[string]string{
				"file": ch.Captions, "id": c.ID, "at": clock(c.Start), "chapter": ch.ID, "text": shortText(c.Text)}))
		}
	}
	// Pictures whose decoding would take more memory than the exhibit
	// allows are refused when shown; loading checks only their pixels.
	for _, ph := range p.Photos {
		if _, err := photos.Inspect(p.FS, ph.File); err != nil {
			if pr := photos.Problem(ph.File, err); pr.Kind == "photo-needs-memory" {
				r.problems = append(r.problems, pr)
			}
		}
	}
	return r
}

// staleCue returns the first cue whose identifier names a sentence of the
// chapter (b<block>:<from>-<to>) that is not the cue's text, compared
// word by word.
func staleCue(ch *exhibit.Chapter, cues []captions.Cue) (captions.Cue, bool) {
	for _, c := range cues {
		if c.Block < 0 {
			continue
		}
		if c.Block >= len(ch.Blocks) {
			return c, true
		}
		text := ch.Blocks[c.Block].Text()
		if c.To > len(text) || strings.Join(strings.Fields(text[c.From:c.To]), " ") != strings.Join(strings.Fields(c.Text), " ") {
			return c, true
		}
	}
	return captions.Cue{}, false
}

// clock formats d as m:ss.mmm, as captions give times.
func clock(d time.Duration) string {
	ms := int(d.Round(time.Millisecond) / time.Millisecond)
	return fmt.Sprintf("%d:%02d.%03d", ms/60000, ms/1000%60, ms%1000)
}

// shortText cuts s to about 60 characters for a message.
func shortText(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:60]) + "…"
}
