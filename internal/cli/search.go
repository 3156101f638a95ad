package cli

import (
	"fmt"
	"strconv"
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
	args, choice, code, done := e.startWithPack("search", args, "to-search")
	if done {
		return code
	}
	query := strings.Join(args, " ")
	if strings.TrimSpace(query) == "" {
		e.fail("search-words")
		return ExitUsage
	}
	l, err := e.loadPack(choice.path, choice.set, "--pack ", false)
	defer l.close()
	if err != nil {
		return ExitUsage
	}
	pack, name := l.pack, l.name
	// A finished query: the last word is a whole word, not a prefix still
	// being typed as on the search screen.
	r := search.NewIndex(pack).Find(query+" ", searchLimit)
	if r.Reading != search.Plain {
		typing := "telex"
		if r.Reading == search.VNI {
			typing = "vni"
		}
		e.say("search-read-as", "query", strings.TrimSpace(r.Query), "typing", typing)
	}
	for _, h := range r.Hits {
		fmt.Fprintf(e.stdout, "%s\t%s\n", e.hitPlace(pack, h), marked(h.Context, h.ContextRanges))
	}
	if len(r.Hits) == 0 {
		e.fail("search-none", "query", strings.TrimSpace(query), "pack", shorten(name))
		return ExitFailure
	}
	return ExitOK
}

// hitPlace says where a hit is: "chapter 2 «title»", "timeline 22/9/1943
// «headline»" or "picture ID".
func (e *env) hitPlace(p *exhibit.Pack, h search.Hit) string {
	switch {
	case h.Event != "":
		for _, ev := range p.Timeline.Events {
			if ev.ID == h.Event {
				return e.text("place-event", "date", ev.Display, "headline", ev.Headline)
			}
		}
		return e.text("place-event", "date", h.Event, "headline", "")
	case h.Photo != "":
		return e.text("place-photo", "id", h.Photo)
	}
	i := p.ChapterIndex(h.Chapter)
	if i < 0 {
		return e.text("place-chapter", "n", h.Chapter, "title", "", "intitle", "")
	}
	intitle := ""
	if h.Field == search.FieldChapterTitle {
		intitle = "yes"
	}
	return e.text("place-chapter", "n", strconv.Itoa(i+1), "title", p.Chapters[i].Title, "intitle", intitle)
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
