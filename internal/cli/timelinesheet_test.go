package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// export-timeline --template writes a workbook; filled in Excel (here with
// excelize, numbers stored as numbers) import-timeline reads it into the
// pack, which then validates.
func TestTimelineTemplateRoundTrip(t *testing.T) {
	tmp := t.TempDir()
	tpl := filepath.Join(tmp, "mau.xlsx")
	r := run("export-timeline", "--template", tpl)
	if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "wrote the timeline template "+tpl) {
		t.Fatalf("template = %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run("export-timeline", "--template", tpl); r.code == 0 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("template over a file = %d %q", r.code, r.stderr)
	}
	if r := run("export-timeline", "--template", filepath.Join(tmp, "x.json")); r.code != ExitUsage {
		t.Errorf("template as json = %d %q", r.code, r.stderr)
	}
	f, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Timeline", "A3", &[]any{1943, 9, 22, nil, nil, nil, nil, nil, "Đêm 22/9/1943", "Thành lập chi bộ", "Chi bộ ra đời."})
	f.SetSheetRow("Timeline", "A4", &[]any{1945, 8, 19, nil, nil, nil, nil, nil, nil, "Giành chính quyền"})
	if err := f.SaveAs(tpl); err != nil {
		t.Fatal(err)
	}
	f.Close()

	dir := copyDir(t, filepath.Join(tjs, "pack"))
	r = run("import-timeline", tpl, "--pack", dir)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "imported 2 events, 0 eras into ") {
		t.Fatalf("import = %d %q %q", r.code, r.stdout, r.stderr)
	}
	toml, _ := os.ReadFile(filepath.Join(dir, "timeline.toml"))
	for _, want := range []string{`title = "Tên dòng thời gian"`, `start = "1943-09-22"`, `display = "Đêm 22/9/1943"`, `headline = "Giành chính quyền"`} {
		if !strings.Contains(string(toml), want) {
			t.Errorf("timeline.toml lacks %q:\n%s", want, toml)
		}
	}
	if r := run("validate", dir); r.code != 0 {
		t.Errorf("validate = %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// A CSV with a problem writes nothing and says the row and column.
func TestImportTimelineCSVProblem(t *testing.T) {
	dir := copyDir(t, filepath.Join(tjs, "pack"))
	src := filepath.Join(t.TempDir(), "dong.csv")
	os.WriteFile(src, []byte("Năm,Tháng,Tiêu đề\n1943,13,Thành lập\n"), 0o644)
	r := run("import-timeline", src, "--pack", dir)
	if r.code == 0 || !strings.Contains(r.stdout, "dong.csv:2: Tháng: ") || !strings.Contains(r.stderr, "nothing was written") {
		t.Fatalf("import = %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "timeline.toml")); err == nil {
		t.Error("timeline.toml written despite the problem")
	}
}
