package main

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// titlePlate is the exhibit's title on deep red: typography and a gold
// frame with diamond ornaments, no emblem or flag.
func titlePlate(c *canvas) {
	// A gentle vertical gradient, lighter in the middle.
	for y := 0; y < H; y++ {
		t := math.Abs(float64(y)-H/2) / (H / 2)
		col := mix(color.NRGBA{0xA5, 0x1C, 0x1C, 0xFF}, color.NRGBA{0x72, 0x10, 0x10, 0xFF}, t*t)
		draw.Draw(c.img, image.Rect(0, y, W, y+1), image.NewUniform(col), image.Point{}, draw.Src)
	}
	// Double frame with corner ornaments.
	outer, inner := 44.0, 62.0
	frameRect(c, outer, 3, gold)
	frameRect(c, inner, 1.5, gold)
	for _, p := range []pt{{inner, inner}, {W - inner, inner}, {inner, H - inner}, {W - inner, H - inner}} {
		c.diamond(p.x, p.y, 14, 14, gold)
		c.diamond(p.x, p.y, 6, 6, darkRed)
	}
	for _, x := range []float64{W / 2} {
		c.diamond(x, outer, 16, 10, gold)
		c.diamond(x, H-outer, 16, 10, gold)
	}
	c.text("KỶ NIỆM", W/2, 292, style{size: 48, bold: true, color: gold, align: alignCenter, track: 14})
	c.text("80 NĂM", W/2, 530, style{size: 236, bold: true, color: gold, align: alignCenter, track: 6})
	c.text("NGÀY THÀNH LẬP CHI BỘ CHÍ KIÊN", W/2, 652, style{size: 72, bold: true, color: cream, align: alignCenter, track: 3})
	c.ornamentRule(W/2, 724, 330, gold)
	c.text("22/9/1943 – 22/9/2023", W/2, 822, style{size: 60, color: paleGld, align: alignCenter, track: 2})
	c.text("Minh hoạ", W-inner-24, H-inner-22, style{size: 22, color: mix(paleGld, darkRed, 0.45), align: alignRight})
}

// frameRect strokes a rectangle inset d from the edges.
func frameRect(c *canvas, d, w float64, col color.Color) {
	c.line(pt{d - w/2, d}, pt{W - d + w/2, d}, w, col)
	c.line(pt{d - w/2, H - d}, pt{W - d + w/2, H - d}, w, col)
	c.line(pt{d, d}, pt{d, H - d}, w, col)
	c.line(pt{W - d, d}, pt{W - d, H - d}, w, col)
}

// mix blends a towards b by t.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 0xFF}
}

// Route colours: the two spearheads and the Bắc tiến.
var (
	route1 = red
	route2 = color.NRGBA{0x8A, 0x5A, 0x0C, 0xFF}
	route0 = darkRed
	northC = color.NRGBA{0x5A, 0x50, 0x4A, 0xFF}
)

