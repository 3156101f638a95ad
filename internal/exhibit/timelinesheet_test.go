package exhibit

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"
)

// sheetJSON is a TimelineJS timeline; sheetCSV and the workbook made by
// sheetXLSX say the same in the sheet template.
const sheetJSON = `{
  "title": {"text": {"headline": "Chí Kiên 80 năm"}},
  "eras": [{"start_date": {"year": 1930}, "end_date": {"year": 1945}, "text": {"headline": "Thời kỳ vận động"}}],
  "events": [
    {"start_date": {"year": 1943, "month": 9, "day": 22, "hour": 20, "minute": 30}, "display_date": "Đêm 22/9/1943",
     "text": {"headline": "Thành lập chi bộ", "text": "<p>Đoạn một &amp; hai.</p><p>Đoạn hai</p>"}, "group": "Đảng",
     "media": {"url": "https://example.org/a.jpg", "caption": "Ảnh mít tinh", "credit": "Bảo tàng"}},
    {"start_date": {"year": 1945, "month": 8}, "end_date": {"year": 1945, "month": 9},
     "text": {"headline": "Tổng khởi nghĩa"}, "background": {"color": "#aa0000"}}
  ]
}`

const sheetCSV = "\ufeffYear,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n" +
	",,,,,,,,,Chí Kiên 80 năm,,,,,,title,,\n" +
	"1930,,,,1945,,,,,Thời kỳ vận động,,,,,,era,,\n" +
	"1943,9,22,20:30,,,,,Đêm 22/9/1943,Thành lập chi bộ,\"Đoạn một & hai.\n\nĐoạn hai\",https://example.org/a.jpg,Bảo tàng,Ảnh mít tinh,,,Đảng,\n" +
	",,,,,,,,,,,,,,,,,\n" +
	"1945,8,,,1945,9,,,,Tổng khởi nghĩa,,,,,,,,#aa0000\n"

