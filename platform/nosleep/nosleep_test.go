package nosleep

import "testing"

// Kiosk mode, presenting and the tour each hold the screen on; the
// system is asked once and released only when the last lets go, in any
// order, and a release called twice counts once.
func TestHoldsNest(t *testing.T) {
	asked, released := 0, 0
	system = func(string) func() {
		asked++
		return func() { released++ }
	}
	t.Cleanup(func() { system = inhibit })
	kiosk := Inhibit("kiosk")
	tour := Inhibit("tour")
	if asked != 1 || !Held() {
		t.Fatalf("two holds asked the system %d times", asked)
	}
	kiosk()
	kiosk()
	if released != 0 || !Held() {
		t.Fatal("the tour still holds the screen; it must not be released")
	}
	tour()
	if released != 1 || Held() {
		t.Fatalf("the last release: released %d times, held %v", released, Held())
	}
	again := Inhibit("present")
	if asked != 2 {
		t.Error("a new hold after all were released asks again")
	}
	again()
}