// routeDiagram is a node-and-arrow schematic of the 1943 Nam tiến as the
// source tells it (block 12 of chapter 1 and the following paragraphs):
// from Nguyên Bình into châu Ngân Sơn, then two spearheads from Thượng Ân.
// Positions are relative, not a map.
func routeDiagram(c *canvas) {
	frame(c, "SƠ ĐỒ MINH HOẠ", "Đường Nam tiến năm 1943",
		"Sơ đồ minh hoạ — vị trí tương đối, không theo tỷ lệ", "Sơ đồ minh hoạ · Theo: ")

	const r = 15.0 // node radius
	nb := pt{960, 262}
	ta := pt{960, 410}
	left := []pt{{560, 530}, {560, 630}, {560, 730}, {560, 830}}
	leftNames := []string{"xã Cốc Đán", "xã Hà Hiệu (châu Chợ Rã)", "vượt qua Phja Bjoóc", "xã Nghĩa Tá (châu Chợ Đồn)"}
	right := []pt{{1360, 520}, {1360, 596}, {1360, 672}, {1360, 748}, {1360, 824}, {1360, 910}}
	rightNames := []string{"xã Bằng Đức", "xã Đức Vân", "xã Vân Tùng", "xã Thượng Quan", "xã Thuận Mang", "châu Bạch Thông"}

	// Routes first, nodes on top.
	c.arrow(nb, ta, r, r+6, 7, route0, false)
	c.arrow(ta, left[0], r+6, r, 6, route1, false)
	for i := 1; i < len(left); i++ {
		c.arrow(left[i-1], left[i], r, r, 6, route1, false)
	}
	c.arrow(ta, right[0], r+6, r, 6, route2, false)
	for i := 1; i < len(right); i++ {
		c.arrow(right[i-1], right[i], r, r, 6, route2, false)
	}
	// The Bắc tiến comes up from the south to Nghĩa Tá.
	bac := pt{560, 975}
	c.arrow(bac, left[3], 0, r+10, 5, northC, true)

	node := func(p pt, col color.Color) {
		c.disc(p.x, p.y, r, col)
		c.disc(p.x, p.y, r-6, card)
	}
	mark := func(p pt) { // a place remembered: double gold ring
		c.disc(p.x, p.y, r+9, gold)
		c.disc(p.x, p.y, r+5, card)
		c.disc(p.x, p.y, r, red)
		c.disc(p.x, p.y, 6, gold)
	}
	node(nb, route0)
	mark(ta)
	for _, p := range left {
		node(p, route1)
	}
	for _, p := range right {
		node(p, route2)
	}
	mark(right[1]) // Khau Pàn, xã Đức Vân
	mark(left[3])  // Nghĩa Tá: the meeting

	name := style{size: 30, bold: true, color: ink}
	c.text("Nguyên Bình (Cao Bằng)", nb.x+32, nb.y+10, name)
	c.text("xã Thượng Ân (châu Ngân Sơn)", ta.x+40, ta.y-10, name)
	c.text("Tháng 4 năm 1943: đến châu Ngân Sơn", nb.x+32, (nb.y+ta.y)/2+18, style{size: 24, color: muted})
	for i, p := range left {
		c.text(leftNames[i], p.x-34, p.y+10, style{size: 28, bold: i == 3, color: ink, align: alignRight})
	}
	for i, p := range right {
		c.text(rightNames[i], p.x+34, p.y+10, style{size: 28, bold: i == 5, color: ink})
	}
	c.text("Bắc tiến", bac.x-24, bac.y-14, style{size: 26, bold: true, color: northC, align: alignRight})

	// Spearhead captions.
	cap := func(x, y float64, head, who string, col color.Color, align int) {
		c.text(head, x, y, style{size: 24, bold: true, color: col, align: align, track: 2})
		c.text(who, x, y+32, style{size: 24, color: muted, align: align})
	}
	cap(96, 442, "MŨI THỨ NHẤT", "do đồng chí Nông Văn Quang phụ trách", route1, alignLeft)
	cap(W-96, 442, "MŨI THỨ HAI", "do đồng chí Dương Văn Long phụ trách", route2, alignRight)

	// Callouts for the places remembered.
	callout := func(x, y, w float64, lines []string, to pt, from pt) {
		c.line(from, to, 2, gold)
		h := float64(len(lines))*34 + 26
		c.roundRect(x, y, w, h, 12, gold)
		c.roundRect(x+2, y+2, w-4, h-4, 10, card)
		for i, l := range lines {
			c.text(l, x+22, y+42+float64(i)*34, style{size: 25, bold: i == 0, color: ink})
		}
	}
	callout(96, 232, 600, []string{"Đêm 22/9/1943: thành lập Chi bộ Chí Kiên", "dưới chân thác nước tại khu ruộng Coong Tát,", "thôn Bản Duồm, xã Thượng Ân"},
		pt{ta.x - r - 10, ta.y - 4}, pt{696, 330})
	callout(742, 560, 500, []string{"Khau Pàn, xã Đức Vân:", "đồng chí Phùng Chí Kiên hy sinh", "ngày 22 tháng 8 năm 1941"},
		pt{right[1].x - r - 10, right[1].y}, pt{1242, 600})
	callout(742, 806, 500, []string{"Tháng 10/1943, xã Nghĩa Tá:", "hai đoàn Nam tiến và Bắc tiến", "gặp nhau"},
		pt{left[3].x + r + 10, left[3].y}, pt{742, 840})

	// Legend.
	lx, ly := 760.0, 724.0
	c.line(pt{lx, ly}, pt{lx + 56, ly}, 6, route1)
	c.text("Mũi thứ nhất", lx+70, ly+9, style{size: 22, color: ink})
	c.line(pt{lx + 250, ly}, pt{lx + 306, ly}, 6, route2)
	c.text("Mũi thứ hai", lx+320, ly+9, style{size: 22, color: ink})
	c.dashed(pt{lx, ly + 44}, pt{lx + 56, ly + 44}, 5, 16, 10, northC)
	c.text("Bắc tiến", lx+70, ly+53, style{size: 22, color: ink})
	c.disc(lx+278, ly+44, 15, gold)
	c.disc(lx+278, ly+44, 11, card)
	c.disc(lx+278, ly+44, 7, red)
	c.text("Địa điểm ghi nhớ", lx+320, ly+53, style{size: 22, color: ink})
}

