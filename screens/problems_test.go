package screens

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"trienlam/assets"
	"trienlam/internal/exhibit"
)

// testdataProblems loads every pack the exhibit package tests with, folders
// and zips, and returns all their problems.
func testdataProblems(t *testing.T) []exhibit.Problem {
	t.Helper()
	dirs, err := filepath.Glob("../internal/exhibit/testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	zips, err := filepath.Glob("../internal/exhibit/testdata/zips/*.zip")
	if err != nil {
		t.Fatal(err)
	}
	var all []exhibit.Problem
	for _, p := range append(dirs, zips...) {
		if filepath.Base(p) == "zips" {
			continue
		}
		_, probs, pfs, _ := exhibit.LoadPath(p)
		if pfs != nil {
			pfs.Close()
		}
		all = append(all, probs...)
	}
	if len(all) < 20 {
		t.Fatalf("found only %d problems in the exhibit test packs; have they moved?", len(all))
	}
	return all
}

// exhibitKinds returns every Kind the exhibit package can report: those
// written as Kind: "…" literals in its source and those the test packs make.
func exhibitKinds(t *testing.T) map[string]string {
	t.Helper()
	kinds := map[string]string{}
	files, err := filepath.Glob("../internal/exhibit/*.go")
	if err != nil {
		t.Fatal(err)
	}
	lit := regexp.MustCompile(`Kind:\s*"([^"]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllSubmatch(src, -1) {
			kinds[string(m[1])] = filepath.Base(f)
		}
	}
	if len(kinds) < 30 {
		t.Fatalf("found only %d kinds in exhibit/*.go; is the pattern still right?", len(kinds))
	}
	for _, p := range testdataProblems(t) {
		if p.Kind == "" {
			t.Errorf("problem without Kind: %v", p)
			continue
		}
		if _, ok := kinds[p.Kind]; !ok {
			kinds[p.Kind] = "exhibit/testdata (" + p.File + ")"
		}
	}
	return kinds
}

// Staff read pack problems in Vietnamese: every kind of problem the
// exhibit package reports has its template in both translation files.
func TestEveryProblemKindIsTranslated(t *testing.T) {
	kinds := exhibitKinds(t)
	for _, code := range []string{"vi", "en"} {
		data, err := assets.Translations.ReadFile("translations/" + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(data, &tr); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		for k, where := range kinds {
			if v := tr["problem."+k]; v == "" {
				t.Errorf("%s.json lacks %q (kind from %s)", code, "problem."+k, where)
			}
		}
		// A template for a kind no longer made is a sign of a renamed kind.
		for key := range tr {
			if k, ok := strings.CutPrefix(key, "problem."); ok {
				if _, used := kinds[k]; !used {
					t.Errorf("%s.json has %q, a kind the exhibit package does not report", code, key)
				}
			}
		}
	}
}

// words normalises white space, so text wrapped over several lines by a
// label compares equal to the sentence.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestProblemsScreenInVietnamese(t *testing.T) {
	a := test.NewTempApp(t)
	p, _, err := exhibit.Load(assets.Pack())
	if err != nil {
		t.Fatal(err)
	}
	_, problems, pfs, err := exhibit.LoadPath("../internal/exhibit/testdata/missing-chapter")
	if err != nil {
		t.Fatal(err)
	}
	pfs.Close()
	if len(problems) != 1 || problems[0].Kind != "file-not-found" {
		t.Fatalf("missing-chapter test pack: want one file-not-found problem, got %#v", problems)
	}
	win := test.NewWindow(nil)
	defer win.Close()
	e := New(a, win, p, problems)
	win.Resize(fyne.NewSize(1280, 720))
	e.openProblems()
	txt := words(renderedText(win.Content()))
	for _, want := range []string{
		"Không tìm thấy tệp “chapters/x.md”. Hãy chép tệp vào gói, hoặc sửa lại đường dẫn ở vị trí được nêu.",
		"Mọi phần hợp lệ vẫn được trình bày bình thường; hãy sửa các tệp dưới đây rồi mở lại gói.",
		"Tệp pack.toml",
	} {
		if !strings.Contains(txt, words(want)) {
			t.Errorf("problems screen lacks %q; it shows:\n%s", want, txt)
		}
	}
	if strings.Contains(txt, problems[0].Message) {
		t.Errorf("problems screen shows the English message %q", problems[0].Message)
	}

	// Every problem of the test packs reads in Vietnamese, with every
	// placeholder filled.
	for _, pr := range testdataProblems(t) {
		got := problemText(pr)
		if got == pr.Message || strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
			t.Errorf("%s: not translated properly: %q", pr.Kind, got)
		}
	}
}