// sheetXLSX writes rows into a new workbook's first sheet. A cell given
// as an int or float is stored as a number, as Excel stores what people
// type; a float below 1 in a "Giờ"/"Time" column gets a time format.
func sheetXLSX(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	timeStyle, err := f.NewStyle(&excelize.Style{NumFmt: 20}) // h:mm
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if v == nil {
				continue
			}
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
			if fv, ok := v.(float64); ok && fv < 1 {
				f.SetCellStyle("Sheet1", cell, cell, timeStyle)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// vietnameseRows is the timeline of sheetJSON with Vietnamese headers and
// numbers stored as numbers (the time as Excel's fraction of a day).
var vietnameseRows = [][]any{
	{"Năm", "Tháng", "Ngày", "Giờ", "Năm kết thúc", "Tháng kết thúc", "Ngày hiển thị", "TIÊU ĐỀ", "Nội dung", "Ảnh", "Nguồn ảnh", "Chú thích ảnh", "Loại", "Nhóm", "Nền", "Ghi chú"},
	{nil, nil, nil, nil, nil, nil, nil, "Chí Kiên 80 năm", nil, nil, nil, nil, "title"},
	{1930, nil, nil, nil, 1945, nil, nil, "Thời kỳ vận động", nil, nil, nil, nil, "Giai đoạn"},
	{1943, 9, 22, 20.5 / 24, nil, nil, "Đêm 22/9/1943", "Thành lập chi bộ", "Đoạn một & hai.\n\nĐoạn hai", "https://example.org/a.jpg", "Bảo tàng", "Ảnh mít tinh", nil, "Đảng", nil, "chỉ để ghi chép"},
	{"8/1945", nil, nil, nil, 1945, 9, nil, "Tổng khởi nghĩa", nil, nil, nil, nil, nil, nil, "#aa0000"},
}

// A sheet, in .csv or .xlsx, English or Vietnamese headers, gives the same
// timeline as the TimelineJS JSON saying the same.
func TestTimelineSheetSameAsJSON(t *testing.T) {
	want, probs := ParseTimelineJS([]byte(sheetJSON), "t.json")
	if len(probs) > 0 {
		t.Fatalf("json: %v", probs)
	}
	inputs := map[string][]byte{
		"t.csv":          []byte(sheetCSV),
		"semicolons.csv": []byte(strings.NewReplacer(",", ";").Replace(strings.ReplaceAll(sheetCSV, "\"Đoạn một & hai.", "\"Đoạn một & hai."))),
		"vi.xlsx":        sheetXLSX(t, vietnameseRows),
	}
	for name, data := range inputs {
		got, probs := ParseTimelineSheet(data, name)
		if len(probs) > 0 {
			t.Errorf("%s: problems %v", name, probs)
			continue
		}
		sameTimeline(t, name, got, want)
		if got.Title != "Chí Kiên 80 năm" || len(got.Eras) != 1 || got.Events[0].Start.Hour != 20 || got.Events[0].Start.Minute != 30 {
			t.Errorf("%s: %+v", name, got)
		}
	}
}

// brokenSheets are sheets with one problem each, and where it is said.
var brokenSheets = []struct {
	name, file string
	data       func(t testing.TB) []byte
	kind       string
	line       int
	field      string
}{
	{"not a workbook", "x.xlsx", func(testing.TB) []byte { return []byte("Year,Headline\n1943,a\n") }, "sheet-unreadable", 0, ""},
	{"cut short", "x.xlsx", func(t testing.TB) []byte { b := sheetXLSX(t, vietnameseRows); return b[:len(b)/2] }, "sheet-unreadable", 0, ""},
	{"zip without a workbook", "x.xlsx", func(t testing.TB) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, _ := z.Create("hello.txt")
		w.Write([]byte("hi"))
		z.Close()
		return b.Bytes()
	}, "sheet-unreadable", 0, ""},
	{"windows-1258 csv", "x.csv", func(testing.TB) []byte { return []byte("Year,Headline\n1943,Th\xe0nh l\xe2p\n") }, "sheet-not-utf8", 2, ""},
	{"empty csv", "x.csv", func(testing.TB) []byte { return nil }, "sheet-no-header", 0, ""},
	{"no header", "x.csv", func(testing.TB) []byte { return []byte("\n1943,9,Thành lập\n") }, "sheet-no-header", 2, ""},
	{"unknown column", "x.csv", func(testing.TB) []byte { return []byte("Year,Headlne,Headline\n1943,x,a\n") }, "sheet-unknown-column", 1, "Headlne"},
	{"duplicate column", "x.csv", func(testing.TB) []byte { return []byte("Year,Tiêu đề,Headline\n1943,a,b\n") }, "sheet-duplicate-column", 1, "Headline"},
	{"month 13", "x.csv", func(testing.TB) []byte { return []byte("Năm,Tháng,Tiêu đề\n1943,1,a\n1943,13,b\n") }, "bad-month", 3, "Tháng"},
	{"month as a word", "x.xlsx", func(t testing.TB) []byte {
		return sheetXLSX(t, [][]any{{"Year", "Month", "Headline"}, {1943, "chín", "a"}})
	}, "timelinejs-bad-date-part", 2, "Month"},
	{"bad time", "x.csv", func(testing.TB) []byte { return []byte("Year,Month,Day,Time,Headline\n1943,9,22,25:00,a\n") }, "sheet-bad-time", 2, "Time"},
	{"no year", "x.csv", func(testing.TB) []byte { return []byte("Year,Headline\n,a\n") }, "timelinejs-date-missing", 2, "Year"},
	{"no headline", "x.csv", func(testing.TB) []byte { return []byte("Year,Headline\n1943,\n") }, "timelinejs-headline-missing", 2, "Headline"},
	{"era without end", "x.csv", func(testing.TB) []byte { return []byte("Year,Headline,Type\n1943,a,era\n") }, "timelinejs-date-missing", 2, "End Year"},
	{"end before start", "x.csv", func(testing.TB) []byte { return []byte("Year,End Year,Headline\n1945,1943,a\n") }, "end-before-start", 2, "End Year"},
	{"bad colour", "x.csv", func(testing.TB) []byte { return []byte("Year,Headline,Background\n1943,a,đỏ\n") }, "bad-colour", 2, "Background"},
}

// Each broken sheet gives its problem at the row and column to fix.
func TestTimelineSheetProblems(t *testing.T) {
	for _, c := range brokenSheets {
		_, probs := ParseTimelineSheet(c.data(t), c.file)
		if len(probs) != 1 {
			t.Errorf("%s: want one problem, got %v", c.name, probs)
			continue
		}
		p := probs[0]
		if p.Kind != c.kind || p.Line != c.line || p.Field != c.field || p.File != c.file {
			t.Errorf("%s: got %s %s:%d field %q; want %s line %d field %q", c.name, p.Kind, p.File, p.Line, p.Field, c.kind, c.line, c.field)
		}
		if vi := p.Text("vi"); vi == "" || vi == p.Message {
			t.Errorf("%s: no Vietnamese text: %q", c.name, vi)
		}
	}
}

// sheetProblems are the problems of the broken sheets, for the checks of
// every kind's wording in problemkind_test.go.
func sheetProblems(t *testing.T) map[string][]Problem {
	out := map[string][]Problem{}
	for _, c := range brokenSheets {
		_, probs := ParseTimelineSheet(c.data(t), c.file)
		out["sheet "+c.name] = probs
	}
	return out
}

// The template export-timeline --template writes reads back as a timeline
// with its title and no event yet, and without a problem.
func TestTimelineSheetTemplate(t *testing.T) {
	data, err := TimelineSheetTemplate()
	if err != nil {
		t.Fatal(err)
	}
	tl, probs := ParseTimelineSheet(data, "mau.xlsx")
	if len(probs) > 0 || tl.Title != "Tên dòng thời gian" || len(tl.Events) != 0 {
		t.Fatalf("template: %+v %v", tl, probs)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Timeline" {
		t.Errorf("sheets %v", got)
	}
	row, _ := f.GetRows("Timeline")
	if len(row) == 0 || strings.Join(row[0], ",") != "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Alt Text" {
		t.Errorf("header row %v", row)
	}
}

// Checked against a pack: a picture named in the sheet must be in it.
func TestImportTimelineSheetChecksPack(t *testing.T) {
	pack := &Pack{FS: fstest.MapFS{"photos/a.jpg": {Data: []byte("jpeg")}}}
	_, probs := ImportTimelineSheet(pack, []byte("Year,Headline,Media\n1943,a,photos/a.jpg\n1944,b,photos/none.jpg\n"), "t.csv")
	if len(probs) != 1 || probs[0].Kind != "file-not-found" || probs[0].Line != 3 || probs[0].Field != "Media" {
		t.Fatalf("got %v", probs)
	}
}

func TestSheetTime(t *testing.T) {
	for in, want := range map[string][3]int{"8": {8, 0, 0}, "8:30": {8, 30, 0}, "20:30:15": {20, 30, 15}, "8h30": {8, 30, 0}, "12:00 AM": {0, 0, 0}, "1:05 pm": {13, 5, 0}, "7:00 CH": {19, 0, 0}} {
		h, m, s, ok := sheetTime(in)
		if !ok || [3]int{h, m, s} != want {
			t.Errorf("sheetTime(%q) = %d %d %d %v, want %v", in, h, m, s, ok, want)
		}
	}
	for _, in := range []string{"24:00", "8:60", "13 pm", "noon", ""} {
		if _, _, _, ok := sheetTime(in); ok {
			t.Errorf("sheetTime(%q) accepted", in)
		}
	}
}

// FuzzTimelineSheet: no input makes the sheet reader panic, and every
// problem it reports is a listed kind.
func FuzzTimelineSheet(f *testing.F) {
	f.Add([]byte(sheetCSV), false)
	f.Add([]byte("Year;Headline\n1943;\"a\n"), false)
	f.Add(sheetXLSX(f, vietnameseRows), true)
	for _, c := range brokenSheets {
		f.Add(c.data(f), strings.HasSuffix(c.file, ".xlsx"))
	}
	f.Fuzz(func(t *testing.T, data []byte, xlsx bool) {
		name := "f.csv"
		if xlsx {
			name = "f.xlsx"
		}
		_, probs := ParseTimelineSheet(data, name)
		for _, p := range probs {
			if _, ok := kindIndex[p.Kind]; !ok {
				t.Fatalf("unlisted kind: %#v", p)
			}
		}
	})
}