// chartFrame is the frame of a chart.
func chartFrame(c *canvas, title, subtitle string) {
	frame(c, "BIỂU ĐỒ MINH HOẠ", title, subtitle, "Biểu đồ minh hoạ · Số liệu: ")
}

// panel draws a card with a heading and returns the card's box.
func panel(c *canvas, x, y, w, h float64, heading string) {
	c.roundRect(x, y, w, h, 18, rule)
	c.roundRect(x+2, y+2, w-4, h-4, 16, card)
	c.rect(x+2, y+18, 6, 44, red)
	c.text(heading, x+34, y+54, style{size: 34, bold: true, color: ink})
}

// partyChart compares the provincial Party organisation when the province
// was re-established with now (chapter 4).
func partyChart(c *canvas) {
	chartFrame(c, "Đảng bộ tỉnh: khi mới tái lập và đến nay", "Số đảng viên, tổ chức cơ sở đảng và đảng bộ trực thuộc")
	type pair struct {
		heading      string
		before, now  float64
		bText, nText string
		note         string
	}
	pairs := []pair{
		{"Đảng viên", 11102, 36808, "11.102", "36.808", "chiếm hơn 11% dân số"},
		{"Tổ chức cơ sở đảng", 299, 432, "299", "432", ""},
		{"Đảng bộ trực thuộc", 9, 11, "9", "11", ""},
	}
	const top, bottom = 236.0, 952.0
	gap := 40.0
	pw := (W - 192 - 2*gap) / 3
	for i, p := range pairs {
		x := 96 + float64(i)*(pw+gap)
		panel(c, x, top, pw, bottom-top, p.heading)
		base := bottom - 120
		maxH := 400.0
		bw := 150.0
		cx1, cx2 := x+pw/2-110, x+pw/2+110
		for j, v := range []float64{p.before, p.now} {
			cx := []float64{cx1, cx2}[j]
			h := maxH * v / p.now
			col := []color.Color{gold, red}[j]
			c.rect(cx-bw/2, base-h, bw, h, col)
			c.text([]string{p.bText, p.nText}[j], cx, base-h-18, style{size: 46, bold: true, color: ink, align: alignCenter})
			c.text([]string{"Khi mới tái lập", "Đến nay"}[j], cx, base+40, style{size: 26, color: muted, align: alignCenter})
		}
		c.line(pt{x + 40, base}, pt{x + pw - 40, base}, 2, muted)
		if p.note != "" {
			c.text(p.note, x+pw/2, base+88, style{size: 26, bold: true, color: red, align: alignCenter})
		}
	}
}

// startChart shows where the province started from when it was
// re-established (chapter 3): how many of its 112 communes lacked roads,
// power and telephones.
func startChart(c *canvas) {
	chartFrame(c, "Khi mới tái lập tỉnh: xuất phát điểm thấp",
		"Toàn tỉnh có 6 huyện, thị và 112 xã, phường, thị trấn; trong đó:")
	rows := []struct {
		label string
		n     float64
		value string
	}{
		{"chưa có đường ô tô", 16, "16 xã"},
		{"ô tô chỉ đến được trong mùa khô", 16, "16 xã khác"},
		{"chưa có điện thoại", 93, "93 xã"},
		{"chưa có điện lưới quốc gia", 102, "102 xã (và 2 huyện)"},
		{"thuộc diện đặc biệt khó khăn", 103, "103 xã"},
	}
	x0, y := 96.0, 270.0
	barX, barW := 96.0, 1080.0
	for _, r := range rows {
		c.text(r.label, x0, y, style{size: 30, bold: true, color: ink})
		by := y + 20
		c.roundRect(barX, by, barW, 44, 8, track)
		w := barW * r.n / 112
		c.roundRect(barX, by, w, 44, 8, red)
		if w > barW-330 { // no room after the bar: inside it
			c.text(r.value, barX+w-18, by+33, style{size: 30, bold: true, color: cream, align: alignRight})
		} else {
			c.text(r.value, barX+w+18, by+33, style{size: 30, bold: true, color: red})
		}
		y += 140
	}
	c.text("Cả thanh: 112 xã, phường, thị trấn", barX+barW, 270, style{size: 22, color: muted, align: alignRight})

	// What the source gives only in words.
	px, pw := 1290.0, W-96-1290.0
	panel(c, px, 224, pw, 700, "Cũng khi ấy")
	facts := []struct{ big, text string }{
		{"trên 50%", "số hộ dân thuộc diện đói nghèo"},
		{"chưa đáp ứng 10%", "nhu cầu chi toàn tỉnh: thu ngân sách thấp"},
		{"36 %", "số xã chưa đạt chuẩn quốc gia về phổ cập giáo dục tiểu học và xóa mù chữ"},
	}
	fy := 350.0
	for i, f := range facts {
		if i > 0 {
			c.line(pt{px + 34, fy - 58}, pt{px + pw - 34, fy - 58}, 1.5, rule)
		}
		c.text(f.big, px+34, fy, style{size: 50, bold: true, color: red})
		fy = c.paragraph(f.text, px+34, fy+46, pw-68, 36, style{size: 27, color: ink}) + 84
	}
}

