package speech

import (
	"strings"
	"testing"
)

// sentencesOf returns the sentences of text as strings.
func sentencesOf(text string) []string {
	var out []string
	for _, r := range Sentences(text) {
		out = append(out, text[r[0]:r[1]])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"only space", "  \n ", nil},
		{"title line, no punctuation", "ĐỀ CƯƠNG TUYÊN TRUYỀN", []string{"ĐỀ CƯƠNG TUYÊN TRUYỀN"}},
		{"date range in brackets", "(22/9/1943 - 22/9/2023)", []string{"(22/9/1943 - 22/9/2023)"}},
		{"attribution", "(kèm theo Hướng dẫn số 40-HD/BTGTU, ngày 30/6/2023 của Ban Tuyên giáo Tỉnh ủy)",
			[]string{"(kèm theo Hướng dẫn số 40-HD/BTGTU, ngày 30/6/2023 của Ban Tuyên giáo Tỉnh ủy)"}},
		{"roman section heading", "I. HOÀN CẢNH RA ĐỜI VÀ Ý NGHĨA SỰ KIẾN THÀNH LẬP CHI BỘ CHÍ KIÊN",
			[]string{"I. HOÀN CẢNH RA ĐỜI VÀ Ý NGHĨA SỰ KIẾN THÀNH LẬP CHI BỘ CHÍ KIÊN"}},
		{"roman III heading", "III. THÀNH TỰU NỔI BẬT CỦA TỈNH SAU 26 NĂM TÁI LẬP",
			[]string{"III. THÀNH TỰU NỔI BẬT CỦA TỈNH SAU 26 NĂM TÁI LẬP"}},
		{"numbered heading", "1. Công tác xây dựng Đảng, chính quyền và hệ thống chính trị",
			[]string{"1. Công tác xây dựng Đảng, chính quyền và hệ thống chính trị"}},
		{"subsection heading", "III.1. Công tác xây dựng Đảng",
			[]string{"III.1. Công tác xây dựng Đảng"}},
		{"two sentences", "Mùa Xuân năm 1930, Đảng Cộng sản Việt Nam ra đời. Dưới ánh sáng cách mạng của Đảng, phong trào yêu nước diễn ra mạnh mẽ trên địa bàn tỉnh Bắc Kạn.",
			[]string{"Mùa Xuân năm 1930, Đảng Cộng sản Việt Nam ra đời.", "Dưới ánh sáng cách mạng của Đảng, phong trào yêu nước diễn ra mạnh mẽ trên địa bàn tỉnh Bắc Kạn."}},
		{"thousands dot", "Khi mới tái lập, Đảng bộ tỉnh có 9 đảng bộ trực thuộc, với 299 tổ chức cơ sở đảng và 11.102 đảng viên. Đến nay, toàn Đảng bộ tỉnh đã có 11 đảng bộ trực thuộc, 432 tổ chức cơ sở đảng.",
			[]string{"Khi mới tái lập, Đảng bộ tỉnh có 9 đảng bộ trực thuộc, với 299 tổ chức cơ sở đảng và 11.102 đảng viên.", "Đến nay, toàn Đảng bộ tỉnh đã có 11 đảng bộ trực thuộc, 432 tổ chức cơ sở đảng."}},
		{"decimal comma and thousands", "Quy mô ngành nông, lâm nghiệp của tỉnh năm 2022 ước đạt trên 2.290,8 tỷ đồng, tăng 18 lần so với năm 1997 và chiếm 28,9% trong cơ cấu kinh tế chung của tỉnh. Độ che phủ rừng của tỉnh tăng lên 73,4%, Bắc Kạn trở thành địa phương có độ che phủ rừng cao nhất cả nước.",
			[]string{"Quy mô ngành nông, lâm nghiệp của tỉnh năm 2022 ước đạt trên 2.290,8 tỷ đồng, tăng 18 lần so với năm 1997 và chiếm 28,9% trong cơ cấu kinh tế chung của tỉnh.", "Độ che phủ rừng của tỉnh tăng lên 73,4%, Bắc Kạn trở thành địa phương có độ che phủ rừng cao nhất cả nước."}},
		{"colon does not end", "Trong những năm qua, công tác xây dựng Đảng luôn được tỉnh quan tâm thực hiện trên tất cả các mặt: Chính trị, tư tưởng, đạo đức, tổ chức và cán bộ. Khi mới tái lập, Đảng bộ tỉnh có 9 đảng bộ trực thuộc.",
			[]string{"Trong những năm qua, công tác xây dựng Đảng luôn được tỉnh quan tâm thực hiện trên tất cả các mặt: Chính trị, tư tưởng, đạo đức, tổ chức và cán bộ.", "Khi mới tái lập, Đảng bộ tỉnh có 9 đảng bộ trực thuộc."}},
		{"numbered list inside a sentence", "Bắc Kạn tập trung vào 4 đột phá phát triển: (1) Xác định thu hút đầu tư vào lĩnh vực du lịch là trọng tâm; (2) Hoàn thiện cơ chế, chính sách và nâng cao năng lực cạnh tranh của tỉnh; (3) Hoàn thiện hệ thống hạ tầng kinh tế - xã hội; (4) Đổi mới sáng tạo, nâng cao chất lượng nguồn nhân lực và chuyển đổi số.",
			[]string{"Bắc Kạn tập trung vào 4 đột phá phát triển: (1) Xác định thu hút đầu tư vào lĩnh vực du lịch là trọng tâm; (2) Hoàn thiện cơ chế, chính sách và nâng cao năng lực cạnh tranh của tỉnh; (3) Hoàn thiện hệ thống hạ tầng kinh tế - xã hội; (4) Đổi mới sáng tạo, nâng cao chất lượng nguồn nhân lực và chuyển đổi số."}},
		{"ellipsis before a capital ends", "hàng chục cuộc mít tinh đã được tổ chức ở Thượng Ân, Cốc Đán, Đức Vân, Vân Tùng... Trong đó, đáng chú ý hơn cả là hai cuộc mít tinh ở Diều Phon và Khưa Vài (xã Thượng Ân).",
			[]string{"hàng chục cuộc mít tinh đã được tổ chức ở Thượng Ân, Cốc Đán, Đức Vân, Vân Tùng...", "Trong đó, đáng chú ý hơn cả là hai cuộc mít tinh ở Diều Phon và Khưa Vài (xã Thượng Ân)."}},
		{"ellipsis before lower case does not", "Công tác phòng, chống tham nhũng và thực hành tiết kiệm, chống lãng phí... được duy trì thực hiện tốt.",
			[]string{"Công tác phòng, chống tham nhũng và thực hành tiết kiệm, chống lãng phí... được duy trì thực hiện tốt."}},
		{"unicode ellipsis", "Vân Tùng… Trong đó", []string{"Vân Tùng…", "Trong đó"}},
		{"closing ./", "Bằng ý chí và khát vọng vươn xa, Bắc Kạn đang quyết tâm trở thành điểm đến hấp dẫn của các nhà đầu tư./",
			[]string{"Bằng ý chí và khát vọng vươn xa, Bắc Kạn đang quyết tâm trở thành điểm đến hấp dẫn của các nhà đầu tư./"}},
		{"quote closes before the stop", "phương châm hoạt động là “phát triển theo lối cóc nhảy và củng cố theo vết dầu loang”. Được sự giúp đỡ trực tiếp",
			[]string{"phương châm hoạt động là “phát triển theo lối cóc nhảy và củng cố theo vết dầu loang”.", "Được sự giúp đỡ trực tiếp"}},
		{"stop inside the quote", "Người nói: “Đoàn kết là sức mạnh.” Sau đó, ai cũng nhớ.",
			[]string{"Người nói: “Đoàn kết là sức mạnh.”", "Sau đó, ai cũng nhớ."}},
		{"next sentence opens with a quote", "có nhiều khởi sắc. “Toàn dân đoàn kết” đã được triển khai.",
			[]string{"có nhiều khởi sắc.", "“Toàn dân đoàn kết” đã được triển khai."}},
		{"sentence inside brackets", "tổng Bằng Đức là tổng Chí Kiên. Chi bộ đầu tiên thành lập ở tổng Bằng Đức gọi là chi bộ Chí Kiên).",
			[]string{"tổng Bằng Đức là tổng Chí Kiên.", "Chi bộ đầu tiên thành lập ở tổng Bằng Đức gọi là chi bộ Chí Kiên)."}},
		{"bracket after the stop", "(tháng 5 năm 1941) quyết định chọn Việt Bắc. Do đó, vấn đề liên lạc",
			[]string{"(tháng 5 năm 1941) quyết định chọn Việt Bắc.", "Do đó, vấn đề liên lạc"}},
		{"dates are not stops", "Đêm 22/9/1943, dưới chân thác nước. Tháng 10/1943, Ban Chấp hành Việt Minh được thành lập.",
			[]string{"Đêm 22/9/1943, dưới chân thác nước.", "Tháng 10/1943, Ban Chấp hành Việt Minh được thành lập."}},
		{"year then a capital", "tăng hơn 50 lần so với năm 1997. Dự kiến thu ngân sách 6 tháng đầu năm 2023 đạt 468 tỷ đồng.",
			[]string{"tăng hơn 50 lần so với năm 1997.", "Dự kiến thu ngân sách 6 tháng đầu năm 2023 đạt 468 tỷ đồng."}},
		{"sentence may open with a number", "đạt kết quả khá. 16 xã chưa có đường ô tô.", []string{"đạt kết quả khá.", "16 xã chưa có đường ô tô."}},
		{"roman numeral ending a sentence", "Quốc hội khóa IX. Sau đó", []string{"Quốc hội khóa IX.", "Sau đó"}},
		{"abbreviation", "tại TP. Hồ Chí Minh. Sau đó", []string{"tại TP. Hồ Chí Minh.", "Sau đó"}},
		{"initial", "đồng chí Võ N. Giáp phụ trách. Sau đó", []string{"đồng chí Võ N. Giáp phụ trách.", "Sau đó"}},
		{"question and exclamation", "Vì sao? Vì Đảng! Hết.", []string{"Vì sao?", "Vì Đảng!", "Hết."}},
		{"no space after the stop", "xem mục a.Không", []string{"xem mục a.Không"}},
		{"lower case after a stop", "năm 1997. sau đó", []string{"năm 1997. sau đó"}},
		{"hard line break", "Dòng thứ nhất\nDòng thứ hai.", []string{"Dòng thứ nhất", "Dòng thứ hai."}},
		{"surrounding space", "  Một câu.   Câu hai.  ", []string{"Một câu.", "Câu hai."}},
	}
	for _, c := range cases {
		got := sentencesOf(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
			t.Errorf("%s: Sentences(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

// TestSentencesRanges checks the ranges themselves: ordered, disjoint,
// trimmed, and covering every non-space character.
func TestSentencesRanges(t *testing.T) {
	text := " Mùa Xuân năm 1930, Đảng ra đời.  Dưới ánh sáng… Trong đó, ở Vân Tùng... được duy trì./ "
	rs := Sentences(text)
	prev := 0
	var covered strings.Builder
	for _, r := range rs {
		if r[0] < prev || r[1] <= r[0] || r[1] > len(text) {
			t.Fatalf("bad range %v after %d in %v", r, prev, rs)
		}
		s := text[r[0]:r[1]]
		if strings.TrimSpace(s) != s {
			t.Errorf("range %v = %q is not trimmed", r, s)
		}
		covered.WriteString(text[prev:r[0]])
		prev = r[1]
	}
	covered.WriteString(text[prev:])
	if strings.TrimSpace(covered.String()) != "" {
		t.Errorf("text outside the sentences: %q", covered.String())
	}
}
