package exhibit

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Timelines from a spreadsheet. TimelineJS's own way to author a timeline
// is a Google Sheet with one row per slide, in fixed columns (Year, Month,
// Day, Time, End Year, …, Headline, Text, Media, …, Type, Group,
// Background); a row of Type "title" is the timeline's title, a row of Type
// "era" an era. Staff keep the same table in Excel (.xlsx) or save it as
// .csv. The sheet is turned into the same document a TimelineJS JSON file
// gives, and read by the same code, so a sheet and a JSON file with the
// same content make the same Timeline and the same problems. Problems name
// the sheet's row (as Line) and the column as written in its header (as
// Field).

// sheetColumn is one column of the TimelineJS sheet template: its English
// header as TimelineJS writes it, and other headers people write for it
// (Vietnamese among them). Headers are compared by slug, so case and
// diacritics do not matter ("NĂM", "nam" and "Năm" are the same).
type sheetColumn struct {
	Header  string
	Aliases []string
}

// SheetColumns are the columns of TimelineJS's Google-Sheets template, in
// its order, with the Vietnamese headers Trienlam also reads.
var SheetColumns = []sheetColumn{
	{"Year", []string{"Năm"}},
	{"Month", []string{"Tháng"}},
	{"Day", []string{"Ngày"}},
	{"Time", []string{"Giờ"}},
	{"End Year", []string{"Năm kết thúc", "Đến năm"}},
	{"End Month", []string{"Tháng kết thúc", "Đến tháng"}},
	{"End Day", []string{"Ngày kết thúc", "Đến ngày"}},
	{"End Time", []string{"Giờ kết thúc", "Đến giờ"}},
	{"Display Date", []string{"Ngày hiển thị", "Cách ghi ngày"}},
	{"Headline", []string{"Tiêu đề"}},
	{"Text", []string{"Nội dung"}},
	{"Media", []string{"Ảnh", "Hình ảnh", "Tư liệu"}},
	{"Media Credit", []string{"Nguồn ảnh", "Tác giả ảnh"}},
	{"Media Caption", []string{"Chú thích ảnh", "Chú thích"}},
	{"Media Thumbnail", []string{"Ảnh nhỏ"}},
	{"Type", []string{"Loại"}},
	{"Group", []string{"Tag", "Nhóm"}},
	{"Background", []string{"Nền", "Màu nền"}},
	{"Alt Text", []string{"Media Alt", "Mô tả ảnh"}},
}

// sheetIgnored are headers of columns kept for people, never read.
var sheetIgnored = map[string]bool{"notes": true, "note": true, "comment": true, "comments": true, "ghi-chu": true}

// sheetColumnIndex maps the slug of every accepted header to the column's
// English header.
var sheetColumnIndex = func() map[string]string {
	m := map[string]string{}
	for _, c := range SheetColumns {
		m[slug(c.Header)] = c.Header
		for _, a := range c.Aliases {
			m[slug(a)] = c.Header
		}
	}
	return m
}()

// IsTimelineSheet reports whether a file name is a spreadsheet timeline
// (.xlsx or .csv) by its extension.
func IsTimelineSheet(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".csv":
		return true
	}
	return false
}

// ParseTimelineSheet reads a timeline kept in TimelineJS's sheet template,
// from an .xlsx workbook (its first sheet) or a .csv file, chosen by
// file's extension. Like ParseTimelineJS it returns what is valid and
// every problem found, each placed at the sheet's row and named by its
// column.
func ParseTimelineSheet(data []byte, file string) (Timeline, []Problem) {
	l := &loader{pack: &Pack{}, noFiles: true}
	tl := l.readTimelineSheet(data, file)
	sortProblems(l.probs)
	return tl, l.probs
}

// ImportTimelineSheet is ParseTimelineSheet that also checks the timeline
// against a pack, as ImportTimelineJS does.
func ImportTimelineSheet(pack *Pack, data []byte, file string) (Timeline, []Problem) {
	if pack == nil || pack.FS == nil {
		return ParseTimelineSheet(data, file)
	}
	l := &loader{fsys: pack.FS, pack: pack}
	tl := l.readTimelineSheet(data, file)
	sortProblems(l.probs)
	return tl, l.probs
}

// sheetRow is one row of a sheet with its 1-based row number.
type sheetRow struct {
	n     int
	cells []string
}

