package search

import (
	"slices"
	"testing"

	"trienlam/internal/exhibit"
)

func TestTelexVNIReadings(t *testing.T) {
	for _, tt := range []struct {
		read       func(string) (string, bool)
		in, want   string
		wantChange bool
	}{
		{TelexReading, "chis kieen", "chí kiên", true},
		{TelexReading, "Chis Kieen", "chí kiên", true},
		{TelexReading, "thuowngj aan", "thượng ân", true},
		{TelexReading, "ddangr vieen", "đảng viên", true},
		{TelexReading, "nguyeenx", "nguyễn", true},
		{TelexReading, "hoaf", "hoà", true}, // the modern place of the tone
		{TelexReading, "hoanf", "hoàn", true},
		{TelexReading, "quoocs", "quốc", true},
		{TelexReading, "giaf", "già", true},
		{TelexReading, "tw", "tư", true},
		{TelexReading, "bawcs kanj", "bắc kạn", true},
		{TelexReading, "xa", "xa", false}, // x begins a word: not a tone
		{TelexReading, "sa", "sa", false}, // nor s
		{TelexReading, "1943", "1943", false},
		{TelexReading, "chis kie", "chí kie", true}, // the last word still being typed
		{TelexReading, "chis ", "chí ", true},
		{VNIReading, "chi1 kie6n", "chí kiên", true},
		{VNIReading, "d9a3ng vie6n", "đảng viên", true},
		{VNIReading, "thuo7ng5 a6n", "thượng ân", true},
		{VNIReading, "ba81c ka5n", "bắc kạn", true},
		{VNIReading, "22/9/1943", "22/9/1943", false},
		{VNIReading, "chi kien", "chi kien", false},
	} {
		got, changed := tt.read(tt.in)
		if got != tt.want || changed != tt.wantChange {
			t.Errorf("reading %q = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.wantChange)
		}
	}
}

func TestMarksRespected(t *testing.T) {
	p := &exhibit.Pack{Chapters: []*exhibit.Chapter{{ID: "c", Title: "T", Blocks: []exhibit.Block{
		para("Sự kiện lịch sử."),           // 0
		para("Người cộng sản kiên trung."), // 1
		para("Hoà bình và độc lập."),       // 2: old tone placement
		para("Hòa bình lập lại."),          // 3: new tone placement
	}}}}
	ix := NewIndex(p)
	blocks := func(q string) []int {
		var bs []int
		for _, h := range ix.Search(q, 0) {
			if h.Field == FieldBlock {
				bs = append(bs, h.Block)
			}
		}
		return bs
	}
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"kien", []int{0, 1}}, // no marks: any marks
		{"kiện", []int{0}},    // event
		{"kiên", []int{1}},    // steadfast
		{"KIỆN", []int{0}},    // case does not matter
		{"kiê", []int{1, 0}},  // still typing, no tone yet: both (exact first)
		{"kiệ", []int{0}},     // the tone typed narrows it
		{"hòa", []int{3, 2}},  // the tone's place does not matter (exact first)
		{"hoà", []int{2, 3}},
		{"hoa", []int{2, 3}},
		{"hóa", nil},
	} {
		if got := blocks(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) blocks %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestPhraseTiersAndQuotes(t *testing.T) {
	p := &exhibit.Pack{Chapters: []*exhibit.Chapter{{ID: "c", Title: "T", Blocks: []exhibit.Block{
		para("Kiên nhẫn là đức tính tốt của người chiến sĩ có chí."), // 0: both words, apart
		para("Chí hướng kiên định."),                                 // 1: close together
		para("Thành lập Chi bộ Chí Kiên năm 1943."),                  // 2: the phrase
	}}}}
	ix := NewIndex(p)
	var got []int
	for _, h := range ix.Search("chi kien", 0) {
		got = append(got, h.Block)
	}
	if !slices.Equal(got, []int{2, 1, 0}) {
		t.Errorf("chi kien: blocks %v, want phrase, then close, then apart: [2 1 0]", got)
	}
	got = got[:0]
	for _, h := range ix.Search(`"chi kien"`, 0) {
		got = append(got, h.Block)
	}
	if !slices.Equal(got, []int{2}) {
		t.Errorf(`"chi kien": blocks %v, want only the phrase [2]`, got)
	}
}

func TestFindReadings(t *testing.T) {
	p := builtIn(t)
	ix := NewIndex(p)
	plain := ix.Find("chi kien", 0)
	if plain.Reading != Plain || len(plain.Hits) < 5 {
		t.Errorf("chi kien: %v reading, %d hits", plain.Reading, len(plain.Hits))
	}
	for _, tt := range []struct {
		q       string
		reading Reading
	}{{"chis kieen", Telex}, {"chi1 kie6n", VNI}, {"chis kie", Telex}} {
		r := ix.Find(tt.q, 0)
		if r.Reading != tt.reading || len(r.Hits) == 0 {
			t.Errorf("Find(%q) = %v reading %q with %d hits; want %v", tt.q, r.Reading, r.Query, len(r.Hits), tt.reading)
			continue
		}
		if r.Query != "chí kiên" && r.Query != "chí kie" {
			t.Errorf("Find(%q) read as %q", tt.q, r.Query)
		}
		if !containsRangeText(r.Hits[0], "Chí Kiên") && !containsRangeText(r.Hits[0], "Chí Kiê") {
			t.Errorf("Find(%q): first hit %q does not highlight the phrase", tt.q, r.Hits[0].Context)
		}
	}
	if r := ix.Find("zzqx", 0); r.Reading != Plain || len(r.Hits) != 0 {
		t.Errorf("nonsense: %+v", r)
	}
}

func TestPhotoCaptionsAndSentences(t *testing.T) {
	p := &exhibit.Pack{
		Chapters: []*exhibit.Chapter{{ID: "c", Title: "T", Blocks: []exhibit.Block{
			para("Câu đầu tiên nói về núi. Câu thứ hai nói về Coong Tát và thác nước. Câu thứ ba nói về sông."),
		}}},
		Photos: []*exhibit.Photo{{ID: "thac", Caption: "Thác nước Coong Tát (ảnh tư liệu)"}},
	}
	ix := NewIndex(p)
	hits := ix.Search("coong tat", 0)
	if len(hits) != 2 {
		t.Fatalf("coong tat: %d hits, want the block and the caption", len(hits))
	}
	if hits[0].Context != "Câu thứ hai nói về Coong Tát và thác nước." {
		t.Errorf("context %q, want the sentence holding the match", hits[0].Context)
	}
	if hits[1].Field != FieldPhotoCaption || hits[1].Photo != "thac" {
		t.Errorf("second hit %+v, want the photo caption", hits[1])
	}
	checkHits(t, p, "coong tat", hits)
}
