package exhibit

import "testing"

const orderManifest = `# top comment
format = 1
id = "x"

[[chapters]]
id = "a"   # first
title = "A"

[[photos]]
id = "p"

# about b
[[chapters]]
id = "b"
title = "B"

[[chapters]]
id = "c"
title = "C"
`

func TestOrderAndRemoveEntries(t *testing.T) {
	m := EditManifest([]byte(orderManifest))
	if m.OrderEntries("chapters", []string{"a", "b", "c"}) || m.Changed() {
		t.Fatal("same order changed the file")
	}
	if !m.OrderEntries("chapters", []string{"c", "a", "b"}) {
		t.Fatal("order not changed")
	}
	want := `# top comment
format = 1
id = "x"

[[chapters]]
id = "c"
title = "C"

[[photos]]
id = "p"

# about b
[[chapters]]
id = "a"   # first
title = "A"

[[chapters]]
id = "b"
title = "B"

`
	if got := string(m.Bytes()); got != want {
		t.Errorf("ordered:\n%s\nwant:\n%s", got, want)
	}
	if !m.RemoveEntry("chapters", "a") || m.RemoveEntry("chapters", "zz") {
		t.Fatal("remove")
	}
	if m.HasEntry("chapters", "id", "a") || !m.HasEntry("chapters", "id", "b") || !m.HasEntry("photos", "id", "p") {
		t.Errorf("after remove:\n%s", m.Bytes())
	}
	if _, err := parseTOML("pack.toml", string(m.Bytes()), 0); err != nil {
		t.Errorf("not TOML: %v", err)
	}
}