// readTimelineSheet reads the rows of the sheet and the timeline in them.
func (l *loader) readTimelineSheet(data []byte, file string) Timeline {
	var rows []sheetRow
	var err error
	if strings.EqualFold(path.Ext(file), ".csv") {
		if line := checkUTF8(data); line > 0 {
			l.add(file, line, "", detail{Kind: "sheet-not-utf8", Args: kv{"file": file}})
			return Timeline{Scale: "human"}
		}
		rows, err = csvRows(data)
	} else {
		rows, err = xlsxRows(data)
	}
	if err != nil {
		l.add(file, 0, "", detail{Kind: "sheet-unreadable", Args: kv{"file": file, "error": err.Error()}})
		return Timeline{Scale: "human"}
	}
	doc, fields := l.sheetDoc(rows, file)
	if doc == nil {
		return Timeline{Scale: "human"}
	}
	first := len(l.probs)
	doc.probs = &l.probs
	tl := l.timelineJS(doc)
	// Name the column instead of the JSON field the shared code speaks of.
	for i := first; i < len(l.probs); i++ {
		p := &l.probs[i]
		for f := p.Field; f != ""; {
			if col, ok := fields[f]; ok {
				p.Field = col
				break
			}
			j := strings.LastIndexAny(f, ".[")
			if j < 0 {
				p.Field = ""
				break
			}
			f = f[:j]
		}
	}
	return tl
}

// csvRows reads a CSV file: comma or semicolon separated (Excel writes
// semicolons where the decimal mark is a comma, as in Vietnam), with an
// optional UTF-8 byte-order mark.
func csvRows(data []byte) ([]sheetRow, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	firstLine, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(firstLine, []byte(";")) > bytes.Count(firstLine, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows []sheetRow
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, sheetRow{n: line, cells: rec})
	}
}

// maxSheetRows bounds what a workbook may hold: a timeline of more rows is
// surely a wrong file, and reading it would take the kiosk's memory.
const maxSheetRows = 100000

// xlsxRows reads the first sheet of an .xlsx workbook. A cell gives the
// text Excel shows, except a number shown other than as a plain whole
// number (1,943 or 1943.00), which gives its stored value, and a time,
// which gives HH:MM:SS (see sheetTime).
func xlsxRows(data []byte) (rows []sheetRow, err error) {
	defer func() {
		// excelize is a large parser of untrusted input; a panic in it
		// must not take the app down.
		if r := recover(); r != nil {
			rows, err = nil, fmt.Errorf("the workbook could not be read (%v)", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not an Excel .xlsx workbook (%v)", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheet")
	}
	shown, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, err
	}
	if len(shown) > maxSheetRows {
		return nil, fmt.Errorf("the sheet has %d rows, more than a timeline can (%d)", len(shown), maxSheetRows)
	}
	raw, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	for i, cells := range shown {
		for j, c := range cells {
			if i < len(raw) && j < len(raw[i]) && raw[i][j] != c {
				cells[j] = xlsxCell(c, raw[i][j])
			}
		}
		rows = append(rows, sheetRow{n: i + 1, cells: cells})
	}
	return rows, nil
}

