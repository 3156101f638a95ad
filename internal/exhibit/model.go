package exhibit

import (
	"fmt"
	"io/fs"
	"strings"
)

// FormatVersion is the pack format this build reads and writes.
const FormatVersion = 1

// ManifestName is the file at the root of every pack.
const ManifestName = "pack.toml"

// Pack is a loaded exhibit pack. Everything in it has been validated: a
// chapter, photo or event that failed validation is left out and reported
// as a Problem instead.
type Pack struct {
	Format   int
	ID       string
	Title    string
	Subtitle string // e.g. the dates "22/9/1943 – 22/9/2023"
	Language string // BCP 47 tag of the content, "vi" for the built-in pack
	// Cover is the picture beside the title on the home screen, a path in
	// the pack ("cover" in pack.toml); "" for none.
	Cover string

	Source  Source
	Credits []Credit
	// Notes are editorial notes on how the pack was made from its source,
	// such as corrected misprints. Shown with the original text.
	Notes []string

	Chapters []*Chapter
	Photos   []*Photo
	// Clips are the pack's video clips, played full screen by the media
	// helper (package media).
	Clips    []*Clip
	Timeline Timeline

	// FS is the file system the pack was loaded from; media files are
	// opened from it by path.
	FS fs.FS
}

// Source describes the document the exhibit was made from.
type Source struct {
	Title     string // the document's own title
	Publisher string // who issued it
	Reference string // attribution line, e.g. "kèm theo Hướng dẫn số 40-HD/BTGTU, …"
	// Original is the path inside the pack of the unedited source text
	// ("Văn bản gốc"), kept so visitors and staff can compare.
	Original string
	// OriginalText is the content of Original, read at load time.
	OriginalText string
	// OriginalBlocks is OriginalText read as Markdown (source documents
	// arrive with **bold** and *italic* marks), for showing it formatted;
	// nil when it could not be read, and then the plain text is shown.
	OriginalBlocks []Block
}

// Credit names who made a part of the exhibit.
type Credit struct {
	Role string // e.g. "Văn bản", "Giọng đọc tổng hợp (espeak-ng)"
	Name string
}

// Chapter is one readable part of the exhibit.
type Chapter struct {
	ID    string
	Title string // short title for cards and the table of contents
	File  string // path of the Markdown file inside the pack

	Blocks []Block
	// Masthead is how many of the first Blocks form the document's
	// masthead: the title lines and attribution of the source document
	// (Đề cương…, kèm theo Hướng dẫn…), written as paragraphs before a
	// thematic break ("---") at the top of the chapter file. They are shown
	// once, centred, at the head of the chapter's page; they are not part
	// of the text read aloud, cut into slides or counted as its paragraphs.
	// 0 when the chapter has no masthead.
	Masthead int

	// Narration is the path of the chapter's narration audio, Captions the
	// path of its WebVTT captions; both empty when the chapter has none.
	Narration string
	Captions  string
	// Photos lists the IDs of photos shown with this chapter.
	Photos []string
	// PhotoAfter places some of Photos in the text: the picture stands
	// after the block of that index ("ban-do@3" in the pack). Photos not
	// in it are shown after the chapter's text.
	PhotoAfter map[string]int
	// Clips lists the IDs of video clips offered with this chapter.
	Clips []string
	// PresenterNotes are notes for a presenter, never shown to the audience.
	PresenterNotes string
}

// InMasthead reports whether block i of the chapter belongs to its
// masthead (see Masthead). Block indices count the masthead, so links into
// a chapter ("chapter-id#3") and caption cue ids keep their meaning.
func (c *Chapter) InMasthead(i int) bool { return i >= 0 && i < c.Masthead }

// BlockKind says what a Block is.
type BlockKind int

// The kinds of block a chapter holds.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	Quote
)

// Block is one paragraph-level element of a chapter: a heading, a paragraph,
// a list item or a quotation. Blocks are numbered by their index in
// Chapter.Blocks; links into a chapter ("chapter-id#3") use that index.
type Block struct {
	Kind  BlockKind
	Level int // heading level 1–6; list nesting depth from 1 for list items
	// Number is the item number of an ordered list item, 0 for a bullet.
	Number int
	Spans  []Span
	// Line is the 1-based line in the chapter file where the block starts,
	// for problem reports.
	Line int
}

// Text returns the block's plain text, spans joined.
func (b Block) Text() string {
	var s strings.Builder
	for _, sp := range b.Spans {
		s.WriteString(sp.Text)
	}
	return s.String()
}

// Span is a run of text with one style.
type Span struct {
	Text     string
	Emphasis bool // *italic*
	Strong   bool // **bold**
}

// PhotoKind says whether a picture is a photograph or an illustration drawn
// for the exhibit; illustrations are always labelled as such.
type PhotoKind string

// The kinds of picture.
const (
	KindPhoto        PhotoKind = "photo"
	KindIllustration PhotoKind = "illustration"
)

