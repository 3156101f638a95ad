package speech

import (
	"testing"
)

// TestNormalizeRules checks each rule with numbers left in digits, which
// reads best; TestNormalize checks the spoken form in full.
func TestNormalizeRules(t *testing.T) {
	cases := []struct{ in, want string }{
		// Dates, as the source writes them.
		{"22/9/1943", "ngày 22 tháng 9 năm 1943"},
		{"Đêm 22/9/1943, dưới chân thác nước", "Đêm 22 tháng 9 năm 1943, dưới chân thác nước"},
		{"theo Nghị định ngày 11/4/1900 của Toàn quyền", "theo Nghị định ngày 11 tháng 4 năm 1900 của Toàn quyền"},
		{"ngày 06/11/1996, tại kỳ họp thứ 10", "ngày 6 tháng 11 năm 1996, tại kỳ họp thứ 10"},
		{"Ngày 01/01/1997, lễ tái thành lập", "Ngày 1 tháng 1 năm 1997, lễ tái thành lập"},
		{"Quốc hội khóa VI (29/12/1978) đã phê chuẩn", "Quốc hội khóa sáu, ngày 29 tháng 12 năm 1978, đã phê chuẩn"},
		{"4/1943", "tháng 4 năm 1943"},
		{"Tháng 10/1943, Ban Chấp hành", "Tháng 10 năm 1943, Ban Chấp hành"},
		{"tháng 10/1943 hai đoàn", "tháng 10 năm 1943 hai đoàn"},
		{"chống thực dân Pháp (tháng 8/1949).", "chống thực dân Pháp, tháng 8 năm 1949."},
		{"ngày 22/9 hằng năm", "ngày 22 tháng 9 hằng năm"},
		{"(22/9/1943 - 22/9/2023)", "từ ngày 22 tháng 9 năm 1943 đến ngày 22 tháng 9 năm 2023"},
		{"22/9/1943 – 22/9/2023", "từ ngày 22 tháng 9 năm 1943 đến ngày 22 tháng 9 năm 2023"},
		{"từ 4/1943 - 9/1943", "từ tháng 4 năm 1943 đến tháng 9 năm 1943"},
		{"chiến cuộc Đông Xuân 1953-1954, đỉnh cao", "chiến cuộc Đông Xuân 1953 đến 1954, đỉnh cao"},
		{"trên miền Bắc (1954), Nhân dân", "trên miền Bắc, 1954, Nhân dân"},
		// Roman numerals.
		{"I. HOÀN CẢNH RA ĐỜI", "một. HOÀN CẢNH RA ĐỜI"},
		{"II. NHỮNG CHẶNG ĐƯỜNG", "hai. NHỮNG CHẶNG ĐƯỜNG"},
		{"III. THÀNH TỰU NỔI BẬT", "ba. THÀNH TỰU NỔI BẬT"},
		{"III.2. Kinh tế - xã hội", "ba chấm hai. Kinh tế xã hội"},
		{"Ban Chấp hành Trung ương Đảng lần thứ VIII (tháng 5 năm 1941) quyết định", "Ban Chấp hành Trung ương Đảng lần thứ tám, tháng 5 năm 1941, quyết định"},
		{"Quốc hội (khóa IX) ra Nghị quyết", "Quốc hội, khóa chín, ra Nghị quyết"},
		{"Cuối thế kỷ XIX, sau khi", "Cuối thế kỷ mười chín, sau khi"},
		{"Đại hội XIII của Đảng", "Đại hội mười ba của Đảng"},
		{"lần thứ IV", "lần thứ tư"},
		{"lần thứ I", "lần thứ nhất"},
		{"VÀ Ý NGHĨA", "VÀ Ý NGHĨA"},                   // capitals that are words
		{"MIX CIVIL", "em mờ i ích xì xê i vê i e lờ"}, // not after a context word: spelt as letters
		{"Cuối thế kỷ XIX.", "Cuối thế kỷ mười chín."},
		// Abbreviations and document numbers.
		{"Tổng sản phẩm GRDP năm 2022", "Tổng sản phẩm gờ rờ đê pê năm 2022"},
		{"cấp tỉnh PCI tăng đều", "cấp tỉnh pê xê i tăng đều"},
		{"VCCI đã công bố", "vê xê xê i đã công bố"},
		{"đạt 8,5 triệu USD, bằng 54,3%", "đạt 8 phẩy 5 triệu đô la Mỹ, bằng 54 phẩy 3 phần trăm"},
		{"Hướng dẫn số 40-HD/BTGTU, ngày 30/6/2023 của Ban Tuyên giáo Tỉnh ủy",
			"Hướng dẫn số 40, hướng dẫn, Ban Tuyên giáo Tỉnh ủy, ngày 30 tháng 6 năm 2023 của Ban Tuyên giáo Tỉnh ủy"},
		{"Nghị quyết số 11-NQ/TW", "Nghị quyết số 11, nghị quyết, Trung ương"},
		{"Chỉ thị 05-CT/TU", "Chỉ thị 5, chỉ thị, Tỉnh ủy"},
		{"TU BỔ DI TÍCH", "TU BỔ DI TÍCH"}, // "TU" is a word outside document numbers
		{"UBND tỉnh", "Ủy ban nhân dân tỉnh"},
		{"XYZ", "ích xì i dài dét"},
		{"Liên tỉnh Cao - Bắc - Lạng, công tác", "Liên tỉnh Cao Bắc Lạng, công tác"},
		{"các dân tộc Cao- Bắc- Lạng” đã tập hợp", "các dân tộc Cao Bắc Lạng đã tập hợp"},
		{"Toàn quyền Đông Dương Pôn Đume (Paul Doumer).", "Toàn quyền Đông Dương Pôn Đu-me, Pôn Đu-me."},
		// Numbers, the Vietnamese way.
		{"299 tổ chức cơ sở đảng và 11.102 đảng viên", "299 tổ chức cơ sở đảng và 11102 đảng viên"},
		{"ước đạt trên 2.290,8 tỷ đồng", "ước đạt trên 2290 phẩy 8 tỷ đồng"},
		{"tăng trưởng 6,07% so với năm 2021", "tăng trưởng 6 phẩy 07 phần trăm so với năm 2021"},
		{"đạt 789.620 triệu đồng", "đạt 789620 triệu đồng"},
		{"đạt 107,31% kế hoạch", "đạt 107 phẩy 31 phần trăm kế hoạch"},
		{"với 36 % số xã", "với 36 phần trăm số xã"},
		{"(chiếm hơn 11% dân số)", "chiếm hơn 11 phần trăm dân số"},
		{"bình quân đạt 85%/năm.", "bình quân đạt 85 phần trăm một năm."},
		{"xếp thứ 35/63 tỉnh, thành phố", "xếp thứ 35 trên 63 tỉnh, thành phố"},
		{"chuyển 02 huyện Ngân Sơn", "chuyển 2 huyện Ngân Sơn"},
		{"1.234.567 người", "1234567 người"},
		{"1.2345", "1.2345"}, // not a Vietnamese number: left alone
		// Punctuation and Markdown.
		{"của các nhà đầu tư./", "của các nhà đầu tư."},
		{"**KỶ NIỆM 80 NĂM**", "KỶ NIỆM 80 NĂM"},
		{"# I. HOÀN CẢNH", "một. HOÀN CẢNH"},
		{"(*chiếm hơn 11% dân số*)", "chiếm hơn 11 phần trăm dân số"},
		{"chỉ thị “Xây dựng những con đường quần chúng” - những cơ sở", "chỉ thị Xây dựng những con đường quần chúng, những cơ sở"},
		{"giữa miền ngược - miền xuôi; giữa", "giữa miền ngược, miền xuôi; giữa"},
		{"tình hình kinh tế - xã hội kém phát triển", "tình hình kinh tế xã hội kém phát triển"},
		{"nhiệm vụ phát triển kinh tế- xã hội của địa phương", "nhiệm vụ phát triển kinh tế xã hội của địa phương"},
		{"Kinh tế - xã hội, quốc phòng - an ninh", "Kinh tế xã hội, quốc phòng an ninh"},
		{"Về lĩnh vực văn hóa - xã hội, Phong trào", "Về lĩnh vực văn hóa xã hội, Phong trào"},
		{"“Khai thác tiềm năng - Phát huy bản sắc - Liên kết phát triển bền vững”.", "Khai thác tiềm năng, Phát huy bản sắc, Liên kết phát triển bền vững."},
		{"Đức Vân, Vân Tùng... Trong đó", "Đức Vân, Vân Tùng, Trong đó"},
		{"chống lãng phí... được duy trì", "chống lãng phí, được duy trì"},
		{"Vân Tùng...", "Vân Tùng"},
		{"đột phá phát triển: (1) Xác định thu hút; (2) Hoàn thiện cơ chế; (4) Đổi mới",
			"đột phá phát triển: thứ 1, Xác định thu hút; thứ 2, Hoàn thiện cơ chế; thứ 4, Đổi mới"},
		{"phòng/chống", "phòng chống"},
		{"A & B", "A và B"},
		{"", ""},
	}
	for _, c := range cases {
		if got := normalize(c.in, false); got != c.want {
			t.Errorf("normalize(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"(22/9/1943 - 22/9/2023)", "từ ngày hai mươi hai tháng chín năm một nghìn chín trăm bốn mươi ba đến ngày hai mươi hai tháng chín năm hai nghìn không trăm hai mươi ba"},
		{"Tháng 4 năm 1943, bộ phận đầu tiên", "Tháng tư năm một nghìn chín trăm bốn mươi ba, bộ phận đầu tiên"},
		{"ngày 21/4/1965", "ngày hai mươi mốt tháng tư năm một nghìn chín trăm sáu mươi lăm"},
		{"Nghị quyết kỳ họp thứ 4, Quốc hội khóa VI", "Nghị quyết kỳ họp thứ tư, Quốc hội khóa sáu"},
		{"xếp thứ 35/63 tỉnh", "xếp thứ ba mươi lăm trên sáu mươi ba tỉnh"},
		{"11.102 đảng viên", "mười một nghìn một trăm linh hai đảng viên"},
		{"36.808 đảng viên", "ba mươi sáu nghìn tám trăm linh tám đảng viên"},
		{"2.290,8 tỷ đồng", "hai nghìn hai trăm chín mươi phẩy tám tỷ đồng"},
		{"tăng trưởng 6,07%", "tăng trưởng sáu phẩy không bảy phần trăm"},
		{"đạt 65,15 điểm", "đạt sáu mươi lăm phẩy mười lăm điểm"},
		{"đạt 107,31% kế hoạch", "đạt một trăm linh bảy phẩy ba mươi mốt phần trăm kế hoạch"},
		{"85%/năm", "tám mươi lăm phần trăm một năm"},
		{"chuyển 02 huyện", "chuyển hai huyện"},
		{"Đông Xuân 1953-1954", "Đông Xuân một nghìn chín trăm năm mươi ba đến một nghìn chín trăm năm mươi tư"},
		{"khoảng 1.200 doanh nghiệp", "khoảng một nghìn hai trăm doanh nghiệp"},
		{"năm 2050", "năm hai nghìn không trăm năm mươi"},
		{"năm 2000", "năm hai nghìn"},
		{"(1) Xác định; (4) Đổi mới", "thứ nhất, Xác định; thứ tư, Đổi mới"},
		{"2. Kinh tế - xã hội, quốc phòng - an ninh", "hai. Kinh tế xã hội, quốc phòng an ninh"},
		{"KỶ NIỆM 80 NĂM NGÀY THÀNH LẬP", "KỶ NIỆM tám mươi NĂM NGÀY THÀNH LẬP"},
	}
	for _, c := range cases {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestNumber(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0", "không"},
		{"00", "không"},
		{"02", "hai"},
		{"5", "năm"},
		{"10", "mười"},
		{"11", "mười một"},
		{"14", "mười bốn"},
		{"15", "mười lăm"},
		{"20", "hai mươi"},
		{"21", "hai mươi mốt"},
		{"24", "hai mươi tư"},
		{"25", "hai mươi lăm"},
		{"100", "một trăm"},
		{"105", "một trăm linh năm"},
		{"110", "một trăm mười"},
		{"115", "một trăm mười lăm"},
		{"1000", "một nghìn"},
		{"1001", "một nghìn không trăm linh một"},
		{"1900", "một nghìn chín trăm"},
		{"1943", "một nghìn chín trăm bốn mươi ba"},
		{"1954", "một nghìn chín trăm năm mươi tư"},
		{"2023", "hai nghìn không trăm hai mươi ba"},
		{"10000", "mười nghìn"},
		{"11102", "mười một nghìn một trăm linh hai"},
		{"789620", "bảy trăm tám mươi chín nghìn sáu trăm hai mươi"},
		{"1000005", "một triệu không trăm linh năm"},
		{"2500000000", "hai tỷ năm trăm triệu"},
		{"1234567890123", "một hai ba bốn năm sáu bảy tám chín không một hai ba"},
		{"12a", "12a"},
	}
	for _, c := range cases {
		if got := Number(c.in); got != c.want {
			t.Errorf("Number(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for in, want := range map[string]string{"07": "không bảy", "8": "tám", "15": "mười lăm", "31": "ba mươi mốt", "0": "không", "14159": "một bốn một năm chín"} {
		if got := Fraction(in); got != want {
			t.Errorf("Fraction(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"1": "nhất", "4": "tư", "2": "hai", "10": "mười", "35": "ba mươi lăm"} {
		if got := Ordinal(in); got != want {
			t.Errorf("Ordinal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoman(t *testing.T) {
	for in, want := range map[string]int{"I": 1, "IV": 4, "VI": 6, "VIII": 8, "IX": 9, "XIII": 13, "XIX": 19, "MCMXLIII": 1943,
		"": 0, "IIII": 0, "VX": 0, "IC": 0, "ABC": 0, "vi": 0} {
		if got := Roman(in); got != want {
			t.Errorf("Roman(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestIsSyllable(t *testing.T) {
	for _, w := range []string{"HOÀN", "NGHĨA", "TRUYỀN", "ĐƯỜNG", "KHOẢNG", "GIÁO", "TU", "Ý", "TRƯỚC", "QUYẾT"} {
		if !isSyllable(w) {
			t.Errorf("isSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"GRDP", "PCI", "VCCI", "USD", "HD", "BTGTU", "UBND", "TW"} {
		if isSyllable(w) {
			t.Errorf("isSyllable(%q) = true", w)
		}
	}
}