// xlsxCell picks between the shown and the stored value of a cell whose
// number format changed it.
func xlsxCell(shown, raw string) string {
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return shown
	}
	if strings.ContainsAny(shown, ":") && f >= 0 && f < 1 {
		// A time of day, stored as a fraction of a day.
		secs := int(math.Round(f * 86400))
		return fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	if strings.ContainsAny(shown, "/-:") {
		return shown // a date: said as shown, reported if not a number
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return shown
}

// sheetDoc turns the rows into the document a TimelineJS JSON file gives,
// with each field's line the row it comes from. fields maps every field
// path to the column header it was read from.
func (l *loader) sheetDoc(rows []sheetRow, file string) (*tomlDoc, map[string]string) {
	hi := -1
	for i, r := range rows {
		if !blankRow(r.cells) {
			hi = i
			break
		}
	}
	known := make([]string, len(SheetColumns))
	for i, c := range SheetColumns {
		known[i] = c.Header
	}
	if hi < 0 {
		l.add(file, 0, "", detail{Kind: "sheet-no-header", Args: kv{"file": file, "known": strings.Join(known, ", ")}})
		return nil, nil
	}
	header := rows[hi]
	cols := map[int]string{}       // cell index → English header
	written := map[string]string{} // English header → as written
	var colProbs []Problem
	for j, h := range header.cells {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		s := slug(h)
		name, ok := sheetColumnIndex[s]
		switch {
		case sheetIgnored[s]:
		case !ok:
			colProbs = append(colProbs, detail{Kind: "sheet-unknown-column", Args: kv{"column": h, "known": strings.Join(known, ", ")}}.at(file, header.n, h))
		case written[name] != "":
			colProbs = append(colProbs, detail{Kind: "sheet-duplicate-column", Args: kv{"column": h, "other": written[name]}}.at(file, header.n, h))
		default:
			cols[j] = name
			written[name] = h
		}
	}
	if written["Year"] == "" && written["Headline"] == "" {
		l.add(file, header.n, "", detail{Kind: "sheet-no-header", Args: kv{"file": file, "known": strings.Join(known, ", ")}})
		return nil, nil
	}
	l.probs = append(l.probs, colProbs...)
	doc := &tomlDoc{file: file, root: map[string]any{}, lines: map[string]int{}}
	fields := map[string]string{}
	var events, eras []any
	for _, r := range rows[hi+1:] {
		if blankRow(r.cells) {
			continue
		}
		cell := map[string]string{}
		for j, c := range r.cells {
			if name, ok := cols[j]; ok {
				if c = strings.TrimSpace(c); c != "" {
					cell[name] = c
				}
			}
		}
		if len(cell) == 0 {
			continue // only columns kept for people
		}
		var base string
		kind := slug(cell["Type"])
		switch kind {
		case "title", "tieu-de", "ten":
			base = "title"
		case "era", "giai-doan", "thoi-ky":
			eras = append(eras, nil)
			base = fmt.Sprintf("eras[%d]", len(eras))
		default:
			events = append(events, nil)
			base = fmt.Sprintf("events[%d]", len(events))
		}
		set := func(field, col string) {
			doc.lines[base+field] = r.n
			if fields[base+field] = written[col]; fields[base+field] == "" {
				fields[base+field] = col // the column the sheet lacks
			}
		}
		set("", "")
		fields[base] = ""
		slide := map[string]any{}
		l.sheetDates(slide, cell, set, file, r.n, written)
		text := map[string]any{}
		if v, ok := cell["Headline"]; ok {
			text["headline"] = v
		}
		if v, ok := cell["Text"]; ok {
			text["text"] = plainToHTML(v)
		}
		slide["text"] = text
		set(".text", "Headline")
		set(".text.headline", "Headline")
		set(".text.text", "Text")
		if strings.HasPrefix(base, "eras") {
			delete(slide, "text")
			if len(text) > 0 {
				slide["text"] = text
			}
			// An era has only dates and a text.
			for k := range slide {
				if k != "start_date" && k != "end_date" && k != "text" {
					delete(slide, k)
				}
			}
		} else {
			l.sheetSlideExtras(slide, cell, set)
		}
		switch {
		case base == "title":
			if doc.root["title"] == nil {
				doc.root["title"] = slide
			}
		case strings.HasPrefix(base, "eras"):
			eras[len(eras)-1] = slide
		default:
			events[len(events)-1] = slide
		}
	}
	doc.root["events"] = orEmpty(events)
	if len(eras) > 0 {
		doc.root["eras"] = eras
	}
	return doc, fields
}

// orEmpty returns s, or an empty list for nil: a sheet with no event rows
// has an empty list of events, not a missing one.
func orEmpty(s []any) []any {
	if s == nil {
		return []any{}
	}
	return s
}

// sheetDates sets a slide's start_date and end_date from the date columns.
// A Year cell may hold a whole date as Vietnamese staff write it
// ("22/9/1943", "9/1943") when Month and Day are empty.
func (l *loader) sheetDates(slide map[string]any, cell map[string]string, set func(field, col string), file string, row int, written map[string]string) {
	for _, side := range []struct{ key, prefix string }{{"start_date", ""}, {"end_date", "End "}} {
		set("."+side.key, side.prefix+"Year")
		year, ok := cell[side.prefix+"Year"]
		if !ok {
			continue
		}
		d := map[string]any{}
		parts := map[string]string{"year": year}
		if m := staffDate.FindStringSubmatch(year); m != nil && cell[side.prefix+"Month"] == "" && cell[side.prefix+"Day"] == "" {
			parts["year"] = m[3]
			parts["month"] = m[2]
			if m[1] != "" {
				parts["day"] = m[1]
			}
		}
		if v, ok := cell[side.prefix+"Month"]; ok {
			parts["month"] = v
		}
		if v, ok := cell[side.prefix+"Day"]; ok {
			parts["day"] = v
		}
		for k, v := range parts {
			d[k] = v
		}
		set("."+side.key+".year", side.prefix+"Year")
		set("."+side.key+".month", side.prefix+"Month")
		set("."+side.key+".day", side.prefix+"Day")
		if t, ok := cell[side.prefix+"Time"]; ok {
			h, m, s, ok := sheetTime(t)
			if !ok {
				col := written[side.prefix+"Time"]
				l.add(file, row, col, detail{Kind: "sheet-bad-time", Args: kv{"column": col, "value": t}})
			} else {
				d["hour"], d["minute"], d["second"] = int64(h), int64(m), int64(s)
			}
			for _, p := range []string{"hour", "minute", "second"} {
				set("."+side.key+"."+p, side.prefix+"Time")
			}
		}
		slide[side.key] = d
	}
}

// staffDate is a date as written in Vietnam, day first: 22/9/1943 or
// 9/1943 (also with "-" or ".").
var staffDate = regexp.MustCompile(`^(?:([0-9]{1,2})[/.-])?([0-9]{1,2})[/.-](-?[0-9]+)$`)

// sheetTime reads a time cell: H, H:MM or H:MM:SS, with an optional AM/PM
// (SA/CH in Vietnamese).
var sheetTimeSyntax = regexp.MustCompile(`^([0-9]{1,2})(?:[:h.]([0-9]{1,2})(?::([0-9]{1,2}))?)?\s*(am|pm|sa|ch|a\.m\.|p\.m\.)?$`)

// sheetTime parses a time cell; ok is false when it is not a time of day.
func sheetTime(s string) (h, m, sec int, ok bool) {
	g := sheetTimeSyntax.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if g == nil {
		return 0, 0, 0, false
	}
	h, _ = strconv.Atoi(g[1])
	m, _ = strconv.Atoi(g[2])
	sec, _ = strconv.Atoi(g[3])
	switch g[4] {
	case "":
	case "am", "sa", "a.m.":
		if h < 1 || h > 12 {
			return 0, 0, 0, false
		}
		if h == 12 {
			h = 0
		}
	default:
		if h < 1 || h > 12 {
			return 0, 0, 0, false
		}
		if h != 12 {
			h += 12
		}
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, false
	}
	return h, m, sec, true
}

// sheetSlideExtras sets the other columns of an event or title row.
func (l *loader) sheetSlideExtras(slide map[string]any, cell map[string]string, set func(field, col string)) {
	if v, ok := cell["Display Date"]; ok {
		slide["display_date"] = v
		set(".display_date", "Display Date")
	}
	if v, ok := cell["Group"]; ok {
		slide["group"] = v
		set(".group", "Group")
	}
	media := map[string]any{}
	for col, key := range map[string]string{"Media": "url", "Media Credit": "credit", "Media Caption": "caption", "Media Thumbnail": "thumbnail", "Alt Text": "alt"} {
		if v, ok := cell[col]; ok {
			media[key] = v
			set(".media."+key, col)
		}
	}
	if len(media) > 0 {
		slide["media"] = media
		set(".media", "Media")
	}
	if v, ok := cell["Background"]; ok {
		// As TimelineJS: a colour (#rrggbb or a CSS name), else a picture.
		if strings.HasPrefix(v, "#") || !strings.ContainsAny(v, "/.\\") {
			slide["background"] = map[string]any{"color": v}
			set(".background.color", "Background")
		} else {
			slide["background"] = map[string]any{"url": v}
			set(".background.url", "Background")
		}
		set(".background", "Background")
	}
}

// plainToHTML turns a cell's text into HTML for the shared reader: a cell
// already in HTML (as TimelineJS sheets often are) is kept; plain text,
// typed in Excel with Alt+Enter line breaks, keeps its paragraphs and
// lines.
func plainToHTML(s string) string {
	if strings.Contains(s, "<") && strings.Contains(s, ">") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(s, -1) {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

// blankRow reports whether every cell of a row is empty.
func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// TimelineSheetTemplate returns an .xlsx workbook to start a timeline
// from: the first sheet has the TimelineJS template's header row (so the
// same file also works in TimelineJS) and a title row; a second sheet
// explains each column in Vietnamese.
func TimelineSheetTemplate() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const main = "Timeline"
	if err := f.SetSheetName("Sheet1", main); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E7E1D2"}}})
	if err != nil {
		return nil, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	for i, c := range SheetColumns {
		cellName, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(main, cellName, c.Header); err != nil {
			return nil, err
		}
		colName, _ := excelize.ColumnNumberToName(i + 1)
		width := 10.0
		switch c.Header {
		case "Headline", "Media Caption", "Media Credit", "Display Date", "Media":
			width = 28
		case "Text":
			width = 60
		}
		if err := f.SetColWidth(main, colName, colName, width); err != nil {
			return nil, err
		}
		if c.Header == "Text" || c.Header == "Headline" {
			if err := f.SetColStyle(main, colName, wrap); err != nil {
				return nil, err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(SheetColumns), 1)
	if err := f.SetCellStyle(main, "A1", last, bold); err != nil {
		return nil, err
	}
	typeCol, headCol := columnCell("Type", 2), columnCell("Headline", 2)
	f.SetCellStr(main, typeCol, "title")
	f.SetCellStr(main, headCol, "Tên dòng thời gian")
	if err := f.SetPanes(main, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	const guide = "Hướng dẫn"
	if _, err := f.NewSheet(guide); err != nil {
		return nil, err
	}
	lines := [][]string{
		{"Cột", "Tên khác được chấp nhận", "Ghi gì"},
	}
	help := map[string]string{
		"Year":            "Năm (bắt buộc), ví dụ 1943; năm trước Công nguyên ghi số âm. Có thể ghi cả ngày: 22/9/1943 hoặc 9/1943.",
		"Month":           "Tháng, 1–12 (để trống nếu không rõ).",
		"Day":             "Ngày trong tháng (để trống nếu không rõ).",
		"Time":            "Giờ, ví dụ 8:30 (để trống nếu không rõ).",
		"End Year":        "Năm kết thúc, nếu sự kiện kéo dài (bắt buộc với giai đoạn).",
		"End Month":       "Tháng kết thúc.",
		"End Day":         "Ngày kết thúc.",
		"End Time":        "Giờ kết thúc.",
		"Display Date":    "Ngày như muốn hiện cho khách xem, ví dụ \"Mùa xuân 1930\" (không bắt buộc).",
		"Headline":        "Tiêu đề sự kiện (bắt buộc).",
		"Text":            "Nội dung; xuống dòng bằng Alt+Enter, để một dòng trống giữa hai đoạn.",
		"Media":           "Tệp ảnh trong thư mục triển lãm, ví dụ photos/mit-tinh.jpg.",
		"Media Credit":    "Nguồn hoặc tác giả ảnh.",
		"Media Caption":   "Chú thích ảnh.",
		"Media Thumbnail": "Ảnh nhỏ (với đoạn phim).",
		"Type":            "Để trống cho sự kiện; \"title\" cho dòng tên dòng thời gian; \"era\" cho một giai đoạn.",
		"Group":           "Nhóm, để xếp sự kiện thành hàng riêng.",
		"Background":      "Màu nền (#rrggbb) hoặc ảnh nền.",
		"Alt Text":        "Mô tả ảnh cho người khiếm thị.",
	}
	for _, c := range SheetColumns {
		lines = append(lines, []string{c.Header, strings.Join(c.Aliases, ", "), help[c.Header]})
	}
	for i, line := range lines {
		cellName, _ := excelize.CoordinatesToCellName(1, i+1)
		row := make([]any, len(line))
		for j := range line {
			row[j] = line[j]
		}
		if err := f.SetSheetRow(guide, cellName, &row); err != nil {
			return nil, err
		}
	}
	f.SetColWidth(guide, "A", "A", 18)
	f.SetColWidth(guide, "B", "B", 30)
	f.SetColWidth(guide, "C", "C", 90)
	f.SetCellStyle(guide, "A1", "C1", bold)
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// columnCell names the cell of a template column in a row.
func columnCell(header string, row int) string {
	for i, c := range SheetColumns {
		if c.Header == header {
			name, _ := excelize.CoordinatesToCellName(i+1, row)
			return name
		}
	}
	return ""
}