// Photo is a photograph or illustration in the pack.
type Photo struct {
	ID      string
	File    string
	Kind    PhotoKind
	Caption string
	Credit  string
	Date    string // as the source gives it, free text
	Alt     string // description for people who cannot see the picture
	Width   int    // pixel size read from the file header
	Height  int
}

// Clip is a video clip in the pack: a documentary extract, an interview.
// It plays full screen over the exhibit through the media helper.
type Clip struct {
	ID   string
	File string // the video: .mp4, .webm, .mkv, .avi, .mov or .m4v
	// Poster is a picture (JPEG, PNG or WebP) shown for the clip before it
	// plays; "" for none.
	Poster  string
	Caption string
	Credit  string
	// Subtitles is an .srt or .vtt file shown over the video: the one named
	// in pack.toml, else one with the clip's name beside it (clip.vtt, then
	// clip.srt); "" for none.
	Subtitles string
}

// Precision says how much of a date is known.
type Precision int

// Date precisions, coarsest first.
const (
	PrecisionYear Precision = iota
	PrecisionSeason
	PrecisionMonth
	PrecisionDay
	PrecisionTime
)

// Date is a point in time at a given precision. Years may be negative
// (before the common era) or very large.
type Date struct {
	Year                 int64
	Month, Day           int // 0 when unknown
	Hour, Minute, Second int
	Precision            Precision
	// Display is the date as the source writes it, e.g. "Đêm 22/9/1943".
	Display string
}

// Event is a dated moment on the timeline.
type Event struct {
	ID       string
	Start    Date
	End      *Date // nil for a moment
	Display  string
	Headline string
	Text     string // Markdown
	Group    string
	Media    *Media
	// Chapter and Block link the event to the paragraph it comes from;
	// Chapter is empty when there is no link.
	Chapter string
	Block   int
	// Background is a colour (#rrggbb) or an image path, from TimelineJS.
	Background string
	Line       int // line in the timeline file, for problem reports
}

// Media is a picture or clip attached to a timeline event.
type Media struct {
	URL       string // a path inside the pack, or a web address kept but never fetched
	Caption   string
	Credit    string
	Thumbnail string // for a video: its poster
	Alt       string
	// Subtitles is, for a video file in the pack, the .vtt or .srt file
	// with its name beside it ("" for none).
	Subtitles string
}

// IsVideo reports whether the media is a video file in the pack (see
// IsVideoFile), played like a clip; web addresses never are.
func (m *Media) IsVideo() bool {
	return m != nil && !isWebRef(m.URL) && IsVideoFile(m.URL)
}

// Era is a named span of the timeline.
type Era struct {
	Start, End Date
	Headline   string
	Text       string
}

// Timeline is the pack's timeline; empty when the pack has none.
type Timeline struct {
	Title  string
	Scale  string // "human" (default) or "cosmological"
	Events []Event
	Eras   []Era
	Groups []string
}

// Counts summarises a pack for the validate command.
type Counts struct {
	Chapters, Events, Eras, Photos, AudioTracks int
}

// String formats the counts as the validate summary line.
func (c Counts) String() string {
	return fmt.Sprintf("%d chapters, %d timeline events, %d eras, %d photos, %d audio tracks",
		c.Chapters, c.Events, c.Eras, c.Photos, c.AudioTracks)
}

// StringIn is String in the language with the given code ("vi" or "en").
func (c Counts) StringIn(language string) string {
	if language == "vi" {
		return fmt.Sprintf("%d chương, %d sự kiện trên dòng thời gian, %d giai đoạn, %d ảnh, %d bản ghi âm",
			c.Chapters, c.Events, c.Eras, c.Photos, c.AudioTracks)
	}
	return c.String()
}

// Counts returns how many of each thing the pack holds.
func (p *Pack) Counts() Counts {
	c := Counts{
		Chapters: len(p.Chapters),
		Events:   len(p.Timeline.Events),
		Eras:     len(p.Timeline.Eras),
		Photos:   len(p.Photos),
	}
	for _, ch := range p.Chapters {
		if ch.Narration != "" {
			c.AudioTracks++
		}
	}
	return c
}

// Clip returns the clip with the given ID, or nil.
func (p *Pack) Clip(id string) *Clip {
	for _, c := range p.Clips {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Chapter returns the chapter with the given ID, or nil.
func (p *Pack) Chapter(id string) *Chapter {
	for _, c := range p.Chapters {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// ChapterIndex returns the position of the chapter with the given ID in
// reading order, or -1.
func (p *Pack) ChapterIndex(id string) int {
	for i, c := range p.Chapters {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// Photo returns the photo with the given ID, or nil.
func (p *Pack) Photo(id string) *Photo {
	for _, ph := range p.Photos {
		if ph.ID == id {
			return ph
		}
	}
	return nil
}
