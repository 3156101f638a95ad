package screens

import (
	"path/filepath"
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

	// Every problem of the test packs reads in Vietnamese on the screen,
	// with every placeholder filled.
	for _, pr := range testdataProblems(t) {
		got := pr.Text(e.prefs.Language())
		if got == pr.Message || strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
			t.Errorf("%s: not translated properly: %q", pr.Kind, got)
		}
	}

	// In English the screen shows the same English the command line prints.
	e.prefs.SetLanguage("en")
	defer e.prefs.SetLanguage("vi")
	e.openProblems()
	if txt := words(renderedText(win.Content())); !strings.Contains(txt, words(problems[0].Message)) {
		t.Errorf("English problems screen lacks %q; it shows:\n%s", problems[0].Message, txt)
	}
}
