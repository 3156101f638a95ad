package exhibit

import "testing"

// Credits have no id: the editor sets and removes them by place, keeping
// each entry's comments; a top-level key can be removed.
func TestManifestEditNthEntry(t *testing.T) {
	in := "format = 1\n# the cover\ncover = \"photos/a.jpg\"\ntitle = \"X\"\n\n[[credits]]\n# the text\nrole = \"Văn bản\"\nname = \"A\"\n\n[[credits]]\nname = \"B\"\n\n[[credits]]\nname = \"C\"\n\n[[chapters]]\nid = \"a\"\n"
	m := EditManifest([]byte(in))
	if !m.RemoveKey("", "cover") || m.RemoveKey("", "cover") {
		t.Fatal("RemoveKey cover")
	}
	if m.RemoveKey("", "id") {
		t.Error("removed a key of [[chapters]] as a top-level key")
	}
	if _, err := m.SetNthEntryKey("credits", 1, "role", "Ảnh"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.SetNthEntryKey("credits", 0, "name", "A2"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.SetNthEntryKey("credits", 3, "name", "D"); err == nil {
		t.Error("no error for a fourth credit")
	}
	if !m.RemoveNthEntry("credits", 2) || m.RemoveNthEntry("credits", 2) {
		t.Fatal("RemoveNthEntry")
	}
	want := "format = 1\n# the cover\ntitle = \"X\"\n\n[[credits]]\n# the text\nrole = \"Văn bản\"\nname = \"A2\"\n\n[[credits]]\nname = \"B\"\nrole = \"Ảnh\"\n\n[[chapters]]\nid = \"a\"\n"
	if got := string(m.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A chapter's photo list is written on one line, over a list that spanned
// several lines, and added where there was none.
func TestManifestEditSetEntryList(t *testing.T) {
	in := "[[chapters]]\nid = \"a\"\nphotos = [\n  \"x@1\",  # first [sic]\n  \"y\",\n]\nnotes = \"n\"\n\n[[chapters]]\nid = \"b\"\n"
	m := EditManifest([]byte(in))
	if err := m.SetEntryList("chapters", "a", "photos", []string{"y", "x@2"}); err != nil {
		t.Fatal(err)
	}
	if err := m.SetEntryList("chapters", "b", "photos", nil); err != nil {
		t.Fatal(err)
	}
	if err := m.SetEntryList("chapters", "c", "photos", nil); err == nil {
		t.Error("no error for a missing entry")
	}
	want := "[[chapters]]\nid = \"a\"\nphotos = [\"y\", \"x@2\"]\nnotes = \"n\"\n\n[[chapters]]\nid = \"b\"\nphotos = []\n"
	if got := string(m.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
