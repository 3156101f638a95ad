package cli

import (
	"fmt"
	"strings"

	"trienlam/internal/exhibit"
	"trienlam/internal/search"
)

// searchLimit bounds the lines search prints; staff checking where a name
// appears narrow the query rather than read hundreds of lines.
const searchLimit = 200

// runSearch prints the results of a query over a pack, ranked as the
// exhibit's search screen ranks them, one per line: where (chapter, timeline
// event or picture), a tab, then the excerpt with the matches in [brackets].
// The exit status is 0 when something was found, 1 when nothing was (as
// grep does), 2 for bad arguments or a pack that cannot be read.
func runSearch(e *env, args []string) int {
	args, choice, code, done := e.startWithPack("search", args, "to search")
	if done {
		return code
	}
	query := strings.Join(args, " ")
	if strings.TrimSpace(query) == "" {
		e.errorf("search: give the words to find, e.g. trienlam search chi kien")
		return ExitUsage
	}
	l, err := e.loadPack(choice.path, choice.set, "--pack ", "the built-in pack", false)
	defer l.close()
	if err != nil {
		return ExitUsage
	}
	pack, name := l.pack, l.name
	// A finished query: the last word is a whole word, not a prefix still
	// being typed as on the search screen.
	r := search.NewIndex(pack).Find(query+" ", searchLimit)
	if r.Reading != search.Plain {
		fmt.Fprintf(e.stdout, "results for «%s» (read as %s)\n", strings.TrimSpace(r.Query), readingName(r.Reading))
	}
	for _, h := range r.Hits {
		fmt.Fprintf(e.stdout, "%s\t%s\n", hitPlace(pack, h), marked(h.Context, h.ContextRanges))
	}
	if len(r.Hits) == 0 {
		fmt.Fprintf(e.stderr, "trienlam: nothing found for «%s» in %s\n", strings.TrimSpace(query), shorten(name))
		return ExitFailure
	}
	return ExitOK
}

// readingName names a reading of a query for the search output.
func readingName(r search.Reading) string {
	if r == search.VNI {
		return "VNI typing"
	}
	return "Telex typing"
}

// hitPlace says where a hit is: "chapter 2 «title»", "timeline 22/9/1943
// «headline»" or "picture ID".
func hitPlace(p *exhibit.Pack, h search.Hit) string {
	switch {
	case h.Event != "":
		for _, ev := range p.Timeline.Events {
			if ev.ID == h.Event {
				return fmt.Sprintf("timeline %s «%s»", ev.Display, ev.Headline)
			}
		}
		return "timeline " + h.Event
	case h.Photo != "":
		return "picture " + h.Photo
	}
	i := p.ChapterIndex(h.Chapter)
	if i < 0 {
		return "chapter " + h.Chapter
	}
	place := fmt.Sprintf("chapter %d «%s»", i+1, p.Chapters[i].Title)
	if h.Field == search.FieldChapterTitle {
		place += " (title)"
	}
	return place
}

// marked returns text with the byte ranges rs put in [brackets].
func marked(text string, rs [][2]int) string {
	var b strings.Builder
	at := 0
	for _, r := range rs {
		if r[0] < at || r[1] > len(text) || r[0] >= r[1] {
			continue
		}
		b.WriteString(text[at:r[0]])
		b.WriteString("[" + text[r[0]:r[1]] + "]")
		at = r[1]
	}
	b.WriteString(text[at:])
	return b.String()
}