// economyChart shows the 2022 results of chapter 5. Only shares of a
// whole (forest cover, the agriculture share, the PCI rank among 63) are
// drawn to scale; the growth ratios are written, since the source does not
// give the 1997 values they compare with.
func economyChart(c *canvas) {
	chartFrame(c, "Kinh tế năm 2022: một số kết quả nổi bật", "Thu ngân sách, nông, lâm nghiệp, độ che phủ rừng và chỉ số PCI")
	gap := 36.0
	pw := (W - 192 - gap) / 2
	ph := (952 - 226 - gap) / 2
	x1, x2 := 96.0, 96+pw+gap
	y1, y2 := 226.0, 226+ph+gap

	// Budget revenue.
	panel(c, x1, y1, pw, ph, "Thu ngân sách năm 2022")
	c.text("855 tỷ đồng", x1+34, y1+160, style{size: 78, bold: true, color: red})
	c.text("tăng hơn 50 lần so với năm 1997", x1+34, y1+222, style{size: 32, bold: true, color: ink})
	c.text("vượt 13% so với dự toán Trung ương giao", x1+34, y1+272, style{size: 27, color: muted})
	c.text("Văn bản gốc không nêu số thu năm 1997 nên không vẽ cột so sánh.", x1+34, y1+ph-26, style{size: 21, color: muted})

	// Agriculture and forestry.
	panel(c, x2, y1, pw, ph, "Ngành nông, lâm nghiệp năm 2022")
	c.text("trên 2.290,8 tỷ đồng", x2+34, y1+160, style{size: 70, bold: true, color: red})
	c.text("tăng 18 lần so với năm 1997", x2+34, y1+218, style{size: 32, bold: true, color: ink})
	bx, bw := x2+34, pw-68
	c.roundRect(bx, y1+244, bw, 30, 6, track)
	c.roundRect(bx, y1+244, bw*28.9/100, 30, 6, gold)
	c.text("chiếm 28,9% trong cơ cấu kinh tế chung của tỉnh", bx, y1+306, style{size: 26, color: muted})

	// Forest cover.
	panel(c, x1, y2, pw, ph, "Độ che phủ rừng")
	green := color.NRGBA{0x3C, 0x6E, 0x47, 0xFF}
	cx, cy, rr := x1+150, y2+200, 100.0
	c.ring(cx, cy, rr, 34, track)
	c.fill(green, arcPath(cx, cy, rr, 34, 73.4/100))
	c.text("73,4 %", x1+300, y2+170, style{size: 78, bold: true, color: green})
	c.paragraph("Bắc Kạn trở thành địa phương có độ che phủ rừng cao nhất cả nước", x1+300, y2+226, pw-300-34, 38,
		style{size: 27, bold: true, color: ink})

	// PCI.
	panel(c, x2, y2, pw, ph, "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) 2022")
	c.text("65,15 điểm", x2+34, y2+150, style{size: 70, bold: true, color: red})
	c.text("xếp thứ 35/63 tỉnh, thành phố · tăng 13 bậc", x2+34, y2+204, style{size: 30, bold: true, color: ink})
	sx, sw := x2+34, pw-68
	cell := sw / 63
	for i := 0; i < 63; i++ {
		col := color.Color(track)
		if i == 34 {
			col = red
		}
		c.rect(sx+float64(i)*cell+1, y2+236, cell-2, 40, col)
	}
	c.text("1", sx, y2+306, style{size: 22, color: muted})
	c.text("63", sx+sw, y2+306, style{size: 22, color: muted, align: alignRight})
	c.text("35", sx+34.5*cell, y2+306, style{size: 24, bold: true, color: red, align: alignCenter})
}

// arcPath is the part of a ring of radius r and width w from twelve
// o'clock clockwise through fraction f of the turn.
func arcPath(cx, cy, r, w, f float64) []pt {
	n := 160
	var outer, inner []pt
	for i := 0; i <= n; i++ {
		a := -math.Pi/2 + 2*math.Pi*f*float64(i)/float64(n)
		outer = append(outer, pt{cx + (r+w/2)*math.Cos(a), cy + (r+w/2)*math.Sin(a)})
		inner = append(inner, pt{cx + (r-w/2)*math.Cos(a), cy + (r-w/2)*math.Sin(a)})
	}
	return append(outer, reversed(inner)...)
}
